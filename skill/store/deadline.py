"""A total deadline for each call to the listener store, never past the time Lambda has left.

The skill calls the store through the ASK SDK's attributes manager, which
passes nothing but the request, so the deadline travels in a context
variable: ``within`` sets it around a call (the skill's, with the time Lambda
has left; each store operation's own, which never extends an outer one), and
the stores read ``remaining`` before and during their work.
"""

from __future__ import annotations

import contextlib
import contextvars
import time
from collections.abc import Iterator

from ask_sdk_core.exceptions import PersistenceException

CALL_SECONDS = 1.0  # connecting, sending and reading the whole answer, retries included
ANSWER_SECONDS = 0.5  # kept for answering the listener after the store gives up
_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("store_deadline", default=None)


@contextlib.contextmanager
def within(lambda_remaining_ms: int | None = None) -> Iterator[None]:
    """Bound the store calls inside to ``CALL_SECONDS`` in all, to what Lambda has left minus
    ``ANSWER_SECONDS`` when that is less, and to any deadline already set."""
    budget = CALL_SECONDS
    if lambda_remaining_ms is not None:
        budget = min(budget, lambda_remaining_ms / 1000 - ANSWER_SECONDS)
    outer = _DEADLINE.get()
    deadline = time.monotonic() + budget
    token = _DEADLINE.set(deadline if outer is None else min(outer, deadline))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def remaining() -> float:
    """Seconds left for the current call; PersistenceException when none are."""
    deadline = _DEADLINE.get()
    left = CALL_SECONDS if deadline is None else deadline - time.monotonic()  # None: outside any store operation
    if left <= 0:
        raise PersistenceException("no time left for the listener store")
    return left
