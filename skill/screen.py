"""What a screen shows, on devices that have one: the turn in large, high-contrast text (APL), spoken from the screen.

Only devices whose APL runtime can render the document (``maxVersion`` at least
the document's version) get it; every other device hears the same reply and gets
the card. While the session stays open, the speech moves into the document (as
Amazon documents for synchronised text: ``ssmlToSpeech`` transformers and
``SpeakItem`` commands), so each line lights up as it is said and the text
scrolls by itself: nothing needs a swipe. The closing question stays in view,
choices are numbered lines ("the first"), and a hint says what to say. Beyond
those aids to answering, the screen shows only what is said, so voice alone is
always enough.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ask_sdk_core.dispatch_components import AbstractResponseInterceptor
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_supported_interfaces
from ask_sdk_model import Response
from ask_sdk_model.interfaces.alexa.presentation.apl import (
    Align,
    ExecuteCommandsDirective,
    HighlightMode,
    RenderDocumentDirective,
    SpeakItemCommand,
)

from .pace import at_rate
from .speech import to_ssml
from .turn import content_of, profile_of

DOCUMENT = Path(__file__).with_name("screen_document.json")
TOKEN = "mmn-guide-page"
# Each spoken component of the document, and how its speech is lit: line by line for what is said, which may
# run past the screen; the question, one or two lines, as a whole.
_SPOKEN = (("said", HighlightMode.line), ("question", HighlightMode.block))


@dataclass(frozen=True)
class Screen:
    title: str
    position: str = ""  # "Page 2 of 4", for a page of a longer answer
    sources: str = ""  # the sources' names, for a page of content
    choices: tuple[str, ...] = ()  # the questions offered in "Do you mean ... or ...?", in the order said


@dataclass(frozen=True)
class Turn:
    """What one turn says, as the screen shows it: plain text, and (when the screen speaks it) SSML."""

    said: str
    question: str = ""
    hint: str = ""
    said_ssml: str = ""  # without <speak>; empty when the response's own speech says it
    question_ssml: str = ""


def has_screen(handler_input: HandlerInput) -> bool:
    """Whether the device renders APL of the document's version."""
    apl = get_supported_interfaces(handler_input).alexa_presentation_apl
    if apl is None:
        return False
    # A device that declares APL without a runtime is an early one (APL 1.0).
    device = _version(apl.runtime.max_version if apl.runtime else None) or (1, 0)
    return device >= (_version(_document()["version"]) or ())


def show(
    handler_input: HandlerInput, screen: Screen, parts: Sequence[str], question: str | None
) -> list[RenderDocumentDirective | ExecuteCommandsDirective]:
    """The directives that show a turn saying ``parts`` then ``question`` (None when the turn ends the session);
    none for a device without a screen. An open turn is spoken from the screen at the listener's rate; a last one
    keeps its own speech, since the session, and with it the document's commands, may close before it is said."""
    if not has_screen(handler_input):
        return []
    content = content_of(handler_input)
    prompts = content.prompts
    rate = profile_of(handler_input).rate
    said = [part for part in parts if part]

    def spoken(*texts: str) -> str:
        return at_rate(to_ssml(content, *texts), rate) if question is not None and texts else ""

    # What to say back: a number for a choice; "more" when more is offered; otherwise the question says it.
    hint = prompts["screen_hint_choices"] if screen.choices else ""
    if question == prompts["offer_more"]:
        hint = prompts["screen_hint_more"]
    turn = Turn(
        said=" ".join(said),
        question=question or "",
        hint=hint,
        said_ssml=spoken(*said),
        question_ssml=spoken(question) if question else "",
    )
    return _directives(screen, turn)


def _directives(screen: Screen, turn: Turn) -> list[RenderDocumentDirective | ExecuteCommandsDirective]:
    """The document for ``turn``; with SSML, the commands that speak it from the screen too."""
    properties: dict[str, Any] = {
        "title": screen.title,
        "position": screen.position,
        "sources": screen.sources,
        "choices": list(screen.choices),
        "said": turn.said,
        "question": turn.question,
        "hint": turn.hint,
    }
    spoken = [
        (name, mode, ssml)
        for (name, mode), ssml in zip(_SPOKEN, (turn.said_ssml, turn.question_ssml), strict=True)
        if ssml
    ]
    transformers = []
    for name, _, ssml in spoken:
        properties[f"{name}Ssml"] = f"<speak>{ssml}</speak>"
        transformers.append({"inputPath": f"{name}Ssml", "outputName": f"{name}Speech", "transformer": "ssmlToSpeech"})
    page = {"type": "object", "properties": properties, "transformers": transformers}
    render = RenderDocumentDirective(token=TOKEN, document=_document(), datasources={"page": page})
    if not spoken:
        return [render]
    # ExecuteCommands runs its commands one after the other: what is said, then the question.
    commands = [
        SpeakItemCommand(component_id=name, highlight_mode=mode, align=Align.center) for name, mode, _ in spoken
    ]
    return [render, ExecuteCommandsDirective(token=TOKEN, commands=commands)]


class SpeakFromScreen(AbstractResponseInterceptor):
    """Drops the response's own speech when the screen speaks it, so it is not said twice. Runs after the
    interceptors that remember and pace that speech ("repeat" still has it); the reprompt stays."""

    def process(self, handler_input: HandlerInput, response: Response) -> None:
        if response is not None and any(isinstance(d, ExecuteCommandsDirective) for d in response.directives or ()):
            response.output_speech = None


def _version(text: str | None) -> tuple[int, ...] | None:
    """An APL version as numbers ("2024.2" -> (2024, 2)), so that "1.8" < "2022.1" < "2024.2"; None if not one."""
    try:
        return tuple(int(part) for part in (text or "").split("."))
    except ValueError:
        return None


@functools.cache
def _document() -> dict[str, Any]:
    return json.loads(DOCUMENT.read_text(encoding="utf-8"))
