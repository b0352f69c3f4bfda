"""Turns a raw request envelope (a JSON-like dict) into a response envelope dict.

The one path from raw input to the skill, shared by Lambda, the console and
the tests. Input the SDK cannot read (empty, malformed, an unknown request
type, another skill's ID) gets a clear error response instead of an exception.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from ask_sdk_core.exceptions import SerializationException
from ask_sdk_core.skill import CustomSkill
from ask_sdk_model import RequestEnvelope, Response, ResponseEnvelope
from ask_sdk_model.ui import PlainTextOutputSpeech
from ask_sdk_runtime.exceptions import AskSdkException

from .content import load_content

logger = logging.getLogger(__name__)


def handle_event(skill: CustomSkill, event: Any, context: Any = None) -> dict[str, Any]:
    envelope = _read_envelope(skill, event)
    if envelope is None:
        return _error_response(skill, event)
    try:
        response = skill.invoke(request_envelope=envelope, context=context)
    except AskSdkException as error:
        # Raised before dispatch, so no exception handler saw it: a request for another skill.
        logger.warning("request refused: %s", error)
        return _error_response(skill, event)
    return skill.serializer.serialize(response)


def _read_envelope(skill: CustomSkill, event: Any) -> RequestEnvelope | None:
    if not isinstance(event, dict):
        logger.warning("request refused: the envelope is not a JSON object")
        return None
    try:
        envelope = skill.serializer.deserialize(payload=json.dumps(event), obj_type=RequestEnvelope)
    except (SerializationException, TypeError, ValueError) as error:
        logger.warning("request refused: unreadable envelope: %s", error)
        return None
    if envelope.request is None or envelope.context is None or envelope.context.system is None:
        logger.warning("request refused: the envelope lacks request or context.System")
        return None
    return envelope


def _error_response(skill: CustomSkill, event: Any) -> dict[str, Any]:
    request = event.get("request") if isinstance(event, dict) else None
    locale = request.get("locale") if isinstance(request, dict) else None
    text = load_content(locale if isinstance(locale, str) else None).prompts["request_error"]
    envelope = ResponseEnvelope(
        version="1.0",
        response=Response(output_speech=PlainTextOutputSpeech(text=text), should_end_session=True),
    )
    return skill.serializer.serialize(envelope)
