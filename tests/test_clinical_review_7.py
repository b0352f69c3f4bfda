"""The seventh clinical review's findings (docs/clinical-reviews/review-7-last-round.md), each fixed by kind and heard
as a listener reaches it, one-shot and mid-session, through full request envelopes (the console): the review's own
sentences and others of the same kind (other verb forms, other people, other words)."""

from __future__ import annotations

import pytest
from conftest import speech_of
from spoken import CRISIS, EMERGENCY, answered, ends, say
from test_clinical_review_6 import say_after

# H1: an act of self-harm or an overdose taken, said any way, hears the call first, then the crisis line.
ACT = "If you've taken an overdose or hurt yourself badly, call {number} now, even if you feel fine."
ACTS = [
    # The review's own sentences.
    ("en-AU", None, "i cut myself last night"),
    ("en-GB", "tell me about IVIG", "i've been cutting myself again"),
    ("en-IN", None, "i've been self harming"),
    ("en-CA", "what is MMN", "i took an overdose of my pills on purpose"),
    ("en-GB", None, "i took too many pills on purpose"),
    ("en-US", None, "i took an overdose"),
    # Other forms and people of the same acts.
    ("en-US", "tell me about steroids", "my daughter has been cutting herself and i don't know what to do"),
    ("en-GB", None, "i burnt myself with a lighter on purpose"),
    ("en-AU", "what is SCIG", "i self-harmed again last week"),
    ("en-IN", None, "my son overdosed on his sleeping tablets"),
    ("en-CA", None, "i've slashed my wrists"),
    ("en-US", "tell me about azathioprine", "i swallowed a load of painkillers deliberately"),
    ("en-GB", None, "i've taken an overdose of paracetamol"),
    ("en-AU", None, "i have been self-injuring for months"),
]


@pytest.mark.parametrize("locale, context, said", ACTS)
def test_h1_an_act_of_self_harm_or_an_overdose_taken_hears_the_call_and_the_crisis_line(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    # Told of someone else ("my son overdosed"), it speaks to the one who can call (review 9, n1).
    acts = (
        ACT.format(number=EMERGENCY[locale]),
        f"If they've taken an overdose or are badly hurt, call {EMERGENCY[locale]}",
    )
    assert spoken.startswith(acts), spoken
    assert CRISIS[locale] in spoken and not ends(response)


@pytest.mark.parametrize(
    "locale, turns",
    [
        # A closing word inside the sentence ("last night", "thanks") does not end it.
        ("en-AU", ["i cut myself last night, thanks"]),
        ("en-GB", ["tell me about IVIG", "thanks, i've been cutting myself again"]),
        ("en-US", ["i took an overdose", "what should i do"]),
        ("en-IN", ["tell me about IVIG", "i have been self harming, ok bye"]),
        ("en-CA", ["my chest hurts", "no, it's okay, i just cut myself on purpose, goodbye"]),
    ],
)
def test_h1_a_goodbye_said_with_the_act_does_not_end_the_session_before_the_line(locale, turns):
    response = say_after(locale, turns)
    spoken = speech_of(response)
    assert CRISIS[locale] in spoken and EMERGENCY[locale] in spoken, spoken


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-AU", None, "sometimes i think everyone would be better off if i just ended it"),
        ("en-GB", "tell me about IVIG", "i nearly ended it last night"),
        ("en-US", None, "my wife says she wishes she had ended it"),
        ("en-IN", "what is MMN", "some days i think it would be easier if i just ended things"),
        ("en-CA", None, "he keeps saying he'll be gone soon because he ends it all tonight"),
    ],
)
def test_h1_ended_it_in_every_form_hears_the_crisis_line(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert answered(response) == "safety:emergency" and CRISIS[locale] in spoken, spoken
    assert EMERGENCY[locale] in spoken and not ends(response)


@pytest.mark.parametrize(
    "said",
    [
        "i cut myself chopping onions, can i still have my ivig",
        "i keep burning myself on the kettle because my hands are weak",
        "i burnt myself on the oven by accident",
        "she ended it with her boyfriend last week",
        "i've overdosed on my methotrexate",
        "what happens if you take an overdose of azathioprine",
    ],
)
def test_h1_an_accident_or_a_mistaken_dose_is_no_self_harm(said):
    response = say("en-GB", said)
    assert CRISIS["en-GB"] not in speech_of(response), speech_of(response)


# H2: a large amount taken at once, of a named drug or of tablets, hears the call now; a child's swallow, the emergency.
OVERDOSE = "call your doctor or pharmacist now, even if you feel fine"
CHILD = "If a child may have swallowed someone's methotrexate, azathioprine or other tablets, call {number} now"


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-GB", None, "i swallowed all my azathioprine tablets"),
        ("en-GB", "tell me about other immune drugs", "my husband took his whole week of methotrexate in one go"),
        ("en-US", None, "my wife took all her prednisone tablets at once"),
        ("en-AU", "tell me about steroids", "dad swallowed a handful of his prednisolone"),
        ("en-CA", "what is MMN", "mum has taken a week's worth of her mycophenolate"),
        # A whole pack or bottle is the emergency number (clinical review 9, W6): test_clinical_review_9.py.
    ],
)
def test_h2_a_large_amount_taken_at_once_hears_the_call_now(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert answered(response) == "safety:call_doctor" and OVERDOSE in spoken, spoken
    assert EMERGENCY[locale] in spoken and "unlikely to harm" not in spoken


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-US", None, "my son swallowed some of my methotrexate tablets"),
        ("en-AU", "tell me about azathioprine", "the kids got into my azathioprine"),
        ("en-CA", None, "my toddler ate some of grandma's tablets"),
        ("en-GB", "tell me about steroids", "my granddaughter found my prednisolone and had some"),
        ("en-IN", None, "a child took someone's methotrexate at the party"),
    ],
)
def test_h2_a_child_who_may_have_swallowed_someones_tablets_hears_the_emergency(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert spoken.startswith(CHILD.format(number=EMERGENCY[locale])), spoken
    assert "Take the pack with you." in spoken and answered(response) == "safety:emergency"


@pytest.mark.parametrize(
    "said",
    [
        "she swallowed her azathioprine tablets whole",
        "i took all my methotrexate tablets on monday as usual",
        "my son has taken azathioprine for two years",
        "can my daughter take methotrexate",
    ],
)
def test_h2_a_dose_taken_as_prescribed_or_a_childs_own_treatment_is_no_overdose(said):
    assert not answered(say("en-GB", said)).startswith("safety:"), said


# H3, W1: after an emergency answer, a later time, "if it gets worse" or a GP is no acting on it: the advice again.
RELUCTANT = "I understand, but this can't wait, and it isn't making a fuss. {call}"
LESSER = "Your doctor, a clinic or an advice line can't help fast enough with this. {call}"
CALL = {
    "en-US": "Call 911 now.",
    "en-CA": "Call 911 now.",
    "en-GB": "Call 999 now.",
    "en-AU": "Call 000 now.",
    "en-IN": "Call 112 now, or 108 for an ambulance.",
}


@pytest.mark.parametrize(
    "locale, turns, opens",
    [
        # The review's own sentences.
        ("en-US", ["my chest hurts and i can't breathe", "ok i'll call the doctor on monday"], RELUCTANT),
        ("en-US", ["crushing chest pain", "we'll take him to the doctor next week"], RELUCTANT),
        (
            "en-IN",
            ["my wife has chest pain and can't breathe", "okay i will take her to the clinic on monday"],
            RELUCTANT,
        ),
        ("en-GB", ["her face is drooping and her speech is slurred", "ok i'll ring her gp"], LESSER),
        ("en-US", ["crushing chest pain", "ok i'll call his neurologist"], LESSER),
        ("en-IN", ["my father has chest pain after his ivig", "i'll call if it gets worse"], RELUCTANT),
        # Other times, other help, and a goodbye said with them.
        ("en-AU", ["tell me about IVIG", "his lips are swelling up", "we'll ring them later, thanks"], RELUCTANT),
        ("en-CA", ["dad's speech is slurred", "i'll take him to the hospital at the weekend"], RELUCTANT),
        ("en-GB", ["my chest feels tight", "ok i'll phone the surgery, cheers"], LESSER),
        ("en-AU", ["mum can't breathe properly", "i'll get her to a doctor, bye"], LESSER),
        ("en-US", ["my throat is closing up", "i'll call them if it doesn't settle"], RELUCTANT),
        ("en-CA", ["he's having a seizure", "we'll call if it happens again"], RELUCTANT),
    ],
)
def test_h3_w1_putting_an_emergency_off_or_turning_to_a_gp_hears_the_number_now_again(locale, turns, opens):
    response = say_after(locale, turns)
    spoken = speech_of(response)
    assert spoken.startswith(opens.format(call=CALL[locale])), spoken
    assert "right thing" not in spoken and not ends(response)


@pytest.mark.parametrize(
    "locale, turns",
    [
        ("en-CA", ["my chest hurts", "ok i'm ringing now"]),
        ("en-AU", ["my chest hurts", "the ambulance is on its way"]),
        # Going by car is no longer acting on it: an ambulance is safer (review 9, n6; tests/test_review_9_going.py).
        ("en-GB", ["her face has dropped on one side", "the ambulance is taking her to a and e"]),
        ("en-US", ["my chest hurts", "ok i'll call the gp and an ambulance"]),
    ],
)
def test_h3_calling_the_emergency_number_or_going_to_hospital_now_is_acting_on_it(locale, turns):
    response = say_after(locale, turns)
    assert "Stay with them until help comes" in speech_of(response) and ends(response)


@pytest.mark.parametrize(
    "locale, turns",
    [
        ("en-GB", ["she's got a fever after her drip", "ok i'll ring them next week"]),
        ("en-US", ["my leg is swollen and hot since my ivig", "i'll call them on friday"]),
        ("en-AU", ["i've got a fever after my infusion", "i'll ring if it gets worse"]),
    ],
)
def test_h3_putting_a_call_to_the_doctor_off_hears_that_it_needs_checking(locale, turns):
    response = say_after(locale, turns)
    spoken = speech_of(response)
    assert spoken.startswith("I understand, but this needs checking"), spoken
    assert "right thing" not in spoken and not ends(response)


@pytest.mark.parametrize(
    "locale, turns",
    [
        ("en-AU", ["i missed my methotrexate this week", "ok i'll call the pharmacist tomorrow"]),
        ("en-GB", ["i'm going to stop my IVIG", "i'll ring my neurologist on monday"]),
    ],
)
def test_n2_asking_the_pharmacist_or_doctor_after_a_change_of_treatment_is_acting_on_it(locale, turns):
    response = say_after(locale, turns)
    assert speech_of(response).startswith("Good."), speech_of(response)
    assert ends(response)


# W2: days or weeks of double steroid doses are no "one extra dose"; the one-dose text speaks to a carer too.
@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-GB", None, "i've taken double my prednisolone every day for two weeks"),
        ("en-CA", "tell me about steroids", "my dad has been taking double his prednisone for a month by mistake"),
        ("en-US", None, "she's been having an extra prednisone tablet each morning for the last week"),
        ("en-AU", "what is MMN", "i've been taking twice my pred dose since last month"),
        ("en-IN", None, "my mother took too much prednisolone daily for ten days"),
    ],
)
def test_w2_weeks_of_extra_steroid_hear_to_call_today_not_that_one_dose_is_harmless(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert spoken.startswith("If you, or the person you care for, have taken more steroid than prescribed"), spoken
    assert "call the doctor or pharmacist today" in spoken and "unlikely to" not in spoken


# W3, n1: a missed steroid dose hears not to double up, and no telling-off or "talk to your neurologist first" after.
@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-US", None, "i missed my prednisone this morning"),
        ("en-GB", "tell me about IVIG", "mum forgot her prednisolone yesterday"),
        ("en-AU", None, "i didn't take my pred today, should i take two tomorrow"),
        ("en-IN", "tell me about steroids", "he missed his steroid tablet last night"),
        ("en-CA", None, "i forgot to take my prednisone, what now"),
    ],
)
def test_w3_a_missed_steroid_dose_hears_not_to_take_two(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert spoken.startswith("If you miss a steroid dose, don't take two to catch up."), spoken
    assert "Please don't stop steroids suddenly" not in spoken and "neurologist first" not in spoken


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "i missed my methotrexate on monday, can i take it on friday"),
        ("en-US", "the insurance stopped paying so i've stopped my ivig"),
        ("en-AU", "my dad took two of his prednisolone by accident"),
        ("en-IN", "i forgot my azathioprine yesterday"),
        ("en-CA", "mum missed her mycophenolate tablets this morning"),
    ],
)
def test_n1_advice_that_says_whom_to_ask_has_no_talk_to_your_neurologist_first_after_it(locale, said):
    response = say(locale, said)
    spoken = speech_of(response)
    assert answered(response) == "safety:no_change" and "Talk to your neurologist first." not in spoken, spoken
    # The methotrexate rule, only of methotrexate.
    assert ("methotrexate" in spoken) == ("methotrexate" in said), spoken


# W4: en-GB's disability help per UK nation: PIP in England and Wales, Adult Disability Payment in Scotland, and
# Northern Ireland's own PIP; heard one-shot and mid-session, through the page's breaths.
@pytest.mark.parametrize(
    "turns",
    [
        ["is mmn enough to claim pip", "yes"],
        ["tell me about IVIG", "can i get disability benefits for my mmn", "yes"],
    ],
)
def test_w4_en_gb_disability_help_names_each_uk_nations_scheme(turns):
    spoken = speech_of(say_after("en-GB", turns))
    assert "In England and Wales, PIP" in spoken and "In Scotland, it's Adult Disability Payment." in spoken, spoken
    assert "Northern Ireland" in spoken and "Great Britain" not in spoken


# n3-n8: a fever with a port said as feeling hot; SCIg needs no vein; each country's funding and disability words.
@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-US", None, "i have a port and i feel hot and shivery tonight"),
        ("en-GB", "tell me about IVIG", "mum's got a picc line and she's feeling hot and cold"),
    ],
)
def test_n3_feeling_hot_and_shivery_with_a_port_is_a_fever_with_a_line(locale, context, said):
    spoken = speech_of(say(locale, said, context))
    assert spoken.startswith("Call your doctor or care team right away about a fever with a port"), spoken


@pytest.mark.parametrize(
    "locale, turns, words, not_said",
    [
        (
            "en-US",
            ["should my wife get a port put in for her infusions", "yes"],
            "SCIg, given under the skin, needs no vein.",
            "",
        ),
        (
            "en-GB",
            ["tell me about scig", "is scig licensed for mmn", "yes", "yes"],
            "SCIg can be harder to get paid for, so ask your neurologist about funding.",
            "who will pay",
        ),
        (
            "en-US",
            ["can i get disability benefits for mmn", "yes"],
            "is expected to stop you working for a year or more",
            "stops you from working",
        ),
        (
            "en-CA",
            ["is there money i can claim because of my mmn", "yes", "yes"],
            "nurse practitioner",
            "A doctor must",
        ),
        (
            "en-IN",
            ["how do i get a udid card for mmn", "yes", "yes"],
            "the certificate helps you get government schemes",
            "they help",
        ),
    ],
)
def test_n4_to_n8_the_reviews_words_are_said(locale, turns, words, not_said):
    spoken = " ".join(speech_of(say_after(locale, turns[: i + 1])) for i in range(len(turns)))
    assert all(said in spoken for said in words.split(" / ")), spoken
    assert not not_said or not_said not in spoken
