"""Opening the skill: the full welcome and disclaimer the first time; after that, a short welcome back.

A returning listener who agreed to have their place kept is offered to go on
from there; "yes" takes the offer.
"""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_request_type
from ask_sdk_model import Response

from ..answers import pages_at, place_about
from ..reply import Reply, respond
from ..turn import content_of, profile_of, state_of


class LaunchHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        content = content_of(handler_input)
        prompts = content.prompts
        profile = profile_of(handler_input)
        if not (profile.returning and profile.heard_disclaimer):
            profile.update(heard_disclaimer=True)
            return respond(
                handler_input, Reply([prompts["welcome"], prompts["disclaimer"], prompts["what_you_can_ask"]])
            )
        resume = profile.resume
        if resume is None or resume.page >= len(pages_at(content, resume.place)):
            return respond(handler_input, Reply([prompts["welcome_back"], prompts["disclaimer_short"]]))
        state_of(handler_input).offer = resume
        question = prompts["resume_offer"].format(about=place_about(content, resume.place))
        return respond(handler_input, Reply([prompts["welcome_back"], prompts["disclaimer_short"]], question=question))


def opened_with_nothing(handler_input: HandlerInput) -> Response | None:
    """The welcome, when a session opens with nothing asked ("open MMN guide please", "ask MMN guide, um": Alexa
    sends what follows the skill's name as the first turn); else None."""
    if handler_input.request_envelope.session.new and state_of(handler_input).last is None:
        return LaunchHandler().handle(handler_input)
    return None
