"""Reads the topic slot of an intent request, as resolved by Alexa's entity resolution."""

from __future__ import annotations

from dataclasses import dataclass

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_slot
from ask_sdk_model.slu.entityresolution import StatusCode

TOPIC_SLOT = "topic"
OTHER_TOPIC_SLOT = "other_topic"


@dataclass(frozen=True)
class SlotValue:
    """What the user said (``heard``) and the canonical id it resolved to, if any."""

    id: str | None = None
    heard: str | None = None


def topic_slot(handler_input: HandlerInput, name: str = TOPIC_SLOT) -> SlotValue:
    slot = get_slot(handler_input, name)
    if slot is None or not slot.value:
        return SlotValue()
    resolutions = slot.resolutions.resolutions_per_authority if slot.resolutions else None
    for authority in resolutions or []:
        if authority.status and authority.status.code == StatusCode.ER_SUCCESS_MATCH and authority.values:
            return SlotValue(id=authority.values[0].value.id, heard=slot.value)
    return SlotValue(heard=slot.value)
