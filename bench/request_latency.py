"""Warm request latency: how long the skill takes to answer each kind of request once it is loaded.

Sends full request envelopes from tests/fixtures through the same path as
Lambda (skill.gateway.handle_event). The kinds of request take turns, round
after round, so this machine's drift weighs on each alike; prints, per kind,
the median of each round as min / median / max over the rounds, and the 95th
percentile of all turns, in wall-clock time and in the processor time the
turn used. On a machine busy with other work a turn of a few milliseconds is
often descheduled in the middle, and its wall-clock time then measures the
machine's load: the processor time does not.

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
    clocks = {"wall": time.perf_counter, "cpu": time.thread_time}
    medians = {(clock, name): [] for clock in clocks for name in REQUESTS}
    every = {(clock, name): [] for clock in clocks for name in REQUESTS}
    for _ in range(args.rounds):
        for name, envelope in envelopes.items():
            times: dict[str, list[float]] = {clock: [] for clock in clocks}
            for _ in range(args.runs):
                wall, cpu = time.perf_counter(), time.thread_time()
                handle_event(skill, envelope)
                times["cpu"].append((time.thread_time() - cpu) * 1000)
                times["wall"].append((time.perf_counter() - wall) * 1000)
            for clock, taken in times.items():
                medians[clock, name].append(statistics.median(taken))
                every[clock, name].extend(taken)
    print(f"{args.rounds} rounds of {args.runs} turns of each kind; ms; median of a round: min / median / max")
    print(f"{'request':<32}{'wall clock':>22}{'p95':>8}{'processor time':>24}{'p95':>8}")
    for name in REQUESTS:
        cells = []
        for clock in clocks:
            rounds = medians[clock, name]
            p95 = statistics.quantiles(every[clock, name], n=20)[-1]
            spread = f"{min(rounds):.2f} / {statistics.median(rounds):.2f} / {max(rounds):.2f}"
            cells.append(f"{spread:>22}{p95:>8.2f}")
        print(f"{name:<32}{cells[0]}  {cells[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
