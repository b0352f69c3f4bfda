"""Emergencies: the emergency number comes first, before anything else, and the session closes so the user can call."""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import Response

from ..reply import Reply, respond
from ..turn import content_of

EMERGENCY_INTENT = "EmergencyIntent"


class EmergencyHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(EMERGENCY_INTENT)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        emergency = content_of(handler_input).prompts["emergency"]
        return respond(handler_input, Reply([emergency], card_title="Emergency", card_lines=[emergency], end=True))
