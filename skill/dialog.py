"""Dialog state kept in the session attributes between turns.

A small typed object: what the listener is asking about (topic, facet), the
place and page last read (for "previous", "how sure is that?" and "where does
that come from?"), what "yes" would mean now (the pending offer), the
questions offered in "Do you mean ... or ...?", what the last turn answered,
and the last reply (for "repeat").
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

KEY = "dialog"


@dataclass(frozen=True)
class Place:
    """Where a run of pages comes from: a topic's facet, a question, or a comparison of two topics."""

    topic: str
    facet: str | None = None
    question: str | None = None
    compare: str | None = None


@dataclass
class Offer:
    """A page the skill has offered to read next."""

    place: Place
    page: int = 0


@dataclass
class LastReply:
    speech: str
    reprompt: str | None = None
    card_title: str | None = None
    card_text: str | None = None


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

    @classmethod
    def from_attributes(cls, attributes: dict[str, Any]) -> DialogState:
        data = attributes.get(KEY)
        if not isinstance(data, dict):
            return cls()
        try:
            offer = data.get("offer")
            place = data.get("place")
            last = data.get("last")
            return cls(
                topic=data.get("topic"),
                facet=data.get("facet"),
                place=Place(**place) if place else None,
                page=int(data.get("page") or 0),
                offer=Offer(place=Place(**offer["place"]), page=int(offer.get("page") or 0)) if offer else None,
                last=LastReply(**last) if last else None,
                choices=tuple(str(c) for c in data.get("choices") or ()),
                answered=data.get("answered"),
            )
        except (TypeError, ValueError, KeyError):
            # Attributes from an older or foreign session: start afresh rather than fail.
            return cls()

    def reset(self) -> None:
        """Forget where the listener was; the last reply stays, so "repeat" still works."""
        self.topic, self.facet, self.place, self.page, self.offer, self.choices = None, None, None, 0, None, ()

    def save(self, attributes: dict[str, Any]) -> None:
        attributes[KEY] = asdict(self)
