"""Warm request latency: how long the skill takes to answer each kind of request once it is loaded.

Sends full request envelopes from tests/fixtures through the same path as
Lambda (skill.gateway.handle_event) and prints the median and 95th percentile.

    .venv/bin/python bench/request_latency.py [--runs 500]
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

REQUESTS = ["launch_request", "topic_ivig", "side_effects_cyclophosphamide", "compare_ivig_steroids", "help", "yes"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=500)
    args = parser.parse_args()
    skill = build_skill()
    print(f"{'request':<32}{'median ms':>10}{'p95 ms':>10}")
    for name in REQUESTS:
        envelope = json.loads((ROOT / "tests" / "fixtures" / f"{name}.json").read_text())
        handle_event(skill, envelope)
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            handle_event(skill, envelope)
            times.append((time.perf_counter() - start) * 1000)
        p95 = statistics.quantiles(times, n=20)[-1]
        print(f"{name:<32}{statistics.median(times):>10.2f}{p95:>10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
