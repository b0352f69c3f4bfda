"""Why each miss missed, by mechanism: the table of the README's "Why the blind corpora's misses missed".

Every case of the corpora runs through the console (full request envelopes, as Lambda); each miss that is not a
safety case is put in one bucket by what the ranker alone knew about its words (its candidates, one per page,
best first):

- ``a``: the right page was the ranker's first candidate, but the verdict was "I don't know" or "Do you mean";
- ``b3`` / ``b10``: the right page was in the first three / ten candidates, not first, and no page was answered;
- ``c``: the right page was not among the first ten candidates (words or phrasings the bank lacks);
- ``d``: no page answers it (labelled "unknown"), yet a page was answered;
- ``e1`` / ``e3`` / ``e10`` / ``e``: a wrong page answered where a right one exists, with the right page
  first / in the first three / ten candidates / further (the first may differ from the console's answer, which
  reads context and clauses);
- ``other``: a command, navigation or safety level where a page or "I don't know" was due, or the reverse.

    python -m eval_tools.diagnosis tests/corpus/blind/*.toml [-v]
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

from skill.understanding.ranker import one_per_page, ranker

from .evaluation import URGENCY, Case, Outcome, _fits, _is_page, _label, load_cases, run_console

BUCKETS = ("a", "b3", "b10", "c", "d", "e1", "e3", "e10", "e", "other")


def rank_of_right(case: Case) -> int | None:
    """Where the right page stands among the ranker's candidates for the case's words (0 = first), or None."""
    considered = ranker(case.locale).consider(case.text)
    if considered is None:
        return None
    pages = [_label(r.question.ref) for r in one_per_page(list(considered.ranked))]
    return next((n for n, page in enumerate(pages) if any(_fits(e, page) for e in case.expect)), None)


def bucket(outcome: Outcome) -> str | None:
    """The miss's bucket (``BUCKETS``), or None for a right answer or a safety case."""
    case = outcome.case
    if outcome.right or case.safety:
        return None
    if case.expect == ("unknown",):
        return "d" if _is_page(outcome.got) else "other"
    if (
        not case.has_answer
        or outcome.got in URGENCY
        or not (_is_page(outcome.got) or outcome.got in ("unknown", "clarify"))
    ):
        return "other"
    place = rank_of_right(case)
    if _is_page(outcome.got):
        return "e" if place is None or place >= 10 else "e1" if place == 0 else "e3" if place < 3 else "e10"
    return "c" if place is None or place >= 10 else "a" if place == 0 else "b3" if place < 3 else "b10"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="+", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true", help="list each miss with its bucket")
    args = parser.parse_args(argv)
    totals: collections.Counter[str] = collections.Counter()
    print(f"{'corpus':24} {'cases':>5} {'right':>5} " + " ".join(f"{b:>5}" for b in BUCKETS))
    for path in args.corpus:
        report = run_console(load_cases([path]))
        counts: collections.Counter[str] = collections.Counter(cases=len(report.outcomes))
        for outcome in report.outcomes:
            counts["right"] += outcome.right
            kind = bucket(outcome)
            if kind is None:
                continue
            counts[kind] += 1
            if args.verbose:
                case = outcome.case
                print(f"  {kind:5} {case.locale} | {case.text} | want {','.join(case.expect)} | got {outcome.got}")
        totals.update(counts)
        print(f"{path.stem:24} {counts['cases']:5} {counts['right']:5} " + " ".join(f"{counts[b]:5}" for b in BUCKETS))
    print(f"{'all':24} {totals['cases']:5} {totals['right']:5} " + " ".join(f"{totals[b]:5}" for b in BUCKETS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
