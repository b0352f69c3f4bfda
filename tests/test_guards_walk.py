"""The envelope's bounds (skill/guards.py) decide as their plain definition does, on random envelopes near every
limit: the walk is written for speed, so it is checked against the slow, obvious reading of the rules."""

from __future__ import annotations

import random
from typing import Any

from skill.guards import refusal

LEVELS, VALUES, CHARACTERS = 40, 20_000, 16_000  # the limits, written out as in tests/test_guards.py


def within_bounds(value: Any, depth: int = 1) -> tuple[bool, int]:
    """Whether every value under ``value`` (itself included) respects depth, key and string bounds; its count."""
    if depth > LEVELS:
        return False, 1
    if isinstance(value, str):
        return len(value) <= CHARACTERS, 1
    if isinstance(value, dict):
        if any(not isinstance(key, str) or len(key) > CHARACTERS for key in value):
            return False, 1
        value = list(value.values())
    if not isinstance(value, list):
        return True, 1
    ok, count = True, 1
    for child in value:
        child_ok, child_count = within_bounds(child, depth + 1)
        ok, count = ok and child_ok, count + child_count
    return ok, count


def random_value(rng: random.Random, depth: int, budget: list[int]) -> Any:
    budget[0] -= 1
    kind = rng.random()
    if depth > 1 and (kind < 0.3 or budget[0] <= 0 or depth > LEVELS + 2):
        return rng.choice([None, True, 7, 2.5, "x", "y" * rng.choice([CHARACTERS, CHARACTERS + 1])])
    width = rng.choice([0, 1, 1, 1, 2, 3, rng.randint(100, 4_000)])
    if kind < 0.6:
        return [random_value(rng, depth + 1, budget) for _ in range(width)]
    keys = [f"k{n}" for n in range(width)]
    if rng.random() < 0.03:
        keys.append(rng.choice([3, "z" * (CHARACTERS + 1)]))
    return {key: random_value(rng, depth + 1, budget) for key in keys}


def test_the_walk_agrees_with_the_definition_of_the_bounds():
    rng = random.Random(18)
    outcomes = set()
    for _ in range(120):
        deep = [{"a": None}]
        for _ in range(rng.randint(30, 45)):
            deep = [deep] if rng.random() < 0.5 else {"a": deep}
        event = {"request": {"type": "LaunchRequest"}, "context": {}, "deep": deep}
        event["extra"] = random_value(rng, 2, [rng.choice([5, 50, 22_000])])
        ok, count = within_bounds(event)
        expected = ok and count <= VALUES
        outcomes.add(expected)
        assert (refusal(event, None) is None) == expected
    assert outcomes == {True, False}, "the random envelopes fall on both sides of the bounds"
