"""The self-hosted endpoint on loopback, as scripts/web.sh serves it: 50 users, 2,000 requests, 16 at a time; and
slow clients, which hold no worker and are cut off."""

from __future__ import annotations

import contextlib
import socket
import threading
import time

from conftest import fixture

from eval_tools.loadtest import post, run_load, served
from web_endpoint.serve import REQUEST_SECONDS_ENV
from web_endpoint.web import VERIFY_ENV


def test_fifty_users_in_conversation_get_no_errors_and_their_own_repeats():
    # Verification is off here: the load is the skill's, and signing is tested in test_web.py.
    with served("web_endpoint.web:create_app()", {VERIFY_ENV: "false"}) as url:
        result = run_load(url, users=50, requests=2000, concurrency=16)
    assert result.requests == 2000
    assert result.errors == 0
    assert result.wrong_repeats == 0


def test_a_normal_request_is_answered_while_64_slow_clients_hang_on():
    """64 clients sending their headers a byte at a time, and one a body, hold no worker: a normal request is
    answered while they trickle on."""
    with served("web_endpoint.web:create_app()", {VERIFY_ENV: "false"}) as url:
        port = int(url.rsplit(":", 1)[1].strip("/"))
        slow = [socket.create_connection(("127.0.0.1", port)) for _ in range(64)]
        body_first = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 900\r\n\r\n{"
        slow[0].sendall(body_first)
        stop = threading.Event()

        def trickle() -> None:
            for _ in range(40):  # bounded: at most 40 bytes a client, on loopback
                for client in slow[1:]:
                    with contextlib.suppress(OSError):
                        client.sendall(b"X")
                with contextlib.suppress(OSError):
                    slow[0].sendall(b" ")
                if stop.wait(0.25):
                    return

        trickling = threading.Thread(target=trickle)
        for client in slow[1:]:
            client.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        trickling.start()
        try:
            time.sleep(0.5)  # the slow clients are all under way
            status, body = post(url, fixture("launch_request"))
            assert status == 200 and body["response"]["outputSpeech"]
            assert trickling.is_alive(), "answered while the slow clients were still sending"
        finally:
            stop.set()
            trickling.join()
            for client in slow:
                client.close()


def test_a_request_that_takes_too_long_to_arrive_is_cut_off():
    with served("web_endpoint.web:create_app()", {VERIFY_ENV: "false", REQUEST_SECONDS_ENV: "1"}) as url:
        port = int(url.rsplit(":", 1)[1].strip("/"))
        with socket.create_connection(("127.0.0.1", port)) as client:
            client.setblocking(True)  # so that MSG_DONTWAIT, not a timeout, decides how long a peek waits
            client.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n")
            closed = False
            with contextlib.suppress(OSError):
                for _ in range(40):  # bounded: 40 bytes at most, a quarter of a second apart
                    client.sendall(b" ")
                    time.sleep(0.25)
                    with contextlib.suppress(BlockingIOError):
                        closed = client.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
                    if closed:
                        break
        assert closed, "the server closed the connection before the body had all come"
