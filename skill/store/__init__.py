"""Where each listener's record lives: DynamoDB on AWS, a local file everywhere else.

Both stores are ASK SDK persistence adapters, so the skill reads and writes the
record through ``attributes_manager.persistent_attributes`` whatever the
store. ``store_from_environment`` picks one: ``MMN_GUIDE_TABLE`` names the
DynamoDB table and ``MMN_GUIDE_KEY_SECRET`` the secret its keys are made with
(the SAM template sets both); without a table, the record is kept in a local
file (``MMN_GUIDE_LOCAL_STORE``, default ``.local/listeners.sqlite3``).
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter

TABLE_ENV = "MMN_GUIDE_TABLE"
SECRET_ENV = "MMN_GUIDE_KEY_SECRET"
LOCAL_STORE_ENV = "MMN_GUIDE_LOCAL_STORE"
DEFAULT_LOCAL_STORE = Path(".local") / "listeners.sqlite3"

logger = logging.getLogger(__name__)


def store_from_environment() -> AbstractPersistenceAdapter | None:
    """The store the environment names; None (nothing remembered, and an error logged) for a table without a
    usable secret, so the skill still answers."""
    table = os.environ.get(TABLE_ENV)
    if table:
        secret = os.environ.get(SECRET_ENV, "")
        if not re.fullmatch(r"[0-9a-f]{64}", secret):
            logger.error("listener store off: %s is not 64 hex digits", SECRET_ENV)
            return None
        from .dynamodb import DynamoDbStore

        return DynamoDbStore(table, bytes.fromhex(secret))
    from .local import LocalStore

    return LocalStore(Path(os.environ.get(LOCAL_STORE_ENV) or DEFAULT_LOCAL_STORE))
