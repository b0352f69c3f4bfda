"""The sixth clinical review's findings (docs/clinical-reviews/review-6-last-round.md), each fixed by kind and heard
as a listener reaches it, one-shot and mid-session, through full request envelopes (the console): the review's own
sentences and others of the same kind (other drugs, other people, other word forms)."""

from __future__ import annotations

import pytest
from conftest import speech_of
from spoken import CALL_NOW, CRISIS, EMERGENCY, answered, ends, say

from build_tools.interaction_model import model_path
from local_console.console import Console
from local_console.nlu import LocalNlu
from skill.app import build_skill

OVERDOSE = "call your doctor or pharmacist now, even if you feel fine"


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-GB", None, "I took double my methotrexate by mistake, what should I do?"),
        ("en-GB", None, "i've been taking methotrexate every day for a week, should i stop"),
        ("en-US", "tell me about azathioprine", "i accidentally took two azathioprine doses, should i worry"),
        ("en-IN", None, "I have taken extra mycophenolate tablets by mistake, can I still go to work"),
        ("en-AU", None, "my husband took his weekly methotrexate two days in a row, should i call someone"),
        ("en-CA", "tell me about other immune drugs", "i've been taking my methotrexate daily, how often should it be"),
        ("en-IN", None, "she took too much azathioprine, what happens if she took too much"),
        # Said in numbers, a wrong strength, or a dose taken again.
        ("en-US", None, "i took 8 tablets of methotrexate instead of 4"),
        (
            "en-GB",
            "tell me about azathioprine",
            "the chemist gave him the wrong strength of methotrexate and he took it",
        ),
        ("en-CA", None, "i already took my methotrexate on sunday and i took it again today"),
        ("en-AU", "what is MMN", "mum has taken her cyclophosphamide twice today, could i have stopped it"),
    ],
)
def test_h1_a_dose_taken_by_mistake_is_a_call_whatever_question_ends_it(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert answered(response) == "safety:call_doctor", spoken
    assert OVERDOSE in spoken and "Don't take another dose until they tell you to." in spoken
    assert "on your own" not in spoken and EMERGENCY[locale] in spoken


@pytest.mark.parametrize(
    "said",
    [
        "can i take my methotrexate every day",
        "should i take double my azathioprine if my hands are worse",
        "how often should i take methotrexate",
        "i took my methotrexate, can i take folic acid every day",
    ],
)
def test_h1_a_question_of_a_dose_to_come_or_a_vitamin_is_no_overdose(said):
    assert answered(say("en-GB", said)) != "safety:call_doctor"


def say_after(locale: str, turns: list[str]) -> dict:
    """The answer to the last of ``turns``, said one after another in one session."""
    *before, last = turns
    console = Console(build_skill(), LocalNlu.from_file(model_path(locale)), locale)
    for turn in before:
        console.say(turn)
    return console.say(last)


ABOUT = {
    "emergency": "I can't tell what's behind it, so please don't wait.",
    "call_doctor": "I can't tell what's behind it, so it needs checking.",
    "no_change": "I can't judge that for you, and weakness can come back.",
}


@pytest.mark.parametrize(
    "locale, turns, level, advice",
    [
        ("en-US", ["my chest hurts", "is that dangerous"], "emergency", "Call 911 now."),
        ("en-GB", ["tell me about IVIG", "my husband's lips are swelling", "is it dangerous"], "emergency", "Call 999"),
        ("en-AU", ["her face has dropped on one side", "is this dangerous"], "emergency", "Call 000 now."),
        ("en-IN", ["my father can't breathe properly", "is that life threatening"], "emergency", "Call 112 now"),
        (
            "en-CA",
            ["what is SCIG", "I've had chills and a fever since my IVIG yesterday", "is that dangerous"],
            "call_doctor",
            "Call your doctor or care team today about a fever",
        ),
        ("en-US", ["i took double my methotrexate", "is this dangerous"], "call_doctor", "pharmacist now"),
        ("en-GB", ["my leg is swollen and hot since my drip yesterday", "can it wait"], "call_doctor", "right away"),
        (
            "en-AU",
            ["tell me about azathioprine", "I doubled my azathioprine yesterday", "is it safe"],
            "call_doctor",
            "pharmacist now",
        ),
        ("en-IN", ["I am going to stop my IVIG", "is it dangerous"], "no_change", "Please don't stop, skip"),
        (
            "en-CA",
            ["tell me about steroids", "I've halved my steroids myself", "do i really need to call"],
            "no_change",
            "Please don't stop steroids suddenly",
        ),
    ],
)
def test_h2_is_that_dangerous_after_safety_advice_says_it_cant_judge_and_the_advice_again(locale, turns, level, advice):
    response = say_after(locale, turns)
    spoken = speech_of(response)
    assert spoken.startswith(ABOUT[level]), spoken
    assert advice in spoken and answered(response) == f"safety:{level}"
    assert "Mild side effects" not in spoken and not ends(response)


@pytest.mark.parametrize("locale", ["en-US", "en-GB"])
def test_h2_is_it_dangerous_with_a_treatment_in_context_and_no_advice_is_the_treatments_risks(locale):
    assert answered(say_after(locale, ["tell me about IVIG", "is it dangerous"])).startswith("ivig.side_effects")


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-US", None, "chest pain and can't breathe, i need to know what to do"),
        ("en-GB", None, "face drooping on one side and slurred speech, i need to know what to do"),
        ("en-AU", "tell me about IVIG", "sudden weakness down one side, i want to know what to do"),
        ("en-IN", None, "lips swelling up right now, just wondering what to do"),
        ("en-CA", "what is SCIG", "face drooping and slurred speech, what should we do"),
        ("en-US", "tell me about IVIG", "crushing chest pain, should we go in"),
        ("en-GB", None, "throat feels like it's closing, can you tell me what to do"),
        ("en-AU", None, "severe chest pain, in case you can help"),
        ("en-IN", "tell me about steroids", "tongue swelling up fast, i just want to know what to do"),
    ],
)
def test_h3_an_emergency_said_first_and_a_question_after_it_is_a_report(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert spoken.startswith(CALL_NOW[locale]), spoken
    assert answered(response) == "safety:emergency" and "Sorry" not in spoken


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", "what should i do if i get chest pain during an infusion"),
        ("en-GB", "what are the warning signs of a stroke on IVIG"),
        ("en-CA", "what does a bad reaction look like, just so I know"),
    ],
)
def test_h3_a_question_asked_before_the_sign_is_no_report(locale, said):
    response = say(locale, said)
    spoken = speech_of(response)
    assert spoken.startswith(("If this is happening now, call", "If it happens")), spoken
    assert answered(response) != "safety:emergency"


LOCALES = tuple(EMERGENCY)
PAST_AND_NEW = [
    "she had a mini stroke last month and i think she's having another one",
    "i had a tia a few weeks ago and i think i'm having another stroke now",
    "my father had a stroke years ago, i think he is having a stroke again right now",
    "i had a heart attack a while back and i think i'm having one again",
]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("said", PAST_AND_NEW)
def test_h4_a_past_stroke_or_heart_attack_said_with_a_new_one_is_an_emergency(locale, said):
    response = say(locale, said)
    assert speech_of(response).startswith(CALL_NOW[locale]), speech_of(response)
    assert answered(response) == "safety:emergency"


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-GB", "tell me about IVIG", "mum had a stroke years back and i think it's another one"),
        ("en-US", None, "my husband had a TIA in the past and it's happening again"),
        ("en-AU", "what is SCIG", "dad had a heart attack ages ago and I reckon he's having another"),
        ("en-IN", "tell me about IVIG", "my wife had a mini stroke some time back, she is having one again"),
        ("en-CA", None, "i had a stroke two years ago and it feels like i'm having a stroke right now"),
    ],
)
def test_h4_a_history_does_not_excuse_a_new_event_in_other_words(locale, context, said):
    response = say(locale, said, context)
    assert speech_of(response).startswith(CALL_NOW[locale]), speech_of(response)


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "my father had a mini stroke a few years back, is IVIg okay for him"),
        ("en-US", "i had a heart attack a while back, can i still have ivig"),
    ],
)
def test_h4_a_history_alone_is_still_a_question(locale, said):
    assert not answered(say(locale, said)).startswith("safety:")


# Suicidal thoughts in present, past and question forms, each verb in its other forms.
THOUGHTS = [
    "i have thought about ending my life",
    "i keep thinking about ending it all",
    "i nearly ended it all last night",
    "would anyone miss me if i ended it all",
    "just wondering, would anybody miss me",
    "would anyone even care if i was gone",
    "would anybody notice if i wasn't here",
    "does anyone care if i'm gone",
    "who would even miss me if i died",
    "i've been thinking about taking my own life",
    "sometimes i think about killing myself",
    "i wanted to die last night",
]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("said", THOUGHTS)
def test_h5_suicidal_thoughts_in_every_word_form_hear_the_crisis_line(locale, said):
    # Mid-session for every other one: the topic in context changes nothing.
    context = "tell me about IVIG" if THOUGHTS.index(said) % 2 else None
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert spoken.startswith(f"If you might act on these thoughts, call {EMERGENCY[locale]} now."), spoken
    assert CRISIS[locale] in spoken and not ends(response)


@pytest.mark.parametrize(
    "said",
    [
        "would anyone miss me at the support group if i stopped going",
        "who would look after my husband if i was gone for a week",
        "she has endured it all with such courage",
    ],
)
def test_h5_being_missed_somewhere_or_enduring_is_no_crisis(said):
    assert not answered(say("en-GB", said)).startswith("safety:")


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-GB", None, "the skin around my port is red and hot, is that normal"),
        ("en-CA", None, "my port is red and swollen is that normal"),
        ("en-US", "what is SCIG", "her port is swollen and warm, is it normal"),
        ("en-AU", "tell me about IVIG", "the area over his port looks red and angry, is that usual"),
        ("en-IN", None, "my port is puffy and hot since yesterday, is this normal"),
        ("en-GB", "tell me about IVIG", "mum's hickman line is red and weeping, is that normal"),
    ],
)
def test_w1_a_red_or_swollen_port_asked_about_is_a_drip_site_to_call_about(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert answered(response) == "safety:call_doctor" and "drip site" in spoken and "SCIg" not in spoken, spoken
    assert "Call your doctor or care team right away." in spoken


@pytest.mark.parametrize("said", ["is it normal to feel hot at the airport after my ivig", "my passport photo is red"])
def test_w1_an_airport_or_a_passport_is_no_port(said):
    assert answered(say("en-GB", said)) != "safety:call_doctor"


TODAY = "Call your doctor or care team today about a fever after an infusion."


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-US", None, "i feel feverish after my infusion is that normal"),
        ("en-GB", None, "he's got a temperature after his drip, is it normal"),
        ("en-CA", None, "i've been shivering since my ivig yesterday is that normal"),
        ("en-US", "what is MMN", "my temperature shot up after my infusion yesterday"),
        ("en-IN", None, "I am having chills after my IVIG, is it normal"),
        ("en-AU", "tell me about IVIG", "she's got the shivers after her privigen yesterday, is that normal"),
        ("en-GB", "tell me about SCIG", "her temp went up after the hizentra last night, should we worry"),
        ("en-CA", None, "he's been shaky and hot and cold since his drip, is that common"),
    ],
)
def test_w2_a_fever_said_any_way_after_an_infusion_and_asked_about_is_a_call_today(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert answered(response) == "safety:call_doctor" and spoken.startswith(TODAY), spoken
    assert "Mild side effects" not in spoken


@pytest.mark.parametrize(
    "said", ["my husband gets chills after his drip, is that normal", "can i get my flu shot after my ivig"]
)
def test_w2_a_fever_that_always_comes_or_a_flu_shot_is_answered_not_alarmed(said):
    assert not answered(say("en-US", said)).startswith("safety:")


MISSED = "If you missed a dose, don't take two to catch up."


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-GB", None, "i missed my methotrexate this week"),
        ("en-IN", None, "i missed my azathioprine yesterday what should i do"),
        ("en-US", "tell me about IVIG", "I forgot to take my mycophenolate this morning"),
        ("en-AU", "tell me about azathioprine", "mum forgot her imuran tablets last night"),
        ("en-CA", None, "he missed his methotrexate on sunday, can he take it today"),
        ("en-GB", "what is MMN", "i missed my methotrexate so i'll take two today"),
    ],
)
def test_w3_a_tablet_already_missed_hears_not_to_take_two_not_a_telling_off(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert spoken.startswith(MISSED), spoken
    # The methotrexate rule, only of methotrexate (review 7, n1).
    assert ("within two days" in spoken) == ("methotrexate" in said), spoken
    assert "Please don't stop or change your medicine on your own." not in spoken


def test_w3_a_tablet_missed_on_purpose_is_still_a_change_of_treatment():
    spoken = speech_of(say("en-GB", "i missed my azathioprine on purpose and i'm going to stop it"))
    assert spoken.startswith("Please don't stop or change your medicine on your own.")


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-GB", None, "my gp took me off prednisolone all at once after six months"),
        ("en-US", "tell me about steroids", "the doctor at the hospital stopped my prednisone suddenly last week"),
        ("en-AU", None, "the locum took her off the steroids overnight"),
        ("en-IN", "tell me about IVIG", "I stopped my prednisolone all of a sudden after two months"),
        ("en-CA", None, "the walk in clinic took him off his prednisone cold turkey"),
    ],
)
def test_w4_steroids_stopped_all_at_once_by_anyone_hear_the_call_today(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert answered(response) == "safety:call_doctor", spoken
    # The call first, then why (safety round 14).
    assert spoken.startswith("Call the doctor who prescribed or stopped them today.")
    assert "Steroids taken for more than three weeks shouldn't be stopped all at once." in spoken
    assert EMERGENCY[locale] in spoken


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-US", None, "the insurance stopped paying for my ivig so i've stopped it"),
        ("en-IN", "tell me about IVIG", "we cannot afford the IVIG any more so we have stopped it"),
        ("en-CA", None, "my insurer won't cover the drip anymore, so i stopped having it"),
        ("en-GB", "what is SCIG", "the funding ran out so I've given up my hizentra"),
        ("en-AU", None, "it costs too much so i've stopped my privigen"),
    ],
)
def test_w4_immunoglobulin_stopped_for_its_cost_hears_to_tell_the_neurologist_now(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert answered(response) == "safety:no_change" and spoken.startswith("Tell your neurologist now"), spoken
    assert "appeal" in spoken


@pytest.mark.parametrize(
    "said",
    [
        "my neurologist told me to stop the azathioprine so i stopped it",
        "will the insurance stop paying for my ivig if i move",
        "the nurse stopped my drip halfway because my blood pressure went up",
    ],
)
def test_w4_a_stop_someone_else_decided_or_a_question_is_no_own_change_nor_a_call(said):
    assert answered(say("en-GB", said)) not in ("safety:no_change", "safety:call_doctor")


HOPELESS = "I'm sorry you feel this way."


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-AU", None, "honestly I'm just a burden to everyone now"),
        ("en-US", "tell me about IVIG", "I feel like such a burden on my wife"),
        ("en-IN", None, "I am nothing but a burden to my son"),
        ("en-GB", "tell me about IVIG", "there's no point anymore, I'm so tired"),
        ("en-US", None, "I'm tired of fighting, I've had enough"),
        ("en-CA", "what is SCIG", "I'm done with all of it, I can't go on"),
        ("en-GB", None, "to be honest I'm sick of living like this"),
        ("en-US", "tell me about IVIG", "honestly I just want to give up"),
        ("en-AU", "tell me about steroids", "i feel like i've become a real burden on the kids"),
        ("en-IN", None, "i am so tired of this life"),
    ],
)
def test_n4_hopelessness_with_no_thought_of_self_harm_said_hears_the_hopelessness_answer(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert spoken.startswith(HOPELESS) and "Feeling hopeless with a long-term illness is common" in spoken, spoken
    assert CRISIS[locale] in spoken and f"call {EMERGENCY[locale]} now" in spoken and not ends(response)


@pytest.mark.parametrize(
    "locale, context, said, starts",
    [
        (
            "en-GB",
            None,
            "what should i do if i get chest pain during ivig",
            "If it happens during an infusion, call 999",
        ),
        (
            "en-US",
            "what is MMN",
            "what to do if someone's throat swells up on the drip",
            "If it happens during an infusion",
        ),
        ("en-AU", None, "what happens if you have a seizure", "If it happens, call 000 at once."),
        (
            "en-IN",
            "tell me about steroids",
            "what happens if someone has a seizure",
            "If it happens, call 112",
        ),
        (
            "en-CA",
            None,
            "what should i do if i get hives",
            "If it happens, call your doctor or care team right away.",
        ),
    ],
)
def test_n6_a_question_about_a_sign_no_page_answers_hears_what_to_do_not_sorry(locale, context, said, starts):
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert spoken.startswith(starts) and "Sorry" not in spoken and not ends(response), spoken


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-GB", None, "i took double my prednisolone by mistake"),
        ("en-US", "tell me about IVIG", "she accidentally took her prednisone twice this morning"),
        ("en-AU", None, "I've taken an extra dose of my pred by accident"),
        ("en-IN", "tell me about steroids", "my father took two doses of prednisolone today by mistake"),
        ("en-CA", None, "i doubled my prednisone this morning by accident"),
    ],
)
def test_n3_one_extra_steroid_dose_hears_it_is_unlikely_to_harm_not_dont_stop(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    # In the words of review 7, W2: to the carer too.
    assert spoken.startswith(
        "If you, or the person you care for, took one extra dose of a steroid, it's unlikely to"
    ), spoken
    assert "Please don't stop steroids suddenly" not in spoken


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "we missed mum's drip last week, should we double the next one"),
        ("en-US", "i missed my ivig so i'll double up next time"),
        ("en-AU", "I forgot my hizentra last week, can I do two next time"),
    ],
)
def test_n5_a_missed_dose_to_be_doubled_next_time_is_a_change_of_treatment(locale, said):
    response = say(locale, said)
    assert answered(response) == "safety:no_change" and speech_of(response).startswith("Please don't stop, skip")


WEEKLY = "Methotrexate is taken once a week"


@pytest.mark.parametrize(
    "locale, context, said, weekly",
    [
        ("en-AU", None, "i doubled my azathioprine yesterday", False),
        ("en-GB", "tell me about IVIG", "i took my mycophenolate twice this morning by accident", False),
        ("en-US", None, "my husband took his weekly methotrexate two days in a row", True),
        ("en-IN", None, "my mother has been taking her methotrexate every day", True),
        ("en-CA", "tell me about azathioprine", "she swallowed an extra dose of her cyclophosphamide", False),
    ],
)
def test_n1_an_extra_dose_speaks_to_a_carer_too_and_names_methotrexate_only_when_taken(locale, context, said, weekly):
    spoken = speech_of(say(locale, said, context))
    assert spoken.startswith("If you, or the person you care for, took"), spoken
    assert (WEEKLY in spoken) is weekly


STOP = "stop it now, or ask the nurse to stop it"


@pytest.mark.parametrize(
    "locale, context, said, running",
    [
        ("en-GB", None, "i've got a really bad fever and chills after my ivig and i have a picc line", False),
        ("en-IN", None, "my wife can't breathe properly after her infusion", False),
        ("en-US", "tell me about IVIG", "they stopped my infusion halfway and now i have chills", False),
        ("en-AU", None, "his lips went puffy an hour after the drip started", True),
        ("en-CA", None, "my lips are swelling during the infusion", True),
    ],
)
def test_n2_the_infusion_is_said_to_be_stopped_only_while_it_may_still_run(locale, context, said, running):
    spoken = speech_of(say(locale, said, context)).lower()
    assert (STOP in spoken or "stop the infusion" in spoken) is running, spoken


@pytest.mark.parametrize(
    "locale, turns",
    [
        ("en-US", ["i missed my ivig infusion what now", "what should i do"]),
        ("en-GB", ["we forgot mum's hizentra this week", "what do we do"]),
        ("en-IN", ["my father missed his IVIG last week, the hospital had no bed", "what should we do"]),
    ],
)
def test_n5_what_should_i_do_after_an_answer_hears_more_of_it_not_sorry(locale, turns):
    response = say_after(locale, turns)
    spoken = speech_of(response)
    assert answered(response) == "command:AMAZON.YesIntent" and "Sorry" not in spoken, spoken
    assert "don't change a dose on your own" in spoken
