"""The catch-all exception handler: apologise in speech, keep the session open, log the error."""

from __future__ import annotations

import logging

from ask_sdk_core.dispatch_components import AbstractExceptionHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from ..content import load_content
from ..speech import to_ssml

logger = logging.getLogger(__name__)
# template.yaml counts this line with a metric filter and raises an alarm on it.
ERROR_LOG_LINE = "error while handling request"


class CatchAllExceptionHandler(AbstractExceptionHandler):
    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return True

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        logger.error("%s: %s", ERROR_LOG_LINE, exception, exc_info=exception)
        # The default language: the failure may be in reading the request's own locale.
        content = load_content()
        prompts = content.prompts
        return (
            handler_input.response_builder.speak(to_ssml(content, prompts["error"], prompts["ask"]))
            .ask(to_ssml(content, prompts["ask"]))
            .response
        )
