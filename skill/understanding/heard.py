"""What the skill can see of what was said in a request: the intent's name and every slot value as heard."""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_request_type

QUESTION_SLOT = "question"


def intent_name(handler_input: HandlerInput) -> str | None:
    if not is_request_type("IntentRequest")(handler_input):
        return None
    intent = handler_input.request_envelope.request.intent
    return intent.name if intent else None


def heard_texts(handler_input: HandlerInput) -> list[str]:
    """Every slot value Alexa heard, as said (unresolved values included): the free text of the request."""
    if intent_name(handler_input) is None:
        return []
    slots = handler_input.request_envelope.request.intent.slots or {}
    return [slot.value for slot in slots.values() if slot is not None and isinstance(slot.value, str) and slot.value]
