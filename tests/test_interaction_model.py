"""The checked-in interaction model: current, valid for Alexa, varied, and unambiguous."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest
from ask_sdk_core.serialize import DefaultSerializer

from skill import interaction_model
from skill.content import load_content
from skill.nlu import LocalNlu, normalise

LOCALES = interaction_model.locales()
CONTENT = load_content()
BUILT_INS = {
    "AMAZON.HelpIntent",
    "AMAZON.StopIntent",
    "AMAZON.CancelIntent",
    "AMAZON.FallbackIntent",
    "AMAZON.NavigateHomeIntent",
    "AMAZON.YesIntent",
    "AMAZON.NoIntent",
    "AMAZON.RepeatIntent",
    "AMAZON.NextIntent",
    "AMAZON.StartOverIntent",
}


def checked_in(locale):
    return json.loads(interaction_model.model_path(locale).read_text(encoding="utf-8"))


def intents(locale):
    return checked_in(locale)["interactionModel"]["languageModel"]["intents"]


def test_checked_in_models_are_current():
    assert "en-US" in LOCALES
    assert interaction_model.stale_files() == [], "run: python -m skill.interaction_model"


@pytest.mark.parametrize("locale", LOCALES)
def test_model_loads_into_the_smapi_types_and_round_trips(locale):
    serializer = DefaultSerializer()
    model = checked_in(locale)
    data = serializer.deserialize(
        json.dumps(model), "ask_smapi_model.v1.skill.interaction_model.interaction_model_data.InteractionModelData"
    )
    # A key the schema does not know would be dropped on the way back.
    assert serializer.serialize(data) == model
    language_model = data.interaction_model.language_model
    assert language_model.invocation_name == "m. m. n. guide"
    assert {i.name for i in language_model.intents} >= BUILT_INS
    topic_type = next(t for t in language_model.types if t.name == "TOPIC")
    assert {v.id for v in topic_type.values} == {t.id for t in CONTENT.topics}


@pytest.mark.parametrize("locale", LOCALES)
def test_invocation_name_follows_alexa_rules(locale):
    name = checked_in(locale)["interactionModel"]["languageModel"]["invocationName"]
    assert name == name.lower() and len(name.split()) >= 2
    assert all(word.endswith(".") and len(word) == 2 or word.isalpha() for word in name.split())


@pytest.mark.parametrize("locale", LOCALES)
def test_custom_intents_have_many_samples_and_every_slot_is_declared(locale):
    for intent in intents(locale):
        if intent["name"].startswith("AMAZON."):
            continue
        # The catch-all carries its phrasings as slot values, not samples.
        assert len(intent["samples"]) >= 30 or intent["name"] == "QuestionIntent", intent["name"]
        declared = {s["name"] for s in intent.get("slots", [])}
        for sample in intent["samples"]:
            assert sample == sample.lower(), sample
            assert set(interaction_model._SLOT.findall(sample)) <= declared, sample


@pytest.mark.parametrize("locale", LOCALES)
def test_no_sample_utterance_is_listed_under_two_intents(locale):
    owners = defaultdict(set)
    for intent in intents(locale):
        for sample in intent["samples"]:
            owners[normalise(sample)].add(intent["name"])
    assert {s: o for s, o in owners.items() if len(o) > 1} == {}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_sample_filled_with_every_topic_means_only_its_own_intent(locale):
    nlu = LocalNlu(checked_in(locale))
    wrong = []
    for intent in intents(locale):
        for sample in intent["samples"]:
            fillings = (
                [sample.replace("{topic}", t.synonyms[0]) for t in CONTENT.topics] if "{topic}" in sample else [sample]
            )
            for utterance in fillings:
                understood = nlu.understand(utterance)
                # A longer sample that leaves a slot unresolved is fine: the skill ranks that slot's words.
                unresolved = any(not slot.resolved for slot in understood.slots.values())
                if understood.intent != intent["name"] and not unresolved:
                    wrong.append((utterance, intent["name"], understood.intent))
    assert wrong == []


def test_every_intent_the_content_answers_is_in_the_model():
    names = {i["name"] for i in intents("en-US")}
    assert {f.intent for f in CONTENT.facets} <= names
    assert {t.intent for t in CONTENT.topics if t.intent} <= names


def test_check_command_reports_a_stale_model(tmp_path, monkeypatch):
    monkeypatch.setattr(interaction_model, "MODEL_DIR", tmp_path / "interactionModels" / "custom")
    monkeypatch.setattr(interaction_model, "MANIFEST_PATH", tmp_path / "skill.json")
    assert interaction_model.main(["--check"]) == 1
    assert interaction_model.main([]) == 0
    assert interaction_model.main(["--check"]) == 0
