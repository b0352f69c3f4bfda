"""Web endpoint throughput under load: the skill and a minimal flask-ask-sdk hello-world, same machine, same run.

Both are served on loopback as scripts/web.sh serves the skill (web_endpoint/serve.py) (verification off: the
load is the skill's). 50 users in conversation, 2,000 requests, 16 at a time. Prints throughput and p50/p95/p99
for each, and the skill's throughput as a share of the hello-world's.

    .venv/bin/python bench/web_load.py [--users 50] [--requests 2000] [--concurrency 16]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eval_tools.loadtest import run_load, served  # noqa: E402
from web_endpoint.web import VERIFY_ENV  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    results = {}
    for name, app in (
        ("hello world", "bench.hello_skill:create_app()"),
        ("MMN Guide", "web_endpoint.web:create_app()"),
    ):
        with served(app, {VERIFY_ENV: "false"}) as url:
            results[name] = run_load(url, users=args.users, requests=args.requests, concurrency=args.concurrency)
        print(f"{name:12} {results[name].summary()}")
    rates = {name: r.requests / r.elapsed for name, r in results.items()}
    print(f"throughput ratio (MMN Guide / hello world): {rates['MMN Guide'] / rates['hello world']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
