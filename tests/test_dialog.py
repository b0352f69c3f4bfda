"""A conversation a patient can follow: context, paging, navigation, comparisons, evidence, sources, direct answers."""

from __future__ import annotations

import pytest
from conftest import Conversation, fixture, reprompt_of, speech_of

from build_tools.interaction_model import model_path
from local_console.console import Console, render_response
from local_console.nlu import LocalNlu
from skill.app import build_skill
from skill.breath import chunks, lead, sentences
from skill.content import load_content
from skill.gateway import handle_event

CONTENT = load_content()
PROMPTS = CONTENT.prompts


def page(topic: str, facet: str, index: int = 0) -> str:
    """What is said first of a page: its lead."""
    return lead(text(topic, facet, index))


def text(topic: str, facet: str, index: int = 0) -> str:
    return CONTENT.topic(topic).pages(facet)[index].text


def breaths(topic: str, facet: str) -> list[str]:
    """A facet's pages as they are said, one breath at a time."""
    return [said for page in CONTENT.topic(topic).pages(facet) for said in chunks(page.text)]


def test_the_issue_conversation_through_request_envelopes(conversation):
    said = speech_of(conversation.send("topic_ivig"))
    assert page("ivig", "overview") in said
    assert speech_of(conversation.send("side_effects_no_topic")).startswith(page("ivig", "side_effects"))
    more = conversation.send("next")
    assert speech_of(more).startswith(breaths("ivig", "side_effects")[1]), "the next breath of the same page"
    assert conversation.send("repeat")["response"]["outputSpeech"] == more["response"]["outputSpeech"]
    steroids = conversation.send("switch_topic_azathioprine", slot_value=("steroids", "corticosteroids", "steroids"))
    assert speech_of(steroids).startswith(page("corticosteroids", "side_effects")), "the facet is kept"
    compared = conversation.whole_page(conversation.send("compare_ivig_steroids"))
    assert compared.startswith(PROMPTS["compare_intro"].format(first="IVIg", second="steroid treatment"))
    assert all(said in compared for said in sentences(CONTENT.topic("ivig").summary.text))
    compared = conversation.whole_page(conversation.send("yes"))
    steroids = CONTENT.topic("corticosteroids").summary.text
    assert all(said in compared for said in sentences(steroids)), "the other side, as the second part"
    sure = speech_of(conversation.send("evidence"))
    assert "Steroid treatment: " in sure
    assert CONTENT.evidence[CONTENT.topic("ivig").summary.evidence] in sure
    assert CONTENT.evidence[CONTENT.topic("corticosteroids").summary.evidence] in sure
    sources = conversation.send("sources")
    cited = CONTENT.topic("corticosteroids").summary.sources
    assert CONTENT.sources[cited[0]].spoken in speech_of(sources)
    for source_id in cited:
        assert CONTENT.sources[source_id].url in sources["response"]["card"]["content"]
    assert speech_of(conversation.send("start_over")).startswith(PROMPTS["what_you_can_ask"])
    assert conversation.send("stop")["response"]["shouldEndSession"] is True


def test_the_issue_conversation_in_the_console():
    console = Console(build_skill(), LocalNlu.from_file(model_path("en-US")))
    turns = [
        "tell me about IVIG",
        "what are its side effects",
        "more",
        "repeat",
        "what about steroids",
        "compare IVIG and steroids",
        "how sure is that",
        "where does that come from",
        "start over",
        "stop",
    ]
    replies = [render_response(console.say(turn)) for turn in turns]
    assert breaths("ivig", "side_effects")[1] in replies[2]
    assert replies[3] == replies[2]
    assert replies[4].startswith(page("corticosteroids", "side_effects"))
    assert replies[5].startswith(PROMPTS["compare_intro"].format(first="IVIg", second="steroid treatment"))
    assert replies[8].startswith(PROMPTS["what_you_can_ask"])
    assert replies[9].startswith(PROMPTS["goodbye"])


@pytest.fixture
def console():
    return Console(build_skill(), LocalNlu.from_file(model_path("en-US")))


def test_follow_ups_without_a_topic_refer_to_the_current_one(console):
    console.say("tell me about IVIG")
    assert render_response(console.say("how does it work")).startswith(page("ivig", "how_it_works"))
    assert render_response(console.say("how often")).startswith(page("ivig", "course"))
    assert render_response(console.say("what about azathioprine")).startswith(page("azathioprine", "course"))


@pytest.mark.parametrize(
    "asked, question",
    [
        ("what treatments are there", "treatment_options"),
        ("what is the best treatment", "best_treatment"),
        ("what is the first treatment", "best_treatment"),
        ("what if IVIG stops working", "ivig_not_working"),
        ("what if IVIG doesn't work", "ivig_not_working"),
    ],
)
def test_overview_questions(console, asked, question):
    assert render_response(console.say(asked)).startswith(
        f"{PROMPTS['disclaimer_short']} {lead(CONTENT.question(question).pages[0].text)}"
    )


def test_mild_disease_question_answers_with_watchful_waiting(console):
    reply = render_response(console.say("do I need treatment if it's mild"))
    assert page("monitoring", "overview") in reply


@pytest.mark.parametrize(
    "asked, first_word",
    [
        ("does IVIG boost my immune system", "No."),
        ("can steroids make MMN worse", "Yes."),
        ("is MMN the same as ALS", "No."),
        ("is IVIG a cure", "No."),
    ],
)
def test_yes_no_questions_in_the_console_start_with_the_answer(console, asked, first_word):
    reply = render_response(console.say(asked)).removeprefix(PROMPTS["disclaimer_short"]).strip()
    assert reply.startswith(first_word)


def test_paging_words(console):
    console.say("what are the side effects of IVIG")
    said = breaths("ivig", "side_effects")
    for word, index in (("continue", 1), ("go back", 0), ("next", 1), ("more", 2)):
        assert said[index] in render_response(console.say(word)), word
    assert render_response(console.say("no")).startswith(PROMPTS["declined"])


def test_every_open_turn_ends_with_one_question_that_is_the_reprompt(conversation):
    for name in ("launch_request", "topic_ivig", "next", "evidence", "sources", "compare_ivig_steroids", "no", "help"):
        response = conversation.send(name)
        speech, reprompt = speech_of(response), reprompt_of(response)
        assert reprompt and reprompt.endswith("?") and speech.endswith(reprompt), name
        assert "?" not in speech[: -len(reprompt)], f"{name}: one question only, at the end"


def test_go_back_returns_to_what_was_said_before_across_topics(conversation):
    conversation.send("topic_ivig")
    conversation.send("side_effects_cyclophosphamide")
    conversation.send("next")
    assert speech_of(conversation.send("previous")).startswith(page("cyclophosphamide", "side_effects"))
    assert speech_of(conversation.send("previous")).startswith(page("ivig", "overview")), "across topics"
    assert speech_of(conversation.send("previous")).startswith(PROMPTS["nothing_before"])


def test_go_back_after_an_answer_that_was_not_a_page_returns_to_the_page(conversation):
    conversation.send("topic_ivig")
    conversation.send("side_effects_cyclophosphamide")
    conversation.send("help")
    assert speech_of(conversation.send("previous")).startswith(page("cyclophosphamide", "side_effects"))


def test_go_back_at_the_very_start_says_so_and_keeps_the_offer(conversation):
    first = conversation.send("topic_ivig")
    back = conversation.send("previous")
    assert speech_of(back).startswith(PROMPTS["nothing_before"])
    assert reprompt_of(back) == reprompt_of(first)


def test_previous_and_evidence_before_anything_was_read(conversation):
    assert speech_of(conversation.send("previous")).startswith(PROMPTS["nothing_before"])
    assert speech_of(conversation.send("evidence")).startswith(PROMPTS["nothing_read_yet"])


def test_how_sure_reads_the_evidence_level_of_the_current_page(conversation):
    conversation.send("effectiveness_prednisone")
    level = CONTENT.topic("corticosteroids").pages("effectiveness")[0].evidence
    assert speech_of(conversation.send("evidence")).startswith(CONTENT.evidence[level])


def test_evidence_and_sources_keep_the_pending_offer(conversation):
    first = conversation.send("topic_ivig")
    offer = conversation.attributes["dialog"]["offer"]
    assert reprompt_of(conversation.send("evidence")) == reprompt_of(first)
    assert reprompt_of(conversation.send("sources")) == reprompt_of(first)
    assert conversation.attributes["dialog"]["offer"] == offer
    overview = CONTENT.topic("ivig").pages("overview")[0]
    assert chunks(overview.text)[1] in speech_of(conversation.send("yes")), "the overview's second breath"


def test_last_reviewed_date_is_said_the_local_way():
    us = Conversation(build_skill(), "en-US")
    assert speech_of(us.send("last_reviewed")).startswith("This information was last reviewed on November 25, 2026.")
    gb = Conversation(build_skill(), "en-GB")
    assert speech_of(gb.send("last_reviewed")).startswith("This information was last reviewed on 25 November 2026.")


@pytest.mark.parametrize("name", ["boost_immune_ivig", "mmn_fatal"])
def test_yes_no_questions_start_with_the_direct_answer(conversation, name):
    said = speech_of(conversation.send(name))
    assert said.startswith(PROMPTS["disclaimer_short"])
    assert said.removeprefix(PROMPTS["disclaimer_short"]).strip().startswith("No.")


def test_a_question_card_carries_the_question_as_its_title(conversation):
    card = conversation.send("mmn_fatal")["response"]["card"]
    assert card["title"] == CONTENT.question_for_intent("MmnFatalIntent").title == "Is MMN fatal?"


def test_a_yes_no_question_about_another_topic_answers_that_topic(conversation):
    said = speech_of(conversation.send("boost_immune_azathioprine"))
    assert page("azathioprine", "how_it_works") in said


def test_after_a_question_the_topic_is_kept_for_follow_ups(conversation):
    conversation.send("boost_immune_ivig")
    assert speech_of(conversation.send("side_effects_no_topic")).startswith(page("ivig", "side_effects"))


def test_compare_of_what_is_not_two_treatments_is_asked_as_a_question(conversation):
    response = conversation.send("compare_ivig_steroids", slot_value=("MMN", "mmn", "MMN"))
    assert not speech_of(response).startswith(PROMPTS["compare_what"].split("{")[0])
    assert response["sessionAttributes"]["dialog"]["answered"] not in (None, "unknown")


def test_compare_without_two_topics_asks_which_two_with_one_example(conversation):
    envelope = fixture("compare_ivig_steroids")
    envelope["request"]["intent"]["slots"] = {}
    said = speech_of(handle_event(build_skill(), envelope))
    assert said.startswith("Which two treatments? Say, for example, compare IVIg and SCIg.")
    assert sum(topic.name in said for topic in CONTENT.topics if topic.summary) == 2


# The questions asked as yes or no, with the answer the clinical review agreed, written out.
YES_NO = {
    "ivig_boost": "no",
    "steroids_worse": "yes",
    "mmn_als_same": "no",
    "mmn_fatal": "no",
    "ivig_cure": "no",
    "mmn_inherited": "no",
}


def test_the_yes_no_questions_are_the_ones_marked_so():
    assert {q.id: q.answer for q in CONTENT.questions if q.answer} == YES_NO


@pytest.mark.parametrize(("question_id", "answer"), sorted(YES_NO.items()))
def test_yes_no_content_answers_start_with_yes_or_no(question_id, answer):
    assert CONTENT.question(question_id).pages[0].text.split()[0].rstrip(".,").lower() == answer


@pytest.mark.parametrize("said, chosen", [("the second one", 1), ("the other one", 1), ("the first one", 0)])
def test_after_do_you_mean_a_short_reply_picks_one_of_the_two(said, chosen):
    choices = ["ivig_dose", "scig_how_often"]
    envelope = fixture("question_free_text")
    slot = envelope["request"]["intent"]["slots"]["question"]
    slot["value"] = slot["slotValue"]["value"] = said
    envelope["session"]["new"] = False
    envelope["session"]["attributes"] = {"dialog": {"choices": choices}}
    response = handle_event(build_skill(), envelope)
    ref = CONTENT.question(choices[chosen]).ref
    assert response["sessionAttributes"]["dialog"]["answered"] == f"{ref.topic}.{ref.facet}.{ref.page + 1}"


def test_a_yes_no_question_without_a_topic_answers_itself_even_in_another_topic(console):
    console.say("tell me about SCIg")
    assert render_response(console.say("is there a cure")).startswith("No.")


@pytest.mark.parametrize(
    ("asked", "said"),
    [
        ("ask m. m. n. guide what is hizentra", "Hizentra is SCIg."),
        ("tell me about gammagard", "Gammagard is IVIg."),
        ("is octagam the same as privigen", "Privigen is IVIg."),
    ],
)
def test_a_brand_asked_about_is_said_to_be_ivig_or_scig(asked, said):
    console = Console(build_skill(), LocalNlu.from_file(model_path("en-US")))
    assert said in render_response(console.say(asked))
