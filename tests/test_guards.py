"""The raw envelope's bounds, at their limits: the last value allowed passes, one more is refused, for its reason.

The limits are written out here (40 levels, 20,000 values, 16,000 characters) rather than read from
``skill.guards``, so a limit changed by mistake fails a test.
"""

from __future__ import annotations

import pytest
from conftest import fixture

from skill.guards import is_silent, refusal, with_known_locale

TOO_LARGE = "too-large-or-deep"


def envelope(**extra) -> dict:
    """The smallest envelope the guards accept, holding 4 values (itself, request, its type, context)."""
    return {"request": {"type": "LaunchRequest"}, "context": {}, **extra}


def dicts(levels: int) -> dict:
    """``levels`` dicts, each inside the one before."""
    value: dict = {}
    for _ in range(levels - 1):
        value = {"a": value}
    return value


def lists(levels: int) -> list:
    value: list = []
    for _ in range(levels - 1):
        value = [value]
    return value


@pytest.mark.parametrize("nest", [dicts, lists], ids=["dicts", "lists"])
def test_forty_levels_pass_and_forty_one_are_refused(nest):
    # The envelope is level 1, so a value under it nested 39 deep reaches level 40.
    assert refusal(envelope(deep=nest(39)), None) is None
    assert refusal(envelope(deep=nest(40)), None) == TOO_LARGE


def test_twenty_thousand_values_pass_and_one_more_is_refused():
    # 4 values in the envelope, 1 for the list, the rest in it.
    assert refusal(envelope(many=[0] * 19_995), None) is None
    assert refusal(envelope(many=[0] * 19_996), None) == TOO_LARGE


@pytest.mark.parametrize("where", ["value", "key"])
def test_sixteen_thousand_characters_pass_and_one_more_is_refused(where):
    def holding(text: str) -> dict:
        return envelope(s=text) if where == "value" else envelope(**{text: 1})

    assert refusal(holding("x" * 16_000), None) is None
    assert refusal(holding("x" * 16_001), None) == TOO_LARGE


def test_a_key_that_is_not_a_string_is_refused():
    event = envelope()
    event["request"][3] = "x"
    assert refusal(event, None) == TOO_LARGE


@pytest.mark.parametrize(
    ("event", "reason"),
    [
        ([], "not-an-object"),
        ({"request": {"type": "LaunchRequest"}}, "no-request-or-context"),
        ({"request": {"type": 7}, "context": {}}, "no-request-or-context"),
        ({"request": [], "context": {}}, "no-request-or-context"),
        ({"request": {"type": "LaunchRequest"}, "context": []}, "no-request-or-context"),
    ],
)
def test_what_is_not_an_envelope_is_refused_for_its_reason(event, reason):
    assert refusal(event, None) == reason


def test_the_skill_id_is_compared_in_the_context_and_the_session():
    event = fixture("launch_request")
    own = event["context"]["System"]["application"]["applicationId"]
    assert refusal(event, own) is None
    assert refusal(event, own + "x") == "other-skill"
    event["session"]["application"]["applicationId"] = own + "x"
    assert refusal(event, own) == "other-skill"
    event["session"]["application"] = "not an object"
    assert refusal(event, own) == "other-skill"
    del event["session"]["application"]
    assert refusal(event, own) is None


def test_a_known_locale_is_kept_and_any_other_becomes_the_default():
    event = fixture("launch_request")
    event["request"]["locale"] = "en-GB"
    assert with_known_locale(event)["request"]["locale"] == "en-GB"
    event["request"]["locale"] = "fr-FR"
    assert with_known_locale(event)["request"]["locale"] == "en-US"


# Alexa's request types that allow no speech, written out (Alexa's request types reference), and some that do.
SILENT = (
    "SessionEndedRequest",
    "System.ExceptionEncountered",
    "AlexaSkillEvent.SkillDisabled",
    "AlexaSkillEvent.ProactiveSubscriptionChanged",
    "AudioPlayer.PlaybackStarted",
    "PlaybackController.PlayCommandIssued",
    "Messaging.MessageReceived",
    "AlexaHouseholdListEvent.ItemsCreated",
)
SPOKEN = ("LaunchRequest", "IntentRequest", "CanFulfillIntentRequest", "Alexa.Presentation.APL.UserEvent", "")


@pytest.mark.parametrize(("kind", "silent"), [(k, True) for k in SILENT] + [(k, False) for k in SPOKEN])
def test_which_requests_allow_no_speech(kind, silent):
    assert is_silent({"request": {"type": kind}}) is silent
