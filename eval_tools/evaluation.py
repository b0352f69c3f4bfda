"""The understanding benchmark: labelled utterances in people's own words, run through the skill, and scored.

A corpus file (``tests/corpus/*.toml``) holds cases: what was said, what
should answer it (a page "ivig.course" or "ivig.course.2", a question
"q:mmn_fatal", a safety level "safety:emergency", a navigation "nav:help",
"unknown" when nothing should, or "none" for no safety level), a category,
earlier turns for follow-ups, and the locale it is said in (``locale``,
default en-US). Two paths are scored:

- ``console``: each case through the local console in full request envelopes,
  the same path as Lambda (sample matching, the catch-all, triage, ranker);
- ``ranker``: the free-text ranker alone on the text (no triage, no context).

Each is reported per corpus and per locale: accuracy, wrong answers (a page
that is not the one expected), "Do you mean", "I don't know" where an answer
existed, and safety recall and precision, beside the corpus's first-run figures
(``FIRST_RUN``: what it scored the first time it ran, before anything was
changed for it).

    python -m eval_tools.evaluation tests/corpus/*.toml    # or: python bench/understanding.py
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

from build_tools.interaction_model import model_path
from local_console.console import Console
from local_console.nlu import LocalNlu
from skill.app import build_skill
from skill.content import DEFAULT_LOCALE, load_content
from skill.content.model import PageRef
from skill.understanding.ranker import ANSWER, CLARIFY, ranker

Send = Callable[[dict[str, Any]], dict[str, Any]]
FIRST_RUN = Path(__file__).resolve().parent.parent / "tests" / "first_run.toml"
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


_COLUMNS = ("first", "accuracy", "wrong", "clarify", "dont_know", "recall", "precision")


@dataclass(frozen=True)
class Case:
    text: str
    expect: tuple[str, ...]
    category: str
    before: tuple[str, ...] = ()
    treatment_word: bool = False
    locale: str = DEFAULT_LOCALE
    corpus: str = ""

    @property
    def safety(self) -> bool:
        return any(e in URGENCY for e in self.expect)

    @property
    def has_answer(self) -> bool:
        """A page of the content answers it."""
        return any(_is_page(e) for e in self.expect)


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
    def answered(self) -> bool:
        """A page was given (not a choice, "I don't know", a safety level or a command)."""
        return _is_page(self.got)

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

    def rates(self, outcomes: Iterable[Outcome] | None = None) -> dict[str, float | None]:
        """Accuracy; wrong answers, "Do you mean" and "I don't know" where an answer existed, as shares of the
        cases; safety recall and precision (None without safety cases, or without a safety level reached)."""
        chosen = list(self.outcomes if outcomes is None else outcomes)
        count = len(chosen) or 1
        unknown = sum(o.got == "unknown" and o.case.has_answer for o in chosen)
        safety = [o for o in chosen if o.case.safety]
        flagged = [o for o in chosen if o.got in URGENCY]
        return {
            "accuracy": self.accuracy(chosen),
            "wrong": sum(o.answered and not o.right for o in chosen) / count,
            "clarify": sum(o.got == "clarify" for o in chosen) / count,
            "dont_know": unknown / count,
            "recall": sum(o.safe for o in safety) / len(safety) if safety else None,
            "precision": sum(o.case.safety for o in flagged) / len(flagged) if flagged else None,
        }

    def by(self, key: Callable[[Case], str]) -> dict[str, list[Outcome]]:
        groups: dict[str, list[Outcome]] = collections.defaultdict(list)
        for outcome in self.outcomes:
            groups[key(outcome.case)].append(outcome)
        return dict(sorted(groups.items()))

    def print_table(self, first_run: dict[str, dict[str, float]], out: Any = sys.stdout) -> None:
        """Per corpus, then per locale: first-run accuracy (where recorded) and today's figures."""
        print(
            f"  {'':30} {'cases':>5} {'first':>6} {'right':>6} {'wrong':>6} {'ask':>6} {'dunno':>6} "
            f"{'recall':>6} {'prec':>6}",
            file=out,
        )
        groups = {**self.by(lambda c: c.corpus), **{f"locale {k}": v for k, v in self.by(lambda c: c.locale).items()}}
        for name, outcomes in groups.items():
            r = {"first": first_run.get(name, {}).get(self.path), **self.rates(outcomes)}
            shown = " ".join(f"{'-':>6}" if r[k] is None else f"{r[k]:6.1%}" for k in _COLUMNS)
            print(f"  {name:30} {len(outcomes):5} {shown}", file=out)

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


def load_first_run(path: Path = FIRST_RUN) -> dict[str, dict[str, float]]:
    """Corpus -> path ("console", "ranker") -> the accuracy of its first run."""
    if not path.is_file():
        return {}
    with path.open("rb") as f:
        return tomllib.load(f)


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
                        locale=data.get("locale", DEFAULT_LOCALE),
                        corpus=path.stem,
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


def run_console(cases: list[Case], locale: str | None = None, send: Send | None = None) -> Report:
    """Every case through the console, as a new session (with its earlier turns first), in its own locale or
    ``locale`` when given.

    ``send`` delivers each envelope (default: the skill as Lambda runs it; the tests pass the Lambda handler)."""
    skill = build_skill()
    nlus: dict[str, LocalNlu] = {}
    report = Report("console")
    for case in cases:
        said_in = locale or case.locale
        if said_in not in nlus:
            nlus[said_in] = LocalNlu.from_file(model_path(said_in))
        questions = ranker(said_in).by_id
        console = Console(skill, nlus[said_in], said_in, send)
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


def for_ranker(case: Case) -> bool:
    """Whether the ranker alone is for this case: one question, no earlier turns, no safety level, no command."""
    return not (
        case.before
        or case.safety
        or case.category == "navigation"
        or case.expect == ("none",)
        or case.expect[0].startswith(("nav:", "command:"))
    )


def run_ranker(cases: list[Case], locale: str | None = None) -> Report:
    """The ranker alone, on the cases it is for (``for_ranker``), in each case's locale or ``locale``."""
    report = Report("ranker")
    for case in cases:
        if not for_ranker(case):
            continue
        ranking = ranker(locale or case.locale).rank(case.text)
        found = tuple(_label(r.question.ref) for r in ranking.candidates)
        got = found[0] if ranking.verdict == ANSWER else ranking.verdict
        report.outcomes.append(Outcome(case, got, choices=found if ranking.verdict == CLARIFY else ()))
    return report


def _label(ref: PageRef) -> str:
    return f"q:{ref.question}.{ref.page + 1}" if ref.question else f"{ref.topic}.{ref.facet}.{ref.page + 1}"


def _is_page(label: str) -> bool:
    """A page's label ("ivig.course.2", "q:mmn_fatal.1"), not a safety level, navigation, command or verdict."""
    return label.startswith("q:") or ("." in label and ":" not in label)


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
    parser.add_argument("--locale", help="run every case in this locale (default: each case's own)")
    parser.add_argument("--path", choices=("console", "ranker", "both"), default="both")
    args = parser.parse_args(argv)
    files = args.corpus or sorted((Path(__file__).resolve().parent.parent / "tests" / "corpus").glob("*.toml"))
    cases = load_cases(files)
    print(f"{len(cases)} cases from {', '.join(f.name for f in files)}")
    first_run = load_first_run()
    reports = []
    if args.path in ("console", "both"):
        reports.append(run_console(cases, args.locale))
    if args.path in ("ranker", "both"):
        reports.append(run_ranker(cases, args.locale))
    for report in reports:
        report.print()
        report.print_table(first_run)
    return 0


if __name__ == "__main__":
    sys.exit(main())
