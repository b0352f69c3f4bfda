"""Safety round 14: a call-the-doctor answer says the call first, then why, for every sign of the level in every locale
(review 13); a question of what to watch for, given with an example sign, is a question about warning signs, not an
emergency now (review 13, n8), and so are others' past events, a faint at a price, and which signs mean going to the
emergency department. Full request envelopes (the console) where a turn is heard."""

from __future__ import annotations

import re

import pytest
from conftest import speech_of
from spoken import CALL_NOW, CRISIS, answered, say

from skill.content import load_content
from skill.handlers.safety import call_doctor_advice

LOCALES = ("en-US", "en-CA", "en-GB", "en-AU", "en-IN")
# What a first sentence that says what to do says: a call, a visit, or whom to ask.
ACTION = re.compile(r"\b(call|ring|go to|ask|tell|speak to|contact|stop)\b", re.IGNORECASE)


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]


def _call_doctor_signs(locale: str):
    level = next(level for level in load_content(locale).red_flags.levels if level.id == "call_doctor")
    return level, [None, *level.signs]


@pytest.mark.parametrize("locale", LOCALES)
def test_every_call_doctor_answer_says_the_call_first(locale):
    level, signs = _call_doctor_signs(locale)
    late = [
        (sign.id if sign else None, first)
        for sign in signs
        if not ACTION.search(first := _first_sentence(" ".join(call_doctor_advice(level, sign))))
    ]
    assert not late


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "she had her infusion yesterday and now her pee is brown like cola"),
        ("en-US", "his wee has gone really dark since the drip on monday"),
        ("en-AU", "my mum's leg is swollen and hot the day after her ivig"),
        ("en-IN", "my husband's heart is racing since his infusion this morning"),
    ],
)
def test_a_call_today_sign_heard_live_says_the_call_first(locale, said):
    spoken = speech_of(say(locale, said))
    assert spoken.startswith("Call your doctor or care team right away.")


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "what should we keep an eye out for after mum's drip, like her lips swelling"),
        ("en-US", "my wife had her ivig today, anything we should look out for, such as trouble breathing"),
        ("en-AU", "what are the danger signs after his infusion, for example his face drooping"),
    ],
)
def test_watching_for_an_example_sign_is_a_question_that_still_names_the_number(locale, said):
    response = say(locale, said)
    assert answered(response) != "safety:emergency"
    assert CALL_NOW[locale].removeprefix("Call ").split(" ")[0].rstrip(".,") in speech_of(response)


@pytest.mark.parametrize(
    "said",
    [
        "anything to look out for after her drip, like her face is swelling now",
        "what should i watch for after his ivig, he's got chest pain",
    ],
)
def test_a_sign_reported_beside_the_question_still_alarms(said):
    assert answered(say("en-GB", said)) == "safety:emergency"


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "my neighbour had a stroke last week"),
        ("en-AU", "our neighbour had a stroke last week and it scared us"),
        ("en-US", "a colleague of mine had a heart attack a few weeks ago"),
        ("en-AU", "my mate collapsed at the footy on saturday"),
        ("en-IN", "i almost passed out when i saw the price of the injections"),
        ("en-CA", "the quote for home nursing nearly made me faint"),
        ("en-GB", "what symptoms mean i should go to a and e"),
        ("en-CA", "which symptoms mean we should go to emerg"),
    ],
)
def test_others_past_events_a_faint_at_a_price_and_which_symptoms_are_no_alarm(locale, said):
    assert answered(say(locale, said)) != "safety:emergency"


@pytest.mark.parametrize(
    "said",
    [
        "my friend collapsed yesterday and she's still not waking up",
        "my neighbour had a stroke last week and now my own face is drooping",
        "my neighbour is having a stroke",
        "my husband collapsed yesterday at a friend's house",
        "i nearly passed out when they put the needle in",
        "i nearly fainted when i saw the bill and now i feel faint and dizzy",
        "the bill is giving me chest pain",
        "my symptoms are really bad, take me to a and e",
    ],
)
def test_the_near_misses_keep_their_alarm(said):
    assert answered(say("en-GB", said)) == "safety:emergency"


HEAD_INJURY = {
    "en-US": ("vomiting", "a seizure"),
    "en-CA": ("vomiting", "a seizure"),
    "en-GB": ("being sick", "a fit"),
    "en-AU": ("vomiting", "a seizure"),
    "en-IN": ("vomiting", "a seizure"),
}


@pytest.mark.parametrize("locale", LOCALES)
def test_the_head_injury_answer_says_the_locales_words_and_its_card_says_where_to_go(locale):
    response = say(locale, "my mother knocked her head on the cupboard and she takes apixaban")
    spoken, title = speech_of(response), response["response"]["card"]["title"]
    sick, fit = HEAD_INJURY[locale]
    assert f"or with {sick}," in spoken and f"or have {fit}," in spoken
    british = {"being sick", "a fit"} - {sick, fit}
    assert not any(word in spoken for word in british), spoken
    assert title.startswith("Head injury: go to") and "doctor" not in title


@pytest.mark.parametrize(
    "locale, reply, opens",
    [
        ("en-US", "can't we just wait and see how he is in the morning", "I understand, but this can't wait"),
        ("en-GB", "can we wait", "I can't tell what's behind it, so please don't wait."),
        ("en-AU", "should we drive him to the hospital", "Yes, go now."),
    ],
)
def test_after_a_head_injury_to_go_in_for_waiting_or_going_is_no_call_to_the_care_team(locale, reply, opens):
    spoken = speech_of(say(locale, reply, "he fell and hit his head and he's on warfarin"))
    assert spoken.startswith(opens) and "care team" not in spoken, spoken


@pytest.mark.parametrize(
    "locale, line", [("en-AU", "13 11 26"), ("en-CA", "1-844-POISON-X"), ("en-CA", "1-844-764-7669")]
)
def test_a_childs_swallow_names_the_countrys_poison_line(locale, line):
    spoken = speech_of(say(locale, "my grandson swallowed some of my azathioprine"))
    assert spoken.startswith("If a child may have swallowed") and line in spoken


def test_no_poison_line_is_named_where_none_is_cited():
    spoken = speech_of(say("en-IN", "my grandson swallowed some of my azathioprine"))
    assert "poison" not in spoken.lower() and "112" in spoken


SOMEONE = "When someone says things like this, it can be a sign they're thinking of suicide."


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-AU", "my nan's been so flat since the diagnosis, she says there's no point going on"),
        ("en-US", "my husband is on ivig and he keeps telling me he'd be better off dead"),
        ("en-IN", "i am worried about my father, he says he is tired of living"),
        ("en-AU", "mum says she hopes she doesn't wake up"),
    ],
)
def test_thoughts_of_self_harm_told_of_someone_speak_to_the_carer(locale, said):
    spoken = speech_of(say(locale, said))
    assert SOMEONE in spoken and "If you might act" not in spoken and "Stop the infusion" not in spoken, spoken


@pytest.mark.parametrize(
    "said",
    [
        "since my husband died there's no point going on",
        "my wife says i'd be better off dead",
        "i'm so tired of living with this",
    ],
)
def test_thoughts_of_ones_own_still_speak_to_the_speaker(said):
    spoken = speech_of(say("en-GB", said))
    assert SOMEONE not in spoken and "116 123" in spoken, spoken


@pytest.mark.parametrize(
    "locale, told, reply",
    [
        ("en-GB", "my wife took all her pills on purpose", "she says she's fine now"),
        ("en-CA", "my sister keeps saying she's a burden to all of us", "she'll be fine, she's just tired"),
    ],
)
def test_putting_it_off_for_someone_hears_of_them_not_of_the_speaker(locale, told, reply):
    spoken = speech_of(say(locale, reply, told))
    assert spoken.startswith("I understand, but they deserve support now") and "you deserve support" not in spoken


@pytest.mark.parametrize(
    "said", ["my sister keeps saying she's a burden", "dad reckons he's such a burden to all of us"]
)
def test_a_burden_said_of_someone_with_its_apostrophe_is_a_warning_sign(said):
    assert SOMEONE in speech_of(say("en-GB", said))


@pytest.mark.parametrize("reply", ["we will call 104", "ok we'll ring 104 then"])
def test_calling_indias_health_line_after_the_fever_advice_is_a_sound_plan(reply):
    spoken = speech_of(say("en-IN", reply, "my husband had his drip yesterday and now he has a fever"))
    assert spoken.startswith("Good, that's the right thing to do.") and "fever after an infusion" not in spoken


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "she's done her hyqvia at home twice this week"),
        ("en-AU", "he's had two lots of his subcut in three days by mistake"),
        ("en-US", "my dad did his hizentra again today, he'd already done it on monday"),
    ],
)
def test_immunoglobulin_told_as_given_twice_close_together_is_for_the_team_today(locale, said):
    response = say(locale, said)
    assert (
        speech_of(response).startswith("Tell the infusion team today.") and answered(response) == "safety:call_doctor"
    )


@pytest.mark.parametrize("said", ["she has her hizentra twice a week", "can i do my hyqvia twice this week"])
def test_a_schedule_or_a_question_of_two_doses_is_no_sign(said):
    assert answered(say("en-GB", said)) != "safety:call_doctor"


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-GB", "my husband had his kiovig on monday", "he's had a rash since"),
        ("en-IN", None, "my mother has had a rash since her ivig on sunday"),
        ("en-CA", None, "i've come out in a rash after my infusion"),
    ],
)
def test_a_rash_since_the_drip_is_mild_and_common_but_names_the_swelling_emergency(locale, context, said):
    spoken = speech_of(say(locale, said, context))
    assert spoken.startswith("Tell the care team about the rash today.") and "is common" in spoken
    assert f"breathing gets hard, call {CALL_NOW[locale].split(' ')[1].rstrip('.,')}" in spoken


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-AU", "she's on hizentra at home", "she's got a big red lump where the needle went and a fever"),
        ("en-GB", "tell me about SCIG", "the spot where the needle goes in is hot and red and i feel feverish"),
    ],
)
def test_an_scig_site_at_home_is_the_infusion_site_and_the_pump(locale, context, said):
    spoken = speech_of(say(locale, said, context))
    assert "infusion site" in spoken and "pump" in spoken and "drip site" not in spoken and "nurse" not in spoken


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "my son swallowed a load of his tablets on purpose"),
        ("en-US", "our daughter took all of her pills deliberately last night"),
    ],
)
def test_tablets_taken_on_purpose_by_a_son_or_daughter_hear_the_crisis_line_too(locale, said):
    spoken = speech_of(say(locale, said))
    assert CALL_NOW[locale].split(" ")[1].rstrip(".,") in spoken and CRISIS[locale] in spoken, spoken
