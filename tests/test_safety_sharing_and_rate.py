"""Two changes of treatment that no sign heard (blind corpus O): immunoglobulin given to someone else, or someone
else's or leftover vials used, and an infusion run faster than the team set. Both hear not to, and whom to ask;
what to do with leftovers, a nurse raising the rate step by step, and half an hour are no change. Full request
envelopes (the console)."""

from __future__ import annotations

import pytest
from conftest import speech_of
from spoken import answered, say

SHARE = "Please don't give your immunoglobulin to anyone else, or use someone else's or leftover vials."
RATE = "Please don't speed up your infusion yourself."


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "my cousin's got cidp can i let her have my spare kiovig vials"),
        ("en-US", "is it ok to use my dad's leftover gamunex for me since we have the same thing"),
        ("en-IN", "one patient in our ward has some unused ivig bottles can my mother use them"),
        ("en-AU", "thinking of sharing my spare hizentra with a mate from the support group"),
    ],
)
def test_sharing_immunoglobulin_hears_not_to(locale, said):
    response = say(locale, said)
    assert speech_of(response).startswith(SHARE) and answered(response) == "safety:no_change"


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-CA", "she's sick of sitting there so she wants to crank up the drip and finish early"),
        ("en-GB", "can i just turn the pump up on my hyqvia, it takes ages"),
        ("en-US", "i'm gonna speed up the infusion so i can get to work on time"),
        ("en-AU", "gonna set it higher on the pump this time, the hizentra takes forever"),
    ],
)
def test_running_an_infusion_faster_oneself_hears_not_to(locale, said):
    response = say(locale, said)
    assert speech_of(response).startswith(RATE) and answered(response) == "safety:no_change"


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "what should i do with the leftover vials when my treatment changes"),
        ("en-US", "can i donate blood if i'm on ivig"),
        ("en-US", "why does the nurse speed up the drip every half hour"),
        ("en-AU", "the nurse turned up the rate after the first hour, is that normal"),
        ("en-IN", "the drip takes four and a half hours, can we bring food"),
    ],
)
def test_leftovers_the_nurses_rate_and_half_an_hour_are_no_change(locale, said):
    response = say(locale, said)
    assert not answered(response).startswith("safety:"), speech_of(response)
