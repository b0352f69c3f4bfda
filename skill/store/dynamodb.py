"""The listener store on AWS: one DynamoDB item per listener, through three signed calls of DynamoDB's JSON API.

Not boto3's resource layer (which the stock ``ask-sdk-dynamodb-persistence-adapter`` uses), nor even a botocore
client: the record is one JSON string, and importing botocore and making its client cost a cold start more than
a whole hello-world skill (see ``bench/lambda_package.py``). The store sends GetItem and PutItem itself, signed
with Signature V4 (``sigv4.py``) and sent by ``sender.py``, so each call has a total deadline and a single
attempt. Credentials, region and endpoint come from the environment as AWS's SDKs read them (Lambda sets
``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY``, ``AWS_SESSION_TOKEN`` and ``AWS_REGION``;
``AWS_ENDPOINT_URL_DYNAMODB`` points elsewhere, as tests do); where the environment has none (a server using a
profile or an instance role), botocore's own chain finds them. Reads are strongly consistent and writes
conditional on the stamp (``versioned.py``). botocore, when used, logs whole requests at DEBUG, the key and the
record among them, so its loggers are held at WARNING whatever the entry point sets.
"""

from __future__ import annotations

import datetime
import json
import logging
import os
import time
from collections.abc import Callable
from typing import Any

import certifi
from ask_sdk_core.exceptions import PersistenceException

from .record import ERASED_KEEP_SECONDS, EXPIRES, Item, Stamp, expiry, is_token
from .sender import DeadlineSender
from .sigv4 import Credentials, sign
from .versioned import ANY, VersionedStore

KEY = "id"
RECORD = "record"
GEN, VERSION, ERASED = "gen", "version", "erased"
QUIET_LOGGERS = ("botocore", "urllib3")
TARGET = "DynamoDB_20120810."  # DynamoDB's JSON API names each operation in the X-Amz-Target header
CONDITION_FAILED = "ConditionalCheckFailedException"

for _name in QUIET_LOGGERS:
    logging.getLogger(_name).setLevel(logging.WARNING)


class DynamoDbError(PersistenceException):
    """DynamoDB refused a call; ``code`` is its error's name (never its message, which can quote the key)."""

    def __init__(self, operation: str, code: str):
        super().__init__(f"{operation} failed: {code}")
        self.code = code


class DynamoDbStore(VersionedStore):
    def __init__(self, table: str, secret: bytes, *, endpoint_url: str | None = None, region: str | None = None):
        super().__init__(secret)
        self.table = table
        self.region = region or os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or _region()
        self.url = endpoint_url or os.environ.get("AWS_ENDPOINT_URL_DYNAMODB") or os.environ.get("AWS_ENDPOINT_URL")
        if not self.url and self.region:
            self.url = f"https://dynamodb.{self.region}.amazonaws.com/"
        self._credentials = _credentials()
        # The certificates botocore itself would trust: AWS_CA_BUNDLE, else certifi's.
        self._sender = DeadlineSender(os.environ.get("AWS_CA_BUNDLE") or certifi.where())

    def _read(self, key: str) -> Item | None:
        item = self._call("GetItem", Key={KEY: {"S": key}}, ConsistentRead=True).get("Item")
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
            self._call("PutItem", Item=item, **condition)
        except DynamoDbError as error:
            if error.code == CONDITION_FAILED:
                return False
            raise
        return True

    def prime(self) -> None:
        """Do, offline, the work of a first call that needs no network: reading the certificates TLS trusts."""
        if self.url.startswith("https:"):
            self._sender.tls()

    def _call(self, operation: str, **arguments: Any) -> dict[str, Any]:
        if not (self.url and self.region):
            raise PersistenceException("no AWS region for the listener store")
        body = json.dumps({"TableName": self.table, **arguments}, separators=(",", ":")).encode()
        headers = {"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": TARGET + operation}
        now = datetime.datetime.now(datetime.UTC)
        signed = sign("POST", self.url, headers, body, self._credentials(), self.region, "dynamodb", now)
        status, answer = self._sender.send(self.url, signed, body)
        try:
            result = json.loads(answer) if answer else {}
        except ValueError:
            result = None
        if status == 200 and isinstance(result, dict):
            return result
        kind = result.get("__type") if isinstance(result, dict) else None
        raise DynamoDbError(operation, kind.rpartition("#")[2] if isinstance(kind, str) else f"HTTP {status}")


def _credentials() -> Callable[[], Credentials]:
    """What gives the credentials of each call: the environment's (Lambda's, fixed for its life), else botocore's
    chain (a profile, an instance role), which refreshes them when they expire."""
    access, secret = os.environ.get("AWS_ACCESS_KEY_ID"), os.environ.get("AWS_SECRET_ACCESS_KEY")
    if access and secret:
        fixed = Credentials(access, secret, os.environ.get("AWS_SESSION_TOKEN") or None)
        return lambda: fixed
    import botocore.session

    found = botocore.session.get_session().get_credentials()

    def current() -> Credentials:
        if found is None:
            raise PersistenceException("no AWS credentials for the listener store")
        frozen = found.get_frozen_credentials()
        return Credentials(frozen.access_key, frozen.secret_key, frozen.token)

    return current


def _region() -> str | None:
    """The region botocore's configuration names (a profile's), for a server outside Lambda."""
    import botocore.session

    return botocore.session.get_session().get_config_variable("region")


def _token(value: Any) -> str:
    text = value.get("S") if isinstance(value, dict) else None
    return text if is_token(text) else ""


def _expired(value: Any) -> bool:
    try:
        return int(value["N"]) < time.time()
    except (KeyError, TypeError, ValueError):
        return False
