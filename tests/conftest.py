"""Shared test helpers: the skill, request fixtures (full Alexa envelopes) and multi-turn conversations."""

from __future__ import annotations

import copy
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest

from eval_tools.local_dynamodb import local_dynamodb
from skill.app import build_skill
from skill.content import load_content
from skill.gateway import handle_event
from skill.speech import to_plain
from skill.store import LOCAL_STORE_ENV

FIXTURES = Path(__file__).parent / "fixtures"
# The web app and the console keep listeners' records in a local file: one of the test run's own, not the project's.
os.environ[LOCAL_STORE_ENV] = str(Path(tempfile.mkdtemp(prefix="mmn-guide-tests-")) / "listeners.sqlite3")
FIXTURE_SKILL_ID = "amzn1.ask.skill.7b9a1c2e-4f3d-4b8a-9c1e-2d5f6a7b8c9d"


def fixture(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def speech_of(response: dict[str, Any]) -> str:
    return to_plain(response["response"]["outputSpeech"]["ssml"])


def reprompt_of(response: dict[str, Any]) -> str | None:
    reprompt = response["response"].get("reprompt")
    return to_plain(reprompt["outputSpeech"]["ssml"]) if reprompt else None


class Conversation:
    """Sends fixture envelopes in turn, carrying the session attributes between them as Alexa does."""

    def __init__(self, skill, locale: str = "en-US"):
        self.skill = skill
        self.locale = locale
        self.attributes: dict[str, Any] = {}
        self.responses: list[dict[str, Any]] = []

    def send(
        self, name: str, *, slot_value: tuple[str, str, str] | None = None, intent: str | None = None
    ) -> dict[str, Any]:
        envelope = fixture(name)
        envelope["request"]["locale"] = self.locale
        envelope["session"]["new"] = not self.responses
        envelope["session"]["attributes"] = copy.deepcopy(self.attributes)
        if intent:
            envelope["request"]["intent"]["name"] = intent
        if slot_value:
            set_topic(envelope, *slot_value)
        response = handle_event(self.skill, envelope)
        self.attributes = response.get("sessionAttributes") or {}
        self.responses.append(response)
        return response

    def whole_page(self, response: dict[str, Any]) -> str:
        """What a page says over its turns: ``response`` (its first breath), then "yes" while what is offered
        is more of the same page; the turns' speech, joined."""
        said = [speech_of(response)]
        while ((self.attributes.get("dialog") or {}).get("offer") or {}).get("chunk", 0) > 0:
            said.append(speech_of(self.send("yes")))
        return " ".join(said)


def set_topic(envelope: dict[str, Any], heard: str, topic_id: str, name: str) -> dict[str, Any]:
    """Point a fixture's resolved topic slot at another topic, as Alexa would fill it."""
    slot = envelope["request"]["intent"]["slots"]["topic"]
    slot["value"] = heard
    for holder in (slot, slot["slotValue"]):
        holder["resolutions"]["resolutionsPerAuthority"][0]["values"] = [{"value": {"id": topic_id, "name": name}}]
    slot["slotValue"]["value"] = heard
    return envelope


@pytest.fixture(scope="session")
def skill():
    return build_skill()


@pytest.fixture(scope="session")
def content():
    return load_content()


@pytest.fixture
def conversation(skill):
    return Conversation(skill)


@pytest.fixture(scope="session")
def dynamodb():
    """moto's DynamoDB server on a free loopback port, behind a proxy that counts, slows or refuses calls."""
    with local_dynamodb() as server:
        yield server


@pytest.fixture
def dynamodb_store(dynamodb):
    """A store on a fresh table of the local server, at full speed and running."""
    dynamodb.delay = 0.0
    if dynamodb.stopped:
        dynamodb.start()
    yield dynamodb.store()
    dynamodb.delay = 0.0
    if dynamodb.stopped:
        dynamodb.start()
