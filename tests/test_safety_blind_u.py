"""Safety from blind corpus U's first run: a prescription shared is a treatment changed without the doctor."""

from __future__ import annotations

import pytest
from spoken import after, answered

from skill.understanding.triage import triager


@pytest.mark.parametrize(
    ("locale", "said"),
    [
        ("en-GB", "my sister has the same thing can she try some of my prednisolone"),
        ("en-IN", "can i share my azathioprine tablets with my cousin he also has nerve weakness"),
        ("en-US", "my buddy wants a few of my steroid pills for his back can i give him some"),
    ],
)
def test_ones_own_tablets_given_to_someone_else_hears_dont_share(locale, said):
    text, response = after(locale, "open m m n guide", said)
    assert answered(response) == "safety:no_change", text
    assert "Please don't give your tablets to anyone else" in text, text


@pytest.mark.parametrize(
    "said",
    [
        "i help my mum take her tablets in the morning",
        "can i give him his tablets with food",
        "what tablets do people take for mmn",
    ],
)
def test_helping_someone_take_their_own_tablets_or_asking_about_tablets_is_no_sharing(said):
    assert ("no_change", "share_tablets") not in triager("en-GB").signs_in(said)
