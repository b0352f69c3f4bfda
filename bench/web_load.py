"""Web endpoint throughput under load: the skill and a minimal flask-ask-sdk hello-world, same machine, same run.

Both are served on loopback as scripts/web.sh serves the skill (web_endpoint/serve.py) (verification off: the
load is the skill's). 50 users in conversation, 2,000 requests, 16 at a time. ``--rounds`` runs the servers one
after the other, round after round, so this machine's drift weighs on each alike; ``--before COMMIT`` adds the
skill as served at that commit to the same rounds. Prints each run's throughput and p50/p95/p99, and the skill's
throughput as a share of the hello-world's in each round, as min / median / max over the rounds: in requests
per second of wall clock, and per second of the server's processor time (on a machine busy with other work,
the wall clock also measures the load and the load generator's own share of the processors).

    .venv/bin/python bench/web_load.py [--users 50] [--requests 2000] [--concurrency 16] [--rounds 3]
        [--before COMMIT]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lambda_package import checkout  # noqa: E402

from eval_tools.loadtest import ROOT, run_load, served  # noqa: E402
from web_endpoint.web import VERIFY_ENV  # noqa: E402

HELLO = "hello world"
TICKS = os.sysconf("SC_CLK_TCK")


def server_seconds() -> float:
    """Processor time (user and system) used so far by this process's children serving the web app (Linux)."""
    used = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = Path(stat.parent, "cmdline").read_bytes()
        except OSError:
            continue  # ended meanwhile
        if int(fields[1]) == os.getpid() and b"web_endpoint.serve" in command:
            used += int(fields[11]) + int(fields[12])
    return used / TICKS


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
        per_cpu: dict[str, list[float]] = {name: [] for name, *_ in servers}
        for round_number in range(1, args.rounds + 1):
            for name, app, root in servers:
                with served(app, {VERIFY_ENV: "false"}, root) as url:
                    started = server_seconds()
                    result = run_load(url, users=args.users, requests=args.requests, concurrency=args.concurrency)
                    used = server_seconds() - started
                rates[name].append(result.requests / result.elapsed)
                per_cpu[name].append(result.requests / used)
                served_per_cpu = f"{per_cpu[name][-1]:.0f}/s of the server's processor time"
                print(f"round {round_number}, {name:12} {result.summary()}; {served_per_cpu}")
    for name in rates:
        if name != HELLO:
            for kind, measured in (("wall clock", rates), ("processor time", per_cpu)):
                ratios = [ours / hello for ours, hello in zip(measured[name], measured[HELLO], strict=True)]
                print(
                    f"throughput ratio ({name} / {HELLO}, {kind}), min / median / max over {args.rounds} rounds: "
                    f"{min(ratios):.2f} / {statistics.median(ratios):.2f} / {max(ratios):.2f}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
