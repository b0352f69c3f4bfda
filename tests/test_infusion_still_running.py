"""An infusion said to have been going for a while ("my wife's had her IVIg going for about an hour") is still
running: a reaction said next hears to stop it (blind corpus J's turn lost when "had her IVIg" came to mean an
infusion that is over); "had her IVIg yesterday" is over. Full request envelopes (the console)."""

from __future__ import annotations

import pytest
from spoken import after

STOP = "Stop the infusion, or ask the nurse to stop it right away."


@pytest.mark.parametrize(
    "locale, running",
    [
        ("en-US", "we're at the infusion clinic and my wife's had her ivig going for about an hour"),
        ("en-GB", "mum's had her drip running for two hours now"),
        ("en-AU", "he's had his ivig going since nine this morning"),
    ],
)
def test_an_infusion_going_for_a_while_is_still_running(locale, running):
    spoken, _ = after(locale, running, "and now her lips are puffy and she's wheezing")
    assert STOP in spoken, spoken


def test_an_infusion_had_yesterday_is_over():
    spoken, _ = after("en-GB", "my mum had her ivig yesterday", "now her lips are puffy")
    assert STOP not in spoken and spoken.startswith("Call 999 now."), spoken
