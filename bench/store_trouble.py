"""How long a listener waits for the welcome when the listener store is healthy, stopped, or slower than its deadline.

The skill reads the store once, when a session starts; when the store cannot answer within the call's deadline
(1 s, ``skill/store/deadline.py``), it answers with defaults. The tests check that it does (defaults given, the
record never overwritten: ``tests/test_memory.py``); this measures how long that takes, against the local
DynamoDB-compatible server the tests use, with full launch envelopes through the Lambda path.

    .venv/bin/python bench/store_trouble.py [--runs 5] [--delay 2.0]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eval_tools.local_dynamodb import local_dynamodb  # noqa: E402
from skill import envelopes  # noqa: E402
from skill.app import build_skill  # noqa: E402
from skill.gateway import handle_event  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--delay", type=float, default=2.0, help="seconds the slow store takes to answer")
    args = parser.parse_args()
    # Quiet: the skill's warnings, and the proxy's report of each slow answer the skill had given up on.
    with local_dynamodb() as server, contextlib.redirect_stderr(io.StringIO()):
        skill = build_skill(store=server.store())
        handle_event(skill, envelopes.Session().envelope(envelopes.launch_request()))  # content and client loaded
        print(f"{'store':<12}{'median s':>10}{'max s':>10}")
        for trouble in ("healthy", "stopped", "slow"):
            times = []
            for _ in range(args.runs):
                server.delay = args.delay if trouble == "slow" else 0.0
                if trouble == "stopped":
                    server.stop()
                envelope = envelopes.Session().envelope(envelopes.launch_request())  # a new listener
                start = time.perf_counter()
                handle_event(skill, envelope)
                times.append(time.perf_counter() - start)
                if server.stopped:
                    server.start()
            print(f"{trouble:<12}{statistics.median(times):>10.2f}{max(times):>10.2f}")
        time.sleep(args.delay)  # the slow store's last answer, given up on, still reaches moto before it stops
    return 0


if __name__ == "__main__":
    sys.exit(main())
