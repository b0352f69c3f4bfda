"""Conversation round 12: what blind corpus V's first run showed a tired listener lose: a moment asked for with a
reason, a request the skill can't do, a stop or a goodbye said with a few words more."""

from __future__ import annotations

import pytest
from spoken import after, answered, ends

ASKED = "what is ivig"
OFFERED = "Want to hear more about IVIg?"


@pytest.mark.parametrize(
    "said",
    [
        "hang on the doctor has just come in",
        "hold on a sec my phone is going",
        "wait a minute somebody is knocking",
        "give me a second the kettle's boiling",
    ],
)
def test_a_moment_asked_for_with_a_reason_waits_and_keeps_the_offer(said):
    text, response = after("en-GB", "open m m n guide", ASKED, said)
    assert text == f"Take your time. {OFFERED}", text
    assert not ends(response)
    # The offer still stands: "yes" reads on.
    text, _ = after("en-GB", "open m m n guide", ASKED, said, "yes")
    assert text.startswith("IVIg is given as a drip into a vein"), text


@pytest.mark.parametrize(
    ("said", "heard"),
    [
        ("hold on a sec is it safe in pregnancy", "used in pregnancy"),
        ("wait my wife is on hizentra", "Okay, Hizentra"),
    ],
)
def test_what_follows_a_moment_asked_for_is_answered_as_said(said, heard):
    text, _ = after("en-US", "open m m n guide", ASKED, said)
    assert heard in text, text


@pytest.mark.parametrize("said", ["hang on she can't breathe properly", "hold on his lips are swelling up"])
def test_a_red_flag_after_a_moment_asked_for_is_still_the_emergency(said):
    text, _ = after("en-AU", "open m m n guide", ASKED, said)
    assert text.startswith("Call 000 now"), text


@pytest.mark.parametrize(
    "said",
    [
        "could you remind me next week to ring the clinic",
        "please set a reminder for my infusion on friday",
        "can you put the appointment in my calendar",
        "set an alarm for my hizentra",
    ],
)
def test_a_reminder_asked_for_hears_the_skill_cant_and_how_alexa_can_and_the_offer_stands(said):
    text, response = after("en-CA", "open m m n guide", ASKED, said)
    assert text.startswith("I can't set reminders. When we've finished, you can say: Alexa, set a reminder."), text
    assert text.endswith(OFFERED), text
    assert not ends(response)


def test_remind_me_inside_a_red_flag_is_still_the_emergency():
    text, _ = after("en-US", "open m m n guide", "remind me to tell the nurse my face is swelling up right now")
    assert "911" in text.split(".")[0], text


@pytest.mark.parametrize(
    "said",
    [
        "okay that's all for tonight thanks",
        "thank you that's enough for the day",
        "cheers that's it for this evening",
    ],
)
def test_a_goodbye_for_a_time_of_day_closes(said):
    text, response = after("en-GB", "open m m n guide", ASKED, said)
    assert ends(response), text
    assert answered(response) != "unknown"


@pytest.mark.parametrize("said", ["oh hush stop talking", "just be quiet now", "let's call it a day"])
def test_a_stop_said_with_a_word_more_stops(said):
    text, response = after("en-US", "open m m n guide", ASKED, said)
    assert ends(response), text
    assert "Goodbye" in text, text


def test_back_to_the_bit_before_reads_what_was_said_before():
    text, _ = after(
        "en-AU", "open m m n guide", ASKED, "what are the side effects of steroids", "back to the part before"
    )
    assert text.startswith("IVIg stands for intravenous immunoglobulin"), text
