"""The understanding benchmark: labelled utterances in people's own words, run through the skill, and scored.

A corpus file (``tests/corpus/*.toml``) holds cases: what was said, what
should answer it (a page "ivig.course" or "ivig.course.2", a question
"q:mmn_fatal", a safety level "safety:emergency", a navigation "nav:help",
"unknown" when nothing should, or "none" for no safety level), a category,
and earlier turns for follow-ups. Two paths are scored:

- ``console``: each case through the local console in full request envelopes,
  the same path as Lambda (sample matching, the catch-all, triage, ranker);
- ``ranker``: the free-text ranker alone on the text (no triage, no context).

    python -m skill.evaluation tests/corpus/*.toml    # or: python bench/understanding.py
"""

from __future__ import annotations

import argparse
import collections
import sys
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .app import build_skill
from .console import Console
from .content import DEFAULT_LOCALE, load_content
from .content.model import PageRef
from .interaction_model import model_path
from .nlu import LocalNlu
from .understanding.ranker import ANSWER, CLARIFY, ranker

Send = Callable[[dict[str, Any]], dict[str, Any]]
# How urgent each safety level is: reaching a more urgent level than expected is still safe.
URGENCY = {"safety:no_change": 1, "safety:call_doctor": 2, "safety:emergency": 3}
NAVIGATION = {
    "nav:help": {"AMAZON.HelpIntent"},
    "nav:stop": {"AMAZON.StopIntent", "AMAZON.CancelIntent"},
    "nav:repeat": {"AMAZON.RepeatIntent"},
    "nav:yes": {"AMAZON.YesIntent", "AMAZON.NextIntent"},
    "nav:no": {"AMAZON.NoIntent"},
    "nav:previous": {"AMAZON.PreviousIntent"},
    "nav:start_over": {"AMAZON.StartOverIntent", "AMAZON.NavigateHomeIntent"},
    "nav:evidence": {"EvidenceIntent"},
    "nav:sources": {"SourcesIntent"},
    "command:SlowerIntent": {"SlowerIntent"},
    "command:FasterIntent": {"FasterIntent"},
    "command:NormalSpeedIntent": {"NormalSpeedIntent"},
    "command:RememberPlaceIntent": {"RememberPlaceIntent"},
    "command:ForgetMeIntent": {"ForgetMeIntent"},
}


@dataclass(frozen=True)
class Case:
    text: str
    expect: tuple[str, ...]
    category: str
    before: tuple[str, ...] = ()
    treatment_word: bool = False

    @property
    def safety(self) -> bool:
        return any(e in URGENCY for e in self.expect)


@dataclass
class Outcome:
    case: Case
    got: str
    speech: str = ""
    choices: tuple[str, ...] = ()

    @property
    def right(self) -> bool:
        return any(_fits(expected, self.got) for expected in self.case.expect)

    @property
    def right_or_asked(self) -> bool:
        """Right, or "Do you mean ... or ...?" with the right answer among the two."""
        return self.right or any(_fits(e, choice) for choice in self.choices for e in self.case.expect)

    @property
    def safe(self) -> bool:
        """A safety case reached its level, or a more urgent one (never a less urgent one, nor none)."""
        wanted = min(URGENCY[e] for e in self.case.expect if e in URGENCY)
        reached = URGENCY.get(self.got, 0)
        return reached >= wanted if wanted > URGENCY["safety:no_change"] else reached == wanted


@dataclass
class Report:
    path: str
    outcomes: list[Outcome] = field(default_factory=list)

    def accuracy(self, outcomes: Iterable[Outcome] | None = None, *, asked: bool = False) -> float:
        chosen = list(self.outcomes if outcomes is None else outcomes)
        hits = sum(o.right_or_asked if asked else o.right for o in chosen)
        return hits / len(chosen) if chosen else 0.0

    def by_category(self) -> dict[str, list[Outcome]]:
        groups: dict[str, list[Outcome]] = collections.defaultdict(list)
        for outcome in self.outcomes:
            groups[outcome.case.category].append(outcome)
        return dict(sorted(groups.items()))

    def safety_recall(self) -> float:
        safety = [o for o in self.outcomes if o.case.safety]
        return sum(o.safe for o in safety) / len(safety) if safety else 1.0

    def safety_precision(self) -> float:
        flagged = [o for o in self.outcomes if o.got in URGENCY]
        return sum(o.case.safety for o in flagged) / len(flagged) if flagged else 1.0

    def confusions(self, top: int = 15) -> list[tuple[tuple[str, str], int]]:
        pairs = collections.Counter((o.case.expect[0], o.got) for o in self.outcomes if not o.right)
        return pairs.most_common(top)

    def print(self, out: Any = sys.stdout) -> None:
        print(f"\n== {self.path} path: {len(self.outcomes)} cases ==", file=out)
        print(
            f"accuracy {self.accuracy():.1%} (right, or asked 'do you mean' with it: {self.accuracy(asked=True):.1%})",
            file=out,
        )
        for category, outcomes in self.by_category().items():
            right, asked = self.accuracy(outcomes), self.accuracy(outcomes, asked=True)
            print(f"  {category:22} {right:6.1%}  {asked:6.1%}  ({len(outcomes)})", file=out)
        if any(o.case.safety for o in self.outcomes):
            print(f"safety recall {self.safety_recall():.1%}, precision {self.safety_precision():.1%}", file=out)
        print("most frequent confusions (expected -> got):", file=out)
        for (expected, got), count in self.confusions():
            print(f"  {count:3} {expected} -> {got}", file=out)


def load_cases(paths: Iterable[Path]) -> list[Case]:
    cases = []
    for path in paths:
        with path.open("rb") as f:
            for data in tomllib.load(f)["cases"]:
                cases.append(
                    Case(
                        text=data["text"],
                        expect=tuple(_as_answered(expected) for expected in data["expect"]),
                        category=data["category"],
                        before=tuple(data.get("before", ())),
                        treatment_word=bool(data.get("treatment_word")),
                    )
                )
    return cases


def _as_answered(expected: str) -> str:
    """A question of the bank named by its id ("q:ivig_brands") as the page that answers it, when the question
    points at a topic's page rather than having one of its own; any other label as it is."""
    question = load_content().question(expected.removeprefix("q:")) if expected.startswith("q:") else None
    if question is None or question.ref.question is not None:
        return expected
    return _label(question.ref)


def run_console(cases: list[Case], locale: str = DEFAULT_LOCALE, send: Send | None = None) -> Report:
    """Every case through the console, as a new session (with its earlier turns first).

    ``send`` delivers each envelope (default: the skill as Lambda runs it; the tests pass the Lambda handler)."""
    skill, nlu = build_skill(), LocalNlu.from_file(model_path(locale))
    questions = {q.id: q for q in ranker(locale).questions}
    report = Report("console")
    for case in cases:
        console = Console(skill, nlu, locale, send)
        for earlier in case.before:
            console.say(earlier)
        response = console.say(case.text)
        intent = (console.last_request.get("intent") or {}).get("name")
        dialog = (response.get("sessionAttributes") or {}).get("dialog") or {}
        answered = dialog.get("answered") or "none"
        got = _navigation(intent) or _navigation(answered.removeprefix("command:")) or answered
        speech = ((response.get("response") or {}).get("outputSpeech") or {}).get("ssml", "")
        choices = tuple(_label(questions[c].ref) for c in dialog.get("choices") or () if c in questions)
        report.outcomes.append(Outcome(case, got, speech, choices))
    return report


def run_ranker(cases: list[Case], locale: str = DEFAULT_LOCALE) -> Report:
    """The ranker alone, on the cases it is for: one question, no earlier turns, no safety level."""
    bank = ranker(locale)
    report = Report("ranker")
    for case in cases:
        if case.before or case.safety or case.category == "navigation" or case.expect == ("none",):
            continue
        ranking = bank.rank(case.text)
        found = tuple(_label(r.question.ref) for r in ranking.candidates)
        got = found[0] if ranking.verdict == ANSWER else ranking.verdict
        report.outcomes.append(Outcome(case, got, choices=found if ranking.verdict == CLARIFY else ()))
    return report


def _label(ref: PageRef) -> str:
    return f"q:{ref.question}.{ref.page + 1}" if ref.question else f"{ref.topic}.{ref.facet}.{ref.page + 1}"


def _navigation(intent: str | None) -> str | None:
    return next((label for label, intents in NAVIGATION.items() if intent in intents), None)


def _fits(expected: str, got: str) -> bool:
    if expected == "none":
        return got not in URGENCY
    if expected in URGENCY or expected.startswith("nav:") or expected == "unknown":
        return got == expected
    return got == expected or got.startswith(expected + ".")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score how well the skill understands the corpus.")
    parser.add_argument("corpus", nargs="*", type=Path, help="corpus files (default: tests/corpus/*.toml)")
    parser.add_argument("--locale", default=DEFAULT_LOCALE)
    parser.add_argument("--path", choices=("console", "ranker", "both"), default="both")
    args = parser.parse_args(argv)
    files = args.corpus or sorted((Path(__file__).resolve().parent.parent / "tests" / "corpus").glob("*.toml"))
    cases = load_cases(files)
    print(f"{len(cases)} cases from {', '.join(f.name for f in files)}")
    if args.path in ("console", "both"):
        run_console(cases, args.locale).print()
    if args.path in ("ranker", "both"):
        run_ranker(cases, args.locale).print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
