"""The conversation benchmark: multi-turn sessions run through the console path, each turn checked against
machine-checkable labels, and the voice measured (``bench/conversation.py`` prints the figures).

A corpus is TOML: ``[[sessions]]`` with ``persona``, ``locale``, ``returning`` (the listener has used the skill
before) and ``[[sessions.turns]]``, each with ``say``, ``must`` (what the turn must do, in plain words, kept as
written) and ``expect`` (the same, as labels this module checks; ``CHECKS`` lists them).

**A pause** is an SSML ``<break>``: the skill puts one between the parts of a reply, after a sentence-final
stop, and the slower rates add one after every sentence. **One breath** is at most 30 words before the first
pause. **A list** is a run of three or more items joined by commas and a last "and" or "or" inside one sentence
("A, B, or C"; "A, B and C"); a list over 3 has four or more items.
"""

from __future__ import annotations

import re
import statistics
import tempfile
import tomllib
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from build_tools.interaction_model import model_path
from local_console.console import Console
from local_console.nlu import LocalNlu
from skill.answers import label, place_of
from skill.app import build_skill
from skill.content import load_content
from skill.speech import to_plain
from skill.store.local import LocalStore
from skill.understanding.ranker import ranker

ONE_BREATH = 30
MAX_LIST = 3
_BREAK = re.compile(r"<break\b[^>]*/>")
_RATE = re.compile(r'<prosody rate="(\d+)%">')
_SENTENCE = re.compile(r"(?<=[.?!])\s+")
_LEVELS = ("no_change", "call_doctor", "emergency")  # least to most urgent
_TURN_LABELS = (
    "repeats",
    "same_answer",
    "replays_safety",
    "ends",
    "waits",
    "slower",
    "faster",
    "next_part",
    "back",
    "shorter",
    "after_clarify",
)


@dataclass
class Turn:
    say: str
    must: str
    expect: tuple[str, ...]


@dataclass
class Session:
    id: str
    persona: str
    locale: str
    turns: list[Turn]
    returning: bool = False


@dataclass
class Heard:
    """One turn as the listener heard it, and what the skill's dialog state says it answered."""

    say: str
    ssml: str
    plain: str
    ended: bool
    answered: str | None
    offer: dict[str, Any] | None
    choices: tuple[str, ...]
    rate: int
    missed: bool  # an "I don't know" reply
    paused: bool = False  # a moment given ("Take your time."), which says no answer of its own
    paced: bool = False  # opens with a change of pace ("Okay, I'll speak more slowly."), then says its answer

    @property
    def words(self) -> int:
        return len(self.plain.split())

    @property
    def before_pause(self) -> int:
        """Words before the first pause (the whole turn when there is none)."""
        return len(to_plain(_BREAK.split(self.ssml, maxsplit=1)[0]).split())

    @property
    def first_part(self) -> str:
        """The first part of what it answered: after a change of pace, the part that follows it."""
        parts = _BREAK.split(self.ssml, maxsplit=2)
        return to_plain(parts[1 if self.paced and len(parts) > 1 else 0])

    @property
    def longest_list(self) -> int:
        return max((list_items(s) for s in _SENTENCE.split(self.plain)), default=0)


_LEAD_IN = re.compile(r"^(such as|like|including|for example)\b:?\s*")
_LISTING_VERB = re.compile(r"\b(include|includes|including|such as)\b")
_NEW_CLAUSE = re.compile(r"^(so|but|because|which|who|if|when|then|while)\b")
_OPENER = re.compile(r"^(after|before|during|if|when|while|in|on|for|with|without|at|once|until)\b")
_ASIDE = re.compile(r"^((also|often|sometimes|usually) )?(just )?(called|known as)\b")
_JOINED = re.compile(r"\s(and|or)\s")
_SHORT_ITEM = 7  # words: a longer piece starts a run of items afresh (its lead-in: "The nearest things I know are X")


def list_items(sentence: str) -> int:
    """How many items the longest list in a sentence has: "A, B, or C" and "A, B and C" are 3; no list is 0.

    Pieces between commas are items while they are short; "such as" or "like" starts a list afresh, and so does
    a piece that lists ("they include A"), a new clause ("so ...", "but ...") or a long piece. A piece that starts
    with "and" or "or" (or the sentence's last piece, holding one) closes the list. Pieces that are no items:
    an opening phrase ("After an infusion, ..."), and a name in an aside with the thing it names ("ALS, also
    called motor neuron disease, ..."). A piece holding its own "and" or "or" inside the sentence closes a run
    of describing words and is one item of a list around it ("a painful, swollen or warm arm, a racing heart,
    or hives" is three)."""
    pieces = [p.strip() for p in sentence.split(",") if p.strip()]
    longest, run = 0, 0
    for n, piece in enumerate(pieces):
        if re.match(r"(and|or) ", piece):
            longest, run = max(longest, run + 1), 0
            continue
        if n == len(pieces) - 1 and n > 0 and _JOINED.search(f" {piece} "):
            longest = max(longest, run + 2)
            continue
        if _ASIDE.match(piece):
            run = 0
        elif n == 0 and _OPENER.match(piece.lower()):
            run = 0
        elif n > 0 and _JOINED.search(piece) and len(piece.split()) <= _SHORT_ITEM:
            longest, run = max(longest, run + 2), 1
        elif _LEAD_IN.match(piece) or _LISTING_VERB.search(piece) or _NEW_CLAUSE.match(piece):
            run = 1
        elif len(piece.split()) > _SHORT_ITEM:
            run = 1
        else:
            run += 1
    return longest if longest >= 3 else 0


def read_corpus(path: Path) -> list[Session]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    sessions = []
    for n, session in enumerate(data["sessions"], 1):
        turns = [Turn(t["say"], t.get("must", ""), tuple(t.get("expect", ()))) for t in session["turns"]]
        sessions.append(
            Session(
                id=session.get("id") or f"{path.stem}-{n}",
                persona=session.get("persona", ""),
                locale=session.get("locale", "en-US"),
                turns=turns,
                returning=bool(session.get("returning")),
            )
        )
    return sessions


@dataclass
class Checked:
    session: str
    index: int
    turn: Turn
    heard: Heard
    failed: list[str] = field(default_factory=list)

    @property
    def dead_end(self) -> bool:
        """An "I don't know" to a known command or a repeat request."""
        return self.heard.missed and any(e.split(":")[0] in _TURN_LABELS or e == "picks" for e in self.turn.expect)


class Runner:
    """Runs sessions through the console path: local understanding, full request envelopes, the skill Lambda
    runs. Each session is a listener of its own, with a store of its own for the run."""

    def __init__(self, send_for: Callable[[Any], Callable[[dict[str, Any]], dict[str, Any]]] | None = None):
        self.folder = Path(tempfile.mkdtemp(prefix="mmn-guide-conversations-"))
        self.skill = build_skill(store=LocalStore(self.folder / "listeners.sqlite3"))
        self.send_for = send_for
        self._nlu: dict[str, LocalNlu] = {}

    def console(self, locale: str) -> Console:
        if locale not in self._nlu:
            self._nlu[locale] = LocalNlu.from_file(model_path(locale))
        send = self.send_for(self.skill) if self.send_for else None
        console = Console(self.skill, self._nlu[locale], locale, send=send)
        console.user_id = f"amzn1.ask.account.bench-{uuid.uuid4().hex}"
        return console

    def run(self, session: Session) -> list[Checked]:
        console = self.console(session.locale)
        if session.returning:
            console.say("open m m n guide")
            console.say("stop")
        heard: list[Heard] = []
        checked = []
        for index, turn in enumerate(session.turns):
            response = console.say(turn.say)
            locale = session.locale
            heard.append(_heard(turn.say, response, _misses(locale), _pause(locale), _paces(locale)))
            failed = [e for e in turn.expect if not check(e, heard, session.locale)]
            checked.append(Checked(session.id, index, turn, heard[-1], failed))
        console.close()
        return checked


def _misses(locale: str) -> tuple[str, ...]:
    """How the skill's "I don't know" replies begin (the dialog state's label stays on a reply that
    answers nothing, such as "thanks", so the words tell)."""
    prompts = load_content(locale).prompts
    said = [prompts.get(key) for key in ("dont_know", "out_of_scope", "dont_know_again", "dont_know_still", "fallback")]
    return tuple(_squash(_SENTENCE.split(text, maxsplit=1)[0]) for text in said if text)


def _pause(locale: str) -> str:
    """How the skill's reply to "um" or "hold on" begins."""
    return _squash(load_content(locale).prompts["take_your_time"])


def _paces(locale: str) -> tuple[str, ...]:
    """How the skill confirms a change of pace, said before the answer again."""
    prompts = load_content(locale).prompts
    return tuple(_squash(prompts[key]) for key in ("slower", "slowest", "faster", "fastest", "normal_speed"))


def _heard(
    say: str, response: dict[str, Any], misses: tuple[str, ...], pause: str, paces: tuple[str, ...] = ()
) -> Heard:
    body = response.get("response") or {}
    speech = body.get("outputSpeech") or {}
    ssml = speech.get("ssml") or speech.get("text") or ""
    dialog = (response.get("sessionAttributes") or {}).get("dialog") or {}
    rate = _RATE.search(ssml)
    return Heard(
        say=say,
        ssml=ssml,
        plain=to_plain(ssml),
        ended=body.get("shouldEndSession") is not False,
        answered=dialog.get("answered"),
        offer=dialog.get("offer"),
        choices=tuple(dialog.get("choices") or ()),
        rate=int(rate.group(1)) if rate else 100,
        missed=any(miss in _squash(to_plain(ssml)) for miss in misses),
        paused=_squash(to_plain(ssml)).startswith(pause),
        paced=any(_squash(to_plain(ssml)).startswith(pace) for pace in paces),
    )


def _page_labels(heard: list[Heard]) -> list[str]:
    return [h.answered for h in heard if _is_page(h.answered)]


def _is_page(answered: str | None) -> bool:
    """A page's label ("ivig.course.1", "q:mmn_cure.1"), not a command taken from free text ("command:AMAZON.X")."""
    return bool(answered) and "." in answered and not answered.startswith(("safety", "command:"))


def _answer_labels(heard: list[Heard]) -> list[str]:
    """What each turn that answered said: a page, or safety advice (which "go back" returns to, as to a page)."""
    return [h.answered for h in heard if _is_page(h.answered) or (h.answered or "").startswith("safety:")]


def _topic_of(answered: str | None, locale: str) -> set[str]:
    """The topics an answer is about: a page's topic, a comparison's two, and a question's own topic with the
    treatments its subject names ("how long an IVIg infusion takes", of infusion day, is about IVIg too)."""
    if not answered:
        return set()
    if answered.startswith("compare:"):
        return set(answered.split(":")[1:])
    if answered.startswith("q:"):
        question = load_content(locale).question(answered[2:].rsplit(".", 1)[0])
        if question is None:
            return set()
        bank = ranker(locale)
        return {question.topic, *(term for term in bank.terms(question.about) if term in bank.topic_ids)}
    return {answered.split(".")[0]} if "." in answered else set()


def _offered_label(offer: dict[str, Any] | None) -> str | None:
    if not offer:
        return None
    place = offer["place"]
    question = place.get("question")
    if place.get("compare"):
        return f"compare:{place['topic']}:{place['compare']}"
    if question:
        return f"q:{question}.{offer.get('page', 0) + 1}"
    return f"{place['topic']}.{place.get('facet')}.{offer.get('page', 0) + 1}"


def _contains_answer(now: Heard, before: Heard) -> bool:
    """Whether ``now`` says again the answer ``before`` gave (its first part, the answer itself)."""
    return bool(before.first_part) and _squash(before.first_part) in _squash(now.plain)


def _squash(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", text.lower()).split())


def _last_safety(heard: list[Heard]) -> Heard | None:
    """The last safety advice before this turn, as first given: a run of turns on the same advice (said again,
    or after a preface such as "Okay, I'll speak more slowly.") goes back to the turn that gave it."""
    advice = None
    for h in reversed([h for h in heard[:-1] if not h.paused]):
        if advice is not None and h.answered != advice.answered:
            break
        if advice is not None or (h.answered or "").startswith("safety:"):
            advice = h
    return advice


def _last_answer(heard: list[Heard]) -> Heard | None:
    """The last turn before this one that said something other than a pause or a miss."""
    return next((h for h in reversed(heard[:-1]) if not h.missed and not h.paused and h.plain), None)


def check(expect: str, heard: list[Heard], locale: str) -> bool:
    """Whether the last turn heard does what the label ``expect`` asks."""
    kind, _, arg = expect.partition(":")
    now = heard[-1]
    before = heard[-2] if len(heard) > 1 else None
    return CHECKS[kind](now, before, heard, arg, locale)


def _says(now: Heard, arg: str) -> bool:
    return any(_squash(word) in _squash(now.plain) for word in arg.split("|"))


def _first(now: Heard, arg: str) -> bool:
    first = _SENTENCE.split(now.plain, maxsplit=1)[0]
    return any(_squash(word) in _squash(first) for word in arg.split("|"))


def _safety(now: Heard, arg: str) -> bool:
    level = (now.answered or "").removeprefix("safety:")
    return level in _LEVELS and _LEVELS.index(level) >= _LEVELS.index(arg)


def _picks(now: Heard, before: Heard | None, arg: str, locale: str) -> bool:
    """The page of choice ``arg`` (1-based) of the "Do you mean ...?" just before."""
    if before is None or not before.choices:
        return False
    chosen = ranker(locale).question(before.choices[int(arg) - 1]).ref
    return now.answered == label(place_of(chosen), chosen.page)


def _back(now: Heard, heard: list[Heard]) -> bool:
    labels = _answer_labels(heard[:-1])
    return len(labels) >= 2 and now.answered == labels[-2]


def _same_topic(now: Heard, heard: list[Heard], locale: str) -> bool:
    """On the topic of the last page; or, right after safety advice, still on that advice (said again)."""
    advice = _last_safety(heard)
    if advice is not None and _answer_labels(heard[:-1])[-1] == advice.answered == now.answered:
        return _contains_answer(now, advice)
    labels = _page_labels(heard[:-1])
    return bool(labels) and bool(_topic_of(now.answered, locale) & _topic_of(labels[-1], locale))


def _new_apology(now: Heard, before: Heard | None) -> bool:
    """A miss that opens with another sentence than the turn before, and offers something else."""
    if before is None:
        return True
    first = _SENTENCE.split(now.plain, maxsplit=1)[0]
    return first != _SENTENCE.split(before.plain, maxsplit=1)[0] and now.plain != before.plain


def _shorter(now: Heard, heard: list[Heard]) -> bool:
    earlier = _last_answer(heard)
    return earlier is not None and now.words < earlier.words and not now.missed


CHECKS: dict[str, Callable[[Heard, Heard | None, list[Heard], str, str], bool]] = {
    # How it is said
    "one_breath": lambda now, b, h, a, loc: now.before_pause <= ONE_BREATH,
    "max_words": lambda now, b, h, a, loc: now.words <= int(a),
    "max_items": lambda now, b, h, a, loc: now.longest_list <= int(a or MAX_LIST),
    "offers": lambda now, b, h, a, loc: not now.ended and now.plain.rstrip().endswith("?"),
    "ends": lambda now, b, h, a, loc: now.ended,
    "open": lambda now, b, h, a, loc: not now.ended,
    "slower": lambda now, b, h, a, loc: b is not None and now.rate < b.rate,
    "faster": lambda now, b, h, a, loc: b is not None and now.rate > b.rate,
    "rate_below": lambda now, b, h, a, loc: now.rate < 100,
    # What is said
    "says": lambda now, b, h, a, loc: _says(now, a),
    "not_says": lambda now, b, h, a, loc: not _says(now, a),
    "first": lambda now, b, h, a, loc: _first(now, a),
    "example": lambda now, b, h, a, loc: bool(
        re.search(r"for example|could (also )?ask|\btry\b|nearest", now.plain, re.I)
    ),
    "miss": lambda now, b, h, a, loc: now.missed,
    "not_miss": lambda now, b, h, a, loc: not now.missed,
    "answers": lambda now, b, h, a, loc: any((now.answered or "").startswith(x) for x in a.split("|")),
    "topic": lambda now, b, h, a, loc: bool(_topic_of(now.answered, loc) & set(a.split("|"))),
    "safety": lambda now, b, h, a, loc: _safety(now, a),
    "clarifies": lambda now, b, h, a, loc: now.answered == "clarify",
    "picks": lambda now, b, h, a, loc: _picks(now, b, a, loc),
    # Against what was said before
    "repeats": lambda now, b, h, a, loc: b is not None and _contains_answer(now, b),
    "same_answer": lambda now, b, h, a, loc: (e := _last_answer(h)) is not None and _contains_answer(now, e),
    "replays_safety": lambda now, b, h, a, loc: (s := _last_safety(h)) is not None and _contains_answer(now, s),
    "next_part": lambda now, b, h, a, loc: b is not None and now.answered == _offered_label(b.offer),
    "back": lambda now, b, h, a, loc: _back(now, h),
    "same_topic": lambda now, b, h, a, loc: _same_topic(now, h, loc),
    "new_apology": lambda now, b, h, a, loc: _new_apology(now, b),
    "shorter": lambda now, b, h, a, loc: _shorter(now, h),
    "new_answer": lambda now, b, h, a, loc: b is not None and not now.missed and now.answered != b.answered,
    "after_clarify": lambda now, b, h, a, loc: True,  # marks a reply to "Do you mean ...?", for the figures
    "waits": lambda now, b, h, a, loc: not now.ended and now.words <= 15 and not now.missed,
}


@dataclass
class Figures:
    turns: int
    sessions: int
    passed: int
    one_breath: float
    words_median: float
    words_max: int
    pause_median: float
    pause_max: int
    lists_over_3: int
    dead_ends: int
    misses: int
    context: tuple[int, int]
    clarifications: tuple[int, int]
    safety_repeats: tuple[int, int]


def figures(results: list[Checked], sessions: int) -> Figures:
    heard = [c.heard for c in results if c.heard.plain]
    words = [h.words for h in heard]
    pauses = [h.before_pause for h in heard]
    return Figures(
        turns=len(results),
        sessions=sessions,
        passed=sum(1 for c in results if not c.failed),
        one_breath=sum(1 for p in pauses if p <= ONE_BREATH) / len(pauses),
        words_median=statistics.median(words),
        words_max=max(words),
        pause_median=statistics.median(pauses),
        pause_max=max(pauses),
        lists_over_3=sum(1 for h in heard if h.longest_list > MAX_LIST),
        dead_ends=sum(1 for c in results if c.dead_end),
        misses=sum(1 for h in heard if h.missed),
        context=_share(results, lambda e: e.startswith("topic:")),
        clarifications=_share(results, lambda e: e.startswith("picks") or e == "after_clarify"),
        safety_repeats=_share(results, lambda e: e == "replays_safety"),
    )


def _share(results: Iterable[Checked], labelled: Callable[[str], bool]) -> tuple[int, int]:
    """(passed, labelled): of the turns with such a label, how many did all the turn asks."""
    chosen = [c for c in results if any(labelled(e) for e in c.turn.expect)]
    return sum(1 for c in chosen if not c.failed), len(chosen)
