"""Moving through the conversation: yes / next (take the offer), previous, no, repeat, start over."""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import Response
from ask_sdk_model.ui import SimpleCard

from ..answers import page_reply, pages_at, topic_menu
from ..content import Content
from ..dialog import Place
from ..memory import may_remember
from ..reply import Reply, respond
from ..speech import PAUSE, to_plain, to_ssml
from ..turn import content_of, profile_of, state_of
from .preferences import REMEMBER, answer_remember, ask_remember


def _any_intent(handler_input: HandlerInput, *names: str) -> bool:
    return any(is_intent_name(name)(handler_input) for name in names)


class YesHandler(AbstractRequestHandler):
    """Takes the pending offer: the next page, or the next facet."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return _any_intent(handler_input, "AMAZON.YesIntent", "AMAZON.NextIntent")

    def handle(self, handler_input: HandlerInput) -> Response:
        content = content_of(handler_input)
        state = state_of(handler_input)
        if state.answering == REMEMBER and is_intent_name("AMAZON.YesIntent")(handler_input):
            return answer_remember(handler_input, True)
        offer = state.offer
        if offer is None or offer.page >= len(pages_at(content, offer.place)):
            state.offer = None
            return respond(handler_input, Reply([topic_menu(content)]))
        return respond(handler_input, page_reply(content, state, offer.place, offer.page))


class PreviousHandler(AbstractRequestHandler):
    """The page before: within the answer, else the last page of the topic's previous facet."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.PreviousIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        content = content_of(handler_input)
        state = state_of(handler_input)
        place = state.place
        if place is None or not pages_at(content, place):
            return respond(handler_input, Reply([content.prompts["nothing_before"], topic_menu(content)]))
        if state.page > 0:
            return respond(handler_input, page_reply(content, state, place, state.page - 1))
        earlier = _previous_facet(content, place)
        if earlier is None:
            reply = page_reply(content, state, place, 0, preface=[content.prompts["at_start"]])
            return respond(handler_input, reply)
        return respond(handler_input, page_reply(content, state, earlier, len(pages_at(content, earlier)) - 1))


class NoHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.NoIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        state = state_of(handler_input)
        if state.answering == REMEMBER:
            return answer_remember(handler_input, False)
        declined = [content_of(handler_input).prompts["declined"]]
        state.offer = None
        if state.place is not None and may_remember(profile_of(handler_input)):
            # A natural pause in the conversation: the one time the listener is asked about keeping their place.
            return ask_remember(handler_input, declined)
        return respond(handler_input, Reply(declined))


class RepeatHandler(AbstractRequestHandler):
    """Says the last reply again, word for word (the response interceptor remembers it).

    The session could have been tampered with, so the remembered speech is read as plain text and rendered
    again: no markup is spoken that the skill did not render itself this turn."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.RepeatIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        content = content_of(handler_input)
        state = state_of(handler_input)
        last = state.last
        state.asking = state.answering  # the question repeated is still the one "yes" answers
        if last is None:
            return respond(handler_input, Reply([content.prompts["nothing_to_repeat"]]))
        builder = handler_input.response_builder.speak(_rendered_again(content, last.speech))
        if last.card_title:
            builder.set_card(SimpleCard(title=last.card_title, content=last.card_text))
        if last.reprompt:
            builder.ask(_rendered_again(content, last.reprompt))
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


def _rendered_again(content: Content, ssml: str) -> str:
    """Remembered speech as plain text parts, rendered again: the same SSML for what the skill said, and
    no markup at all from a session that was tampered with."""
    return to_ssml(content, *(to_plain(part) for part in ssml.split(PAUSE)))


def _previous_facet(content: Content, place: Place) -> Place | None:
    topic = content.topic(place.topic)
    if topic is None or place.facet is None:
        return None
    ids = [f.id for f in content.facets if topic.pages(f.id)]
    position = ids.index(place.facet) if place.facet in ids else 0
    return Place(topic.id, ids[position - 1]) if position > 0 else None
