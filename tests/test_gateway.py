"""Bad input into the entry path: each gets a clear response, never an exception."""

from __future__ import annotations

import pytest
from conftest import FIXTURE_SKILL_ID, fixture

from skill.app import build_skill
from skill.gateway import handle_event


@pytest.mark.parametrize(
    "event",
    [
        {},
        None,
        "not json",
        [],
        {"version": "1.0"},
        {"version": "1.0", "request": "junk"},
        {"version": "1.0", "request": {"type": "IntentRequest", "intent": {"name": "X", "slots": "bad"}}},
        {"version": "1.0", "request": {"type": "LaunchRequest", "requestId": "r", "locale": "en-US"}},
    ],
    ids=["empty", "none", "string", "list", "no-request", "request-not-object", "bad-slots", "no-context"],
)
def test_malformed_envelopes_get_an_error_response(skill, content, event):
    response = handle_event(skill, event)
    assert response["response"]["outputSpeech"]["text"] == content.prompts["request_error"]
    assert response["response"]["shouldEndSession"] is True


def test_unknown_request_type_gets_an_error_response(skill, content):
    response = handle_event(skill, fixture("unknown_request_type"))
    assert response["response"]["outputSpeech"]["text"] == content.prompts["request_error"]


def test_skill_id_is_verified_when_configured(content):
    guarded = build_skill(skill_id=FIXTURE_SKILL_ID)
    assert "ssml" in handle_event(guarded, fixture("launch_request"))["response"]["outputSpeech"]
    other = build_skill(skill_id="amzn1.ask.skill.00000000-1111-2222-3333-444444444444")
    response = handle_event(other, fixture("launch_request"))
    assert response["response"]["outputSpeech"]["text"] == content.prompts["request_error"]
