"""Context kept across turns, as caregivers and patients tell it (issue 17 §7, issue 16 §3): a statement of someone's
treatment in their own words makes it the subject; a follow-up that names no topic stays on what was said.

Each conversation goes through the console's understanding into full request envelopes, in several locales and on
every entry point (the console, the Lambda handler, the web app).
"""

from __future__ import annotations

import pytest
import test_safety_replay as replay
from test_safety_replay import said

from skill.breath import lead
from skill.content import load_content

skill, talk = replay.skill, replay.talk
CONTENT = load_content()


def first_breath(topic: str, facet: str) -> str:
    return lead(CONTENT.topic(topic).pages(facet)[0].text)


@pytest.mark.parametrize("locale", ["en-AU", "en-GB", "en-US"])
def test_does_that_make_her_tired_after_a_statement_says_tiredness_in_the_first_breath(talk, locale):
    """A wife on Privigen, then "does that make her tired after": the side effects of IVIg, with tiredness said before
    the first pause."""
    console = talk(locale)
    acknowledged, _ = said(console, "my wife is on privigen")
    assert acknowledged.startswith("Okay, Privigen")
    answer, ended = said(console, "does that make her tired after")
    assert not ended and answer.startswith(first_breath("ivig", "side_effects"))
    assert "tiredness" in first_breath("ivig", "side_effects")
