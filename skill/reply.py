"""One place that turns a reply (plain text parts, a closing question, a card, a screen) into an Alexa response,
and says the last reply again ("repeat", "slower"), on a screen too.

Every open turn ends with exactly one question, which is also the reprompt;
every card ends with the disclaimer; a device with a screen shows what is said.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response
from ask_sdk_model.ui import SimpleCard

from .content import Content
from .dialog import LastReply
from .screen import Screen, show
from .speech import PAUSE, to_plain, to_ssml
from .turn import content_of, state_of


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
    state = state_of(handler_input)
    topic = content.topic(state.topic or "")
    # A turn that asks nothing of its own asks what else, about the topic the listener is on when there is one.
    asked = prompts["ask_about"].format(topic=topic.name) if topic else prompts["ask"]
    question = None if reply.end else (reply.question or asked)
    if question in (prompts["ask"], asked):
        # An open question offers nothing: "yes" to it asks for the question rather than taking an older offer.
        state.offer = None
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


def say_again(handler_input: HandlerInput, preface: list[str] | None = None) -> Response:
    """The last reply again, word for word, after ``preface`` ("Okay, I'll speak more slowly.").

    With a preface, the reply remembered for "repeat" stays the last reply itself, not this turn's. The session
    could have been tampered with, so the remembered speech is read as plain text and rendered again: no markup
    is spoken that the skill did not render itself this turn."""
    content = content_of(handler_input)
    state = state_of(handler_input)
    last = state.last
    # The question said again is still the one "yes" answers, and a page said again is still the one "go back" leaves.
    state.asking, state.reading = state.answering, state.was_reading
    if last is None:
        return respond(handler_input, Reply(preface or [content.prompts["nothing_to_repeat"]]))
    state.keep_last = bool(preface)
    said = [to_ssml(content, *(preface or [])), _rendered_again(content, last.speech)]
    builder = handler_input.response_builder.speak(PAUSE.join(part for part in said if part))
    if last.card_title:
        builder.set_card(SimpleCard(title=last.card_title, content=last.card_text))
    if last.screen_title is not None:
        # The screen shows it again too, lit line by line in step with the speech as the first time.
        for directive in show(handler_input, _screen_of(last), *_shown_again(last, preface or [])):
            builder.add_directive(directive)
    if last.reprompt:
        builder.ask(_rendered_again(content, last.reprompt))
    else:
        builder.set_should_end_session(True)
    return builder.response


def _screen_of(last: LastReply) -> Screen:
    choices = tuple(last.screen_choices.split("\n")) if last.screen_choices else ()
    return Screen(last.screen_title or "", last.screen_position or "", last.screen_sources or "", choices)


def _shown_again(last: LastReply, preface: list[str]) -> tuple[list[str], str | None]:
    """What is said again, in parts, and its closing question, as a screen shows them."""
    parts = [to_plain(part) for part in last.speech.split(PAUSE)]
    question = to_plain(last.reprompt) if last.reprompt else None
    if question and parts and parts[-1] == question:
        parts.pop()
    return [*preface, *parts], question


def _rendered_again(content: Content, ssml: str) -> str:
    """Remembered speech as plain text parts, rendered again: the same SSML for what the skill said, and
    no markup at all from a session that was tampered with."""
    return to_ssml(content, *(to_plain(part) for part in ssml.split(PAUSE)))
