"""A smoke test of the store's own signed client against a real DynamoDB table, in a real account: run once after
a deploy (or after changing skill/store/sigv4.py), with the credentials and region of someone allowed to use the
table, e.g. those of ``aws configure export-credentials --format env``:

    MMN_GUIDE_SMOKE_TABLE=<the stack's table> .venv/bin/python -m pytest tests/test_store_smoke.py

Skipped without ``MMN_GUIDE_SMOKE_TABLE``. It writes, reads back and erases one record of a made-up listener, under
a key secret of its own, so it never touches a real listener's record: AWS accepts the signature (a wrong one is
refused with an error the store reports), the session token included, and erasure leaves only its marker.
"""

from __future__ import annotations

import os
import secrets

import pytest
from ask_sdk_model import Context, RequestEnvelope
from ask_sdk_model.interfaces.system import SystemState
from ask_sdk_model.user import User

from skill.store.dynamodb import DynamoDbStore
from skill.store.versioned import REBASE, RECORD, STAMP

TABLE = os.environ.get("MMN_GUIDE_SMOKE_TABLE")
pytestmark = pytest.mark.skipif(not TABLE, reason="MMN_GUIDE_SMOKE_TABLE names no real table")


def test_a_record_is_written_read_back_and_erased_in_the_real_table():
    store = DynamoDbStore(TABLE, secrets.token_bytes(32))
    assert store.url.startswith("https://"), "a real endpoint, not a local one"
    listener = RequestEnvelope(
        context=Context(system=SystemState(user=User(user_id=f"amzn1.ask.account.smoke-{secrets.token_hex(8)}")))
    )
    first = store.get_attributes(listener)
    assert first[RECORD] == {}
    store.save_attributes(listener, {**first, RECORD: {"rate": 90}, REBASE: lambda current: current})
    again = store.get_attributes(listener)
    assert again[RECORD] == {"rate": 90} and again[STAMP]
    store.delete_attributes(listener)
    assert store.get_attributes(listener)[RECORD] == {}
