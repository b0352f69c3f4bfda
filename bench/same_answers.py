"""Answers before and after a change, byte for byte: every corpus and every fixture, through the Lambda path.

Three sets, each answered by this tree and by COMMIT's, each in a process of its own:
- the envelopes of ``eval_tools/answer_set.py`` (every fixture in every locale, every top-level corpus utterance
  as free text), sent to ``skill.gateway.handle_event`` of a skill without a store;
- every case of every corpus of questions under ``tests/corpus`` (the dev, holdout, safety and blind corpora),
  said through the console as a new session of its own, its earlier turns first: every turn's full response;
- every session of every conversation corpus (``tests/corpus/conversations``), turn by turn through the console,
  each a listener of its own with a local store, then closed: every response, the session's end included (the
  store's stamp in the session, random by design, is left out).
This tree runs twice: with the triage's phrases read ahead (``build_tools/triage_phrases.py``, as the package
and the entry points run) and without (read at start-up). Prints how many answers are byte-identical.

    .venv/bin/python bench/same_answers.py --before COMMIT
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lambda_package import checkout  # noqa: E402

from eval_tools.answer_set import CORPUS, answer_text, envelopes  # noqa: E402
from eval_tools.conversation_eval import read_corpus  # noqa: E402
from eval_tools.evaluation import load_cases  # noqa: E402

# Run in the tree answering, with only what both trees have: the console, the skill, a local store.
PROBE = """
import json, sys, tempfile
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from build_tools.interaction_model import model_path
from local_console.console import Console
from local_console.nlu import LocalNlu
from skill.app import build_skill
from skill.gateway import handle_event
from skill.store.local import LocalStore
from skill.understanding import words
if sys.argv[4] == "unbuilt" and hasattr(words, "BUILT"):
    words.BUILT = words.BUILT.with_name("absent.json")
work = json.load(open(sys.argv[2]))
skill = build_skill()
answers = {name: handle_event(skill, envelope) for name, envelope in work["envelopes"].items()}
nlus = {}
def console(skill, locale, user):
    if locale not in nlus:
        nlus[locale] = LocalNlu.from_file(model_path(locale))
    said = Console(skill, nlus[locale], locale)
    said.user_id = user
    return said
for name, locale, turns in work["cases"]:
    said = console(skill, locale, "amzn1.ask.account.same-answers")
    for n, text in enumerate(turns):
        answers[f"{name} turn {n}"] = said.say(text)
with tempfile.TemporaryDirectory() as folder:
    remembering = build_skill(store=LocalStore(Path(folder, "listeners.sqlite3")))
    for name, locale, returning, turns in work["sessions"]:
        said = console(remembering, locale, f"amzn1.ask.account.same-answers-{name}")
        if returning:
            turns = ["open m m n guide", "stop", *turns]
        for n, text in enumerate(turns):
            answers[f"{name} turn {n}"] = said.say(text)
        said.send = lambda envelope, name=name: answers.setdefault(f"{name} end", handle_event(remembering, envelope))
        said.close()
built = len(words._built()) if hasattr(words, "_built") else 0
json.dump({"built_phrases": built, "answers": answers}, open(sys.argv[3], "w"))
"""


def work() -> dict[str, Any]:
    """What each tree answers: the envelopes, the corpora's cases, the conversations' sessions."""
    questions = sorted(path for path in CORPUS.rglob("*.toml") if "sessions" not in _read(path))
    cases = [
        (f"{case.corpus} {n}: {case.text}", case.locale, [*case.before, case.text])
        for n, case in enumerate(load_cases(questions))
    ]
    sessions = [
        (f"{path.stem} {session.id}", session.locale, session.returning, [turn.say for turn in session.turns])
        for path in sorted(CORPUS.rglob("*.toml"))
        if "sessions" in _read(path)
        for session in read_corpus(path)
    ]
    return {"envelopes": envelopes(), "cases": cases, "sessions": sessions}


def _read(path: Path) -> dict[str, Any]:
    with path.open("rb") as f:
        return tomllib.load(f)


def answers(source: Path, named: Path, out: Path, phrases: str = "as built") -> tuple[dict[str, str], int]:
    """Name -> answer text, and how many of the triage's phrases were read ahead."""
    command = [sys.executable, "-c", PROBE, str(source), str(named), str(out), phrases]
    # The skill logs each refused or unhandled request of the set; only the answers are compared.
    run = subprocess.run(command, cwd=source, stderr=subprocess.PIPE, text=True)
    if run.returncode:
        sys.exit(f"{source} could not answer:\n{run.stderr[-3000:]}")
    answered = json.loads(out.read_text())
    return {name: answer_text(_unstamped(response)) for name, response in answered["answers"].items()}, answered[
        "built_phrases"
    ]


def _unstamped(response: dict[str, Any]) -> dict[str, Any]:
    """The response without the store's stamp, which is random (a new record's token, sealed with the secret made
    beside each run's store): everything else is compared."""
    profile = (response.get("sessionAttributes") or {}).get("profile")
    if isinstance(profile, dict) and "stamp" in profile:
        profile["stamp"] = "(random)"
    return response


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", metavar="COMMIT", required=True)
    args = parser.parse_args()
    # This tree's phrases read ahead, as its entry points and its package read them.
    subprocess.run([sys.executable, "-m", "build_tools.triage_phrases"], check=True, cwd=ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        named = Path(tmp, "work.json")
        named.write_text(json.dumps(work()))
        before, _ = answers(checkout(args.before, Path(tmp, "before")), named, Path(tmp, "before.json"))
        differ = 0
        for phrases in ("as built", "unbuilt"):
            after, built = answers(ROOT, named, Path(tmp, "after.json"), phrases)
            different = [name for name in after if after[name] != before.get(name)]
            differ += len(different) + len(before.keys() - after.keys())
            print(
                f"this tree, {built} triage phrases read ahead: {len(after) - len(different)} of {len(before)} "
                f"answers byte-identical to {args.before}'s, {len(different)} differ"
            )
            for name in different[:10]:
                print(f"  {name}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
