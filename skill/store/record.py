"""What the stores share: the key a listener's record is filed under, and when a record expires.

The key is a hash of the Alexa user id, so the table never holds the id itself.
A record no one has used for ``KEEP_DAYS`` expires (DynamoDB's TTL on AWS; pruned
when the local store opens).
"""

from __future__ import annotations

import hashlib
import time

from ask_sdk_core.exceptions import PersistenceException
from ask_sdk_model import RequestEnvelope

KEEP_DAYS = 400
EXPIRES = "expires"  # the TTL attribute: seconds since the epoch


def key_of(envelope: RequestEnvelope) -> str:
    """The listener's key: a SHA-256 of the user id Alexa sends."""
    system = envelope.context.system if envelope.context else None
    user = system.user if system else None
    if user is None or not user.user_id:
        raise PersistenceException("the request names no user")
    return hashlib.sha256(user.user_id.encode("utf-8")).hexdigest()


def expiry(now: float | None = None) -> int:
    """When a record written now expires."""
    return int((time.time() if now is None else now) + KEEP_DAYS * 86400)
