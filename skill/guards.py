"""Checks on the raw request envelope, before the ASK SDK reads it.

The SDK's deserializer trusts what it is given: it sets unknown keys as
attributes (a ``"__dict__"`` key can replace a parsed application id), it
recurses into nesting (deep JSON raises ``RecursionError``), and the skill
used the request's locale to find its content. So the envelope is bounded in
size and depth, its skill ID is compared on the raw JSON, and its locale is
one the content ships, before the SDK sees it.
"""

from __future__ import annotations

import functools
import itertools
from typing import Any

from .content import DEFAULT_LOCALE, languages, supported_locales

MAX_DEPTH = 40  # Alexa's envelopes nest about 10 deep; session attributes add a few levels.
MAX_ITEMS = 20_000  # values in the whole envelope: far above any real request, far below what hurts
MAX_STRING = 16_000  # characters in one string

# Requests Alexa sends outside a conversation, which must be answered without speech.
SILENT_REQUESTS = ("SessionEndedRequest", "System.ExceptionEncountered")
SILENT_FAMILIES = ("AlexaSkillEvent.", "AudioPlayer.", "PlaybackController.", "Messaging.", "AlexaHouseholdListEvent.")
_STR = itertools.repeat(str)  # the type every key is checked against, as many times as there are keys


def refusal(event: Any, skill_id: str | None) -> str | None:
    """Why the envelope is refused (a reason code for the log, never its content), or None."""
    if not isinstance(event, dict):
        return "not-an-object"
    if not _bounded(event):
        return "too-large-or-deep"
    request, context = event.get("request"), event.get("context")
    if not isinstance(request, dict) or not isinstance(request.get("type"), str) or not isinstance(context, dict):
        return "no-request-or-context"
    if skill_id is not None and not _for_skill(event, skill_id):
        return "other-skill"
    return None


def is_silent(event: dict[str, Any]) -> bool:
    """A request Alexa allows no speech for."""
    request = event.get("request")
    kind = request.get("type") if isinstance(request, dict) else None
    return isinstance(kind, str) and (kind in SILENT_REQUESTS or kind.startswith(SILENT_FAMILIES))


def with_known_locale(event: dict[str, Any]) -> dict[str, Any]:
    """The envelope, with a locale the content ships (else the default), so no other text reaches the content."""
    request = event["request"]
    locale = request.get("locale")
    if isinstance(locale, str) and locale in _known_locales():
        return event
    return {**event, "request": {**request, "locale": DEFAULT_LOCALE}}


@functools.cache
def _known_locales() -> frozenset[str]:
    return frozenset(locale for language in languages() for locale in supported_locales(language))


def _for_skill(event: dict[str, Any], skill_id: str) -> bool:
    """Every application id the envelope carries is this skill's, and the context carries one."""
    system = event["context"].get("System")
    application = system.get("application") if isinstance(system, dict) else None
    ids = [application.get("applicationId") if isinstance(application, dict) else None]
    session = event.get("session")
    if isinstance(session, dict) and "application" in session:
        holder = session["application"]
        ids.append(holder.get("applicationId") if isinstance(holder, dict) else None)
    return all(i == skill_id for i in ids)


def _bounded(event: dict[str, Any]) -> bool:
    """Depth, count and string sizes within bounds, walked without recursion. Only containers go on the stack,
    and each one's values are counted at once: this runs on every turn, over the whole envelope."""
    items = 1  # the envelope itself
    stack: list[tuple[dict[str, Any] | list[Any], int]] = [(event, 1)]
    while stack:
        container, depth = stack.pop()
        if isinstance(container, dict):
            # Keys checked by builtins mapped over them, not a generator: a tenth of a turn went to this line.
            if not all(map(isinstance, container, _STR)) or max(map(len, container), default=0) > MAX_STRING:
                return False
            values: Any = container.values()
        else:
            values = container
        if not values:
            continue
        items += len(values)
        # Its values are one level deeper.
        if items > MAX_ITEMS or depth >= MAX_DEPTH:
            return False
        for value in values:
            if isinstance(value, str):
                if len(value) > MAX_STRING:
                    return False
            elif isinstance(value, dict | list):
                stack.append((value, depth + 1))
    return True
