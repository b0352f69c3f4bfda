"""The DynamoDB store sends its requests itself (skill/store/sender.py): over TLS it trusts only the certificates
botocore would (AWS_CA_BUNDLE here), a kept-alive connection the server closed is replaced, and every request is
signed with the environment's credentials. Calls one after another share one connection, each call may wait as
long as its own deadline on a connection made under a shorter one, and a failed call is not tried again."""

from __future__ import annotations

import datetime
import json
import ssl
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from ask_sdk_core.exceptions import PersistenceException
from ask_sdk_model import Context, RequestEnvelope
from ask_sdk_model.interfaces.system import SystemState
from ask_sdk_model.user import User
from certificates import NOW, _certificate, _key, _name
from cryptography.hazmat.primitives import serialization

from eval_tools.local_dynamodb import CREDENTIALS, KEY_SECRET
from skill.store.deadline import within
from skill.store.dynamodb import DynamoDbStore
from skill.store.versioned import REBASE, RECORD, STAMP

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
    with pytest.raises(PersistenceException, match="unreachable: SSL") as refused:
        store.get_attributes(ENVELOPE)
    assert "CERTIFICATE_VERIFY_FAILED" in repr(refused.value.__cause__)
    assert Answer.requests == []


ENTRY_PROBE = """
import json, sys
from pathlib import Path
sys.path[:0] = [sys.argv[1], sys.argv[2]]
import lambda_function
answers, attributes = [], {}
for name in sys.argv[3:]:  # one session: each turn carries the attributes the one before returned
    event = json.loads(Path(name).read_text())
    event["session"]["attributes"] = attributes
    answers.append(lambda_function.lambda_handler(event, None))
    attributes = answers[-1].get("sessionAttributes") or {}
print(json.dumps({"answers": answers, "botocore": sorted(m for m in sys.modules if m.split(".")[0] == "botocore")}))
"""


def test_the_entry_point_with_a_table_reaches_it_without_loading_botocore(dynamodb):
    """Lambda's environment (credentials with a session token, a region, the table), the endpoint where the
    SDKs read it: a launch and a stop read and write the record, and no botocore module is ever loaded."""
    root = Path(__file__).resolve().parent.parent
    env = {
        **CREDENTIALS,
        "AWS_SESSION_TOKEN": "session-token",
        "AWS_REGION": "us-east-1",
        "AWS_ENDPOINT_URL_DYNAMODB": dynamodb.url,
        "MMN_GUIDE_TABLE": dynamodb.create_table(),
        "MMN_GUIDE_KEY_SECRET": KEY_SECRET.hex(),
        "PATH": "",
    }
    fixtures = [str(root / "tests" / "fixtures" / f"{name}.json") for name in ("launch_request", "stop")]
    command = [sys.executable, "-I", "-c", ENTRY_PROBE, str(root / "lambda"), str(root), *fixtures]
    out = json.loads(subprocess.run(command, capture_output=True, text=True, env=env, check=True).stdout)
    assert out["botocore"] == []
    assert out["answers"][0]["response"]["outputSpeech"]["ssml"]
    assert dynamodb.calls["GetItem"] == 1 and dynamodb.calls["PutItem"] == 1, dict(dynamodb.calls)


class KeptAlive(BaseHTTPRequestHandler):
    """DynamoDB's ``answer`` to any call, the connection kept open for the next; counts connections and calls."""

    protocol_version = "HTTP/1.1"
    answer = (200, b"{}")
    connections = calls = 0

    def setup(self) -> None:
        super().setup()
        KeptAlive.connections += 1

    def do_POST(self) -> None:  # noqa: N802 (the name http.server calls)
        self.rfile.read(int(self.headers["Content-Length"]))
        KeptAlive.calls += 1
        status, body = KeptAlive.answer
        self.send_response(status)
        self.send_header("Content-Type", "application/x-amz-json-1.0")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def kept_alive():
    """A store on a plain-HTTP stand-in for DynamoDB that answers ``KeptAlive.answer``, by default an empty item."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), KeptAlive)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    KeptAlive.answer, KeptAlive.connections, KeptAlive.calls = (200, b"{}"), 0, 0
    yield DynamoDbStore("listeners", KEY_SECRET, endpoint_url=f"http://127.0.0.1:{server.server_address[1]}")
    server.shutdown()
    server.server_close()


def test_calls_one_after_another_share_one_connection(kept_alive):
    for _ in range(3):
        assert kept_alive.get_attributes(ENVELOPE)[RECORD] == {}
    assert (KeptAlive.connections, KeptAlive.calls) == (1, 3)


def test_a_call_that_fails_is_not_tried_again(kept_alive):
    """One attempt: a retry could run past the call's deadline."""
    KeptAlive.answer = (500, b'{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"x"}')
    with pytest.raises(PersistenceException, match="GetItem failed: InternalServerError"):
        kept_alive.get_attributes(ENVELOPE)
    assert KeptAlive.calls == 1


def test_a_connection_made_under_a_short_deadline_lets_a_later_call_wait_its_own(dynamodb, dynamodb_store):
    with within(0.8):
        assert dynamodb_store.get_attributes(ENVELOPE)[RECORD] == {}
    dynamodb_store.call_seconds = 3.0
    dynamodb.delay = 1.5
    assert dynamodb_store.get_attributes(ENVELOPE)[RECORD] == {}, "answered in 1.5 s, within the call's 3 s"


def test_an_answer_that_is_not_dynamodbs_is_a_failure_of_the_store(kept_alive):
    """A proxy's error page, say: the store fails as for any refusal, and the skill answers with defaults."""
    KeptAlive.answer = (502, b"<html>Bad Gateway</html>")
    with pytest.raises(PersistenceException, match="GetItem failed: HTTP 502"):
        kept_alive.get_attributes(ENVELOPE)


def test_a_write_dynamodb_refuses_for_another_reason_than_the_condition_fails(kept_alive):
    """Throttled, say: the session's end says the record was not written, rather than taking it as done."""
    read = kept_alive.get_attributes(ENVELOPE)
    KeptAlive.answer = (400, b'{"__type":"com.amazonaws.dynamodb.v20120810#ThrottlingException","message":"x"}')
    with pytest.raises(PersistenceException, match="PutItem failed: ThrottlingException"):
        kept_alive.save_attributes(ENVELOPE, {RECORD: {"rate": 90}, STAMP: read[STAMP], REBASE: dict})


def test_botocore_and_urllib3_log_only_warnings_once_the_store_is_loaded():
    # Their debug lines would carry request bodies (listeners' records) into the logs.
    code = "import logging, skill.store.dynamodb; print(*(logging.getLogger(n).level for n in ('botocore', 'urllib3')))"
    shown = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert shown.stdout.split() == ["30", "30"]


def test_without_credentials_in_the_environment_the_store_signs_with_the_profiles(tmp_path, monkeypatch):
    # Outside Lambda (a developer's machine, an instance role) the keys come from botocore's chain.
    from skill.store.dynamodb import _credentials

    shared = tmp_path / "credentials"
    shared.write_text("[default]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = secret-of-profile\n")
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(shared))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "config"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    found = _credentials()()
    assert (found.access_key, found.secret_key, found.token) == ("AKIDPROFILE", "secret-of-profile", None)
