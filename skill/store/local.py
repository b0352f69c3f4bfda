"""The listener store for the console and the self-hosted web app: an SQLite file, no server.

SQLite locks the file for each write, so two processes (two consoles, or
several web workers) can share it safely; a writer waits up to a second for
the lock, then gives up, and the skill answers with defaults. Records past
their expiry are deleted when the store opens.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.exceptions import PersistenceException
from ask_sdk_model import RequestEnvelope

from .record import expiry, key_of

logger = logging.getLogger(__name__)

LOCK_WAIT_SECONDS = 1.0
_SCHEMA = "CREATE TABLE IF NOT EXISTS listeners (id TEXT PRIMARY KEY, record TEXT NOT NULL, expires INTEGER NOT NULL)"


class LocalStore(AbstractPersistenceAdapter):
    def __init__(self, path: Path):
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with self._connection() as db:
                db.execute(_SCHEMA)
                db.execute("DELETE FROM listeners WHERE expires < ?", (int(time.time()),))
        except (OSError, PersistenceException) as error:
            # The skill still answers, with defaults; each read or write then fails the same way and says so.
            logger.warning("local listener store unavailable: %s", type(error).__name__)

    def get_attributes(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
        with self._connection() as db:
            row = db.execute("SELECT record FROM listeners WHERE id = ?", (key_of(request_envelope),)).fetchone()
        if row is None:
            return {}
        try:
            record = json.loads(row[0])
        except ValueError as error:
            raise PersistenceException("the stored record is unreadable") from error
        return record if isinstance(record, dict) else {}

    def save_attributes(self, request_envelope: RequestEnvelope, attributes: dict[str, Any]) -> None:
        with self._connection() as db:
            db.execute(
                "INSERT OR REPLACE INTO listeners (id, record, expires) VALUES (?, ?, ?)",
                (key_of(request_envelope), json.dumps(attributes, separators=(",", ":")), expiry()),
            )

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        with self._connection() as db:
            db.execute("DELETE FROM listeners WHERE id = ?", (key_of(request_envelope),))

    @contextlib.contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        """One short-lived connection per call, committed on success; SQLite's errors become the SDK's."""
        try:
            db = sqlite3.connect(self.path, timeout=LOCK_WAIT_SECONDS)
            try:
                with db:
                    yield db
            finally:
                db.close()
        except sqlite3.Error as error:
            raise PersistenceException(f"local store failed: {type(error).__name__}") from error
