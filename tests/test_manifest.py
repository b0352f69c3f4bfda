"""The skill manifest: valid for SMAPI, disclaimed, private, subscribed to the events the skill handles."""

from __future__ import annotations

import json

import pytest
from ask_sdk_core.serialize import DefaultSerializer
from conftest import fixture

from skill import interaction_model
from skill.app import build_skill
from skill.console import Console
from skill.gateway import handle_event
from skill.handlers.events import SKILL_EVENTS
from skill.interaction_model import MANIFEST_PATH, build_manifest, locales, model_path
from skill.nlu import FALLBACK_INTENT, LocalNlu

MANIFEST = json.loads(MANIFEST_PATH.read_text(encoding="utf-8"))["manifest"]
PUBLISHING = MANIFEST["publishingInformation"]


def test_manifest_loads_into_the_smapi_types_and_round_trips():
    serializer = DefaultSerializer()
    envelope = {"manifest": MANIFEST}
    parsed = serializer.deserialize(
        json.dumps(envelope), "ask_smapi_model.v1.skill.manifest.skill_manifest_envelope.SkillManifestEnvelope"
    )
    assert serializer.serialize(parsed) == envelope


def test_every_locale_is_published_with_the_health_disclaimer():
    assert set(PUBLISHING["locales"]) == set(locales())
    assert PUBLISHING["distributionCountries"] == ["AU", "CA", "GB", "IN", "US"]
    for text in PUBLISHING["locales"].values():
        assert "not a substitute for professional medical advice" in text["description"]
        assert len(text["summary"]) <= 160
        assert len(text["examplePhrases"]) == 3


def test_privacy_and_compliance():
    assert MANIFEST["privacyAndCompliance"] == {
        "allowsPurchases": False,
        "usesPersonalInfo": False,
        "isChildDirected": False,
        "isExportCompliant": True,
        "containsAds": False,
        "usesHealthInfo": False,
    }


def test_events_subscribed_are_the_events_the_skill_handles(skill):
    subscribed = {s["eventName"] for s in MANIFEST["events"]["subscriptions"]}
    assert subscribed == set(SKILL_EVENTS)
    for kind in SKILL_EVENTS.values():
        envelope = fixture("skill_event")
        envelope["request"]["type"] = kind
        response = handle_event(skill, envelope)
        assert "outputSpeech" not in response["response"]


@pytest.mark.parametrize("locale", locales())
def test_example_phrases_resolve_with_the_local_model(locale):
    console = Console(build_skill(), LocalNlu.from_file(model_path(locale)), locale)
    phrases = PUBLISHING["locales"][locale]["examplePhrases"]
    invocation = json.loads(model_path(locale).read_text())["interactionModel"]["languageModel"]["invocationName"]
    assert all(phrase.startswith("Alexa, ") and invocation in phrase for phrase in phrases)
    assert console.request_for(phrases[0])["type"] == "LaunchRequest"
    for phrase in phrases[1:]:
        request = console.request_for(phrase)
        assert request["type"] == "IntentRequest" and request["intent"]["name"] != FALLBACK_INTENT, phrase
        for slot in request["intent"]["slots"].values():
            assert slot["resolutions"]["resolutionsPerAuthority"][0]["status"]["code"] == "ER_SUCCESS_MATCH", phrase


def test_endpoint_is_the_lambda_alias_and_can_be_set_for_a_deploy(tmp_path):
    assert MANIFEST["apis"]["custom"]["endpoint"]["uri"].endswith(":live")
    arn = "arn:aws:lambda:eu-west-1:111122223333:function:mmn-guide-SkillFunction-abc:live"
    out = tmp_path / "skill.json"
    assert interaction_model.main(["--endpoint", arn, "--manifest-out", str(out)]) == 0
    written = json.loads(out.read_text())["manifest"]
    assert written["apis"]["custom"]["endpoint"]["uri"] == arn == written["events"]["endpoint"]["uri"]
    assert build_manifest()["manifest"]["apis"] == MANIFEST["apis"]
