"""The gateway reads a request's timestamp in Alexa's form itself, exactly as the SDK's parse (dateutil's) would,
and leaves every other text to the SDK, which refuses what it cannot read."""

from __future__ import annotations

import pytest
from conftest import fixture, speech_of
from dateutil.parser import parse

from skill.gateway import _timestamp, handle_event

ALEXA_FORMS = [
    "2026-11-25T18:40:12Z",
    "2024-02-29T23:59:59Z",
    "2026-01-01T00:00:00.5Z",
    "2026-01-01T00:00:00.123Z",
    "2026-01-01T00:00:00.000001Z",
    "2026-01-01T00:00:00.999999Z",
]
OTHER_FORMS = [
    "2026-11-25T18:40:12+00:00",
    "2026-11-25T18:40:12.1234567Z",
    "2026-11-25 18:40:12Z",
    "2026-11-25T18:40:12",
    "2026-02-30T00:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-11-25T24:00:00Z",
    "٢٠٢٦-11-25T18:40:12Z",
    "2026-11-25T18:40:12Z\n",
    "",
]


@pytest.mark.parametrize("text", ALEXA_FORMS)
def test_alexas_form_reads_as_the_sdk_reads_it(text):
    ours, theirs = _timestamp(text), parse(text)
    assert ours == theirs and ours.utcoffset() == theirs.utcoffset() and ours.microsecond == theirs.microsecond


@pytest.mark.parametrize("text", [*OTHER_FORMS, None, 1764096012])
def test_any_other_form_is_left_to_the_sdk(text):
    assert _timestamp(text) is None


@pytest.mark.parametrize("text", ["2026-02-30T00:00:00Z", "not a time"])
def test_a_timestamp_no_one_can_read_is_refused(skill, content, text):
    event = fixture("help")
    event["request"]["timestamp"] = text
    assert handle_event(skill, event)["response"]["outputSpeech"]["text"] == content.prompts["request_error"]


def test_a_request_in_alexas_form_is_answered(skill, content):
    assert speech_of(handle_event(skill, fixture("help"))).startswith(content.prompts["help"])
