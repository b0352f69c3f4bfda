"""Sends the store's signed requests within the call's total deadline, over one kept-alive connection a thread.

A socket's timeout bounds each read, not a call: a server that answers one
byte at a time keeps a call going as long as it likes. So the sender connects,
sends, and reads the whole answer before the deadline (``deadline.py``), and a
timer shuts the socket when time is up, whatever is still to come. A kept-alive
connection the server has closed is replaced, once. Every failure is a
``PersistenceException`` naming the kind of failure, never the request.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
from urllib.parse import urlsplit

from ask_sdk_core.exceptions import PersistenceException

from .deadline import remaining


class _Stale(Exception):
    """A kept-alive connection failed before its answer: the server had closed it."""


class DeadlineSender:
    """Sends a request and reads its whole answer (status, body) before the deadline."""

    def __init__(self, ca_bundle: str) -> None:
        self._local = threading.local()
        self._ca_bundle = ca_bundle
        self._context: ssl.SSLContext | None = None

    def tls(self) -> ssl.SSLContext:
        """The TLS context, trusting ``ca_bundle`` only (made once: reading the bundle takes some milliseconds)."""
        if self._context is None:
            self._context = ssl.create_default_context(cafile=self._ca_bundle)
        return self._context

    def send(self, url: str, headers: dict[str, str], body: bytes) -> tuple[int, bytes]:
        try:
            return self._send(url, headers, body)
        except _Stale:
            return self._send(url, headers, body)  # once more, on a new connection

    def _send(self, url: str, headers: dict[str, str], body: bytes) -> tuple[int, bytes]:
        budget = remaining()
        connection = self._connection(url, budget)
        reused = connection.sock is not None
        timer = threading.Timer(budget, _shut, args=(connection,))
        timer.start()
        try:
            if not reused:
                connection.timeout = budget
                connection.connect()
            connection.sock.settimeout(budget)
            parts = urlsplit(url)
            target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            connection.request("POST", target, body, headers)
            answer = connection.getresponse()
            data = answer.read()
        except (OSError, http.client.HTTPException) as error:
            self._drop(connection)
            if isinstance(error, TimeoutError) or not timer.is_alive():
                raise PersistenceException("the store did not answer in time") from None  # the deadline passed
            if reused:
                raise _Stale from error
            raise PersistenceException(f"the store is unreachable: {type(error).__name__}") from error
        finally:
            timer.cancel()
        if answer.will_close:
            self._drop(connection)
        return answer.status, data

    def _connection(self, url: str, budget: float) -> http.client.HTTPConnection:
        parts = urlsplit(url)
        kept = getattr(self._local, "connection", None)
        if kept is not None and getattr(self._local, "origin", None) == (parts.scheme, parts.netloc):
            return kept
        if kept is not None:
            kept.close()
        if parts.scheme == "https":
            connection = http.client.HTTPSConnection(parts.hostname, parts.port, timeout=budget, context=self.tls())
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
