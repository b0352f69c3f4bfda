"""After safety advice, a reply that puts the sign down to the MMN ("but her arm is always weak from the MMN") or
names only MMN and asks nothing is no reason to wait: it hears that this can't wait, and the advice again (blind
corpus P: the advice was lost to "I don't know that one yet"). After advice not to change a treatment it is no
reluctance. Full request envelopes (the console)."""

from __future__ import annotations

import pytest
from spoken import CALL_NOW, CRISIS, after

CANT_WAIT = "I understand, but this can't wait"


@pytest.mark.parametrize(
    "locale, sign, reply",
    [
        (
            "en-US",
            "my wife is on her home ivig drip and she says her chest hurts",
            "but her arm is always weak from the m m n",
        ),
        ("en-GB", "my dad's face has gone droopy on one side", "he's had mmn for years though"),
        ("en-AU", "mum's speech is all slurred and her face has dropped", "that's just her mmn isn't it"),
        (
            "en-CA",
            "he suddenly can't move his left leg and his face looks droopy",
            "his legs are usually weak from the mmn",
        ),
        ("en-IN", "my father's face is drooping on one side since ten minutes", "it is normal for him with mmn"),
    ],
)
def test_a_sign_put_down_to_mmn_after_emergency_advice_hears_it_cant_wait(locale, sign, reply):
    spoken, _ = after(locale, sign, reply)
    assert spoken.startswith(CANT_WAIT) and CALL_NOW[locale] in spoken, spoken


@pytest.mark.parametrize(
    "locale, sign, reply",
    [
        ("en-GB", "my hand has got a lot weaker over the last few days", "it's just the mmn though"),
        ("en-US", "his urine has gone dark like cola since the ivig", "he's had mmn for years"),
    ],
)
def test_after_call_the_doctor_advice_the_sign_put_down_to_mmn_keeps_the_advice(locale, sign, reply):
    first, _ = after(locale, sign)
    spoken, _ = after(locale, sign, reply)
    assert "don't know" not in spoken and ("doctor" in spoken or "care team" in spoken), (first, spoken)


@pytest.mark.parametrize(
    "locale, change, reply",
    [
        ("en-GB", "i'm going to skip my next ivig", "but i've had mmn for years"),
        ("en-US", "i think i'll stop my infusions", "it's always like this with my mmn"),
    ],
)
def test_after_advice_not_to_change_treatment_it_is_no_reluctance(locale, change, reply):
    spoken, _ = after(locale, change, reply)
    assert not spoken.startswith(CANT_WAIT), spoken


@pytest.mark.parametrize("said", ["her arm is always weak from the mmn is that normal", "is mmn always like this"])
def test_without_advice_the_same_words_are_a_question(said):
    spoken, _ = after("en-GB", "what is mmn", said)
    assert CANT_WAIT not in spoken and "999" not in spoken, spoken


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-AU", "honestly some days i feel like there's no point to any of this"),
        ("en-GB", "there's no point in all of this some days"),
    ],
)
def test_no_point_to_any_of_this_said_in_passing_hears_the_crisis_line(locale, said):
    spoken, _ = after(locale, "my husband is on gammagard and he's halfway through his drip at home", said)
    assert CRISIS[locale] in spoken, spoken
