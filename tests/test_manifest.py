"""The skill manifest: valid for SMAPI, disclaimed, private, subscribed to the events the skill handles."""

from __future__ import annotations

import importlib.util
import json
import struct
from pathlib import Path

import pytest
from apl import DEVICES
from ask_sdk_core.serialize import DefaultSerializer
from conftest import fixture

from build_tools import interaction_model, publisher, skill_package
from build_tools.interaction_model import MANIFEST_PATH, PACKAGE_DIR, build_manifest, locales, model_path
from local_console.console import Console
from local_console.nlu import FALLBACK_INTENT, LocalNlu
from skill.app import build_skill
from skill.gateway import handle_event
from skill.handlers.events import SKILL_EVENTS

MANIFEST = json.loads(MANIFEST_PATH.read_text(encoding="utf-8"))["manifest"]
PUBLISHING = MANIFEST["publishingInformation"]
DOCS = Path(__file__).resolve().parent.parent / "docs"
_spec = importlib.util.spec_from_file_location("make_icons", DOCS.parent / "scripts" / "make_icons.py")
make_icons = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_icons)
ARN = "arn:aws:lambda:eu-west-1:111122223333:function:mmn-guide-SkillFunction-abc:live"


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
    answers = {k: v for k, v in MANIFEST["privacyAndCompliance"].items() if k != "locales"}
    assert answers == {
        "allowsPurchases": False,
        "usesPersonalInfo": False,
        "isChildDirected": False,
        "isExportCompliant": True,
        "containsAds": False,
        "usesHealthInfo": False,
    }


@pytest.fixture
def recorded(tmp_path, monkeypatch):
    """Records ``ARN`` as the endpoint, in a file of the test's own."""
    monkeypatch.setattr(interaction_model, "ENDPOINT_PATH", tmp_path / "endpoint.toml")
    interaction_model.record_endpoint(ARN)
    return build_manifest()["manifest"]


def test_events_subscribed_are_the_events_the_skill_handles(skill, recorded):
    subscribed = {s["eventName"] for s in recorded["events"]["subscriptions"]}
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


def test_the_checked_in_manifest_has_the_recorded_endpoint_or_none():
    """Before the first deploy no endpoint is recorded, and SMAPI creates the skill without one."""
    endpoint = interaction_model.recorded_endpoint()
    if endpoint is None:
        assert "endpoint" not in MANIFEST["apis"]["custom"] and "events" not in MANIFEST
    else:
        assert MANIFEST["apis"]["custom"]["endpoint"]["uri"] == endpoint == MANIFEST["events"]["endpoint"]["uri"]


def test_screens_are_declared_for_the_hubs_the_document_is_laid_out_for():
    """Without ALEXA_PRESENTATION_APL, Alexa never says a device has a screen. Every hub the document has a
    layout for (tests/apl.py's devices, sizes in dp) is inside a declared viewport."""
    (apl,) = MANIFEST["apis"]["custom"]["interfaces"]
    assert apl["type"] == "ALEXA_PRESENTATION_APL"
    for device, (shape, width, height) in DEVICES.items():
        assert any(
            v["mode"] == "HUB"
            and v["shape"] == shape.upper()
            and v["minWidth"] <= width <= v["maxWidth"]
            and v["minHeight"] <= height <= v["maxHeight"]
            for v in apl["supportedViewports"]
        ), device


def test_a_recorded_endpoint_goes_to_the_custom_api_and_the_events(recorded, tmp_path, monkeypatch):
    assert recorded["apis"]["custom"]["endpoint"] == {"uri": ARN} == recorded["events"]["endpoint"]
    monkeypatch.setattr(interaction_model, "MODEL_DIR", tmp_path / "interactionModels" / "custom")
    monkeypatch.setattr(interaction_model, "MANIFEST_PATH", tmp_path / "skill.json")
    assert interaction_model.main(["--set-endpoint", ARN.replace(":live", ":v2")]) == 0
    written = json.loads((tmp_path / "skill.json").read_text())["manifest"]
    assert written["apis"]["custom"]["endpoint"]["uri"].endswith(":v2")


@pytest.mark.parametrize(
    "arn",
    [
        "arn:aws:lambda:eu-central-1:111122223333:function:mmn-guide-SkillFunction-abc:live",  # no Alexa trigger there
        "arn:aws:lambda:eu-west-1:1111:function:f",
        'arn:aws:lambda:eu-west-1:111122223333:function:f"\nendpoint = "x',
    ],
)
def test_only_a_lambda_arn_in_an_alexa_region_is_recorded(arn, tmp_path, monkeypatch):
    monkeypatch.setattr(interaction_model, "ENDPOINT_PATH", tmp_path / "endpoint.toml")
    with pytest.raises(ValueError):
        interaction_model.record_endpoint(arn)
    assert not (tmp_path / "endpoint.toml").exists()


def test_every_locale_has_icons_shipped_in_the_package_and_the_publishers_legal_pages():
    links = publisher.links(publisher.load())
    for locale in locales():
        store = PUBLISHING["locales"][locale]
        legal = MANIFEST["privacyAndCompliance"]["locales"][locale]
        assert [store["smallIconUri"], store["largeIconUri"]] == [f"file://{icon}" for icon in skill_package.ICONS]
        assert legal == {"privacyPolicyUrl": links["privacy_policy"], "termsOfUseUrl": links["terms_of_use"]}
    assert links["privacy_policy"].endswith("/privacy") and (DOCS / "privacy.md").exists()
    assert links["terms_of_use"].endswith("/terms") and (DOCS / "terms.md").exists()


@pytest.mark.parametrize("name, size", [("small.png", 108), ("large.png", 512)])
def test_icons_are_pngs_of_the_sizes_the_store_asks_for(name, size):
    data = (PACKAGE_DIR / "assets" / "images" / name).read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR"
    assert struct.unpack(">II", data[16:24]) == (size, size)
    assert data == make_icons.png(size), "run: python scripts/make_icons.py"


def test_the_icon_is_letters_not_a_ring():
    """Alexa's logo is a ring: the icon's centre row crosses the letters' strokes many times, and its centre
    column, between the letters, is background from top to bottom where a ring would cross it twice."""
    size = 108
    across = [make_icons.pixel((i + 0.5) / size, 0.5) for i in range(size)]
    strokes = sum(1 for a, b in zip(across, across[1:], strict=False) if a != b and b == make_icons.WHITE)
    assert strokes >= 6
    centre_column = [make_icons.pixel(0.5, (j + 0.5) / size) for j in range(size)]
    assert make_icons.WHITE in centre_column and centre_column[: size // 4] == [make_icons.TEAL] * (size // 4)


def test_the_privacy_policy_says_what_is_kept_and_how_to_delete_it():
    policy = (DOCS / "privacy.md").read_text(encoding="utf-8")
    for said in ("speech rate", "disclaimer", "last used", "Only if you say yes", '"forget me"', "expires", "never"):
        assert said in policy, said
    assert "not a substitute for professional medical advice" in (DOCS / "terms.md").read_text(encoding="utf-8")
    assert "up to 35 days" in policy, "point-in-time recovery keeps a deleted record in backups that long"
