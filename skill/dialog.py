"""Dialog state kept in the session attributes between turns.

A small typed object: what the listener is asking about (topic, facet), the
place, page and chunk last read (for "how sure is that?" and "where does that
come from?"), the places read before it (for "go back"), what "yes" would
mean now (the pending offer), the questions offered in "Do you mean ... or
...?", what the last turn answered, a pending yes-or-no question, the last
reply (for "repeat"), the last safety advice in brief, and the last question not understood.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .serialization import as_dict

KEY = "dialog"
MAX_PAGE = 50
MAX_CHUNK = 20
MAX_HISTORY = 8  # places kept for "go back": enough to retrace a conversation, small enough for the session
MAX_CHOICES = 5
MAX_NAME = 80
MAX_TEXT = 8000


@dataclass(frozen=True)
class Place:
    """Where a run of pages comes from: a topic's facet, a question, or a comparison of two topics."""

    topic: str
    facet: str | None = None
    question: str | None = None
    compare: str | None = None


@dataclass
class Offer:
    """A page (and the chunk of it) the skill has offered to read next, or has read ("go back" retraces these)."""

    place: Place
    page: int = 0
    chunk: int = 0


@dataclass
class LastReply:
    speech: str
    reprompt: str | None = None
    card_title: str | None = None
    card_text: str | None = None
    # What a screen showed with it, for "repeat" to show again: title, place ("Page 2 of 4"), sources, and the
    # choices offered, one a line. No title: nothing was shown.
    screen_title: str | None = None
    screen_position: str | None = None
    screen_sources: str | None = None
    screen_choices: str | None = None


@dataclass
class Advice:
    """The last safety advice, for "go back" to say it again: as said, its level, the yes-or-no question it asked,
    and how many places the history held when it was said (it came after those, before any read since)."""

    reply: LastReply
    level: str
    asking: str
    at: int
    urgency: str | None = None  # a call to the doctor's: "now" or "today" ("I'll ring them tonight" is today)
    own_close: bool = False  # its answer said whom to ask: no "talk to your neurologist" at the close
    sign: str | None = None  # the sign it answered: what a reply about giving something may ask depends on it
    during_infusion: bool = False  # it said to stop the infusion, or ask the nurse to: the nurse told is acting on it


@dataclass
class DialogState:
    topic: str | None = None
    facet: str | None = None
    place: Place | None = None
    page: int = 0
    offer: Offer | None = None
    last: LastReply | None = field(default=None)
    choices: tuple[str, ...] = ()  # question ids offered in "Do you mean ... or ...?"
    answered: str | None = None  # what the last turn answered: a page label, a safety level, "unknown", "clarify"
    asking: str | None = None  # a yes-or-no question this turn asks, other than an offer
    answering: str | None = None  # the question the last turn asked, that "yes" or "no" now answers (one turn only)
    misses: int = 0  # answers of "I don't know" in a row, for the error ladder (handlers/ladder.py)
    menu_heard: bool = False  # whether this session has heard the menu of what to ask
    chunk: int = 0  # the chunk of the page last read
    history: tuple[Offer, ...] = ()  # what was read, oldest first, the current answer last
    keep_last: bool = False  # this turn says the last reply again with a preface: "repeat" keeps the reply itself
    reading: bool = False  # this turn reads a page (the history ends with it)
    was_reading: bool = False  # the last turn read a page (one turn only, as ``answering``)
    brief: str | None = None  # the last safety advice up to its first thing to do, for a brief replay
    advice: Advice | None = None  # the last safety advice, for "go back"
    unanswered: str | None = None  # the last question not understood: what a follow-up's "that" means after it
    picking: tuple[str, ...] = ()  # this turn picked among these choices: "the second one I mean" next changes it
    picked: tuple[str, ...] = ()  # the last turn's ``picking`` (one turn only, as ``answering``)
    signs_said: str | None = None  # the words of a sign said in the last turn ("dark pee"), read with this one

    @classmethod
    def from_attributes(cls, attributes: dict[str, Any]) -> DialogState:
        """The state saved in the session; anything that does not fit (types, ranges) starts afresh."""
        data = attributes.get(KEY)
        if not isinstance(data, dict):
            return cls()
        try:
            offer, place, last = data.get("offer"), data.get("place"), data.get("last")
            return cls(
                topic=_name(data.get("topic")),
                facet=_name(data.get("facet")),
                place=_place(place) if place else None,
                page=_page(data.get("page")),
                offer=read_offer(offer) if offer else None,
                last=_last_reply(last) if last else None,
                choices=tuple(_name(c) for c in data.get("choices") or ())[:MAX_CHOICES],
                answered=_name(data.get("answered")),
                answering=_name(data.get("asking")),
                misses=_page(data.get("misses")),
                menu_heard=data.get("menu_heard") is True,
                chunk=_index(data.get("chunk"), MAX_CHUNK),
                history=tuple(read_offer(mark) for mark in data.get("history") or ())[-MAX_HISTORY:],
                was_reading=data.get("reading") is True,
                brief=_text(data.get("brief")),
                advice=_advice(data["advice"]) if data.get("advice") else None,
                unanswered=_text(data.get("unanswered")),
                picked=tuple(_name(c) for c in data.get("picking") or ())[:MAX_CHOICES],
                signs_said=_text(data.get("signs_said")),
            )
        except (TypeError, ValueError, KeyError, AttributeError):
            # Attributes from an older or foreign session: start afresh rather than fail.
            return cls()

    def reset(self) -> None:
        """Forget where the listener was; the last reply stays, so "repeat" still works."""
        self.topic, self.facet, self.place, self.page, self.offer, self.choices = None, None, None, 0, None, ()

    def save(self, attributes: dict[str, Any]) -> None:
        data = as_dict(self)  # asdict's result, faster (skill/serialization.py)
        del data["answering"], data["keep_last"], data["was_reading"], data["picked"]
        attributes[KEY] = data


def _last_reply(data: Any) -> LastReply:
    return LastReply(**{k: _text(v) for k, v in data.items()})


def _advice(data: Any) -> Advice:
    level, asking = _name(data["level"]), _name(data["asking"])
    if level is None or asking is None:
        raise ValueError("not advice")
    return Advice(
        reply=_last_reply(data["reply"]),
        level=level,
        asking=asking,
        at=_index(data["at"], MAX_HISTORY),
        urgency=_name(data.get("urgency")),
        own_close=data.get("own_close") is True,
        sign=_name(data.get("sign")),
        during_infusion=data.get("during_infusion") is True,
    )


def _name(value: Any) -> str | None:
    """An id or label: a short string, or None."""
    return _string(value, MAX_NAME)


def _text(value: Any) -> str | None:
    """Remembered speech or card text, or None."""
    return _string(value, MAX_TEXT)


def _string(value: Any, limit: int) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > limit:
        raise ValueError("not a string that fits")
    return value


def _page(value: Any) -> int:
    return _index(value, MAX_PAGE)


def _index(value: Any, limit: int) -> int:
    """A page or chunk number, 0 when absent."""
    index = 0 if value is None else value
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index <= limit:
        raise ValueError("not an index")
    return index


def read_offer(data: Any) -> Offer:
    """An offer saved as a dict; ``ValueError`` (or ``KeyError``, ``TypeError``) when it does not fit."""
    return Offer(place=_place(data["place"]), page=_page(data.get("page")), chunk=_index(data.get("chunk"), MAX_CHUNK))


def _place(data: Any) -> Place:
    if not isinstance(data, dict):
        raise ValueError("not a place")
    return Place(**{k: _name(v) for k, v in data.items()})
