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
import copy
import json
import random
import statistics
import sys
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval_tools.answer_set import CORPUS  # noqa: E402
from eval_tools.evaluation import load_cases  # noqa: E402
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
# The free-text question again, saying a different corpus utterance each turn: the skill keeps what it read of the
# last few thousand texts (their words, their folded words), so the same text turn after turn costs less than a
# listener's new one; this kind never repeats a text within a run.
NEW_TEXTS = "question_free_text, a new text each turn"


def new_texts(envelope: dict[str, Any], count: int) -> Iterator[dict[str, Any]]:
    """``envelope`` saying ``count`` different utterances of the question corpora (those said first in a session),
    in a fixed shuffled order."""
    corpora = [path for path in sorted(CORPUS.rglob("*.toml")) if "cases" in tomllib.loads(path.read_text())]
    said = sorted({case.text for case in load_cases(corpora) if not case.before})
    random.Random(18).shuffle(said)
    if count > len(said):
        sys.exit(f"{count} turns of new text asked for; the corpora have {len(said)} utterances")
    for text in said[:count]:
        turn = copy.deepcopy(envelope)
        slot = turn["request"]["intent"]["slots"]["question"]
        slot["value"] = slot["slotValue"]["value"] = text
        yield turn


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200, help="turns of each kind in each round")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    skill = build_skill()
    envelopes = {name: json.loads((ROOT / "tests" / "fixtures" / f"{name}.json").read_text()) for name in REQUESTS}
    for envelope in envelopes.values():
        handle_event(skill, envelope)
    kinds = [*REQUESTS, NEW_TEXTS]
    fresh = new_texts(envelopes["question_free_text"], args.runs * args.rounds)
    clocks = {"wall": time.perf_counter, "cpu": time.thread_time}
    medians = {(clock, name): [] for clock in clocks for name in kinds}
    every = {(clock, name): [] for clock in clocks for name in kinds}
    for _ in range(args.rounds):
        for name in kinds:
            times: dict[str, list[float]] = {clock: [] for clock in clocks}
            for _ in range(args.runs):
                envelope = next(fresh) if name == NEW_TEXTS else envelopes[name]
                wall, cpu = time.perf_counter(), time.thread_time()
                handle_event(skill, envelope)
                times["cpu"].append((time.thread_time() - cpu) * 1000)
                times["wall"].append((time.perf_counter() - wall) * 1000)
            for clock, taken in times.items():
                medians[clock, name].append(statistics.median(taken))
                every[clock, name].extend(taken)
    print(f"{args.rounds} rounds of {args.runs} turns of each kind; ms; median of a round: min / median / max")
    print(f"{'request':<42}{'wall clock':>22}{'p95':>8}{'processor time':>24}{'p95':>8}")
    for name in kinds:
        cells = []
        for clock in clocks:
            rounds = medians[clock, name]
            p95 = statistics.quantiles(every[clock, name], n=20)[-1]
            spread = f"{min(rounds):.2f} / {statistics.median(rounds):.2f} / {max(rounds):.2f}"
            cells.append(f"{spread:>22}{p95:>8.2f}")
        print(f"{name:<42}{cells[0]}  {cells[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
