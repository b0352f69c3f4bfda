"""The store's Signature V4 signer (skill/store/sigv4.py): AWS's published test vectors (the aws-sig-v4 test suite's
example credentials, date and signatures), and botocore's own signer on the store's real requests."""

from __future__ import annotations

import datetime
import json

import botocore.auth
import botocore.credentials
import pytest
from botocore.awsrequest import AWSRequest

from skill.store.sigv4 import Credentials, sign

EXAMPLE = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
WHEN = datetime.datetime(2015, 8, 30, 12, 36, tzinfo=datetime.UTC)
SCOPE = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "


@pytest.mark.parametrize(
    ("method", "url", "signature"),
    [
        ("GET", "https://example.amazonaws.com/", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        (
            "GET",
            "https://example.amazonaws.com/?Param2=value2&Param1=value1",
            "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
        ),
        ("POST", "https://example.amazonaws.com/", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
    ],
    ids=["get-vanilla", "get-vanilla-query-order-key-case", "post-vanilla"],
)
def test_the_published_vectors(method, url, signature):
    headers = sign(method, url, {}, b"", EXAMPLE, "us-east-1", "service", WHEN)
    assert headers["Authorization"] == f"{SCOPE}SignedHeaders=host;x-amz-date, Signature={signature}"
    assert headers["X-Amz-Date"] == "20150830T123600Z"
    assert headers["Host"] == "example.amazonaws.com"


def by_botocore(url: str, headers: dict[str, str], body: bytes, credentials: Credentials, monkeypatch) -> str:
    monkeypatch.setattr(botocore.auth, "get_current_datetime", lambda: WHEN.replace(tzinfo=None))
    request = AWSRequest(method="POST", url=url, headers=dict(headers), data=body)
    keys = botocore.credentials.Credentials(credentials.access_key, credentials.secret_key, credentials.token)
    botocore.auth.SigV4Auth(keys, "dynamodb", "eu-west-1").add_auth(request)
    return request.headers["Authorization"]


@pytest.mark.parametrize("token", [None, "IQoJb3JpZ2luX2VjEXAMPLE//token+with/slashes=="], ids=["keys", "session"])
@pytest.mark.parametrize(
    "url",
    # An endpoint from AWS_ENDPOINT_URL_DYNAMODB often has no path at all: it is signed as "/".
    ["https://dynamodb.eu-west-1.amazonaws.com/", "http://127.0.0.1:8000"],
    ids=["aws", "local-without-path"],
)
def test_the_stores_requests_sign_as_botocore_signs_them(url, token, monkeypatch):
    credentials = Credentials("AKIAEXAMPLE", "secret/with+symbols", token)
    body = json.dumps({"TableName": "listeners", "Key": {"id": {"S": "k\u00e9y \u2713"}}}, ensure_ascii=False).encode()
    headers = {"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "DynamoDB_20120810.GetItem"}
    ours = sign("POST", url, headers, body, credentials, "eu-west-1", "dynamodb", WHEN)
    assert ours["Authorization"] == by_botocore(url, headers, body, credentials, monkeypatch)
    assert ours.get("X-Amz-Security-Token") == token
    assert ("x-amz-security-token" in ours["Authorization"]) == bool(token)


def test_any_change_to_what_is_signed_changes_the_signature():
    url, headers = "https://example.amazonaws.com/", {"X-Amz-Target": "DynamoDB_20120810.GetItem"}
    base = ("POST", url, headers, b"{}", EXAMPLE, "us-east-1", "dynamodb", WHEN)
    changes = {1: "https://other.amazonaws.com/", 2: {"X-Amz-Target": "x"}, 3: b"{ }", 5: "us-west-2", 6: "ddb"}
    changes[7] = WHEN + datetime.timedelta(seconds=1)
    variants = [base, *(base[:i] + (value,) + base[i + 1 :] for i, value in changes.items())]
    assert len({sign(*variant)["Authorization"] for variant in variants}) == len(variants)


def test_the_secret_never_shows_in_a_repr():
    assert "EXAMPLEKEY" not in repr(EXAMPLE)
    assert "token+with" not in repr(Credentials("a", "b", "token+with"))
