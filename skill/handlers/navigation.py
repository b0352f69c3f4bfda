"""Moving through the conversation: yes / next (take the offer), go back, no, repeat, the short version,
start over."""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import Response

from ..answers import closing_question, mark_before, page_reply, pages_at, previous_mark
from ..content import Content
from ..dialog import Offer
from ..memory import may_remember
from ..reply import Reply, respond, say_again
from ..turn import content_of, profile_of, state_of
from ..understanding.ranker import CLARIFY, ranker
from .launch import opened_with_nothing
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
            # Nothing was offered ("What would you like to know?"): ask for the question, never read a list; or,
            # when the session opens with it ("open MMN guide please"), the welcome.
            opened = opened_with_nothing(handler_input)
            if opened is not None:
                return opened
            state.offer = None
            return respond(handler_input, Reply([], question=content.prompts["whats_your_question"]))
        # "Yes" to "Do you mean A, or B?" picks the first: "the second one I mean" next changes it.
        picked = state.choices if state.answered == CLARIFY else ()
        reply = page_reply(content, state, offer.place, offer.page, offer.chunk)
        state.picking = picked
        return respond(handler_input, reply)


class PreviousHandler(AbstractRequestHandler):
    """ "Go back": what was said before this answer, whatever its topic, from the history of the session, safety
    advice too."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.PreviousIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        content = content_of(handler_input)
        state = state_of(handler_input)
        advice = state.advice
        reading = state.was_reading
        mark = previous_mark(state)
        # Safety advice said between the page before and this one is what was said before this; with nothing read
        # before it, the advice is where the conversation began, and is said again.
        if advice is not None and len(state.history) == advice.at and (reading or mark is None):
            # Said again as the advice was first said: no page read, its question open.
            state.last, state.answering, state.was_reading = advice.reply, advice.asking, False
            state.answered, state.place, state.offer = f"safety:{advice.level}", None, None
            return say_again(handler_input)
        nothing_before = [content.prompts["nothing_before"]]
        if mark is None and not state.choices and state.place is not None and pages_at(content, state.place):
            # Nothing was said before the answer the listener is on: after saying so, that answer again from the
            # start of its page, as a helper on the phone would.
            reply = page_reply(content, state, state.place, state.page, preface=nothing_before, retrace=True)
            return respond(handler_input, reply)
        if mark is None or not pages_at(content, mark.place):
            # Nothing before: the question still open is asked again, a "Do you mean A, or B?" too.
            choices = [ranker(content.locale).question(c).about for c in state.choices]
            asked = (
                content.prompts["clarify"].format(first=choices[0], second=choices[1]) if len(choices) == 2 else None
            )
            question = asked or closing_question(content, state)
            return respond(handler_input, Reply(nothing_before, question=question))
        return respond(handler_input, page_reply(content, state, mark.place, mark.page, mark.chunk, retrace=True))


def back_to(handler_input: HandlerInput, topics: list[str], terms: list[str]) -> Response | None:
    """ "Go back to what you said about IVIg": the last thing read about one of ``topics`` before this answer,
    said again; with no topic named, the last thing read that said most of the ranker's ``terms`` ("back to the
    headaches"); None when nothing was."""
    content = content_of(handler_input)
    state = state_of(handler_input)
    if topics:
        mark = mark_before(state, lambda m: len({m.place.topic, m.place.compare} & set(topics)))
    else:
        bank = ranker(content.locale)
        wanted = set(terms)
        mark = mark_before(state, lambda m: len(wanted & set(bank.terms(_text_at(content, m)))))
    if mark is None or not pages_at(content, mark.place):
        return None
    return respond(handler_input, page_reply(content, state, mark.place, mark.page, mark.chunk, retrace=True))


def _text_at(content: Content, mark: Offer) -> str:
    pages = pages_at(content, mark.place)
    return pages[mark.page].text if mark.page < len(pages) else ""


class NoHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.NoIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        state = state_of(handler_input)
        if state.answering == REMEMBER:
            return answer_remember(handler_input, False)
        content = content_of(handler_input)
        declined = [content.prompts["declined"]]
        state.offer = None
        if state.place is not None and may_remember(profile_of(handler_input)):
            # A natural pause in the conversation: the one time the listener is asked about keeping their place.
            return ask_remember(handler_input, declined)
        return respond(handler_input, Reply(declined, question=closing_question(content, state)))


class RepeatHandler(AbstractRequestHandler):
    """Says the last reply again, word for word (the response interceptor remembers it)."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.RepeatIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return say_again(handler_input)


class ShorterHandler(AbstractRequestHandler):
    """ "In fewer words", "just the short version": the lead of the answer the listener is on, then the next
    subject rather than the rest."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("ShorterIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        content = content_of(handler_input)
        state = state_of(handler_input)
        if state.place is None or not pages_at(content, state.place):
            return respond(
                handler_input, Reply([content.prompts["nothing_read_yet"], content.prompts["what_you_can_ask"]])
            )
        # Right after the lead, a shorter form than what was just heard: its first sentence, or, when the lead is
        # one sentence, that it was the short version; never the same words again.
        just_heard = state.was_reading and state.page == 0 and state.chunk == 0
        preface = [] if just_heard else [content.prompts["short_version"]]
        reply = page_reply(content, state, state.place, preface=preface, short=True, shortest=just_heard)
        return respond(handler_input, reply)


class StartOverHandler(AbstractRequestHandler):
    """Back to the menu, forgetting the current topic."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return _any_intent(handler_input, "AMAZON.StartOverIntent", "AMAZON.NavigateHomeIntent")

    def handle(self, handler_input: HandlerInput) -> Response:
        state_of(handler_input).reset()
        return respond(handler_input, Reply([content_of(handler_input).prompts["what_you_can_ask"]]))
