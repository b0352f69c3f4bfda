"""Short replies that are not questions: "what?", "hold on", "thanks", and the answer to "Do you mean A, or B?".

A reply is one of these only when it is all that was said, fillers aside
("oh, thanks" closes; "thanks, and what about SCIg?" is a question). The words
are content (``replies.toml``), read the way the triage and the ranker read
text (``words.py``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..content import data_file, language_of
from .words import words

REPEAT = "repeat"
WRONG = "wrong"
WAIT = "wait"
THANKS = "thanks"
LOST = "lost"
BOTH = "both"
NEITHER = "neither"
_LOUDER = "louder"
PACE = "pace"
SLOWER = "slower"
FASTER = "faster"
# Where an infusion a statement tells of is.
RUNNING = "running"
OVER = "over"
AHEAD = "ahead"


@dataclass(frozen=True)
class PaceAsked:
    """How a request asks for the last thing to be said again: ``SLOWER``, ``FASTER`` or at the same rate (None),
    and whether louder, which the skill cannot do itself."""

    rate: str | None
    louder: bool


def _longest_first(phrases: list[str]) -> tuple[str, ...]:
    return tuple(sorted((" ".join(words(p)) for p in phrases), key=len, reverse=True))


def _said(phrase: str) -> tuple[str, ...]:
    return tuple(words(phrase))


@dataclass(frozen=True)
class Replies:
    """One language's words for short replies."""

    fillers: frozenset[str]
    repeat: frozenset[tuple[str, ...]]
    again: tuple[tuple[str, ...], ...]
    again_words: frozenset[str]  # fillers among them
    pace_words: frozenset[str]  # the words a request about pace may hold: again_words, politeness and the phrases'
    pace: dict[str, tuple[tuple[str, ...], ...]]  # SLOWER, FASTER, "louder" -> phrases
    wait: frozenset[tuple[str, ...]]
    lost: frozenset[tuple[str, ...]]
    reminders: tuple[tuple[str, ...], ...]
    thanks: tuple[tuple[str, ...], ...]
    back: tuple[tuple[str, ...], ...]
    slowly: tuple[str, ...]  # longest first
    slowly_first: tuple[str, ...]  # longest first
    vague: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]  # phrases (longest first), and the two topics
    closing_words: frozenset[str]  # fillers among them
    ordinals: dict[str, str]  # word -> "first", "second" or "last"
    before: frozenset[str]
    after: frozenset[str]
    both: frozenset[tuple[str, ...]]
    neither: frozenset[tuple[str, ...]]
    just_no: frozenset[tuple[str, ...]]
    one_about: tuple[str, ...]  # longest first
    corrected: tuple[tuple[str, ...], ...]  # longest first
    people: frozenset[str]
    same_for: frozenset[str]  # fillers among them
    wrong: tuple[tuple[str, ...], ...]
    wrong_words: frozenset[str]  # fillers among them
    normal: tuple[tuple[str, ...], ...]
    normal_words: frozenset[str]  # fillers among them
    versus_words: frozenset[str]  # fillers among them
    difference_words: tuple[str, ...]  # one treatment beside the one in context, the first five asking for it
    must_hear: frozenset[str]  # a breath holding one of these is never passed over (``answer_first.py``)
    invocation: tuple[str, ...]  # the skill's invocation name as words
    opening_words: tuple[str, ...]  # words that open a skill ("open", "talk to")
    asking_words: tuple[str, ...]  # words that ask a skill something ("ask", "tell")
    joining_words: frozenset[str]  # between the name and the question ("ask m m n guide about ...")
    politely: tuple[str, ...]  # before the verb ("can you open m m n guide")
    leans_back: frozenset[str]  # a breath opening with one of these needs the one before it
    later: tuple[str, ...]
    easing: tuple[str, ...]
    over_time: dict[str, str]  # "topic.facet" -> the question that says how it changes with later infusions
    for_life: tuple[tuple[str, ...], ...]
    how_long: tuple[tuple[str, ...], ...]
    needing: tuple[tuple[str, ...], ...]
    long_term_words: frozenset[str]  # fillers and people among them
    long_term: dict[str, str]  # topic id -> the question that says how long people stay on the treatment
    keeps_short: frozenset[str]  # a sentence with one of these stays in the short version of a lead
    ones: tuple[tuple[str, str], ...]  # ("the second one", "second"), longest first
    asks_what_words: tuple[str, ...]  # words that ask what a treatment is, longest first
    stated: frozenset[str]  # words of a statement that names a treatment and asks nothing, fillers among them
    tellers: frozenset[str]  # who a statement opens with, besides ``people``
    helpers: frozenset[str]  # a statement that opens with one of these is told by the one who helps
    helping: frozenset[str]  # what a helper does, and handles: words of such a statement's circumstances
    stated_places: frozenset[str]
    stated_given: dict[str, str]  # topic id -> what the treatment is, said after its name
    quitting: tuple[str, ...]  # the treatment said to be over for them: no statement, longest first
    infusion_states: tuple[tuple[str, tuple[str, ...]], ...]  # (RUNNING, OVER or AHEAD, its phrases longest first)
    state_pages: dict[str, str]  # "topic.state" -> the page that says what to watch for then
    repeated: tuple[str, ...]  # an act done again ("two days in a row"): no state of an infusion
    other_form: dict[str, str]  # topic id -> the same treatment given another way, that "which is better" weighs

    def kind_of(self, text: str) -> str | None:
        """``REPEAT``, ``WAIT``, ``LOST``, ``THANKS`` or ``WRONG`` ("that's not what I asked") when that is all that
        was said; otherwise None."""
        said = tuple(words(text))
        if not said:
            return None
        if said in self.wait or all(word in self.fillers and (word,) in self.wait for word in said):
            return WAIT
        kept = self._kept(said)
        if said in self.repeat or kept in self.repeat or _made_of(said, self.again_words, self.again):
            return REPEAT
        asked = self.pace_in(text)
        if asked is not None:
            return PACE if asked.rate or asked.louder else REPEAT
        if kept in self.wait:
            return WAIT
        if said in self.lost or kept in self.lost:
            return LOST
        if self._closing(said):
            return THANKS
        if _made_of(said, self.wrong_words, self.wrong):
            return WRONG
        return None

    def asks_a_reminder(self, text: str) -> bool:
        """Whether ``text`` asks for a reminder or an alarm to be set, which Alexa does and the skill can't."""
        return _holds(tuple(words(text)), self.reminders)

    def aside_after_wait(self, text: str) -> str | None:
        """What follows "hang on", "hold on a sec" and the like at the start of ``text`` ("hang on the nurse is
        saying something" -> "the nurse is saying something"), or None when it does not start so or is nothing else."""
        said = tuple(words(text))
        held = max((len(w) for w in self.wait if said[: len(w)] == w), default=0)
        return " ".join(said[held:]) if held and said[held:] else None

    def opened(self, text: str) -> str | None:
        """What follows the skill's name when ``text`` opens it in words ("alexa open m m n guide please" -> "",
        "ask m m n guide about ivig" -> "ivig"); None when it does not."""
        said = " ".join(words(text)).removeprefix("alexa ")
        for polite in self.politely:
            said = said.removeprefix(f"{polite} ")
        for verb in (*self.opening_words, *self.asking_words):
            for name in self.invocation:
                if said == f"{verb} {name}" or said.startswith(f"{verb} {name} "):
                    rest = said[len(verb) + len(name) + 2 :].split()
                    if rest and rest[0] in self.joining_words:
                        rest = rest[1:]
                    polite = {w for phrase in self.politely for w in phrase.split()}
                    if verb in self.opening_words and all(w in self.fillers or w in polite for w in rest):
                        return ""
                    return " ".join(rest)
        return None

    def pace_in(self, text: str) -> PaceAsked | None:
        """What a request to hear it again, slower, faster or louder asks, when that is all it says, politeness,
        complaints and names aside ("can you say it again but slower", "i can't hear you love"); otherwise None."""
        said = tuple(words(text))
        if not said or not all(word in self.pace_words for word in said):
            return None
        found = {kind for kind, phrases in self.pace.items() if _holds(said, phrases)}
        if not found and not _holds(said, self.again):
            return None
        rate = SLOWER if SLOWER in found else FASTER if FASTER in found else None
        return PaceAsked(rate, _LOUDER in found)

    def vague_in(self, text: str) -> tuple[str, tuple[str, ...]] | None:
        """For a question that names one of two treatments without saying which ("tell me about the infusions"):
        the question with a place for the treatment's name ("tell me about {name}"), and the two treatments'
        topic ids. None for any other text."""
        said = " ".join(words(text)).replace("{", "").replace("}", "")
        for phrases, topics in self.vague:
            found = next((p for p in phrases if re.search(rf"\b{re.escape(p)}\b", said)), None)
            if found is not None:
                return re.sub(rf"\b{re.escape(found)}\b", "{name}", said, count=1), topics
        return None

    def past_neither(self, text: str) -> str | None:
        """What a reply to "Do you mean A, or B?" asks after turning both down ("neither, I mean painkillers for the
        headache" -> "painkillers for the headache"); None when it does not start with "neither" or says no more."""
        said = tuple(words(text))
        for size in range(len(said) - 1, 0, -1):
            if said[:size] in self.neither or self._kept(said[:size]) in self.neither:
                return " ".join(said[size:])
        return None

    def own_words(self, text: str) -> str | None:
        """What a choice said in the listener's own words names ("um the one about cost" -> "cost"); None when it
        says no such thing."""
        said = " ".join(words(text))
        for phrase in self.one_about:
            found = re.search(rf"\b{re.escape(phrase)}\b(.*)", said)
            if found and found.group(1).strip():
                return found.group(1).strip()
        return None

    def correction(self, text: str) -> str | None:
        """What a reply that puts the last answer right asks instead ("no I meant for my wife" -> "for my wife"); ""
        when it says no more; None when it is no such reply. One word may come first ("oh no I meant ...")."""
        said = tuple(words(text))
        for first in (0, 1):
            size = next((len(p) for p in self.corrected if said[first : first + len(p)] == p), None)
            if size is not None:
                return " ".join(said[first + size :])
        return None

    def asks_normal(self, text: str) -> bool:
        """Whether ``text`` only asks if what was told of is normal ("is that normal with it", "is it common")."""
        return _made_of(tuple(words(text)), self.normal_words, self.normal)

    def only_people(self, text: str) -> bool:
        """Whether ``text`` asks only who an answer is for ("for my wife", "and for her, is it the same")."""
        said = tuple(words(text))
        return any(w in self.people for w in said) and all(w in self.people or w in self.same_for for w in said)

    def without_pace(self, text: str) -> str | None:
        """A question asked to be said slowly, without the words that ask it ("tell me slowly what is IVIg" ->
        "what is ivig"); None when it asks nothing of the kind, or nothing else."""
        said = " ".join(words(text))
        rest = said
        for phrase in self.slowly:
            rest = re.sub(rf"\b{re.escape(phrase)}\b", " ", rest)
        for phrase in self.slowly_first:
            rest = re.sub(rf"^{re.escape(phrase)}\b", " ", rest.strip())
        rest = " ".join(rest.split())
        return rest if rest and rest != said else None

    def asks_over_time(self, text: str) -> bool:
        """Whether ``text`` asks if something changes with later infusions ("does that get better after a few
        goes", "will it be easier next time")."""
        said = " ".join(words(text))
        return all(any(re.search(rf"\b{re.escape(p)}\b", said) for p in kind) for kind in (self.later, self.easing))

    def asks_long_term(self, text: str, names: tuple[str, ...] = ()) -> bool:
        """Whether ``text`` asks only how long someone stays on the treatment ("will he be on it for life", "how long
        will she need that"), ``names`` being the treatment's names, which it may say."""
        said = f" {' '.join(words(text))} "
        for name in sorted((" ".join(words(n)) for n in names), key=len, reverse=True):
            said = re.sub(rf" {re.escape(name)}(?= )", " ", said) if name else said
        told = tuple(said.split())
        if not told or not all(w in self.long_term_words for w in told):
            return False
        return _holds(told, self.for_life) or (_holds(told, self.how_long) and _holds(told, self.needing))

    def asks_what(self, text: str) -> bool:
        """Whether ``text`` asks what something is ("what is IVIg", "tell me about SCIg")."""
        said = " ".join(words(text))
        return any(re.search(rf"\b{re.escape(p)}\b", said) for p in self.asks_what_words)

    def states(self, text: str, names: tuple[str, ...], asks: Callable[[str], list[str]]) -> bool:
        """Whether ``text`` tells of someone's treatment and asks nothing ("my husband is on Hizentra at home", "my
        brother does his Cuvitru injections on Saturdays", "I help him set up his Hizentra pump"), ``names`` being the
        treatment's names: it opens with who it is about, and every other word is one of its circumstances (what a
        helper does, when the one who helps tells it) or a person's, save one word of its own before
        the treatment (what they do with it) in which ``asks`` (the ranker's terms) finds nothing to answer
        ("refuses", "stopped" are), and any after a place word ("at the Royal")."""
        said = f" {' '.join(words(text))} "
        for name in sorted((" ".join(words(n)) for n in names), key=len, reverse=True):
            if name and f" {name} " in said:  # the pattern's own condition, tried first: most texts name none
                said = re.sub(rf" {re.escape(name)}(?= )", f" {_NAME} ", said)
        told = said.split()
        # "Done with" the treatment may be giving it up; "nearly done with his drip" is where it is.
        quits = any(f" {p} " in said for p in self.quitting) and self.infusion_state(text) != RUNNING
        if _NAME not in told or quits:
            return False
        who = self.tellers | self.people
        opening = next((w for w in told if w in who or w not in self.fillers), None)
        # Told by the one who helps ("I help him set up his Hizentra pump"): what they do is a circumstance too.
        circumstances = self.stated | (self.helping if opening in self.helpers else frozenset())
        own = [i for i, w in enumerate(told) if w != _NAME and w not in circumstances and w not in who]
        at = told.index(_NAME)
        before = [i for i in own if i < at]
        placed = all(self.stated_places & set(told[max(i - 2, 0) : i]) for i in own if i > at)
        return opening in who and len(before) <= 1 and not any(asks(told[i]) for i in before) and placed

    def infusion_state(self, text: str) -> str | None:
        """Where the infusion a statement tells of is: ``RUNNING`` ("he's halfway through his drip"), ``OVER`` ("she
        just finished her Privigen") or ``AHEAD`` ("I'm about to start my Hizentra"); None when it says nothing of it
        ("my dad gets IVIg every four weeks")."""
        said = f" {' '.join(words(text))} "
        again = any(f" {p} " in said for p in self.repeated)
        return next(
            (
                kind
                for kind, found in self.infusion_states
                if not (kind == OVER and again) and any(f" {p} " in said for p in found)
            ),
            None,
        )

    def one_in(self, text: str) -> tuple[str, str] | None:
        """A phrase that picks a treatment by its place in the last reply, and which place ("first", "second" or
        "other"): "how often would I need the second one" -> ("the second one", "second"); None when there is none."""
        said = " ".join(words(text))
        for phrase, which in self.ones:
            if re.search(rf"\b{re.escape(phrase)}\b", said):
                return phrase, which
        return None

    def goes_back(self, text: str) -> str | None:
        """What ``text`` asks to go back to, said before ("go back to what you said about IVIg" -> "ivig", "back to
        the headaches" -> "the headaches"); None when it asks nothing of the kind."""
        said = tuple(words(text))
        found = [i + len(p) for p in self.back for i in range(len(said)) if said[i : i + len(p)] == p]
        return " ".join(said[max(found) :]) if found else None

    def choice_in(self, text: str, count: int) -> int | str | None:
        """What a reply to "Do you mean A, or B?" picks among ``count`` choices: an index ("number two" -> 1),
        ``BOTH``, ``NEITHER``, or None when it is something else (a new question)."""
        said = tuple(words(text))
        kept = self._kept(said)
        if said in self.both or kept in self.both:
            return BOTH
        if said in self.neither or kept in self.neither:
            return NEITHER
        if len(kept) > 1 and kept[0] in self.before:
            kept = kept[1:]
        if len(kept) > 1 and kept[-1] in self.after:
            kept = kept[:-1]
        if len(kept) != 1 or kept[0] not in self.ordinals or count < 1:
            return None
        which = self.ordinals[kept[0]]
        index = {"first": 0, "second": 1, "last": count - 1}[which]
        return index if index < count else None

    def repicks(self, text: str) -> int | str | None:
        """What a reply right after a pick among two changes it to ("the second one I mean", "neither"), or None; a
        plain no answers the offer after the pick, not the choice."""
        said = tuple(words(text))
        if said in self.just_no or self._kept(said) in self.just_no:
            return None
        return self.choice_in(text, 2)

    def _kept(self, said: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(word for word in said if word not in self.fillers)

    def _closing(self, said: tuple[str, ...]) -> bool:
        return _made_of(said, self.closing_words, self.thanks)


_NAME = "<treatment>"  # where a statement names its treatment: no word of the language


def _made_of(said: tuple[str, ...], allowed: frozenset[str], keys: tuple[tuple[str, ...], ...]) -> bool:
    """Whether ``said`` is all ``allowed`` words with one of the ``keys`` phrases in it."""
    if not said or not all(word in allowed for word in said):
        return False
    return _holds(said, keys)


def _holds(said: tuple[str, ...], keys: tuple[tuple[str, ...], ...]) -> bool:
    return any(said[i : i + len(key)] == key for key in keys for i in range(len(said)))


@functools.cache
def replies(locale: str) -> Replies:
    """The short-reply words of a locale's language, read once."""
    data = data_file(language_of(locale), "replies")
    choosing = data["choosing"]
    fillers = frozenset(w for f in data["fillers"] for w in words(f))
    again_words = fillers | {w for f in data["again_words"] for w in words(f)}
    pace = {kind: tuple(map(_said, data[kind])) for kind in (SLOWER, FASTER, _LOUDER)}
    return Replies(
        fillers=fillers,
        repeat=frozenset(map(_said, data["repeat"])),
        again=tuple(map(_said, data["again"])),
        again_words=again_words,
        pace_words=again_words
        | {w for f in data["pace_words"] for w in words(f)}
        | {w for phrases in pace.values() for phrase in phrases for w in phrase},
        pace=pace,
        wait=frozenset(map(_said, data["wait"])),
        lost=frozenset(map(_said, data["lost"])),
        reminders=tuple(map(_said, data["reminders"])),
        thanks=tuple(map(_said, data["thanks"])),
        back=tuple(map(_said, data["back"])),
        slowly=_longest_first(data["slowly"]),
        slowly_first=_longest_first(data["slowly_first"]),
        vague=tuple((_longest_first(v["said"]), tuple(v["topics"])) for v in data["vague"]),
        closing_words=fillers | {w for f in (*data["closing_words"], *data["closing_times"]) for w in words(f)},
        ordinals={w: which for which in ("first", "second", "last") for f in choosing[which] for w in words(f)},
        before=frozenset(choosing["before"]),
        after=frozenset(choosing["after"]),
        both=frozenset(map(_said, choosing["both"])),
        neither=frozenset(map(_said, choosing["neither"])),
        just_no=frozenset(map(_said, choosing["just_no"])),
        one_about=_longest_first(choosing["one_about"]),
        corrected=tuple(sorted(map(_said, data["corrected"]), key=len, reverse=True)),
        people=frozenset(w for f in data["people"] for w in words(f)),
        same_for=fillers | {w for f in data["same_for"] for w in words(f)},
        wrong=tuple(map(_said, data["wrong"])),
        wrong_words=fillers | {w for f in data["wrong_words"] for w in words(f)},
        normal=tuple(map(_said, data["normal"])),
        normal_words=fillers | {w for f in data["normal_words"] for w in words(f)},
        versus_words=fillers | {w for f in data["versus_words"] for w in words(f)},
        difference_words=tuple(w for f in data["difference_words"] for w in words(f)),
        must_hear=frozenset(" ".join(words(f)) for f in data["must_hear"]),
        invocation=tuple(" ".join(words(f)) for f in data["invocation"]),
        opening_words=tuple(" ".join(words(f)) for f in data["opening"]),
        asking_words=tuple(" ".join(words(f)) for f in data["asking"]),
        joining_words=frozenset(w for f in data["joining"] for w in words(f)),
        politely=tuple(" ".join(words(f)) for f in data["politely"]),
        leans_back=frozenset(w for f in data["leans_back"] for w in words(f)),
        later=_longest_first(data["later"]),
        easing=_longest_first(data["easing"]),
        over_time=dict(data["over_time"]),
        for_life=tuple(map(_said, data["for_life"])),
        how_long=tuple(map(_said, data["how_long"])),
        needing=tuple(map(_said, data["needing"])),
        long_term_words=fillers
        | {w for f in data["people"] for w in words(f)}
        | {w for f in data["long_term_words"] for w in words(f)},
        long_term=dict(data["long_term"]),
        keeps_short=frozenset(w for f in data["keeps_short"] for w in words(f)),
        asks_what_words=_longest_first(data["asks_what"]),
        stated=fillers | {w for f in (*data["stated"], *data[RUNNING], *data[OVER], *data[AHEAD]) for w in words(f)},
        tellers=frozenset(w for f in data["tellers"] for w in words(f)),
        helpers=frozenset(w for f in data["helpers"] for w in words(f)),
        helping=frozenset(w for f in data["helping"] for w in words(f)),
        stated_places=frozenset(data["stated_places"]),
        stated_given=dict(data["stated_given"]),
        quitting=_longest_first(data["quitting"]),
        infusion_states=tuple((kind, _longest_first(data[kind])) for kind in (RUNNING, OVER, AHEAD)),
        state_pages=dict(data["state_pages"]),
        repeated=tuple(" ".join(words(p)) for p in data["repeated"]),
        other_form=dict(data["other_form"]),
        ones=tuple(
            sorted(
                ((" ".join(words(p)), which) for which, said in data["ones"].items() for p in said),
                key=lambda o: -len(o[0]),
            )
        ),
    )
