"""Every handler, through full Alexa request envelopes."""

from __future__ import annotations

import re

import pytest
from conftest import FIXTURES, Conversation, fixture, reprompt_of, speech_of

from skill.breath import chunks, lead
from skill.gateway import handle_event
from skill.speech import to_plain


def send(skill, name):
    return handle_event(skill, fixture(name))


def page_text(content, topic, facet, index=0):
    """What is said first of a page: its lead."""
    return lead(content.topic(topic).pages(facet)[index].text)


def test_disclaimer_is_one_sentence_that_says_it_is_not_medical_advice(content):
    disclaimer = content.prompts["disclaimer"]
    assert len(re.findall(r"[.!?](?:\s|$)", disclaimer)) == 1
    assert "not medical advice" in disclaimer and "neurologist" in disclaimer and "911" in disclaimer


# How each fixture's response must leave the session, written out: open (with a reprompt), ended, or silent.
# Every safety answer stays open for one turn, so it can be heard again (tests/test_safety_replay.py).
ENDED = {"cancel", "stop", "unknown_request_type"}
SILENT = {"session_ended_error", "session_ended_user", "skill_event"}


def test_the_table_names_only_fixtures_that_exist():
    assert ENDED | SILENT <= {p.stem for p in FIXTURES.glob("*.json")}


@pytest.mark.parametrize("name", sorted(p.stem for p in FIXTURES.glob("*.json")))
def test_every_response_ends_or_stays_open_as_it_should(skill, name):
    body = handle_event(skill, fixture(name))["response"]
    if name in SILENT:
        assert "outputSpeech" not in body and "reprompt" not in body and body.get("shouldEndSession") is None
    elif name in ENDED:
        assert body["shouldEndSession"] is True and "reprompt" not in body
        speech = body["outputSpeech"]
        assert to_plain(speech.get("ssml") or speech["text"]).strip()
    else:
        # An open turn keeps asking: its reprompt is a question of its own, not an empty or bare sound.
        assert body["shouldEndSession"] is False
        reprompt = to_plain(body["reprompt"]["outputSpeech"]["ssml"])
        assert reprompt.endswith("?") and len(reprompt.split()) >= 3, (name, reprompt)


def test_launch_welcomes_disclaims_lists_and_asks(skill, content):
    response = send(skill, "launch_request")
    speech = speech_of(response)
    prompts = content.prompts
    assert speech.startswith(prompts["welcome"])
    assert prompts["disclaimer"] in speech
    assert prompts["what_you_can_ask"] in speech
    assert speech.endswith("?")
    assert reprompt_of(response) == prompts["ask"]
    assert response["response"]["shouldEndSession"] is False


@pytest.mark.parametrize(
    "name, topic, facet",
    [
        ("topic_ivig", "ivig", "overview"),
        ("side_effects_cyclophosphamide", "cyclophosphamide", "side_effects"),
        ("effectiveness_prednisone", "corticosteroids", "effectiveness"),
        ("need_treatment", "monitoring", "overview"),
        ("switch_topic_azathioprine", "azathioprine", "overview"),
    ],
)
def test_topic_questions_read_the_first_page_and_offer_more(skill, content, name, topic, facet):
    response = send(skill, name)
    speech = speech_of(response)
    assert speech.startswith(page_text(content, topic, facet))
    assert speech.endswith("?")
    assert reprompt_of(response) and speech.endswith(reprompt_of(response))
    card = response["response"]["card"]
    assert card["title"] == f"{content.topic(topic).title}: {content.facet(facet).title}"
    assert content.prompts["card_disclaimer"] in card["content"]
    for source_id in content.topic(topic).pages(facet)[0].sources:
        assert content.sources[source_id].url in card["content"]


def test_effectiveness_card_states_the_evidence_level(skill, content):
    card = send(skill, "effectiveness_prednisone")["response"]["card"]["content"]
    evidence = content.topic("corticosteroids").pages("effectiveness")[0].evidence
    assert content.evidence[evidence] in card


def test_one_shot_question_hears_the_disclaimer_first(skill, content):
    speech = speech_of(send(skill, "one_shot_side_effects_ivig"))
    assert speech.startswith(content.prompts["disclaimer_short"])
    assert page_text(content, "ivig", "side_effects") in speech


def test_every_facet_intent_answers_for_every_topic_that_has_it(skill, content):
    for topic in content.topics:
        for facet in content.facets:
            if not topic.pages(facet.id):
                continue
            conversation = Conversation(skill)
            response = conversation.send(
                "topic_ivig", intent=facet.intent, slot_value=(topic.name, topic.id, topic.name)
            )
            assert lead(topic.pages(facet.id)[0].text) in speech_of(response)


def test_missing_topic_asks_which_of_two_never_the_list(conversation, content):
    response = conversation.send("side_effects_no_topic")
    speech = speech_of(response)
    asked = "Do you mean the side effects and risks of IVIg, or the side effects and risks of SCIg?"
    assert speech.endswith(asked) and reprompt_of(response) == asked
    assert sum(topic.name in speech for topic in content.topics) <= 3
    assert lead(content.topic("ivig").pages("side_effects")[0].text) in speech_of(conversation.send("yes"))


def test_unresolved_topic_is_ranked_as_free_text_and_answered_honestly(skill, content):
    response = send(skill, "topic_unresolved")
    speech = speech_of(response)
    assert content.prompts["dont_know"] in speech
    assert sum(topic.name in speech for topic in content.topics) <= 3, "never the whole topic list"
    assert speech.endswith(reprompt_of(response))


def test_topic_named_after_a_missing_topic_question_gets_the_asked_facet(conversation, content):
    conversation.send("side_effects_no_topic")
    response = conversation.send("switch_topic_azathioprine")
    assert speech_of(response).startswith(page_text(content, "azathioprine", "side_effects"))


def test_facet_question_without_topic_uses_the_current_topic(conversation, content):
    conversation.send("topic_ivig")
    response = conversation.send("side_effects_no_topic")
    assert speech_of(response).startswith(page_text(content, "ivig", "side_effects"))


def test_facet_a_topic_lacks_gets_its_facet_menu_when_the_topic_is_named(conversation, content):
    response = conversation.send("one_shot_side_effects_ivig", slot_value=("MMN", "mmn", "MMN"))
    speech = speech_of(response)
    assert content.prompts["missing_facet"].format(facet=content.facet("side_effects").menu, topic="MMN") in speech
    assert speech.endswith(content.prompts["ask_about"].format(topic="MMN"))


def test_facet_the_topic_in_context_lacks_asks_which_treatment(conversation, content):
    """ "What are the side effects?" after MMN means a treatment's: which one, not "I don't have that for MMN"."""
    conversation.send("topic_ivig", slot_value=("MMN", "mmn", "MMN"))
    speech = speech_of(conversation.send("side_effects_no_topic"))
    assert speech.endswith("Do you mean the side effects and risks of IVIg, or the side effects and risks of SCIg?")


def test_yes_takes_the_offer_and_next_pages_on(conversation, content):
    overview = chunks(content.topic("ivig").pages("overview")[0].text)
    first = conversation.send("topic_ivig")
    assert overview[0] in speech_of(first) and overview[1] not in speech_of(first)
    response = conversation.send("yes")
    assert overview[1] in speech_of(response), "the overview's second breath"
    assert speech_of(response) != speech_of(first)
    assert overview[2] in speech_of(conversation.send("next")), "and its third"


def test_a_page_is_said_a_breath_at_a_time_with_an_offer_that_names_it(conversation, content):
    pages = content.topic("ivig").pages("side_effects")
    first = conversation.send("one_shot_side_effects_ivig")
    offer = content.prompts["offer_more"].format(about="the side effects and risks of IVIg")
    assert speech_of(first).endswith(offer) and reprompt_of(first) == offer
    assert chunks(pages[0].text)[1] not in speech_of(first), "the rest of the page waits to be asked for"
    second = conversation.send("next")
    assert speech_of(second).startswith(chunks(pages[0].text)[1])
    while conversation.attributes["dialog"]["offer"]["page"] == 0:
        conversation.send("next")
    count = content.prompts["numbers"].split(", ")[len(pages) - 1]
    assert speech_of(conversation.send("next")).startswith(f"Part two of {count}. {lead(pages[1].text)}")


def test_no_declines_the_offer_and_asks_what_else_about_the_topic(conversation, content):
    conversation.send("topic_ivig")
    response = conversation.send("no")
    assert speech_of(response) == f"{content.prompts['declined']} {content.prompts['ask_about'].format(topic='IVIg')}"
    assert conversation.attributes["dialog"]["offer"] is None
    assert speech_of(conversation.send("yes")) == content.prompts["whats_your_question"]


def test_repeat_says_the_last_reply_word_for_word(conversation):
    first = conversation.send("side_effects_cyclophosphamide")
    again = conversation.send("repeat")
    assert again["response"]["outputSpeech"] == first["response"]["outputSpeech"]
    assert again["response"]["reprompt"] == first["response"]["reprompt"]
    assert again["response"]["card"] == first["response"]["card"]


def test_repeat_with_nothing_said_yet(skill, content):
    assert speech_of(send(skill, "repeat")).startswith(content.prompts["nothing_to_repeat"])


@pytest.mark.parametrize("name", ["start_over", "navigate_home"])
def test_start_over_returns_to_the_menu_and_forgets_the_topic(conversation, content, name):
    conversation.send("topic_ivig")
    response = conversation.send(name)
    assert speech_of(response).startswith(content.prompts["what_you_can_ask"])
    assert conversation.attributes["dialog"]["topic"] is None


def test_emergency_gives_the_emergency_number_first_and_offers_to_say_it_again(conversation, content):
    conversation.send("topic_ivig")
    response = conversation.send("emergency")
    speech = speech_of(response)
    texts = content.red_flags.level("emergency").texts
    assert speech == f"{texts['answer']} {texts['cant_call']} Want me to say that again?"
    assert speech.startswith("Call 911 now.")
    assert response["response"]["shouldEndSession"] is False
    assert speech_of(conversation.send("repeat")) == speech


def test_help_explains_disclaims_and_asks(skill, content):
    response = send(skill, "help")
    assert speech_of(response).startswith(content.prompts["help"])
    assert "neurologist" in content.prompts["help"]
    assert reprompt_of(response)
    assert response["response"]["card"]["content"].endswith(content.prompts["card_disclaimer"])


@pytest.mark.parametrize("name", ["fallback", "unknown_intent", "unhandled_request_type"])
def test_fallback_is_a_first_miss_with_one_example(skill, content, name):
    response = send(skill, name)
    speech = speech_of(response)
    assert speech.startswith(content.prompts["fallback"])
    assert content.prompts["example_first"] in speech
    assert content.prompts["what_you_can_ask"] not in speech, "no menu on a first miss"
    assert reprompt_of(response) == content.prompts["ask_question"]


@pytest.mark.parametrize("name", ["stop", "cancel"])
def test_stop_and_cancel_say_goodbye_and_end(skill, content, name):
    response = send(skill, name)
    assert speech_of(response) == content.prompts["goodbye"]
    assert response["response"]["shouldEndSession"] is True
    assert "reprompt" not in response["response"]


@pytest.mark.parametrize("name", ["session_ended_user", "session_ended_error"])
def test_session_ended_says_nothing(skill, name):
    response = send(skill, name)
    assert "outputSpeech" not in response["response"]


def test_an_exception_in_a_handler_is_apologised_for_in_speech(skill, content, monkeypatch, caplog):
    from skill.handlers import launch

    def broken(*args, **kwargs):
        raise RuntimeError("content store down")

    monkeypatch.setattr(launch, "respond", broken)
    response = send(skill, "launch_request")
    assert speech_of(response).startswith(content.prompts["error"])
    assert reprompt_of(response) == content.prompts["ask"]
    assert "content store down" in caplog.text


def test_session_attributes_from_another_version_do_not_break_the_skill(skill, content):
    envelope = fixture("yes")
    envelope["session"]["attributes"] = {"dialog": {"offer": {"unexpected": 1}, "page": "x"}}
    speech = speech_of(handle_event(skill, envelope))
    assert speech.startswith(content.prompts["whats_your_question"])
