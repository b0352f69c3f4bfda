"""What a screen shows, on devices that have one: the turn in large, high-contrast text (APL), in step with the speech.

Only devices whose APL runtime can render the document (``maxVersion`` at least
the document's version) get it; every other device hears the same reply and gets
the card. The speech stays in the response's own ``outputSpeech`` and reprompt,
the same on every device: that is what Alexa's simulators and tests read, what
the one-breath rule is measured on, and it keeps the microphone timing Alexa
gives any spoken turn. The screen follows the speech: what is said is shown
sentence by sentence, and the document's ``onMount`` commands (``ScrollToIndex``
and a ``SetValue`` that lights the sentence) bring each sentence into view,
highlighted, as it is said, so nothing needs a swipe. The timing is an
estimate from the words before each sentence and the listener's rate
(``pace.seconds_to_say``, with the pauses ``pace`` adds): the device does not
report where the speech is. The closing question stays in view, choices are numbered lines ("the
first"), and a hint says what to say. Beyond those aids to answering, the
screen shows only what is said, so voice alone is always enough.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_supported_interfaces
from ask_sdk_model.interfaces.alexa.presentation.apl import RenderDocumentDirective

from .pace import pause_ms, seconds_to_say, sentences
from .serialization import prebuilt
from .turn import content_of, profile_of

DOCUMENT = Path(__file__).with_name("screen_document.json")
TOKEN = "mmn-guide-page"
SAID = "said"  # the document's Sequence of what is said, one sentence an item
LIT = "lit"  # its bound value: the index of the sentence being said, lit in the document


@dataclass(frozen=True)
class Screen:
    title: str
    position: str = ""  # "Page 2 of 4", for a page of a longer answer
    sources: str = ""  # the sources' names, for a page of content
    choices: tuple[str, ...] = ()  # the questions offered in "Do you mean ... or ...?", in the order said


def shown_on_screen(directives: Sequence[Any]) -> Screen | None:
    """What a response's document shows besides what is said, or None when it sends no document."""
    for directive in directives:
        if isinstance(directive, RenderDocumentDirective) and directive.token == TOKEN:
            shown = directive.datasources["page"]["properties"]
            return Screen(shown["title"], shown["position"], shown["sources"], tuple(shown["choices"]))
    return None


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
) -> list[RenderDocumentDirective]:
    """The document that shows a turn saying ``parts`` then ``question`` (None when the turn ends the session),
    in step with the speech at the listener's rate; none for a device without a screen."""
    if not has_screen(handler_input):
        return []
    prompts = content_of(handler_input).prompts
    # What to say back: a number for a choice; "more" when more is offered; otherwise the question says it.
    hint = prompts["screen_hint_choices"] if screen.choices else ""
    if question and question.startswith(prompts["offer_more"].split("{")[0]):  # "Want to hear more about ...?"
        hint = prompts["screen_hint_more"]
    said = [sentences(part) for part in parts if part]
    properties = {
        "title": screen.title,
        "position": screen.position,
        "sources": screen.sources,
        "choices": list(screen.choices),
        "said": [sentence for part in said for sentence in part],
        "question": question or "",
        "hint": hint,
    }
    document = {**_document(), "onMount": _in_step(said, profile_of(handler_input).rate)}
    page = prebuilt({"type": "object", "properties": properties})
    return [RenderDocumentDirective(token=TOKEN, document=document, datasources={"page": page})]


def _starts(said: Sequence[Sequence[str]], rate: int) -> list[float]:
    """When each sentence of ``said`` (the parts' sentences) starts, in seconds after the speech does."""
    times, at = [], 0.0
    for part in said:
        for index, sentence in enumerate(part):
            times.append(at)
            at += seconds_to_say(sentence, rate) + pause_ms(rate, between_parts=index == len(part) - 1) / 1000
    return times


def _in_step(said: Sequence[Sequence[str]], rate: int) -> list[dict[str, Any]]:
    """Commands that bring each sentence into view and light it as it starts. Each runs at its own delay from
    the start, in parallel, so the time a scroll takes never adds up over a long page. Written as the JSON the
    SDK's command models serialize to, key for key, without making the models on every turn."""
    steps = [
        {
            "type": "Sequential",
            "delay": round(start * 1000),
            "commands": [
                {"type": "ScrollToIndex", "align": "first", "componentId": SAID, "index": index},
                {"type": "SetValue", "componentId": SAID, "property": LIT, "value": index},
            ],
        }
        for index, start in enumerate(_starts(said, rate))
    ]
    return prebuilt([{"type": "Parallel", "commands": steps}])


def _version(text: str | None) -> tuple[int, ...] | None:
    """An APL version as numbers ("2024.2" -> (2024, 2)), so that "1.8" < "2022.1" < "2024.2"; None if not one."""
    try:
        return tuple(int(part) for part in (text or "").split("."))
    except ValueError:
        return None


@functools.cache
def _document() -> dict[str, Any]:
    """The document, read once and shared by every response: the serializer puts its parts in as they are."""
    return {key: prebuilt(value) for key, value in json.loads(DOCUMENT.read_text(encoding="utf-8")).items()}
