"""Comparing two treatments: "compare IVIg and steroids" gives a short, fair contrast of the two."""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import Response

from ..answers import can_compare, page_reply, spoken_list
from ..dialog import Place
from ..reply import Reply, first_turn_preface, respond
from ..slots import OTHER_TOPIC_SLOT, TOPIC_SLOT, topic_slot
from ..turn import content_of, state_of
from .free_text import free_text_reply

COMPARE_INTENT = "CompareIntent"


class CompareHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(COMPARE_INTENT)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        content = content_of(handler_input)
        state = state_of(handler_input)
        slots = [topic_slot(handler_input, TOPIC_SLOT), topic_slot(handler_input, OTHER_TOPIC_SLOT)]
        unknown = [slot.heard for slot in slots if slot.heard and slot.id is None]
        if unknown:
            return respond(handler_input, free_text_reply(handler_input, " ".join(s.heard for s in slots if s.heard)))
        first = slots[0].id or state.topic
        second = slots[1].id
        if first and second and can_compare(content, first, second):
            place = Place(first, compare=second)
            return respond(handler_input, page_reply(content, state, place, preface=first_turn_preface(handler_input)))
        comparable = spoken_list([t.name for t in content.topics if t.summary])
        state.offer = None
        return respond(handler_input, Reply([content.prompts["compare_what"].format(topics=comparable)]))
