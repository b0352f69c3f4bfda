"""What an outside audit of this round heard as a tired listener and a clinician would not want: chills said
without naming the drip while it runs, first answers about other immune drugs and steroids that left their main
risk for later. Every turn goes through full request envelopes (the console)."""

from __future__ import annotations

import pytest
from spoken import after


@pytest.mark.parametrize(
    "locale, running, said",
    [
        ("en-GB", "my wife is on her ivig drip now", "she is a bit shivery and has a headache"),
        ("en-US", "he's hooked up to his infusion at the moment", "he's got the chills really bad"),
        ("en-AU", "mum's halfway through her privigen", "now she's running a temperature"),
        ("en-IN", "my father is on the drip right now at the day care", "he has fever and shivering"),
        ("en-CA", "she is having her gammagard right now", "she's feverish"),
    ],
)
def test_chills_while_the_drip_runs_stop_it_first_not_a_fever_after_it(locale: str, running: str, said: str) -> None:
    heard = after(locale, running, said)[0]
    assert heard.startswith("If your infusion is still running, stop it now"), heard
    assert "during an infusion" in heard and "right away" in heard
    assert "fever after an infusion" not in heard


@pytest.mark.parametrize(
    "locale, before, said",
    [
        ("en-GB", "she had her ivig yesterday", "she is a bit shivery and has a headache"),
        ("en-US", "tell me about ivig", "she has a fever and the shivers"),
    ],
)
def test_a_fever_once_the_drip_is_over_or_not_running_is_still_a_call_today(locale, before, said) -> None:
    heard = after(locale, before, said)[0]
    assert heard.startswith("Call your doctor or care team today about a fever after an infusion."), heard
    assert "stop it now" not in heard


@pytest.mark.parametrize("locale", ["en-US", "en-IN"])
def test_the_first_answer_on_other_immune_drugs_side_effects_names_infections_then_the_unborn_baby(locale) -> None:
    heard = after(locale, "what are the side effects of rituximab")[0]
    lead = heard[: heard.index("Want to hear more")]
    assert "infections more likely" in lead and "fever, chills or a sore throat" in lead
    assert "All three can harm an unborn baby." in lead
    assert lead.index("infections") < lead.index("unborn baby")


@pytest.mark.parametrize("locale", ["en-GB", "en-AU"])
def test_the_first_answer_on_steroid_side_effects_says_mmn_may_worsen_and_not_to_stop_suddenly(locale) -> None:
    heard = after(locale, "what are the side effects of steroids")[0]
    lead = heard[: heard.index("That's the first of")]
    assert "in MMN they may make the weakness worse" in lead
    assert "don't stop them suddenly" in lead


@pytest.mark.parametrize("asked", ["slowly please", "more slowly please", "a bit more slowly"])
def test_slowly_said_alone_after_safety_advice_slows_it_down_and_says_it_again(asked: str) -> None:
    heard = after("en-GB", "can i skip my next ivig dose because i feel fine", asked)[0]
    assert heard.startswith("Okay, I'll speak more slowly."), heard
    assert "on your own" in heard and "Talk to your neurologist first." in heard


def test_which_is_quicker_after_a_comparison_is_a_question_not_a_faster_voice() -> None:
    heard = after("en-US", "compare ivig and plasma exchange", "and which is quicker")[0]
    assert not heard.startswith("Okay, I'll speak faster."), heard


NO_CHANGE = "Please don't stop, skip or change your immunoglobulin on your own."


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", "my wife says she'll stop her ivig once she's pregnant"),
        ("en-GB", "she's going to stop her infusions for the summer"),
        ("en-AU", "mum reckons she will stop her drips after christmas"),
        ("en-IN", "my mother says she will stop her drip from next month"),
    ],
)
def test_she_will_stop_her_treatment_is_a_change_not_excused_as_stop_her_getting_worse(locale, said) -> None:
    assert after(locale, said)[0].startswith(NO_CHANGE)


@pytest.mark.parametrize(
    "said",
    [
        "will ivig stop her getting worse",
        "could cyclophosphamide stop him having children",
        "will it stop me losing my grip",
    ],
)
def test_stop_someone_from_something_is_still_a_question(said: str) -> None:
    assert NO_CHANGE not in after("en-US", said)[0]
