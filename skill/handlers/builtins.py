"""Alexa's built-in requests: help, fallback, stop and cancel, session ended, and whatever else arrives."""

from __future__ import annotations

import logging
import re

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name, is_request_type
from ask_sdk_model import Response

from ..guards import SILENT_FAMILIES, SILENT_REQUESTS
from ..reply import Reply, respond
from ..turn import content_of, state_of
from .ladder import missed

logger = logging.getLogger(__name__)
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


class HelpHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.HelpIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        content = content_of(handler_input)
        help_text = content.prompts["help"]
        state_of(handler_input).menu_heard = True
        # A pause after each sentence: the help is long, and a listener takes it in one sentence at a time.
        sentences = _SENTENCE_END.split(help_text)
        return respond(
            handler_input, Reply(sentences, card_title=f"{content.skill_name}: help", card_lines=[help_text])
        )


class FallbackHandler(AbstractRequestHandler):
    """Something Alexa heard but could not match: say what the skill can do."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.FallbackIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return _fallback(handler_input)


class CancelOrStopHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.CancelIntent")(handler_input) or is_intent_name("AMAZON.StopIntent")(
            handler_input
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        return respond(handler_input, Reply([content_of(handler_input).prompts["goodbye"]], end=True))


class SessionEndedHandler(AbstractRequestHandler):
    """Alexa closed the session (user left, timeout or error): nothing may be said."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("SessionEndedRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        request = handler_input.request_envelope.request
        logger.info("session ended: reason=%s error=%s", request.reason, request.error)
        return handler_input.response_builder.response


class SilentRequestHandler(AbstractRequestHandler):
    """Requests Alexa sends outside a conversation (audio player, playback, messaging, list and system
    events): Alexa allows no speech in reply, so the response is empty."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        kind = handler_input.request_envelope.request.object_type or ""
        return kind in SILENT_REQUESTS or kind.startswith(SILENT_FAMILIES)

    def handle(self, handler_input: HandlerInput) -> Response:
        logger.info("silent request: %s", handler_input.request_envelope.request.object_type)
        return handler_input.response_builder.response


class UnhandledRequestHandler(AbstractRequestHandler):
    """Last in line: an intent or request type this skill does not know gets the fallback answer."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        request = handler_input.request_envelope.request
        logger.warning(
            "unhandled request: type=%s intent=%s",
            request.object_type,
            getattr(getattr(request, "intent", None), "name", None),
        )
        return _fallback(handler_input)


def _fallback(handler_input: HandlerInput) -> Response:
    """What Alexa could not match climbs the error ladder as an unanswered question does."""
    return respond(handler_input, missed(handler_input, [], apology="fallback"))
