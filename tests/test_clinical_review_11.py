"""Clinical review 11, the triage and what is said after safety advice: the sentences the review heard wrong, in
several locales, one-shot and mid-session, through full request envelopes (the console).

Each finding is fixed by kind, in the triage's words and rules: giving anything at all after a poisoning, a clot in the
lung in lay words, an advice line said as the plan after emergency advice, a carer's words for someone hard to wake or
muddled. The near misses of each kind stay quiet."""

from __future__ import annotations

import pytest
from test_clinical_review_10 import CALL_NOW, NO_CHANGE, NUMBER, after, answered

MAKE_SICK = "No. Don't try to make anyone sick, and don't give them anything to eat or drink."


# H1: after a poisoning or an overdose, the bare "should I give her something" is a question about giving.
@pytest.mark.parametrize(
    "locale, advice, reply",
    [
        ("en-US", "my wife took all her pills on purpose", "should i give her something"),
        ("en-IN", "my son swallowed some of my methotrexate", "should i give him something"),
        ("en-GB", "i took the whole packet of paracetamol", "should i give myself something"),
        ("en-AU", "my toddler swallowed some of my methotrexate", "can i give him anything"),
    ],
)
def test_giving_anything_after_a_poisoning_hears_no_and_the_call(locale, advice, reply):
    heard, response = after(locale, advice, reply)
    assert heard.startswith(MAKE_SICK), heard
    assert NUMBER[locale] in heard
    assert answered(response).startswith("safety:"), heard


def test_after_giving_was_answered_she_says_shes_fine_still_hears_the_crisis_advice():
    heard, _ = after(
        "en-US", "my wife took all her pills on purpose", "should i give her something", "she says she's fine now"
    )
    assert "911" in heard and "988" in heard, heard


def test_an_adrenaline_pen_still_comes_first_after_anaphylaxis():
    heard, _ = after(
        "en-GB", "her face is swelling and she's wheezing", "she has an epipen, should i give her something"
    )
    assert heard.startswith("If they have an adrenaline pen, use it now"), heard


# H2: a clot in the lung in lay words: blood coughed up is a call right away; breathing in that hurts is an emergency.
COUGHING_BLOOD = "Coughing up blood can be a clot in the lung, a rare risk of immunoglobulin."


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-AU", None, "she's coughing up blood after her infusion"),
        ("en-AU", None, "she says it's nothing but she's coughing up blood after her infusion"),
        ("en-GB", None, "he's coughing up blood"),
        ("en-US", "tell me about IVIG", "she's been spitting blood since her drip"),
        ("en-IN", "what is SCIG", "my father is bringing up blood when he coughs"),
    ],
)
def test_blood_coughed_up_is_a_clot_in_the_lung_to_call_about_right_away(locale, context, said):
    turns = (context, said) if context else (said,)
    heard, response = after(locale, *turns)
    assert answered(response) == "safety:call_doctor", heard
    assert heard.startswith(f"Call your doctor or care team right away. {COUGHING_BLOOD}"), heard
    assert f"call {NUMBER[locale]}" in heard


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-GB", None, "he's coughing up blood and he's short of breath"),
        ("en-CA", None, "it hurts when she breathes in, since her ivig yesterday"),
        ("en-AU", "tell me about IVIG", "i get a sharp pain when i breathe"),
    ],
)
def test_blood_coughed_up_with_breathlessness_or_breathing_that_hurts_is_an_emergency(locale, context, said):
    turns = (context, said) if context else (said,)
    heard, response = after(locale, *turns)
    assert answered(response) == "safety:emergency", heard
    assert heard.startswith(CALL_NOW[locale]), heard


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "is ivig made from blood"),
        ("en-US", "i have a cough, do i need a blood test"),
        ("en-GB", "i've got a bloody cough after my drip"),
        ("en-AU", "do breathing exercises hurt with mmn"),
    ],
)
def test_blood_or_breathing_words_that_report_no_clot_hear_no_alarm(locale, said):
    heard, response = after(locale, said)
    assert not answered(response).startswith("safety:"), heard


# H3: an advice line said as the plan after emergency advice (111, Healthdirect, 811, 104, any helpline) is no
# emergency call: the emergency number is the right call now, and the session stays open.
LESSER = "Your doctor, a clinic or an advice line can't help fast enough with this."


@pytest.mark.parametrize(
    "locale, advice, reply",
    [
        ("en-GB", "his face has dropped and his arm is weak", "i'll ring 111 instead"),
        ("en-GB", "i've got a crushing pain in my chest", "i'm calling nhs 111 now"),
        ("en-AU", "her face is drooping and she can't lift her arm", "i'll ring healthdirect"),
        ("en-CA", "he's on the drip and his chest is tight and hurting", "i'll call 811"),
        ("en-IN", "my husband has chest pain during the drip", "i will call 104"),
        ("en-US", "her speech is slurred and her face is drooping", "i'll phone the helpline"),
    ],
)
def test_an_advice_line_after_emergency_advice_hears_the_emergency_number_again(locale, advice, reply):
    heard, response = after(locale, advice, reply)
    assert heard.startswith(f"{LESSER} {CALL_NOW[locale]}"), heard
    assert "doing the right thing" not in heard
    assert response["response"].get("shouldEndSession") is False


@pytest.mark.parametrize(
    "locale, advice, reply",
    [
        ("en-GB", "his face has dropped and his arm is weak", "i'm calling 999 now"),
        ("en-IN", "my husband has chest pain", "we are calling 108"),
    ],
)
def test_the_emergency_number_itself_is_still_doing_the_right_thing(locale, advice, reply):
    heard, response = after(locale, advice, reply)
    assert heard.startswith("Good, you're doing the right thing."), heard
    assert response["response"].get("shouldEndSession") is True


# H4: hard to wake, or drowsy with muddled, floppy or vague, in a carer's words, is the emergency number now.
@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-AU", None, "he's not himself, he's very sleepy and hard to wake"),
        ("en-GB", None, "she's very hard to wake up"),
        ("en-IN", None, "my mother is very sleepy and not waking up properly since evening"),
        ("en-GB", "tell me about IVIG", "she's not herself today, really vague and muddled"),
        ("en-AU", None, "he's really drowsy and floppy"),
        ("en-US", "tell me about steroids", "mom is so sleepy and muddled since lunch"),
    ],
)
def test_hard_to_wake_or_drowsy_and_muddled_is_an_emergency(locale, context, said):
    turns = (context, said) if context else (said,)
    heard, response = after(locale, *turns)
    assert answered(response) == "safety:emergency", heard
    assert heard.startswith(CALL_NOW[locale]), heard


def test_drowsy_and_floppy_during_a_running_infusion_stops_it():
    heard, _ = after("en-AU", "she's having her subcut infusion now", "she's gone all drowsy and floppy")
    assert heard.startswith(f"{CALL_NOW['en-AU']} Stop the infusion, or ask the nurse to stop it right away."), heard


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "i get muddled about which day my infusion is"),
        ("en-US", "my teenager is hard to wake in the morning"),
        ("en-GB", "my hand is floppy and i feel drowsy after the drip"),
        ("en-AU", "i'm a bit vague about my dose"),
    ],
)
def test_muddled_about_something_a_floppy_hand_or_a_teenager_in_bed_is_no_emergency(locale, said):
    heard, response = after(locale, said)
    assert answered(response) != "safety:emergency", heard


# n3: confusion long past, told with how long it lasted, is history: what to do if it happens again.
@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", "the steroids made me confused and sleepy for a few days last year"),
        ("en-GB", "years ago the ivig made her drowsy and confused for a day or two"),
    ],
)
def test_confusion_long_past_hears_what_to_do_if_it_happens_again(locale, said):
    heard, _ = after(locale, said)
    assert heard.startswith(f"If it happens again, call {NUMBER[locale]} at once."), heard


# n4: drowsy since a dose, said alone, is a call right away, with the emergency number if hard to wake or confused.
@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-US", None, "he's been drowsy since his infusion yesterday"),
        ("en-GB", "tell me about SCIG", "she's been really drowsy the day after her hizentra"),
    ],
)
def test_drowsy_after_a_dose_is_a_call_right_away(locale, context, said):
    turns = (context, said) if context else (said,)
    heard, response = after(locale, *turns)
    assert answered(response) == "safety:call_doctor", heard
    assert heard.startswith(
        "Call your doctor or care team right away. Drowsiness after immunoglobulin can be a rare reaction."
    ), heard
    assert f"call {NUMBER[locale]}" in heard


def test_drowsy_from_the_antihistamine_before_a_drip_is_expected():
    heard, response = after("en-US", "i get drowsy from the benadryl before my ivig")
    assert not answered(response).startswith("safety:"), heard


# W1: "do I need to go to A and E" after advice to call the doctor is the question of going, at that advice's level.
GOING_DOCTOR = "Call your doctor or care team first. They'll tell you if you need to go in."


@pytest.mark.parametrize(
    "locale, advice, reply",
    [
        ("en-GB", "i've got a fever and chills the day after my ivig", "do i need to go to a and e"),
        ("en-GB", "my urine is dark brown after my ivig", "do we have to go to casualty"),
        ("en-AU", "his calf is swollen and red since the drip", "does he need to go to emergency"),
    ],
)
def test_do_i_need_to_go_to_a_and_e_after_call_the_doctor_advice_is_answered_at_its_level(locale, advice, reply):
    heard, response = after(locale, advice, reply)
    assert heard.startswith(GOING_DOCTOR), heard
    assert CALL_NOW[locale] not in heard
    assert answered(response) == "safety:call_doctor"


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "do i need to go to a and e, my chest is crushing"),
        ("en-US", "do i need to call 911, he can't breathe"),
    ],
)
def test_do_i_need_to_said_with_a_sign_reported_is_still_an_emergency(locale, said):
    heard, response = after(locale, said)
    assert answered(response) == "safety:emergency", heard
    assert heard.startswith(CALL_NOW[locale]), heard


# W3: steroids for any illness of one's own, said "for my ...", hear to follow that doctor, asked about or not.
ANOTHER_ILLNESS = "If a doctor gives you steroids for another illness"


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-IN", None, "the doctor has given me steroids for my asthma, can i take them"),
        ("en-GB", None, "my consultant has put me on steroids for my asthma"),
        ("en-US", None, "i'm on prednisone for my lupus, is that ok with mmn"),
        ("en-AU", "tell me about IVIG", "she's been put on prednisolone for her gout"),
    ],
)
def test_steroids_for_an_illness_of_ones_own_hear_to_follow_that_doctor(locale, context, said):
    turns = (context, said) if context else (said,)
    heard, _ = after(locale, *turns)
    assert heard.startswith(ANOTHER_ILLNESS), heard
    assert "make the weakness worse" not in heard


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "can i take steroids for my mmn"),
        ("en-US", "do steroids help my weakness"),
        ("en-US", "why won't they give me prednisone it worked for my buddy's back"),
    ],
)
def test_steroids_for_mmn_itself_still_hear_the_steroids_page(locale, said):
    heard, _ = after(locale, said)
    assert not heard.startswith(ANOTHER_ILLNESS), heard
    assert "MMN" in heard


# W4: more steroid by one's own plan, whoever prescribed the course, is a change of one's own.
def test_taking_extra_steroid_for_the_weakness_too_hears_not_to():
    heard, _ = after(
        "en-AU",
        "my skin specialist put me on prednisone for my eczema, and I think I'll take extra to help my weakness too",
    )
    assert heard.startswith("Please don't take more steroid than prescribed."), heard


# W5: a stop already made, or wished for, said of the treatment just acknowledged, is a change of it.
@pytest.mark.parametrize(
    "locale, statement, said",
    [
        ("en-US", "my husband is on hizentra at home", "he's stopped it because he feels fine"),
        ("en-US", "my husband is on hizentra at home", "he's stopped taking it because he feels fine"),
        ("en-AU", "my husband is on hizentra at home", "he wants to stop"),
        ("en-IN", "my mother is on ivig", "we have stopped it, it is too costly"),
    ],
)
def test_a_stop_made_or_wished_after_a_statement_hears_the_immunoglobulin_warning(locale, statement, said):
    heard, _ = after(locale, statement, said)
    assert heard.startswith(NO_CHANGE), heard


def test_a_symptom_that_stopped_during_a_drip_is_no_change():
    heard, response = after("en-US", "she's on her drip now", "the pain has stopped")
    assert not answered(response).startswith("safety:"), heard


# W6: giving the drip a rest is a stop; a course cut short by one's own plan, with numbers, is a change.
@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-AU", "reckon i'll give the drip a rest over christmas"),
        ("en-GB", "i'm going to give the ivig a rest for a couple of months"),
    ],
)
def test_giving_the_treatment_a_rest_hears_the_immunoglobulin_warning(locale, said):
    heard, _ = after(locale, said)
    assert heard.startswith(NO_CHANGE), heard


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-IN", None, "doctor gave ivig for 5 days but we will give only 3 days to save money"),
        ("en-IN", "what is IVIG", "doctor gave 2 grams per kg for 5 days but we will give only 3 days to save money"),
        ("en-US", None, "the neurologist ordered five days of ivig but we're only going to do two days"),
    ],
)
def test_a_course_cut_short_by_ones_own_plan_hears_not_to(locale, context, said):
    turns = (context, said) if context else (said,)
    heard, _ = after(locale, *turns)
    assert heard.startswith("Please don't give a shorter course than the neurologist planned."), heard
    assert "tell the neurologist now" in heard


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-AU", "i like to have a rest after my infusion"),
        ("en-GB", "my doctor said only 3 days of ivig this time"),
        ("en-US", "i have ivig for 5 days every month"),
    ],
)
def test_a_rest_after_a_drip_or_the_doctors_own_course_is_no_change(locale, said):
    heard, response = after(locale, said)
    assert not answered(response).startswith("safety:"), heard


# W7: the adrenaline pen already used still needs the call; a second pen after 5 minutes with no better.
@pytest.mark.parametrize(
    "locale, advice, reply",
    [
        (
            "en-AU",
            "her lips are swelling and she's struggling to breathe on the drip",
            "i've already used her epipen and she's better now",
        ),
        ("en-US", "his lips are swelling up and he can't breathe", "we gave him his epipen, should we still call"),
        ("en-GB", "her face is swelling and she's wheezing", "i've used it already"),
    ],
)
def test_the_pen_already_used_hears_still_call_and_the_second_pen(locale, advice, reply):
    heard, response = after(locale, advice, reply)
    assert heard.startswith(f"Good. Still call {NUMBER[locale]} now, even if they're better: it can come back."), heard
    assert "second pen" in heard and "use it now" not in heard
    assert response["response"].get("shouldEndSession") is False


@pytest.mark.parametrize("locale", ["en-CA", "en-IN"])
def test_a_second_pen_asked_about_hears_yes_after_five_minutes(locale):
    heard, _ = after(locale, "she's wheezing and her face is swelling", "should i give her a second epipen")
    assert heard.startswith("Yes, if they're no better after 5 minutes, use the second pen."), heard
    assert NUMBER[locale] in heard


# W2: already in hospital, at the day unit or the clinic, after emergency advice: the staff there, now.
IN_HOSPITAL = "Then tell a nurse or doctor there now, and ask them to stop any drip. Stay with them."


@pytest.mark.parametrize(
    "locale, advice, reply",
    [
        ("en-IN", "my husband has chest pain during the drip", "we are already in the hospital"),
        ("en-GB", "my husband has chest pain during the drip", "we're already at the hospital"),
        ("en-US", "her face is drooping and her speech is slurred", "she's at the infusion center"),
        ("en-AU", "his lips are swelling up on the drip", "we're on the ward"),
    ],
)
def test_already_in_hospital_after_emergency_advice_hears_to_tell_the_staff_now(locale, advice, reply):
    heard, response = after(locale, advice, reply)
    assert heard.startswith(IN_HOSPITAL), heard
    assert "Part" not in heard


def test_a_hospital_stay_long_past_is_not_being_there_now():
    heard, _ = after("en-US", "her face is drooping", "she was in hospital last year for this")
    assert not heard.startswith(IN_HOSPITAL), heard
    assert CALL_NOW["en-US"] in heard


# n2: pills taken on purpose by someone else, told by the carer, is said to the carer about them.
@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", "my wife took all her pills on purpose"),
        ("en-GB", "my husband swallowed all his tablets deliberately"),
    ],
)
def test_someone_elses_pills_on_purpose_are_told_about_them(locale, said):
    heard, _ = after(locale, said)
    assert heard.startswith("If they've taken an overdose or are badly hurt"), heard


def test_ones_own_pills_on_purpose_are_still_told_to_oneself():
    heard, _ = after("en-US", "i took all my pills on purpose")
    assert heard.startswith("If you've taken an overdose"), heard
