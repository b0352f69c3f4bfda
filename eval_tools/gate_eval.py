"""The learned answer gate (``skill/understanding/gate.py``): its data, its fit, its threshold, and how it would meet
a new corpus.

Every single question of the labelled corpora (``evaluation.for_ranker``) is ranked once; the features of the rules'
verdict are read (``Ranker.features``) and labelled by whether the best candidate's page is an expected answer
(out-of-scope and "unknown" cases are never). A logistic regression is fitted on them, and its threshold is the one
that gives the most right answers while the wrong pages stay within the calibration's budget
(``calibration.WRONG_BUDGET``) and the answers the gate adds are wrong at most one time in ``ADDED_WRONG``.

Leave-one-corpus-out: for each corpus, the gate is fitted and its threshold chosen without it, then scored on it, as
a new corpus would meet it. Printed: per corpus, the rules alone and the rules with the gate (right, wrong, share of
answers wrong), the totals, and the curve of the gate's threshold on every corpus; with ``--console``, the same
leave-one-corpus-out on the console path (full request envelopes: context, clauses, triage), safety recall and
precision beside.

    python -m eval_tools.gate_eval [tests/corpus/*.toml tests/corpus/blind/*.toml] [--console [FILE ...]]
    python bench/understanding.py --gate [--console]                      # the same
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from skill.understanding import gate
from skill.understanding.ranker import ANSWER, CLARIFY, Ranker, ranker

from .calibration import WRONG_BUDGET, Tally, total
from .evaluation import Case, _fits, _label, for_ranker, load_cases, run_console

ROOT = Path(__file__).resolve().parent.parent
BLIND = sorted((ROOT / "tests" / "corpus" / "blind").glob("*.toml"))
CORPORA = sorted((ROOT / "tests" / "corpus").glob("*.toml")) + BLIND
# The answers the gate adds are wrong at most one time in this many, on the corpora it is chosen on.
ADDED_WRONG = 4
THRESHOLDS = [t / 100 for t in range(30, 100)]
L2 = 1.0  # the regression's penalty, on standardised features


@dataclass(frozen=True)
class Row:
    """One single question: its corpus, the rules' outcome, and what the gate would read."""

    corpus: str
    got: str  # the rules' outcome: a page's label, "clarify" or "unknown"
    expect: tuple[str, ...]
    top: str  # the best candidate's page, or "" when there is none
    features: tuple[float, ...]
    # The gate may answer it: the rules said "I don't know" with a candidate the classifier does not rule out.
    gated: bool

    @property
    def label(self) -> bool:
        """The best candidate's page is an expected answer."""
        return bool(self.top) and any(_fits(e, self.top) for e in self.expect)


def rows(bank: Ranker, cases: Iterable[Case]) -> list[Row]:
    """Each case's row, with the gate off (the rules alone)."""
    kept, bank.gate = bank.gate, None
    try:
        out = []
        for case in cases:
            considered = bank.consider(case.text)
            if considered is None:
                out.append(Row(case.corpus, "unknown", case.expect, "", (), False))
                continue
            ranking = bank.verdict(considered)
            found = tuple(_label(r.question.ref) for r in ranking.candidates)
            got = found[0] if ranking.verdict == ANSWER else ranking.verdict
            read = bank.features(considered)
            if read is None:
                out.append(Row(case.corpus, got, case.expect, "", (), False))
                continue
            best, features = read
            gated = (
                ranking.verdict not in (ANSWER, CLARIFY)
                and best.chance >= bank.policy.least_chance
                and not considered.among
            )
            out.append(Row(case.corpus, got, case.expect, _label(best.question.ref), tuple(features), gated))
        return out
    finally:
        bank.gate = kept


def fit(data: list[Row], threshold: float = 0.5, digest: str = "") -> gate.Gate:
    """A logistic regression on the rows with a candidate (L2 on standardised features, Newton's method)."""
    import numpy as np

    used = [r for r in data if r.features]
    x = np.array([r.features for r in used], dtype=float)
    y = np.array([r.label for r in used], dtype=float)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    penalty = np.diag([L2] * (z.shape[1] - 1) + [0.0])
    for _ in range(50):
        p = 1 / (1 + np.exp(-(z @ w)))
        gradient = z.T @ (p - y) + penalty @ w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    weights = w[:-1] / scale
    bias = w[-1] - float((w[:-1] * mean / scale).sum())
    return gate.Gate(tuple(float(v) for v in weights), float(bias), threshold, digest)


def outcome(row: Row, chosen: gate.Gate | None) -> str:
    """The case's outcome with ``chosen`` as the gate (None: the rules alone)."""
    if chosen is not None and row.gated and chosen.answers(row.features):
        return row.top
    return row.got


def tallies(data: list[Row], chosen: gate.Gate | None) -> dict[str, Tally]:
    """Corpus -> its tally."""
    out: dict[str, Tally] = {}
    for row in data:
        got = outcome(row, chosen)
        answered = got not in ("clarify", "unknown")
        right = any(_fits(e, got) for e in row.expect)
        tally = out.setdefault(row.corpus, Tally())
        tally.cases += 1
        tally.right += right
        tally.answers += answered
        tally.wrong += answered and not right
    return out


def threshold(data: list[Row], fitted: gate.Gate) -> float:
    """The threshold with the most right answers while the wrong pages stay within the budget and the answers the gate
    adds are wrong at most one time in ``ADDED_WRONG``; above every threshold (the gate off) when none does."""
    base = total(tallies(data, None).values())
    best, chosen = (base.right, -base.wrong), 1.01
    for t in THRESHOLDS:
        tally = total(tallies(data, _at(fitted, t)).values())
        added, more_wrong = tally.answers - base.answers, tally.wrong - base.wrong
        if tally.wrong > WRONG_BUDGET * tally.cases or more_wrong * ADDED_WRONG > max(added, 0):
            continue
        if (tally.right, -tally.wrong) > best:
            best, chosen = (tally.right, -tally.wrong), t
    return chosen


def _at(fitted: gate.Gate, t: float) -> gate.Gate:
    return gate.Gate(fitted.weights, fitted.bias, t, fitted.digest)


def trained(data: list[Row], digest: str = "") -> gate.Gate:
    """The gate fitted on ``data``, at the threshold chosen on it."""
    fitted = fit(data, digest=digest)
    return _at(fitted, threshold(data, fitted))


def leave_one_corpus_out(data: list[Row]) -> dict[str, tuple[Tally, Tally, float]]:
    """Corpus -> its tally under the rules alone, under the gate trained and thresholded without it, and that
    threshold."""
    out = {}
    for held in sorted({r.corpus for r in data}):
        chosen = trained([r for r in data if r.corpus != held])
        mine = [r for r in data if r.corpus == held]
        out[held] = (tallies(mine, None)[held], tallies(mine, chosen)[held], chosen.threshold)
    return out


def curve(data: list[Row], fitted: gate.Gate) -> list[tuple[float, Tally]]:
    """The gate fitted on every corpus, at each threshold: right and wrong over every corpus."""
    return [(t, total(tallies(data, _at(fitted, t)).values())) for t in THRESHOLDS[::5]]


def console(data: list[Row], files: list[Path]) -> None:
    """The console path (full request envelopes, as Lambda: context, clauses, triage), for each of ``files``: the
    rules alone, then the gate trained and thresholded without that corpus."""
    bank = ranker("en-US")
    kept = bank.gate
    before, after = Tally(), Tally()
    print("\nconsole path, leave-one-corpus-out (rules alone -> with the gate trained without the corpus):")
    try:
        for path in files:
            cases = load_cases([path])
            for name, chosen, tally in (
                ("rules", None, before),
                ("gate", trained([r for r in data if r.corpus != path.stem]), after),
            ):
                bank.gate = chosen
                report = run_console(cases)
                outcomes = report.outcomes
                mine = Tally(
                    len(outcomes),
                    sum(o.right for o in outcomes),
                    sum(o.answered and not o.right for o in outcomes),
                    sum(o.answered for o in outcomes),
                )
                tally.add(mine)
                print(
                    f"  {path.stem:22} {name:5} {mine}  safety recall {report.safety_recall():.1%}"
                    f" precision {report.safety_precision():.1%}",
                    flush=True,
                )
    finally:
        bank.gate = kept
    print(f"  {'total':22} rules {before}\n  {'':22} gate  {after}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", type=Path)
    parser.add_argument(
        "--console", nargs="*", type=Path, help="also score these corpora on the console path (default: the blind ones)"
    )
    args = parser.parse_args(argv)
    cases = [c for c in load_cases(args.corpus or CORPORA) if for_ranker(c)]
    data = rows(ranker("en-US"), cases)
    print(
        f"{len(data)} single questions; wrong pages kept to {WRONG_BUDGET:.1%} of the cases, "
        f"the gate's added answers wrong at most 1 in {ADDED_WRONG}"
    )
    print("\nleave-one-corpus-out (rules alone -> rules and the gate trained without the corpus):")
    before, after = Tally(), Tally()
    for corpus, (rules, gated, t) in leave_one_corpus_out(data).items():
        print(f"  {corpus:24} {rules}\n  {'':16} t={t:4.2f} {gated}")
        before.add(rules)
        after.add(gated)
    print(f"  {'total, rules alone':24} {before}\n  {'total, with the gate':24} {after}")
    everywhere = trained(data)
    print(f"\nthe gate on every corpus: threshold {everywhere.threshold:.2f}")
    for name, w in zip(gate.NAMES, everywhere.weights, strict=True):
        print(f"  {name:14} {w:+.3f}")
    print(f"  {'bias':14} {everywhere.bias:+.3f}")
    print("curve (every corpus; rules alone first):")
    print(f"  {'rules':>6} {total(tallies(data, None).values())}")
    for t, tally in curve(data, everywhere):
        print(f"  {t:6.2f} {tally}")
    if args.console is not None:
        console(data, args.console or BLIND)
    return 0


if __name__ == "__main__":
    sys.exit(main())
