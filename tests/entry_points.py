"""The three ways a request reaches the skill, for tests that hold a conversation on each: the console sending
the envelopes itself, the Lambda handler, and the web app (flask-ask-sdk, without request verification)."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from web_endpoint.web import create_app

LAMBDA = Path(__file__).resolve().parent.parent / "lambda" / "lambda_function.py"

Send = Callable[[dict[str, Any]], dict[str, Any]]


def _lambda_send(skill) -> Send:
    os.environ.pop("SKILL_ID", None)
    spec = importlib.util.spec_from_file_location("lambda_for_conversations", LAMBDA)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return lambda envelope: module.lambda_handler(envelope, None)


def _web_send(skill) -> Send:
    client = create_app(verify=False, skill=skill).test_client()
    return lambda envelope: client.post("/", json=envelope).get_json()


# Entry point name -> a function of the skill that gives the console's ``send`` (None: the console's own).
ENTRY_POINTS: dict[str, Callable[[Any], Send | None]] = {
    "console": lambda skill: None,
    "lambda": _lambda_send,
    "web": _web_send,
}
