"""Every English locale: the core conversation, its emergency number, its spelling, and its model."""

from __future__ import annotations

import pytest
from conftest import Conversation, speech_of
from spoken import CALL_NOW
from spoken import EMERGENCY as EMERGENCY_NUMBERS

from build_tools.interaction_model import locales, model_path
from local_console.console import Console, render_response
from local_console.nlu import LocalNlu
from skill.app import build_skill
from skill.breath import chunks, lead
from skill.content import load_content, resolve_locale, supported_locales
from skill.content.loader import Localise


def test_the_five_english_locales_are_supported_and_have_models():
    assert set(supported_locales("en")) == set(EMERGENCY_NUMBERS)
    assert set(locales()) == set(EMERGENCY_NUMBERS)
    for locale in EMERGENCY_NUMBERS:
        assert model_path(locale).exists()


@pytest.mark.parametrize("locale", sorted(EMERGENCY_NUMBERS))
def test_core_conversation_in_every_locale(locale):
    content = load_content(locale)
    conversation = Conversation(build_skill(), locale)
    assert speech_of(conversation.send("launch_request")).startswith(content.prompts["welcome"])
    overview = conversation.send("topic_ivig")
    assert speech_of(overview).startswith(lead(content.topic("ivig").pages("overview")[0].text))
    side_effects = conversation.send("side_effects_no_topic")
    first_page = content.topic("ivig").pages("side_effects")[0].text
    assert speech_of(side_effects).startswith(lead(first_page))
    assert speech_of(conversation.send("yes")).startswith(chunks(first_page)[1])
    assert speech_of(conversation.send("repeat")) == speech_of(conversation.responses[-2])
    emergency = conversation.send("emergency")
    assert speech_of(emergency).startswith(CALL_NOW[locale])
    assert conversation.send("stop")["response"]["shouldEndSession"] is True


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", '<say-as interpret-as="digits">911</say-as>'),
        ("en-GB", '<say-as interpret-as="digits">999</say-as>'),
        ("en-IN", '<say-as interpret-as="digits">112</say-as>'),
        ("en-AU", '<sub alias="triple zero">000</sub>'),
    ],
)
def test_emergency_number_is_said_the_local_way(locale, said):
    """Digit by digit ("nine one one"), or as Australians say it ("triple zero")."""
    conversation = Conversation(build_skill(), locale)
    assert said in conversation.send("emergency")["response"]["outputSpeech"]["ssml"]


def test_cards_use_local_spelling():
    assert "randomized" in load_content("en-US").evidence["rct"]
    assert "randomised" in load_content("en-GB").evidence["rct"]
    assert "randomised" in load_content("en-IN").evidence["rct"]
    assert "randomized" in load_content("en-CA").evidence["rct"]
    ivig_risks = " ".join(p.text for p in load_content("en-GB").topic("ivig").pages("side_effects"))
    assert "haemolysis" in ivig_risks and "hemolysis" not in ivig_risks
    assert "hemolysis" in " ".join(p.text for p in load_content("en-US").topic("ivig").pages("side_effects"))
    for locale in EMERGENCY_NUMBERS:
        texts = [p.text for t in load_content(locale).topics for pages in t.facets.values() for p in pages]
        texts += [p.text for q in load_content(locale).questions for p in q.pages]
        assert not any("{emergency_number}" in text or "{funding}" in text for text in texts)


def test_respelling_changes_whole_lowercase_words_and_leaves_names_alone():
    localise = Localise({"emergency_number": "999"}, {}, {"hemolysis": "haemolysis", "organization": "organisation"})
    assert localise("hemolysis, call {emergency_number}.") == "haemolysis, call 999."
    assert localise("hemolysises") == "hemolysises"
    assert localise("the National Organization for Rare Disorders, an organization") == (
        "the National Organization for Rare Disorders, an organisation"
    )


@pytest.mark.parametrize("asked, served", [("en-NZ", "en-US"), ("de-DE", "en-US"), (None, "en-US"), ("en-GB", "en-GB")])
def test_unknown_locales_fall_back(asked, served):
    assert resolve_locale(asked) == served


@pytest.mark.parametrize("locale", sorted(EMERGENCY_NUMBERS))
def test_console_in_every_locale(locale):
    console = Console(build_skill(), LocalNlu.from_file(model_path(locale)), locale)
    reply = render_response(console.say("what are the side effects of steroids"))
    assert load_content(locale).topic("corticosteroids").pages("side_effects")[0].text in reply


@pytest.mark.parametrize(
    "locale, said, intent",
    [
        ("en-AU", "call triple zero", "EmergencyIntent"),
        ("en-AU", "get me an ambo", "EmergencyIntent"),
        ("en-AU", "my g. p. mentioned IVIG", "TopicIntent"),  # "GP" typed is no sample's "g. p." to virtual-alexa
        ("en-GB", "ring nine nine nine", "EmergencyIntent"),
        ("en-GB", "take me to A and E", "EmergencyIntent"),
        ("en-GB", "my consultant mentioned azathioprine", "TopicIntent"),
        ("en-GB", "my GP prescribed steroids", "QuestionIntent"),
        ("en-IN", "call one one two", "EmergencyIntent"),
        ("en-IN", "call one zero eight", "EmergencyIntent"),
        ("en-CA", "take me to emerg", "EmergencyIntent"),
        ("en-CA", "my family doctor mentioned IVIG", "TopicIntent"),
    ],
)
def test_each_locale_understands_its_own_phrasings(locale, said, intent):
    console = Console(build_skill(), LocalNlu.from_file(model_path(locale)), locale)
    request = console.request_for(said)
    assert request["intent"]["name"] == intent
    for slot in request["intent"]["slots"].values():
        assert slot["resolutions"]["resolutionsPerAuthority"][0]["status"]["code"] == "ER_SUCCESS_MATCH"
    if intent == "EmergencyIntent":
        assert speech_of(console.say(said)).startswith(CALL_NOW[locale])


def test_a_locales_phrasings_are_its_own():
    """ "Triple zero" is Australian: the US model has no sample for it."""
    console = Console(build_skill(), LocalNlu.from_file(model_path("en-US")), "en-US")
    assert console.request_for("call triple zero")["intent"]["name"] != "EmergencyIntent"
