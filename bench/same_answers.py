"""Answers before and after a change, byte for byte: a fixed set of full envelopes through the Lambda path.

The set is ``eval_tools/answer_set.py`` (every fixture in every locale, every corpus utterance as free text).
Each envelope goes through ``skill.gateway.handle_event`` of a skill without a store, once as this tree builds
it and once as COMMIT's does, each in a process of its own. Prints how many answers differ, and the first few.

    .venv/bin/python bench/same_answers.py --before COMMIT
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lambda_package import checkout  # noqa: E402

from eval_tools.answer_set import answer_text, envelopes  # noqa: E402

PROBE = """
import json, sys
sys.path.insert(0, sys.argv[1])
from skill.app import build_skill
from skill.gateway import handle_event
skill = build_skill()
named = json.load(open(sys.argv[2]))
json.dump({name: handle_event(skill, envelope) for name, envelope in named.items()}, open(sys.argv[3], "w"))
"""


def answers(source: Path, named: Path, out: Path) -> dict[str, str]:
    command = [sys.executable, "-c", PROBE, str(source), str(named), str(out)]
    # The skill logs each refused or unhandled request of the set; only the answers are compared.
    subprocess.run(command, check=True, cwd=source, stderr=subprocess.DEVNULL)
    return {name: answer_text(response) for name, response in json.loads(out.read_text()).items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", metavar="COMMIT", required=True)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        named = Path(tmp, "envelopes.json")
        named.write_text(json.dumps(envelopes()))
        after = answers(ROOT, named, Path(tmp, "after.json"))
        before = answers(checkout(args.before, Path(tmp, "before")), named, Path(tmp, "before.json"))
    differ = [name for name in after if after[name] != before[name]]
    print(f"{len(after)} envelopes; {len(after) - len(differ)} answers byte-identical, {len(differ)} differ")
    for name in differ[:10]:
        print(f"  {name}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
