"""Safety kinds found by blind corpora G and D, each in the locales' words, one-shot and mid-session, through full
request envelopes (the console): a change of how much is taken, said without the usual verbs (a dose raised to match
someone else's, a supply mixed, halved or stretched to make it last, a missed dose caught up); false alarms by kind
(a vaccine, work, a wish to keep on, another illness, money in body words, the future, others' signs); a sign long
past told as over; and, beside each, what must stay an alarm."""

from __future__ import annotations

import pytest
from conftest import speech_of
from spoken import answered, ends, say
from test_safety_kinds import ANY, IG, OTHER
from test_safety_precision import assert_answered_not_alarmed


def assert_no_alarm(response: dict) -> None:
    """No safety level, the session open, no emergency number first (pages may say "on your own" themselves: the
    pregnancy page does)."""
    assert not answered(response).startswith("safety:") and not ends(response), speech_of(response)
    assert not speech_of(response).startswith("Call ")


@pytest.mark.parametrize(
    "locale, context, said, starts",
    [
        # A dose raised to match someone else's.
        (
            "en-AU",
            None,
            "my mate's got the same brand as me but a higher dose so i'm gonna bump mine up to match him",
            IG,
        ),
        ("en-AU", "tell me about IVIG", "i'm gonna bump mine up to match him", IG),
        ("en-GB", "what is SCIG", "i'm going to bump mine up to match hers", IG),
        ("en-IN", "tell me about IVIG", "my neighbour takes more so i will increase mine also", IG),
        ("en-US", None, "i'm going to bump up my ivig dose because it's wearing off", IG),
        ("en-CA", None, "i'm gonna bump mine up to match my brother's", ANY),
        ("en-AU", "tell me about azathioprine", "i'm gonna bump mine up to match him", OTHER),
        ("en-GB", "tell me about methotrexate", "i'll just up my dose myself", OTHER),
        # A supply mixed, halved or stretched to make it last.
        (
            "en-CA",
            None,
            "the pharmacy gave us a different brand of i g this time so i'm thinking i'll just use the rest of the old"
            " one first and then half of the new one to save it",
            IG,
        ),
        ("en-GB", "tell me about IVIG", "i'll use the rest of the old one then half of the new one", IG),
        ("en-US", "what is SCIG", "i'll just do half of each to make them last", IG),
        ("en-IN", "tell me about IVIG", "i'll stretch what's left over two months", IG),
        ("en-GB", None, "i'll stretch what's left over two months", ANY),
        ("en-AU", None, "we will stretch what is left until the new script comes", ANY),
        # More or less than prescribed, in everyday words.
        ("en-GB", "tell me about IVIG", "i'll just have a bigger dose next time", IG),
        ("en-US", "what is SCIG", "i'm gonna take a bit more like my buddy does", IG),
        ("en-IN", "tell me about IVIG", "i will take extra this time since i missed last one", IG),
        ("en-CA", "tell me about IVIG", "we'll make the vials last by using less each time", IG),
        ("en-GB", None, "i'm going to use half the bottle and keep the rest for next month", ANY),
        ("en-US", "tell me about IVIG", "i'll top it up with my old stuff", IG),
        # A missed dose caught up.
        ("en-US", "tell me about IVIG", "i'll just double up next time to catch up", IG),
        ("en-GB", None, "i'll just double up next time to catch up", ANY),
    ],
)
def test_a_change_of_how_much_said_without_the_usual_verbs_is_a_change_of_treatment(locale, context, said, starts):
    response = say(locale, said, context)
    assert answered(response) == "safety:no_change", speech_of(response)
    assert speech_of(response).startswith(starts) and not ends(response)


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-US", None, "i'm gonna bump into my neurologist at the clinic tomorrow"),
        ("en-GB", "tell me about IVIG", "my neurologist is going to bump my dose up next month"),
        ("en-US", "tell me about IVIG", "will my dose go up if i gain weight"),
        ("en-AU", None, "we'll make it last the whole trip, what should we pack"),
        ("en-IN", "tell me about IVIG", "i'll have the rest of my questions later"),
        ("en-CA", "what is SCIG", "i'm going to ask the nurse if i can bump it up"),
        ("en-GB", None, "i'll stretch my fingers before the drip"),
        ("en-US", "tell me about IVIG", "i'll bring extra snacks to the infusion"),
        ("en-US", "tell me about azathioprine", "will the doctor bump up my azathioprine"),
        ("en-IN", None, "i bumped into my neurologist and he said my tablets are fine"),
        ("en-GB", "tell me about IVIG", "i'll read a bit more about ivig tonight"),
        ("en-US", None, "i'm going to take more time off work for my infusions"),
        ("en-AU", "what is SCIG", "i'll use less tape on the needle site"),
        ("en-GB", None, "i'm going to take extra care with the drip line"),
        ("en-US", "tell me about IVIG", "will i need a higher dose if my weight goes up"),
    ],
)
def test_a_dose_raised_by_the_doctor_asked_about_or_words_of_everyday_plans_are_no_change(locale, context, said):
    assert_answered_not_alarmed(say(locale, said, context))


@pytest.mark.parametrize(
    "locale, context, said",
    [
        # A vaccine spaced from the infusion, not the infusion spaced out.
        (
            "en-GB",
            None,
            "the chemist has offered me the flu jab and the covid booster is that alright with the immunoglobulin or"
            " should i space them out from my infusion",
        ),
        ("en-US", "tell me about IVIG", "should i space my flu jab out from my infusion"),
        ("en-CA", None, "should i space my covid booster out from my ivig"),
        # Work missed for the infusion, not a dose missed.
        (
            "en-US",
            None,
            "i work construction and i'm on the drip every three weeks so i miss a day and um anyway can i get f m l a"
            " for the infusion days",
        ),
        ("en-AU", "tell me about IVIG", "she misses work for her infusions every month, can she get leave"),
        # A wish not to stop, and a question whether one must.
        (
            "en-CA",
            None,
            "i'm on i v i g every four weeks and i don't want to stop it because i finally have my hands back but i"
            " also don't want to hurt the baby so is it okay to get pregnant on it or do i have to come off",
        ),
        ("en-IN", "tell me about IVIG", "will i have to stop it if i get pregnant"),
        # Steroids a doctor gave for another illness.
        ("en-GB", None, "my GP gave me prednisolone for my chest, is that ok with my ivig"),
        ("en-AU", "tell me about IVIG", "the doctor prescribed prednisone for his copd, will it affect his mmn"),
        # Shock at a price or a machine, said in body words.
        (
            "en-GB",
            None,
            "honestly the parking at the hospital is daylight robbery i nearly had a heart attack when i saw the"
            " machine",
        ),
        ("en-AU", "tell me about IVIG", "i nearly had a heart attack when i saw the parking fee"),
        ("en-IN", None, "i almost had a stroke when i saw the parking charges"),
        # Weight put on over months, asked about for the dose.
        ("en-CA", None, "i put on like fifteen kilos since starting does that change my dose"),
        ("en-US", "tell me about IVIG", "i've gained twenty pounds since i started, will my dose change"),
    ],
)
def test_a_vaccine_work_a_wish_to_keep_on_another_illness_or_slow_weight_gain_is_answered_not_alarmed(
    locale, context, said
):
    assert_no_alarm(say(locale, said, context))


@pytest.mark.parametrize(
    "locale, context, said, level",
    [
        ("en-US", None, "i'm going to space my infusions out from every three weeks to every five", "safety:no_change"),
        ("en-GB", "tell me about IVIG", "i'm gonna miss a day of the drip", "safety:no_change"),
        ("en-US", None, "i'll miss my next infusion because of work", "safety:no_change"),
        ("en-AU", None, "i don't want to stop it but i'm going to skip the next ivig", "safety:no_change"),
        ("en-US", None, "i have to stop the ivig, it's too much hassle", "safety:no_change"),
        ("en-IN", None, "i dont want the ivig anymore", "safety:no_change"),
        ("en-US", None, "my GP wants to put me on prednisone for my weakness", "safety:no_change"),
        ("en-GB", None, "i've put on five kilos since yesterday and my ankles are puffy", "safety:call_doctor"),
        (
            "en-CA",
            None,
            "he nearly had a heart attack at the parking machine, his chest is so tight",
            "safety:emergency",
        ),
        ("en-US", "tell me about IVIG", "i saw my dad have a heart attack", "safety:emergency"),
        ("en-AU", "tell me about IVIG", "he's put on three kilos in two days since his drip", "safety:call_doctor"),
    ],
)
def test_beside_them_a_change_of_ones_own_or_a_sudden_gain_stays_an_alarm(locale, context, said, level):
    assert answered(say(locale, said, context)) == level


# A sign long past, told as over: what to do if it comes back, and to tell the neurologist; no alarm.
AGAIN = {
    "en-US": "If it happens again, call 911 at once.",
    "en-GB": "If it happens again, call 999 at once.",
    "en-AU": "If it happens again, call your doctor or care team right away.",
    "en-IN": "If it happens again, call 112 or 108 at once.",
    "en-CA": "If it happens again, call 911 at once.",
}


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-US", None, "last year he had chest pain after the drip, he's fine now"),
        ("en-GB", "tell me about IVIG", "last year he had chest pain after the drip, he's fine now"),
        ("en-AU", None, "a few years back i had a rash all over after my ivig, it cleared up"),
        ("en-IN", "tell me about IVIG", "long back she fainted during the infusion but she is okay now"),
        ("en-CA", "what is SCIG", "years ago i had trouble breathing on the drip, i'm fine now"),
    ],
)
def test_a_sign_long_past_told_as_over_hears_what_to_do_if_it_comes_back_not_the_alarm(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert spoken.startswith(AGAIN[locale])
    assert "Tell your infusion team before your next infusion, and your neurologist." in spoken
    assert not answered(response).startswith("safety:") and not ends(response)


@pytest.mark.parametrize(
    "locale, context, said",
    [
        # No word of the past: it may be now.
        ("en-US", None, "he had chest pain after the drip, he's fine now"),
        ("en-GB", "tell me about IVIG", "he has chest pain after the drip"),
        # A sign now beside the past one.
        ("en-US", None, "last year he had chest pain after the drip and now it's back"),
        ("en-AU", None, "last year he had chest pain after the drip, he was fine but his chest is tight again today"),
        ("en-IN", "tell me about IVIG", "years ago she fainted on the drip and she just fainted again"),
    ],
)
def test_a_sign_with_no_word_of_the_past_or_one_now_still_sounds_the_emergency(locale, context, said):
    assert answered(say(locale, said, context)) == "safety:emergency"


@pytest.mark.parametrize(
    "locale, context, said",
    [
        # The course of the illness asked about for the future.
        ("en-AU", None, "does the weakness end up spreading to your legs eventually"),
        ("en-US", "tell me about IVIG", "will the weakness spread to my other arm in the long run"),
        # "Get off" a seat, not a treatment.
        ("en-GB", None, "i'm absolutely shattered the day after treatment can barely get off the sofa is that normal"),
        ("en-CA", "tell me about IVIG", "after the drip he can barely get off the couch"),
        # An infusion cancelled or put back by others, said in the passive.
        ("en-GB", None, "so if my infusion gets cancelled because of the strikes will i go downhill straight away"),
        ("en-AU", "tell me about IVIG", "what happens if my drip is delayed by the hospital"),
        # A sign asked about "if I ever got" it, or read of in others.
        ("en-GB", None, "just so i know what should i do if i ever got chest pain during an infusion"),
        (
            "en-IN",
            None,
            "i read in one forum that some people get chest tightness during i v i g what is the reason for that",
        ),
        ("en-US", "tell me about IVIG", "i heard some people get chest pain on ivig, why is that"),
        # A stroke long back, in the family.
        ("en-IN", None, "my grandmother had paralysis stroke long back is m m n also one type of paralysis"),
    ],
)
def test_the_future_a_seat_a_cancelled_infusion_others_signs_and_a_stroke_long_back_are_not_alarmed(
    locale, context, said
):
    assert_no_alarm(say(locale, said, context))


@pytest.mark.parametrize(
    "locale, context, said, level",
    [
        ("en-US", None, "my weakness is spreading fast this week", "safety:call_doctor"),
        ("en-US", None, "i'm going to get off the ivig", "safety:no_change"),
        ("en-GB", "tell me about IVIG", "i'm going to cancel my next infusion", "safety:no_change"),
        ("en-AU", None, "i read about it online and now my chest is tight", "safety:emergency"),
        ("en-US", None, "chest pain during i v i g what do i do", "safety:emergency"),
        ("en-IN", None, "i v i g is running and my chest hurts, what is the reason", "safety:emergency"),
        ("en-GB", None, "my nan had a stroke long back and now she's having another one", "safety:emergency"),
        # A brand left to others to choose, with no treatment named or in context (blind corpus B).
        (
            "en-US",
            None,
            "i'm going to tell the specialty pharmacy to just send whatever brand is cheapest from now on",
            "safety:no_change",
        ),
    ],
)
def test_beside_them_a_sign_now_or_ones_own_change_stays_an_alarm(locale, context, said, level):
    assert answered(say(locale, said, context)) == level
