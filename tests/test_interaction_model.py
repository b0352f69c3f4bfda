"""The checked-in interaction model: current, valid for Alexa, varied, and unambiguous."""

from __future__ import annotations

import json
import re
from collections import defaultdict

import pytest
from ask_sdk_core.serialize import DefaultSerializer

from build_tools import interaction_model
from build_tools.initialisms import capitals, dotted
from local_console.console import Console
from local_console.nlu import LocalNlu, normalise
from skill.app import build_skill
from skill.content import load_content
from skill.speech import to_plain

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
    assert interaction_model.stale_files() == [], "run: python -m build_tools.interaction_model"


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


def _texts(locale):
    """Every sample and every slot value and synonym of a locale's model."""
    language_model = checked_in(locale)["interactionModel"]["languageModel"]
    texts = [sample for intent in language_model["intents"] for sample in intent["samples"]]
    for slot_type in language_model["types"]:
        for value in slot_type["values"]:
            texts += [value["name"]["value"], *value["name"].get("synonyms", [])]
    return texts


@pytest.mark.parametrize("locale", LOCALES)
def test_initialisms_are_in_the_forms_alexa_recognises(locale):
    """Capitals ("IVIG") or spaced dotted letters ("i. v. i. g."), never "ivig" or "i v i g"."""
    initialisms = set(interaction_model.read_source("en")["initialisms"])
    lower_case = re.compile(r"(?<![\w.])(" + "|".join(sorted(initialisms, key=len, reverse=True)) + r")(?![\w.])")
    spaced = re.compile(r"(?<![\w.])(?:[a-z] )+[a-z](?![\w.])")
    wrong = [t for t in _texts(locale) if lower_case.search(t)]
    wrong += [t for t in _texts(locale) for run in spaced.findall(t) if run.replace(" ", "") in initialisms]
    assert wrong == []
    samples = [s for i in intents(locale) for s in i["samples"]]
    assert "is {topic} given through an i. v." in samples or any("i. v. i. g." in s for s in samples)
    topic_type = next(
        t for t in checked_in(locale)["interactionModel"]["languageModel"]["types"] if t["name"] == "TOPIC"
    )
    ivig = next(v for v in topic_type["values"] if v["id"] == "ivig")["name"]
    assert ivig["value"] == "IVIG" and "IV IG" in ivig["synonyms"]


def test_initialisms_are_rewritten_as_whole_words_and_runs_of_letters():
    known = ["ivig", "mmn", "iv", "ig", "gp"]
    assert capitals("is ivig safe for mmn's nerves", known) == "is IVIG safe for MMN's nerves"
    assert dotted("is ivig safe", known) == "is i. v. i. g. safe"
    assert capitals("i v ig and m m n a", known) == "IV IG and MMN a"
    assert dotted("my gp said i was ivy g", known) == "my g. p. said i was ivy g"
    assert dotted("open m. m. n. guide", known) == "open m. m. n. guide"
    assert capitals("can i a b", known) == "can i a b"


@pytest.mark.parametrize("locale", ["en-US", "en-IN"])
def test_the_console_still_reads_initialisms_as_people_type_them(locale):
    nlu = LocalNlu(checked_in(locale))
    for typed in ("what is ivig", "what is IVIG"):
        understood = nlu.understand(typed)
        assert understood.intent == "TopicIntent" and understood.slots["topic"].resolved[0] == "ivig", typed
    # Letters one by one are no listed value (as in virtual-alexa): the skill reads the words and answers the same.
    for typed in ("what is i. v. i. g.", "what is i v i g"):
        speech = Console(build_skill(), nlu, locale).say(typed)["response"]["outputSpeech"]["ssml"]
        assert "stands for intravenous immunoglobulin" in to_plain(speech), typed


@pytest.mark.parametrize("locale", LOCALES)
def test_the_menu_words_go_to_start_over_not_to_navigate_home(locale):
    """The device handles AMAZON.NavigateHomeIntent itself and never sends it to the skill."""
    assert next(i for i in intents(locale) if i["name"] == "AMAZON.NavigateHomeIntent")["samples"] == []
    nlu = LocalNlu(checked_in(locale))
    assert {nlu.understand(said).intent for said in ("main menu", "menu", "go to the menu")} == {
        "AMAZON.StartOverIntent"
    }
