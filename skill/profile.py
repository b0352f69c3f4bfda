"""What the skill remembers about a listener between sessions, and how it travels within one.

By default only what is not health information: the speech rate, whether the
full disclaimer has been heard, and the day of the last visit. Where the
listener stopped (a topic is health information) is kept only after they said
yes to "Shall I remember where we stopped?".

The record is read once, when a session starts (``memory.py``), and carried in
the session attributes from then on, with three things that are never stored:
whether the store could be read, whether the listener had been here before,
and whether anything changed (so the session writes at most once, at its end).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, fields
from typing import Any

from .dialog import Offer, read_offer
from .pace import NORMAL, RATES

SESSION_KEY = "profile"
# Store status, for the session.
LOADED = "loaded"  # read (or known to be new): may be written back
UNAVAILABLE = "unavailable"  # could not be read: never written, so defaults never overwrite a real record
FORGOTTEN = "forgotten"  # deleted at the listener's request: nothing more is written this session


@dataclass
class Profile:
    rate: int = NORMAL
    heard_disclaimer: bool = False
    last_visit: str | None = None  # ISO date
    remember_place: bool | None = None  # None: never asked
    resume: Offer | None = None  # where to go on, kept only while remember_place is True
    # Session only, never stored:
    status: str = UNAVAILABLE
    returning: bool = False
    changed: bool = False

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Profile:
        """The profile in a stored record; a field that does not fit keeps its default."""
        profile = cls(status=LOADED, returning=bool(record))
        profile._read(record)
        return profile

    @classmethod
    def from_session(cls, attributes: dict[str, Any]) -> Profile | None:
        data = attributes.get(SESSION_KEY)
        if not isinstance(data, dict):
            return None
        profile = cls()
        profile._read(data)
        status = data.get("status")
        profile.status = status if status in (LOADED, UNAVAILABLE, FORGOTTEN) else UNAVAILABLE
        profile.returning = data.get("returning") is True
        profile.changed = data.get("changed") is True
        return profile

    def record(self) -> dict[str, Any]:
        """What is written to the store."""
        record: dict[str, Any] = {"rate": self.rate, "heard_disclaimer": self.heard_disclaimer}
        if self.last_visit:
            record["last_visit"] = self.last_visit
        if self.remember_place is not None:
            record["remember_place"] = self.remember_place
        if self.remember_place and self.resume is not None:
            record["resume"] = _offer_dict(self.resume)
        return record

    def save(self, attributes: dict[str, Any]) -> None:
        attributes[SESSION_KEY] = {
            **self.record(),
            "status": self.status,
            "returning": self.returning,
            "changed": self.changed,
        }

    def update(self, **values: Any) -> None:
        """Change stored fields; the session then writes the record when it ends."""
        for name, value in values.items():
            if getattr(self, name) != value:
                setattr(self, name, value)
                self.changed = True

    def visited(self, today: datetime.date) -> None:
        self.update(last_visit=today.isoformat())

    def forget(self) -> None:
        """Back to defaults, and nothing more is written this session."""
        fresh = Profile(status=FORGOTTEN)
        for name in (f.name for f in fields(self)):
            setattr(self, name, getattr(fresh, name))

    def _read(self, data: dict[str, Any]) -> None:
        rate = data.get("rate")
        if rate in RATES and not isinstance(rate, bool):
            self.rate = rate
        self.heard_disclaimer = data.get("heard_disclaimer") is True
        last = data.get("last_visit")
        if isinstance(last, str) and len(last) == 10:
            try:
                self.last_visit = datetime.date.fromisoformat(last).isoformat()
            except ValueError:
                self.last_visit = None
        remember = data.get("remember_place")
        self.remember_place = remember if isinstance(remember, bool) else None
        resume = data.get("resume")
        if self.remember_place and isinstance(resume, dict):
            try:
                self.resume = read_offer(resume)
            except (KeyError, TypeError, ValueError):
                self.resume = None


def _offer_dict(offer: Offer) -> dict[str, Any]:
    place = {k: v for k, v in vars(offer.place).items() if v is not None}
    return {"place": place, "page": offer.page}
