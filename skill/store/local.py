"""The listener store for the console and the self-hosted web app: an SQLite file, no server.

SQLite locks the file for each write, so two processes (two consoles, or
several web workers) can share it safely; a call waits for the lock no longer
than its deadline (``call_seconds``), then gives up, and the skill answers
with defaults. A
conditional write reads the stamp and writes in one transaction that holds
the write lock from its start. Records past their expiry are deleted when the
store opens. The key's secret is made once, beside the file, readable by its
owner only.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ask_sdk_core.exceptions import PersistenceException

from .deadline import remaining, within
from .record import ERASED_KEEP_SECONDS, Item, Stamp, expiry
from .versioned import ANY, VersionedStore

logger = logging.getLogger(__name__)

SECRET_NAME = "listener-key"
# The table of bare SHA-256 keys, before keys were HMACs: its records can no longer be found, so it goes.
_OLD_TABLE = "DROP TABLE IF EXISTS listeners"
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS records (id TEXT PRIMARY KEY, record TEXT, gen TEXT NOT NULL, "
    "version TEXT NOT NULL, erased INTEGER NOT NULL DEFAULT 0, expires INTEGER NOT NULL)"
)


class LocalStore(VersionedStore):
    # Waiting for another process's lock: the console and the web endpoint (Alexa waits 8 s) can wait longer
    # than a Lambda turn, and two consoles or web workers at once should both keep their records.
    call_seconds = 3.0

    def __init__(self, path: Path):
        self.path = path
        secret = b""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            secret = _secret(path.parent / SECRET_NAME)
            with within(self.call_seconds), self._connection() as db:
                db.execute(_OLD_TABLE)
                db.execute(_SCHEMA)
                db.execute("DELETE FROM records WHERE expires < ?", (int(time.time()),))
        except (OSError, ValueError, PersistenceException) as error:
            # The skill still answers, with defaults; each read or write then fails the same way and says so.
            logger.warning("local listener store unavailable: %s", type(error).__name__)
        super().__init__(secret)

    def _read(self, key: str) -> Item | None:
        with self._connection() as db:
            row = db.execute(
                "SELECT record, gen, version, erased, expires FROM records WHERE id = ?", (key,)
            ).fetchone()
        return None if row is None else _item(*row)

    def _put(self, key: str, record: dict[str, Any] | None, stamp: Stamp, expected: Any) -> bool:
        text = None if record is None else json.dumps(record, separators=(",", ":"))
        expires = expiry(seconds=ERASED_KEEP_SECONDS) if record is None else expiry()
        with self._connection() as db:
            db.execute("BEGIN IMMEDIATE")
            row = db.execute("SELECT version FROM records WHERE id = ?", (key,)).fetchone()
            if expected is not ANY and (row is None) != (expected is None):
                return False
            if expected is not ANY and expected is not None and expected.version and row[0] != expected.version:
                return False
            db.execute(
                "INSERT OR REPLACE INTO records (id, record, gen, version, erased, expires) VALUES (?, ?, ?, ?, ?, ?)",
                (key, text, stamp.gen, stamp.version, int(record is None), expires),
            )
        return True

    @contextlib.contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        """One short-lived connection per call, committed on success; SQLite's errors become the SDK's."""
        try:
            db = sqlite3.connect(self.path, timeout=remaining(), isolation_level=None)
            try:
                yield db
                if db.in_transaction:
                    db.execute("COMMIT")
            finally:
                db.close()
        except sqlite3.Error as error:
            raise PersistenceException(f"local store failed: {type(error).__name__}") from error


def _item(text: str | None, gen: str, version: str, erased: int, expires: int) -> Item:
    stamp = Stamp(gen, version)
    if erased or expires < time.time():
        return Item({}, stamp, erased=True)
    try:
        record = json.loads(text or "")
    except ValueError:
        record = None
    return Item(record if isinstance(record, dict) else None, stamp)


def _secret(path: Path) -> bytes:
    """The key's secret, made at the first use: written whole to a private file, then linked into place, so
    a process starting at the same moment reads either none or all of it."""
    if not path.exists():
        draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        draft.touch(mode=0o600)
        draft.write_text(secrets.token_hex(32))
        try:
            os.link(draft, path)
        except FileExistsError:
            pass  # another process made it first: use theirs
        finally:
            draft.unlink()
    return bytes.fromhex(path.read_text().strip())
