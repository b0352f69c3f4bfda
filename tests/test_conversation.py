"""A conversation a tired listener can follow (issue 17): one breath, then more; lists of three; pace and the short
version; context kept for follow-ups, "go back" and reprompts. Through the console (its local NLU builds full
request envelopes), as a listener would say it."""

from __future__ import annotations

import re
import uuid

import pytest
from conftest import reprompt_of, speech_of
from entry_points import ENTRY_POINTS

from build_tools.interaction_model import model_path
from eval_tools.conversation_eval import list_items
from local_console.console import Console
from local_console.nlu import LocalNlu
from skill.app import build_skill
from skill.breath import chunks, lead, sentences
from skill.content import load_content
from skill.dialog import MAX_HISTORY, DialogState
from skill.understanding.replies import replies

CONTENT = load_content()
PROMPTS = CONTENT.prompts
SLOWER = '<prosody rate="90%">'


@pytest.fixture
def console():
    return Console(build_skill(), LocalNlu.from_file(model_path("en-US")))


@pytest.fixture(scope="module")
def shared_skill():
    return build_skill()


@pytest.fixture(params=sorted(ENTRY_POINTS))
def anywhere(request, shared_skill):
    """A new conversation on one entry point: the console's own envelopes, the Lambda handler, or the web app."""
    send = ENTRY_POINTS[request.param](shared_skill)
    console = Console(shared_skill, LocalNlu.from_file(model_path("en-US")), send=send)
    console.user_id = f"amzn1.ask.account.conversation-{uuid.uuid4().hex}"
    return console


def first_page(topic: str, facet: str) -> str:
    return CONTENT.topic(topic).pages(facet)[0].text


def said(console: Console, utterance: str) -> str:
    return speech_of(console.say(utterance))


def listed(speech: str) -> int:
    """The most choices or items a sentence of ``speech`` lists after "like", "about", "such as", "include",
    ":" or "tell you": "I can tell you about A, B, C, or D." is four. The series runs over short parts (a
    longer part goes on with the sentence), and "and more" is not an item."""
    most = 0
    for sentence in re.split(r"(?<=[.?!])\s+", speech):
        parts = re.split(r":|\b(?:like|about|such as|include|tell you)\b", sentence)
        if len(parts) < 2:
            continue
        series = []
        for part in parts[-1].replace(f", {PROMPTS['and_more']}", "").split(", "):
            if len(part.split()) > 6:
                break
            series.append(part)
        # "a, b or c": the last part holds two items, unless it starts with the "or".
        joined = bool(series) and bool(re.search(r"\b(and|or)\b", series[-1].strip().split(" ", 1)[-1]))
        most = max(most, len(series) + (joined and not re.match(r"\s*(and|or)\b", series[-1])))
    return most


def topics_named(speech: str) -> int:
    return sum(bool(re.search(rf"\b{re.escape(t.name)}\b", speech)) for t in CONTENT.topics)


# ------------------------------------------------------------------------------------------------ lists of three


def test_counting_list_items():
    assert listed("I can tell you about MMN, IVIg, SCIg, steroids, and azathioprine.") == 5
    assert listed("Ask things like: a, b, or c. Or ask in your own words.") == 3
    assert listed("The ones such as a, b, c and d.") == 4
    assert listed("This is general information, not medical advice, so talk to them, and call 911.") == 0
    assert listed("I can compare two, like a, b, c, and more.") == 3
    assert listed("They include headache, chills, fever, flushing, tiredness, nausea, muscle aches, and a rash.") == 8
    assert listed("Signs such as a painful, swollen or warm arm or leg, or a racing heart.") == 3
    assert listed("Tell them about speech, swallowing or breathing, since these are unusual in MMN and need care.") == 3


@pytest.mark.parametrize("locale", ["en-US", "en-GB"])
def test_every_page_is_written_for_the_ear(locale):
    """No sentence over 25 words, and no list of more than three items, on any page of a topic or an answer."""
    content = load_content(locale)
    texts = [
        (f"{t.id}.{f}.{i + 1}", p.text) for t in content.topics for f, ps in t.facets.items() for i, p in enumerate(ps)
    ]
    texts += [(f"q:{q.id}.{i + 1}", p.text) for q in content.questions for i, p in enumerate(q.pages)]
    for where, text in texts:
        for sentence in sentences(text):
            assert len(sentence.split()) <= 25, f"{where}: {sentence}"
            assert listed(sentence) <= 3, f"{where}: {sentence}"


@pytest.mark.parametrize(
    "turns",
    [
        ["open mmn guide"],
        ["open mmn guide", "help"],
        ["open mmn guide", "yes"],
        ["open mmn guide", "ok"],
        ["open mmn guide", "the first one"],
        ["tell me about IVIG", "no", "yes"],
        ["what are the side effects"],
        ["tell me about IVIG", "start over"],
        ["compare treatments"],
        ["tell me about IVIG", "where does that come from"],
        ["what is MMN", "what are its side effects"],
        ["book my next appointment"],
        ["what are the side effects of IVIG", "how sure is that"],
    ],
    ids=lambda turns: " / ".join(turns),
)
def test_no_reply_offers_more_than_three_choices_or_reads_the_topic_list(console, turns):
    for turn in turns:
        speech = said(console, turn)
        assert listed(speech) <= 3, f"{turn}: {speech}"
        assert topics_named(speech) <= 3, f"{turn}: {speech}"


@pytest.mark.parametrize("answer", ["yes", "ok", "the first one", "sure"])
def test_yes_to_an_open_question_asks_for_the_question(console, answer):
    console.say("open mmn guide")
    assert said(console, answer) == PROMPTS["whats_your_question"]


def test_help_and_welcome_name_three_examples_and_own_words_and_help_names_slower_go_back_repeat(console):
    for speech in (said(console, "open mmn guide"), said(console, "help")):
        assert "in your own words" in speech
        assert "tell me about IVIg" in speech or "what's IVIg" in speech
        # As the conversation benchmark counts lists: "At any time, say slower, go back, or repeat" is four.
        assert all(list_items(sentence) <= 3 for sentence in sentences(speech)), speech
    assert all(command in speech for command in ("slower", "go back", "repeat"))


def test_the_sources_answer_names_at_most_three(console):
    console.say("tell me about SCIG")  # the SCIg overview cites four sources
    cited = CONTENT.topic("scig").pages("overview")[0].sources
    assert len(cited) > 3
    speech = said(console, "where does that come from")
    named = [s for s in cited if CONTENT.sources[s].spoken in speech]
    assert named == list(cited[:3]) and PROMPTS["and_more"] in speech
    card = console.say("repeat")["response"]["card"]["content"]
    assert all(CONTENT.sources[s].url in card for s in cited), "the card still lists them all"


# ----------------------------------------------------------------------------------------- one breath, then more


def test_an_answer_is_its_lead_then_more_when_asked_in_breaths_that_name_where_the_listener_is(console):
    pages = CONTENT.topic("scig").pages("side_effects")
    first = console.say("what are the side effects of SCIG")
    speech = speech_of(first)
    assert lead(pages[0].text) in speech and chunks(pages[0].text)[1] not in speech
    assert PROMPTS["first_part"].format(count="two") in speech, "the first of two parts"
    offer = PROMPTS["offer_more"].format(about="the side effects and risks of SCIg")
    assert speech.endswith(offer) and reprompt_of(first) == offer, "the offer names what is on offer"
    assert said(console, "yes").startswith(chunks(pages[0].text)[1])
    for _ in chunks(pages[0].text)[2:]:
        console.say("more")
    assert said(console, "more").startswith(
        f"{PROMPTS['part'].format(number='two', count='two')} {lead(pages[1].text)}"
    )


def test_the_first_side_effects_answer_names_the_serious_risks(console):
    assert "rare but serious risks, such as blood clots" in said(console, "what are the side effects of IVIG")
    assert "rare but serious blood clots" in said(console, "what are the side effects of SCIG")


@pytest.mark.parametrize(
    "said_first", ["i am going to stop my ivig", "I'm going to start spacing my scig out", "can I stop my IVIG"]
)
def test_the_dont_change_treatment_advice_says_its_safety_point_in_one_breath_then_the_rest(anywhere, said_first):
    """The advice is some 60 words: its first breath is what not to do and why, the rest after a pause."""
    ssml = anywhere.say(said_first)["response"]["outputSpeech"]["ssml"]
    breaths = [re.sub(r"<[^>]+>", "", part).split() for part in ssml.split("<break")]
    assert len(breaths[0]) <= 30
    first = " ".join(breaths[0])
    assert first.startswith("Please don't stop, skip or change your immunoglobulin on your own.")
    assert "weakness often comes back within weeks without it." in first
    assert "Your neurologist can change the dose or timing safely." in speech_of(anywhere.say("say that again"))


def test_reprompts_after_answers_name_what_is_on_offer(console):
    for turn in ("tell me about IVIG", "more", "compare IVIG and steroids", "how sure is that", "no"):
        reprompt = reprompt_of(console.say(turn))
        assert reprompt not in (PROMPTS["ask"], "Want to hear more?"), turn
        assert "IVIg" in reprompt or "it" in reprompt.split(), f"{turn}: {reprompt}"


# -------------------------------------------------------------------------------------- pace and the short version


def test_slower_says_the_page_again_at_the_new_rate_and_repeat_then_gives_the_page(console):
    page = lead(first_page("ivig", "side_effects"))
    console.say("what are the side effects of IVIG")
    slower = console.say("slower")
    assert SLOWER in slower["response"]["outputSpeech"]["ssml"]
    assert speech_of(slower).startswith(PROMPTS["slower"]) and page in speech_of(slower)
    again = console.say("repeat")
    assert page in speech_of(again) and PROMPTS["slower"] not in speech_of(again), "the answer, not the confirmation"
    assert SLOWER in again["response"]["outputSpeech"]["ssml"]
    faster = speech_of(console.say("faster"))
    assert faster.startswith(PROMPTS["faster"]) and page in faster


@pytest.mark.parametrize("asked", ["say it again slowly", "can you say that slower", "repeat that slowly"])
def test_say_it_again_slowly_is_slower_and_the_same_answer(console, asked):
    console.say("tell me about IVIG")
    response = console.say(asked)
    assert SLOWER in response["response"]["outputSpeech"]["ssml"]
    assert lead(first_page("ivig", "overview")) in speech_of(response), "the same page, not the next"


@pytest.mark.parametrize(
    ("asked", "topic"),
    [("tell me slowly what is this ivig", "ivig"), ("what is scig slowly please", "scig")],
)
def test_a_question_asked_to_be_said_slowly_is_answered_slower(anywhere, asked, topic):
    response = anywhere.say(asked)
    assert SLOWER in response["response"]["outputSpeech"]["ssml"]
    assert lead(first_page(topic, "overview")) in speech_of(response)


def test_slowly_inside_a_question_is_part_of_the_question():
    assert replies("en-US").without_pace("does the weakness come on slowly") is None


@pytest.mark.parametrize("asked", ["in fewer words", "in simple words", "just the short version"])
def test_the_short_version_is_the_lead_only_then_the_next_subject(console, asked):
    console.say("what are the side effects of IVIG")
    console.say("more")
    speech = said(console, asked)
    page = first_page("ivig", "side_effects")
    assert f"{PROMPTS['short_version']} {lead(page)}" in speech
    assert chunks(page)[1] not in speech
    assert speech.endswith(PROMPTS["offer_facet"].format(facet=CONTENT.facet("course").offer))


@pytest.mark.parametrize(
    "asked",
    [
        "can you say that in fewer words",
        "that was too long",
        "explain it simply",
        "the short version please",
        "too long",
    ],
)
def test_asking_for_it_shorter_in_any_words_right_after_an_answer_gives_fewer_words_then_the_next_subject(
    anywhere, asked
):
    """Right after the lead, the short version is shorter than the lead: its first sentence and what it says "not"
    (azathioprine is untested in MMN), never the same words again; then the next subject rather than the rest,
    never a page about something else."""
    anywhere.say("open m m n guide")
    anywhere.say("tell me about azathioprine")
    shorter = said(anywhere, asked)
    first, second, third = sentences(lead(first_page("azathioprine", "overview")))
    assert shorter.startswith(f"{first} {third}") and second not in shorter
    assert shorter.endswith(PROMPTS["offer_facet"].format(facet=CONTENT.facet("how_it_works").offer))


@pytest.mark.parametrize(
    ("asked", "kept"),
    [
        ("what are the side effects of ivig", "serious risks"),
        ("tell me about steroids", "don't recommend"),
    ],
)
def test_the_short_version_of_a_lead_keeps_its_safety_point(anywhere, asked, kept):
    """Fewer words never drop the serious risks or the "not recommended" that the lead carries."""
    answer = said(anywhere, asked)
    shorter = said(anywhere, "in fewer words")
    assert kept in shorter and len(shorter.split()) < len(answer.split())


def test_the_short_version_of_a_one_sentence_lead_says_it_was_the_short_version(anywhere):
    """A lead of one sentence has nothing shorter in the content: it says so and offers the next subject, rather
    than the same sentence again."""
    answer = said(anywhere, "how long does an scig session take")
    shorter = said(anywhere, "in simple words")
    assert shorter.startswith(PROMPTS["already_short"]) and sentences(answer)[1] not in shorter


# --------------------------------------------------------------------------------------------------------- context


def test_a_follow_up_that_names_no_topic_stays_on_the_topic(console):
    console.say("tell me about SCIG")
    assert said(console, "what about the side effects").startswith(lead(first_page("scig", "side_effects")))


def test_which_one_is_better_after_a_comparison_is_about_those_two(console):
    console.say("compare IVIG and steroids")
    speech = said(console, "which one is better")
    assert speech.startswith(PROMPTS["compare_intro"].format(first="IVIg", second="steroid treatment"))


def test_go_back_returns_to_what_was_said_before_across_topics(console):
    console.say("tell me about IVIG")
    console.say("what are the side effects of cyclophosphamide")
    console.say("how sure is that")
    assert said(console, "go back").startswith(lead(first_page("cyclophosphamide", "side_effects")))
    assert said(console, "go back").startswith(lead(first_page("ivig", "overview")))


def test_go_back_returns_to_safety_advice_said_between_two_pages(console):
    console.say("tell me about SCIG")
    advice = said(console, "i'm going to stop my scig while i'm on holiday")
    console.say("how do i travel with it")
    assert said(console, "go back") == advice
    assert said(console, "say that again") == advice, "it can be heard again, as the advice can"
    assert said(console, "go back").startswith(lead(first_page("scig", "overview")))


@pytest.mark.parametrize("before", ["tell me about SCIG", "compare IVIG and SCIG", "compare SCIG and IVIG"])
def test_is_weekly_normal_after_scig_or_a_comparison_with_it_is_about_scig(console, before):
    console.say(before)
    assert said(console, "is weekly normal").startswith(lead(first_page("scig", "course")))


@pytest.mark.parametrize(
    ("reply", "topic", "offered"),
    [("both", "ivig", "Want to hear about the side effects and risks of SCIg next?"), ("the second one", "scig", None)],
)
def test_a_facet_asked_with_no_treatment_offers_two_and_takes_an_answer_to_it(console, reply, topic, offered):
    assert said(console, "what are the side effects").endswith(
        "Do you mean the side effects and risks of IVIg, or the side effects and risks of SCIg?"
    )
    speech = said(console, reply)
    assert speech.startswith(lead(first_page(topic, "side_effects")))
    assert offered is None or speech.endswith(offered)


def test_a_treatment_named_after_the_choice_of_two_gets_the_facet_asked(console):
    console.say("what are the side effects")
    assert said(console, "steroids").startswith(lead(first_page("corticosteroids", "side_effects")))


def test_which_one_is_better_with_one_treatment_in_context_asks_which_two_with_it_as_the_example(console):
    console.say("what is plasma exchange")
    speech = said(console, "which one is better")
    assert speech.startswith("Which two treatments? Say, for example, compare plasma exchange and IVIg.")


def test_after_both_of_two_a_follow_up_is_about_whichever_it_fits(console):
    console.say("how often")
    assert said(console, "both").startswith(lead(first_page("ivig", "course")))
    assert said(console, "is weekly normal").startswith(lead(first_page("scig", "course")))


def test_a_facet_the_topic_in_context_lacks_is_of_the_treatment_the_last_answer_named(anywhere):
    """After how long an IVIg infusion takes (infusion day, which has no course), "how long does it take to
    work" is about IVIg, not "I don't have that for infusion day"."""
    anywhere.say("how long does an ivig infusion take")
    assert said(anywhere, "how long does it take to work").startswith(lead(first_page("ivig", "course")))


def test_a_command_said_with_a_subject_two_questions_fit_asks_which_rather_than_repeating(anywhere):
    """ "What was that about headaches?" names something: which of the two it fits, not the last answer again."""
    welcome = said(anywhere, "open m m n guide")
    response = anywhere.say("what was that about headaches")
    assert speech_of(response).startswith("Do you mean") and welcome not in speech_of(response)
    assert len(response["sessionAttributes"]["dialog"]["choices"]) == 2


@pytest.mark.parametrize(
    ("asked", "follow_up", "topic", "facet", "part"),
    [
        ("what are the side effects of hizentra", "how long do those usually last", "scig", "side_effects", 1),
        ("tell me about azathioprine", "is it safe", "azathioprine", "side_effects", 0),
    ],
)
def test_a_follow_up_that_points_back_is_about_what_the_last_answer_was_about(
    anywhere, asked, follow_up, topic, facet, part
):
    """ "Does that go away" after the SCIg site answer is about the site, not a missed dose: the part of it that
    says whether it passes, as its lead was just heard; "is it safe" after azathioprine is its side effects."""
    anywhere.say(asked)
    assert said(anywhere, follow_up).startswith(chunks(first_page(topic, facet))[part])


def test_a_follow_up_after_the_scig_site_answer_stays_on_it(anywhere):
    # The SCIg site has its own answer since clinical review 14, n6: "does that go away" goes on with it.
    anywhere.say("is it normal to get a lump where the scig goes in")
    assert said(anywhere, "does that go away").startswith("A cold pack on the spot")


@pytest.mark.parametrize(
    ("missed", "follow_up", "topic"),
    [
        ("does ivig make my hair curly", "how long does that last", "ivig"),
        ("what should we bring on infusion day", "will it hurt", "infusion_day"),
    ],
)
def test_a_follow_up_after_a_miss_that_named_a_topic_stays_on_that_topic(anywhere, missed, follow_up, topic):
    """ "Does IVIg make my hair curly" is not understood, but it named IVIg: "how long does that last" is about IVIg,
    not "IVIg or SCIg?"; "will it hurt" after a miss about infusion day is about infusion day, not muscle pain."""
    miss = anywhere.say(missed)
    assert miss["sessionAttributes"]["dialog"]["answered"] == "unknown"
    dialog = anywhere.say(follow_up)["sessionAttributes"]["dialog"]
    assert dialog["topic"] == topic and not dialog["choices"] and dialog["answered"] != "unknown"


def question_page(question: str) -> str:
    return CONTENT.question(question).pages[0].text


@pytest.mark.parametrize(
    ("asked", "follow_up", "answered"),
    [
        ("how long does an scig session take", "is that the same for the drip", "q:infusion_how_long.1"),
        ("how long does an ivig infusion take", "and for scig?", "q:scig_how_long.1"),
        ("how long does an scig session take", "is it the same for ivig", "q:infusion_how_long.1"),
    ],
)
def test_a_follow_up_that_names_another_treatment_asks_the_last_question_of_it(anywhere, asked, follow_up, answered):
    """After how long an SCIg session takes, "is that the same for the drip" is how long an IVIg infusion takes,
    not the IVIg overview: the question last answered carries to the treatment named."""
    anywhere.say(asked)
    response = anywhere.say(follow_up)
    assert response["sessionAttributes"]["dialog"]["answered"] == answered
    assert speech_of(response).startswith(lead(question_page(answered[2:-2])))


@pytest.mark.parametrize("asked", ["tell me slowly what is ivig", "what is ivig slowly please"])
def test_asking_what_a_treatment_is_after_a_question_is_its_overview_not_the_question_carried(anywhere, asked):
    anywhere.say("how long does an scig session take")
    assert said(anywhere, asked).startswith(lead(first_page("ivig", "overview")))


@pytest.mark.parametrize("follow_up", ["what about hyqvia", "is it the same for scig"])
def test_a_treatment_named_after_an_answer_that_covers_it_further_on_hears_that_part(anywhere, follow_up):
    """The cost answer covers SCIg further on: "what about HyQvia" after it reads on to that, not the lead again
    nor the SCIg overview."""
    anywhere.say("how much does ivig cost")
    response = anywhere.say(follow_up)
    speech = speech_of(response)
    assert response["sessionAttributes"]["dialog"]["answered"] == "q:cost_and_funding.1"
    assert "SCIg" in speech and lead(question_page("cost_and_funding")) not in speech


@pytest.mark.parametrize("follow_up", ["does that get better after a few goes", "will they ease off next time"])
def test_asking_whether_side_effects_ease_with_later_infusions_hears_how_they_get_milder(anywhere, follow_up):
    """Not the side-effects lead said again: the page on making infusion side effects milder."""
    anywhere.say("what are the side effects of ivig")
    response = anywhere.say(follow_up)
    assert response["sessionAttributes"]["dialog"]["answered"] == "q:infusion_reactions_reduce.1"


@pytest.mark.parametrize(
    ("asked", "follow_up", "heard"),
    [
        ("what are the side effects of scig", "will it be easier after a few rounds", "usually passes"),
        ("how does ivig work", "and how often do people need it", "every two to four weeks"),
    ],
)
def test_a_follow_up_that_lands_on_the_answer_just_heard_reads_on_rather_than_repeat_it(
    anywhere, asked, follow_up, heard
):
    """ "And how often" after the lead of a course, whose lead says nothing of how often: the rest of it."""
    if asked == "how does ivig work":
        anywhere.say(asked)
        asked = "how long does it take to work"
    answer = said(anywhere, asked)
    speech = said(anywhere, follow_up)
    assert heard in speech and sentences(answer)[0] not in speech


@pytest.mark.parametrize("asked", ["how often would i need the second one", "how often is the second one given"])
def test_the_second_one_in_a_question_is_the_second_treatment_the_last_reply_named(anywhere, asked):
    """After "Which two treatments? Say, for example, compare IVIg and SCIg.", "how often would I need the second
    one" is about SCIg, not IVIg (the topic an open question falls back on) nor "I didn't give you a choice"."""
    anywhere.say("open m m n guide")
    anywhere.say("which is better")
    dialog = anywhere.say(asked)["sessionAttributes"]["dialog"]
    assert (dialog["topic"], dialog["facet"]) == ("scig", "course")


def test_which_is_better_after_a_treatment_s_page_that_names_another_compares_those_two(anywhere):
    anywhere.say("what is scig")
    assert anywhere.say("which is better")["sessionAttributes"]["dialog"]["answered"] == "compare:scig:ivig"


def test_which_is_better_with_nothing_to_compare_asks_which_two_and_nothing_else(anywhere):
    """One question, the one that asks which two, not "What would you like to know?" after it."""
    anywhere.say("open m m n guide")
    response = anywhere.say("which one is better")
    assert speech_of(response) == reprompt_of(response) == PROMPTS["compare_what"].format(first="IVIg", second="SCIg")


def test_a_turn_that_asks_nothing_of_its_own_asks_what_else_about_the_topic_in_context(anywhere):
    anywhere.say("what is ivig")
    response = anywhere.say("what if he gets breathless")
    assert reprompt_of(response) == PROMPTS["ask_about"].format(topic="IVIg")


def test_go_back_at_a_clarification_with_nothing_before_asks_it_again_and_takes_its_answer(anywhere):
    asked = said(anywhere, "what are the side effects")
    back = anywhere.say("go back")
    assert speech_of(back).startswith(PROMPTS["nothing_before"])
    assert reprompt_of(back).startswith("Do you mean") and asked.endswith(reprompt_of(back))
    assert said(anywhere, "the second one").startswith(lead(first_page("scig", "side_effects")))


def test_go_back_with_nothing_before_the_answer_says_so_and_that_answer_again_from_its_start(anywhere):
    """ "Go back" after "more" on the first answer of a session: the listener hears where they are and the answer
    from its start, not only "There's nothing before this yet."."""
    anywhere.say("what are the side effects of scig")
    anywhere.say("more")
    anywhere.say("go back")
    again = said(anywhere, "go back")
    assert again.startswith(f"{PROMPTS['nothing_before']} {lead(first_page('scig', 'side_effects'))}")


@pytest.mark.parametrize(
    ("said_first", "heard"),
    [
        ("my chest hurts and i can't breathe", "Call 911 now."),
        ("i feel fine so i'll skip my next ivig", "Please don't stop, skip"),
        ("my leg is swollen and hot since my infusion", "Call your doctor or care team right away."),
    ],
)
def test_asking_for_safety_advice_in_fewer_words_says_the_advice_not_ask_about_a_topic(anywhere, said_first, heard):
    """ "In simple words" after safety advice: the advice (in brief where it has a brief form), never "Ask me
    about a topic first."."""
    anywhere.say(said_first)
    response = anywhere.say("in simple words")
    assert heard in speech_of(response) and PROMPTS["nothing_read_yet"] not in speech_of(response)
    assert response["sessionAttributes"]["dialog"]["answered"].startswith("safety:")


def test_go_back_after_safety_advice_said_again_with_nothing_before_says_the_advice(anywhere):
    advice = said(anywhere, "i feel fine so i'll skip my next ivig")
    anywhere.say("why not though")
    assert said(anywhere, "go back") == advice


def test_a_short_reply_in_words_nobody_knows_is_not_taken_for_a_question_about_the_last_answer(anywhere):
    anywhere.say("what are the side effects of ivig")
    assert anywhere.say("foo bar baz")["sessionAttributes"]["dialog"]["answered"] == "unknown"


@pytest.mark.parametrize(
    "form",
    ["wait what", "repeat the last bit", "say the last part again", "hang on what was that", "what was the last one"],
)
def test_asking_for_the_last_bit_again_mid_session_says_it_again(anywhere, form):
    anywhere.say("tell me about IVIG")
    answer = said(anywhere, "more")
    assert said(anywhere, form) == answer


def test_go_back_to_what_was_said_about_a_topic_reads_that_again(anywhere):
    anywhere.say("what are the side effects of ivig")
    anywhere.say("tell me about scig")
    anywhere.say("how sure is that")
    assert said(anywhere, "go back to what you said about ivig").startswith(lead(first_page("ivig", "side_effects")))


def test_the_nearest_question_offered_after_a_miss_puts_no_topic_in_context(console):
    console.say("can you order my medication")  # offers the treatments for MMN
    assert said(console, "can you renew my prescription").startswith(PROMPTS["dont_know_again"])


def test_yes_after_help_asks_for_the_question_rather_than_taking_an_older_offer(console):
    console.say("tell me about IVIG")
    console.say("help")
    assert said(console, "yes") == PROMPTS["whats_your_question"]


def test_a_tampered_history_starts_afresh_and_a_long_one_is_bounded():
    bogus = {"dialog": {"history": [{"place": "not a place"}], "chunk": 3}}
    assert DialogState.from_attributes(bogus) == DialogState()
    advice = {"reply": {"speech": "Call 911 now."}, "level": "emergency", "asking": "safety_again", "at": 99}
    assert DialogState.from_attributes({"dialog": {"advice": advice, "chunk": 3}}) == DialogState()
    assert DialogState.from_attributes({"dialog": {"advice": {**advice, "at": 2}}}).advice.at == 2
    marks = [{"place": {"topic": "ivig", "facet": "overview"}, "page": 0, "chunk": n % 3} for n in range(30)]
    assert len(DialogState.from_attributes({"dialog": {"history": marks}}).history) == MAX_HISTORY


def test_after_a_comparison_the_next_subject_is_named_not_it(console):
    response = console.say("compare IVIG and steroids")
    while "compare" in reprompt_of(response):
        response = console.say("more")
    assert reprompt_of(response) == PROMPTS["offer_facet"].format(facet="when doctors use IVIg")


@pytest.mark.parametrize(
    ("missed", "sign"),
    [
        ("what should the needle marks look like after hizentra", "one of them is hot and red and spreading"),
    ],
)
def test_a_miss_that_names_two_treatments_keeps_neither_so_a_site_infection_is_still_heard(anywhere, missed, sign):
    """ "The needle" reads as an infusion (IVIg) and Hizentra is SCIg: taking IVIg as the subject read a hot, spreading
    SCIg site as SCIg's everyday side effects; it is a call to the doctor today."""
    assert anywhere.say(missed)["sessionAttributes"]["dialog"]["answered"] == "unknown"
    assert anywhere.say(sign)["sessionAttributes"]["dialog"]["answered"] == "safety:call_doctor"


@pytest.mark.parametrize(
    ("statement", "name", "follow_up", "answered"),
    [
        ("my husband is on hizentra at home", "Hizentra", "how long does that take each week", "q:scig_how_long.1"),
        (
            "my mum has been getting ivig in hospital for years",
            "IVIg",
            "how long does it take",
            "q:infusion_how_long.1",
        ),
        ("he's on prednisone", "prednisone", "what are the side effects", "corticosteroids.side_effects.1"),
        ("my brother does his cuvitru on saturdays", "Cuvitru", "how long does it take", "q:scig_how_long.1"),
        ("my dad goes for his ivig every month", "IVIg", "how long does it take", "q:infusion_how_long.1"),
        ("my wife is having privigen today", "Privigen", "how long does it take", "q:infusion_how_long.1"),
        ("my husband takes his hyqvia every three weeks", "HyQvia", "how long does it take", "q:scig_how_long.1"),
    ],
)
def test_a_statement_that_names_a_treatment_is_acknowledged_and_makes_it_the_subject(
    anywhere, statement, name, follow_up, answered
):
    """ "My husband is on Hizentra at home" asks nothing: no guess at a question ("Do you mean ...?"), a short "Okay,
    Hizentra, given under the skin." and what they'd like to know; "how long does that take each week" is then about
    SCIg, not IVIg or "I don't know"."""
    heard = anywhere.say(statement)
    speech = speech_of(heard)
    assert f"Okay, {name}" in speech and speech.endswith(PROMPTS["stated_ask"])
    assert not heard["sessionAttributes"]["dialog"]["choices"] and len(speech.split()) <= 20
    assert anywhere.say(follow_up)["sessionAttributes"]["dialog"]["answered"] == answered


@pytest.mark.parametrize(
    "asked",
    [
        "how long does hizentra take",
        "my husband is on hizentra and has a rash",
        "hizentra at home",
        "my dad refuses his hizentra",
        "my son does his hizentra and gets headaches",
    ],
)
def test_a_question_or_a_sign_said_with_a_treatment_is_not_taken_for_a_statement(anywhere, asked):
    """A question word, a sign, a word that says something to answer ("refuses"), or no one it is about makes it
    something to answer, not a statement to acknowledge."""
    assert "Okay, Hizentra" not in said(anywhere, asked)


def test_a_clarification_keeps_the_treatment_it_was_asked_about_in_context(anywhere):
    """ "Do you mean ...?" about a sentence that named SCIg, then a follow-up that picks neither and names no
    treatment: it is about SCIg, as after a miss."""
    dialog = anywhere.say("hizentra with my husband at home every week")["sessionAttributes"]
    assert dialog["dialog"]["answered"] == "clarify" and dialog["dialog"]["topic"] == "scig"
    assert anywhere.say("how long does that take each week")["sessionAttributes"]["dialog"]["topic"] == "scig"


# ------------------------------------------------------------------------------ back to words, corrections, plain


@pytest.mark.parametrize(
    "back", ["back to the headaches", "go back to the headache part", "can we go back to the kidney part"]
)
def test_going_back_to_something_said_by_its_words_reads_that_again(anywhere, back):
    """ "Back to the headaches" after IVIg's side effects and then SCIg's overview: IVIg's side effects again, not a
    new page about SCIg."""
    anywhere.say("what are the side effects of ivig")
    anywhere.say("tell me about scig")
    assert said(anywhere, back).startswith(lead(first_page("ivig", "side_effects")))


@pytest.mark.parametrize("wrong", ["no that's not what i asked", "that's not what i meant", "you got it wrong"])
def test_not_what_i_asked_after_an_answer_says_sorry_asks_again_and_keeps_the_topic(anywhere, wrong):
    """ "No, that's not what I asked" after an answer: not the next part of it, but sorry and what they wanted to know
    about the treatment they are on; "yes" then reads nothing on."""
    anywhere.say("what are the side effects of scig")
    heard = anywhere.say(wrong)
    dialog = heard["sessionAttributes"]["dialog"]
    assert speech_of(heard) == f"{PROMPTS['got_it_wrong']} {PROMPTS['wrong_ask_about'].format(topic='SCIg')}"
    assert dialog["topic"] == "scig" and dialog["offer"] is None


def test_not_what_i_asked_to_a_choice_of_two_is_neither(anywhere):
    anywhere.say("hizentra with my husband at home every week")
    assert said(anywhere, "that's not what i asked").startswith(PROMPTS["clarify_neither"])


@pytest.mark.parametrize(
    ("correction", "answered"),
    [("no i meant the side effects", "ivig.side_effects.1"), ("no i meant how long it takes", "q:infusion_how_long.1")],
)
def test_a_correction_asks_what_follows_it_in_the_same_context(anywhere, correction, answered):
    """ "No, I meant the side effects" after IVIg's overview: IVIg's side effects, not more of the overview."""
    anywhere.say("tell me about ivig")
    assert anywhere.say(correction)["sessionAttributes"]["dialog"]["answered"] == answered


@pytest.mark.parametrize(
    "correction", ["no i meant for my wife", "i meant for him", "and for her is it the same", "what about for my son"]
)
def test_a_correction_that_only_names_who_it_is_for_says_the_answer_is_the_same_and_the_offer_stands(
    anywhere, correction
):
    anywhere.say("tell me about ivig")
    heard = speech_of(anywhere.say(correction))
    assert heard.startswith(PROMPTS["same_for_anyone"]) and heard.endswith("Want to hear more about IVIg?")
    assert said(anywhere, "yes").startswith(chunks(first_page("ivig", "overview"))[1])


@pytest.mark.parametrize(("asked", "topic"), [("what is ivig", "ivig"), ("what is scig", "scig")])
def test_in_simple_words_after_a_lead_says_the_page_s_plain_form_and_not_the_same_words_twice(anywhere, asked, topic):
    """ "In simple words" right after IVIg's lead: "IVIg is a medicine made from other people's blood ...", not the
    lead's first sentence ("IVIg stands for intravenous immunoglobulin"); asked again, not the same words again."""
    anywhere.say(asked)
    plain = CONTENT.topic(topic).pages("overview")[0].plain
    assert said(anywhere, "in simple words").startswith(plain)
    assert not said(anywhere, "say it simpler").startswith(plain)
