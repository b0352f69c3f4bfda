"""AWS Signature Version 4, for the store's three DynamoDB calls.

botocore signs the same way, but importing it and making its client costs a cold start more than a whole
hello-world skill (``bench/lambda_package.py``); the store sends three kinds of call, so it signs them itself.
This is security code: ``tests/test_sigv4.py`` checks it against AWS's published test vectors and against
botocore's own signer, with and without a session token. It signs every header it is given, so a caller
passes only the headers AWS should see signed.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, quote, urlsplit

ALGORITHM = "AWS4-HMAC-SHA256"


@dataclass(frozen=True)
class Credentials:
    access_key: str
    secret_key: str = field(repr=False)  # secrets stay out of any log or traceback that shows the object
    token: str | None = field(default=None, repr=False)


def sign(
    method: str,
    url: str,
    headers: dict[str, str],
    body: bytes,
    credentials: Credentials,
    region: str,
    service: str,
    now: datetime.datetime,
) -> dict[str, str]:
    """``headers`` with the date, the session token if there is one, and the ``Authorization`` that signs them all
    (``Host`` is added from the URL when missing)."""
    parts = urlsplit(url)
    stamp = now.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    signed = {"Host": parts.netloc, **headers, "X-Amz-Date": stamp}
    if credentials.token:
        signed["X-Amz-Security-Token"] = credentials.token
    canonical = {name.lower(): " ".join(str(value).split()) for name, value in signed.items()}
    names = ";".join(sorted(canonical))
    request = "\n".join(
        [
            method,
            quote(parts.path or "/", safe="/-_.~"),
            _query(parts.query),
            "".join(f"{name}:{canonical[name]}\n" for name in sorted(canonical)),
            names,
            hashlib.sha256(body).hexdigest(),
        ]
    )
    scope = f"{stamp[:8]}/{region}/{service}/aws4_request"
    to_sign = "\n".join([ALGORITHM, stamp, scope, hashlib.sha256(request.encode()).hexdigest()])
    key = f"AWS4{credentials.secret_key}".encode()
    for part in (stamp[:8], region, service, "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    authorization = (
        f"{ALGORITHM} Credential={credentials.access_key}/{scope}, SignedHeaders={names}, Signature={signature}"
    )
    return {**signed, "Authorization": authorization}


def _query(query: str) -> str:
    pairs = parse_qsl(query, keep_blank_values=True)
    return "&".join(f"{quote(k, safe='-_.~')}={quote(v, safe='-_.~')}" for k, v in sorted(pairs))
