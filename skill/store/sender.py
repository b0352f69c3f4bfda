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
from botocore.exceptions import ConnectionClosedError, EndpointConnectionError, ReadTimeoutError

from .deadline import remaining

_FRESH_CONNECTION_ERRORS = (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError)


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
        reused = getattr(self._local, "connection", None) is not None
        try:
            return self._send(request)
        except _FRESH_CONNECTION_ERRORS:
            if not reused:
                raise ConnectionClosedError(endpoint_url=request.url) from None
            return self._send(request)  # the server had closed the kept-alive connection: once more, on a new one

    def _send(self, request: AWSPreparedRequest) -> AWSResponse:
        budget = remaining()
        connection = self._connection(request.url, budget)
        timer = threading.Timer(budget, _shut, args=(connection,))
        timer.start()
        try:
            if connection.sock is None:
                connection.timeout = budget
                connection.connect()
            connection.sock.settimeout(budget)
            url = urlsplit(request.url)
            connection.request(
                request.method,
                (url.path or "/") + (f"?{url.query}" if url.query else ""),
                request.body,
                dict(request.headers.items()),
            )
            answer = connection.getresponse()
            body = answer.read()
            headers = dict(answer.getheaders())
        except _FRESH_CONNECTION_ERRORS:
            self._drop(connection)
            if not timer.is_alive():
                raise ReadTimeoutError(endpoint_url=request.url) from None
            raise
        except TimeoutError:
            self._drop(connection)
            raise ReadTimeoutError(endpoint_url=request.url) from None
        except (OSError, http.client.HTTPException) as error:
            self._drop(connection)
            if not timer.is_alive():
                raise ReadTimeoutError(endpoint_url=request.url) from None
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
