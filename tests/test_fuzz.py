"""Property-based fuzzing of the Lambda handler and the web endpoint (hypothesis, derandomised, a fixed budget).

Whatever arrives, the answer is an Alexa response or an HTTP 4xx: never an
exception, never a 500, never speech that does not parse or is too long, never
speech where Alexa allows none, and no user data in the logs.
"""

from __future__ import annotations

import copy
import json
import logging
import xml.etree.ElementTree as ET

import pytest
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import ResponseEnvelope
from conftest import FIXTURES, fixture
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skill.app import build_skill
from skill.gateway import handle_event
from web_endpoint.web import create_app

SERIALIZER = DefaultSerializer()
# Request types Alexa allows no speech for, written out here rather than taken from the code under test.
SILENT_TYPES = ("SessionEndedRequest", "System.ExceptionEncountered")
SILENT_FAMILIES = ("AlexaSkillEvent.", "AudioPlayer.", "PlaybackController.", "Messaging.", "AlexaHouseholdListEvent.")
BUDGET = settings(
    max_examples=500, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck), database=None
)
NAMES = sorted(p.stem for p in FIXTURES.glob("*.json"))
USER_DATA = ("amzn1.ask.account", "amzn1.ask.device", "amzn1.echo-api.session", "apiAccessToken", "FUZZ-SECRET")

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)
slot_texts = st.text(max_size=300) | st.just("x" * 10_000) | st.sampled_from(["<audio src='x'/>", "\x00\ud800", "&"])
request_types = st.sampled_from(
    ["LaunchRequest", "IntentRequest", "SessionEndedRequest", "AudioPlayer.PlaybackStarted", "Messaging.X",
     "System.ExceptionEncountered", "AlexaSkillEvent.SkillDisabled", "Alexa.Future.Thing", "", "IntentRequest "]
)  # fmt: skip
intent_names = st.sampled_from(
    ["QuestionIntent", "TopicIntent", "SideEffectsIntent", "CompareIntent", "AMAZON.RepeatIntent", "AMAZON.YesIntent",
     "EmergencyIntent", "NoSuchIntent", "", "AMAZON.PreviousIntent"]
)  # fmt: skip


def paths(value, prefix=()):
    """Every path into a JSON value."""
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from paths(child, (*prefix, index))


@st.composite
def envelopes(draw):
    """A real envelope, then damaged: a field replaced by anything, a type, an intent, slot text, session state."""
    envelope = fixture(draw(st.sampled_from(NAMES)))
    for _ in range(draw(st.integers(0, 3))):
        path = draw(st.sampled_from(list(paths(envelope))[1:]))
        holder = envelope
        for key in path[:-1]:
            holder = holder[key]
        holder[path[-1]] = draw(json_values)
    request = envelope.get("request")
    if isinstance(request, dict) and draw(st.booleans()):
        request["type"] = draw(request_types)
        request["intent"] = {
            "name": draw(intent_names),
            "slots": {name: {"name": name, "value": draw(slot_texts)} for name in ("question", "topic")},
        }
    session = envelope.get("session")
    if isinstance(session, dict) and draw(st.booleans()):
        session["attributes"] = {"dialog": draw(json_values)}
    return envelope


def must_be_silent(envelope) -> bool:
    request = envelope.get("request") if isinstance(envelope, dict) else None
    kind = request.get("type") if isinstance(request, dict) else None
    return isinstance(kind, str) and (kind in SILENT_TYPES or kind.startswith(SILENT_FAMILIES))


def check_response(envelope, response: dict) -> None:
    assert response.get("version") == "1.0"
    # Alexa's response format, types included: the SDK's model reads it back without error.
    SERIALIZER.deserialize(payload=json.dumps(response), obj_type=ResponseEnvelope)
    body = response["response"]
    speech = (body.get("outputSpeech") or {}).get("ssml")
    if must_be_silent(envelope):
        assert "outputSpeech" not in body and "reprompt" not in body
    if speech is not None:
        ET.fromstring(speech)
        assert len(speech) <= 8000
    assert len(json.dumps(response).encode("utf-8")) <= 24 * 1024


@pytest.fixture(scope="module")
def skill_under_test():
    return build_skill()


class Records(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@pytest.fixture(scope="module", autouse=True)
def every_log_line():
    """Every logger at DEBUG while the fuzz runs; afterwards no line may hold user data."""
    handler, root = Records(), logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield handler
    root.removeHandler(handler)
    root.setLevel(level)
    leaked = [line for line in handler.lines if any(marker in line for marker in USER_DATA)]
    assert leaked == [], leaked[:3]


@BUDGET
@given(event=json_values)
def test_any_json_gets_a_response_from_the_lambda_handler(skill_under_test, event):
    check_response(event, handle_event(skill_under_test, event))


@BUDGET
@given(envelope=envelopes())
def test_damaged_envelopes_get_a_valid_response_from_the_lambda_handler(skill_under_test, envelope):
    check_response(envelope, handle_event(skill_under_test, copy.deepcopy(envelope)))


@BUDGET
@given(envelope=envelopes())
def test_damaged_envelopes_never_get_a_500_from_the_web_endpoint(skill_under_test, envelope):
    client = create_app(verify=False, skill=skill_under_test).test_client()
    response = client.post("/", data=json.dumps(envelope), content_type="application/json")
    assert response.status_code in (200, 400, 413)
    if response.status_code == 200:
        check_response(envelope, response.json)


def test_the_logs_hold_no_user_data(skill_under_test, every_log_line):
    """Real envelopes with a planted secret, through both entry points, some made unreadable on purpose."""
    client = create_app(verify=False, skill=skill_under_test).test_client()
    for name in NAMES:
        envelope = fixture(name)
        envelope["request"]["secret"] = "FUZZ-SECRET"
        handle_event(skill_under_test, envelope)
        client.post("/", data=json.dumps(envelope) + "FUZZ-SECRET", content_type="application/json")
        client.post("/", data=json.dumps(envelope), content_type="application/json")
    assert every_log_line.lines, "the entry points log their refusals"
    assert not [line for line in every_log_line.lines if any(marker in line for marker in USER_DATA)]
