"""Free text: what was said, ranked against the question bank, and the reply its confidence calls for.

The catch-all ``QuestionIntent`` carries a whole question; an intent whose
topic slot holds words that name no topic ("is {topic} safe" heard as "is
taking it while pregnant safe") is read the same way, with its facet as a hint.
"""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_slot_value, is_intent_name
from ask_sdk_model import Response

from ..answers import page_reply, place_of, spoken_list
from ..dialog import Offer
from ..reply import Reply, first_turn_preface, respond
from ..turn import content_of, state_of
from ..understanding.heard import QUESTION_SLOT
from ..understanding.ranker import ANSWER, CLARIFY, Ranked, ranker

QUESTION_INTENT = "QuestionIntent"


class FreeTextHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(QUESTION_INTENT)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        text = get_slot_value(handler_input, QUESTION_SLOT) or ""
        return respond(handler_input, free_text_reply(handler_input, text))


def free_text_reply(
    handler_input: HandlerInput, text: str, preface: list[str] | None = None, facet: str | None = None
) -> Reply:
    """The reply to free text: its answer, "Do you mean ... or ...?", or an honest "I don't know that one yet"."""
    content = content_of(handler_input)
    state = state_of(handler_input)
    prompts = content.prompts
    bank = ranker(content.locale)
    preface = [*(preface or []), *first_turn_preface(handler_input)]
    ranking = bank.rank(text, among=state.choices) if state.choices else None
    if ranking is None or ranking.verdict != ANSWER:
        ranking = bank.rank(text, topic=state.topic, facet=facet)
    found = ranking.candidates
    if ranking.verdict == ANSWER:
        ref = found[0].question.ref
        return page_reply(content, state, place_of(ref), ref.page, preface=preface)
    if ranking.verdict == CLARIFY:
        _offer(state, found[0])
        state.choices, state.answered = tuple(r.question.id for r in found), "clarify"
        question = prompts["clarify"].format(first=found[0].question.about, second=found[1].question.about)
        return Reply(preface, question)
    state.choices, state.answered = (), "unknown"
    if not found:
        state.offer = None
        return Reply([*preface, prompts["dont_know"], prompts["what_you_can_ask"]])
    _offer(state, found[0])
    nearest = prompts["nearest"].format(questions=spoken_list([r.question.about for r in found], "or"))
    return Reply(
        [*preface, prompts["dont_know"], nearest], prompts["nearest_offer"].format(first=found[0].question.about)
    )


def _offer(state, ranked: Ranked) -> None:
    ref = ranked.question.ref
    state.offer = Offer(place_of(ref), ref.page)
