"""Bad input into the entry path: each gets a clear response, never an exception."""

from __future__ import annotations

import io
import logging

import pytest
from conftest import FIXTURE_SKILL_ID, fixture

from skill import log_lines
from skill.app import build_skill
from skill.gateway import handle_event


@pytest.mark.parametrize(
    "event",
    [
        {},
        None,
        "not json",
        [],
        {"version": "1.0"},
        {"version": "1.0", "request": "junk"},
        {"version": "1.0", "request": {"type": "IntentRequest", "intent": {"name": "X", "slots": "bad"}}},
        {"version": "1.0", "request": {"type": "LaunchRequest", "requestId": "r", "locale": "en-US"}},
    ],
    ids=["empty", "none", "string", "list", "no-request", "request-not-object", "bad-slots", "no-context"],
)
def test_malformed_envelopes_get_an_error_response(skill, content, event):
    response = handle_event(skill, event)
    assert response["response"]["outputSpeech"]["text"] == content.prompts["request_error"]
    assert response["response"]["shouldEndSession"] is True


def test_unknown_request_type_gets_an_error_response(skill, content):
    response = handle_event(skill, fixture("unknown_request_type"))
    assert response["response"]["outputSpeech"]["text"] == content.prompts["request_error"]


def test_skill_id_is_verified_when_configured(content):
    guarded = build_skill(skill_id=FIXTURE_SKILL_ID)
    assert "ssml" in handle_event(guarded, fixture("launch_request"))["response"]["outputSpeech"]
    other = build_skill(skill_id="amzn1.ask.skill.00000000-1111-2222-3333-444444444444")
    response = handle_event(other, fixture("launch_request"))
    assert response["response"]["outputSpeech"]["text"] == content.prompts["request_error"]


def _log_of_intent_named(name: str, caplog: pytest.LogCaptureFixture) -> str:
    """What the logs write while the skill handles a request for an intent of that name."""
    envelope = fixture("unknown_intent")
    envelope["request"]["intent"]["name"] = name
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logging.getLogger().addHandler(handler)
    try:
        with caplog.at_level(logging.INFO):
            handle_event(build_skill(), envelope)
    finally:
        logging.getLogger().removeHandler(handler)
    return stream.getvalue()


@pytest.mark.parametrize(
    "forged", ["Evil\nERROR forged line", "Evil\r\nx", "Evil\u2028x", "Evil\u2029x", "Evil\x1b[2Jx"]
)
def test_a_request_field_with_a_line_break_cannot_forge_a_log_line(forged, caplog):
    written = _log_of_intent_named(forged, caplog)
    assert "Evil" in written, "the field is logged, escaped"
    assert written.count("\n") == len([r for r in caplog.records if r.levelno >= logging.INFO]) > 0
    assert not any(ch in written.replace("\n", "") for ch in "\r\u2028\u2029\x1b")


def test_escaping_takes_every_control_character_and_nothing_either_side(caplog):
    written = _log_of_intent_named("Evil name\x1f~\x7f\x9f\xa0x", caplog)
    assert "Evil name\\x1f~\\x7f\\x9f\xa0x" in written, "a space, a tilde and a no-break space kept as they are"


def test_the_one_line_record_factory_is_installed_once_however_many_entry_points_install_it():
    installed = logging.getLogRecordFactory()  # by skill.gateway, when it was imported
    log_lines.install()
    assert logging.getLogRecordFactory() is installed


class Kept(logging.Handler):
    """Keeps each record it is handed, unformatted."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_a_record_whose_message_cannot_be_formatted_still_reaches_the_handlers():
    """Reporting a bad format is the handler's job, as logging does it; the record factory passes the record on."""
    logger, kept = logging.getLogger("skill.test.bad_format"), Kept()
    logger.addHandler(kept)
    logger.propagate = False  # pytest's own handler would fail the test on the format, as it should elsewhere
    try:
        logger.warning("%d listeners", "not a number")
    finally:
        logger.removeHandler(kept)
    assert [(record.msg, record.args) for record in kept.records] == [("%d listeners", ("not a number",))]
