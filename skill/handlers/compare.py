"""Comparing two treatments: "compare IVIg and steroids" gives a short, fair contrast of the two; "which one is
better" right after it stays on those two."""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import Response

from ..answers import can_compare, page_reply, pages_at, treatments_named
from ..content import Content
from ..dialog import DialogState, Place
from ..reply import Reply, first_turn_preface, respond
from ..slots import OTHER_TOPIC_SLOT, TOPIC_SLOT, topic_slot
from ..turn import content_of, state_of
from ..understanding.ranker import ranker
from ..understanding.replies import replies
from .free_text import answer_free_text, only_a_name

COMPARE_INTENT = "CompareIntent"


class CompareHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(COMPARE_INTENT)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        content = content_of(handler_input)
        state = state_of(handler_input)
        slots = [topic_slot(handler_input, TOPIC_SLOT), topic_slot(handler_input, OTHER_TOPIC_SLOT)]
        # A name Alexa did not resolve ("i v i g" spelled out) is read as the ranker reads a name, as topics are.
        bank = ranker(content.locale)
        named = [slot.id or (only_a_name(bank, slot.heard) if slot.heard else None) for slot in slots]
        first, second = named[0] or state.topic, named[1]
        if not any(slot.heard for slot in slots) and state.place and state.place.compare:
            # "Which one is better?" right after a comparison: about those two.
            first, second = state.place.topic, state.place.compare
        elif not any(slot.heard for slot in slots):
            # After an answer that names treatments ("SCIg at home" after IVIg): the one in context and the one it
            # named, or the first two it named.
            first, second = _two_in_context(content, state)
        if first and second and can_compare(content, first, second):
            place = Place(first, compare=second)
            return respond(handler_input, page_reply(content, state, place, preface=first_turn_preface(handler_input)))
        comparable = [t for t in content.topics if t.summary]
        # "i v i g and s c i g", not "i v i g s c i g": spelled letters run together into one word.
        heard = " and ".join(slot.heard for slot in slots if slot.heard)
        if heard and any(
            n not in {t.id for t in comparable} for n, slot in zip(named, slots, strict=True) if slot.heard
        ):
            # Not two treatments ("the difference between MMN and ALS"): what was named is asked about as free text.
            return answer_free_text(handler_input, heard)
        state.offer = None
        # One example, never a list: the treatment in context (else the first) and the first other one.
        first = next((t for t in comparable if t.id == state.topic), comparable[0])
        second = next(t for t in comparable if t is not first)
        example = content.prompts["compare_what"].format(first=first.name, second=second.name)
        return respond(handler_input, Reply([], question=example))


def _two_in_context(content: Content, state: DialogState) -> tuple[str | None, str | None]:
    """The two treatments "which is better" is about when no comparison was made: the one whose own page was just
    read, then the others that page names, in the order it names them; (None, None) when that makes no two."""
    pages = pages_at(content, state.place) if state.place else ()
    said = pages[state.page].text if state.page < len(pages) else ""
    comparable = {t.id for t in content.topics if t.summary}
    # A topic's own page is about it; a question of the bank is about what it names.
    own = state.topic if state.place and state.place.question is None and state.topic in comparable else None
    # A page about one treatment's day ("IVIg infusion day") is about that treatment.
    topic = content.topic(state.topic or "")
    day = treatments_named(content, topic.title) if topic and not own else []
    named = [t for t in dict.fromkeys([own, *treatments_named(content, said), *day[:1]]) if t]
    if len(named) == 1:
        # One treatment in context: it and the same treatment given another way (IVIg and SCIg).
        named += [t for t in [replies(content.locale).other_form.get(named[0])] if t]
    return (named[0], named[1]) if len(named) > 1 else (None, None)
