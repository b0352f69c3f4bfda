"""Moving through the conversation: yes / next (take the offer), no, repeat, start over."""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import Response
from ask_sdk_model.ui import SimpleCard

from ..answers import page_reply, topic_menu
from ..reply import Reply, respond
from ..turn import content_of, state_of


def _any_intent(handler_input: HandlerInput, *names: str) -> bool:
    return any(is_intent_name(name)(handler_input) for name in names)


class YesHandler(AbstractRequestHandler):
    """Takes the pending offer: the next page, or the next facet."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return _any_intent(handler_input, "AMAZON.YesIntent", "AMAZON.NextIntent")

    def handle(self, handler_input: HandlerInput) -> Response:
        content = content_of(handler_input)
        state = state_of(handler_input)
        offer = state.offer
        topic = content.topic(offer.topic) if offer else None
        facet = content.facet(offer.facet) if offer else None
        if topic is None or facet is None or not topic.pages(facet.id):
            state.offer = None
            return respond(handler_input, Reply([topic_menu(content)]))
        return respond(handler_input, page_reply(content, state, topic, facet, offer.page))


class NoHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.NoIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        state_of(handler_input).offer = None
        return respond(handler_input, Reply([content_of(handler_input).prompts["declined"]]))


class RepeatHandler(AbstractRequestHandler):
    """Says the last reply again, word for word (the response interceptor remembers it)."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.RepeatIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        last = state_of(handler_input).last
        if last is None:
            return respond(handler_input, Reply([content_of(handler_input).prompts["nothing_to_repeat"]]))
        builder = handler_input.response_builder.speak(last.speech)
        if last.card_title:
            builder.set_card(SimpleCard(title=last.card_title, content=last.card_text))
        if last.reprompt:
            builder.ask(last.reprompt)
        else:
            builder.set_should_end_session(True)
        return builder.response


class StartOverHandler(AbstractRequestHandler):
    """Back to the menu, forgetting the current topic."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return _any_intent(handler_input, "AMAZON.StartOverIntent", "AMAZON.NavigateHomeIntent")

    def handle(self, handler_input: HandlerInput) -> Response:
        state_of(handler_input).reset()
        return respond(handler_input, Reply([content_of(handler_input).prompts["what_you_can_ask"]]))
