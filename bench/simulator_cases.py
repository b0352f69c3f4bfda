"""Writes the evaluation corpus as a cases file for the shared Alexa simulator (Bespoken's virtual-alexa).

Each corpus case becomes one simulated session (its earlier turns, then the
utterance), expecting the first words of an answer its label accepts, as the
speech is heard (abbreviations as their spoken aliases). JSON is YAML, so the
file feeds ``simulate.py`` directly. The simulator runs one locale at a time,
so only the cases said in ``--locale`` are written (a case's ``locale``,
default en-US):

    .venv/bin/python bench/simulator_cases.py --locale en-GB > /tmp/cases.yaml
    python3 ../shared/simulator/simulate.py . /tmp/cases.yaml --min 0 --locale en-GB
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval_tools.evaluation import Case, load_cases  # noqa: E402
from skill.breath import chunks  # noqa: E402
from skill.content import DEFAULT_LOCALE, load_content  # noqa: E402
from skill.speech import to_ssml  # noqa: E402

OPENING_WORDS = 6


def heard(content, text: str) -> str:
    """Text as the simulator reads speech: each <sub> as its alias, tags dropped, lowercase."""
    ssml = to_ssml(content, text)
    ssml = re.sub(r'<sub[^>]*alias="([^"]*)"[^>]*>.*?</sub>', r"\1 ", ssml)
    return " ".join(re.sub(r"<[^>]+>", " ", ssml).split()).lower()


def openings(content, label: str) -> list[str]:
    """What an answer for ``label`` starts with, as heard."""
    levels, prompts = content.red_flags, content.prompts
    said = {
        "safety:emergency": [levels.level("emergency").texts["answer"].split(".")[0]],
        # Before or during an infusion, the advice starts with what to do about the infusion.
        "safety:call_doctor": [
            levels.level("call_doctor").texts[key].split(".")[0]
            for key in ("now", "today", "before_infusion", "during_infusion")
        ],
        "safety:no_change": [levels.level("no_change").texts["close"]],
        # A question with no page gets "I don't know that one yet"; one outside MMN gets "I can't help with that".
        "unknown": [prompts["dont_know"], prompts["out_of_scope"].split(".")[0]],
        "nav:help": [prompts["help"].split(".")[0]],
        "nav:stop": [prompts["goodbye"].split(".")[0]],
    }
    if label in said:
        return [heard(content, text) for text in said[label]]
    if label.startswith("q:"):
        question_id, _, page = label[2:].partition(".")
        question = content.question(question_id)
        pages = question.pages
        if not pages:  # a question another question's page answers ("see")
            pages, page = content.pages_of(question.ref), page or str(question.ref.page + 1)
    elif "." in label:
        topic, facet, *rest = label.split(".")
        pages, page = content.topic(topic).pages(facet), (rest[0] if rest else "")
    else:
        return []
    chosen = [pages[int(page) - 1]] if page else list(pages)
    # A page is read a breath at a time: a follow-up that goes on reading it starts at one of its later parts.
    return [" ".join(heard(content, part).split()[:OPENING_WORDS]) for p in chosen for part in chunks(p.text)]


def simulator_cases(files: list[Path], locale: str) -> list[tuple[Case, dict]]:
    """Each corpus case said in ``locale`` beside its simulator case (its turns and what the answer must say)."""
    content = load_content(locale)
    cases = []
    for number, case in enumerate(load_cases(files)):
        if case.locale != locale:
            continue
        expected = [phrase for label in case.expect for phrase in openings(content, label)]
        entry = {"id": f"{case.category}-{number}", "turns": [*case.before, case.text]}
        if expected:
            entry["expect"] = [expected]
        elif case.expect == ("none",):
            entry["forbid"] = ["call 911 now"]
        else:
            continue
        cases.append((case, entry))
    return cases


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", type=Path)
    parser.add_argument("--locale", default=DEFAULT_LOCALE)
    args = parser.parse_args()
    files = args.corpus or sorted((ROOT / "tests" / "corpus").glob("*.toml"))
    json.dump({"cases": [entry for _, entry in simulator_cases(files, args.locale)]}, sys.stdout, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
