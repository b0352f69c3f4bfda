"""Cold start of the Lambda package: import plus the first answer, with and without shipped bytecode.

Builds the package with the Makefile (as `sam build` does), then starts fresh
Python processes that import the handler and answer one free-text question, as a
new Lambda instance would. Bytecode writing is off, as on Lambda's read-only
/var/task. Prints the median and spread of each variant.

    .venv/bin/python bench/cold_start.py [--runs 15] [--python python3.13]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The first request is a free-text question, so the first answer includes triage and ranking.
EVENT = ROOT / "tests" / "fixtures" / "question_free_text.json"
PROBE = (
    "import json, sys, time; t0 = time.perf_counter(); sys.path.insert(0, sys.argv[2]);"
    "import lambda_function; t1 = time.perf_counter();"
    "lambda_function.lambda_handler(json.load(open(sys.argv[1])), None); t2 = time.perf_counter();"
    "print(json.dumps({'import_ms': (t1 - t0) * 1000, 'first_answer_ms': (t2 - t1) * 1000}))"
)


def build(python: str, target: Path, source: Path = ROOT) -> None:
    """The Lambda package of the project at ``source`` (this one, or a checkout of an earlier commit)."""
    # For this machine's processor, so the package's compiled wheels run here.
    platform_tag = f"manylinux2014_{platform.machine()}"
    env = {**os.environ, "ARTIFACTS_DIR": str(target), "LAMBDA_PYTHON": python, "LAMBDA_PLATFORM": platform_tag}
    result = subprocess.run(
        ["make", "--no-print-directory", "build-SkillFunction"], cwd=source, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stdout}{result.stderr}")


def measure(python: str, package: Path, runs: int) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {"import_ms": [], "first_answer_ms": [], "process_ms": []}
    for _ in range(runs):
        start = time.perf_counter()
        # -B: write no bytecode, as on Lambda's read-only /var/task; -I: ignore the caller's environment.
        out = subprocess.run(
            [python, "-I", "-B", "-c", PROBE, str(EVENT), str(package)], capture_output=True, text=True, check=True
        )
        results["process_ms"].append((time.perf_counter() - start) * 1000)
        for key, value in json.loads(out.stdout).items():
            results[key].append(value)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--python", default=shutil.which("python3.13") or "python3.13")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        compiled = Path(tmp, "compiled")
        build(args.python, compiled)
        plain = Path(tmp, "plain")
        shutil.copytree(compiled, plain, ignore=shutil.ignore_patterns("__pycache__"))
        size_mb = sum(p.stat().st_size for p in compiled.rglob("*") if p.is_file()) / 1e6
        print(f"package: {size_mb:.1f} MB with bytecode; {args.runs} fresh processes each; {args.python}")
        print(f"{'variant':<22}{'import ms':>12}{'first answer ms':>18}{'whole process ms':>19}")
        for name, package in (("with bytecode", compiled), ("without bytecode", plain)):
            r = measure(args.python, package, args.runs)
            cells = [f"{statistics.median(r[k]):7.1f} ±{statistics.pstdev(r[k]):4.1f}" for k in r]
            print(f"{name:<22}{cells[0]:>12}{cells[1]:>18}{cells[2]:>19}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
