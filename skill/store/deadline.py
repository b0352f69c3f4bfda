"""A total deadline for each call to the listener store, never past the time Lambda has left.

The skill calls the store through the ASK SDK's attributes manager, which
passes nothing but the request, so the deadline travels in a context
variable: ``within`` sets it around a call (the skill's, with the time Lambda
has left; each store operation's own, its ``call_seconds``, which never
extends an outer one), and the stores read ``remaining`` before and during
their work.
"""

from __future__ import annotations

import contextlib
import contextvars
import time
from collections.abc import Iterator

from ask_sdk_core.exceptions import PersistenceException

ANSWER_SECONDS = 0.5  # kept for answering the listener after the store gives up
OUTSIDE_SECONDS = 1.0  # a client call made outside any store operation (tests, tools)
_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("store_deadline", default=None)


def lambda_budget(remaining_ms: int | None) -> float | None:
    """The seconds the store may have of what Lambda has left (None outside Lambda: no bound from it)."""
    return None if remaining_ms is None else remaining_ms / 1000 - ANSWER_SECONDS


@contextlib.contextmanager
def within(seconds: float | None) -> Iterator[None]:
    """Bound the store calls inside to ``seconds`` from now in all (None: no bound of this one's own), and to
    any deadline already set: an inner bound never extends an outer one."""
    outer = _DEADLINE.get()
    deadline = outer if seconds is None else time.monotonic() + seconds
    token = _DEADLINE.set(deadline if outer is None or deadline is None else min(outer, deadline))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def remaining() -> float:
    """Seconds left for the current call; PersistenceException when none are."""
    deadline = _DEADLINE.get()
    left = OUTSIDE_SECONDS if deadline is None else deadline - time.monotonic()
    if left <= 0:
        raise PersistenceException("no time left for the listener store")
    return left
