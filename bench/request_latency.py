"""Warm request latency: how long the skill takes to answer each kind of request once it is loaded.

Sends full request envelopes from tests/fixtures through the same path as
Lambda (skill.gateway.handle_event). The kinds of request take turns, round
after round, so this machine's drift weighs on each alike; prints, per kind,
the median of each round as min / median / max over the rounds, and the 95th
percentile of all turns.

    .venv/bin/python bench/request_latency.py [--runs 200] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from skill.app import build_skill  # noqa: E402
from skill.gateway import handle_event  # noqa: E402

REQUESTS = [
    "launch_request",
    "topic_ivig",
    "side_effects_cyclophosphamide",
    "compare_ivig_steroids",
    "help",
    "yes",
    "question_free_text",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200, help="turns of each kind in each round")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    skill = build_skill()
    envelopes = {name: json.loads((ROOT / "tests" / "fixtures" / f"{name}.json").read_text()) for name in REQUESTS}
    for envelope in envelopes.values():
        handle_event(skill, envelope)
    medians: dict[str, list[float]] = {name: [] for name in REQUESTS}
    every: dict[str, list[float]] = {name: [] for name in REQUESTS}
    for _ in range(args.rounds):
        for name, envelope in envelopes.items():
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                handle_event(skill, envelope)
                times.append((time.perf_counter() - start) * 1000)
            medians[name].append(statistics.median(times))
            every[name].extend(times)
    print(f"{args.rounds} rounds of {args.runs} turns of each kind; ms")
    print(f"{'request':<32}{'median of a round: min / median / max':>40}{'p95':>8}")
    for name in REQUESTS:
        low, middle, high = min(medians[name]), statistics.median(medians[name]), max(medians[name])
        p95 = statistics.quantiles(every[name], n=20)[-1]
        print(f"{name:<32}{f'{low:.2f} / {middle:.2f} / {high:.2f}':>40}{p95:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
