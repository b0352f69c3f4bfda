"""Clinical review 10, the triage and what is said after safety advice: every sentence the review heard wrong, in
several locales, one-shot and mid-session, through full request envelopes (the console).

Most of its findings share one cause: a sign's ``unless`` (or a figure of speech) that excused a real alarm. A veto
that holds one of the sign's own words says what that word means and excuses it alone ("not answering the phone"); a
veto that frames the sign (a question, a history) speaks for the words near it, and a report near it (guilt, distress,
a failing treatment, someone else's tablets) outweighs it. The near misses the vetoes were written for stay quiet."""

from __future__ import annotations

import pytest
from spoken import CALL_NOW, CRISIS, after, answered
from spoken import FIRST_NUMBER as NUMBER

NO_CHANGE = "Please don't stop, skip or change your immunoglobulin on your own."


# H1: after anaphylaxis, their own adrenaline pen is used; "don't give them anything" is for a poisoning only.
@pytest.mark.parametrize(
    "locale, advice, reply",
    [
        (
            "en-AU",
            "she's allergic to the ivig, her throat is swelling up and she's struggling to breathe",
            "she has an epipen, should i give her something",
        ),
        ("en-GB", "her face is swelling and she's wheezing", "should i use her epipen"),
        ("en-US", "his lips are swelling up and he can't breathe", "he has an auvi q, can i use it"),
        ("en-IN", "my wife is on the drip and her tongue is swelling", "she has an adrenaline pen"),
    ],
)
def test_an_adrenaline_pen_after_anaphylaxis_is_used_and_the_call_still_stands(locale, advice, reply):
    heard, response = after(locale, advice, reply)
    assert heard.startswith("If they have an adrenaline pen, use it now, in the outer thigh"), heard
    assert "don't give them anything" not in heard
    assert NUMBER[locale] in heard
    assert response["response"].get("shouldEndSession") is False


@pytest.mark.parametrize(
    "locale, advice, reply",
    [
        ("en-US", "he's on the drip and he's got hives and his throat feels tight", "can i give him some benadryl"),
        ("en-GB", "her lips are swelling up after the ivig", "should i give her a piriton"),
    ],
)
def test_an_antihistamine_after_anaphylaxis_hears_the_call_first_and_the_pen(locale, advice, reply):
    heard, _ = after(locale, advice, reply)
    assert heard.startswith(f"Call {NUMBER[locale]} first. If they have an adrenaline pen, use it now."), heard


def test_giving_nothing_is_still_the_answer_after_a_poisoning():
    heard, _ = after("en-AU", "my toddler swallowed some of my methotrexate", "should i give him some water")
    assert heard.startswith("No. Don't try to make anyone sick, and don't give them anything to eat or drink."), heard


# H2, H3, H4, H6, H8, H9, H10, H11: real alarms a veto excused, said one-shot and after a page.
@pytest.mark.parametrize(
    "locale, context, said, starts",
    [
        # H2: distress said with an act of self-harm is a report; a fall cuts no wrist.
        ("en-GB", None, "i fell apart last night and cut myself again", "If you've taken an overdose or hurt yourself"),
        ("en-AU", "tell me about IVIG", "i fell to pieces and burnt myself again", "If you've taken an overdose"),
        # H3: a cup dropped, a hand bleeding or a fever said beside a collapse excuses nothing.
        ("en-US", None, "he dropped his cup and fell on the floor and now he's not moving", "Call 911 now."),
        ("en-AU", None, "she fell in the kitchen and isn't answering, her hand is bleeding", "Call 000 now."),
        ("en-GB", "tell me about steroids", "he's on the floor and not moving, he dropped the kettle", "Call 999 now."),
        (
            "en-AU",
            None,
            "she's gone down with a fever after her drip and now she isn't answering me",
            "Call 000 now.",
        ),
        # H4: guilt said after an overdose is no prescription.
        (
            "en-GB",
            None,
            "i took the whole packet of paracetamol, i know i wasn't supposed to",
            "If you, or the person you care for, have taken a whole pack",
        ),
        (
            "en-IN",
            "what is SCIG",
            "i swallowed the whole strip of tablets, the doctor said not to",
            "If you, or the person you care for, have taken a whole pack",
        ),
        # H6: a failing treatment is the commonest reason given for hopelessness.
        (
            "en-GB",
            None,
            "i don't think i'll be around much longer, the ivig isn't working anymore",
            "If you might act on these thoughts, call 999 now.",
        ),
        (
            "en-US",
            "tell me about IVIG",
            "i won't be needing anything much longer, i'm not getting any better",
            "If you might act on these thoughts, call 911 now.",
        ),
        # H8: "I'm not OK", "I don't know how many" open a disclosure; only a conditional asked first excuses.
        ("en-GB", None, "i'm not ok, i took all my pills on purpose", "If you've taken an overdose"),
        ("en-US", None, "i don't know how many, i've taken an overdose", "If you've taken an overdose"),
        (
            "en-CA",
            None,
            "i'm not sure how many were left but i took the whole box of paracetamol",
            "If you, or the person you care for, have taken a whole pack",
        ),
        # H9: the owner's dose words are no child's own prescription.
        (
            "en-US",
            None,
            "my grandson got into my wife's methotrexate, she takes it every week",
            "If a child may have swallowed someone's methotrexate",
        ),
        (
            "en-AU",
            "tell me about azathioprine",
            "the kids got into her azathioprine, she's been on it for years",
            "If a child may have swallowed someone's methotrexate",
        ),
        # H10: a verb of seeing is no money word; a lost eye and a weak arm are a near stroke.
        (
            "en-GB",
            None,
            "i think i nearly had a stroke earlier, i couldn't see out of one eye and my arm went weak",
            "Call 999 now.",
        ),
        ("en-CA", None, "i almost had a stroke this morning, i lost the sight in one eye for a bit", "Call 911 now."),
        # H11: a break-up said with a warning sign is its trigger.
        (
            "en-GB",
            None,
            "my daughter says we'd be better off without her since her boyfriend left",
            "That's worrying to hear, and hard for you too.",
        ),
        (
            "en-US",
            "help for carers",
            "my son keeps saying he's a burden to us, his girlfriend walked out last month",
            "That's worrying to hear, and hard for you too.",
        ),
    ],
)
def test_a_real_alarm_said_with_words_that_excused_it_before_is_an_emergency(locale, context, said, starts):
    turns = (context, said) if context else (said,)
    heard, response = after(locale, *turns)
    assert answered(response) == "safety:emergency", heard
    assert heard.startswith(starts), heard
    assert NUMBER[locale] in heard


def test_self_harm_said_with_distress_gives_the_crisis_line_too():
    heard, _ = after("en-GB", "i fell apart last night and cut myself again")
    assert CRISIS["en-GB"] in heard


# H5: confusion in a carer's words during a drip the session heard of.
@pytest.mark.parametrize(
    "locale, running, said",
    [
        ("en-GB", "she's on her drip now", "she's gone very confused and drowsy"),
        ("en-US", "he's having his infusion", "he's really confused and doesn't know where he is"),
        ("en-AU", "she's having her subcut infusion now", "she's gone all confused"),
    ],
)
def test_confusion_during_a_running_infusion_is_an_emergency_that_stops_it(locale, running, said):
    heard, _ = after(locale, running, said)
    assert heard.startswith(f"{CALL_NOW[locale]} Stop the infusion, or ask the nurse to stop it right away."), heard


def test_confusion_said_one_shot_is_an_emergency():
    heard, _ = after("en-IN", "my father has gone very confused and doesn't know where he is")
    assert heard.startswith(CALL_NOW["en-IN"]), heard


# W1: the nurse is who the advice said to ask only at a drip; at home, after a stroke, a nurse is too slow.
@pytest.mark.parametrize("locale", ["en-GB", "en-US"])
def test_calling_the_nurse_after_a_stroke_at_home_is_too_slow(locale):
    heard, response = after(locale, "his face has dropped and his arm is weak", "i'll call the nurse")
    assert heard.startswith(f"A nurse can't help fast enough with this. {CALL_NOW[locale]}"), heard
    assert response["response"].get("shouldEndSession") is False


# n2: the nurse may already be there, and on a ward calls the emergency team.
def test_the_nurse_at_the_drip_takes_over_and_at_home_someone_calls():
    heard, _ = after(
        "en-US", "i'm on the drip and my chest is tight and hurting", "the nurse is here, she's stopped it"
    )
    # Worded since by clinical review 11, n1: the number first if the nurse isn't there.
    assert heard.startswith("Good. If the nurse isn't with you, call 911 first, then the nurse. Stay with them."), heard


# W2, W3, W5: a dose skipped, spaced or stopped in words a figure or a veto excused.
@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-GB", None, "i'm going to miss a week of my subcut injections"),
        ("en-US", "tell me about IVIG", "i think i'll miss it this time"),
        ("en-AU", None, "i'll space the next one further from my last infusion"),
        ("en-GB", None, "i'm going to knock the ivig on the head, they can't make me have it"),
        ("en-GB", None, "i'm going to knock the ivig on the head because of work"),
    ],
)
def test_a_dose_skipped_spaced_or_stopped_hears_the_immunoglobulin_warning(locale, context, said):
    turns = (context, said) if context else (said,)
    heard, _ = after(locale, *turns)
    assert heard.startswith(NO_CHANGE), heard


# W4: a gain in days is a call today, whatever month it is said in.
def test_a_quick_weight_gain_since_starting_ivig_is_a_call_today():
    heard, response = after("en-GB", "i've gained six pounds in two days since starting ivig this month")
    assert answered(response) == "safety:call_doctor", heard
    assert "kidney" in heard and "today" in heard


# W6: others pressing to stop hear the worry answered, not a page.
@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "my neighbour keeps telling me to come off the drip"),
        ("en-IN", "my mother in law keeps saying stop all this english medicine and try ayurveda"),
    ],
)
def test_others_saying_stop_hear_the_worry_answered(locale, said):
    heard, _ = after(locale, said)
    assert heard.startswith("It's your choice, and it's hard when people you trust say that."), heard
    assert "weakness often comes back within weeks" in heard


def test_the_speaker_deciding_after_others_said_stop_hears_the_warning():
    heard, _ = after("en-CA", "my husband says stop the drip, so we're stopping it")
    assert heard.startswith(NO_CHANGE), heard


# W8: steroids for another illness: follow that doctor, tell the neurologist.
@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "my gp wants to give me prednisolone for my chest infection"),
        ("en-US", "the doctor in the er wants to give me steroids for my copd flare up"),
    ],
)
def test_steroids_for_another_illness_hear_to_follow_that_doctor(locale, said):
    heard, _ = after(locale, said)
    assert heard.startswith("If a doctor gives you steroids for another illness, like a chest infection, follow"), heard
    assert "make the weakness worse" not in heard


# n1: feeling fine agrees with advice that said it is unlikely to harm.
def test_feeling_fine_after_low_harm_advice_is_not_called_deciding_alone():
    heard, _ = after("en-GB", "i took an extra prednisolone tablet by mistake this morning", "i feel fine though")
    assert "please don't decide this on your own" not in heard, heard


# n6: a reaction long past is told to the infusion team before the next infusion.
def test_a_reaction_long_past_is_told_to_the_infusion_team_first():
    heard, _ = after("en-GB", "last year he had chest pain after the drip, he's fine now")
    assert "Tell your infusion team before your next infusion, and your neurologist." in heard, heard


# n7: an SCIg site with a fever hears no word that redness is common.
def test_an_scig_site_with_a_fever_is_a_call_right_away_without_reassurance():
    heard, _ = after("en-CA", "my subcut site is red and hot and spreading and i have a fever")
    # The call first, then why (safety round 14).
    assert heard.startswith("Call your doctor or care team right away."), heard
    assert "A red, spreading infusion site with a fever can be an infection." in heard
    assert "common" not in heard


# n14: a prescription let lapse, no treatment named, is a change of treatment.
def test_letting_a_prescription_lapse_is_a_change_of_treatment():
    _, response = after("en-US", "i'll just let my prescription lapse")
    assert answered(response) == "safety:no_change"


# What the vetoes were written for still hears no alarm.
@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "i tripped and hurt myself again"),
        ("en-AU", "i nearly had a stroke when i saw the bill"),
        (
            "en-GB",
            "honestly the parking at the hospital is daylight robbery i nearly had a heart attack when i saw the"
            " machine",
        ),
        ("en-US", "my mum isn't answering the phone, she must have gone down to the shops"),
        ("en-AU", "i took a handful of tablets this morning like i always do, does that affect my ivig"),
        ("en-CA", "should i space my flu jab out from my infusion"),
        ("en-US", "my mum is confused about which brand she gets"),
        ("en-GB", "my GP gave me prednisolone for my chest, is that ok with my ivig"),
    ],
)
def test_the_near_misses_the_vetoes_were_written_for_hear_no_alarm(locale, said):
    heard, response = after(locale, said)
    assert not answered(response).startswith("safety:"), heard


# n13: asked how to space the infusions to avoid headaches: the warning first, then the headache help.
@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-CA", "how can i space my infusions to avoid headaches"),
        ("en-GB", "would spreading my drips further apart help with the headaches"),
        ("en-IN", "can i keep a longer gap between ivig doses so the headaches are less"),
    ],
)
def test_spacing_infusions_to_avoid_headaches_hears_the_warning_then_the_headache_help(locale, said):
    heard, _ = after(locale, said)
    assert heard.startswith("Please don't space out or stop your infusions on your own."), heard
    assert "Headaches can often be eased" in heard


# n5: a side-effects page said for one drug names it, not "all of these drugs".
@pytest.mark.parametrize(
    "locale, drug", [("en-AU", "methotrexate"), ("en-US", "mycophenolate"), ("en-GB", "methotrexate")]
)
def test_the_side_effects_of_one_immune_drug_name_it(locale, drug):
    heard, _ = after(locale, f"what are the side effects of {drug}")
    assert "these drugs" not in heard.lower(), heard
    infections = next(sentence for sentence in heard.split(". ") if "infections" in sentence)
    assert drug in infections.lower(), heard


# n14: letting a prescription lapse, in other locales and mid-session, is a change of treatment.
@pytest.mark.parametrize(
    "locale, turns, starts",
    [
        ("en-GB", ["i'm just going to let my prescription run out"], "Please don't stop"),
        ("en-AU", ["what is scig", "i reckon i'll just let the prescription lapse"], NO_CHANGE),
    ],
)
def test_letting_a_prescription_lapse_elsewhere_hears_the_warning(locale, turns, starts):
    heard, _ = after(locale, *turns)
    assert heard.startswith(starts), heard
