"""Questions about signs that are no report (blind corpus Q's false alarms, by kind, in sentences written here): what
a sign looks like asked "just to know"; the asker's reason for asking ("since I'm on IVIg"); a pet's past event; a
reaction long ago that was dealt with, asked whether it comes back. A sign of now said with any of them still alarms.
Full request envelopes (the console)."""

from __future__ import annotations

import pytest
from spoken import CALL_NOW, after, answered

ALARMS = ("safety:emergency", "safety:call_doctor")


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", "what does a blood clot in the leg look like, i just want to know"),
        ("en-GB", "what would a stroke look like, i just want to know"),
        ("en-CA", "what are the warning signs of a bad reaction i should know since i'm on gamunex"),
        ("en-IN", "tell me signs of allergic reaction as she is on ivig"),
        ("en-AU", "our dog had a fit on the weekend and the vet sorted him out, does mmn ever cause fits"),
        ("en-GB", "years ago i had a rash from the drip but they fixed it, could that happen again"),
    ],
)
def test_a_question_about_a_sign_is_no_alarm(locale, said):
    spoken, response = after(locale, said)
    assert answered(response) not in ALARMS, spoken


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", "what are the signs of a stroke since i'm on ivig, her face is drooping right now"),
        ("en-AU", "i just want to know why my chest is so tight and i can't breathe"),
        ("en-GB", "my dog is fine but my husband has collapsed and isn't moving"),
    ],
)
def test_a_sign_of_now_said_with_them_still_alarms(locale, said):
    spoken, _ = after(locale, said)
    assert spoken.startswith(CALL_NOW[locale]), spoken
