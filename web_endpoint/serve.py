"""The self-hosted endpoint's HTTP front end: waitress, with a total deadline on each request's arrival.

waitress reads every connection in one event loop and hands a request to a
worker thread only once it has arrived whole, headers and body. So a client
that sends a byte a second holds a socket, not a thread, and everyone else is
served. On top of waitress's limits (header and body sizes, idle connections),
``DeadlineChannel`` closes a connection whose request has been arriving for
longer than ``REQUEST_SECONDS`` in all, however steadily it trickles in:
Alexa sends a whole request at once.

    python -m web_endpoint.serve 'web_endpoint.web:create_app()'          # BIND (127.0.0.1:8000), THREADS (8)
"""

from __future__ import annotations

import importlib
import os
import sys
import time
from typing import Any

from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.server import TcpWSGIServer
from waitress.task import ThreadedTaskDispatcher

REQUEST_SECONDS_ENV = "MMN_GUIDE_REQUEST_SECONDS"
REQUEST_SECONDS = 10.0  # from a request's first byte to its last
SETTINGS = {
    "connection_limit": 1000,  # a slow client costs a socket: many may wait without shutting anyone out
    "asyncore_use_poll": True,  # select() stops at 1,024 sockets
    "channel_timeout": 10,  # an idle connection, kept alive or silent, closes after this
    "cleanup_interval": 2,
    "max_request_header_size": 16 * 1024,
    "max_request_body_size": 128 * 1024,  # as web.py's own limit
    "expose_tracebacks": False,
    "ident": "",
}


class DeadlineChannel(HTTPChannel):
    """A connection that closes when a request takes longer than the deadline to arrive."""

    request_started: float | None = None

    def received(self, data: bytes) -> bool:
        if self.request is None:
            self.request_started = time.monotonic()
        result = super().received(data)
        if self.request is None:
            self.request_started = None  # nothing partial left: the next request's clock starts with its data
        return result

    def readable(self) -> bool:
        # The event loop asks every connection this at least once a second (waitress's loop timeout).
        started = self.request_started
        if started is not None and time.monotonic() - started > self.server.request_seconds:
            self.will_close = True  # writable() then says so, and the loop closes the connection
        return super().readable()


class DeadlineServer(TcpWSGIServer):
    channel_class = DeadlineChannel

    def __init__(self, application: Any, *, request_seconds: float, **settings: Any):
        self.request_seconds = request_seconds
        adjustments = Adjustments(**{**SETTINGS, **settings})
        dispatcher = ThreadedTaskDispatcher()
        dispatcher.set_thread_count(adjustments.threads)
        super().__init__(application, {}, dispatcher=dispatcher, adj=adjustments, sockinfo=adjustments.listen[0])


def load_app(spec: str) -> Any:
    """The WSGI app a ``module:name`` or ``module:factory()`` spec names."""
    module, _, name = spec.partition(":")
    target = getattr(importlib.import_module(module), name.removesuffix("()"))
    return target() if name.endswith("()") else target


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    server = DeadlineServer(
        load_app(args[0]),
        request_seconds=float(os.environ.get(REQUEST_SECONDS_ENV) or REQUEST_SECONDS),
        listen=os.environ.get("BIND") or "127.0.0.1:8000",
        threads=int(os.environ.get("THREADS") or 8),
    )
    server.print_listen("Serving on http://{}:{}")
    server.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
