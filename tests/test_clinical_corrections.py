"""The clinical review's "must fix" corrections, each heard as a listener would reach it, in full request envelopes."""

from __future__ import annotations

import pytest
from conftest import Conversation, speech_of

from skill.app import build_skill
from skill.console import Console
from skill.interaction_model import model_path
from skill.nlu import LocalNlu

IVIG = ("IVIG", "ivig", "IVIg")
SCIG = ("SCIG", "scig", "SCIg")
INFUSION_DAY = ("infusion day", "infusion_day", "infusion day")
CAREGIVERS = ("caregivers", "caregivers", "help for caregivers")


def read(conversation: Conversation, intent: str, topic: tuple[str, str, str], pages: int = 1) -> str:
    """Ask for a facet of a topic, then say "yes" until page ``pages``; the last page's speech."""
    said = speech_of(conversation.send("topic_ivig", intent=intent, slot_value=topic))
    for _ in range(pages - 1):
        said = speech_of(conversation.send("yes"))
    return said


def test_c1_warning_signs_after_an_infusion_need_help_right_away_not_soon(conversation, skill):
    pages = [
        read(conversation, "SideEffectsIntent", IVIG, pages=5),
        read(Conversation(skill), "TopicIntent", INFUSION_DAY, pages=3),
        read(Conversation(skill), "TopicIntent", CAREGIVERS, pages=2),
    ]
    for said in pages:
        assert "right away" in said and "911" in said and "soon" not in said
        assert "painful, swollen or warm arm or leg" in said and "same day" in said
        assert "stop the infusion first" in said.lower() or "stop it first" in said


def test_c2_the_infusion_day_overview_names_the_serious_signs_and_the_emergency_number(conversation):
    said = read(conversation, "TopicIntent", INFUSION_DAY)
    assert "blood clots" in said and "Chest pain, trouble breathing" in said and "call 911" in said


def test_c3_stopping_or_stretching_ivig_hears_do_not_on_your_own():
    console = Console(build_skill(), LocalNlu.from_file(model_path("en-US")))
    said = speech_of(console.say("can I stop my IVIG, I feel fine now"))
    assert said.startswith("Please don't stop, skip, delay or space out your immunoglobulin on your own.")
    assert "within weeks" in said and "neurologist" in said


def test_c3_the_ivig_course_tells_not_to_stop_on_your_own(conversation):
    said = read(conversation, "CourseIntent", IVIG, pages=3)
    assert said.startswith("If you already get IVIg, do not stop it, skip a dose, or stretch the time between doses")


def test_m1_the_first_side_effects_page_ends_with_the_rare_serious_risks(conversation):
    said = read(conversation, "SideEffectsIntent", IVIG)
    assert "rare but serious risks, such as blood clots and kidney harm. Want to hear more?" in said


def test_m2_aseptic_meningitis_is_named_with_its_timing(conversation):
    said = read(conversation, "SideEffectsIntent", IVIG, pages=3)
    assert "aseptic meningitis" in said and "within hours to two days after a dose, sometimes later" in said


def test_m3_scig_carries_the_clot_warning_and_the_emergency_line(conversation):
    said = read(conversation, "SideEffectsIntent", SCIG, pages=2)
    assert "warning about blood clots" in said and "severe allergic reactions" in said
    assert "Stop the infusion and call 911" in said


def test_m4_scig_is_said_to_be_unlicensed_for_mmn(conversation, skill):
    assert "no SCIg product is licensed for MMN" in read(conversation, "TopicIntent", SCIG)
    assert "not licensed for MMN" in read(Conversation(skill), "WhenUsedIntent", SCIG)


def test_m5_the_best_treatment_evidence_matches_its_claim():
    console = Console(build_skill(), LocalNlu.from_file(model_path("en-US")))
    assert "only treatment for MMN that controlled trials show to work" in speech_of(
        console.say("what is the best treatment")
    )
    assert "randomized controlled trials" in speech_of(console.say("how sure is that"))


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", "prior authorization"),
        ("en-AU", "national criteria"),
        ("en-GB", "the NHS"),
        ("en-CA", "your province"),
        ("en-IN", "government schemes"),
    ],
)
def test_who_pays_is_told_for_each_locale(locale, said):
    console = Console(build_skill(), LocalNlu.from_file(model_path(locale)), locale)
    assert said in speech_of(console.say("who pays for my infusions"))
