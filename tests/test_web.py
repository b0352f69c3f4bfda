"""The self-hosted endpoint: a signed request from the tests' CA is served; every forged one gets HTTP 400."""

from __future__ import annotations

import datetime
import io
import json
import logging
import subprocess
import sys
import urllib.error

import pytest
from certificates import CERT_URL, NOW, Authority
from conftest import FIXTURE_SKILL_ID, fixture, speech_of

from web_endpoint.verification import SignatureVerifier, check_certificate_url
from web_endpoint.web import MAX_BODY_BYTES, create_app

USER_DATA = ("amzn1.ask.account", "amzn1.ask.device", "amzn1.echo-api.session", "apiAccessToken")


@pytest.fixture(autouse=True)
def no_user_data_in_the_logs(caplog):
    """Every web test runs with every logger at DEBUG; no line it logs may hold user data."""
    with caplog.at_level(logging.DEBUG):
        yield
    assert not [marker for marker in USER_DATA if marker in caplog.text]


@pytest.fixture(scope="module")
def authority():
    return Authority.create()


@pytest.fixture(scope="module")
def signer(authority):
    return authority.issue()


@pytest.fixture(scope="module")
def certificate_server(signer):
    """URL -> PEM chain, standing in for Amazon's certificate server; other URLs are unreachable."""
    return {CERT_URL: signer.chain_pem()}


@pytest.fixture(scope="module")
def client(authority, certificate_server):
    def fetch(url: str) -> bytes:
        if url not in certificate_server:
            raise urllib.error.URLError("connection refused")
        return certificate_server[url]

    verifier = SignatureVerifier(fetch=fetch, roots=[authority.root])
    return create_app(FIXTURE_SKILL_ID, verify=True, signature_verifier=verifier).test_client()


def body(name: str = "launch_request", *, timestamp: datetime.datetime | None = None, **changes) -> bytes:
    envelope = fixture(name)
    envelope["request"]["timestamp"] = (timestamp or datetime.datetime.now(datetime.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    for path, value in changes.items():
        holder = envelope
        *parents, last = path.split("__")
        for key in parents:
            holder = holder[key]
        holder[last] = value
    return json.dumps(envelope).encode("utf-8")


def post(client, data: bytes, *, signer=None, url: str = CERT_URL, signature: str | None = None, drop: str = ""):
    headers = {"SignatureCertChainUrl": url, "Signature-256": signature or signer.sign(data)}
    headers.pop(drop, None)
    return client.post("/", data=data, headers=headers, content_type="application/json")


def test_a_signed_request_is_answered(client, signer):
    response = post(client, body(), signer=signer)
    assert response.status_code == 200
    assert speech_of(response.json).startswith("Welcome to MMN Guide")


def test_a_multi_turn_intent_request_is_answered(client, signer):
    response = post(client, body("side_effects_cyclophosphamide"), signer=signer)
    assert response.status_code == 200
    assert response.json["response"]["shouldEndSession"] is False


def test_tampered_body_is_refused(client, signer):
    data = body()
    tampered = data.replace(b"LaunchRequest", b"IntentRequest")
    assert post(client, tampered, signer=signer, signature=signer.sign(data)).status_code == 400


def test_signature_from_another_key_is_refused(client, authority):
    impostor = authority.issue()
    data = body()
    assert post(client, data, signature=impostor.sign(data)).status_code == 400


def test_signature_that_is_not_base64_is_refused(client):
    assert post(client, body(), signature="not base64!").status_code == 400


@pytest.mark.parametrize(
    "url",
    [
        "http://s3.amazonaws.com/echo.api/echo-api-cert-13.pem",
        "https://notamazon.com/echo.api/echo-api-cert-13.pem",
        "https://s3.amazonaws.com.evil.example/echo.api/echo-api-cert-13.pem",
        "https://s3.amazonaws.com/EcHo.aPi/echo-api-cert-13.pem",
        "https://s3.amazonaws.com/invalid.path/echo-api-cert-13.pem",
        "https://s3.amazonaws.com/echo.api/../invalid.path/echo-api-cert-13.pem",
        "https://s3.amazonaws.com:563/echo.api/echo-api-cert-13.pem",
        "https://s3.amazonaws.com:notaport/echo.api/echo-api-cert-13.pem",
    ],
)
def test_certificate_urls_breaking_a_rule_are_refused(client, signer, certificate_server, url):
    certificate_server[url] = signer.chain_pem()  # even with a good chain behind it
    assert post(client, body(), signer=signer, url=url).status_code == 400


@pytest.mark.parametrize(
    "url",
    [
        "https://s3.amazonaws.com/echo.api/echo-api-cert-13.pem",
        "HTTPS://s3.amazonaws.com/echo.api/echo-api-cert-13.pem",
        "https://S3.AMAZONAWS.COM/echo.api/echo-api-cert-13.pem",
        "https://s3.amazonaws.com:443/echo.api/echo-api-cert-13.pem",
        "https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert-13.pem",
    ],
)
def test_certificate_urls_alexa_allows_pass_the_url_rules_as_one_url(url):
    assert check_certificate_url(url) == "https://s3.amazonaws.com/echo.api/echo-api-cert-13.pem", "one cache entry"


@pytest.mark.parametrize(
    "issue",
    [
        {"san": "www.example.com"},
        {"not_after": NOW - datetime.timedelta(days=1), "not_before": NOW - datetime.timedelta(days=100)},
        {"not_before": NOW + datetime.timedelta(days=1), "not_after": NOW + datetime.timedelta(days=100)},
    ],
    ids=["wrong-san", "expired", "not-yet-valid"],
)
def test_bad_signing_certificates_are_refused(client, authority, certificate_server, issue):
    bad = authority.issue(**issue)
    url = f"https://s3.amazonaws.com/echo.api/{sorted(issue)[0]}-{id(bad)}.pem"
    certificate_server[url] = bad.chain_pem()
    assert post(client, body(), signer=bad, url=url).status_code == 400


def test_chain_to_an_untrusted_root_is_refused(client, certificate_server):
    stranger = Authority.create("Untrusted Root").issue()
    url = "https://s3.amazonaws.com/echo.api/untrusted.pem"
    certificate_server[url] = stranger.chain_pem()
    assert post(client, body(), signer=stranger, url=url).status_code == 400


def test_unreachable_certificate_url_is_refused(client, signer):
    url = "https://s3.amazonaws.com/echo.api/not-there.pem"
    assert post(client, body(), signer=signer, url=url).status_code == 400


def test_unreadable_certificate_chain_is_refused(client, signer, certificate_server):
    url = "https://s3.amazonaws.com/echo.api/garbage.pem"
    certificate_server[url] = b"this is not PEM"
    assert post(client, body(), signer=signer, url=url).status_code == 400


@pytest.mark.parametrize("seconds", [-151, 151, -3600, 86400])
def test_stale_and_future_timestamps_are_refused(client, signer, seconds):
    when = datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=seconds)
    assert post(client, body(timestamp=when), signer=signer).status_code == 400


def test_timestamp_within_the_window_is_served(client, signer):
    when = datetime.datetime.now(datetime.UTC) - datetime.timedelta(seconds=120)
    assert post(client, body(timestamp=when), signer=signer).status_code == 200


@pytest.mark.parametrize("header", ["SignatureCertChainUrl", "Signature-256"])
def test_missing_headers_are_refused(client, signer, header):
    assert post(client, body(), signer=signer, drop=header).status_code == 400


def test_another_skill_id_is_refused(client, signer):
    other = {"applicationId": "amzn1.ask.skill.00000000-1111-2222-3333-444444444444"}
    data = body(context__System__application=other, session__application=other)
    assert post(client, data, signer=signer).status_code == 400


@pytest.mark.parametrize(
    "data", [b"", b"not json", b"{}", b"[]", b"\xff\xfe"], ids=["empty", "text", "{}", "[]", "bytes"]
)
def test_malformed_bodies_are_refused(client, signer, data):
    assert post(client, data, signer=signer).status_code == 400


def test_oversized_body_is_refused(client):
    assert client.post("/", data=b"x" * (MAX_BODY_BYTES + 1)).status_code == 413


def test_health_check_and_method_not_allowed(client):
    assert client.get("/health").json == {"status": "ok"}
    assert client.get("/").status_code == 405


def test_verification_is_on_by_default_and_needs_a_skill_id(monkeypatch):
    monkeypatch.delenv("MMN_GUIDE_VERIFY_REQUESTS", raising=False)
    monkeypatch.delenv("SKILL_ID", raising=False)
    with pytest.raises(ValueError, match="SKILL_ID"):
        create_app()
    monkeypatch.setenv("SKILL_ID", FIXTURE_SKILL_ID)
    unsigned = create_app().test_client().post("/", data=body(), content_type="application/json")
    assert unsigned.status_code == 400


def test_verification_off_must_be_explicit_and_warns(monkeypatch, caplog):
    monkeypatch.setenv("MMN_GUIDE_VERIFY_REQUESTS", "false")
    monkeypatch.delenv("SKILL_ID", raising=False)
    with caplog.at_level(logging.WARNING):
        app = create_app()
    assert "verification is OFF" in caplog.text
    response = app.test_client().post("/", data=body(), content_type="application/json")
    assert response.status_code == 200


def test_the_web_app_imports_in_a_fresh_process_without_oscrypto():
    code = "import sys, web_endpoint.web; web_endpoint.web.create_app(verify=False); print('oscrypto' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_the_real_downloader_fetches_over_http_with_a_size_limit_and_fails_cleanly():
    """download() against a server on this machine (Amazon's certificate server cannot be reached here)."""
    import http.server
    import threading

    from web_endpoint.verification import MAX_CERT_CHAIN_BYTES, download

    bodies = {"/chain.pem": b"-----BEGIN CERTIFICATE-----\n", "/huge.pem": b"x" * (MAX_CERT_CHAIN_BYTES + 1)}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = bodies.get(self.path)
            self.send_response(200 if body else 404)
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        assert download(f"{base}/chain.pem") == bodies["/chain.pem"]
        with pytest.raises(ValueError, match="too large"):
            download(f"{base}/huge.pem")
        with pytest.raises(urllib.error.HTTPError):
            download(f"{base}/missing.pem")
    finally:
        server.shutdown()
        server.server_close()
    with pytest.raises(urllib.error.URLError):
        download(base)  # the server is gone: connection refused


def test_a_signed_request_for_another_skill_with_a_planted_dict_key_is_refused(client, signer):
    envelope = json.loads(body())
    envelope["context"]["System"]["application"] = {
        "applicationId": "amzn1.ask.skill.99999999-8888-7777-6666-555555555555",
        "__dict__": {"application_id": FIXTURE_SKILL_ID},
    }
    data = json.dumps(envelope).encode("utf-8")
    assert post(client, data, signer=signer).status_code == 400


def test_a_malformed_certificate_url_is_refused_not_an_error(client, signer):
    data = body()
    assert post(client, data, signer=signer, url="https://[s3.amazonaws.com/echo.api/cert").status_code == 400


def test_a_timestamp_without_a_time_zone_is_refused_not_an_error(client, signer):
    envelope = json.loads(body())
    envelope["request"]["timestamp"] = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S")
    data = json.dumps(envelope).encode("utf-8")
    assert post(client, data, signer=signer).status_code == 400


@pytest.mark.parametrize("data", [b"null", b"[]", b'{"request": 1}', json.dumps({"a": [[[[[[]]]]]] * 2}).encode()])
def test_a_body_that_is_not_an_envelope_is_refused(client, signer, data):
    assert post(client, data, signer=signer).status_code == 400


def test_a_refused_body_is_not_written_to_the_log(client, signer, caplog):
    secret = "amzn1.ask.account.SECRET-USER-ID"
    data = b'{"session": {"user": {"userId": "' + secret.encode() + b'"}}, "oops\nforged log line'
    with caplog.at_level(logging.DEBUG):
        assert post(client, data, signer=signer).status_code == 400
    assert secret not in caplog.text and "forged log line" not in caplog.text


def test_unsigned_requests_neither_download_nor_fill_the_certificate_cache(authority, certificate_server, signer):
    fetched = []

    def fetch(url: str) -> bytes:
        fetched.append(url)
        return certificate_server[CERT_URL]

    verifier = SignatureVerifier(fetch=fetch, roots=[authority.root])
    app = create_app(FIXTURE_SKILL_ID, verify=True, signature_verifier=verifier).test_client()
    data = body()
    for n in range(50):
        url = f"https://s3.amazonaws.com/echo.api/cert-{n}.pem"
        assert post(app, data, url=url, signature="not base64!").status_code == 400
        assert post(app, data, url=url, signature=signer.sign(data + b" ")).status_code == 400
    assert len(fetched) == 50, "a bad signature shape is refused before any download"
    assert len(verifier._cache) == 0, "only a chain that verified a signature is cached"
    assert post(app, data, signer=signer).status_code == 200
    assert len(verifier._cache) == 1


def test_a_chunked_body_over_the_limit_gets_413_as_a_sized_one_does(client):
    stream = io.BytesIO(b"x" * (MAX_BODY_BYTES + 8192))
    # As a WSGI server serves a chunked body: no Content-Length, and a terminated input stream.
    response = client.post(
        "/",
        input_stream=stream,
        headers={"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert response.status_code == 413


def test_the_web_endpoint_puts_safety_first_too():
    app = create_app(verify=False).test_client()
    envelope = fixture("question_red_flag_during_infusion")
    response = app.post("/", data=json.dumps(envelope), content_type="application/json")
    assert response.status_code == 200
    said = speech_of(response.json)
    assert said.startswith("Call 911 now. Stop the infusion") and said.endswith("Want me to say that again?")
    assert response.json["response"]["shouldEndSession"] is False
