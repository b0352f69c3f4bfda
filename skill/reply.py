"""One place that turns a reply (plain text parts, a closing question, a card, a screen) into an Alexa response.

Every open turn ends with exactly one question, which is also the reprompt;
every card ends with the disclaimer; a device with a screen shows what is said.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response
from ask_sdk_model.ui import SimpleCard

from .screen import Screen, show
from .speech import to_ssml
from .turn import content_of


@dataclass
class Reply:
    parts: list[str]
    question: str | None = None
    card_title: str | None = None
    card_lines: list[str] = field(default_factory=list)
    end: bool = False
    screen: Screen | None = None  # what a screen shows; by default, the card's title and what is said


def first_turn_preface(handler_input: HandlerInput) -> list[str]:
    """A one-shot question ("Alexa, ask MMN guide about ...") skips the welcome: it hears one short disclaimer."""
    session = handler_input.request_envelope.session
    return [content_of(handler_input).prompts["disclaimer_short"]] if session and session.new else []


def respond(handler_input: HandlerInput, reply: Reply) -> Response:
    content = content_of(handler_input)
    prompts = content.prompts
    builder = handler_input.response_builder
    question = None if reply.end else (reply.question or prompts["ask"])
    builder.speak(to_ssml(content, *reply.parts, question or ""))
    if reply.card_title:
        body = "\n\n".join([*reply.card_lines, prompts["card_disclaimer"]])
        builder.set_card(SimpleCard(title=reply.card_title, content=body))
    # A closing reply is shown only when it carries a card (the emergency answer): a goodbye shows nothing.
    if not reply.end or reply.card_title:
        screen = reply.screen or Screen(title=reply.card_title or content.skill_name)
        for directive in show(handler_input, screen, reply.parts, question):
            builder.add_directive(directive)
    if question is None:
        builder.set_should_end_session(True)
    else:
        builder.ask(to_ssml(content, question))
    return builder.response
