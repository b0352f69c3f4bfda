"""Blind corpora M and N's missed treatment changes, by kind, in other words and locales, mid-session with the
treatment in context (full request envelopes): a session named by its day skipped, the next one pushed into a later
month, one done only every other time."""

from __future__ import annotations

import pytest
from spoken import after

IG = "Please don't stop, skip or change your immunoglobulin on your own."
ANY = "Please don't stop, skip or change a treatment for MMN on your own."


@pytest.mark.parametrize(
    "locale, before, said",
    [
        ("en-CA", "i'm on scig twice a week", "we're away at the lake so i'll skip monday's"),
        ("en-GB", "my husband does his hizentra at home", "he's going to skip saturday's one, he's knackered"),
        ("en-AU", "my dad gets ivig every four weeks", "i reckon we'll push the next one into february"),
        ("en-US", "my wife does her cuvitru on sundays", "she wants to only do it every other week now"),
        ("en-IN", "my father takes ivig every month", "he is saying he will push it to next month only"),
    ],
)
def test_a_change_said_of_the_treatment_in_context_by_its_day_or_month_hears_the_warning(locale, before, said):
    heard, response = after(locale, before, said)
    assert heard.startswith((IG, ANY)), heard
    assert response["response"].get("shouldEndSession") is False


@pytest.mark.parametrize(
    "locale, before, said",
    [
        ("en-US", "i'm on scig twice a week", "which day is best to do my infusion, monday or thursday"),
        ("en-GB", "my dad gets ivig every four weeks", "he missed the bus on thursday so we got a taxi"),
    ],
)
def test_a_day_named_with_no_change_of_treatment_hears_no_warning(locale, before, said):
    heard, _ = after(locale, before, said)
    assert IG not in heard and "don't stop, skip or change" not in heard, heard
