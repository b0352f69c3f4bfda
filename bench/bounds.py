"""The worst request bodies: how long the skill takes to answer a forged body of about 100 KB of said text.

Each body is a full QuestionIntent envelope (``eval_tools/worst_bodies.py``) sent through the Lambda path
(skill.gateway.handle_event), warm: 7 slots of 14,000 characters, 60 slots of 1,600, one slot of 16,000 (the
guards' largest string), each filled with words that cost the most ("a", which begins many red-flag phrases),
with a question, or with a red flag; and a caregiver's long rambling sentence that ends in a red flag. Prints
min / median / max milliseconds over the runs and the reply's first words, in a fresh process;
``--before COMMIT`` first runs the same bodies on the skill as it was at that commit.

    .venv/bin/python bench/bounds.py [--runs 3] [--before COMMIT]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def bodies() -> dict[str, dict]:
    sys.path.insert(0, str(ROOT))
    from eval_tools.worst_bodies import FILLERS, RAMBLE, request, worst_bodies

    found = {"long real sentence, red flag last": request(RAMBLE)}
    for filler in FILLERS:
        found.update({f"{shape}, '{filler}'": body for shape, body in worst_bodies(filler).items()})
    return found


def measure(source: Path, bodies_file: Path, runs: int) -> None:
    """Prints one line a body, for the skill in ``source``."""
    sys.path.insert(0, str(source))
    from skill.app import build_skill
    from skill.gateway import handle_event
    from skill.speech import to_plain

    skill = build_skill()
    handle_event(skill, json.loads(bodies_file.read_text())["long real sentence, red flag last"])  # builds triage
    print(f"{'body':<46}{'min ms':>9}{'median':>9}{'max':>9}  reply")
    for name, body in json.loads(bodies_file.read_text()).items():
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            response = handle_event(skill, body)
            times.append((time.perf_counter() - start) * 1000)
        said = " ".join(to_plain(response["response"]["outputSpeech"]["ssml"]).split()[:7])
        print(f"{name:<46}{min(times):>9.1f}{statistics.median(times):>9.1f}{max(times):>9.1f}  {said}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", metavar="COMMIT", help="first the skill as it was at this commit")
    parser.add_argument("--measure", nargs=2, metavar=("SOURCE", "BODIES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(Path(args.measure[0]), Path(args.measure[1]), args.runs)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        bodies_file = Path(folder, "bodies.json")
        bodies_file.write_text(json.dumps(bodies()))
        sources = [("this tree", ROOT)]
        if args.before:
            archive = subprocess.run(["git", "archive", args.before], cwd=ROOT, capture_output=True, check=True)
            subprocess.run(["tar", "-x", "-C", folder], input=archive.stdout, check=True)
            sources.insert(0, (args.before, Path(folder)))
        for name, source in sources:
            print(f"{name}:", flush=True)
            command = [sys.executable, __file__, "--runs", str(args.runs), "--measure", str(source), str(bodies_file)]
            subprocess.run(command, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
