"""Screens: devices that declare APL get the page in large text, with its title, place and sources; others get none."""

from __future__ import annotations

import json

from conftest import Conversation, fixture, speech_of

from skill.gateway import handle_event
from skill.screen import DOCUMENT, TOKEN

APL = "Alexa.Presentation.APL.RenderDocument"


def _without_screen(envelope: dict) -> dict:
    envelope["context"]["System"]["device"]["supportedInterfaces"] = {}
    envelope["context"].pop("Viewports", None)
    envelope["context"].pop("Viewport", None)
    return envelope


def _page(response: dict) -> dict:
    (directive,) = [d for d in response["response"].get("directives", []) if d["type"] == APL]
    assert directive["token"] == TOKEN
    return directive["datasources"]["page"]


def test_a_page_on_a_screen_shows_title_position_text_and_source_names(conversation, content):
    response = conversation.send("side_effects_cyclophosphamide")
    page = _page(response)
    topic = content.topic("cyclophosphamide")
    expected = topic.pages("side_effects")[0]
    assert page["title"] == response["response"]["card"]["title"]
    assert page["text"] == expected.text and page["text"] in speech_of(response)
    assert page["position"] == f"Page 1 of {len(topic.pages('side_effects'))}"
    assert page["sources"].split("; ") == [content.sources[s].named() for s in expected.sources]


def test_every_reply_on_a_screen_shows_what_was_said(conversation):
    for name in ("launch_request", "help", "emergency"):
        page = _page(conversation.send(name))
        assert page["text"] == speech_of(conversation.responses[-1])


def test_devices_without_apl_never_get_a_document(skill):
    for name in ("launch_request", "side_effects_cyclophosphamide", "help", "emergency", "stop"):
        response = handle_event(skill, _without_screen(fixture(name)))
        assert not response["response"].get("directives"), name
        assert response["response"]["outputSpeech"]


def test_the_document_is_large_high_contrast_text(content):
    document = json.loads(DOCUMENT.read_text())
    assert document["type"] == "APL" and document["mainTemplate"]["parameters"] == ["payload"]
    frame = document["mainTemplate"]["items"][0]
    assert frame["backgroundColor"] == "#000000"
    texts = json.dumps(frame)
    for field in ("title", "position", "text", "sources"):
        assert f"${{payload.page.{field}}}" in texts
    assert "'40dp'" in texts and "#FFFFFF" in texts


def test_a_conversation_on_a_show_keeps_the_screen_in_step(skill):
    conversation = Conversation(skill)
    conversation.send("side_effects_cyclophosphamide")
    first = _page(conversation.responses[-1])
    second = _page(conversation.send("next"))
    assert first["position"].startswith("Page 1") and second["position"].startswith("Page 2")
