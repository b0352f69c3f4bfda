"""A change of treatment heard in its own words and in context (clinical review 9's last round, step 3): one's own
steroid dose raised ("i'll bump mine up" with steroids in context) is a change of steroids, not of immunoglobulin;
"stop her injections" is a change of the treatment in context (methotrexate can be injected too), or of
immunoglobulin with none; and the don't-change advice's first breath names at most three actions. Through full
request envelopes, one-shot and mid-session, in every locale."""

from __future__ import annotations

import re

import pytest
from spoken import after

from skill.content import load_content

RAISE = "Please don't take more steroid than prescribed."
IG = "Please don't stop, skip or change your immunoglobulin on your own."
OTHER = "Please don't stop or change your medicine on your own."


@pytest.mark.parametrize(
    "locale, turns",
    [
        ("en-GB", ["is prednisolone good for mmn", "i'll bump mine up"]),
        ("en-US", ["what is prednisone", "i'm gonna up my dose"]),
        ("en-AU", ["what are the side effects of prednisolone", "i'm going to up my dose"]),
        ("en-IN", ["is prednisolone good for mmn", "i will increase her dose"]),
        ("en-CA", ["i'm going to double my prednisone"]),
        ("en-GB", ["i'll up my steroids, they're not doing enough"]),
    ],
)
def test_ones_own_steroid_dose_raised_is_a_change_of_steroids(locale, turns):
    heard, _ = after(locale, *turns)
    assert heard.startswith(RAISE), heard
    assert "immunoglobulin" not in heard


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "will prednisolone increase my appetite"),
        ("en-US", "i need to pick up my prednisone from the pharmacy"),
        ("en-IN", "my neurologist wants to increase my prednisolone"),
    ],
)
def test_a_steroids_effects_a_prescription_picked_up_or_the_doctors_plan_is_no_raise(locale, said):
    heard, _ = after(locale, said)
    assert not heard.startswith(RAISE), heard


@pytest.mark.parametrize(
    "locale, turns, starts",
    [
        ("en-IN", ["what is methotrexate", "i will stop her injections"], OTHER),
        ("en-IN", ["what is cyclophosphamide", "we will stop her injections"], OTHER),
        ("en-IN", ["she is on ivig", "we will stop her injections"], IG),
        ("en-IN", ["stop her injections, she is tired of them"], IG),
        ("en-GB", ["i'm going to stop her injections"], IG),
        ("en-US", ["we're gonna stop his injections"], IG),
        ("en-AU", ["what is methotrexate", "i'll stop her injections"], OTHER),
        ("en-CA", ["i want to stop my injections"], IG),
    ],
)
def test_stopping_the_injections_is_a_change_of_the_treatment_in_context(locale, turns, starts):
    heard, _ = after(locale, *turns)
    assert heard.startswith(starts), heard


def test_the_dont_change_advice_names_at_most_three_actions_in_its_first_breath():
    # "Please don't stop, skip, delay, space out or switch ..." is a list of five, heard before the first pause.
    listed = re.compile(r"don't ((?:[a-z]+(?: [a-z]+)?, )+[a-z]+(?: [a-z]+)? or [a-z]+)")
    level = next(level for level in load_content("en-GB").red_flags.levels if level.id == "no_change")
    for text in [level.texts["answer"], *(sign.answer for sign in level.signs if sign.answer)]:
        first = text.split(". ")[0]
        for found in listed.finditer(first):
            actions = re.split(r", | or ", found.group(1))
            assert len(actions) <= 3, first


@pytest.mark.parametrize(
    "locale, turns",
    [
        (
            "en-GB",
            [
                "do other people get the dip before their next drip where your hands go weak again",
                "hmm well i'm going to space mine out anyway cos the hospital car park is a nightmare",
            ],
        ),
        ("en-US", ["what other drugs are used for mmn", "i'm going to space mine out"]),
        ("en-AU", ["what other drugs are used for mmn", "i reckon i'll stretch mine out a bit"]),
    ],
)
def test_a_change_no_sign_of_the_treatment_in_context_reads_still_hears_the_advice(locale, turns):
    heard, response = after(locale, *turns)
    assert heard.startswith("Please don't stop, skip or change a treatment for MMN on your own."), heard
    assert response["response"].get("shouldEndSession") is False
