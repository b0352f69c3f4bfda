"""Six more subjects people ask about (bank/subjects_5.toml): whether the nerve test hurts, how long immunoglobulin
stays in the body, heat, smoking, IVIg with diabetes, and faith and blood-derived treatment. Each is
asked in plain words, in full request envelopes through the console, in every locale, and answered by its own page;
giving up smoking on immunoglobulin is no change of treatment."""

from __future__ import annotations

import pytest
from conftest import speech_of
from test_new_subjects import LOCALES, ask

from build_tools.interaction_model import model_path
from local_console.console import Console
from local_console.nlu import LocalNlu
from skill.app import build_skill
from skill.understanding.triage import triager


@pytest.fixture(scope="module")
def built():
    return build_skill()


@pytest.mark.parametrize(
    "locale, question, heard",
    [
        # does the nerve test hurt
        ("en-US", "will my emg hurt", ["shouldn't be painful", "blood thinner or have a pacemaker"]),
        ("en-CA", "is the nerve conduction study painful", ["shouldn't be painful", "pinprick"]),
        ("en-GB", "does the nerve test hurt", ["shouldn't be painful", "skip skin cream"]),
        (
            "en-AU",
            "does the nerve conduction test hurt much",
            ["shouldn't be painful", "forty-five minutes to an hour"],
        ),
        ("en-IN", "my father has emg test tomorrow is it painful", ["shouldn't be painful", "pacemaker"]),
        # how long immunoglobulin stays in the body
        ("en-US", "how long does ivig stay in your system", ["three to five weeks", "don't stretch the gap"]),
        ("en-CA", "how long is immunoglobulin in the body", ["three to five weeks", "live vaccines"]),
        ("en-GB", "how long does the ivig stay in my blood", ["within a few months", "don't stretch the gap"]),
        ("en-AU", "when will the ivig be out of my system", ["three to five weeks", "person to person"]),
        ("en-IN", "how many days does immunoglobulin remain in body", ["three to five weeks", "live vaccines"]),
        # heat
        ("en-US", "is hot weather bad for my mmn", ["weakness in cold was more common than in heat", "call 911 now"]),
        (
            "en-CA",
            "does the heat make my hands weaker",
            ["weakness in cold was more common than in heat", "the same day"],
        ),
        (
            "en-GB",
            "i get weaker in a hot bath is that the mmn",
            ["weakness in cold was more common than in heat", "call 999 now"],
        ),
        ("en-AU", "does a heatwave affect mmn", ["weakness in cold was more common than in heat", "call 000 now"]),
        (
            "en-IN",
            "my hands feel weaker in the summer heat",
            ["weakness in cold was more common than in heat", "drink plenty before an infusion"],
        ),
        # smoking
        ("en-US", "can i smoke with mmn", ["best to stop smoking", "blood clots"]),
        ("en-CA", "should my husband quit smoking on ivig", ["best to stop smoking", "call 911 now"]),
        ("en-GB", "do i need to give up the fags with mmn", ["best to stop smoking", "call 999 now"]),
        ("en-AU", "is smoking bad when you're on immunoglobulin", ["best to stop smoking", "pharmacist"]),
        ("en-IN", "can i stop smoking on ivig", ["best to stop smoking", "no proof smoking makes MMN itself worse"]),
        # IVIg with diabetes
        ("en-US", "can i have ivig if i'm diabetic", ["tell your team first", "Treat it as a low"]),
        ("en-CA", "will ivig mess with my blood sugar readings", ["tell your team first", "falsely high"]),
        ("en-GB", "i have type 2 diabetes is ivig safe", ["tell your team first", "check your kidneys"]),
        ("en-AU", "does immunoglobulin affect my glucose meter", ["read falsely high", "extra insulin"]),
        ("en-IN", "my father is a sugar patient can he take ivig", ["tell your team first", "falsely high"]),
        # faith and blood-derived treatment
        ("en-US", "i'm a jehovah's witness can i have ivig", ["aren't blood transfusions", "personal choice"]),
        ("en-CA", "is ivig against my religion", ["made from plasma", "respect your decision"]),
        ("en-GB", "does ivig count as a blood transfusion", ["aren't blood transfusions", "only treatment proven"]),
        (
            "en-AU",
            "my faith doesn't allow blood products what about ivig",
            ["before you start", "Steroids can make MMN worse"],
        ),
        (
            "en-IN",
            "is immunoglobulin a blood product for religious purposes",
            ["made from plasma", "only treatment proven"],
        ),
    ],
)
def test_each_subject_is_answered_by_its_own_page_in_every_locale(built, locale, question, heard):
    said = ask(built, question, locale)
    for words in heard:
        assert words in said, (locale, question, said)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(
    "said",
    [
        "should my husband quit smoking on ivig",
        "do i have to stop smoking before my infusion",
        "should i give up cigarettes now i'm on immunoglobulin",
    ],
)
def test_giving_up_smoking_on_immunoglobulin_is_no_change_of_treatment(locale, said):
    assert triager(locale).triage(None, [said]) is None


@pytest.mark.parametrize("locale", LOCALES)
def test_stopping_immunoglobulin_for_faith_or_to_give_blood_still_hears_do_not_change(built, locale):
    """The smoking words let "quit smoking" through, not a wish to stop the treatment itself."""
    for said in ("i refuse blood products can i stop my ivig", "can i stop ivig to give blood"):
        assert "Please don't stop, skip" in ask(built, said, locale), said


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(
    "said",
    [
        "i've given up smoking and i'm going to give up the ivig too",
        "i quit smoking last month and now i want to quit ivig",
        "i'm going to stop smoking and stop my scig",
    ],
)
def test_giving_up_smoking_and_the_treatment_together_still_hears_do_not_change(built, locale, said):
    """Review 10, W7: a stop word excused for the smoking word it governs excuses only that word; the treatment's own
    stop word is still a change (a smoking word anywhere near used to excuse it, and the smoking page was heard)."""
    heard = ask(built, said, locale)
    assert "Please don't stop, skip or change your immunoglobulin on your own." in heard
    assert "best to stop smoking" not in heard


@pytest.mark.parametrize("locale", LOCALES)
def test_the_level_building_up_over_regular_doses_is_answered_with_the_labels_half_life(built, locale):
    """Review 8, W3: half of a dose goes in three to five weeks (the labels), and the level builds up with regular
    doses, so "does the drip build up" is answered, not only "how long does it stay"."""
    said = ask(built, "does the drip build up over time", locale)
    assert "With regular doses the level builds up, then stays fairly steady." in said
    assert "About half of a dose is gone in three to five weeks" in said
    assert "in about three weeks" not in said


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("said", ["is there sugar in my drip", "does ivig raise blood sugar"])
def test_sugar_in_the_drip_is_answered_directly(built, locale, said):
    """Review 8, n6: most brands have no sugar that raises blood sugar; since review 10, H7, it follows the meter
    warning, which the one with a high reading must hear first."""
    heard = ask(built, said, locale)
    assert "Most brands have no sugar that raises blood sugar." in heard
    assert heard.index("read falsely high") < heard.index("no sugar that raises")


def first_reply(built, question: str, locale: str) -> str:
    """What is said before any "yes": the page's first breath, where its safety sentence must be."""
    return speech_of(Console(built, LocalNlu.from_file(model_path(locale)), locale).say(question))


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("said", ["my sugar readings went high after my infusion", "can i have ivig if i'm diabetic"])
def test_the_diabetes_page_warns_of_falsely_high_meter_readings_first(built, locale, said):
    """Review 10, H7: the one who reports a high reading hears first that some brands make some meters read falsely
    high, and not to take extra insulin on that reading alone (the FDA notices describe deaths from insulin given
    for falsely high readings); the maltose warning was in the page's second breath."""
    heard = first_reply(built, said, locale)
    assert "Some brands make some glucose meters read falsely high" in heard
    assert "don't take extra insulin on that reading alone" in heard


@pytest.mark.parametrize("locale", LOCALES)
def test_more_insulin_after_a_high_reading_is_answered_not_sorry(built, locale):
    """Review 10, H7: "should I take more insulin" after the diabetes page, or said alone, is answered: not on that
    reading alone, check with a safe meter or call the diabetes team, and treat feeling low as a low."""
    console = Console(built, LocalNlu.from_file(model_path(locale)), locale)
    console.say("my sugar readings went high after my infusion")
    heard = speech_of(console.say("should i take more insulin"))
    assert "Don't take extra insulin on one high meter reading around immunoglobulin." in heard
    assert "Sorry" not in heard
    alone = ask(built, "do i need extra insulin after my infusion", locale)
    assert "call your diabetes team" in alone
    assert "Treat it as a low, whatever the meter says." in alone


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(
    "said, safety",
    [
        ("how long does ivig stay in your system", "so don't stretch the gap on your own"),
        ("can i smoke with mmn", "A painful, swollen leg: call your doctor right away."),
        ("is ivig against my religion", "without it, weakness often slowly gets worse"),
        ("can i have ivig if i'm diabetic", "Treat it as a low, whatever the meter says."),
    ],
)
def test_each_pages_safety_sentence_is_in_its_first_two_breaths(built, locale, said, safety):
    """Review 10, n10: "half of a dose is gone in three to five weeks" said alone invites "so I can go longer"; the
    smoking page's clot and stroke advice, the faith page's "without it" and the diabetes page's low-sugar line came
    only in the third breath. Each is now in the first two (the half-life and meter warnings in the first)."""
    console = Console(built, LocalNlu.from_file(model_path(locale)), locale)
    heard = speech_of(console.say(said)) + " " + speech_of(console.say("yes"))
    assert safety in heard


@pytest.mark.parametrize(
    "locale, number",
    [("en-US", "911"), ("en-CA", "911"), ("en-GB", "999"), ("en-AU", "000"), ("en-IN", "112 or 108")],
)
def test_the_smoking_page_sends_a_swollen_leg_to_the_doctor_and_a_stroke_to_the_emergency_number(built, locale, number):
    """Review 10, n12: a painful, swollen leg is the skill's own clot advice (call your doctor right away), chest pain,
    sudden breathlessness or stroke signs are an emergency; and no locale is sent to a UK service to quit."""
    heard = ask(built, "is smoking bad when you're on immunoglobulin", locale)
    assert "A painful, swollen leg: call your doctor right away." in heard
    assert f"drooping face, weak arm or slurred speech: call {number} now." in heard
    assert "leg, chest pain" not in heard


@pytest.mark.parametrize("locale", LOCALES)
def test_the_heat_page_says_the_survey_as_it_found_and_the_nerve_test_its_time(built, locale):
    """Review 10, n8 and n9: cold weakness was more common than heat weakness in the survey of MMN and similar
    conditions (said so a listener can follow it); the nerve test usually takes forty-five minutes to an hour."""
    heat = ask(built, "does heat affect my weakness", locale)
    assert "weakness in cold was more common than in heat" in heat
    assert "as your body temperature settles" in heat
    assert "fewer people with nerve conditions" not in heat
    test = ask(built, "will the nerve test hurt", locale)
    assert "It usually takes forty-five minutes to an hour, sometimes longer." in test
    assert "an hour or more" not in test
