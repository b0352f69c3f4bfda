"""Web endpoint throughput under load: the skill and a minimal flask-ask-sdk hello-world, same machine, same run.

Both are served on loopback as scripts/web.sh serves the skill (web_endpoint/serve.py) (verification off: the
load is the skill's). 50 users in conversation, 2,000 requests, 16 at a time. ``--rounds`` runs the servers one
after the other, round after round, so this machine's drift weighs on each alike; ``--before COMMIT`` adds the
skill as served at that commit to the same rounds. Prints each run's throughput and p50/p95/p99, and the skill's
throughput as a share of the hello-world's in each round, as min / median / max over the rounds.

    .venv/bin/python bench/web_load.py [--users 50] [--requests 2000] [--concurrency 16] [--rounds 3]
        [--before COMMIT]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lambda_package import checkout  # noqa: E402

from eval_tools.loadtest import ROOT, run_load, served  # noqa: E402
from web_endpoint.web import VERIFY_ENV  # noqa: E402

HELLO = "hello world"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--before", metavar="COMMIT", help="also the skill as served at this commit")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        servers = [
            (HELLO, "bench.hello_skill:create_app()", ROOT),
            ("MMN Guide", "web_endpoint.web:create_app()", ROOT),
        ]
        if args.before:
            servers.append((args.before, "web_endpoint.web:create_app()", checkout(args.before, Path(tmp, "before"))))
        rates: dict[str, list[float]] = {name: [] for name, *_ in servers}
        for round_number in range(1, args.rounds + 1):
            for name, app, root in servers:
                with served(app, {VERIFY_ENV: "false"}, root) as url:
                    result = run_load(url, users=args.users, requests=args.requests, concurrency=args.concurrency)
                rates[name].append(result.requests / result.elapsed)
                print(f"round {round_number}, {name:12} {result.summary()}")
    for name in rates:
        if name != HELLO:
            ratios = [ours / hello for ours, hello in zip(rates[name], rates[HELLO], strict=True)]
            print(
                f"throughput ratio ({name} / {HELLO}), min / median / max over {args.rounds} rounds: "
                f"{min(ratios):.2f} / {statistics.median(ratios):.2f} / {max(ratios):.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
