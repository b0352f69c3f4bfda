"""The speed mechanisms change no answer, and each stays in place (issue 18, section 4).

Answers are compared byte for byte over a fixed set of full envelopes (``eval_tools/answer_set.py``) with the
mechanism and without it: the web endpoint's own reading of a request against the SDK's stock handler, and the
ranker's shipped, fast BM25 index against one built at start-up that scores by the plain definition.
``bench/same_answers.py`` compares the same set against an earlier commit. No timing is asserted.
"""

from __future__ import annotations

import datetime
import itertools
import json
import urllib.error

import pytest
from certificates import CERT_URL, NOW, Authority
from conftest import FIXTURE_SKILL_ID
from test_bm25 import plain_scores

from eval_tools.answer_set import answer_text, envelopes
from skill.app import build_skill
from skill.content import load_content, supported_locales
from skill.gateway import handle_event
from skill.understanding import classifier, embeddings, gate, ranker, snapshot
from skill.understanding.bm25 import Bm25
from web_endpoint import verification
from web_endpoint.verification import SignatureVerifier
from web_endpoint.web import create_app

NAMED = envelopes()
FIXTURE_SET = {name: envelope for name, envelope in NAMED.items() if " corpus " not in name}
# Every third utterance of the corpora, as free text: enough to meet every kind of verdict.
CORPUS_SET = dict(itertools.islice(((n, e) for n, e in NAMED.items() if " corpus " in n), 0, None, 3))


class PlainBm25(Bm25):
    """BM25 built at start-up, scored and ranked by the definitions, with none of the fast paths."""

    def scores(self, query):
        return plain_scores(self, query)

    def top(self, query, count):
        ranked = sorted(self.scores(query).items(), key=lambda item: (-item[1], item[0]))
        return ranked[:count]


def test_answers_through_lambda_are_those_of_the_plain_index(monkeypatch):
    skill = build_skill()
    named = {**FIXTURE_SET, **CORPUS_SET}
    fast = {name: answer_text(handle_event(skill, envelope)) for name, envelope in named.items()}
    plain = ranker.Ranker(
        load_content(supported_locales("en")[0]),
        read_before=snapshot.read("en"),
        learned=classifier.load("en"),
        index_of_documents=PlainBm25,
        meanings=embeddings.load("en"),
        answer_gate=gate.load("en"),
    )
    monkeypatch.setattr(ranker, "_ranker", lambda language: plain)
    slow = {name: answer_text(handle_event(skill, envelope)) for name, envelope in named.items()}
    assert [name for name in named if fast[name] != slow[name]] == []


def test_the_web_endpoint_answers_as_the_sdks_own_handler_does():
    app = create_app(verify=False, skill=build_skill())
    client = app.test_client()
    stock = app.extensions["ASK_SDK_SKILL_ADAPTER"]["unverified"]._webservice_handler
    named = {**FIXTURE_SET, **dict(itertools.islice(CORPUS_SET.items(), 0, None, 5))}
    differ = []
    for name, envelope in named.items():
        body = json.dumps(envelope)
        served = client.post("/", data=body, content_type="application/json")
        if served.status_code != 200:
            with pytest.raises(Exception):  # noqa: B017, PT011 (whatever the SDK raises, the endpoint refused it)
                stock.verify_request_and_dispatch(http_request_headers={}, http_request_body=body)
            continue
        theirs = stock.verify_request_and_dispatch(http_request_headers={}, http_request_body=body)
        if answer_text(served.get_json()) != answer_text(theirs):
            differ.append(name)
    assert differ == []


@pytest.fixture(scope="module")
def authority():
    return Authority.create()


def signed_client(authority, signer, fetched: list[str], clock=verification.utc_now):
    def fetch(url: str) -> bytes:
        fetched.append(url)
        if url != CERT_URL:
            raise urllib.error.URLError("connection refused")
        return signer.chain_pem()

    verifier = SignatureVerifier(fetch=fetch, roots=[authority.root], clock=clock)
    return create_app(FIXTURE_SKILL_ID, verify=True, signature_verifier=verifier, skill=build_skill(FIXTURE_SKILL_ID))


def signed_post(client, signer, tamper: bool = False):
    envelope = NAMED["en-US launch_request"]
    envelope = {**envelope, "request": {**envelope["request"], "timestamp": _now_text()}}
    data = json.dumps(envelope).encode("utf-8")
    headers = {"SignatureCertChainUrl": CERT_URL, "Signature-256": signer.sign(data)}
    return client.post("/", data=data + (b" " if tamper else b""), headers=headers, content_type="application/json")


def _now_text() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_a_certificate_chain_is_fetched_and_verified_once_not_on_every_request(authority, monkeypatch):
    built = []
    real = verification.PolicyBuilder
    monkeypatch.setattr(verification, "PolicyBuilder", lambda: built.append(1) or real())
    fetched: list[str] = []
    signer = authority.issue()
    client = signed_client(authority, signer, fetched).test_client()
    for _ in range(5):
        assert signed_post(client, signer).status_code == 200
    assert (len(fetched), len(built)) == (1, 1)
    # The chain is cached, the body is still checked against its key on every request.
    assert signed_post(client, signer, tamper=True).status_code == 400


def test_a_cached_chain_is_verified_again_once_it_has_expired(authority):
    signer = authority.issue(not_after=NOW + datetime.timedelta(days=1))
    now = [NOW]
    fetched: list[str] = []
    client = signed_client(authority, signer, fetched, clock=lambda: now[0]).test_client()
    assert signed_post(client, signer).status_code == 200
    now[0] = NOW + datetime.timedelta(days=2)
    assert signed_post(client, signer).status_code == 400
    assert len(fetched) == 2


def test_the_web_endpoint_reads_only_what_the_skill_reads_as_lambda_does():
    """The parts of the context the skill never reads are left unread: a shape the SDK's reader refuses there
    costs nothing and changes nothing, on the web as on Lambda."""
    client = create_app(verify=False, skill=build_skill()).test_client()
    envelope = NAMED["en-US question_free_text"]
    odd = {**envelope, "context": {**envelope["context"], "Viewports": "not a list of viewports"}}
    plain = client.post("/", data=json.dumps(envelope), content_type="application/json")
    served = client.post("/", data=json.dumps(odd), content_type="application/json")
    assert served.status_code == 200
    assert answer_text(served.get_json()) == answer_text(plain.get_json())
