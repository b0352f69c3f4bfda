"""The listener store on AWS: one DynamoDB item per listener, through a botocore client.

A low-level botocore client rather than boto3's resource layer (which the
stock ``ask-sdk-dynamodb-persistence-adapter`` uses): the record is one JSON
string, so the resource layer's type conversion buys nothing, and loading it
costs a cold start a good share of its time (see ``bench/lambda_package.py``).
The client is made once, when the skill is built, makes a single attempt, and
sends through ``sender.py``, so each call has a total deadline. Reads are
strongly consistent and writes conditional on the stamp (``versioned.py``).
botocore logs whole requests at DEBUG, the key and the record among them, so
its loggers are held at WARNING whatever the entry point sets.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

import botocore.session
from ask_sdk_core.exceptions import PersistenceException
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from botocore.httpsession import get_cert_path
from botocore.stub import Stubber

from .record import ERASED_KEEP_SECONDS, EXPIRES, Item, Stamp, expiry, is_token
from .sender import DeadlineSender
from .versioned import ANY, VersionedStore

KEY = "id"
RECORD = "record"
GEN, VERSION, ERASED = "gen", "version", "erased"
QUIET_LOGGERS = ("botocore", "urllib3")
CLIENT_CONFIG = Config(
    connect_timeout=1.0,  # the deadline (sender.py) is the bound that matters; these are only a backstop
    read_timeout=1.0,
    retries={"total_max_attempts": 1, "mode": "standard"},  # a retry would break the bound
    parameter_validation=False,
)

for _name in QUIET_LOGGERS:
    logging.getLogger(_name).setLevel(logging.WARNING)


class DynamoDbStore(VersionedStore):
    def __init__(self, table: str, secret: bytes, *, endpoint_url: str | None = None, region: str | None = None):
        super().__init__(secret)
        self.table = table
        session = botocore.session.get_session()
        self.client = session.create_client(
            "dynamodb", endpoint_url=endpoint_url, region_name=region, config=CLIENT_CONFIG
        )
        # The certificates botocore itself would trust: AWS_CA_BUNDLE or the config's ca_bundle, else its own.
        ca_bundle = session.get_config_variable("ca_bundle") or get_cert_path(True)
        self.client.meta.events.register("before-send.dynamodb", DeadlineSender(ca_bundle))

    def _read(self, key: str) -> Item | None:
        item = self._call("get_item", Key={KEY: {"S": key}}, ConsistentRead=True).get("Item")
        if not item:
            return None
        stamp = Stamp(_token(item.get(GEN)), _token(item.get(VERSION)))
        if item.get(ERASED) == {"BOOL": True} or _expired(item.get(EXPIRES)):
            return Item({}, stamp, erased=True)
        try:
            record = json.loads(item[RECORD]["S"])
        except (KeyError, TypeError, ValueError):
            record = None
        return Item(record if isinstance(record, dict) else None, stamp)

    def _put(self, key: str, record: dict[str, Any] | None, stamp: Stamp, expected: Any) -> bool:
        item: dict[str, Any] = {KEY: {"S": key}, GEN: {"S": stamp.gen}, VERSION: {"S": stamp.version}}
        if record is None:
            item.update({ERASED: {"BOOL": True}, EXPIRES: {"N": str(expiry(seconds=ERASED_KEEP_SECONDS))}})
        else:
            item.update({RECORD: {"S": json.dumps(record, separators=(",", ":"))}, EXPIRES: {"N": str(expiry())}})
        condition: dict[str, Any] = {}
        if expected is None:
            condition = {"ConditionExpression": "attribute_not_exists(#k)", "ExpressionAttributeNames": {"#k": KEY}}
        elif expected is not ANY and expected.version:
            condition = {
                "ConditionExpression": "#v = :v",
                "ExpressionAttributeNames": {"#v": VERSION},
                "ExpressionAttributeValues": {":v": {"S": expected.version}},
            }
        elif expected is not ANY:  # an item with no readable version: whatever is there is replaced
            condition = {"ConditionExpression": "attribute_exists(#k)", "ExpressionAttributeNames": {"#k": KEY}}
        try:
            self._call("put_item", Item=item, **condition)
        except PersistenceException as error:
            cause = error.__cause__
            if isinstance(cause, ClientError) and cause.response["Error"]["Code"] == "ConditionalCheckFailedException":
                return False
            raise
        return True

    def prime(self) -> None:
        """Have the client do, offline, the work of its first calls (checking and serialising the request,
        resolving the endpoint), so a listener's first read pays for the network only."""
        with Stubber(self.client) as stubber:
            for operation in ("get_item", "put_item"):
                stubber.add_response(operation, {})
            key = {KEY: {"S": "warm-up"}}
            self.client.get_item(TableName=self.table, Key=key, ConsistentRead=True)
            self.client.put_item(
                TableName=self.table,
                Item={**key, RECORD: {"S": "{}"}, EXPIRES: {"N": "0"}},
                ConditionExpression="#v = :v",
                ExpressionAttributeNames={"#v": VERSION},
                ExpressionAttributeValues={":v": {"S": "0"}},
            )

    def _call(self, operation: str, **arguments: Any) -> dict[str, Any]:
        try:
            return getattr(self.client, operation)(TableName=self.table, **arguments)
        except (BotoCoreError, ClientError) as error:
            # The error's class only: its message can quote the key.
            raise PersistenceException(f"{operation} failed: {type(error).__name__}") from error


def _token(value: Any) -> str:
    text = value.get("S") if isinstance(value, dict) else None
    return text if is_token(text) else ""


def _expired(value: Any) -> bool:
    try:
        return int(value["N"]) < time.time()
    except (KeyError, TypeError, ValueError):
        return False
