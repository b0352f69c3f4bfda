"""Confidence policies compared on the console path (full request envelopes, as Lambda): for each variant of the
ranker's ``Policy``, the right answers, wrong pages and safety cases kept, per corpus group. Where
``eval_tools/calibration.py`` replays the ranker alone on single questions, this reads context, clauses and the
triage too.

    .venv/bin/python bench/policy_variants.py 'lead=5,lead_floor=0.55' 'lead=inf' [--corpus extra.toml ...] [--no-gate]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_tools.interaction_model import locales  # noqa: E402
from eval_tools.evaluation import _is_page, load_cases, run_console  # noqa: E402
from skill.understanding import ranker as ranking  # noqa: E402

GROUPS = {
    "development": sorted((ROOT / "tests" / "corpus").glob("*.toml")),
    "blind": sorted((ROOT / "tests" / "corpus" / "blind").glob("*.toml")),
}


def variant(spec: str) -> ranking.Policy:
    """ "lead=5,lead_floor=0.55" -> the shipped policy with those fields replaced ("" is the shipped one)."""
    fields = dict(pair.split("=") for pair in spec.split(",") if pair)
    return dataclasses.replace(ranking.POLICY, **{name: float(value) for name, value in fields.items()})


def score(files: list[Path]) -> str:
    outcomes = run_console(load_cases(files)).outcomes
    right = sum(o.right for o in outcomes)
    answered = [o for o in outcomes if _is_page(o.got)]
    wrong = sum(not o.right for o in answered)
    safety = [o for o in outcomes if o.case.safety]
    kept = sum(o.safe for o in safety)
    return f"{right}/{len(outcomes)} right, {wrong}/{len(answered)} wrong, safety {kept}/{len(safety)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("variants", nargs="*", default=[""], help="field=value,... ('' = the shipped policy)")
    parser.add_argument("--corpus", nargs="*", type=Path, default=[], help="another group of corpus files")
    parser.add_argument("--no-gate", action="store_true", help="the rules alone, without the learned answer gate")
    args = parser.parse_args(argv)
    groups = GROUPS | ({"more": args.corpus} if args.corpus else {})
    for spec in args.variants:
        policy = variant(spec)
        for locale in locales():
            ranking.ranker(locale).policy = policy
            if args.no_gate:
                ranking.ranker(locale).gate = None
        print(spec or "shipped", " | ".join(f"{name}: {score(files)}" for name, files in groups.items()), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
