"""Where each listener's record lives: DynamoDB on AWS, a local file everywhere else.

Both stores are ASK SDK persistence adapters, so the skill reads and writes the
record through ``attributes_manager.persistent_attributes`` whatever the
store. ``store_from_environment`` picks one: ``MMN_GUIDE_TABLE`` names the
DynamoDB table (the SAM template sets it); without it, the record is kept in
a local file (``MMN_GUIDE_LOCAL_STORE``, default ``.local/listeners.sqlite3``).
"""

from __future__ import annotations

import os
from pathlib import Path

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter

TABLE_ENV = "MMN_GUIDE_TABLE"
LOCAL_STORE_ENV = "MMN_GUIDE_LOCAL_STORE"
DEFAULT_LOCAL_STORE = Path(".local") / "listeners.sqlite3"


def store_from_environment() -> AbstractPersistenceAdapter:
    table = os.environ.get(TABLE_ENV)
    if table:
        from .dynamodb import DynamoDbStore

        return DynamoDbStore(table)
    from .local import LocalStore

    return LocalStore(Path(os.environ.get(LOCAL_STORE_ENV) or DEFAULT_LOCAL_STORE))
