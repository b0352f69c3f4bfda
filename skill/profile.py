"""What the skill remembers about a listener between sessions, and how it travels within one.

By default only what is not health information: the speech rate, whether the
full disclaimer has been heard, and the day of the last visit. Where the
listener stopped (a topic is health information) is kept only after they said
yes to "Shall I remember where we stopped?".

The record is read once, when a session starts (``memory.py``), and carried in
the session attributes from then on, with what is never stored: whether the
store could be read, which fields the session changed (so it writes at most
once, at its end, and only those), the rate it started at, and the store's
stamp (``store/record.py``). Whether the listener had been here before is
known in the session's first request only, where the welcome reads it.

Everything read back from a session is checked as strictly as a stored record:
exact types, a rate Alexa can say, a real day no later than tomorrow. A session
cannot make itself "loaded": that needs a stamp the store sealed, which the
store checks before it writes.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field, fields
from typing import Any

from .dialog import Offer, read_offer
from .pace import NORMAL, RATES
from .store.record import stamp_from_session
from .store.versioned import RECORD, STAMP

SESSION_KEY = "profile"
# Store status, for the session.
LOADED = "loaded"  # read (or known to be new): may be written back
UNAVAILABLE = "unavailable"  # could not be read: never written, so defaults never overwrite a real record
FORGOTTEN = "forgotten"  # deleted at the listener's request: nothing more is written this session
STORED = ("rate", "heard_disclaimer", "last_visit", "remember_place", "resume")  # the fields of a record


@dataclass
class Profile:
    rate: int = NORMAL
    heard_disclaimer: bool = False
    last_visit: str | None = None  # ISO date
    remember_place: bool | None = None  # None: never asked
    resume: Offer | None = None  # where to go on, kept only while remember_place is True
    # Session only, never stored:
    status: str = UNAVAILABLE
    returning: bool = False  # the session's first request only: not carried in the session
    changed: list[str] = field(default_factory=list)  # the stored fields this session changed
    start_rate: int = NORMAL
    stamp: dict[str, str] | None = None

    @property
    def rate_steps(self) -> int:
        """How many steps faster (negative: slower) this session made the rate."""
        return RATES.index(self.rate) - RATES.index(self.start_rate)

    @classmethod
    def from_store(cls, stored: dict[str, Any]) -> Profile:
        """The profile in what the store read; a field that does not fit keeps its default. A record the store
        could not read (None) starts from defaults, which the session's visit changes, so its end replaces it."""
        record = stored.get(RECORD)
        profile = cls(status=LOADED, returning=bool(record), stamp=stored.get(STAMP))
        profile._read(record or {})
        profile.start_rate = profile.rate
        return profile

    @classmethod
    def from_session(cls, attributes: dict[str, Any]) -> Profile | None:
        data = attributes.get(SESSION_KEY)
        if not isinstance(data, dict):
            return None
        profile = cls()
        profile._read(data)
        status = data.get("status")
        if status == FORGOTTEN:
            profile.status = FORGOTTEN
        elif status == LOADED and stamp_from_session(data.get("stamp")) is not None:
            profile.status, profile.stamp = LOADED, data["stamp"]  # the store checks the seal before it writes
        changed = data.get("changed")
        if isinstance(changed, list) and all(isinstance(name, str) for name in changed):
            profile.changed = [name for name in STORED if name in changed]
        start = data.get("start_rate")
        profile.start_rate = start if _is_rate(start) else profile.rate
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

    def rebase(self, current: dict[str, Any]) -> dict[str, Any]:
        """This session's changes applied to a record another session wrote since this one read it: only the
        fields this session changed, and the rate moved by as many steps as it moved here."""
        theirs = Profile()
        theirs._read(current)
        for name in self.changed:
            if name == "rate":
                position = RATES.index(theirs.rate) + self.rate_steps
                theirs.rate = RATES[max(0, min(position, len(RATES) - 1))]
            else:
                setattr(theirs, name, getattr(self, name))
        return theirs.record()

    def save(self, attributes: dict[str, Any]) -> None:
        attributes[SESSION_KEY] = {
            **self.record(),
            "status": self.status,
            "changed": self.changed,
            "start_rate": self.start_rate,
            **({"stamp": self.stamp} if self.stamp else {}),
        }

    def update(self, **values: Any) -> None:
        """Change stored fields; the session then writes them when it ends."""
        for name, value in values.items():
            if getattr(self, name) != value:
                setattr(self, name, value)
                if name not in self.changed:
                    self.changed.append(name)

    def visited(self, today: datetime.date) -> None:
        self.update(last_visit=today.isoformat())

    def forget(self) -> None:
        """Back to defaults, and nothing more is written this session."""
        fresh = Profile(status=FORGOTTEN)
        for name in (f.name for f in fields(self)):
            setattr(self, name, getattr(fresh, name))

    def _read(self, data: dict[str, Any]) -> None:
        rate = data.get("rate")
        if _is_rate(rate):
            self.rate = rate
        self.heard_disclaimer = data.get("heard_disclaimer") is True
        self.last_visit = _past_day(data.get("last_visit"))
        remember = data.get("remember_place")
        self.remember_place = remember if isinstance(remember, bool) else None
        resume = data.get("resume")
        if self.remember_place and isinstance(resume, dict):
            try:
                self.resume = read_offer(resume)
            except (KeyError, TypeError, ValueError):
                self.resume = None


def _is_rate(value: Any) -> bool:
    return type(value) is int and value in RATES  # not 90.0, not True


def _past_day(value: Any) -> str | None:
    """An ISO day no later than tomorrow (Alexa's and the server's clocks may sit either side of midnight)."""
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        return None
    return value if day <= datetime.date.today() + datetime.timedelta(days=1) else None


def _offer_dict(offer: Offer) -> dict[str, Any]:
    place = {k: v for k, v in vars(offer.place).items() if v is not None}
    return {"place": place, "page": offer.page, "chunk": offer.chunk}
