"""A DynamoDB-compatible server on this machine, for the tests and the benchmarks; never used by the skill itself.

moto's server mode runs on a free loopback port, behind a small HTTP proxy
that the skill's client talks to. The proxy counts every call that reaches
the server (by operation), can slow each answer down, and can be stopped and
started again on the same port (the data kept), as a DynamoDB that is slow or
unreachable for a while would be.

    with local_dynamodb() as server:
        store = server.store()          # a DynamoDbStore on a fresh table
        ...
        server.calls                    # Counter: {"GetItem": 1, "PutItem": 1}
"""

from __future__ import annotations

import collections
import contextlib
import http.client
import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import botocore.session

from skill.store.dynamodb import KEY, DynamoDbStore

from .local_ports import free_port, wait_until_listening

REGION = "us-east-1"
# moto accepts any credentials; these keep botocore from looking for real ones.
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local", "AWS_DEFAULT_REGION": REGION}
KEY_SECRET = bytes(range(32))  # the listeners' key secret of every store made here (MMN_GUIDE_KEY_SECRET: its hex)


class LocalDynamoDb:
    def __init__(self, server_port: int):
        self.server_port = server_port
        self.calls: collections.Counter[str] = collections.Counter()
        self.delay = 0.0  # seconds added before each answer
        self._lock = threading.Lock()
        self.port = free_port()
        self._proxy: ThreadingHTTPServer | None = None
        self.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self._proxy = _Server(("127.0.0.1", self.port), _proxy_handler(self))
        threading.Thread(target=self._proxy.serve_forever, daemon=True).start()

    def stop(self) -> None:
        """Refuse connections from now on, until ``start``; what the server holds is kept."""
        if self._proxy is not None:
            self._proxy.shutdown()
            self._proxy.server_close()
            self._proxy = None

    def create_table(self, name: str | None = None) -> str:
        """A fresh table shaped as the SAM template's; its name."""
        name = name or f"listeners-{uuid.uuid4().hex[:8]}"
        # A plain client: the store's one gives each call a second, and a busy moto can take longer to make a table.
        client = botocore.session.get_session().create_client("dynamodb", endpoint_url=self.url, region_name=REGION)
        client.create_table(
            TableName=name,
            AttributeDefinitions=[{"AttributeName": KEY, "AttributeType": "S"}],
            KeySchema=[{"AttributeName": KEY, "KeyType": "HASH"}],
            BillingMode="PAY_PER_REQUEST",
        )
        self.calls.clear()
        return name

    def store(self, table: str | None = None) -> DynamoDbStore:
        return DynamoDbStore(table or self.create_table(), KEY_SECRET, endpoint_url=self.url, region=REGION)

    @property
    def stopped(self) -> bool:
        return self._proxy is None

    def count(self, operation: str) -> None:
        with self._lock:
            self.calls[operation] += 1


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # many listeners connecting at once, as DynamoDB would take them


def _proxy_handler(server: LocalDynamoDb) -> type[BaseHTTPRequestHandler]:
    class Proxy(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes: without this, Nagle's algorithm holds the body back until the
        # client's delayed acknowledgement, about 40 ms on every call of a kept-alive connection.
        disable_nagle_algorithm = True

        def do_POST(self) -> None:  # noqa: N802 (the name http.server calls)
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if server.stopped:
                # A connection kept open from before the stop: dropped without an answer.
                self.close_connection = True
                return
            server.count((self.headers.get("X-Amz-Target") or "?").rpartition(".")[2])
            if server.delay:
                time.sleep(server.delay)
            upstream = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=10)
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
            upstream.request("POST", self.path, body=body, headers=headers)
            answer = upstream.getresponse()
            payload = answer.read()
            upstream.close()
            self.send_response(answer.status)
            for name, value in answer.getheaders():
                if name.lower() not in ("content-length", "connection", "transfer-encoding", "server", "date"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the tests read the counts, not a log."""

    return Proxy


@contextlib.contextmanager
def local_dynamodb() -> Iterator[LocalDynamoDb]:
    """moto's DynamoDB server on a free loopback port, behind the counting proxy; stopped afterwards."""
    for name, value in CREDENTIALS.items():
        os.environ.setdefault(name, value)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = None
    try:
        wait_until_listening(process, port, "moto's DynamoDB server")
        server = LocalDynamoDb(port)
        yield server
    finally:
        if server is not None:
            server.stop()
        process.terminate()
        process.wait(timeout=10)
