"""Kinds of safety statement in words the red flags do not list, in each locale's words, one-shot and
mid-session: self-harm said indirectly (hopelessness, being a burden), stroke in lay words, weakness worse over
days, an infected SCIg site or drip site, an infusion reaction now, a fever after an infusion (said of the
treatment in context), treatment changes in other words; and the questions, idioms, history and other people's
decisions that must not alarm. Every turn goes through full request envelopes (the console)."""

from __future__ import annotations

import pytest
from conftest import speech_of
from spoken import CALL_NOW, CRISIS, EMERGENCY, answered, ends, say, session


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-US", None, "I keep thinking about swallowing the whole bottle of my pills"),
        ("en-GB", None, "I've been stockpiling my tablets for a while now"),
        ("en-AU", "tell me about IVIG", "honestly I'm tempted to take all my tablets at once and be done"),
        ("en-IN", None, "I have hidden a stash of sleeping tablets in the drawer"),
        ("en-CA", "what is SCIG", "sometimes I wish I could go to sleep and never wake up"),
        ("en-GB", None, "I'd rather not wake up tomorrow to be honest"),
        # ("mum says she hopes she doesn't wake up" is told of someone: answered to the carer, test_safety_round14.py.)
        ("en-US", None, "my family would be happier if I wasn't around"),
        ("en-IN", "tell me about IVIG", "I am such a burden, they would be better off if I was gone"),
        ("en-CA", None, "my kids would be better off without me around"),
        ("en-IN", None, "I have become a burden to my children, it is better if I am no more"),
        ("en-AU", "tell me about SCIG", "to be honest some days I wonder what the point of any of it is"),
        # Said as a question, it is still heard as the thought it is.
        ("en-GB", None, "what happens if you feel it'd be easier not to wake up"),
        # Hopelessness, and being a burden now, hear the hopelessness answer: test_clinical_review_6.py (n4).
        ("en-CA", None, "what's the point of anything anymore"),
        ("en-IN", "tell me about steroids", "I have lost the will to live"),
        ("en-AU", "tell me about azathioprine", "I just can't go on"),
        ("en-GB", None, "no one would miss me if I wasn't here"),
    ],
)
def test_self_harm_said_indirectly_hears_the_emergency_number_and_the_crisis_line(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert spoken.startswith(f"If you might act on these thoughts, call {EMERGENCY[locale]} now.")
    assert CRISIS[locale] in spoken and not ends(response)


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-GB", None, "Dad's speech has gone funny and his right side's not moving"),
        ("en-AU", "tell me about caregivers", "mum can't get her words out and her arm's gone dead"),
        ("en-US", None, "his face has slipped on one side"),
        ("en-CA", "tell me about IVIG", "my husband's mouth is drooping on one side"),
        ("en-IN", None, "my mother's smile has gone lopsided and she is talking nonsense"),
        ("en-US", "what is SCIG", "she can't find her words and one side of her face is numb"),
        ("en-GB", "tell me about IVIG", "he isn't talking right and his left side won't move"),
        ("en-AU", None, "the left side of her body's gone floppy"),
        ("en-IN", "tell me about IVIG", "my legs suddenly gave way and I can't stand"),
    ],
)
def test_stroke_signs_in_lay_words_are_an_emergency(locale, context, said):
    response = say(locale, said, context)
    assert speech_of(response).startswith(f"{CALL_NOW[locale]}") and not ends(response)


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-US", None, "in the past few days my right hand's gone from weak to useless"),
        ("en-GB", None, "since Tuesday my legs keep buckling and I've fallen twice"),
        ("en-AU", "tell me about IVIG", "this week my other hand has started dragging too, it's much worse"),
        ("en-IN", None, "he is going downhill fast, worse every day"),
        ("en-CA", "what is SCIG", "over the past week my foot's dragging and I keep tripping"),
        ("en-GB", "tell me about IVIG", "since the weekend my grip has gone to nothing"),
        ("en-US", None, "my legs keep giving out and I keep falling over"),
        # Said with an "or" that Alexa may split over two slots: the sign's words fall into both.
        ("en-CA", None, "over the past week or so my right hand has got a lot weaker"),
        ("en-GB", None, "since monday or tuesday his grip has gone much worse"),
    ],
)
def test_weakness_worse_over_days_in_other_words_is_a_call_today(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert answered(response) == "safety:call_doctor" and "can be the treatment wearing off" in spoken
    assert spoken.startswith("Ask your neurologist to check it today.") and f"call {EMERGENCY[locale]} now" in spoken


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-US", None, "the spot where my scig goes in is red and hot and there's pus coming out"),
        ("en-GB", "what is SCIG", "my tummy site is oozing and the redness is spreading"),
        ("en-AU", None, "one of my infusion sites looks infected, it's weeping yellow stuff"),
        ("en-IN", None, "there is a red streak spreading from my hizentra site"),
        ("en-CA", "what is SCIG", "my thigh is hot where the needle went in and it's got pus in it"),
    ],
)
def test_an_infected_scig_site_is_a_call_right_away(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert "can be an infection" in spoken and "Call your doctor or care team right away." in spoken


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-US", None, "I'm shivering and shaking with the drip still running"),
        ("en-GB", None, "mum's got a temperature halfway through her IVIG"),
        ("en-AU", "tell me about IVIG", "he's trembling all over and feels terrible on the infusion"),
        ("en-IN", None, "she has got rigors during the infusion"),
        ("en-CA", "tell me about infusion day", "my dad has the chills and a fever on the drip"),
    ],
)
def test_an_infusion_reaction_now_stops_the_infusion_and_calls_the_care_team(locale, context, said):
    spoken = speech_of(say(locale, said, context))
    assert spoken.startswith("If your infusion is still running, stop it now, or ask the nurse to stop it.")
    assert "infusion reaction" in spoken and "Call your doctor or care team right away." in spoken


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-GB", None, "my cannula site has gone red and hot and it's oozing"),
        ("en-US", "tell me about IVIG", "there's a red streak going up my arm from the IV site"),
        ("en-AU", None, "the drip site on mum's hand is swollen and weeping pus"),
        ("en-IN", "tell me about infusion day", "the place of the cannula is swollen and red since the drip"),
        ("en-CA", None, "my PICC line site is red and warm and it's spreading"),
        ("en-US", None, "her port looks infected and it's warm to touch"),
        # Asked about, it is still a drip site to check, not the SCIg skin reaction (clinical review 5, W2).
        ("en-GB", None, "my cannula site is red and swollen is that normal"),
        ("en-AU", None, "the drip site is swollen and hot, is it normal"),
        ("en-IN", None, "my PICC line is red and puffy, does that usually happen"),
    ],
)
def test_an_infected_drip_site_is_a_call_right_away(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert answered(response) == "safety:call_doctor" and "drip site" in spoken and "can be an infection" in spoken
    assert "Call your doctor or care team right away." in spoken


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-IN", "my father had his IVIG last week", "since two days he is having fever and chills what to do"),
        ("en-AU", "tell me about SCIG", "I've come down with a fever and the shivers"),
        ("en-GB", "tell me about infusion day", "she's been shivery and running a temperature since yesterday"),
        ("en-US", None, "I've had chills and a fever since my IVIG yesterday"),
        ("en-CA", None, "my wife has had rigors all night after her drip"),
        # The first sentence is not known, but the treatment it names is the one offered.
        ("en-GB", "my husband had his drip on Tuesday", "he's had a temperature and the shivers since yesterday"),
    ],
)
def test_a_fever_after_an_infusion_or_with_it_in_context_is_a_call_today(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    # The call comes first (clinical review 5, W1): a listener may stop at "it often passes".
    assert answered(response) == "safety:call_doctor"
    assert spoken.startswith("Call your doctor or care team today about a fever after an infusion."), spoken
    assert f"If it gets worse, call {EMERGENCY[locale]}." in spoken


PORT = "Call your doctor or care team right away about a fever with a port"
TODAY = "Call your doctor or care team today about a fever after an infusion."


@pytest.mark.parametrize(
    "locale, said, starts",
    [
        # With a port or a line in a vein, a fever can be a line infection: right away.
        ("en-CA", "i have a port and i have a fever and chills after my ivig yesterday", PORT),
        ("en-GB", "she's got a PICC line and she's running a temperature tonight", PORT),
        ("en-AU", "I've had the shivers and a fever since last night and I have a portacath", PORT),
        # A fever reported now and asked about is still a fever to report.
        ("en-US", "i have a fever after my infusion should i be worried", TODAY),
        ("en-IN", "I have a fever after my IVIG, is that normal?", TODAY),
        ("en-GB", "she has a fever after her drip yesterday, should we be worried", TODAY),
    ],
)
def test_a_fever_with_a_line_or_asked_about_is_a_call_said_first(locale, said, starts):
    # Clinical review 5, W1.
    response = say(locale, said)
    spoken = speech_of(response)
    assert answered(response) == "safety:call_doctor" and spoken.startswith(starts), spoken
    assert f"call {EMERGENCY[locale]}." in spoken


@pytest.mark.parametrize("said", ["I've got a fever and a sore throat", "she has been shivering since yesterday"])
def test_a_fever_with_no_treatment_in_context_is_not_said_to_follow_an_infusion(said):
    assert "after an infusion" not in speech_of(say("en-GB", said, "what is MMN"))


IG = "Please don't stop, skip or change your immunoglobulin on your own."
STEROIDS = "Please don't stop steroids suddenly"
OTHER = "Please don't stop or change your medicine on your own."
START_STEROIDS = "Please don't start steroids on your own"
START_OTHER = "Please don't start leftover or borrowed medicine on your own."
ANY = "Please don't stop, skip or change a treatment for MMN on your own."


@pytest.mark.parametrize(
    "locale, context, said, starts",
    [
        ("en-US", "tell me about IVIG", "I've halved the dose myself", IG),
        ("en-GB", "tell me about steroids", "I've halved the dose myself", STEROIDS),
        ("en-AU", "tell me about azathioprine", "I've been halving my dose", OTHER),
        ("en-IN", None, "I will halve my IVIG dose to make the supply last", IG),
        ("en-CA", "tell me about IVIG", "I'm going to halve it to make it last longer", IG),
        ("en-US", "tell me about steroids", "I missed yesterday's so I'll take two today", STEROIDS),
        ("en-GB", "tell me about IVIG", "I missed one so I'll double up next time", IG),
        ("en-AU", "what is SCIG", "I'll do it every fortnight instead of weekly", IG),
        ("en-IN", "tell me about IVIG", "I am stretching mine out to every two months", IG),
        ("en-CA", "tell me about IVIG", "I saw online it's bad for you so I'm going to stop", IG),
        ("en-US", "tell me about azathioprine", "my friend read it causes cancer so I'm going to stop", OTHER),
        ("en-GB", "is MMN inherited", "I read it makes things worse so I'm just going to stop", ANY),
        ("en-AU", None, "I've got some of my mum's old prednisolone, I might start taking them", START_STEROIDS),
        ("en-US", "tell me about IVIG", "I have some leftover prednisone so I'll start that", START_STEROIDS),
        ("en-IN", None, "I found some leftover azathioprine tablets so I will start those again", START_OTHER),
        ("en-GB", "tell me about IVIG", "just let the chemist give me whatever brand they've got", IG),
        ("en-CA", None, "I'm going to ask the pharmacy for the cheapest brand of IVIG", IG),
        # Fewer vials than written, to save money; a brand changed by the family itself.
        ("en-IN", None, "we can only afford half the vials this month so we will give the rest later", IG),
        ("en-US", None, "the pharmacy only had three of the six vials so we'll just run half tonight", IG),
        ("en-AU", None, "the chemist reckons we can switch the brand of immunoglobulin to save money ourselves", IG),
        ("en-GB", "tell me about IVIG", "I think I'll change the brand myself to the cheaper one", IG),
        # SCIg by its everyday name ("subcut", "sub q").
        ("en-AU", None, "the subcut takes ages so i'm only doing half of it this week", IG),
        ("en-CA", None, "honestly i might skip my sub q this weekend", IG),
        # One's own dose put back by one's own plan, with no treatment named or in context.
        ("en-GB", None, "we're off to portugal for three weeks so i'll push mine back till we're home", ANY),
        ("en-AU", None, "i'm going to postpone mine until after the grandkids visit", ANY),
    ],
)
def test_a_treatment_change_in_other_words_hears_the_advice_for_that_treatment(locale, context, said, starts):
    response = say(locale, said, context)
    assert answered(response) == "safety:no_change" and speech_of(response).startswith(starts)


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-US", None, "what are the signs of stroke we should watch for after IVIg"),
        ("en-GB", "tell me about IVIG", "what signs of a stroke should I look out for on IVIG"),
        ("en-AU", None, "I'm dying to know if the new drugs are any good"),
        ("en-IN", None, "I'm dying for a cup of tea, is caffeine ok with IVIg"),
        ("en-CA", "tell me about IVIG", "could I come off IVIg one day if things settle down"),
        ("en-US", None, "will I be able to stop IVIg someday"),
        ("en-GB", None, "my father had a mini stroke a few years back, is IVIg okay for him"),
        ("en-AU", None, "my mum had a stroke two years ago, can she have IVIg"),
        ("en-IN", None, "is trouble breathing ever part of MMN itself"),
        ("en-CA", None, "I hope I don't wake up with a headache after my infusion"),
        ("en-US", "tell me about IVIG", "which brand of IVIG is cheapest"),
        ("en-GB", None, "I've been saving up for my prescriptions"),
        ("en-IN", None, "is it better if I am not there during my husband's infusion"),
        ("en-AU", None, "what's the point of IVIg if it wears off"),
        ("en-GB", None, "what is the point of the grip test"),
        # Hopelessness words in questions and idioms.
        ("en-US", None, "is there any point in IVIG if I've had MMN for ten years"),
        ("en-GB", "tell me about IVIG", "what's the point of the IgA test"),
        ("en-CA", None, "is there no point in taking steroids anymore"),
        ("en-AU", None, "I can't go on holiday because of my infusions"),
        ("en-US", "tell me about IVIG", "I'm tired of fighting with the insurance company over my IVIG"),
        ("en-IN", None, "will I become a burden on my family as the MMN gets worse"),
        # A drip site asked about.
        ("en-GB", None, "is it normal for the drip site to be a bit red afterwards"),
        # A fever that always comes, or asked about.
        ("en-AU", "tell me about IVIG", "does it usually cause a fever"),
        ("en-US", None, "my husband gets chills after his drip, is that normal"),
        # History: a stroke or heart attack long ago.
        ("en-US", None, "my dad had a stroke a long time ago, can he have IVIG"),
        ("en-GB", "tell me about IVIG", "my gran had a heart attack ages ago, is IVIG safe for her"),
        # Asking about signs, for one's own knowledge.
        ("en-CA", None, "what are the signs of a reaction to the drip, I want to know what to watch for"),
        ("en-IN", "tell me about IVIG", "what does a bad reaction look like, just so I know"),
        # Someone else stopping or declining a treatment; a question of the future, or of people in general.
        ("en-GB", None, "will the NHS stop funding my IVIG if it's too dear"),
        ("en-AU", "tell me about IVIG", "they had to stop it halfway last time because my blood pressure went up"),
        ("en-US", None, "will they stop my infusions if I move to another state"),
        ("en-CA", "tell me about IVIG", "can you come off them eventually if you stay well"),
        ("en-IN", None, "why will the doctor not give me steroids, they are cheaper"),
        ("en-US", None, "my doctor says prednisone won't work for MMN, is that true"),
        ("en-GB", None, "what happens if someone stops IVIG, asking for knowledge"),
        ("en-US", None, "what happens if you stop IVIG suddenly"),
        ("en-AU", None, "my neurologist stopped my IVIG, should I ask to restart it"),
        ("en-GB", None, "my arm is bruised where the cannula was, is that normal"),
        # "The missus" is a wife, not a missed dose.
        ("en-AU", None, "my missus has been on gamunex for a year now, does it ever get easier"),
        ("en-GB", None, "the ward rang and said they had to push it back a week because of staffing"),
        ("en-US", None, "can the hospital push my infusion back a week if i'm away"),
        # A temperature to store the medicine at is no fever.
        ("en-AU", None, "what temperature do i keep my scig at"),
        ("en-GB", "tell me about SCIG", "what temperature should my hizentra be stored at"),
    ],
)
def test_questions_idioms_and_history_are_answered_not_alarmed(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert not answered(response).startswith("safety:") and not ends(response)
    assert not spoken.startswith("Call ") and "If you might act" not in spoken


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", "my doctor wants me to try steroids"),
        ("en-GB", "my GP wants me to try prednisolone"),
        ("en-IN", "my doctor wants me to try prednisone"),
    ],
)
def test_a_doctor_wanting_steroids_hears_the_steroid_advice_not_the_overview(locale, said):
    assert speech_of(say(locale, said)).startswith("Steroids usually don't help MMN")


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-US", None, "my leg went weak overnight after my ivig"),
        ("en-GB", "tell me about IVIG", "I woke up and my arm is weak"),
        ("en-AU", None, "my hand got weak this morning"),
        ("en-IN", None, "since last night my father cannot lift his arm"),
    ],
)
def test_weakness_that_came_on_within_hours_is_an_emergency(locale, context, said):
    # Clinical review 4b, H1: sudden weakness can be a stroke, a rare risk that IVIg raises.
    response = say(locale, said, context)
    assert speech_of(response).startswith(f"{CALL_NOW[locale]} Weakness that comes on within hours")
    assert answered(response) == "safety:emergency"


@pytest.mark.parametrize(
    "locale, said",
    [
        (
            "en-US",
            "she was on prednisone years ago for her asthma and it "
            "did nothing much for her and now her throat is swelling",
        ),
        (
            "en-GB",
            "it is always worse in the mornings when i get up and my "
            "hands are stiff for ages but right now my lips are swelling up",
        ),
        (
            "en-AU",
            "i feel it when i get up and walk to the kitchen first thing "
            "and make a cuppa and then my chest is so tight i cant breathe",
        ),
        (
            "en-IN",
            "my father had a stroke many years back and he recovered "
            "well but today suddenly his face is drooping on one side",
        ),
    ],
)
def test_a_red_flag_far_from_words_that_excuse_it_elsewhere_is_still_an_emergency(locale, said):
    # An "unless" phrase ("on prednisone", "in the mornings", "years back") speaks for a sign only near it.
    response = say(locale, said)
    assert speech_of(response).startswith(CALL_NOW[locale]), speech_of(response)
    assert answered(response) == "safety:emergency"


@pytest.mark.parametrize(
    "said", ["my hands are always weak in the mornings", "I wake up with weak hands every morning, is that normal"]
)
def test_weakness_every_morning_is_no_emergency(said):
    assert not answered(say("en-GB", said)).startswith("safety:emergency")


@pytest.mark.parametrize(
    "said, running",
    [
        ("she gets awful headaches the day after her privigen", False),
        ("my leg is swollen and hot since my ivig yesterday", False),
        ("my leg is swollen and hot during my ivig", True),
        ("his lips have gone puffy since the privigen started an hour ago", True),
    ],
)
def test_the_infusion_is_said_to_be_stopped_only_when_it_may_still_be_running(said, running):
    spoken = speech_of(say("en-GB", said))
    assert ("stop it" in spoken.lower()) is running, spoken


@pytest.mark.parametrize(
    "said, topic",
    [
        ("my mother in law gets awful headaches the day after her privigen", "ivig"),
        ("there's a hot red lump oozing where the hizentra went in", "scig"),
        ("my leg is swollen and hot since my drip yesterday, or was it the steroids", None),
    ],
)
def test_the_treatment_named_with_a_sign_stays_in_context_for_the_next_question(said, topic):
    # "how long does that usually last" after the advice is about the treatment it named, and only one.
    response = say("en-GB", said)
    assert answered(response).startswith("safety:")
    assert response["sessionAttributes"]["dialog"]["topic"] == topic


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-GB", None, "i took double my methotrexate"),
        ("en-US", None, "i took my weekly methotrexate every day by mistake"),
        ("en-AU", "tell me about azathioprine", "I've accidentally taken an extra dose of my azathioprine"),
        ("en-IN", None, "my mother has been taking her methotrexate daily instead of weekly"),
        ("en-CA", None, "I think I took too many of my cyclophosphamide tablets this morning"),
        ("en-GB", "tell me about other immune drugs", "I swallowed two doses of mycophenolate by mistake"),
    ],
)
def test_an_extra_dose_taken_by_mistake_is_a_call_now_not_a_wish_to_change_treatment(locale, context, said):
    # Clinical review 5, H1: an overdose taken is not "don't change it on your own"; the call comes first.
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert answered(response) == "safety:call_doctor", spoken
    assert spoken.startswith("If you, or the person you care for, took"), spoken
    assert "call your doctor or pharmacist now, even if you feel fine" in spoken
    assert EMERGENCY[locale] in spoken and "on your own" not in spoken


@pytest.mark.parametrize(
    "said",
    [
        "my neurologist said to take double my methotrexate",
        "I take folic acid every day with my methotrexate",
        "I've been on methotrexate for more than a year",
        "I take methotrexate and I'm extra tired",
    ],
)
def test_a_raised_dose_a_daily_vitamin_or_extra_tiredness_is_no_safety_advice(said):
    assert not answered(say("en-GB", said)).startswith("safety:")


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", "i missed my ivig infusion what now"),
        ("en-GB", "i missed my ivig infusion what now"),
        ("en-AU", "I forgot my hizentra this week"),
        ("en-IN", "my mother missed her IVIG last week, the hospital had no bed"),
    ],
)
def test_a_dose_already_missed_hears_first_to_call_to_rebook_it(locale, said):
    # Clinical review 5, W3: a missed dose is not a wish to skip one; the call comes first, not the scolding.
    response = say(locale, said)
    assert answered(response) == "q:dose_late.1"
    assert "If a dose of IVIg or SCIg is late or was missed, call your infusion team" in speech_of(response)


@pytest.mark.parametrize(
    "said", ["I missed my last infusion on purpose and I'll skip the next one too", "I'm going to miss my next IVIG"]
)
def test_a_dose_missed_on_purpose_or_to_come_is_still_a_change_of_treatment(said):
    assert answered(say("en-CA", said)) == "safety:no_change"


@pytest.mark.parametrize(
    "locale, context, said, starts",
    [
        ("en-US", "tell me about IVIG", "I'm going to stop my azathioprine", OTHER),
        ("en-GB", "what is SCIG", "I've halved my steroids myself", STEROIDS),
        ("en-AU", "tell me about azathioprine", "I'm going to skip my next IVIG", IG),
    ],
)
def test_a_change_naming_its_treatment_is_about_that_one_not_the_topic_in_context(locale, context, said, starts):
    response = say(locale, said, context)
    assert answered(response) == "safety:no_change" and speech_of(response).startswith(starts)


def read_all(locale: str, question: str, context: str | None = None) -> str:
    """Everything said for ``question`` and each "yes" to hear more, up to five parts, in one session."""
    console = session(locale, context)
    said = [speech_of(console.say(question))]
    while len(said) < 20 and "Want to hear more" in said[-1]:
        said.append(speech_of(console.say("yes")))
    return " ".join(said)


MENINGITIS_NOW = "A headache, stiff neck or fever with drowsiness, confusion, or a rash that doesn't fade when pressed"


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-US", None, "she has a terrible headache and she's very drowsy since her IVIG"),
        ("en-GB", "tell me about IVIG", "he's got a fever and a stiff neck and he's confused"),
        ("en-AU", None, "mum's neck is stiff and she's so sleepy I can hardly wake her"),
        (
            "en-IN",
            "tell me about infusion day",
            "my father has fever and a purple rash that does not fade with the glass test",
        ),
        ("en-CA", "what is IVIG", "the light hurts her eyes, she's throwing up and she seems confused"),
    ],
)
def test_meningitis_signs_with_drowsiness_confusion_or_a_rash_that_does_not_fade_are_an_emergency(
    locale, context, said
):
    # Clinical review 5, n6: these may be bacterial meningitis or sepsis, not the aseptic meningitis of IVIg.
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert answered(response) == "safety:emergency", spoken
    assert spoken.startswith(f"{CALL_NOW[locale]} {MENINGITIS_NOW} can be meningitis."), spoken


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-US", None, "I've had a bad headache and a stiff neck since my IVIG yesterday"),
        ("en-GB", "tell me about IVIG", "the light is hurting my eyes and my head is killing me"),
        ("en-AU", None, "she's got a fever and the lights hurt her eyes after the drip"),
        ("en-IN", "tell me about IVIG", "his neck is stiff since the infusion"),
        ("en-CA", None, "my wife has a really bad headache and her neck hurts after her ivig"),
    ],
)
def test_aseptic_meningitis_signs_are_a_call_today_that_says_when_to_call_the_emergency_number(locale, context, said):
    # Clinical review 5, n6: the same-day call, with the emergency step for drowsiness, confusion or a rash.
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert answered(response) == "safety:call_doctor", spoken
    assert "aseptic meningitis" in spoken and "Call your doctor or care team today." in spoken
    drowsy = "If the person is very drowsy or confused, or has a rash that doesn't fade"
    assert f"{drowsy}, call {EMERGENCY[locale]} now." in spoken, spoken


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-US", None, "it's the worst headache of my life"),
        ("en-GB", "tell me about IVIG", "my head is killing me, it came on like a thunderclap"),
        ("en-AU", None, "the day after his drip the pain in his head came on all at once"),
        ("en-IN", "tell me about IVIG", "my mother says her head suddenly exploded with pain"),
        ("en-CA", None, "she says it's the worst pain she's ever had in her head"),
        ("en-GB", "tell me about SCIG", "it came on like a thunderclap"),
    ],
)
def test_a_sudden_very_bad_headache_is_an_emergency(locale, context, said):
    # Clinical review 5, n7: the "thunderclap" headache of a bleed or a stroke, in the listener's words.
    response = say(locale, said, context)
    assert answered(response) == "safety:emergency"
    assert speech_of(response).startswith(f"{CALL_NOW[locale]}"), speech_of(response)


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", "the worst part of the whole thing is the headaches after the drip"),
        ("en-GB", "the worst thing about IVIG is the headache"),
        ("en-AU", "I'm confused about the fever after IVIG, is it normal"),
    ],
)
def test_a_headache_asked_about_or_a_word_of_confusion_is_no_emergency(locale, said):
    assert answered(say(locale, said)) != "safety:emergency"


@pytest.mark.parametrize(
    "locale, context", [("en-US", None), ("en-GB", "what is MMN"), ("en-AU", None), ("en-IN", None), ("en-CA", None)]
)
def test_the_meningitis_page_says_when_to_call_the_emergency_number(locale, context):
    # Clinical review 5, n6 on `ivig.side_effects.3`: very drowsy or confused, or a rash that doesn't fade.
    said = read_all(locale, "can ivig cause meningitis", context)
    drowsy = "If the person is very drowsy or confused, or has a rash that doesn't fade when pressed"
    assert f"{drowsy}, call {EMERGENCY[locale]}." in said and "yellow skin or eyes" in said


@pytest.mark.parametrize(
    "locale, context",
    [("en-US", None), ("en-GB", None), ("en-AU", "tell me about IVIG"), ("en-IN", None), ("en-CA", None)],
)
def test_the_painkiller_page_says_a_sudden_very_bad_headache_is_an_emergency(locale, context):
    # Clinical review 5, n7 on `q:ivig_painkillers.1`.
    said = read_all(locale, "what painkiller can i take for an ivig headache", context)
    assert f"For a sudden, very bad headache, call {EMERGENCY[locale]}." in said


@pytest.mark.parametrize(
    "locale, context", [("en-US", None), ("en-GB", None), ("en-AU", None), ("en-IN", "what is MMN"), ("en-CA", None)]
)
def test_the_ivig_emergency_page_says_to_stop_a_running_drip(locale, context):
    # Clinical review 5, n11 on `ivig.side_effects.4`.
    said = read_all(locale, "what are the side effects of ivig", context)
    assert "during or after an IVIg drip" in said
    assert "If it's still running, stop it, or ask the nurse to stop it." in said


@pytest.mark.parametrize(
    "locale, context",
    [("en-US", None), ("en-GB", "tell me about IVIG"), ("en-AU", None), ("en-IN", None), ("en-CA", "what is SCIG")],
)
def test_hopelessness_hears_the_crisis_line_second_and_in_brief_from_it(locale, context):
    # Clinical review 5, n1: the crisis line right after "I'm sorry", and a brief replay without the condolence.
    console = session(locale, context)
    first = speech_of(console.say("I feel so hopeless these days"))
    assert first.startswith("I'm sorry you feel this way. You can call")
    assert first.index(CRISIS[locale]) < first.index("Feeling hopeless")
    brief = speech_of(console.say("what should I do"))
    assert brief.startswith("You can call") and "I'm sorry" not in brief
    assert CRISIS[locale] in brief and f"call {EMERGENCY[locale]} now" in brief
    assert brief.endswith("Want me to say the numbers again?")
    assert speech_of(console.say("yes")) == first


@pytest.mark.parametrize("locale", sorted(CALL_NOW))
@pytest.mark.parametrize(
    "context, said",
    [
        (None, "my husband's chest is really tight and he's gone grey"),
        ("tell me about IVIG", "her lips are swelling up during the drip"),
        ("what is SCIG", "call an ambulance"),
    ],
)
def test_the_emergency_answer_says_one_number_first_and_in_india_the_other_after(locale, context, said):
    # Clinical review 4b, n21: "Call 112 or 108 now." was awkward to hear; the brief replay says it the same way.
    console = session(locale, context)
    first = speech_of(console.say(said))
    assert first.startswith(f"{CALL_NOW[locale]} ") and "112 or 108" not in first, first
    assert speech_of(console.say("what should I do")).startswith(f"{CALL_NOW[locale]} ")


# The call first, then why (safety round 14).
SITE = INFECTION = "Call your doctor or care team right away."


@pytest.mark.parametrize(
    "locale, context, said, one_shot, starts",
    [
        # A symptom said mid-session without its treatment or site is triaged as the sentence that names it.
        ("en-AU", "what is SCIG", "it's hot and spreading", "my scig site is hot and spreading", SITE),
        (
            "en-GB",
            "tell me about SCIG",
            "it's gone hard and hot and there's yellow gunk coming out of it",
            "my hizentra site has gone hard and hot and there's yellow gunk coming out of it",
            SITE,
        ),
        ("en-US", "tell me about IVIG", "his lips look puffy", "his lips look puffy on the drip", "Call 911 now. Stop"),
        (
            "en-IN",
            "tell me about infusion day",
            "her tongue is getting thick",
            "her tongue is getting thick on the infusion",
            "Call 112 now, or 108 for an ambulance. Stop",
        ),
        (
            "en-CA",
            "tell me about azathioprine",
            "she's burning up and her throat is sore",
            "she's burning up and her throat is sore on azathioprine",
            INFECTION,
        ),
        (
            "en-GB",
            "tell me about cyclophosphamide",
            "he's got a high temperature and a sore throat",
            "he's got a high temperature and a sore throat on cyclophosphamide",
            INFECTION,
        ),
        (
            "en-AU",
            "tell me about azathioprine",
            "mum's got the shivers and a temperature",
            "mum's got the shivers and a temperature on azathioprine",
            INFECTION,
        ),
    ],
)
def test_a_symptom_said_in_context_is_triaged_as_the_sentence_naming_its_treatment(
    locale, context, said, one_shot, starts
):
    # Issue 16 §3: mid-session, "it" and "she" are the site and the person on the treatment in context.
    in_context, alone = say(locale, said, context), say(locale, one_shot)
    assert answered(in_context) == answered(alone) and answered(alone).startswith("safety:")
    # (A site named with "SCIg" is also told to stop a running infusion, first.)
    assert speech_of(in_context).startswith(starts) and starts in speech_of(alone), speech_of(alone)


@pytest.mark.parametrize(
    "locale, context, said, one_shot, starts",
    [
        (
            "en-US",
            "tell me about IVIG",
            "honestly I might just leave the next one",
            "I might just leave the next IVIG",
            IG,
        ),
        (
            "en-GB",
            "what is SCIG",
            "I'm not going to bother with the next one",
            "I'm not going to bother with the next scig",
            IG,
        ),
        (
            "en-AU",
            "tell me about SCIG",
            "I reckon I'll do it every other week instead",
            "I reckon I'll do my scig every other week instead",
            IG,
        ),
        (
            "en-IN",
            "tell me about steroids",
            "I will cut them down myself",
            "I will cut down my steroids myself",
            STEROIDS,
        ),
        (
            "en-CA",
            "tell me about azathioprine",
            "I'll just take half from now on",
            "I'll just take half my azathioprine from now on",
            OTHER,
        ),
        (
            "en-GB",
            "tell me about cyclophosphamide",
            "I think I'll cut it down a bit",
            "I think I'll cut down my cyclophosphamide a bit",
            OTHER,
        ),
    ],
)
def test_a_treatment_change_with_a_pronoun_is_a_change_of_the_treatment_in_context(
    locale, context, said, one_shot, starts
):
    in_context, alone = say(locale, said, context), say(locale, one_shot)
    assert answered(in_context) == answered(alone) == "safety:no_change"
    assert speech_of(in_context).startswith(starts) and speech_of(alone).startswith(starts)


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-US", "what is SCIG", "will the redness spread to the rest of my tummy"),
        ("en-GB", "tell me about SCIG", "does it usually spread out a bit under the skin"),
        ("en-AU", "what is MMN", "his lips look puffy"),
        ("en-IN", "tell me about SCIG", "I have it every other week"),
    ],
)
def test_context_neither_alarms_a_question_nor_puts_an_infusion_where_none_is_named(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    if answered(response).startswith("safety:"):
        # An emergency with no infusion in context says to call, not to stop an infusion.
        assert "Stop the infusion" not in spoken and said == "his lips look puffy"
    else:
        assert not spoken.startswith("Call ")


@pytest.mark.parametrize(
    "locale, context, said",
    [
        # The future, asked in the first person or of the one cared for.
        ("en-US", None, "will I get chest pain from this IVIG"),
        ("en-GB", "tell me about IVIG", "will my hands swell up on it"),
        ("en-AU", None, "could I get a stroke from the immunoglobulin"),
        ("en-CA", "tell me about IVIG", "I'm worried I'll get chest pain on the drip"),
        # A sign in the past, asked about for a treatment.
        ("en-IN", None, "I had a DVT in 2015, can I still have IVIG"),
        ("en-CA", None, "my mum had a seizure years ago, is IVIG ok for her"),
        ("en-US", "tell me about IVIG", "my husband had a stroke in 2019, can he have it"),
        ("en-AU", None, "years ago I had anaphylaxis to penicillin, is IVIG safe for me"),
        # Other people's changes, and a question about what a drug may allow.
        ("en-GB", None, "my friend stopped her steroids"),
        ("en-IN", "tell me about steroids", "my neighbour came off her prednisone last month"),
        ("en-AU", None, "could imuran let me cut down on my IVIG"),
        ("en-CA", None, "can mmn affect your legs as well, I've got a floppy foot on one side"),
    ],
)
def test_questions_about_a_sign_in_the_future_the_past_or_of_others_are_not_alarms(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert not answered(response).startswith("safety:") and not ends(response), spoken
    # A question about an emergency sign still hears first what to do if it is happening now.
    assert not spoken.startswith("Call ") and "on your own" not in spoken


@pytest.mark.parametrize(
    "locale, context, said, level",
    [
        ("en-US", None, "my chest hurts, will I be ok", "safety:emergency"),
        (
            "en-GB",
            "tell me about IVIG",
            "I had a stroke years ago and now my face is drooping again",
            "safety:emergency",
        ),
        ("en-AU", None, "I had a clot years ago and now my leg is swollen and hot", "safety:call_doctor"),
        ("en-IN", None, "my wife stopped her steroids because her friend did", "safety:no_change"),
        ("en-CA", "tell me about steroids", "my friend stopped hers so I'm going to stop mine too", "safety:no_change"),
        ("en-GB", None, "will I be alright, I can't breathe properly", "safety:emergency"),
    ],
)
def test_a_sign_reported_now_beside_a_question_history_or_another_person_stays_an_alarm(locale, context, said, level):
    assert answered(say(locale, said, context)) == level


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", "I'll take mine every two months only instead of every month"),
        ("en-GB", "I'm thinking I'll only go every other time"),
        ("en-AU", "we'll leave a bigger gap between his drips"),
        ("en-IN", "can she just do half the dose next time"),
        ("en-CA", "I'm going to make my infusions less often"),
        ("en-GB", "we're going to leave it an extra week this time"),
        ("en-AU", "I reckon I'll only have it when I feel weak"),
        ("en-IN", "I am thinking of taking it only once in six weeks"),
        ("en-US", "maybe I'll go monthly instead of every three weeks"),
        ("en-CA", "I'll wait longer before the next one"),
    ],
)
def test_a_plan_to_change_the_schedule_or_amount_is_a_change_in_context_and_one_shot(locale, said):
    # A plan said with only a schedule: with immunoglobulin in context, its advice; one-shot, the advice for it
    # when the sentence names it, else the level's own about any treatment.
    in_context, alone = say(locale, said, "tell me about IVIG"), say(locale, said)
    assert answered(in_context) == answered(alone) == "safety:no_change"
    assert speech_of(in_context).startswith(IG) and speech_of(alone).startswith((IG, ANY))


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-US", "what is SCIG", "I have it every other week"),
        # "my neurologist says I can go every six weeks now" hears that it's theirs to decide and to keep to it:
        # tests/test_review_9_minor.py (clinical review 9, n7).
        ("en-CA", None, "I'm going to ask about a bigger gap between infusions"),
        ("en-AU", "tell me about IVIG", "I'm going to have my infusion at home next time"),
        ("en-IN", None, "will I be able to have fewer infusions one day"),
    ],
)
def test_a_schedule_as_it_is_set_or_asked_about_is_no_change(locale, context, said):
    assert not answered(say(locale, said, context)).startswith("safety:")
