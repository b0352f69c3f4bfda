"""Clinical review 15 (docs/clinical-reviews/review-15-this-round.md): its H findings."""

from __future__ import annotations

import pytest
from spoken import FIRST_NUMBER, after, answered

from skill.understanding.words import words


@pytest.mark.parametrize(
    "locale, drip, fear",
    [
        ("en-GB", "my drip is running at home", "i'm scared i'm dying"),
        ("en-GB", "mum's halfway through her ivig at home", "she's convinced she's dying"),
        ("en-US", "my husband finished his ivig an hour ago", "he thinks he's dying"),
        ("en-CA", "my wife is halfway through her ivig", "she's terrified she's dying"),
        ("en-IN", "my drip is running now", "i am afraid i am dying"),
    ],
)
def test_h1_a_fear_of_dying_around_a_drip_is_the_emergency(locale, drip, fear):
    said, response = after(locale, "open m m n guide", drip, fear)
    assert answered(response) == "safety:emergency", said
    assert FIRST_NUMBER[locale] in said


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "my mum fell and hit her head, she's not on blood thinners, she has a headache that won't go away"),
        ("en-US", "my dad banged his head yesterday, he doesn't take blood thinners, he can't remember what happened"),
    ],
)
def test_h2_a_head_injury_not_on_a_thinner_names_going_now_for_a_headache_or_lost_memory(locale, said):
    heard, _ = after(locale, "open m m n guide", said)
    plain = " ".join(words(heard))
    assert "headache that wont go away" in plain and "cant remember what happened" in plain, heard
    assert "looked after at home" not in heard


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-IN", "my father's drip is running and he is saying he is going to die"),
        ("en-GB", "my dad's drip is running at home and he says he feels like he's going to die"),
        ("en-US", "i feel like i'm gonna die"),
    ],
)
def test_someone_saying_they_are_going_to_die_is_the_emergency(locale, said):
    # Review 15, H1's old gap: "he says he feels like he's going to die" heard "MMN isn't fatal" or "Sorry".
    heard, response = after(locale, "open m m n guide", said)
    assert answered(response) == "safety:emergency", heard


@pytest.mark.parametrize(
    "said", ["am i going to die", "i just got diagnosed and i'm scared, am i going to die", "i nearly died laughing"]
)
def test_asking_whether_one_will_die_of_it_is_still_the_outlook(said):
    heard, response = after("en-US", "open m m n guide", said)
    assert answered(response) != "safety:emergency", heard
