"""Conditional writes, shared by both stores: a session's end never undoes an erasure or loses another session's
changes.

A session reads the listener's item once, at its start, and keeps its stamp
(``record.py``), sealed. At its end it writes only if the item still has that
stamp's version. If not, another session wrote or erased it meanwhile, and
the store reads it again:
- gone, an erasure's marker, or of another generation: the record was erased
  after the session began, and the erasure wins: nothing is written;
- otherwise the session's changes (only the fields it changed, through the
  ``REBASE`` function it passes) are applied to the record as it is now, and
  written on the same condition; at most ``ATTEMPTS`` times in all.

Erasing replaces the record, at once, with a marker that holds no data and
expires in a day. An item that cannot be read is replaced by the next write.
Every operation runs within one deadline (``deadline.py``).
"""

from __future__ import annotations

import hmac
from typing import Any

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.exceptions import PersistenceException
from ask_sdk_model import RequestEnvelope

from .deadline import within
from .record import Item, Stamp, key_of, new_token, seal, stamp_from_session, stamp_to_session

RECORD, STAMP, REBASE = "record", "stamp", "rebase"  # the keys of what the skill reads and writes
ATTEMPTS = 5  # each conflict lets one writer through: five sessions ending at once all get theirs written
ANY = object()  # an unconditional write


class VersionedStore(AbstractPersistenceAdapter):
    """What a store adds: ``_read`` an item, and ``_put`` a record (None: an erasure's marker) with a new stamp
    if the item is still at ``expected`` (None: absent; ``ANY``: whatever it is), saying whether it did."""

    call_seconds = 1.0  # each operation's deadline: connecting, sending and reading, retries included

    def __init__(self, secret: bytes):
        self.secret = secret

    def _read(self, key: str) -> Item | None:
        raise NotImplementedError

    def _key(self, request_envelope: RequestEnvelope) -> str:
        if not self.secret:
            raise PersistenceException("the store has no key secret")
        return key_of(request_envelope, self.secret)

    def _put(self, key: str, record: dict[str, Any] | None, stamp: Stamp, expected: Any) -> bool:
        raise NotImplementedError

    def get_attributes(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
        """``RECORD``: the record ({} for none, None when unreadable); ``STAMP``: what the session keeps."""
        key = self._key(request_envelope)
        with within(self.call_seconds):
            item = self._read(key)
        stamp = item.stamp if item else None
        record = {} if item is None or item.erased else item.record
        return {RECORD: record, STAMP: stamp_to_session(stamp, seal(self.secret, key, stamp))}

    def save_attributes(self, request_envelope: RequestEnvelope, attributes: dict[str, Any]) -> None:
        """Write ``RECORD`` if the item is still as the session's ``STAMP`` found it; else ``REBASE`` it."""
        key = self._key(request_envelope)
        read = stamp_from_session(attributes.get(STAMP))
        if read is None or not hmac.compare_digest(read[1], seal(self.secret, key, read[0])):
            raise PersistenceException("the session's stamp is not the store's")
        expected, record, rebase = read[0], attributes[RECORD], attributes[REBASE]
        with within(self.call_seconds):
            for _ in range(ATTEMPTS):
                stamp = Stamp(expected.gen if expected and expected.gen else new_token(), new_token())
                if self._put(key, record, stamp, expected):
                    return
                current = self._read(key)
                if current is None or current.erased or (expected is not None and current.stamp.gen != expected.gen):
                    return  # erased since the session read it: the erasure wins
                record, expected = rebase(current.record or {}), current.stamp
        raise PersistenceException("write failed: the record kept changing")

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        key = self._key(request_envelope)
        with within(self.call_seconds):
            self._put(key, None, Stamp(new_token(), new_token()), ANY)
