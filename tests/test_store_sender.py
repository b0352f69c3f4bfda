"""The DynamoDB store sends its requests itself (skill/store/sender.py): over TLS it trusts only the certificates
botocore would (AWS_CA_BUNDLE here), and a kept-alive connection the server closed is replaced."""

from __future__ import annotations

import datetime
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from ask_sdk_core.exceptions import PersistenceException
from ask_sdk_model import Context, RequestEnvelope
from ask_sdk_model.interfaces.system import SystemState
from ask_sdk_model.user import User
from certificates import NOW, _certificate, _key, _name
from cryptography.hazmat.primitives import serialization

from eval_tools.local_dynamodb import CREDENTIALS, KEY_SECRET
from skill.store.dynamodb import DynamoDbStore
from skill.store.versioned import RECORD

ENVELOPE = RequestEnvelope(context=Context(system=SystemState(user=User(user_id="amzn1.ask.account.TLS"))))


class Answer(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    requests: list[str] = []

    def do_POST(self) -> None:  # noqa: N802 (the name http.server calls)
        self.rfile.read(int(self.headers["Content-Length"]))
        Answer.requests.append(self.headers["X-Amz-Target"])
        self.send_response(200)
        self.send_header("Content-Type", "application/x-amz-json-1.0")
        self.send_header("Content-Length", "2")
        if len(Answer.requests) == 1:
            self.send_header("Connection", "keep-alive")
        self.end_headers()
        self.wfile.write(b"{}")
        if len(Answer.requests) == 1:
            self.close_connection = True  # closes a connection the client thinks is kept alive

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture(autouse=True)
def credentials(monkeypatch):
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)


@pytest.fixture
def tls_server(tmp_path):
    """An HTTPS server for localhost, its certificate issued by a root made here; yields (url, root's PEM path)."""
    root_key, leaf_key = _key(), _key()
    span = {"not_before": NOW - datetime.timedelta(days=1), "not_after": NOW + datetime.timedelta(days=1)}
    root = _certificate(_name("Store Test Root"), root_key, None, None, ca=True, **span)
    leaf = _certificate(_name("localhost"), leaf_key, root, root_key, ca=False, san="localhost", **span)
    (tmp_path / "root.pem").write_bytes(root.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "leaf.pem").write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "leaf.key").write_bytes(
        leaf_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tmp_path / "leaf.pem", tmp_path / "leaf.key")
    server = ThreadingHTTPServer(("127.0.0.1", 0), Answer)
    server.daemon_threads = True
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Answer.requests = []
    yield f"https://localhost:{server.server_address[1]}", tmp_path / "root.pem"
    server.shutdown()
    server.server_close()


def test_over_tls_the_store_trusts_the_ca_bundle_botocore_would_and_reconnects(tls_server, monkeypatch):
    url, root = tls_server
    monkeypatch.setenv("AWS_CA_BUNDLE", str(root))
    store = DynamoDbStore("listeners", KEY_SECRET, endpoint_url=url, region="us-east-1")
    assert store.get_attributes(ENVELOPE)[RECORD] == {}
    assert store.get_attributes(ENVELOPE)[RECORD] == {}, "the server closed the kept-alive connection: a new one"
    assert Answer.requests == ["DynamoDB_20120810.GetItem"] * 2


def test_over_tls_a_certificate_from_an_untrusted_root_is_refused(tls_server, monkeypatch):
    url, _ = tls_server
    monkeypatch.delenv("AWS_CA_BUNDLE", raising=False)
    store = DynamoDbStore("listeners", KEY_SECRET, endpoint_url=url, region="us-east-1")
    with pytest.raises(PersistenceException, match="SSLError|EndpointConnectionError") as refused:
        store.get_attributes(ENVELOPE)
    assert "CERTIFICATE_VERIFY_FAILED" in repr(refused.value.__cause__.kwargs.get("error"))
    assert Answer.requests == []
