"""Clinical review 15 (W2, n1, n4, n7, n10, n11) and review 14 (n6, n7): findings on the content, heard through the
console with full requests. Where an answer has something to do, "yes" and "what should I do" (one intent on Alexa)
reach it next: the answer's next breath is its action."""

from __future__ import annotations

import pytest
from conftest import speech_of
from spoken import FIRST_NUMBER, after, answered, session

from skill.content import load_content
from skill.understanding.words import words


def _plain(text: str) -> str:
    return " ".join(words(text))


# ------------------------------------------------------------------ W2: kidneys, what to watch for and do
@pytest.mark.parametrize(
    "locale, asked",
    [
        ("en-GB", "how do i know if my kidneys are being damaged by ivig"),
        ("en-US", "how can i tell if ivig is hurting my kidneys"),
        ("en-AU", "what are the warning signs of kidney trouble from immunoglobulin"),
    ],
)
def test_w2_how_you_would_know_names_the_kidney_signs_first_then_the_checks(locale, asked):
    console = session(locale)
    console.say("open m m n guide")
    first = _plain(speech_of(console.say(asked)))
    assert "same day for much less urine sudden weight gain or swelling" in first, first
    following = _plain(speech_of(console.say("what should i do")))
    assert "blood tests" in following and "drink plenty" in following, following


@pytest.mark.parametrize(
    "locale, asked",
    [
        ("en-GB", "can ivig harm my kidneys"),
        ("en-US", "can ivig harm my kidneys"),
        ("en-IN", "does ivig cause kidney damage"),
        ("en-CA", "is immunoglobulin hard on your kidneys"),
    ],
)
@pytest.mark.parametrize("then", ["what should i do", "yes"])
def test_w2_after_the_kidney_risk_what_to_do_is_next_not_meningitis(locale, asked, then):
    console = session(locale)
    console.say("open m m n guide")
    first = _plain(speech_of(console.say(asked)))
    assert "kidneys" in first and "much less urine" in first, first
    following = _plain(speech_of(console.say(then)))
    assert "meningitis" not in following, following
    assert "blood tests" in following and "drink plenty" in following, following


# ------------------------------------------------------------------ n1: the SCIg page's emergency sentence
@pytest.mark.parametrize("locale", ["en-IN", "en-CA"])
def test_n1_the_scig_side_effects_page_names_a_swollen_leg_and_one_sided_weakness(locale):
    console = session(locale)
    console.say("open m m n guide")
    first = speech_of(console.say("what are the side effects of hizentra"))
    assert FIRST_NUMBER[locale] in first and "stop the infusion" in first, first
    following = _plain(speech_of(console.say("yes")))
    assert "swollen painful leg" in following and "sudden weakness on one side" in following, following


# ------------------------------------------------------------------ n4: Canada's poison line, cited to the centres
def test_n4_the_canadian_poison_line_is_cited_to_the_centres_own_pages():
    content = load_content("en-CA")
    cited = {s for level in content.red_flags.levels for sign in level.signs for s in sign.sources}
    urls = {content.sources[s].url for s in cited}
    assert not any("nexreg" in url for url in urls)
    assert any("gouv.qc.ca/antipoison" in url for url in urls) and any("poisoncentre" in url for url in urls)


# ------------------------------------------------------------------ n7: questions let through with no answer
@pytest.mark.parametrize(
    "locale, asked, said",
    [
        ("en-IN", "will the ivig stop the muscle wasting", "wasted muscle"),
        ("en-GB", "does ivig stop it spreading", "hold the gain"),
        ("en-US", "can the infusions keep my mmn from getting worse", "hold the gain"),
        ("en-IN", "will steroids stop the cramps", "steroids arent used"),
        ("en-GB", "would a course of prednisolone help my hand cramps", "steroids arent used"),
    ],
)
def test_n7_whether_a_treatment_stops_something_is_answered(locale, asked, said):
    heard, response = after(locale, "open m m n guide", asked)
    assert answered(response) not in ("unknown", "clarify"), heard
    assert said in _plain(heard), heard


@pytest.mark.parametrize(
    "locale, asked",
    [
        ("en-US", "what reactions would mean i need to go to the er"),
    ],
)
def test_n7_which_reactions_mean_the_emergency_hears_the_warning_signs(locale, asked):
    heard, response = after(locale, "open m m n guide", asked)
    assert answered(response).startswith("infusion_day.overview"), heard
    assert FIRST_NUMBER[locale] in heard, heard


# ------------------------------------------------------------------ n10: vaccines
NOT_LIVE = "Vaccines that aren't live"
CHILD = "Your IVIg doesn't affect your child's vaccines"
BABY = "Tell your baby's doctor or nurse"


@pytest.mark.parametrize(
    "locale, asked, opening",
    [
        # A vaccine that isn't live, on IVIg: that it's fine, first.
        ("en-GB", "can i have the flu jab while i'm on ivig", NOT_LIVE),
        ("en-US", "is it ok to get a flu shot while i'm having immunoglobulin", NOT_LIVE),
        ("en-AU", "can i get my covid vaccine while on ivig", NOT_LIVE),
        # A parent's IVIg and the child's vaccines.
        ("en-IN", "can my child get the live vaccine if i am on ivig", CHILD),
        ("en-US", "i'm on ivig, can my kids still have their live vaccines", CHILD),
        # A baby's vaccines after IVIg in pregnancy: whom to tell (no source here says more).
        ("en-GB", "can my baby have vaccines if i had ivig while pregnant", BABY),
        ("en-CA", "i was on immunoglobulin during my pregnancy, can my newborn be vaccinated", BABY),
    ],
)
def test_n10_a_vaccine_question_hears_its_own_answer_first(locale, asked, opening):
    heard, _ = after(locale, "open m m n guide", asked)
    assert heard.startswith(opening), heard


@pytest.mark.parametrize(
    "locale, asked",
    [
        ("en-AU", "can i have the shingles vaccine on prednisolone"),
        ("en-US", "is the shingrix shot safe if i take prednisone"),
    ],
)
def test_n10_the_shingles_vaccine_on_steroids_names_shingrix_as_not_live(locale, asked):
    console = session(locale)
    console.say("open m m n guide")
    first = speech_of(console.say(asked))
    assert "Shingrix, isn't live" in first, first
    assert "may not be safe" in speech_of(console.say("yes"))


# ------------------------------------------------------------------ n11: one's own spare vial
@pytest.mark.parametrize(
    "locale, asked",
    [
        ("en-US", "is my own extra cuvitru still ok for next week"),
        ("en-AU", "i've got a spare box of my hyqvia, is it ok for my next infusion"),
    ],
)
def test_n11_ones_own_spare_scig_for_the_next_dose_is_normal(locale, asked):
    heard, response = after(locale, "open m m n guide", asked)
    assert answered(response) == "q:own_spare_scig_vial.1", heard
    assert "expiry" in heard and "don't" not in heard.lower().split("check")[0], heard


# ------------------------------------------------------------------ review 14 n6 / n7: "what should I do" after
@pytest.mark.parametrize(
    "locale, said, action",
    [
        # n6: a red, itchy SCIg site: a cold pack, and the nurse.
        ("en-CA", "my hyqvia site is red and itchy", ("cold pack", "nurse")),
        ("en-GB", "the skin where my hizentra went in is itchy and pink", ("cold pack", "nurse")),
        # n7: tripping with foot drop: an ankle brace, and a therapist.
        ("en-GB", "my husband trips a lot because of his foot drop", ("ankle brace", "therapist")),
        ("en-US", "my wife keeps stumbling because her foot drags", ("ankle brace", "therapist")),
    ],
)
def test_r14_what_to_do_after_the_answer_hears_its_action(locale, said, action):
    console = session(locale)
    console.say("open m m n guide")
    console.say(said)
    following = _plain(speech_of(console.say("what should i do")))
    assert all(words_of_it in following for words_of_it in action), following
