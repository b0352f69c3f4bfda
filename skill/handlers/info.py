"""Questions about the answer itself: how sure is that, where does it come from, when was it reviewed.

They refer to the page last read and keep the pending offer, so the turn
still ends with the same question.
"""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import Response

from ..answers import closing_question, evidence_statements, pages_at, spoken_list
from ..content import Content, Page
from ..dialog import Place
from ..reply import Reply, respond
from ..turn import content_of, state_of

EVIDENCE_INTENT = "EvidenceIntent"
SOURCES_INTENT = "SourcesIntent"
LAST_REVIEWED_INTENT = "LastReviewedIntent"


class _AboutLastPage(AbstractRequestHandler):
    """Answers a question about the page last read; ``about`` says what to tell of it."""

    intent: str

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(self.intent)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        content = content_of(handler_input)
        state = state_of(handler_input)
        pages = pages_at(content, state.place) if state.place else ()
        if not pages:
            prompts = content.prompts
            return respond(handler_input, Reply([prompts["nothing_read_yet"], prompts["what_you_can_ask"]]))
        reply = self.about(content, state.place, pages[min(state.page, len(pages) - 1)])
        reply.question = closing_question(content, state)
        return respond(handler_input, reply)

    def about(self, content: Content, place: Place, page: Page) -> Reply:
        raise NotImplementedError


class EvidenceHandler(_AboutLastPage):
    """ "How sure is that?": the evidence level of the page last read."""

    intent = EVIDENCE_INTENT

    def about(self, content: Content, place: Place, page: Page) -> Reply:
        return Reply(evidence_statements(content, place, page) or [content.prompts["no_evidence_level"]])


class SourcesHandler(_AboutLastPage):
    """ "Where does that come from?": the sources of the page last read, at most three by name; the card lists
    and links them all."""

    intent = SOURCES_INTENT

    def about(self, content: Content, place: Place, page: Page) -> Reply:
        sources = [content.sources[source_id] for source_id in page.sources]
        named = spoken_list([s.spoken for s in sources], content=content)
        said = content.prompts["sources_intro"].format(sources=named)
        return Reply(
            [said], card_title=content.prompts["sources_heading"], card_lines=[f"- {s.citation()}" for s in sources]
        )


class LastReviewedHandler(AbstractRequestHandler):
    """ "When was this information reviewed?" """

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(LAST_REVIEWED_INTENT)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        content = content_of(handler_input)
        said = content.prompts["last_reviewed"].format(date=content.spoken_date(content.last_reviewed))
        state = state_of(handler_input)
        return respond(handler_input, Reply([said], closing_question(content, state)))
