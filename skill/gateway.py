"""Turns a raw request envelope (a JSON-like dict) into a response envelope dict.

The one path from raw input to the skill, shared by Lambda, the console and
the tests. The raw envelope is checked first (``guards.py``: size, depth, skill
ID, locale); input the SDK cannot read, an unknown request type or another
skill's ID gets a clear error response instead of an exception, and a request
that allows no speech gets an empty response. Logs carry reason codes, never
the envelope's content, and every record is one line (``log_lines.py``), so
a request field that reaches a log cannot forge a line.
"""

from __future__ import annotations

import datetime
import json
import logging
import re
from typing import Any

from ask_sdk_core.exceptions import SerializationException
from ask_sdk_core.skill import CustomSkill
from ask_sdk_model import RequestEnvelope, Response, ResponseEnvelope
from ask_sdk_model.ui import PlainTextOutputSpeech
from ask_sdk_runtime.exceptions import AskSdkException

from . import log_lines
from .content import load_content
from .guards import is_silent, refusal, with_known_locale
from .serialization import SkillSerializer

logger = logging.getLogger(__name__)
log_lines.install()
_ALEXA_TIMESTAMP = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,6}))?Z")


def handle_event(skill: CustomSkill, event: Any, context: Any = None) -> dict[str, Any]:
    reason = refusal(event, skill.skill_id)
    if reason is not None:
        logger.warning("request refused: %s", reason)
        return _error_response(skill, event)
    event = with_known_locale(event)
    envelope = read_envelope(skill, event)
    if envelope is None:
        return _error_response(skill, event)
    try:
        response = skill.invoke(request_envelope=envelope, context=context)
    except (AskSdkException, RecursionError, TypeError, ValueError, AttributeError) as error:
        # Raised before dispatch, where no exception handler sees it.
        logger.warning("request refused: %s", type(error).__name__)
        return _error_response(skill, event)
    return skill.serializer.serialize(response)


def read_envelope(skill: CustomSkill, event: dict[str, Any]) -> RequestEnvelope | None:
    """The SDK's envelope for an event ``guards.refusal`` passed (and ``with_known_locale`` read): only the parts
    the skill reads, the timestamp read without dateutil, the event read as it is (not written out as JSON for the
    SDK to parse again); None, logged, when the SDK cannot read it. The web endpoint reads requests this way too."""
    payload = _what_the_skill_reads(event)
    timestamp = _timestamp(payload["request"].get("timestamp"))
    if timestamp is not None:
        payload = {**payload, "request": {k: v for k, v in payload["request"].items() if k != "timestamp"}}
    serializer = skill.serializer
    try:
        if isinstance(serializer, SkillSerializer):
            envelope = serializer.read(payload, RequestEnvelope)
        else:  # the SDK's own (the tests compare with it) reads text only
            envelope = serializer.deserialize(payload=json.dumps(payload), obj_type=RequestEnvelope)
    except (SerializationException, TypeError, ValueError, RecursionError) as error:
        logger.warning("request refused: unreadable envelope (%s)", type(error).__name__)
        return None
    if envelope.request is None or envelope.context is None or envelope.context.system is None:
        logger.warning("request refused: the envelope lacks request or context.System")
        return None
    if timestamp is not None:
        envelope.request.timestamp = timestamp
    session = envelope.session
    if session is not None and type(session.attributes) is dict:
        session.attributes = SessionAttributes(session.attributes)
    return envelope


def _what_the_skill_reads(event: dict[str, Any]) -> dict[str, Any]:
    """The envelope without the parts of its context the skill never reads (Viewports, Viewport, Extensions and
    the like, most of a screen device's envelope): the SDK would turn every part into model objects, on every
    turn. Of the context, the skill reads only ``System`` (the user, the device's interfaces)."""
    context = event.get("context")
    if isinstance(context, dict) and len(context) > 1 and "System" in context:
        return {**event, "context": {"System": context["System"]}}
    return event


def _timestamp(text: Any) -> datetime.datetime | None:
    """A request's timestamp in the form Alexa sends ("2026-11-25T18:40:12Z", perhaps with a fraction of a
    second), as the SDK's parse (dateutil's, which guesses among all the forms it knows) makes it, in a tenth
    of the time; None for any other text or an impossible date, which the SDK then reads (or refuses) itself."""
    match = _ALEXA_TIMESTAMP.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        return None
    *fields, fraction = match.groups()
    try:
        return datetime.datetime(*map(int, fields), int((fraction or "0").ljust(6, "0")), tzinfo=datetime.UTC)
    except ValueError:
        return None


def _error_response(skill: CustomSkill, event: Any) -> dict[str, Any]:
    if isinstance(event, dict) and isinstance(event.get("request"), dict) and is_silent(event):
        return skill.serializer.serialize(ResponseEnvelope(version="1.0", response=Response()))
    request = event.get("request") if isinstance(event, dict) else None
    locale = request.get("locale") if isinstance(request, dict) else None
    text = load_content(locale if isinstance(locale, str) else None).prompts["request_error"]
    envelope = ResponseEnvelope(
        version="1.0",
        response=Response(output_speech=PlainTextOutputSpeech(text=text), should_end_session=True),
    )
    return skill.serializer.serialize(envelope)


class SessionAttributes(dict):
    """A session's attributes as read from the request: JSON values. The SDK's ``AttributesManager`` makes a deep
    copy of them on every turn, and they carry the dialog state and the last reply (a few kilobytes):
    ``copy.deepcopy`` took longer than the rest of reading the request. Copying only the dicts and lists, which
    are all a JSON value holds that can change, makes the same copy many times faster."""

    def __deepcopy__(self, memo: dict[int, Any]) -> dict[str, Any]:
        return {key: _json_copy(value) for key, value in self.items()}


def _json_copy(value: Any) -> Any:
    kind = type(value)
    if kind is dict:
        return {key: _json_copy(item) for key, item in value.items()}
    if kind is list:
        return [_json_copy(item) for item in value]
    return value  # a string, number, boolean or null: immutable
