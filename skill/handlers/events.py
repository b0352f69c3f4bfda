"""Skill events Alexa sends outside a conversation: the skill was enabled or disabled by a user.

Nothing may be said in reply. Disabling the skill deletes what it remembered
about the listener. The events are logged without the user's id; they are
subscribed to in the skill manifest (interaction_models/source/manifest.toml).
"""

from __future__ import annotations

import logging

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_request_type
from ask_sdk_model import Response

from ..memory import forget

logger = logging.getLogger(__name__)

# Manifest event name -> request type Alexa sends for it.
SKILL_EVENTS = {
    "SKILL_ENABLED": "AlexaSkillEvent.SkillEnabled",
    "SKILL_DISABLED": "AlexaSkillEvent.SkillDisabled",
}


class SkillEventHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return any(is_request_type(kind)(handler_input) for kind in SKILL_EVENTS.values())

    def handle(self, handler_input: HandlerInput) -> Response:
        kind = handler_input.request_envelope.request.object_type
        logger.info("skill event: %s", kind)
        if kind == SKILL_EVENTS["SKILL_DISABLED"]:
            forget(handler_input)
        return handler_input.response_builder.response
