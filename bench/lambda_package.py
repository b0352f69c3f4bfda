"""The Lambda package beside two baselines, in one run: cold start, warm turns, size and DynamoDB calls.

Three packages, each built the way the Makefile builds the skill's (its
dependencies for this machine's processor, everything compiled to bytecode):
- **hello world**: ``bench/hello``, ask-sdk-core with one handler, the floor any Python skill pays;
- **usual way**: ``bench/baseline``, ask-sdk-core with the stock DynamoDB persistence adapter on boto3,
  reading and writing on launch, as the ASK SDK's samples do;
- **MMN Guide**: the Makefile's package, run without a store and with its DynamoDB table.
All talk to one moto DynamoDB server on a loopback port, through a proxy that counts the calls reaching it.

- **Cold start**: fresh processes (bytecode writing off, as on Lambda's read-only /var/task) import the
  handler and answer one request from a new listener (store read included): the whole process, as a Lambda
  instance without SnapStart pays it. Targets: at most 1.1x the hello world without the store, 0.8x the usual
  way with it.
- **SnapStart**: MMN Guide initialised as under SnapStart (it then does a first request's work at init);
  its first answer is what an instance restored from the snapshot pays. Target: 10 ms plus the store's own
  round trip.
- **Warm turns**: in one process, turns of a session already open, each kind of request many times:
  median and 99th percentile. Target: a median at most 1.0x the hello world's.
- **Calls**: a whole session through MMN Guide (launch, a question, "slower", "repeat", "next", "stop").

Every ratio is taken within one round (the variants run one after the other, round after round) and shown as
min / median / max over the rounds, so a machine busy with other work weighs on both sides of each ratio.
``--no-store`` leaves out the DynamoDB server and the variants that need it (a loaded machine makes the local
server miss the store's timeouts); ``--before COMMIT`` adds MMN Guide as built at that commit to the same rounds.

    .venv/bin/python bench/lambda_package.py [--runs 11] [--turns 500] [--warm-rounds 5] [--python python3.13]
        [--no-store] [--before COMMIT]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cold_start import build

from eval_tools.local_dynamodb import CREDENTIALS, KEY_SECRET, REGION, local_dynamodb

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SNAPSTART = "AWS_LAMBDA_INITIALIZATION_TYPE"
WARM_REQUESTS = ("launch_request", "side_effects_cyclophosphamide", "question_free_text", "help")
COLD_PROBE = """
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
WARM_PROBE = """
import json, statistics, sys, time
sys.path.insert(0, sys.argv[1])
import lambda_function
turns, results = int(sys.argv[2]), {}
for path in sys.argv[3:]:
    event = json.load(open(path))
    event["session"]["new"] = False
    for _ in range(20):
        lambda_function.lambda_handler(event, None)
    times, used = [], []
    for _ in range(turns):
        start, cpu = time.perf_counter(), time.thread_time()
        lambda_function.lambda_handler(event, None)
        used.append((time.thread_time() - cpu) * 1e6)
        times.append((time.perf_counter() - start) * 1e6)
    times.sort()
    results[path] = [statistics.median(times), times[int(len(times) * 0.99)], statistics.median(used)]
print(json.dumps(results))
"""
ROUND_TRIP_PROBE = """
import os, statistics, time
from ask_sdk_model import Context, RequestEnvelope
from ask_sdk_model.interfaces.system import SystemState
from ask_sdk_model.user import User
from skill.store.dynamodb import DynamoDbStore
store = DynamoDbStore(os.environ["MMN_GUIDE_TABLE"], bytes.fromhex(os.environ["MMN_GUIDE_KEY_SECRET"]))
envelope = RequestEnvelope(context=Context(system=SystemState(user=User(user_id="amzn1.ask.account.bench"))))
trips = []
for _ in range(22):
    started = time.perf_counter()
    store.get_attributes(envelope)  # one GetItem
    trips.append((time.perf_counter() - started) * 1000)
print(statistics.median(trips[1:]))
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
"""


def add_pair(variants: list, ratios: list, label: str, package: str, env: dict, theirs: str, target: float) -> None:
    """A launch and a one-shot question of one package in one environment, each with its ratio to ``theirs``."""
    for kind, event in (("launch", "launch_request"), ("one-shot question", "question_free_text")):
        variants.append((f"{label}: {kind}", package, env, event))
        ratios.append((f"{label}: {kind}", theirs, target))


def build_beside(python: str, source: Path, target: Path) -> None:
    """A baseline's package (``source``: its lambda_function.py and requirements.txt), built as the skill's is."""
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-compile"]
        + ["--only-binary=:all:", "--target", str(target), "-r", str(source / "requirements.txt")],
        check=True,
        capture_output=True,
    )
    shutil.copy(source / "lambda_function.py", target)
    subprocess.run(
        [python, "-m", "compileall", "-q", "-j", "0", "--invalidation-mode", "unchecked-hash", str(target)],
        check=True,
        capture_output=True,
    )


def cold_start(python: str, package: Path, env: dict[str, str], event: str) -> dict[str, float]:
    """One fresh process: init, first answer, whole process (ms), and the processor time the whole process used
    (ms, user and system: on a machine busy with other work, the wall clock also measures the wait for a processor)."""
    start, used = time.perf_counter(), _children_cpu()
    out = subprocess.run(
        [python, "-I", "-B", "-c", COLD_PROBE, str(package), str(FIXTURES / f"{event}.json")],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    process_ms = (time.perf_counter() - start) * 1000
    return {**json.loads(out.stdout), "process_ms": process_ms, "process_cpu_ms": (_children_cpu() - used) * 1000}


def _children_cpu() -> float:
    """Seconds of processor time used by this process's children that have ended (``subprocess.run`` waits for its
    own, so the difference around one is that child's)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def warm_turns(python: str, package: Path, env: dict[str, str], turns: int) -> dict[str, list[float]]:
    """Median and p99 (µs) of each kind of request, in one process."""
    paths = [str(FIXTURES / f"{name}.json") for name in WARM_REQUESTS]
    out = subprocess.run(
        [python, "-I", "-B", "-c", WARM_PROBE, str(package), str(turns), *paths],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return {Path(path).stem: value for path, value in json.loads(out.stdout).items()}


def round_trip(env: dict[str, str]) -> float:
    """The median time of a GetItem on a warm connection, from a process of its own (in this process, the
    proxy's threads would share the interpreter with the client)."""
    out = subprocess.run([sys.executable, "-c", ROUND_TRIP_PROBE], capture_output=True, text=True, env=env, check=True)
    return float(out.stdout)


def session_events(folder: Path) -> list[str]:
    """The session's envelopes, one listener, as files for the probe."""
    paths = []
    for n, (name, intent) in enumerate(SESSION):
        event = json.loads((FIXTURES / f"{name}.json").read_text())
        if intent:
            event["request"]["intent"] = {"name": intent, "confirmationStatus": "NONE", "slots": {}}
        event["context"]["System"]["user"]["userId"] = event["session"]["user"]["userId"] = "amzn1.ask.account.BENCH"
        path = folder / f"session-{n}.json"
        path.write_text(json.dumps(event))
        paths.append(str(path))
    return paths


def spread(ratios: list[float]) -> str:
    """Ratios of one round each, as min / median / max: the spread shows how much the machine's load moved."""
    return f"{min(ratios):.2f} / {statistics.median(ratios):.2f} / {max(ratios):.2f}x"


def megabytes(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--turns", type=int, default=500)
    parser.add_argument("--warm-rounds", type=int, default=5)
    parser.add_argument("--python", default=shutil.which("python3.13") or "python3.13")
    parser.add_argument("--no-store", action="store_true", help="only hello world and MMN Guide without a store")
    parser.add_argument("--before", metavar="COMMIT", help="also MMN Guide as built at this commit, in the same rounds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        server = None if args.no_store else stack.enter_context(local_dynamodb())
        packages = {name: Path(tmp, name) for name in ("hello", "mmn")}
        build_beside(args.python, ROOT / "bench" / "hello", packages["hello"])
        build(args.python, packages["mmn"])
        if args.before:
            packages["before"] = Path(tmp, "before")
            build(args.python, packages["before"], checkout(args.before, Path(tmp, "before-source")))
        # Each run's local store (MMN Guide without a table) is a scratch file, not the project's.
        plain = {"PATH": os.environ["PATH"], "MMN_GUIDE_LOCAL_STORE": str(Path(tmp, "local.sqlite3"))}
        variants = [("hello world", "hello", plain, "launch_request")]
        ratios = []
        builds = [("MMN Guide", "mmn"), *([(args.before, "before")] if args.before else [])]
        for label, package in builds:
            add_pair(variants, ratios, f"{label}, no store", package, plain, "hello world", 1.1)
        stored = plain
        if server is not None:
            packages["usual"] = Path(tmp, "usual")
            build_beside(args.python, ROOT / "bench" / "baseline", packages["usual"])
            stored = {
                **plain,
                **CREDENTIALS,
                "AWS_REGION": REGION,
                "AWS_ENDPOINT_URL_DYNAMODB": server.url,
                "MMN_GUIDE_TABLE": server.create_table(),
                "MMN_GUIDE_KEY_SECRET": KEY_SECRET.hex(),
                "BASELINE_TABLE": server.create_table(),
            }
            variants.append(("usual way (stock adapter): launch", "usual", stored, "launch_request"))
            for label, package in builds:
                add_pair(
                    variants, ratios, f"{label}, DynamoDB", package, stored, "usual way (stock adapter): launch", 0.8
                )
            snapstart = {**stored, SNAPSTART: "snap-start"}
            variants.append(("MMN Guide, DynamoDB, SnapStart init: launch", "mmn", snapstart, "launch_request"))
        sizes = ", ".join(f"{name} {megabytes(path):.1f} MB" for name, path in packages.items())
        print(f"{args.python}; {args.runs} fresh processes per cold start; packages: {sizes}\n")

        print(
            f"{'cold start (medians)':<46}{'init ms':>10}{'first answer ms':>17}{'whole process ms':>18}"
            f"{'processor ms':>14}"
        )
        # Round-robin, so this machine's drift over the run weighs on every variant alike.
        samples: dict[str, list[dict[str, float]]] = {label: [] for label, *_ in variants}
        for _ in range(args.runs):
            for label, package, env, event in variants:
                samples[label].append(cold_start(args.python, packages[package], env, event))
        cold = {label: {k: statistics.median(s[k] for s in runs) for k in runs[0]} for label, runs in samples.items()}
        for label, row in cold.items():
            print(
                f"{label:<46}{row['init_ms']:>10.1f}{row['first_answer_ms']:>17.1f}{row['process_ms']:>18.1f}"
                f"{row['process_cpu_ms']:>14.1f}"
            )
        for clock, key in (("whole process", "process_ms"), ("processor time of the whole process", "process_cpu_ms")):
            print(f"{clock}, ratio of each round (min / median / max):")
            for ours, theirs, target in ratios:
                per_round = [a[key] / b[key] for a, b in zip(samples[ours], samples[theirs], strict=True)]
                print(f"  {ours} / {theirs}: {spread(per_round)} (target {target}x)")
        if server is not None:
            primed = cold["MMN Guide, DynamoDB, SnapStart init: launch"]["first_answer_ms"]
            print(
                f"  first answer after a SnapStart init: {primed:.1f} ms; the store's own round trip here: "
                f"{round_trip(stored):.1f} ms (target: 10 ms plus the round trip)"
            )

        # Rounds alternate the processes too; each round gives one ratio to the hello world per kind of request.
        warm = [name for name in ("mmn", "before") if name in packages]
        rounds = [
            {
                name: warm_turns(args.python, packages[name], plain if name == "hello" else stored, args.turns)
                for name in ("hello", *warm)
            }
            for _ in range(args.warm_rounds)
        ]
        print(f"\nwarm turns: {args.warm_rounds} interleaved rounds of {args.turns} turns; medians over rounds (µs)")
        # A busy machine deschedules a turn of a few milliseconds in its middle more often than a shorter one,
        # so the wall-clock ratio also measures the load; the processor time each turn used does not.
        for name in warm:
            print(
                f"{name:<30}{'hello median':>13}{'p99':>7}{'median':>9}{'p99':>7}   ratio min / median / max"
                "   processor time: hello, this, ratio min / median / max"
            )
            for request in WARM_REQUESTS:
                h50, h99, hcpu, o50, o99, ocpu = (
                    statistics.median(r[side][request][i] for r in rounds)
                    for side in ("hello", name)
                    for i in (0, 1, 2)
                )
                per_round = [r[name][request][0] / r["hello"][request][0] for r in rounds]
                per_round_cpu = [r[name][request][2] / r["hello"][request][2] for r in rounds]
                print(
                    f"  {request:<28}{h50:>13.0f}{h99:>7.0f}{o50:>9.0f}{o99:>7.0f}   {spread(per_round)}"
                    f"   {hcpu:.0f}, {ocpu:.0f}, {spread(per_round_cpu)}"
                )

        if server is not None:
            server.calls.clear()
            subprocess.run(
                [args.python, "-I", "-B", "-c", SESSION_PROBE, str(packages["mmn"]), *session_events(Path(tmp))],
                env=stored,
                check=True,
                capture_output=True,
            )
            print(
                f"\nDynamoDB calls in one {len(SESSION)}-turn session, counted at the server: "
                f"{sum(server.calls.values())} ({dict(server.calls)})"
            )
    return 0


def checkout(commit: str, folder: Path) -> Path:
    """The project's files at ``commit``, exported to ``folder`` (no change to this repository)."""
    folder.mkdir()
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


if __name__ == "__main__":
    sys.exit(main())
