"""The listener store on AWS: one DynamoDB item per listener, through a botocore client.

A low-level botocore client rather than boto3's resource layer (which the
stock ``ask-sdk-dynamodb-persistence-adapter`` uses): the record is one JSON
string, so the resource layer's type conversion buys nothing, and loading it
costs a cold start a good share of its time (see ``bench/lambda_package.py``).
The client is made once, when the skill is built; each call is bounded by short
timeouts and a single attempt, so a store that is down or slow costs a turn
under a second, and the skill answers with defaults.
"""

from __future__ import annotations

import json
from typing import Any

import botocore.session
from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.exceptions import PersistenceException
from ask_sdk_model import RequestEnvelope
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from botocore.stub import Stubber

from .record import EXPIRES, expiry, key_of

KEY = "id"
RECORD = "record"
# connect + read stay under a second in all, with one attempt: a retry would break the bound.
CLIENT_CONFIG = Config(
    connect_timeout=0.3,
    read_timeout=0.6,
    retries={"total_max_attempts": 1, "mode": "standard"},
    parameter_validation=False,
)


class DynamoDbStore(AbstractPersistenceAdapter):
    def __init__(self, table: str, *, endpoint_url: str | None = None, region: str | None = None):
        self.table = table
        session = botocore.session.get_session()
        self.client = session.create_client(
            "dynamodb", endpoint_url=endpoint_url, region_name=region, config=CLIENT_CONFIG
        )

    def get_attributes(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
        item = self._call("get_item", Key=self._key(request_envelope)).get("Item")
        if not item:
            return {}
        try:
            record = json.loads(item[RECORD]["S"])
        except (KeyError, TypeError, ValueError) as error:
            raise PersistenceException("the stored record is unreadable") from error
        return record if isinstance(record, dict) else {}

    def save_attributes(self, request_envelope: RequestEnvelope, attributes: dict[str, Any]) -> None:
        item = {
            **self._key(request_envelope),
            RECORD: {"S": json.dumps(attributes, separators=(",", ":"))},
            EXPIRES: {"N": str(expiry())},
        }
        self._call("put_item", Item=item)

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        self._call("delete_item", Key=self._key(request_envelope))

    def prime(self) -> None:
        """Have the client do, offline, the work of its first calls (checking and serialising the request,
        resolving the endpoint), so a listener's first read pays for the network only."""
        with Stubber(self.client) as stubber:
            for operation in ("get_item", "put_item", "delete_item"):
                stubber.add_response(operation, {})
            key = {KEY: {"S": "warm-up"}}
            self.client.get_item(TableName=self.table, Key=key)
            self.client.put_item(TableName=self.table, Item={**key, RECORD: {"S": "{}"}, EXPIRES: {"N": "0"}})
            self.client.delete_item(TableName=self.table, Key=key)

    def _key(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
        return {KEY: {"S": key_of(request_envelope)}}

    def _call(self, operation: str, **arguments: Any) -> dict[str, Any]:
        try:
            return getattr(self.client, operation)(TableName=self.table, **arguments)
        except (BotoCoreError, ClientError) as error:
            # The error's class only: its message can quote the key.
            raise PersistenceException(f"{operation} failed: {type(error).__name__}") from error
