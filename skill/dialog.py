"""Dialog state kept in the session attributes between turns.

A small typed object: where the listener is (topic, facet, page), what "yes"
would mean now (the pending offer), and the last reply (for "repeat").
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

KEY = "dialog"


@dataclass
class Offer:
    """A page the skill has offered to read next."""

    topic: str
    facet: str
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
    page: int = 0
    offer: Offer | None = None
    last: LastReply | None = field(default=None)

    @classmethod
    def from_attributes(cls, attributes: dict[str, Any]) -> DialogState:
        data = attributes.get(KEY)
        if not isinstance(data, dict):
            return cls()
        try:
            offer = data.get("offer")
            last = data.get("last")
            return cls(
                topic=data.get("topic"),
                facet=data.get("facet"),
                page=int(data.get("page") or 0),
                offer=Offer(**offer) if offer else None,
                last=LastReply(**last) if last else None,
            )
        except (TypeError, ValueError):
            # Attributes from an older or foreign session: start afresh rather than fail.
            return cls()

    def reset(self) -> None:
        """Forget where the listener was; the last reply stays, so "repeat" still works."""
        self.topic, self.facet, self.page, self.offer = None, None, 0, None

    def save(self, attributes: dict[str, Any]) -> None:
        attributes[KEY] = asdict(self)
