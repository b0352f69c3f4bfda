"""A load test of the self-hosted endpoint under gunicorn on loopback: 50 users, 2,000 requests, 16 at a time."""

from __future__ import annotations

import socket
import time

from conftest import fixture

from skill.loadtest import post, run_load, served
from skill.web import VERIFY_ENV


def test_fifty_users_in_conversation_get_no_errors_and_their_own_repeats():
    # Verification is off here: the load is the skill's, and signing is tested in test_web.py.
    with served("skill.web:create_app()", {VERIFY_ENV: "false"}) as url:
        result = run_load(url, users=50, requests=2000, concurrency=16)
    assert result.requests == 2000
    assert result.errors == 0
    assert result.wrong_repeats == 0


def test_a_normal_request_is_answered_while_slow_clients_hold_connections():
    """Two clients sending their headers a byte at a time do not stop anyone else being served."""
    with served("skill.web:create_app()", {VERIFY_ENV: "false"}) as url:
        port = int(url.rsplit(":", 1)[1].strip("/"))
        slow = [socket.create_connection(("127.0.0.1", port)) for _ in range(2)]
        try:
            for client in slow:
                client.sendall(b"POST / HTTP/1.1\r\nHost: x\r\n")
            started = time.monotonic()
            status, body = post(url, fixture("launch_request"))
            assert status == 200 and body["response"]["outputSpeech"]
            assert time.monotonic() - started < 5
        finally:
            for client in slow:
                client.close()
