"""Opening the skill: welcome, the short disclaimer, what you can ask, and a question."""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_request_type
from ask_sdk_model import Response

from ..reply import Reply, respond
from ..turn import content_of


class LaunchHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        prompts = content_of(handler_input).prompts
        return respond(handler_input, Reply([prompts["welcome"], prompts["disclaimer"], prompts["what_you_can_ask"]]))
