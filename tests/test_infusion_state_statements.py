"""Statements that ask nothing, by kind (conversation round 10):

- where someone's infusion is ("she's halfway through her Kiovig", "my dad just came off his Octagam drip", "I'm
  about to start my Hizentra"), said of oneself or someone else, is acknowledged in a few words that say so, then the
  content's page on what to watch for then; the treatment stays the subject ("is that normal" is its side effects),
  and the triage hears what was told: a sign said next while the drip runs hears to stop it, after it is over not;
- the treatment itself said to be over for them ("I'm finished with my Hizentra") is no statement of an infusion;
- a statement names the drug as said, not its group (clinical review 11, n6: "Okay, rituximab.", not "Okay, other
  immune drugs.");
- a facet asked of "the infusions" or "the pills" keeps the facet in "Do you mean ...?" (it asked "an overview of
  IVIg, or an overview of SCIg?"), and is IVIg's after a page on IVIg infusion day.

The sentences are made up, not the corpora's nor the examples the round was given. Each conversation goes through
the console's understanding into full request envelopes, on every entry point (the console, Lambda, the web app).
"""

from __future__ import annotations

import pytest
import test_safety_replay as replay
from test_safety_replay import said

from skill.answers import stated
from skill.breath import chunks, lead
from skill.content import load_content
from skill.content.loader import page_ref

skill, talk = replay.skill, replay.talk
STOP = "Stop the infusion"
PROMPTS = load_content().prompts


def first_breath(locale: str, pointer: str) -> str:
    """The first breath of a page ("infusion_day.overview.3"), as a locale says it."""
    ref = page_ref(pointer)
    return lead(load_content(locale).topic(ref.topic).pages(ref.facet)[ref.page].text)


def side_effects_lead(locale: str, topic: str) -> str:
    return lead(load_content(locale).topic(topic).pages("side_effects")[0].text)


@pytest.mark.parametrize(
    ("locale", "told", "name", "state", "page", "topic"),
    [
        ("en-GB", "my wife's halfway through her kiovig", "Kiovig", "running", "infusion_day.overview.1", "ivig"),
        ("en-US", "i'm hooked up to my gamunex right now", "Gamunex", "running", "infusion_day.overview.1", "ivig"),
        ("en-IN", "i'm on my cuvitru pump now", "Cuvitru", "running", "scig.side_effects.1", "scig"),
        ("en-CA", "my dad just came off his octagam drip", "Octagam", "over", "infusion_day.overview.2", "ivig"),
        ("en-AU", "we just got home from her panzyga", "Panzyga", "over", "infusion_day.overview.2", "ivig"),
        ("en-US", "my husband's about to start his hyqvia", "HyQvia", "ahead", "scig.side_effects.1", "scig"),
    ],
)
def test_where_an_infusion_is_is_acknowledged_with_what_to_watch_for(talk, locale, told, name, state, page, topic):
    console = talk(locale)
    answer, ended = said(console, told)
    assert not ended
    assert answer.startswith(PROMPTS[f"stated_{state}"].format(name=name))
    assert first_breath(locale, page) in answer
    # The treatment stays the subject: "is that normal" is its side effects, or the rest of them when they were read.
    normal, _ = said(console, "is that normal")
    if page.startswith(f"{topic}.side_effects"):
        ref = page_ref(page)
        assert chunks(load_content(locale).topic(topic).pages("side_effects")[ref.page].text)[1] in normal
    else:
        assert normal.startswith(side_effects_lead(locale, topic))


@pytest.mark.parametrize(
    ("locale", "told", "running"),
    [
        ("en-GB", "my mum's in the middle of her gammagard", True),
        ("en-AU", "he's nearly done with his privigen drip", True),
        ("en-US", "my wife just finished her octagam", False),
        ("en-CA", "i came off my kiovig an hour ago", False),
    ],
)
def test_a_sign_said_next_hears_to_stop_the_infusion_only_while_it_runs(talk, locale, told, running):
    console = talk(locale)
    said(console, told)
    answer, _ = said(console, "there's a swelling on the lips now")
    assert (STOP in answer) is running


@pytest.mark.parametrize("told", ["i'm finished with my hizentra", "my husband is done with gammagard"])
def test_the_treatment_over_for_them_is_no_statement_of_an_infusion(talk, told):
    console = talk("en-US")
    answer, _ = said(console, told)
    assert not answer.startswith(("Okay, Hizentra", "Okay, Gammagard"))


@pytest.mark.parametrize(
    ("locale", "told", "name"),
    [
        ("en-GB", "my wife takes rituximab", "rituximab"),
        ("en-AU", "my brother's on mycophenolate", "mycophenolate"),
        ("en-IN", "my father is on imuran", "Imuran"),
        ("en-US", "i'm on prednisolone", "prednisolone"),
    ],
)
def test_a_statement_names_the_drug_said(talk, locale, told, name):
    console = talk(locale)
    answer, _ = said(console, told)
    assert answer.startswith(f"Okay, {name}.") or f" Okay, {name}. " in f" {answer} "


@pytest.mark.parametrize(
    ("asked", "facet"),
    [
        ("side effects of the infusions", "the side effects and risks of"),
        ("what are the risks of the infusions", "the side effects and risks of"),
        ("what are the side effects of the pills", "the side effects and risks of"),
    ],
)
def test_which_treatment_keeps_the_facet_asked(talk, asked, facet):
    console = talk("en-GB")
    answer, _ = said(console, asked)
    assert answer.startswith("Do you mean") and answer.count(facet) == 2 and "overview" not in answer


def test_the_infusions_after_ivig_infusion_day_are_ivig(talk):
    console = talk("en-US")
    said(console, "what should i expect on infusion day")
    answer, _ = said(console, "what are the risks of the infusions")
    assert answer.startswith(side_effects_lead("en-US", "ivig"))


@pytest.mark.parametrize(
    ("said", "topic"),
    [
        ("my mother-in-law is on octagam", "ivig"),
        ("my stepdad does his hizentra on fridays", "scig"),
        ("my father-in-law just finished his privigen", "ivig"),
    ],
)
def test_in_laws_and_step_relatives_are_who_a_statement_is_about(said, topic):
    assert stated(load_content("en-GB"), said) == topic
