"""A load test of the self-hosted endpoint under gunicorn on loopback: 50 users, 2,000 requests, 16 at a time."""

from __future__ import annotations

from skill.loadtest import run_load, served
from skill.web import VERIFY_ENV


def test_fifty_users_in_conversation_get_no_errors_and_their_own_repeats():
    # Verification is off here: the load is the skill's, and signing is tested in test_web.py.
    with served("skill.web:create_app()", {VERIFY_ENV: "false"}) as url:
        result = run_load(url, users=50, requests=2000, concurrency=16)
    assert result.requests == 2000
    assert result.errors == 0
    assert result.wrong_repeats == 0
