"""What a screen shows, on devices that have one: the reply's page in large, high-contrast text (APL).

Only devices that declare ``Alexa.Presentation.APL`` get the document; every
other device hears the same reply and gets the card. Nothing is on the screen
that is not also said, so voice alone is always enough.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_supported_interfaces
from ask_sdk_model.interfaces.alexa.presentation.apl import RenderDocumentDirective

DOCUMENT = Path(__file__).with_name("screen_document.json")
TOKEN = "mmn-guide-page"


@dataclass(frozen=True)
class Screen:
    title: str
    text: str
    position: str = ""  # "Page 2 of 4", for a page of a longer answer
    sources: str = ""  # the sources' names, for a page of content


def has_screen(handler_input: HandlerInput) -> bool:
    return get_supported_interfaces(handler_input).alexa_presentation_apl is not None


def render_directive(screen: Screen) -> RenderDocumentDirective:
    page: dict[str, Any] = {
        "title": screen.title,
        "text": screen.text,
        "position": screen.position,
        "sources": screen.sources,
    }
    return RenderDocumentDirective(token=TOKEN, document=_document(), datasources={"page": page})


@functools.cache
def _document() -> dict[str, Any]:
    return json.loads(DOCUMENT.read_text(encoding="utf-8"))
