"""Clinical review 9's minor items (n1-n7) and W5's headache sentence, heard as a listener would reach them, through
full request envelopes in several locales."""

from __future__ import annotations

import pytest
from spoken import FIRST_NUMBER as EMERGENCY
from spoken import after


@pytest.mark.parametrize(
    "locale, advice, reply",
    [
        ("en-GB", "she's got a fever after her drip", "ok i'll ring them tonight"),
        ("en-US", "he's got a fever since his infusion yesterday", "i'll call them this evening"),
        ("en-IN", "i have fever after my ivig yesterday", "i will call the doctor after work"),
    ],
)
def test_n2_later_today_after_advice_to_call_today_is_doing_it(locale, advice, reply):
    heard, response = after(locale, advice, reply)
    assert heard.startswith("Good, that's the right thing to do."), heard
    assert EMERGENCY[locale] in heard


@pytest.mark.parametrize(
    "locale, advice, reply, opens",
    [
        (
            "en-US",
            "my chest is crushing and i'm sweating",
            "i'll call them tonight",
            "I understand, but this can't wait",
        ),
        ("en-AU", "my leg is swollen and hot since my ivig", "i'll ring them tonight", "I understand, but this needs"),
        ("en-CA", "my urine is dark", "i'll phone them after work", "I understand, but this needs"),
    ],
)
def test_n2_later_today_after_an_emergency_or_a_call_right_away_is_still_putting_it_off(locale, advice, reply, opens):
    heard, _ = after(locale, advice, reply)
    assert heard.startswith(opens), heard


@pytest.mark.parametrize(
    "locale, advice, reply, close",
    [
        ("en-AU", "i missed my prednisone this morning", "ok thanks", "You're welcome. Take care."),
        ("en-US", "the insurance stopped paying so i've stopped my ivig", "thanks", "You're welcome. Take care."),
        ("en-GB", "i missed my azathioprine yesterday", "no", "Okay. Take care."),
        ("en-IN", "i forgot my mycophenolate last night", "thank you", "You're welcome. Take care."),
    ],
)
def test_n3_the_close_after_advice_that_said_whom_to_ask_adds_no_telling_off(locale, advice, reply, close):
    heard, response = after(locale, advice, reply)
    assert heard == close, heard
    assert response["response"].get("shouldEndSession") is not False


def test_n3_the_close_after_a_change_of_treatment_still_says_to_talk_first():
    heard, _ = after("en-US", "i'm going to stop my azathioprine", "thanks")
    assert "talk to your neurologist before you change anything" in heard, heard


DOCTORS = "That's for your neurologist to decide, and it sounds like they have."
IG = "Please don't stop, skip or change your immunoglobulin on your own."


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-CA", "my neurologist said i can go every six weeks instead of four now"),
        ("en-AU", "my doctor has changed my ivig to every six weeks"),
        ("en-GB", "my consultant has moved my infusions to every five weeks"),
        ("en-IN", "doctor said i can have ivig every six weeks now"),
        ("en-GB", "my neurologist says I can go every six weeks now"),
    ],
)
def test_n7_a_change_the_neurologist_made_is_theirs_not_a_telling_off(locale, said):
    heard, _ = after(locale, said)
    assert heard.startswith(DOCTORS), heard
    assert "on your own" not in heard


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "my neurologist said no but i'm going to skip my next infusion anyway"),
        ("en-GB", "my neurologist has lowered my ivig dose, i'm going to skip the next one too"),
    ],
)
def test_n7_ones_own_change_said_with_the_doctors_is_still_warned(locale, said):
    heard, _ = after(locale, said)
    assert heard.startswith(IG), heard


def test_n7_asking_whether_the_gap_could_be_longer_is_a_question_not_a_warning():
    heard, _ = after("en-US", "is it possible to have my infusions less often")
    assert not heard.startswith(IG) and "on your own" not in heard.split(".")[0], heard


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", "the headaches are so bad i'm going to leave a bigger gap between my infusions"),
        ("en-GB", "these migraines are killing me, i'm going to stop my ivig"),
        ("en-IN", "because of headache i am thinking to skip my ivig"),
    ],
)
def test_w5_spacing_infusions_for_headaches_hears_the_warning_then_the_headache_help(locale, said):
    heard, _ = after(locale, said)
    assert heard.startswith("Please don't space out or stop your infusions on your own."), heard
    assert "slower drip or more fluids" in heard


def test_w5_asking_how_to_stop_a_headache_hears_the_side_effects_help_not_the_warning():
    heard, _ = after("en-CA", "how do i stop the headache after ivig")
    assert "on your own" not in heard, heard


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", "my son has been self harming"),
        ("en-GB", "my daughter has been cutting herself"),
        ("en-IN", "my son has cut his wrist"),
        ("en-CA", "she's been burning herself with a lighter"),
        ("en-AU", "my husband took an overdose"),
    ],
)
def test_n1_self_harm_told_of_someone_else_speaks_to_the_one_who_can_call(locale, said):
    heard, response = after(locale, said)
    assert heard.startswith(f"If they've taken an overdose or are badly hurt, call {EMERGENCY[locale]}"), heard
    assert "They can also advise you on how to help." in heard
    assert response["response"].get("shouldEndSession") is False


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "i've been cutting myself again"),
        ("en-US", "i've been self harming and my mum found out"),
    ],
)
def test_n1_self_harm_of_ones_own_is_still_said_to_the_speaker(locale, said):
    heard, _ = after(locale, said)
    assert heard.startswith("If you've taken an overdose or hurt yourself badly"), heard


def test_n1_a_cut_by_accident_is_no_self_harm_for_someone_else_either():
    heard, _ = after("en-GB", "my daughter cut herself chopping onions")
    assert "overdose" not in heard, heard


@pytest.mark.parametrize(
    "locale, said, starts",
    [
        ("en-IN", "i am going to stop my deflazacort", "Please don't stop steroids suddenly"),
        ("en-GB", "i'll just stop the defcort", "Please don't stop steroids suddenly"),
        ("en-US", "i'm going to double my deflazacort", "Please don't take more steroid than prescribed."),
    ],
)
def test_n4_deflazacort_is_a_steroid_of_its_own_and_its_changes_hear_the_steroid_advice(locale, said, starts):
    heard, _ = after(locale, said)
    assert heard.startswith(starts), heard


def test_n4_combiflam_is_ibuprofen_and_paracetamol_and_deflazacort_is_not_prednisolone():
    from skill.understanding.ranker import ranker

    bank = ranker("en-IN")
    assert {"ibuprofen", "paracetamol"} <= set(bank.terms("can i take combiflam after ivig"))
    assert "=prednisolone" not in bank.terms("is deflazacort safe")


@pytest.mark.parametrize(
    "locale, says, cites",
    [
        ("en-CA", "Your doctor or nurse practitioner fills in its form.", "cpp-disability-benefit.html"),
        ("en-US", "your doctor signs a form for a parking placard", "ecfr.gov/current/title-23"),
    ],
)
def test_n5_disability_help_in_plain_words_cites_a_national_source(locale, says, cites):
    heard, response = after(locale, "what disability benefits can i get", "yes", "yes")
    assert says in heard, heard
    assert cites in response["response"]["card"]["content"]
