"""What the stores share: the key a listener's record is filed under, its stamp, and when it expires.

The key is an HMAC-SHA256 of the Alexa user id under a secret the deployer
holds (a stack parameter on AWS; a file made once in ``.local`` elsewhere), so
the table never holds the id, and no one with a user id but not the secret can
find that user's record.

Every item carries a stamp: ``gen``, made when the item is made (an erased
record, made again, has a new one), and ``version``, new at every write. A
session keeps the stamp it read, sealed with the same secret, so the store
can tell a stamp it gave from one a forged session made up (``versioned.py``).

A record no one has used for ``KEEP_DAYS`` expires (DynamoDB's TTL on AWS;
pruned when the local store opens); a read treats an item past its expiry as
absent, as TTL deletes it only within a few days.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from dataclasses import dataclass
from typing import Any

from ask_sdk_core.exceptions import PersistenceException
from ask_sdk_model import RequestEnvelope

KEEP_DAYS = 400
ERASED_KEEP_SECONDS = 86400  # an erasure's marker outlives any session that was open when it was made
EXPIRES = "expires"  # the TTL attribute: seconds since the epoch
_TOKEN = re.compile(r"[0-9a-f]{32}")
_SEAL = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Stamp:
    gen: str
    version: str


@dataclass(frozen=True)
class Item:
    """A stored item as a read finds it. ``record`` is None when it cannot be read; ``erased`` marks the item an
    erasure left in place of the record, so that a session open since then cannot write it back."""

    record: dict[str, Any] | None
    stamp: Stamp
    erased: bool = False


def key_of(envelope: RequestEnvelope, secret: bytes) -> str:
    """The listener's key: an HMAC-SHA256, under the store's secret, of the user id Alexa sends."""
    system = envelope.context.system if envelope.context else None
    user = system.user if system else None
    if user is None or not isinstance(user.user_id, str) or not user.user_id:
        raise PersistenceException("the request names no user")
    try:
        user_id = user.user_id.encode("utf-8")
    except UnicodeEncodeError as error:
        raise PersistenceException("the user id is not valid text") from error
    return hmac.new(secret, user_id, hashlib.sha256).hexdigest()


def new_token() -> str:
    return secrets.token_hex(16)


def is_token(value: Any) -> bool:
    return isinstance(value, str) and _TOKEN.fullmatch(value) is not None


def seal(secret: bytes, key: str, stamp: Stamp | None) -> str:
    """What proves a session's stamp came from this store, for this listener (no stamp: there was no record)."""
    text = f"{key}|{stamp.gen}|{stamp.version}" if stamp else f"{key}|none"
    return hmac.new(secret, text.encode("ascii"), hashlib.sha256).hexdigest()


def stamp_to_session(stamp: Stamp | None, sealed: str) -> dict[str, str]:
    return {"gen": stamp.gen, "version": stamp.version, "seal": sealed} if stamp else {"seal": sealed}


def stamp_from_session(value: Any) -> tuple[Stamp | None, str] | None:
    """The stamp and seal a session carries, if they are exactly the shape the store gives; else None."""
    if not isinstance(value, dict) or not isinstance(value.get("seal"), str) or not _SEAL.fullmatch(value["seal"]):
        return None
    if set(value) == {"seal"}:
        return None, value["seal"]
    gen, version = value.get("gen"), value.get("version")
    if set(value) != {"gen", "version", "seal"} or not all(token == "" or is_token(token) for token in (gen, version)):
        return None
    return Stamp(gen, version), value["seal"]


def expiry(now: float | None = None, seconds: int = KEEP_DAYS * 86400) -> int:
    """When a record written now expires."""
    return int((time.time() if now is None else now) + seconds)
