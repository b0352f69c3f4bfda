"""Sends the DynamoDB client's requests within the call's total deadline, over one kept-alive connection a thread.

botocore bounds each socket read (``read_timeout``), not a call: a server that
answers one byte at a time keeps a call going as long as it likes. So the store
takes over from botocore's HTTP layer at its ``before-send`` event, where the
request is already built and signed: it connects, sends, and reads the whole
answer before the deadline (``deadline.py``), and a timer shuts the socket
when time is up, whatever is still to come. Failures become botocore's own
exceptions, so the store handles them as it handles any other.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
from typing import Any
from urllib.parse import urlsplit

from botocore.awsrequest import AWSPreparedRequest, AWSResponse
from botocore.exceptions import EndpointConnectionError, ReadTimeoutError

from .deadline import remaining


class _Stale(Exception):
    """A kept-alive connection failed before its answer: the server had closed it."""


class _Body:
    """The answer's body, as botocore reads a response's ``raw``."""

    def __init__(self, data: bytes):
        self.data = data

    def stream(self, **_: Any) -> list[bytes]:
        return [self.data]


class DeadlineSender:
    """A ``before-send`` handler: the response to a signed request, read in full before the deadline."""

    def __init__(self, ca_bundle: str) -> None:
        self._local = threading.local()
        self._tls = ssl.create_default_context(cafile=ca_bundle)

    def __call__(self, request: AWSPreparedRequest, **_: Any) -> AWSResponse:
        try:
            return self._send(request)
        except _Stale:
            return self._send(request)  # once more, on a new connection

    def _send(self, request: AWSPreparedRequest) -> AWSResponse:
        budget = remaining()
        connection = self._connection(request.url, budget)
        reused = connection.sock is not None
        timer = threading.Timer(budget, _shut, args=(connection,))
        timer.start()
        try:
            if not reused:
                connection.timeout = budget
                connection.connect()
            connection.sock.settimeout(budget)
            url = urlsplit(request.url)
            target = (url.path or "/") + (f"?{url.query}" if url.query else "")
            connection.request(request.method, target, request.body, dict(request.headers.items()))
            answer = connection.getresponse()
            body = answer.read()
            headers = dict(answer.getheaders())
        except (OSError, http.client.HTTPException) as error:
            self._drop(connection)
            if isinstance(error, TimeoutError) or not timer.is_alive():
                raise ReadTimeoutError(endpoint_url=request.url) from None  # the deadline passed
            if reused:
                raise _Stale from error
            raise EndpointConnectionError(endpoint_url=request.url, error=error) from None
        finally:
            timer.cancel()
        if answer.will_close:
            self._drop(connection)
        return AWSResponse(request.url, answer.status, headers, _Body(body))

    def _connection(self, url: str, budget: float) -> http.client.HTTPConnection:
        parts = urlsplit(url)
        kept = getattr(self._local, "connection", None)
        if kept is not None and getattr(self._local, "origin", None) == (parts.scheme, parts.netloc):
            return kept
        if kept is not None:
            kept.close()
        if parts.scheme == "https":
            connection = http.client.HTTPSConnection(parts.hostname, parts.port, timeout=budget, context=self._tls)
        else:
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=budget)
        self._local.connection, self._local.origin = connection, (parts.scheme, parts.netloc)
        return connection

    def _drop(self, connection: http.client.HTTPConnection) -> None:
        connection.close()
        if getattr(self._local, "connection", None) is connection:
            self._local.connection = None


def _shut(connection: http.client.HTTPConnection) -> None:
    """Time is up: end the connection under the reader, which then fails at once."""
    sock = connection.sock
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # already closed
