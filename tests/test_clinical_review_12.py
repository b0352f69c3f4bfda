"""Clinical review 12, what it heard wrong, through full request envelopes (the console), in several locales, one-shot
and mid-session: new confusion said of someone named, a head injury on a blood thinner or with being sick, chickenpox
near someone on an immune drug, rituximab's own risks, raising the immunoglobulin oneself, a usual medicine on infusion
day; then the minor findings (the first breath of the pregnancy page, a fever named by its drug, vaccines that aren't
live, methotrexate with other medicines, weakness that may be wearing off, a child's age said).

Each is fixed by kind (a sign or a page in the content), and tested with sentences of the same kind beyond the review's.
The near misses of each kind stay quiet."""

from __future__ import annotations

import pytest
from spoken import CALL_NOW, after, answered
from spoken import FIRST_NUMBER as NUMBER

from skill.content import load_content

GO_NOW = {
    "en-US": "go to the ER now",
    "en-CA": "go to the ER now",
    "en-GB": "go to A and E now",
    "en-AU": "go to the emergency department now",
    "en-IN": "go to the hospital now",
}
# The call first, then why (safety round 14).
CHICKENPOX = "If you've got chickenpox or shingles, or been near someone who has, call your doctor today"
WEAKER = "Ask your neurologist to check it today. Weakness that's getting worse can be the treatment wearing off"
RAISE = "Please don't raise your immunoglobulin dose on your own."


def first_said(heard: str) -> str:
    """What is said after the opening notice, if any."""
    return heard.removeprefix("General information, not medical advice. ")


# H2: new confusion said of a named person, in "isn't making sense" words too, is the emergency.
@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-IN", None, "my mother is confused after ivig"),
        ("en-GB", None, "my mum isn't making sense since her drip"),
        ("en-AU", None, "dad's confused since his drip"),
        ("en-CA", None, "my wife doesn't make sense since her ivig"),
        ("en-GB", None, "my mum's gone all dopey and isn't making sense since her drip"),
        ("en-US", None, "grandpa is not making any sense after his infusion"),
        ("en-GB", None, "my nan's gone all muddled since her ivig yesterday"),
        ("en-AU", "tell me about IVIG", "my husband seems really muddled this morning"),
        ("en-IN", None, "my father is all muddled since his drip"),
    ],
)
def test_new_confusion_said_of_someone_named_is_an_emergency(locale, context, said):
    turns = (context, said) if context else (said,)
    heard, response = after(locale, *turns)
    assert answered(response) == "safety:emergency", heard
    assert heard.startswith(CALL_NOW[locale]), heard
    assert "New confusion can be serious" in heard


def test_what_to_do_after_new_confusion_is_the_call_again_not_milder_side_effects():
    heard, response = after(
        "en-GB", "my mum's gone all dopey and isn't making sense since her drip", "what should i do"
    )
    assert answered(response) == "safety:emergency", heard
    assert "slow the drip" not in heard


def test_dopey_since_a_drip_alone_is_the_drowsiness_call():
    heard, response = after("en-GB", "my mum's gone all dopey since her drip")
    assert answered(response) == "safety:call_doctor", heard
    assert heard.startswith("Call your doctor or care team right away. Drowsiness after immunoglobulin"), heard


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", "my husband is confused about which ivig brand he gets"),
        ("en-US", "the leaflet doesn't make sense to me"),
        ("en-GB", "my dad has dementia and gets confused, can he have ivig"),
        ("en-AU", "my wife is confused by all the forms for the drip"),
    ],
)
def test_confused_about_something_or_long_standing_is_no_emergency(locale, said):
    heard, response = after(locale, said)
    assert answered(response) != "safety:emergency", heard


# H3: a head injury on a blood thinner, or with being sick, is the emergency department now; with drowsiness,
# confusion or a fit, the emergency number.
@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "he fell and hit his head, he's on warfarin"),
        ("en-GB", "she fell and hit her head and now she's being sick"),
        ("en-US", "my wife tripped because of her foot drop and banged her head, she takes eliquis"),
        ("en-AU", "my husband fell and banged his head, he takes xarelto"),
        ("en-CA", "my father knocked his head on the cupboard and has been throwing up"),
        ("en-IN", "my mother slipped in the bathroom and hit her head, she is on blood thinners"),
        ("en-US", "i tripped over my floppy foot and cracked my head on the door, i'm on apixaban"),
    ],
)
def test_a_head_injury_on_a_blood_thinner_or_with_vomiting_is_the_emergency_department_now(locale, said):
    heard, response = after(locale, said)
    assert answered(response) == "safety:call_doctor", heard
    # The locale's word for being sick (safety round 14; review 13, n1).
    sick = "being sick" if locale == "en-GB" else "vomiting"
    assert heard.startswith(f"After a head injury on a blood thinner, or with {sick}, {GO_NOW[locale]}."), heard
    assert f"call {NUMBER[locale]}" in heard


def test_what_to_do_after_a_head_injury_on_warfarin_keeps_the_advice():
    heard, response = after("en-GB", "he fell and hit his head, he's on warfarin", "what should i do")
    assert "go to A and E now" in heard, heard


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "she hit her head and now she's really drowsy"),
        ("en-US", "he knocked his head on the shelf and now he's very drowsy"),
    ],
)
def test_a_head_injury_with_drowsiness_confusion_or_a_fit_is_an_emergency(locale, said):
    heard, response = after(locale, said)
    assert answered(response) == "safety:emergency", heard
    assert heard.startswith(CALL_NOW[locale]), heard


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "he fell over and hurt his knee, he's on warfarin"),
        ("en-GB", "she tripped on the stairs but didn't hit her head"),
        ("en-US", "i take eliquis, is it ok with ivig"),
        ("en-AU", "the neurologist hit the nail on the head, i'm on warfarin too"),
    ],
)
def test_a_fall_without_a_head_injury_or_a_blood_thinner_alone_is_no_head_injury(locale, said):
    heard, _ = after(locale, said)
    assert "head injury" not in heard, heard


# H4: chickenpox or shingles, caught or been near, on an immune drug or steroids: call the doctor today.
@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-GB", None, "i'm on azathioprine and my grandson has chickenpox, i was with him yesterday"),
        ("en-US", None, "my son is on prednisone and his friend at school has chickenpox"),
        ("en-AU", None, "i'm on mycophenolate and i was around my neighbour who's got shingles"),
        ("en-IN", None, "my wife takes methotrexate and our daughter caught chicken pox"),
        (
            "en-CA",
            "tell me about azathioprine",
            "my granddaughter has chickenpox and she stayed with us at the weekend",
        ),
    ],
)
def test_chickenpox_near_someone_on_an_immune_drug_is_a_call_today(locale, context, said):
    turns = (context, said) if context else (said,)
    heard, response = after(locale, *turns)
    assert answered(response) == "safety:call_doctor", heard
    assert heard.startswith(CHICKENPOX), heard
    assert "call your doctor today, even if you feel well" in heard


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "can i have the chickenpox vaccine on azathioprine"),
        ("en-US", "i had chickenpox as a child, can i take azathioprine"),
        ("en-AU", "my grandson has chickenpox, can he still visit"),
    ],
)
def test_a_chickenpox_vaccine_a_childhood_case_or_no_immune_drug_is_no_call(locale, said):
    heard, _ = after(locale, said)
    assert not heard.startswith(CHICKENPOX), heard


# W1: the other immune drugs' side effects name rituximab's own risks, with its label.
def test_rituximabs_side_effects_name_its_infections_and_hepatitis_b():
    heard, _ = after("en-GB", "what are the side effects of rituximab", "yes")
    first, _ = after("en-GB", "what are the side effects of rituximab")
    assert first_said(first).startswith("Rituximab, mycophenolate and methotrexate make infections more likely")
    assert "hepatitis B" in heard, heard


def test_rituximabs_rare_risks_are_on_the_next_page():
    pages = next(t for t in load_content("en-GB").topics if t.id == "other_immune_drugs").pages("side_effects")
    said = " ".join(p.text for p in pages)
    assert "hepatitis B" in pages[0].text and "rituxan-label" in pages[0].sources
    assert "reactions during the drip" in said and "brain infection" in said


# W3: raising the immunoglobulin oneself, in "up" words: the don't-change answer; with worsening weakness, the
# neurologist today first.
@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "should i up my ivig myself"),
        ("en-US", "can i have more ivig if my hands are weak"),
        ("en-AU", "i'm thinking of putting my hizentra up myself"),
        ("en-IN", "can i increase my immunoglobulin dose on my own"),
        ("en-GB", "i'm pregnant, should i raise my ivig dose"),
    ],
)
def test_raising_the_immunoglobulin_oneself_hears_dont_change_it(locale, said):
    heard, response = after(locale, said)
    assert answered(response) == "safety:no_change", heard
    assert heard.startswith(RAISE) or heard.startswith("Please don't stop, skip or change your immunoglobulin"), heard


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-AU", "my hands are getting weaker, can i bump up my ivig"),
        ("en-GB", "i'm 20 weeks pregnant and my hands are getting weaker, should i up my ivig myself"),
        ("en-US", "my grip is getting worse so i want to increase my gammagard"),
        ("en-CA", "his legs are getting weaker, can we bump his ivig up"),
    ],
)
def test_raising_it_while_weakness_worsens_hears_the_neurologist_today_first(locale, said):
    heard, response = after(locale, said)
    assert answered(response) == "safety:call_doctor", heard
    assert heard.startswith(WEAKER), heard
    assert "Don't change the dose yourself" in heard and f"call {NUMBER[locale]}" in heard
    assert "stop it now" not in heard


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", "my neurologist wants to increase my ivig dose"),
        ("en-US", "does the ivig dose go up with weight"),
        ("en-GB", "i need to pick up my ivig from the pharmacy"),
        ("en-US", "tell me more about ivig"),
    ],
)
def test_the_doctor_raising_it_or_other_up_words_are_no_change(locale, said):
    heard, response = after(locale, said)
    assert not answered(response).startswith("safety:"), heard


# W4: a usual medicine on infusion day has its own page, after a statement too.
@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-CA", "i'm on ivig every three weeks", "can i take my blood pressure pills the same day"),
        ("en-CA", None, "can i take my blood pressure pills on infusion day"),
        ("en-GB", None, "should i take my water tablets before my drip"),
        ("en-US", "my wife gets ivig every month", "can she take her heart pills that morning"),
    ],
)
def test_a_usual_medicine_on_infusion_day_hears_tell_the_team(locale, context, said):
    turns = (context, said) if context else (said,)
    heard, response = after(locale, *turns)
    assert answered(response) == "q:usual_medicines_infusion_day.1", heard
    assert "Tell your infusion team about all your medicines" in heard


# n1: the pregnancy page's first breath says what to do.
def test_methotrexate_and_a_new_pregnancy_hear_speak_to_your_doctor_today_first():
    heard, _ = after("en-AU", "i'm on methotrexate and just found out i'm pregnant")
    lead = heard[: heard.index("Want to hear")]
    assert "don't stop it yourself, but speak to your doctor today" in lead, heard


# n2: a fever on mycophenolate doesn't name other drugs.
@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-AU", "my daughter's on mycophenolate and has a high temperature"),
        ("en-US", "i'm on methotrexate and i've got a fever and chills"),
    ],
)
def test_a_fever_on_an_immune_drug_names_no_other_drug(locale, said):
    heard, response = after(locale, said)
    assert answered(response) == "safety:call_doctor", heard
    assert heard.startswith("Call your doctor or care team right away."), heard
    assert "On a drug that weakens the immune system, a fever" in heard
    assert "azathioprine" not in heard


# n3: a vaccine that isn't live hears first that IVIg doesn't affect it.
@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "can i have a flu jab on the same day as my ivig"),
        ("en-GB", "can i have the shingles vaccine on ivig"),
        ("en-US", "my son is 12 and on ivig, can he get his hpv shot"),
        ("en-AU", "can i get my covid booster the day after my drip"),
    ],
)
def test_a_vaccine_that_isnt_live_hears_it_isnt_affected_first(locale, said):
    heard, response = after(locale, said)
    assert answered(response) == "q:ivig_non_live_vaccines.1", heard
    assert first_said(heard).startswith("Vaccines that aren't live"), heard


# n4: methotrexate with another medicine (round 14: trimethoprim said as a dangerous pair first; alcohol has its own
# answer, tests/test_content_round14.py).
@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-IN", "can i take trimethoprim, i'm on methotrexate"),
        ("en-GB", "can i take ibuprofen with my methotrexate"),
        ("en-AU", "the gp wants to give me an antibiotic but i'm on methotrexate"),
    ],
)
def test_methotrexate_with_other_medicines_hears_ask_the_pharmacist(locale, said):
    heard, response = after(locale, said)
    assert answered(response) == "q:methotrexate_other_medicines.1", heard
    assert "it's a dangerous pair" in heard


# n9: weakness worse over days may be the treatment wearing off.
def test_weakness_worse_over_days_may_be_wearing_off():
    heard, _ = after("en-IN", "my husband's hands are getting weaker over the last week")
    assert heard.startswith(
        "Ask your neurologist to check it today. Weakness that gets worse over days can be the treatment wearing off"
    ), heard
    assert "is not usual for MMN" not in heard


# n10: a child's age said.
@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", "my daughter is 8 can she get mmn"),
        ("en-GB", "could my 9 year old have mmn"),
        ("en-AU", "could my 7 year old have mmn"),
    ],
)
def test_a_childs_age_said_hears_the_children_page(locale, said):
    heard, response = after(locale, said)
    assert answered(response) == "q:mmn_children.1", heard


# n8: one close after raising a steroid oneself.
def test_an_extra_steroid_of_ones_own_hears_one_close():
    heard, response = after("en-AU", "i think i'll take an extra prednisolone today, my hands are bad")
    assert answered(response) == "safety:no_change", heard
    assert "Talk to the doctor who prescribed them first." in heard
    assert "Talk to your neurologist first." not in heard
