"""Questions about a topic: a facet of a named topic, a question with its own intent, or a change of topic.

Facet questions end in ``answer``, which resolves the topic (slot, or the one
the listener is on), handles what cannot be answered, and reads the first page.
"""

from __future__ import annotations

from typing import Any

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_intent_name, is_intent_name, is_request_type
from ask_sdk_model import Response

from ..answers import OVERVIEW, brand_named, facet_menu, page_reply, place_of
from ..content import Content, FacetInfo, Question, Topic
from ..dialog import Place
from ..reply import Reply, first_turn_preface, respond
from ..slots import topic_slot
from ..turn import content_of, state_of
from ..understanding.heard import heard_texts
from ..understanding.ranker import ranker
from ..understanding.replies import replies
from .free_text import answer_free_text, ask_which, carried, only_a_name, onward, treatment_spoken_of

SWITCH_TOPIC_INTENT = "SwitchTopicIntent"


def intent_name(handler_input: HandlerInput) -> str | None:
    return get_intent_name(handler_input) if is_request_type("IntentRequest")(handler_input) else None


class _ContentIntentHandler(AbstractRequestHandler):
    """Handles the intents the content declares; ``lookup`` finds what the content holds for one."""

    def lookup(self, content: Content, intent: str) -> Any:
        raise NotImplementedError

    def reply(self, handler_input: HandlerInput, found: Any) -> Response:
        raise NotImplementedError

    def can_handle(self, handler_input: HandlerInput) -> bool:
        intent = intent_name(handler_input)
        return intent is not None and self.lookup(content_of(handler_input), intent) is not None

    def handle(self, handler_input: HandlerInput) -> Response:
        return self.reply(handler_input, self.lookup(content_of(handler_input), get_intent_name(handler_input)))


class FacetQuestionHandler(_ContentIntentHandler):
    """ "What are the side effects of IVIg?": an intent that names a facet, with an optional topic."""

    def lookup(self, content: Content, intent: str) -> FacetInfo | None:
        return content.facet_for_intent(intent)

    def reply(self, handler_input: HandlerInput, found: FacetInfo) -> Response:
        return answer(handler_input, found)


class TopicQuestionHandler(_ContentIntentHandler):
    """ "Do I need treatment?": an intent that a topic declares as its own question."""

    def lookup(self, content: Content, intent: str) -> Topic | None:
        return content.topic_for_intent(intent)

    def reply(self, handler_input: HandlerInput, found: Topic) -> Response:
        return answer(handler_input, content_of(handler_input).facet(OVERVIEW), topic_id=found.id)


class QuestionHandler(_ContentIntentHandler):
    """ "Does IVIg boost my immune system?": a question with its own intent and a direct answer."""

    def lookup(self, content: Content, intent: str) -> Question | None:
        return content.question_for_intent(intent)

    def reply(self, handler_input: HandlerInput, found: Question) -> Response:
        content = content_of(handler_input)
        if found.other_topics_facet:
            slot = topic_slot(handler_input)
            if slot.heard and slot.id is None and _has_words(handler_input, slot.heard):
                return answer_free_text(handler_input, slot.heard, facet=found.other_topics_facet)
            # "Does it boost my immune system?" asks about the topic in context; "is there a cure?" does not.
            points_back = slot.heard and ranker(content.locale).points_back(slot.heard)
            asked = slot.id or (state_of(handler_input).topic if points_back else None)
            if asked and asked != found.topic:
                return answer(handler_input, content.facet(found.other_topics_facet), topic_id=asked)
        place = Place(found.topic, question=found.id)
        reply = page_reply(content, state_of(handler_input), place, preface=first_turn_preface(handler_input))
        return respond(handler_input, reply)


class SwitchTopicHandler(AbstractRequestHandler):
    """ "What about azathioprine?": the same facet as before, for another topic."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(SWITCH_TOPIC_INTENT)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        content = content_of(handler_input)
        state = state_of(handler_input)
        slot = topic_slot(handler_input)
        bank = ranker(content.locale)
        named = slot.id or (only_a_name(bank, slot.heard) if slot.heard else None)
        # After a question of the bank, the same question of the treatment named ("what about HyQvia" after the cost,
        # "is that the same for {the drip}").
        ranked = carried(content, bank, state.place, named) if named else None
        if ranked is not None:
            ref = ranked.candidates[0].question.ref
            return respond(handler_input, onward(content, state, place_of(ref), ref.page))
        facet = content.facet(state.facet or OVERVIEW) or content.facet(OVERVIEW)
        return answer(handler_input, facet)


def answer(handler_input: HandlerInput, facet: FacetInfo, topic_id: str | None = None) -> Response:
    content = content_of(handler_input)
    state = state_of(handler_input)
    prompts = content.prompts
    slot = topic_slot(handler_input) if topic_id is None else None
    state.offer = None
    if slot is not None and slot.heard and slot.id is None and _has_words(handler_input, slot.heard):
        return answer_free_text(handler_input, slot.heard, facet=facet.id)
    named = topic_id or (slot.id if slot else None)
    topic = content.topic(named or state.topic or "")
    if topic is not None and not named and not topic.pages(facet.id):
        # The topic in context has no such facet ("how long does it take to work" after infusion day): the
        # listener means a treatment that has it: the one the last answer was about ("how long an IVIg infusion
        # takes"), or the one the last page read spoke of ("and the side effects" after helping on IVIg days), else
        # either, as when no topic was in context.
        topic = _treatment_answered(content, state.place, facet.id) or content.topic(
            treatment_spoken_of(content, state, facet.id) or ""
        )
    if topic is None:
        state.facet = facet.id
        # No treatment named, none in context: the first two that have it, as a choice of two ("both" too).
        having = [t for t in content.topics if t.summary and t.pages(facet.id)][:2]
        if len(having) < 2:
            return respond(handler_input, Reply([], prompts["which_topic"]))
        first, second = (ranker(content.locale).question(f"{t.id}.{facet.id}") for t in having)
        return respond(handler_input, ask_which(content, state, first, second, first_turn_preface(handler_input)))
    if not topic.pages(facet.id):
        state.topic, state.facet = topic.id, None
        missing = prompts["missing_facet"].format(facet=facet.menu, topic=topic.name)
        return respond(handler_input, Reply([missing, facet_menu(content, topic)]))
    place = Place(topic.id, facet.id)
    preface = [*first_turn_preface(handler_input), *brand_named(content, place, heard_texts(handler_input))]
    reply = page_reply(content, state, place, preface=preface)
    return respond(handler_input, reply)


def _treatment_answered(content: Content, place: Place | None, facet: str) -> Topic | None:
    """The one topic with ``facet`` that the question last answered names, if it names one."""
    question = content.question(place.question) if place and place.question else None
    if question is None:
        return None
    bank = ranker(content.locale)
    named = {t for t in bank.terms(question.about) if t in bank.topic_ids}
    having = [topic for topic in map(content.topic, named) if topic is not None and topic.pages(facet)]
    return having[0] if len(having) == 1 else None


def _has_words(handler_input: HandlerInput, heard: str) -> bool:
    """Whether a slot value that names no topic says something to rank ("taking it while pregnant"),
    rather than only pointing back ("it", "that", "there")."""
    locale = content_of(handler_input).locale
    read = replies(locale)
    # "No, I meant {the} side effects": the words of the correction are no subject; "what about {for my son}" asks
    # who the answer is for (``free_text.py``).
    meant = read.correction(heard)
    return bool(ranker(locale).terms(heard if meant is None else meant)) or read.only_people(heard)
