"""The ninth clinical review's findings in the triage signs (docs/clinical-reviews/review-9-last-round.md), each fixed
by kind and heard as a listener reaches it, one-shot and mid-session, through full request envelopes (the console):
sentences of the same kind as the review's, not only its own. The rule they share: a question or a figure of speech
said with a sign excuses it only when it is asked before the sign, never a report of now said with it."""

from __future__ import annotations

import pytest
from conftest import speech_of
from spoken import CALL_NOW, CRISIS, EMERGENCY, answered, ends, say
from test_clinical_review_7 import ACT, CHILD, OVERDOSE

CHANGE_IG = "Please don't stop, skip or change your immunoglobulin on your own."


# H1: an overdose or self-harm said with a plea for help, a question after it, or how they feel, is the act.
@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-GB", None, "i've overdosed on my sleeping pills, can you tell me what to do"),
        ("en-US", "tell me about IVIG", "my son has taken an overdose, could you help us please"),
        ("en-AU", None, "i had an overdose an hour ago, how many is too many"),
        ("en-IN", "what is MMN", "i took too many tablets deliberately and now i am not feeling good"),
        ("en-CA", None, "i swallowed a lot of painkillers on purpose, i didn't want to be here"),
        ("en-GB", "tell me about steroids", "i've been cutting myself with the kitchen scissors when i feel numb"),
        ("en-US", None, "my daughter burns herself with the iron when she gets upset"),
        ("en-AU", None, "i keep scratching and cutting myself with my nails"),
    ],
)
def test_h1_an_act_said_with_a_plea_a_question_after_it_or_a_feeling_hears_the_call(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    # Told of someone else ("my son has taken an overdose"), it speaks to the one who can call (review 9, n1).
    acts = (
        ACT.format(number=EMERGENCY[locale]),
        f"If they've taken an overdose or are badly hurt, call {EMERGENCY[locale]}",
    )
    assert spoken.startswith(acts), spoken
    assert CRISIS[locale] in spoken and not ends(response)


@pytest.mark.parametrize(
    "said",
    [
        "what happens if you take an overdose of paracetamol",
        "i burnt myself on the oven because my hands are weak",
        "i cut myself shaving this morning",
    ],
)
def test_h1_a_question_before_the_act_or_an_accident_is_no_self_harm(said):
    response = say("en-GB", said)
    assert CRISIS["en-GB"] not in speech_of(response), speech_of(response)


# n8: a fall "again" is an accident; a wish to hurt oneself said with a fall is not.
@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-AU", "i stumbled and hurt myself again because my legs are weak"),
        ("en-US", "i tripped over the rug and hurt myself again"),
    ],
)
def test_n8_a_fall_that_hurt_is_no_self_harm(locale, said):
    response = say(locale, said)
    assert CRISIS[locale] not in speech_of(response), speech_of(response)
    assert not answered(response).startswith("safety:")


def test_n8_a_wish_to_hurt_oneself_said_with_a_fall_still_hears_the_line():
    response = say("en-GB", "i fell apart after the diagnosis and i want to hurt myself")
    assert CRISIS["en-GB"] in speech_of(response), speech_of(response)


# H2: a child's swallow asked with "will she be okay" or "should I worry", or of the carer's "her tablets".
@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-US", None, "my grandson chewed some of my azathioprine, should he see a doctor"),
        ("en-CA", "tell me about other immune drugs", "my toddler ate one of my methotrexate pills, would she be ok"),
        ("en-IN", None, "my 4 year old swallowed two of my prednisolone tablets, should we be worried"),
        ("en-GB", None, "my niece got hold of some of my azathioprine and she's been sick since"),
        ("en-AU", "tell me about steroids", "the kids got into her prednisolone tablets"),
        ("en-US", None, "my little boy got hold of his nan's methotrexate tablets"),
    ],
)
def test_h2_a_childs_swallow_asked_after_or_of_the_patients_tablets_hears_the_emergency(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert spoken.startswith(CHILD.format(number=EMERGENCY[locale])), spoken
    assert answered(response) == "safety:emergency"


@pytest.mark.parametrize(
    "said",
    [
        "what happens if my son swallowed one of my methotrexate tablets",
        "my daughter takes her prednisolone every morning",
        "my son took his methotrexate twice this week",
    ],
)
def test_h2_a_question_before_the_swallow_or_a_childs_own_dose_is_not_the_childs_emergency(said):
    response = say("en-GB", said)
    assert not speech_of(response).startswith("If a child may have swallowed"), speech_of(response)


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-US", None, "my wife swallowed all her methotrexate at once, is it okay"),
        ("en-GB", "tell me about steroids", "dad took all his prednisolone in one go, should i be worried"),
    ],
)
def test_h2_a_large_dose_asked_about_after_it_hears_the_call_now(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert answered(response) == "safety:call_doctor" and OVERDOSE in spoken, spoken


# H3: a red or swollen drip site said with a fever is an infection to call about now, not the SCIg page.
# The call first, then why (safety round 14).
SITE_FEVER = "Call your doctor or care team right away."
FEVER_LINE = "Call your doctor or care team right away about a fever with a port or a line in a vein."


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-GB", None, "her cannula is swollen and she's burning up"),
        ("en-US", "tell me about IVIG", "the iv site on his arm is red and he's shivery"),
        ("en-AU", None, "where the needle went in is all puffy and i feel hot"),
        ("en-IN", None, "my drip site is red and i have a high temperature"),
        ("en-CA", "what is MMN", "the cannula site looks inflamed and i've got the chills"),
    ],
)
def test_h3_a_red_swollen_drip_site_with_a_fever_is_a_call_right_away(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    means = "A red, swollen drip site with a fever can be an infection."
    assert SITE_FEVER in spoken and means in spoken and spoken.index(SITE_FEVER) < spoken.index(means), spoken
    assert EMERGENCY[locale] in spoken, spoken
    assert "SCIg" not in spoken


def test_h3_a_red_port_with_a_fever_is_a_fever_with_a_line():
    spoken = speech_of(say("en-AU", "my port is red and sore and i've got a temperature"))
    assert spoken.startswith(FEVER_LINE), spoken


# H4: chest pain, palpitations or a tight chest blamed on money or waiting are reports; only the idiom is a figure.
@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-IN", None, "the stress of the insurance claim is giving me pain in my chest"),
        ("en-US", "tell me about IVIG", "the hospital bills are giving me a tight chest and my arm hurts"),
        ("en-GB", None, "the council tax appeal is giving me chest pains"),
        ("en-AU", None, "the waiting list is giving me crushing chest pain"),
        ("en-US", None, "the bills are giving me chest pains like a heart attack"),
    ],
)
def test_h4_a_body_sign_blamed_on_money_is_an_emergency(locale, context, said):
    response = say(locale, said, context)
    assert speech_of(response).startswith(CALL_NOW[locale]), speech_of(response)


@pytest.mark.parametrize(
    "locale, said",
    [("en-CA", "this paperwork is gonna give me a stroke"), ("en-US", "these forms will give me a heart attack")],
)
def test_h4_the_idiom_itself_is_still_no_alarm(locale, said):
    response = say(locale, said)
    assert not answered(response).startswith("safety:"), speech_of(response)


# H6: "I want to end it" after a loss, a lost job or the cost of treatment hears the line; a break-up said as such not.
SELF_HARM = "If you might act on these thoughts, call {number} now."


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-GB", None, "i got made redundant from my job and i just want to end it"),
        ("en-US", "tell me about IVIG", "my boyfriend walked out and i keep thinking about ending it"),
        ("en-AU", None, "they took my job away and i want to end it"),
        ("en-IN", None, "we can't pay for the treatment and i feel like ending things"),
        ("en-CA", "what is MMN", "since my girlfriend left i think about ending it"),
    ],
)
def test_h6_wanting_to_end_it_after_a_loss_hears_the_line(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert spoken.startswith(SELF_HARM.format(number=EMERGENCY[locale])), spoken
    assert CRISIS[locale] in spoken


@pytest.mark.parametrize(
    "said",
    ["my girlfriend ended it last week and i feel low", "the nurse ended it early because of my headache"],
)
def test_h6_a_break_up_or_an_infusion_ended_is_no_crisis(said):
    response = say("en-GB", said)
    assert CRISIS["en-GB"] not in speech_of(response), speech_of(response)


# W2: a sign said in the present tense is now, whatever past is said with it.
CLOT = "A painful, swollen, red or warm arm or leg can be a sign of a blood clot"


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-AU", None, "i had a dvt a few years ago and my calf is throbbing and red, is that related"),
        ("en-US", "tell me about IVIG", "she had a clot years ago and her ankle is swollen and warm, should i worry"),
        ("en-GB", None, "i had a blood clot back in twenty eighteen and my leg is hot, is that a problem"),
    ],
)
def test_w2_a_present_sign_with_an_old_clot_is_the_clot_call(locale, context, said):
    spoken = speech_of(say(locale, said, context))
    assert CLOT in spoken and not spoken.startswith("If it happens"), spoken


# W3: weeks of extra steroid, said with the weight it put on, hear to call today.
FOR_DAYS = "have taken more steroid than prescribed for more than a day or two, call the doctor or pharmacist today"


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-AU", None, "she's been on twice her prednisolone for three weeks and gained weight"),
        ("en-US", "tell me about steroids", "i have taken double my prednisone daily for a month and put on weight"),
    ],
)
def test_w3_weeks_of_extra_steroid_with_weight_gain_hear_to_call_today(locale, context, said):
    spoken = speech_of(say(locale, said, context))
    assert FOR_DAYS in spoken and "unlikely to cause harm" not in spoken, spoken


# W4, W5, W7: letting immunoglobulin lapse, spacing it for headaches, stopping "the injections" are changes.
@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-IN", None, "i'm just going to let it stop, my scig isn't helping"),
        ("en-GB", "tell me about IVIG", "honestly i'll let my ivig prescription lapse"),
        ("en-AU", None, "my headaches are so bad i'm going to have fewer infusions"),
        ("en-US", None, "the side effects are awful so i'm going to leave a bigger gap between infusions"),
        ("en-CA", None, "i'm going to quit the injections"),
        ("en-GB", "what is SCIG", "i'm stopping my injections, they hurt too much"),
    ],
)
def test_w4_w5_w7_letting_spacing_or_stopping_immunoglobulin_hears_the_warning(locale, context, said):
    response = say(locale, said, context)
    assert speech_of(response).startswith(CHANGE_IG), speech_of(response)


@pytest.mark.parametrize(
    "said",
    [
        "will it ever stop",
        "what are the injections for scig like",
    ],
)
def test_w4_w5_w7_a_question_is_no_change_of_treatment(said):
    response = say("en-US", said)
    assert "on your own" not in speech_of(response), speech_of(response)


# W6: a whole pack or bottle of tablets taken is the emergency number, not the pharmacist first.
WHOLE_PACK = "If you, or the person you care for, have taken a whole pack or bottle of tablets, call {number} now"


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-US", None, "i just swallowed a whole packet of my tablets"),
        ("en-GB", "tell me about IVIG", "my mum has taken the entire box of her pills"),
        ("en-AU", None, "i took the whole strip of tablets this morning"),
        ("en-IN", None, "i took a whole box of my tablets by mistake"),
        ("en-CA", "what is MMN", "i think i took the entire bottle of my imuran capsules this morning"),
    ],
)
def test_w6_a_whole_pack_taken_is_the_emergency_number(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert spoken.startswith(WHOLE_PACK.format(number=EMERGENCY[locale])), spoken
    assert "Take the pack with you." in spoken and answered(response) == "safety:emergency"


@pytest.mark.parametrize("said", ["can i take the whole strip of tablets at once", "i take all my tablets with food"])
def test_w6_a_question_or_a_routine_dose_is_no_emergency(said):
    response = say("en-US", said)
    assert answered(response) != "safety:emergency", speech_of(response)
