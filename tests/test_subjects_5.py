"""Six more subjects people ask about (bank/subjects_5.toml): whether the nerve test hurts, how long immunoglobulin
stays in the body, heat, smoking, IVIg with diabetes, and faith and blood-derived treatment. Each is
asked in plain words, in full request envelopes through the console, in every locale, and answered by its own page;
giving up smoking on immunoglobulin is no change of treatment."""

from __future__ import annotations

import pytest
from test_new_subjects import LOCALES, ask

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
        ("en-AU", "does the nerve conduction test hurt much", ["shouldn't be painful", "an hour or more"]),
        ("en-IN", "my father has emg test tomorrow is it painful", ["shouldn't be painful", "pacemaker"]),
        # how long immunoglobulin stays in the body
        ("en-US", "how long does ivig stay in your system", ["three to five weeks", "don't stretch the gap"]),
        ("en-CA", "how long is immunoglobulin in the body", ["three to five weeks", "live vaccines"]),
        ("en-GB", "how long does the ivig stay in my blood", ["within a few months", "don't stretch the gap"]),
        ("en-AU", "when will the ivig be out of my system", ["three to five weeks", "person to person"]),
        ("en-IN", "how many days does immunoglobulin remain in body", ["three to five weeks", "live vaccines"]),
        # heat
        ("en-US", "is hot weather bad for my mmn", ["fewer people with nerve conditions", "call 911 now"]),
        ("en-CA", "does the heat make my hands weaker", ["fewer people with nerve conditions", "the same day"]),
        ("en-GB", "i get weaker in a hot bath is that the mmn", ["fewer people with nerve conditions", "call 999 now"]),
        ("en-AU", "does a heatwave affect mmn", ["fewer people with nerve conditions", "call 000 now"]),
        (
            "en-IN",
            "my hands feel weaker in the summer heat",
            ["fewer people with nerve conditions", "drink plenty before an infusion"],
        ),
        # smoking
        ("en-US", "can i smoke with mmn", ["best to stop smoking", "blood clots"]),
        ("en-CA", "should my husband quit smoking on ivig", ["best to stop smoking", "call 911 now"]),
        ("en-GB", "do i need to give up the fags with mmn", ["best to stop smoking", "call 999 now"]),
        ("en-AU", "is smoking bad when you're on immunoglobulin", ["best to stop smoking", "pharmacist"]),
        ("en-IN", "can i stop smoking on ivig", ["best to stop smoking", "no proof smoking makes MMN itself worse"]),
        # IVIg with diabetes
        ("en-US", "can i have ivig if i'm diabetic", ["tell your team first", "hide a real low"]),
        ("en-CA", "will ivig mess with my blood sugar readings", ["tell your team first", "maltose"]),
        ("en-GB", "i have type 2 diabetes is ivig safe", ["tell your team first", "check your kidneys"]),
        ("en-AU", "does immunoglobulin affect my glucose meter", ["hide a real low", "too much insulin"]),
        ("en-IN", "my father is a sugar patient can he take ivig", ["tell your team first", "maltose"]),
        # faith and blood-derived treatment
        ("en-US", "i'm a jehovah's witness can i have ivig", ["aren't blood transfusions", "personal choice"]),
        ("en-CA", "is ivig against my religion", ["made from plasma", "respect your decision"]),
        ("en-GB", "does ivig count as a blood transfusion", ["aren't blood transfusions", "only treatment proven"]),
        (
            "en-AU",
            "my faith doesn't allow blood products what about ivig",
            ["before you start", "steroids can make it worse"],
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
    """Review 8, n6: most brands have no sugar that raises blood sugar, said before the maltose meters."""
    heard = ask(built, said, locale)
    assert "Most brands have no sugar that raises blood sugar." in heard
    assert heard.index("no sugar that raises") < heard.index("maltose")
