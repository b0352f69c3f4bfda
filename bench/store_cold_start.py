"""Cold start with memory: the skill's Lambda package against the usual way, on the same local DynamoDB server.

Both packages are built as the Makefile builds them (dependencies and bytecode)
for this machine: the skill, and a baseline written the usual way
(``bench/baseline``: ask-sdk-core with the stock DynamoDB persistence adapter on
boto3, reading and writing on launch). Both talk to moto's DynamoDB server on a
loopback port, through a proxy that counts the calls reaching it.

For each, fresh Python processes (bytecode writing off, as on Lambda's
read-only /var/task) import the handler and answer one launch from a new
listener, store read included, as a Lambda instance without SnapStart does
(for the skill, a one-shot free-text question first too). Then the skill
initialises as under SnapStart (AWS_LAMBDA_INITIALIZATION_TYPE=snap-start: it
does a first request's work at init) and the time of its first answer alone
is what an instance restored from the snapshot pays. Last, one whole session
runs through the skill's handler (launch, a question, "slower", "repeat", a
follow-up, "stop") and the calls the server saw are counted.

    .venv/bin/python bench/store_cold_start.py [--runs 15] [--python python3.13]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cold_start import build

from skill.local_dynamodb import CREDENTIALS, REGION, local_dynamodb

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "bench" / "baseline"
FIXTURES = ROOT / "tests" / "fixtures"
SNAPSTART = "AWS_LAMBDA_INITIALIZATION_TYPE"
PROBE = """
import json, sys, time, uuid
t0 = time.perf_counter()
sys.path.insert(0, sys.argv[1])
import lambda_function
t1 = time.perf_counter()
event = json.load(open(sys.argv[2]))
user = "amzn1.ask.account." + uuid.uuid4().hex
event["context"]["System"]["user"]["userId"] = event["session"]["user"]["userId"] = user
lambda_function.lambda_handler(event, None)
t2 = time.perf_counter()
print(json.dumps({"init_ms": (t1 - t0) * 1000, "first_answer_ms": (t2 - t1) * 1000}))
"""
# (fixture, intent said instead of the fixture's)
SESSION = (
    ("launch_request", None),
    ("question_free_text", None),
    ("help", "SlowerIntent"),
    ("repeat", None),
    ("next", None),
    ("stop", None),
)
SESSION_PROBE = """
import json, sys
sys.path.insert(0, sys.argv[1])
import lambda_function
attributes, new = {}, True
for path in sys.argv[2:]:
    event = json.load(open(path))
    event["session"]["new"], event["session"]["attributes"] = new, attributes
    response = lambda_function.lambda_handler(event, None)
    attributes, new = response.get("sessionAttributes") or {}, False
print(response["response"]["outputSpeech"]["ssml"][:60])
"""


def build_baseline(python: str, target: Path) -> None:
    """The baseline's package, built the way the Makefile builds the skill's."""
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-compile"]
        + ["--only-binary=:all:", "--target", str(target), "-r", str(BASELINE / "requirements.txt")],
        check=True,
    )
    shutil.copy(BASELINE / "lambda_function.py", target)
    subprocess.run(
        [python, "-m", "compileall", "-q", "-j", "0", "--invalidation-mode", "unchecked-hash", str(target)], check=True
    )


def fresh_processes(
    python: str, package: Path, env: dict[str, str], runs: int, event: str = "launch_request"
) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {"init_ms": [], "first_answer_ms": [], "process_ms": []}
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run(
            [python, "-I", "-B", "-c", PROBE, str(package), str(FIXTURES / f"{event}.json")],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        results["process_ms"].append((time.perf_counter() - start) * 1000)
        for key, value in json.loads(out.stdout).items():
            results[key].append(value)
    return results


def session_events(folder: Path) -> list[str]:
    """The session's envelopes, one listener, as files for the probe."""
    paths = []
    for n, (name, intent) in enumerate(SESSION):
        event = json.loads((FIXTURES / f"{name}.json").read_text())
        if intent:
            event["request"]["intent"] = {"name": intent, "confirmationStatus": "NONE", "slots": {}}
        event["context"]["System"]["user"]["userId"] = "amzn1.ask.account.BENCHSESSION"
        event["session"]["user"]["userId"] = "amzn1.ask.account.BENCHSESSION"
        path = folder / f"{n}.json"
        path.write_text(json.dumps(event))
        paths.append(str(path))
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--python", default=shutil.which("python3.13") or "python3.13")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, local_dynamodb() as server:
        skill, baseline = Path(tmp, "skill"), Path(tmp, "baseline")
        build(args.python, skill)
        build_baseline(args.python, baseline)
        env = {
            "PATH": os.environ["PATH"],
            **CREDENTIALS,
            "AWS_REGION": REGION,
            "AWS_ENDPOINT_URL_DYNAMODB": server.url,
            "MMN_GUIDE_TABLE": server.create_table(),
            "BASELINE_TABLE": server.create_table(),
        }
        sizes = {
            name: sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6
            for name, path in (("skill", skill), ("baseline", baseline))
        }
        print(
            f"{args.runs} fresh processes each; {args.python}; packages: skill {sizes['skill']:.1f} MB, "
            f"baseline {sizes['baseline']:.1f} MB"
        )
        print(f"{'':<38}{'init ms':>14}{'first answer ms':>18}{'whole process ms':>19}")
        variants = (
            ("usual way: launch", baseline, env, "launch_request"),
            ("MMN Guide: launch", skill, env, "launch_request"),
            ("MMN Guide: one-shot question", skill, env, "question_free_text"),
            ("MMN Guide, SnapStart init: launch", skill, {**env, SNAPSTART: "snap-start"}, "launch_request"),
        )
        medians = {}
        for name, package, variant_env, event in variants:
            r = fresh_processes(args.python, package, variant_env, args.runs, event)
            medians[name] = {k: statistics.median(v) for k, v in r.items()}
            cells = [f"{statistics.median(r[k]):7.1f} ±{statistics.pstdev(r[k]):4.1f}" for k in r]
            print(f"{name:<38}{cells[0]:>14}{cells[1]:>18}{cells[2]:>19}")
        usual = medians["usual way: launch"]["process_ms"]
        for name in ("MMN Guide: launch", "MMN Guide: one-shot question"):
            print(f"fresh process ratio ({name} / usual way): {medians[name]['process_ms'] / usual:.2f}")
        client = server.store(env["MMN_GUIDE_TABLE"]).client
        client.describe_table(TableName=env["MMN_GUIDE_TABLE"])
        started = time.perf_counter()
        client.get_item(TableName=env["MMN_GUIDE_TABLE"], Key={"id": {"S": "bench"}})
        round_trip = (time.perf_counter() - started) * 1000
        primed = medians["MMN Guide, SnapStart init: launch"]["first_answer_ms"]
        print(
            f"first answer after a SnapStart init (store read included): {primed:.1f} ms; "
            f"the store's own round trip here: {round_trip:.1f} ms on a warm connection"
        )
        server.calls.clear()
        subprocess.run(
            [args.python, "-I", "-B", "-c", SESSION_PROBE, str(skill), *session_events(Path(tmp))],
            env=env,
            check=True,
            capture_output=True,
        )
        print(
            f"DynamoDB calls in one {len(SESSION)}-turn session, counted at the server: "
            f"{sum(server.calls.values())} ({dict(server.calls)})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
