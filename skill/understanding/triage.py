"""Safety triage: decides, before any other routing, whether what was said is an emergency,
a sign to call the doctor, or a wish to change a treatment on one's own.

It reads everything the skill can see of what was said: the intent (the model
has an intent for emergencies said in a word) and every slot value, which holds
the free text of a question. The red flags are content (``red_flags.toml``),
reviewed like every medical sentence; a red flag never loses to a topic word in
the same sentence. Mid-session, a change of treatment that names no treatment
("I'm going to skip my next one") is read as about the topic in context, and so
is a symptom that is a sign only with a treatment ("she has a fever" after her
IVIg); any other symptom is triaged the same with or without context.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..content import Content, data_file, language_of, load_content
from ..content.model import Figure, Sign, TriageLevel
from . import words
from .words import Phrases, Text, phrases

EMERGENCY = "emergency"
CALL_DOCTOR = "call_doctor"
NO_CHANGE = "no_change"

# The model's intents for a level, said in words that carry nothing more ("it's an emergency"); every
# sentence that names a sign goes through the catch-all, so the triage reads its words.
LEVEL_INTENTS = {"EmergencyIntent": EMERGENCY}
# Where a sentence ends, for phrases that must end it ("I'm going to stop", not "... stop worrying"; "I can't go
# on", not "... go on holiday"). Every text the triage reads ends with it.
END = "_end"
# At most this many of a turn's sign words are kept for the next (the last ones said): a sign's words within its
# window, and a session attribute of bounded size whatever a turn holds.
KEPT_WORDS = 12
# The word a text is read with, as said now, by the signs that are signs only while an infusion runs, while the
# session heard one is going on.
NOW = "now"
# ... and the words a text is read with by the signs of the time after an infusion, while the session heard it is over.
AFTER = "since the drip"
# "What's", "she's", "it's" are "what is", "she is": read joined ("whats", "shes"), as the content writes them, not as
# a possessive whose "'s" is dropped ("what's the point anymore" is "whats the point"; Alexa writes the apostrophe).
_IS_JOINED = re.compile(r"\b(what|she|he|it|that|there|who|here|how|where|everything|nothing)['’]s\b", re.IGNORECASE)


def read_said(text: str) -> Text:
    """What was said, as the triage and the endings read it: its words, with the end of the sentence marked."""
    joined = _IS_JOINED.sub(r"\1s", text)
    return Text(f"{joined} {END}")


@dataclass(frozen=True)
class Triage:
    level: TriageLevel
    sign: Sign | None  # None when only the intent said so
    during_infusion: bool
    asking: bool = False  # a question about the sign, not a report of it: warn, then answer the question
    past: bool = False  # a sign long past, told as over ("last year he had chest pain, he's fine now"): no alarm
    asks_treatment: bool = False  # ... asked about for a treatment ("... now can he take IVIg")


class _CompiledSign:
    def __init__(self, sign: Sign):
        self.sign = sign
        self.groups = tuple(phrases(group) for group in sign.groups)
        self.unless = phrases(sign.unless)
        self.reported = phrases(sign.reported)
        self.unless_always = phrases(sign.unless_always)
        self.asked_before = phrases(sign.asked_before)
        # The words the first group's phrases begin with: most texts have none of them, and are passed over quickly.
        first = [p.parts[0] for p in self.groups[0] if p.parts] if self.groups else []
        self.first_words = frozenset(word for word, prefix in first if not prefix)
        self.first_prefixes = tuple(word for word, prefix in first if prefix)

    def matches(self, text: Text, excused: frozenset[int] = frozenset()) -> bool:
        return self.where(text, excused) is not None

    def where(self, text: Text, excused: frozenset[int] = frozenset(), starts_before: int | None = None) -> int | None:
        """Where the last of the sign's words stands in the text, or None if it does not match; a word at a position
        in ``excused`` (said as something else: a figure of speech) does not count; with ``starts_before``, only
        the sign's words said from a position before it on count (one of them is said there)."""
        if self.first_words.isdisjoint(text.where) and not (
            self.first_prefixes and any(map(text.starting, self.first_prefixes))
        ):
            return None
        window = self.sign.window
        reports = sorted(self.reported.starts(text))
        said = [group.spans(text) for group in self.groups]
        vetoes, explained = self._vetoes(text, said, reports)
        found = []
        for spans in said:
            positions = sorted(
                start
                for start, end in spans
                if start not in excused and not any(_overlap((start, end), v) for v in explained)
            )
            if not positions:
                return None
            found.append(positions)
        # Some word of every group within one window: try each found word as the window's start, and look up
        # each group's first word at or after it by bisection, so a long text costs n log n, not n squared.
        always = sorted(self.unless_always.starts(text))
        asked = sorted(self.asked_before.starts(text))
        for start in sorted({i for group in found for i in group}):
            if starts_before is not None and start >= starts_before:
                break
            end = max(_first_from(group, start) for group in found)
            # An "unless" phrase speaks for the sign only near it: "she was on prednisone years ago ... and now
            # my throat is swelling" is still a swelling throat. A report near it ("she had a stroke last month and
            # I think she's having another one", "I took double, should I be worried?") is not excused by it.
            if (
                end <= start + window
                and _first_from(always, start - window) > end + window
                # A question excuses the sign only when asked before its words (clinical review 9, H1, H2).
                and _first_from(asked, start - window) >= start
                and (
                    _first_from(vetoes, start - window) > end + window
                    or _first_from(reports, start - window) <= end + window
                )
            ):
                return int(end)
        return None

    def _vetoes(
        self, text: Text, said: list[set[tuple[int, int]]], reports: list[int]
    ) -> tuple[list[int], list[tuple[int, int]]]:
        """Where the ``unless`` phrases stand: those that frame the sign (a question, a history), which excuse the
        words near them, and those that hold one of the sign's own words ("not answering the phone", "the risk of
        stroke"), which say what that word means here and excuse it alone: "he dropped his cup and fell on the floor
        and isn't moving" is still a collapse (clinical review 10, H3). A report near either excuses nothing."""
        window = self.sign.window
        frames: list[int] = []
        explained: list[tuple[int, int]] = []
        for phrase in self.unless.said_in(text):
            for i in phrase.positions(text):
                veto = (i, i + len(phrase.parts))
                if not any(_overlap(veto, s) for spans in said for s in spans):
                    frames.append(i)
                elif _first_from(reports, i - window) > veto[1] + window:
                    explained.append(veto)
        return sorted(frames), explained


class _BySaid:
    """A level's signs indexed by the words their first group begins with: a turn's texts are tried only with the
    signs whose first words they say, or the beginning of one they say; ``_CompiledSign.where`` passes over every
    other sign at once, so they are not tried at all."""

    def __init__(self, signs: tuple[_CompiledSign, ...]):
        self.signs = signs
        self.by_word: dict[str, list[int]] = {}
        self.by_beginning: dict[str, list[int]] = {}
        # A beginning longer than a text keeps of its words (``Text.beginnings``): such a sign is always tried.
        self.always = set()
        for n, compiled in enumerate(signs):
            for word in compiled.first_words:
                self.by_word.setdefault(word, []).append(n)
            for beginning in compiled.first_prefixes:
                if len(beginning) > words.PREFIX_KEPT:
                    self.always.add(n)
                else:
                    self.by_beginning.setdefault(beginning, []).append(n)

    def tried(self, texts: list[Text]) -> list[_CompiledSign]:
        """The signs that may be in one of the texts, in the level's order."""
        found = set(self.always)
        for text in texts:
            for word in text.where.keys() & self.by_word.keys():
                found.update(self.by_word[word])
            if self.by_beginning:
                for beginning in text.beginnings().keys() & self.by_beginning.keys():
                    found.update(self.by_beginning[beginning])
        return [self.signs[n] for n in sorted(found)]


class _CompiledFigure:
    """A figure of speech that a sign's words may be said in ("this bill is giving me chest pain")."""

    def __init__(self, figure: Figure):
        self.groups = tuple(phrases(group) for group in figure.groups)
        self.breaks = phrases(figure.breaks)
        self.window = figure.window
        self.levels = frozenset(figure.levels)
        self.spares = frozenset(figure.spares)

    def covers(self, text: Text) -> frozenset[int]:
        """The positions of the text's words from the figure's first word to its last, wherever it is said."""
        # Each level's excuses read every figure again: the text keeps what each covers.
        covered = text.known.get(self)
        if covered is None:
            covered = text.known[self] = frozenset(self._covers(text))
        return covered  # type: ignore[return-value]

    def _covers(self, text: Text) -> set[int]:
        found = [sorted(group.starts(text)) for group in self.groups]
        if not all(found):
            return set()
        breaks = sorted(self.breaks.starts(text))
        covered: set[int] = set()
        for start in found[0]:
            at: float = start
            for positions in found[1:]:
                if at > start + self.window:
                    break
                at = _first_from(positions, int(at) + 1)
            if at <= start + self.window and _first_from(breaks, start + 1) >= at:
                covered.update(range(start, int(at) + 1))
        return covered


def _overlap(one: tuple[int, int], other: tuple[int, int]) -> bool:
    """Whether two spans of words (first position, position after the last) share a word."""
    return one[0] < other[1] and other[0] < one[1]


def _first_from(positions: list[int], start: int) -> float:
    """The first of the sorted positions at or after start (infinity if none)."""
    at = bisect.bisect_left(positions, start)
    return positions[at] if at < len(positions) else math.inf


class Triager:
    """The red flags of one locale's content, ready to read sentences with."""

    def __init__(self, content: Content):
        red_flags = content.red_flags
        self.levels = tuple((level, tuple(_CompiledSign(s) for s in level.signs)) for level in red_flags.levels)
        self.by_id = {level.id: level for level in red_flags.levels}
        self.by_said = {level.id: _BySaid(signs) for level, signs in self.levels}
        self.infusion = phrases(red_flags.infusion_words)
        self.after_infusion = phrases(red_flags.after_infusion_words)
        self.running = phrases(red_flags.running_words)
        self.over = over_sign(content.locale)
        self.locale = content.locale
        self.asking = phrases(red_flags.asking)
        self.reporting = phrases(red_flags.reporting)
        self.watching, self.examples = phrases(red_flags.watching), phrases(red_flags.examples)
        self.reasons = phrases(red_flags.reasons)
        self.past, self.about_treatment, self.present, self.settled = (
            phrases(red_flags.past),
            phrases(red_flags.about_treatment),
            phrases(red_flags.present),
            phrases(red_flags.settled),
        )
        self.family, self.family_signs = phrases(red_flags.family), frozenset(red_flags.family_signs)
        self.recent = phrases(red_flags.recent)
        # The events a history names, read without the words that excuse them as history ("last year"): a past event
        # asked about for a treatment is told what to do if it comes back, and answered (clinical review 15, n9).
        self.events = tuple(
            (level, _CompiledSign(dataclasses.replace(c.sign, unless=(), unless_always=(), reported=())))
            for level, signs in self.levels
            for c in signs
            if c.sign.id in self.family_signs
        )
        self.figures = tuple(_CompiledFigure(figure) for figure in red_flags.figures)
        self.spared = frozenset(sign for figure in self.figures for sign in figure.spares)
        self.others, self.first_person = phrases(red_flags.others), phrases(red_flags.first_person)
        self.third_person = phrases(red_flags.third_person)
        self.changes = phrases(red_flags.changes)
        self.asked_first = phrases(red_flags.context_asked_first)
        self.treatment_words = red_flags.treatment_words
        compiled = {level.id: signs for level, signs in self.levels}
        self.compiled = {c.sign.id: c for _, signs in self.levels for c in signs}
        self.in_context = tuple(c for c in compiled[NO_CHANGE] if c.sign.id in red_flags.context_signs)
        self.planned = tuple(c for c in self.in_context if c.sign.id in red_flags.planned)
        self.general_word = red_flags.general_word
        # Symptoms that are signs only with a treatment ("a fever", after an infusion), read with the one in context.
        self.symptoms = tuple(c for c in compiled[CALL_DOCTOR] if c.sign.id in red_flags.context_symptoms)
        # The words of every emergency and call-the-doctor sign: what of a turn is read again with the next one.
        self.sign_phrases = Phrases(
            p for level in (EMERGENCY, CALL_DOCTOR) for c in compiled[level] for group in c.groups for p in group
        )
        self.no_change = self.by_id[NO_CHANGE]
        self.not_a_change = phrases(self.no_change.unless)
        self.call_doctor = self.by_id[CALL_DOCTOR]
        # The treatments the change signs name (their last group): a sentence naming one is not a change "of it".
        self.treatments = Phrases(p for c in self.in_context for p in c.groups[-1])
        unnamed = set(red_flags.unnamed)
        self.named = phrases(p for c in self.in_context for p in c.sign.groups[-1] if p not in unnamed)

    def triage(
        self,
        intent: str | None,
        heard: Iterable[str],
        topic: str | None = None,
        running: bool | None = None,
        before: str | None = None,
        ahead: bool = False,
    ) -> Triage | None:
        """The most urgent level that the intent or any heard text calls for, else a change of the
        treatment of ``topic`` (the topic in context), or None. ``running``: whether the session heard that an
        infusion is going on now (True), is over (False), or neither (None). ``before``: the words of a sign said
        in the turn before (``sign_words``), read with this one. ``ahead``: the session heard an infusion is about
        to start: an illness told then is before it, short of an emergency (clinical review 14, W6)."""
        said = [text for text in heard if text]
        # An utterance Alexa split over two slots ("... over the last week {or} my hand's gotten a lot weaker") is
        # also read whole, so a sign whose words fell into different slots is still heard.
        whole = [" ".join(said)] if len(said) > 1 else []
        texts = [read_said(text) for text in said + whole]
        word = self.treatment_words.get(topic or "")
        # Mid-session, what is said is read as if it named the treatment in context ("his lips look puffy" after talk
        # of his drip is "... on his drip"), for whether an infusion may be running.
        # The drip over, as the session heard, only with an infusion in context: "since yesterday" alone ends none.
        over = running is False and bool(word) and bool(self.infusion.starts(read_said(word or "")))
        # ... or said so in this turn, in words of its own ("she's finished her drip, she's got a rash now"; clinical
        # review 15, W4).
        over = over or self._told_ended(texts)
        found = self._triage(intent, texts, [_with(text, word) for text in texts] if word else texts, running, over)
        if ahead and running is not True and (found is None or found.level.id != EMERGENCY):
            ill = self._ill_before(texts)
            if ill is not None:
                return ill
        # A fever said after talk of an infusion is a fever after that infusion; on azathioprine, a fever is an
        # infection until shown otherwise: the more urgent reading wins. A sentence naming a treatment is about it.
        symptom = None if self._names_treatment(texts) else self._symptom_in_context(texts, word)
        if found is not None and found.level is not self.no_change:
            # ... and so does the reading the treatment in context excuses: a red lump where the needle went, with a
            # fever, after talk of SCIg is its infusion site, not a drip's (clinical review 12, n13).
            if symptom is not None and (_more_urgent(symptom, found) or self._excused_in_context(found, texts, word)):
                return symptom
            return found
        if symptom is not None:
            return symptom
        across = self._told_across(texts, before, running) if found is None and before else None
        if across is not None:
            return across
        if found is None:
            event = self._event_asked(texts)
            if event is not None:
                return event
        if any(self._about_another(text) for text in texts):
            # Someone else's change ("my friend stopped her steroids"), with no word of the speaker's own.
            return None
        if found is not None and self._names_treatment(texts):
            return found
        # A change naming no treatment ("I've halved the dose") is a change of the one in context.
        # Split over two slots, the change is read in the whole sentence, with what makes it none ("my flu shot ...
        # {or} do I have to space them out" spaces the vaccine).
        return self._in_context(texts[-1:] if whole else texts, topic, changed=found is not None) or found

    def sign_words(self, heard: Iterable[str]) -> str | None:
        """The words of what was said that some emergency or call-the-doctor sign reads ("dark pee", "headache"), in
        the order said, or None: kept for the next turn, which may tell the rest of the sign."""
        said = [read_said(text) for text in heard if text]
        kept = [text.tokens[i] for text in said for i in sorted(_covered(self.sign_phrases, text))]
        return " ".join(kept[-KEPT_WORDS:]) or None

    def speaks_of(self, sign: str, said: str) -> bool:
        """Whether what was said holds a word of the sign's (its colour, after dark urine: "it's kind of cola")."""
        text = read_said(said)
        compiled = self.compiled.get(sign)
        return compiled is not None and any(group.starts(text) for group in compiled.groups)

    def _told_across(self, texts: list[Text], before: str, running: bool | None) -> Triage | None:
        """An emergency or call-the-doctor sign told over two turns, with a word of it said in this one: "it's kind
        of cola coloured" after "is dark pee a side effect of IVIg"; "and now my neck is stiff" after "I've got a
        bad headache" (blind corpus R). The last turn's sign words are read after this turn's."""
        for level, _ in self.levels[:2]:
            for text in texts:
                said = len(text.tokens) - 1
                read = Text(" ".join([*text.tokens[:-1], before, END]))
                excused = self._excused(read, level.id)
                for c in self.by_said[level.id].tried([read]):
                    if c.sign.infusion_now and not running:
                        continue
                    at = c.where(read, excused, starts_before=said)
                    if at is not None and not self._family_history(c, read, at):
                        return self._found(level, c.sign, read, self._during([text]), at)
        return None

    def _during(self, texts: list[Text]) -> bool:
        """Whether an infusion is named and not put in the past (unless said to run still: "an hour after it
        started")."""
        named = any(self.infusion.starts(text) for text in texts)
        return named and not self._past(texts)

    def _told_ended(self, texts: list[Text]) -> bool:
        """Whether an infusion is said to be over in words of its own ("I finished my drip"), not to run still: read
        only where an infusion is named, as most texts name none."""
        named = [text for text in texts if self.infusion.starts(text)]
        return any(self.over.matches(text) for text in named) and not any(self.running.starts(text) for text in texts)

    def _past(self, texts: list[Text]) -> bool:
        return any(self.after_infusion.starts(text) or self.over.matches(text) for text in texts) and not any(
            self.running.starts(text) for text in texts
        )

    def _excused_in_context(self, found: Triage, texts: list[Text], word: str | None) -> bool:
        """Whether a call-the-doctor sign found is no longer read once the treatment in context is said with it."""
        if word is None or found.sign is None or found.level.id != CALL_DOCTOR:
            return False
        compiled = self.compiled[found.sign.id]
        reads = [_with(text, word) for text in texts]
        return not any(compiled.matches(read, self._excused(read, CALL_DOCTOR)) for read in reads)

    def _names_treatment(self, texts: list[Text]) -> bool:
        return any(self.named.starts(text) for text in texts)

    def _triage(
        self,
        intent: str | None,
        texts: list[Text],
        in_context: list[Text],
        running: bool | None = None,
        over: bool = False,
    ) -> Triage | None:
        # An infusion named, or in context, and not put in the past: the emergency answer then also says to stop it.
        during = self._during(texts)
        during_in_context = any(self.infusion.starts(text) for text in in_context) and not self._past(texts)
        intent_level = LEVEL_INTENTS.get(intent or "")
        for level, _ in self.levels:
            # A sign only while an infusion runs needs words that say it runs now ("I'm on the drip now and ..."), or
            # is read as said now while the session heard one is going on ("his face is all red", his drip running).
            signs = [c for c in self.by_said[level.id].tried(texts) if running is not False or not c.sign.infusion_now]
            # A figure of speech matters only where a sign may be said.
            read = [(text, self._excused(text, level.id)) for text in texts] if signs else []
            read_now = read + [(_with(text, NOW), excused) for text, excused in read] if running else read
            # A sign of the time after an infusion is read as said after it while the session heard it is over ("she
            # had her IVIg yesterday", then "now she's got a rash"; clinical review 14, W7).
            read_after = read + [(_with(text, AFTER), excused) for text, excused in read] if over else read
            found = next(
                (
                    (c.sign, text, at)
                    for c in signs
                    for text, excused in (
                        read_now if c.sign.infusion_now else read_after if c.sign.infusion_past else read
                    )
                    if (
                        at := c.where(
                            text, self._excused(text, level.id, c.sign.id) if c.sign.id in self.spared else excused
                        )
                    )
                    is not None
                    and not self._family_history(c, text, at)
                ),
                None,
            )
            if found is not None:
                sign, text, at = found
                return self._found(level, sign, text, during_in_context if level.id == EMERGENCY else during, at)
            if intent_level == level.id:
                return Triage(level=level, sign=None, during_infusion=during)
        return None

    def _found(self, level: TriageLevel, sign: Sign, text: Text, during: bool, at: int) -> Triage:
        # A sign about an infusion to come is itself a question ("should I still go?"): its text answers it.
        # Nor are thoughts of self-harm said as a question ("is it normal to want to die?") only a question.
        asking = self._asking(level, text, at) and not sign.infusion_ahead and not sign.stays_open
        # A past sign asked about for a treatment ("last year he had chest pain but the angiogram was normal, now can
        # he take IVIg") is history too: what to do if it comes back, and the answer (clinical review 15, n9).
        past = asking and self._history(text)
        if sign.of_someone and self._of_someone(text, at):
            # Thoughts told of someone else: the answer speaks to the one who cares for them (clinical review 12, n5).
            sign = next(other for other in level.signs if other.id == sign.of_someone)
        return Triage(
            level=level,
            sign=sign,
            during_infusion=during and not sign.infusion_past,
            asking=asking,
            past=past,
            asks_treatment=past and _says(text, self.about_treatment),
        )

    def _ill_before(self, texts: list[Text]) -> Triage | None:
        """Ill before an infusion the session heard is about to start ("she's had a cough and a fever since
        yesterday"): the words of illness of ``ill_before_infusion`` or ``[ill_ahead]``, and no vaccine."""
        ill = self.compiled["ill_before_infusion"]
        unless, also = ill_ahead(self.locale)
        if any((ill.groups[0].starts(text) or also.starts(text)) and not unless.starts(text) for text in texts):
            return Triage(level=self.call_doctor, sign=ill.sign, during_infusion=False)
        return None

    def _symptom_in_context(self, texts: list[Text], word: str | None) -> Triage | None:
        """A symptom that is a sign with a treatment ("a fever since yesterday"), read with the word for the
        treatment in context."""
        if word is None:
            return None
        for text in texts:
            read = _with(text, word)
            excused = self._excused(read, CALL_DOCTOR)
            found = next(((c.sign, at) for c in self.symptoms if (at := c.where(read, excused)) is not None), None)
            if found is not None:
                return self._found(self.call_doctor, found[0], read, during=False, at=found[1])
        return None

    def _in_context(self, texts: list[Text], topic: str | None, changed: bool = False) -> Triage | None:
        """A change of treatment said without naming it ("skip my next one"), read with the topic's treatment;
        with no treatment in context, a change of any treatment. ``changed``: a sign found the change through words
        that name no treatment ("stop her injections"), which are the treatment in context's, if there is one."""
        word = self.treatment_words.get(topic or "")
        if changed and word is None:
            return None
        for text in texts:
            excused = self._excused(text, NO_CHANGE)
            read = _with(text, word or self.general_word)
            # A word of a change ("skip my next one"), or a plan heard without one ("I'll only go every other time").
            if (
                not changed
                and not self.changes.starts(text) - excused
                and not any(c.matches(read, excused) for c in self.planned)
            ):
                continue
            # A question of the future, or someone else's decision, is no change of one's own.
            general = not (self.treatments.starts(text) or self.not_a_change.starts(text))
            if word is None:
                if not general:
                    continue
                # No treatment in context, and none named: the level's own answer, about any treatment.
                return Triage(level=self.no_change, sign=None, during_infusion=False)
            # The signs for the treatment in context first: "stop her injections" after talk of methotrexate is a
            # change of methotrexate, though injections are also how SCIg is given.
            own = Text(f"{word} {END}")
            first = [c for c in self.in_context if c.groups[-1].starts(own)]
            ordered = (*first, *(c for c in self.in_context if c not in first))
            sign = next((c.sign for c in ordered if c.matches(read, excused)), None)
            asked = _says(text, self.asked_first)
            if sign is not None or (general and not changed and not asked):
                # A change that no sign of the treatment in context reads ("I'm going to space mine out" after a page
                # on other drugs) is still one: the level's own answer, as with no treatment in context.
                return Triage(level=self.no_change, sign=sign, during_infusion=False)
        return None

    def _event_asked(self, texts: list[Text]) -> Triage | None:
        """An event a history names, in the past, asked about for a treatment with nothing said of now ("he had a
        stroke last year, it turned out to be a big one, now can he have IVIg"): what to do if it comes back, then
        the answer, as for a past sign the level's own words read."""
        for text in texts:
            if not (self._history(text) and _says(text, self.about_treatment)):
                continue
            for level, compiled in self.events:
                at = compiled.where(text, self._excused(text, level.id))
                # A grandparent's stroke is family history: the question is answered as any other.
                if at is not None and "if_past" in level.texts and not self._family_history(compiled, text, at):
                    return Triage(
                        level=level,
                        sign=compiled.sign,
                        during_infusion=False,
                        asking=True,
                        past=True,
                        asks_treatment=True,
                    )
        return None

    def _asking(self, level: TriageLevel, text: Text, at: int) -> bool:
        """A question about a sign, asked before the sign's last word ("what should I do if ...", "can Gamunex cause
        an allergic reaction"), with no one reported on outside its asking words, or a sign in the past asked about
        for a treatment ("I had a DVT in 2015, can I still have IVIg?"). The sign said first and a question after it
        ("chest pain and can't breathe, what should we do") is a report: panic speaks in fragments (clinical review
        6, H3)."""
        if "if_now" not in level.texts:
            return False
        starts = self.asking.starts(text)
        asked = _covered(self.asking, text)
        # The letters of a treatment spelled out ("i v i g") name it; their "i" is no one reported on.
        examples = self._examples(text)
        reported = self.reporting.starts(text) - _covered(self.infusion, text) - examples - _covered(self.reasons, text)
        # A sign said only as the example of what to watch for ("what should I watch out for after her IVIg, like
        # chest pain") is asked about, whoever the question names before it (clinical review 13, n8).
        return (any(i < at for i in starts) and not reported - asked) or self._history(text) or at in examples

    def _examples(self, text: Text) -> set[int]:
        """The words of examples given in a question of what to watch for ("anything I should keep an eye out for,
        like swelling in her face"), which report no one; none when a word of now is said ("like her face is
        swelling")."""
        watching = self.watching.starts(text)
        # A word of now said before the question ("she had her IVIg today, anything to look out for, like ...") is of
        # the infusion, not of the example (clinical review 13, n8).
        if not watching or any(i > min(watching) for i in self.present.starts(text)):
            return set()
        marks = [i for i in self.examples.starts(text) if i > min(watching)]
        return set(range(min(marks), len(text.tokens))) if marks else set()

    def _history(self, text: Text) -> bool:
        """A sign in the past, asked about for a treatment or told as over ("last year he had chest pain after the
        drip, he's fine now"), with nothing said of now."""
        said = functools.partial(_says, text)
        # A word of now inside a question about the past ("will it happen again") or a past said to be over ("it's
        # been fine since", "he's fine now") says nothing of now.
        past_only = _covered(self.about_treatment, text) | _covered(self.settled, text)
        now = self.present.starts(text) - past_only
        return said(self.past) and (said(self.about_treatment) or said(self.settled)) and not now

    def _family_history(self, compiled: _CompiledSign, text: Text, at: int) -> bool:
        """An event of a relative of an earlier generation told with a past long gone, or of someone outside the home
        told with a past, and nothing of now or of a report ("my grandmother had a stroke back in 2015", "our
        neighbour had a stroke last week"):
        their history, for the signs a history names only. How the speaker felt ("it scared us") reports nothing; a
        word of now ("... and now my face is numb") or a report still does."""
        if compiled.sign.id not in self.family_signs:
            return False
        outside = self._outside_the_home(text, at)
        if not (outside or _says(text, self.family)):
            return False
        # A relative's event of days ago is news, not history: a grandparent is often the one treated ("my gran
        # fainted yesterday after her IVIg"; clinical review 14, H1). Only someone outside the home's is theirs.
        if not (_says(text, self.past) or (outside and _says(text, self.recent))):
            return False
        now = self.present.starts(text) - _covered(self.about_treatment, text) - _covered(self.settled, text)
        return not now and not _says(text, compiled.reported)

    def _outside_the_home(self, text: Text, at: int) -> bool:
        """Whether someone outside the home ("our neighbour", "a friend") is who the sign at ``at`` is told of: named
        before it, with no word of the speaker's between ("my husband collapsed yesterday at a friend's" is his)."""
        named = [i for i in _covered(self.others, text) if i < at]
        return bool(named) and not any(max(named) < i <= at for i in self.first_person.starts(text))

    def _of_someone(self, text: Text, at: int) -> bool:
        """Whether the one nearest before a sign's last word is someone else ("my mum ... says there's no point going
        on", "he keeps saying he'd be better off dead"), not the speaker ("I", "my wife says I'd be better off ...")."""
        first, third = self.first_person.starts(text), self.third_person.starts(text)
        nearest = max((i for i in first | third if i <= at), default=None)
        # The speaker said inside the sign's own words ("they'd be better off if I was gone") makes them the speaker's.
        own = any(at < i <= at + _OWN_WORDS for i in first)
        return nearest is not None and nearest in third and nearest not in first and not own

    def _excused(self, text: Text, level: str, sign: str | None = None) -> frozenset[int]:
        """The positions of the text's words said in a figure of speech that speaks for the level (and the sign)."""
        return frozenset(
            i
            for f in self.figures
            if (not f.levels or level in f.levels) and sign not in f.spares
            for i in f.covers(text)
        )

    def _about_another(self, text: Text) -> bool:
        """Someone other than the one treated ("my friend"), and no word of the speaker's outside that."""
        others = _covered(self.others, text)
        return bool(others) and not self.first_person.starts(text) - others

    def signs_in(self, text: str) -> list[tuple[str, str]]:
        """Every (level, sign) the text holds: for tests and the content review."""
        read = read_said(text)
        return [
            (level.id, c.sign.id)
            for level, signs in self.levels
            for c in signs
            if c.matches(read, self._excused(read, level.id))
        ]


def _covered(found: Phrases, text: Text) -> set[int]:
    """The positions of the text's words that one of the phrases covers."""
    return {i + k for p in found.said_in(text) for i in p.positions(text) for k in range(len(p.parts))}


def _says(text: Text, found: Phrases) -> bool:
    return bool(found.starts(text))


# How far after a sign's last group begins its words may still say whose they are ("better off if I was gone").
_OWN_WORDS = 4
# The call-the-doctor urgencies, most urgent first.
_URGENCIES = ("now", "today")


def _more_urgent(found: Triage, than: Triage) -> bool:
    """Whether one call-the-doctor reading is more urgent than another (an emergency is never outranked)."""
    if than.level.id != CALL_DOCTOR or found.level.id != CALL_DOCTOR:
        return False
    rank = {urgency: i for i, urgency in enumerate(_URGENCIES)}
    unranked = len(_URGENCIES)
    mine = rank.get((found.sign.urgency if found.sign else None) or "", unranked)
    theirs = rank.get((than.sign.urgency if than.sign else None) or "", unranked)
    return mine < theirs


def _with(text: Text, word: str) -> Text:
    """The text with the word for the treatment in context said last, before its end."""
    return Text(" ".join([*text.tokens[:-1], word, END]))


@functools.cache
def ill_ahead(locale: str) -> tuple[Phrases, Phrases]:
    """What makes illness words told before an infusion none ("a flu jab"), and the illness words heard only then
    ("a cough"): ``[ill_ahead]`` in ``red_flags.toml``."""
    ahead = data_file(language_of(locale), "red_flags")["ill_ahead"]
    return phrases(ahead["unless"]), phrases(ahead["words"])


@functools.cache
def over_sign(locale: str) -> _CompiledSign:
    """An infusion said to be over in words of its own ("I finished my IVIg this morning"): ``[over]`` in
    ``red_flags.toml``."""
    over = data_file(language_of(locale), "red_flags")["over"]
    return _CompiledSign(
        Sign(id="over", groups=tuple(map(tuple, over["all"])), unless=tuple(over["unless"]), window=over["window"])
    )


@functools.cache
def triager(locale: str) -> Triager:
    """The triager for a locale's content (built once per process)."""
    return Triager(load_content(locale))
