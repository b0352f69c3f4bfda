"""The clinical review's "must fix" corrections, each heard as a listener would reach it, in full request envelopes."""

from __future__ import annotations

import pytest
from conftest import Conversation, speech_of
from spoken import CRISIS as CRISIS_LINES
from spoken import EMERGENCY, answered, ends

from build_tools.interaction_model import model_path
from local_console.console import Console
from local_console.nlu import LocalNlu
from skill.app import build_skill
from skill.content import load_content

IVIG = ("IVIG", "ivig", "IVIg")
SCIG = ("SCIG", "scig", "SCIg")
INFUSION_DAY = ("infusion day", "infusion_day", "infusion day")
CAREGIVERS = ("caregivers", "caregivers", "help for caregivers")


def read(conversation: Conversation, intent: str, topic: tuple[str, str, str], pages: int = 1) -> str:
    """Ask for a facet of a topic, then say "yes" until page ``pages``; all that page says, over its turns."""
    said = conversation.whole_page(conversation.send("topic_ivig", intent=intent, slot_value=topic))
    for _ in range(pages - 1):
        said = conversation.whole_page(conversation.send("yes"))
    return said


def test_c1_warning_signs_after_an_infusion_need_help_right_away_not_soon(conversation, skill):
    pages = [
        read(conversation, "SideEffectsIntent", IVIG, pages=5),
        read(Conversation(skill), "TopicIntent", INFUSION_DAY, pages=3),
        read(Conversation(skill), "TopicIntent", CAREGIVERS, pages=2),
    ]
    for said in pages:
        assert "right away" in said and "911" in said and "soon" not in said
        assert "painful, swollen or warm arm or leg" in said and "same day" in said
        assert "stop the infusion first" in said.lower() or "stop it first" in said


def test_c2_the_infusion_day_overview_names_the_serious_signs_and_the_emergency_number(conversation):
    said = read(conversation, "TopicIntent", INFUSION_DAY)
    assert "blood clots" in said and "Chest pain, trouble breathing" in said and "call 911" in said


def test_c3_stopping_or_stretching_ivig_hears_do_not_on_your_own():
    console = Console(build_skill(), LocalNlu.from_file(model_path("en-US")))
    said = speech_of(console.say("can I stop my IVIG, I feel fine now"))
    assert said.startswith("Please don't stop, skip or change your immunoglobulin on your own.")
    assert "within weeks" in said and "neurologist" in said


def test_c3_the_ivig_course_tells_not_to_stop_on_your_own(conversation):
    said = read(conversation, "CourseIntent", IVIG, pages=3)
    assert said.startswith(
        "Part three of three. If you already get IVIg, don't stop it, skip a dose, or stretch the time between doses"
    )


def test_m1_the_first_side_effects_answer_names_the_rare_serious_risks_in_its_first_breath(conversation):
    first = speech_of(conversation.send("topic_ivig", intent="SideEffectsIntent", slot_value=IVIG))
    assert "rare but serious risks, such as blood clots and kidney harm" in first


def test_m3_the_first_scig_side_effects_answer_names_the_clot_warning(conversation):
    first = speech_of(conversation.send("topic_ivig", intent="SideEffectsIntent", slot_value=SCIG))
    assert "warning about rare but serious blood clots" in first


def test_m2_aseptic_meningitis_is_named_with_its_timing(conversation):
    said = read(conversation, "SideEffectsIntent", IVIG, pages=3)
    assert "aseptic meningitis" in said.lower() and "within a week of a dose" in said


def test_m3_scig_carries_the_clot_warning_and_the_emergency_line(conversation):
    said = read(conversation, "SideEffectsIntent", SCIG, pages=2)
    assert "warning about blood clots" in said and "severe allergic reactions" in said
    assert "Stop the infusion and call 911" in said


def test_m4_scig_is_said_to_be_unlicensed_for_mmn(conversation, skill):
    assert "no SCIg product is licensed for MMN" in read(conversation, "TopicIntent", SCIG)
    assert "isn't licensed for MMN" in read(Conversation(skill), "WhenUsedIntent", SCIG)


def test_m5_the_best_treatment_evidence_matches_its_claim():
    console = Console(build_skill(), LocalNlu.from_file(model_path("en-US")))
    said = [speech_of(console.say(text)) for text in ("what is the best treatment", "more")]
    assert "only treatment for MMN that controlled trials show to work" in " ".join(said)
    assert "randomized controlled trials" in speech_of(console.say("how sure is that"))


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", "prior authorization"),
        ("en-AU", "national criteria"),
        ("en-GB", "the NHS"),
        ("en-CA", "your province"),
        ("en-IN", "government health schemes"),
    ],
)
def test_who_pays_is_told_for_each_locale(locale, said):
    console = Console(build_skill(), LocalNlu.from_file(model_path(locale)), locale)
    heard = " ".join(speech_of(console.say(text)) for text in ("who pays for my infusions", "more"))
    assert said in heard


# Third clinical review (H1, H4, H6, W5, W6) and safety in context and in conversation (issues 16, 17, 18).

CRISIS = {locale: (EMERGENCY[locale], line) for locale, line in CRISIS_LINES.items()}


def console_for(locale: str = "en-US") -> Console:
    return Console(build_skill(), LocalNlu.from_file(model_path(locale)), locale)


@pytest.mark.parametrize("locale", CRISIS)
def test_h1_self_harm_hears_the_locales_crisis_line_and_the_session_stays_open(locale):
    emergency, crisis = CRISIS[locale]
    console = console_for(locale)
    response = console.say("I don't see the point of going on")
    said = speech_of(response)
    assert said.startswith(f"If you might act on these thoughts, call {emergency} now.")
    assert crisis in said and not ends(response)
    assert said.endswith("Want me to say the numbers again?")
    again = console.say("yes")
    assert crisis in speech_of(again) and not ends(again)
    closed = console.say("no")
    assert ends(closed) and "someone you trust" in speech_of(closed)


@pytest.mark.parametrize("locale", CRISIS)
def test_h1_each_locales_crisis_line_is_cited(locale):
    content = load_content(locale)
    sign = next(s for level in content.red_flags.levels for s in level.signs if s.id == "self_harm")
    assert any(CRISIS[locale][1] in content.sources[source].title for source in sign.sources)


@pytest.mark.parametrize(
    "said",
    [
        "some nights I think about ending it",
        "I want to die",
        "I can't go on like this",
        "everyone would be better off without me",
        "I might hurt myself",
    ],
)
def test_h1_hopelessness_in_other_words_hears_the_crisis_line(said):
    assert "988" in speech_of(console_for().say(said))


@pytest.mark.parametrize("said", ["I can't go on the holiday", "ending my infusion early", "what's the point of IVIg"])
def test_h1_ordinary_sentences_do_not_raise_the_crisis_line(said):
    response = console_for().say(said)
    assert "988" not in speech_of(response) and not answered(response).startswith("safety:emergency")


@pytest.mark.parametrize(
    "said", ["my weakness is getting worse quickly over a few days", "my hand is getting weaker every day"]
)
def test_h4_weakness_worse_over_days_is_a_call_today(said):
    response = console_for().say(said)
    assert answered(response) == "safety:call_doctor"
    assert "can be the treatment wearing off" in speech_of(response) and speech_of(response).startswith(
        "Ask your neurologist to check it today."
    )


@pytest.mark.parametrize(
    "said", ["can I have the yellow fever vaccine on azathioprine", "is the yellow fever jab ok with a high dose"]
)
def test_h6_yellow_fever_is_no_fever(said):
    assert not answered(console_for().say(said)).startswith("safety:")


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "my GP wants to put me on prednisone"),
        ("en-GB", "my consultant wants to start me on prednisolone"),
        ("en-US", "my doctor wants to start me on steroids"),
    ],
)
def test_w5_a_doctor_proposing_steroids_hears_that_they_usually_do_not_help(locale, said):
    assert speech_of(console_for(locale).say(said)).startswith("Steroids usually don't help MMN")


@pytest.mark.parametrize(
    "said",
    [
        "I have a fever should I still have my infusion",
        "I've got covid, can I have my IVIg tomorrow",
        "I have a cold, should I go for my drip",
    ],
)
def test_w6_illness_before_an_infusion_hears_call_the_infusion_team_first(said):
    spoken = speech_of(console_for().say(said))
    assert "Call your infusion team before your dose." in spoken and "Don't just skip it." in spoken
    assert "stop it now" not in spoken  # nothing is running yet


@pytest.mark.parametrize(
    "topic, said, starts",
    [
        (
            "tell me about IVIG",
            "I feel fine so I'm going to skip my next one",
            "Please don't stop, skip or change your immunoglobulin",
        ),
        (
            "what is SCIG",
            "I'm going to start spacing mine out",
            "Please don't stop, skip or change your immunoglobulin",
        ),
        ("what is IVIG", "can I just switch brands myself", "Please don't stop, skip or change your immunoglobulin"),
        ("tell me about steroids", "I'm going to stop taking them", "Please don't stop steroids suddenly"),
        ("tell me about azathioprine", "I'll just miss this one", "Please don't stop or change your medicine"),
        ("can I stop my IVIG", "I'll skip it then", "Please don't stop, skip or change your immunoglobulin"),
    ],
)
def test_a_treatment_change_naming_no_drug_is_about_the_treatment_in_context(topic, said, starts):
    console = console_for()
    console.say(topic)
    assert speech_of(console.say(said)).startswith(starts)


def test_a_treatment_change_with_no_treatment_in_context_hears_the_general_advice():
    console = console_for()
    console.say("is MMN inherited")
    said = speech_of(console.say("I'm going to skip my next one"))
    assert said.startswith("Please don't stop, skip or change a treatment for MMN on your own.")


def test_a_sentence_naming_a_treatment_is_not_read_as_a_change_of_another():
    response = console_for().say("how does the IVIG stuff actually stop my nerves getting worse")
    assert not answered(response).startswith("safety:")


def test_a_symptom_mid_session_is_triaged_as_in_a_one_shot():
    console = console_for()
    console.say("tell me about IVIG")
    assert speech_of(console.say("my urine is dark")) == speech_of(console_for().say("my urine is dark"))


@pytest.mark.parametrize("again", ["yes", "what should I do", "say that again", "ok", "what", "repeat"])
def test_safety_advice_ends_with_an_offer_to_say_it_again_and_is_said_again(again):
    console = console_for()
    advice = speech_of(console.say("my leg is swollen and painful"))
    assert advice.endswith("Want me to say that again?")
    response = console.say(again)
    assert speech_of(response) == advice and not ends(response)


@pytest.mark.parametrize(
    "first, done, goodbye",
    [
        ("can I stop my IVIG", "no", "Okay. Please talk to your neurologist before you change anything."),
        ("can I stop my IVIG", "no thanks", "Okay. Please talk to your neurologist before you change anything."),
        ("my leg is swollen and painful", "no", "Okay. Please do contact your doctor or care team, as I said."),
        ("can I stop my IVIG", "thank you", "You're welcome. Remember to talk to your neurologist before you change"),
        ("my leg is swollen and painful", "thanks", "You're welcome. Please do contact your doctor or care team"),
        ("I want to die", "thanks", "You're welcome. Please do reach out to them, or to someone you trust."),
        ("I want to die", "no", "Okay. Please reach out to them, or to someone you trust."),
    ],
)
def test_no_or_thanks_after_safety_advice_closes_kindly(first, done, goodbye):
    console = console_for()
    console.say(first)
    response = console.say(done)
    assert ends(response) and speech_of(response).startswith(goodbye)


def test_an_emergency_said_during_an_infusion_keeps_stop_the_infusion_and_reads_no_list():
    said = speech_of(console_for().say("my lips are swelling during the infusion"))
    assert said.startswith("Call 911 now. Stop the infusion")
    assert "Chest pain" not in said and "seizures" not in said


@pytest.mark.parametrize(
    "said",
    [
        "call one hundred and eight",
        "call a hundred and eight",
        "call one zero two",
        "call one oh eight",
        "call the ambulance",
    ],
)
def test_en_in_ambulance_numbers_as_said_reach_the_emergency_answer(said):
    assert speech_of(console_for("en-IN").say(said)).startswith("Call 112 now, or 108 for an ambulance.")
