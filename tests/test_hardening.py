"""Hostile or broken envelopes on the Lambda path: refused or answered plainly, never an exception."""

from __future__ import annotations

import copy
import json
import xml.etree.ElementTree as ET

import pytest
from conftest import FIXTURE_SKILL_ID, fixture, speech_of

from skill.app import build_skill
from skill.gateway import handle_event

OTHER_SKILL = "amzn1.ask.skill.99999999-8888-7777-6666-555555555555"


@pytest.fixture(scope="module")
def guarded():
    return build_skill(skill_id=FIXTURE_SKILL_ID)


def refused(response: dict, content) -> bool:
    return response["response"].get("outputSpeech", {}).get("text") == content.prompts["request_error"]


def nested(depth: int) -> dict:
    value: dict = {}
    for _ in range(depth):
        value = {"a": value}
    return value


def question(text: str) -> dict:
    envelope = fixture("question_free_text")
    slot = envelope["request"]["intent"]["slots"]["question"]
    slot["value"] = slot["slotValue"]["value"] = text
    return envelope


def test_another_skills_request_is_refused_even_with_a_planted_dict_key(guarded, content):
    envelope = fixture("launch_request")
    envelope["context"]["System"]["application"] = {
        "applicationId": OTHER_SKILL,
        "__dict__": {"application_id": FIXTURE_SKILL_ID},
    }
    envelope["session"]["application"] = {"applicationId": FIXTURE_SKILL_ID}
    assert refused(handle_event(guarded, envelope), content)


def test_a_session_for_another_skill_is_refused(guarded, content):
    envelope = fixture("launch_request")
    envelope["session"]["application"] = {"applicationId": OTHER_SKILL}
    assert refused(handle_event(guarded, envelope), content)


def test_a_context_without_an_application_is_refused_when_the_skill_id_is_set(guarded, content):
    envelope = fixture("launch_request")
    del envelope["context"]["System"]["application"]
    assert refused(handle_event(guarded, envelope), content)


@pytest.mark.parametrize("locale", ["..", "/etc", "../../../etc/passwd", "x" * 300, "en-ZZ", 42])
def test_a_locale_the_skill_does_not_ship_is_answered_in_the_default(skill, content, locale):
    envelope = fixture("launch_request")
    envelope["request"]["locale"] = locale
    assert speech_of(handle_event(skill, envelope)).startswith(content.prompts["welcome"])


@pytest.mark.parametrize(
    "damage",
    [
        lambda e: e["session"].__setitem__("attributes", nested(500)),
        lambda e: e["request"].__setitem__("deep", nested(990)),
        lambda e: e["request"].__setitem__("huge", "x" * 100_000),
        lambda e: e["request"].__setitem__("many", list(range(50_000))),
    ],
    ids=["deep-attributes", "deep-field", "huge-string", "many-items"],
)
def test_a_too_deep_or_too_large_envelope_is_refused_without_an_exception(skill, content, damage):
    envelope = fixture("launch_request")
    damage(envelope)
    assert refused(handle_event(skill, envelope), content)


@pytest.mark.parametrize("event", [None, [], "text", 42, {}, {"request": None}, {"request": {}, "context": {}}])
def test_what_is_not_an_envelope_gets_an_error_response(skill, content, event):
    assert refused(handle_event(skill, event), content)


@pytest.mark.parametrize(
    "text", ["chest\x00pain\x1b", "tight \ud800 chest", "bad\ufffe", "é" * 10_000, "<audio src='x'/> & <speak>"]
)
def test_any_slot_text_gives_speech_that_parses_and_fits(skill, text):
    response = handle_event(skill, question(text))
    ssml = response["response"]["outputSpeech"]["ssml"]
    ET.fromstring(ssml)
    assert len(ssml) <= 8000 and "<audio" not in ssml
    assert len(json.dumps(response).encode("utf-8")) <= 24 * 1024


def test_repeat_never_speaks_markup_planted_in_the_session(skill):
    envelope = fixture("repeat")
    envelope["session"]["attributes"] = {
        "dialog": {"last": {"speech": '<audio src="https://evil.example/x.mp3"/>Hello', "reprompt": "Yes?"}}
    }
    ssml = handle_event(skill, envelope)["response"]["outputSpeech"]["ssml"]
    assert "<audio" not in ssml and "Hello" in ssml


@pytest.mark.parametrize(
    "kind",
    [
        "AudioPlayer.PlaybackStarted",
        "PlaybackController.NextCommandIssued",
        "System.ExceptionEncountered",
        "Messaging.MessageReceived",
        "AlexaHouseholdListEvent.ItemsCreated",
        "AlexaSkillEvent.SkillAccountLinked",
        "SessionEndedRequest",
    ],
)
def test_requests_that_allow_no_speech_get_an_empty_response(skill, kind):
    envelope = fixture("launch_request")
    envelope["request"] = {**envelope["request"], "type": kind}
    response = handle_event(skill, envelope)["response"]
    assert "outputSpeech" not in response and "reprompt" not in response


@pytest.mark.parametrize(
    "dialog",
    [
        {"page": -1_000_000, "place": {"topic": "ivig", "facet": "overview"}},
        {"offer": {"place": {"topic": "ivig", "facet": "side_effects"}, "page": 10**9}},
        {"topic": ["not", "a", "name"]},
        {"place": {"topic": "ivig", "facet": "overview", "evil": "x"}},
        {"choices": "ivig_dose"},
    ],
)
def test_session_state_that_does_not_fit_starts_afresh(skill, dialog):
    for name in ("previous", "yes", "repeat", "evidence"):
        envelope = fixture(name)
        envelope["session"]["attributes"] = {"dialog": copy.deepcopy(dialog)}
        response = handle_event(skill, envelope)
        assert response["response"]["outputSpeech"]["ssml"]
