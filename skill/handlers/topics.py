"""Questions about a topic: a facet of a named topic, a topic asked for by its own intent, or a change of topic.

All three end in ``answer``, which resolves the topic (slot, or the one the
listener is on), handles what cannot be answered, and reads the first page.
"""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_intent_name, is_intent_name, is_request_type
from ask_sdk_model import Response

from ..answers import facet_menu, page_reply, topic_menu
from ..content import FacetInfo
from ..reply import Reply, respond
from ..slots import topic_slot
from ..turn import content_of, state_of

OVERVIEW = "overview"
SWITCH_TOPIC_INTENT = "SwitchTopicIntent"


def _intent(handler_input: HandlerInput) -> str | None:
    return get_intent_name(handler_input) if is_request_type("IntentRequest")(handler_input) else None


class FacetQuestionHandler(AbstractRequestHandler):
    """ "What are the side effects of IVIg?": an intent that names a facet, with an optional topic."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        intent = _intent(handler_input)
        return intent is not None and content_of(handler_input).facet_for_intent(intent) is not None

    def handle(self, handler_input: HandlerInput) -> Response:
        facet = content_of(handler_input).facet_for_intent(get_intent_name(handler_input))
        return answer(handler_input, facet)


class TopicQuestionHandler(AbstractRequestHandler):
    """ "Do I need treatment?": an intent that a topic declares as its own question."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        intent = _intent(handler_input)
        return intent is not None and content_of(handler_input).topic_for_intent(intent) is not None

    def handle(self, handler_input: HandlerInput) -> Response:
        content = content_of(handler_input)
        topic = content.topic_for_intent(get_intent_name(handler_input))
        return answer(handler_input, content.facet(OVERVIEW), topic_id=topic.id)


class SwitchTopicHandler(AbstractRequestHandler):
    """ "What about azathioprine?": the same facet as before, for another topic."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(SWITCH_TOPIC_INTENT)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        content = content_of(handler_input)
        facet = content.facet(state_of(handler_input).facet or OVERVIEW) or content.facet(OVERVIEW)
        return answer(handler_input, facet)


def answer(handler_input: HandlerInput, facet: FacetInfo, topic_id: str | None = None) -> Response:
    content = content_of(handler_input)
    state = state_of(handler_input)
    prompts = content.prompts
    slot = topic_slot(handler_input) if topic_id is None else None
    state.offer = None
    if slot is not None and slot.heard and slot.id is None:
        state.facet = facet.id
        unknown = prompts["unknown_topic"].format(heard=slot.heard)
        return respond(handler_input, Reply([unknown, topic_menu(content)], prompts["which_topic"]))
    topic = content.topic(topic_id or (slot.id if slot else None) or state.topic or "")
    if topic is None:
        state.facet = facet.id
        return respond(handler_input, Reply([topic_menu(content)], prompts["which_topic"]))
    if not topic.pages(facet.id):
        state.topic = topic.id
        missing = prompts["missing_facet"].format(facet=facet.menu, topic=topic.name)
        return respond(handler_input, Reply([missing, facet_menu(content, topic)]))
    preface = [prompts["disclaimer"]] if _first_turn(handler_input) else None
    return respond(handler_input, page_reply(content, state, topic, facet, preface=preface))


def _first_turn(handler_input: HandlerInput) -> bool:
    """A one-shot question ("Alexa, ask MMN guide about ...") skips the welcome, so it hears the disclaimer here."""
    session = handler_input.request_envelope.session
    return bool(session and session.new)
