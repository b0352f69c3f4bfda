"""How people end a turn in their own words: acting on safety advice ("ok I'm ringing now"), putting it off ("he
doesn't want a fuss", "I'll call the doctor on Monday"), turning to help too slow for an emergency ("ok I'll ring her
GP"), or closing the session at the end of a longer sentence ("the ambulance is coming, thanks that's all").

The words are content (``endings.toml``, with the thank-yous of ``replies.toml``), matched the way the triage
matches red flags: a word of every group within a window, and no phrase of ``unless`` near them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..content import data_file, language_of
from ..content.model import Sign
from .replies import replies
from .triage import _CompiledSign, read_said
from .words import Text, words

ACTING = "acting"
RELUCTANT = "reluctant"
LESSER = "lesser"  # a GP, a doctor or a clinic, after an emergency answer: help that can't come fast enough
NURSE = "nurse"  # the nurse told, or with them, after an emergency answer that says to ask the nurse to stop the drip
GOING = "going"  # asking whether to go to hospital, or to drive there
DRIVING = "driving"  # going to hospital by car, after an emergency answer: an ambulance is safer
LESSER_NURSE = "lesser_nurse"  # a nurse called after an emergency answer with no drip to stop: too slow too
IN_HOSPITAL = "in_hospital"  # already in hospital or at the day unit, after an emergency answer: tell the staff now
POISON_LINE = "poison_line"  # the poison line called after a poisoning, and what it said: its advice stands
# The advice's levels that read a reply their own way (red_flags.toml's level ids).
_EMERGENCY = "emergency"
_NO_CHANGE = "no_change"
_TODAY = "today"  # a call to the doctor's urgency: the same day
# The advice whose listener may ask whether to go to hospital: an emergency, a call to the doctor, a crisis.
_GOING_LEVELS = (_EMERGENCY, "call_doctor", "self_harm")
# Words a sentence may open with before what it says ("so can I stop it", "right, I'll stop it").
_OPENERS = frozenset(("so", "ok", "okay", "right", "well", "um", "uh", "er", "oh", "and", "but", "hey", "alexa"))
# Who or what a question asks of, after the word that asks ("is that ok", "can I", "should we").
_ASKED_OF = frozenset(("i", "we", "you", "it", "that", "this", "he", "she", "they", "there", "my", "her", "his"))
# ... but "do" asks only of a person ("do I need to", not "she wants to do it every other week").
_DO = frozenset(("do", "does", "did"))
_ASKED_BY = frozenset(("i", "we", "you", "he", "she", "they"))


def _signs(entries: list[dict], unless: list[str]) -> tuple[_CompiledSign, ...]:
    return tuple(
        _CompiledSign(
            Sign(
                id="",
                groups=tuple(map(tuple, e["all"])),
                unless=(*unless, *e.get("unless", ())),
                window=e.get("window", 8),
            )
        )
        for e in entries
    )


def _says(signs: tuple[_CompiledSign, ...], read: Text) -> bool:
    return any(sign.matches(read) for sign in signs)


@dataclass(frozen=True)
class Endings:
    """One language's ways of ending a turn."""

    acting: tuple[_CompiledSign, ...]
    lesser: tuple[_CompiledSign, ...]
    nurse: tuple[_CompiledSign, ...]
    going: tuple[_CompiledSign, ...]
    driving: tuple[_CompiledSign, ...]
    in_hospital: tuple[_CompiledSign, ...]
    reluctant: tuple[_CompiledSign, ...]
    poison_line: tuple[_CompiledSign, ...]  # the poison line called, after a poisoning: its advice stands
    appointment: tuple[_CompiledSign, ...]  # waiting for the next appointment: reluctance, but after a sign only
    later_today: tuple[_CompiledSign, ...]
    fine: tuple[_CompiledSign, ...]  # feeling fine: reluctance after advice to act, agreement after advice not to
    closing_words: frozenset[str]  # words a closing may hold: thank-yous, goodbyes, fillers and names
    closings: tuple[tuple[str, ...], ...]  # what a closing must hold: a thank-you or a goodbye
    asks_anywhere: frozenset[str]
    asks_first: frozenset[str]
    fillers: frozenset[str]

    def after_advice(
        self, text: str, level: str | None = None, urgency: str | None = None, stopping: bool = False
    ) -> str | None:
        """``ACTING``, ``RELUCTANT``, ``GOING``, ``DRIVING``, ``IN_HOSPITAL``, ``NURSE``, ``LESSER`` or ``LESSER_NURSE``
        for a reply to safety advice of ``level`` that says so, else None. Putting it off wins: "I'll call tomorrow" is
        no call now. Already in hospital after an emergency, the staff there are the help (clinical review 11, W2).
        Asking whether to go to hospital hears an answer for the level; after an emergency, going by car hears that an
        ambulance is safer (clinical review 9, n6). Later today is no later than advice to call today (``urgency``;
        n2). Feeling fine agrees with advice not to change a treatment (review 10, n1). After a change of treatment,
        asking the pharmacist or doctor is what was advised, whatever day it is said for (clinical review 7, n2).
        After an emergency, a GP or a clinic is too slow (review 7, H3), but the nurse at the drip is who the answer
        said to ask (review 9, W1), only when it said to stop the drip (``stopping``): at home, in a stroke, calling a
        nurse is a phone call too slow (review 10, W1)."""
        read = read_said(text)
        if level == _NO_CHANGE and _says(self.acting, read):
            return ACTING
        if level == _EMERGENCY and _says(self.poison_line, read):
            # "Poison control said he's fine": the expert's advice stands (clinical review 10, n3).
            return POISON_LINE
        if (
            _says(self.reluctant, read)
            or (level != _NO_CHANGE and _says(self.appointment, read))
            or (urgency != _TODAY and _says(self.later_today, read))
            or (level != _NO_CHANGE and _says(self.fine, read))
        ):
            return RELUCTANT
        if level in _GOING_LEVELS and _says(self.going, read):
            return GOING
        if level == _EMERGENCY and _says(self.driving, read):
            return DRIVING
        if level == _EMERGENCY and _says(self.in_hospital, read):
            # Already where help is (clinical review 11, W2): the staff there, now.
            return IN_HOSPITAL
        if _says(self.nurse, read):
            # Below an emergency, the nurse told is the care team told: acting on it, with the level's own close.
            if level != _EMERGENCY:
                return ACTING
            return NURSE if stopping else LESSER_NURSE
        if level == _EMERGENCY and _says(self.lesser, read):
            return LESSER
        return ACTING if _says(self.acting, read) else None

    def in_hospital_now(self, text: str) -> bool:
        """Whether the sentence says they are in hospital, at the day unit or the clinic now ("we're in the hospital
        and his face just drooped")."""
        return _says(self.in_hospital, read_said(text))

    def asks(self, text: str) -> bool:
        """Whether the sentence is a question: a question word anywhere, or a first word that asks ("can I just stop
        it?"), not a plan ("I'll let my prescription lapse")."""
        said = words(text)
        while said and said[0] in _OPENERS:
            said = said[1:]
        if said and (said[0] in self.asks_first or said[0] in self.asks_anywhere):
            return True
        # Asked after a plan ("I'll stop it, is that ok?"): a word that asks, then who or what it asks of; "see how I
        # do" asks nothing.
        return any(
            first in self.asks_first and then in (_ASKED_BY if first in _DO else _ASKED_OF)
            for first, then in zip(said, said[1:], strict=False)
        )

    def closes(self, text: str) -> bool:
        """Whether the sentence ends in a closing ("... thanks love, that's all", "... ta bye") and what comes
        before it asks nothing."""
        said = words(text)
        start = len(said)
        while start and said[start - 1] in self.closing_words:
            start -= 1
        tail = tuple(said[start:])
        if not any(tail[i : i + len(c)] == c for c in self.closings for i in range(len(tail))):
            return False
        head = [word for word in said[:start] if word not in self.fillers]
        return not (self.asks_anywhere.intersection(head) or (head and head[0] in self.asks_first))


@functools.cache
def endings(locale: str) -> Endings:
    """The endings of a locale's language, read once."""
    language = language_of(locale)
    data = data_file(language, "endings")
    closing = data["closing"]
    said = replies(locale)
    goodbyes = tuple(tuple(words(g)) for g in closing["goodbyes"])
    named = {w for phrase in (*closing["goodbyes"], *closing["address"]) for w in words(phrase)}
    return Endings(
        acting=_signs(data["acting"], data["acting_unless"]),
        lesser=_signs(data["lesser"], data["acting_unless"]),
        nurse=_signs(data["nurse"], data["acting_unless"]),
        going=_signs(data["going"], []),
        driving=_signs(data["driving"], data["acting_unless"]),
        in_hospital=_signs(data["in_hospital"], []),
        reluctant=_signs(data["reluctant"], data["reluctant_unless"]),
        appointment=_signs(data["appointment"], data["reluctant_unless"]),
        poison_line=_signs(data["poison_line"], []),
        later_today=_signs(data["later_today"], data["reluctant_unless"]),
        fine=_signs(data["fine"], data["reluctant_unless"]),
        closing_words=said.closing_words | said.fillers | frozenset(named),
        closings=(*said.thanks, *goodbyes),
        asks_anywhere=frozenset(closing["asks_anywhere"]),
        asks_first=frozenset(closing["asks_first"]),
        fillers=said.fillers,
    )
