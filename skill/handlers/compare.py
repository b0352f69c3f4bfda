"""Comparing two treatments: "compare IVIg and steroids" gives a short, fair contrast of the two."""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import Response

from ..answers import can_compare, page_reply, spoken_list
from ..dialog import Place
from ..reply import Reply, respond
from ..slots import OTHER_TOPIC_SLOT, TOPIC_SLOT, topic_slot
from ..turn import content_of, state_of
from .topics import first_turn_preface

COMPARE_INTENT = "CompareIntent"


class CompareHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(COMPARE_INTENT)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        content = content_of(handler_input)
        state = state_of(handler_input)
        first = topic_slot(handler_input, TOPIC_SLOT).id or state.topic
        second = topic_slot(handler_input, OTHER_TOPIC_SLOT).id
        if first and second and can_compare(content, first, second):
            place = Place(first, compare=second)
            return respond(handler_input, page_reply(content, state, place, preface=first_turn_preface(handler_input)))
        comparable = spoken_list([t.name for t in content.topics if t.summary])
        state.offer = None
        return respond(handler_input, Reply([content.prompts["compare_what"].format(topics=comparable)]))
