"""Memory across sessions, against a real DynamoDB-compatible server (moto, over HTTP) and the local file store.

What is kept (rate, disclaimer heard, last visit; the place only with consent),
how often the store is called (one read when a session starts, at most one
write when it ends), and what happens when the store is slow, stopped or
returns nothing: the skill answers with defaults and never overwrites a record.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import logging
import multiprocessing
import socket
import sqlite3
import threading
import time
import types
from pathlib import Path
from typing import Any

import botocore.session
import pytest
from conftest import fixture, reprompt_of, speech_of

from eval_tools.local_dynamodb import KEY_SECRET
from skill.app import build_skill
from skill.content import load_content
from skill.gateway import handle_event
from skill.store.dynamodb import KEY, DynamoDbStore
from skill.store.local import LocalStore
from skill.store.record import KEEP_DAYS, Stamp, new_token
from skill.store.versioned import ANY

PROMPTS = load_content().prompts
USER = "amzn1.ask.account.MEMORYTESTUSER"


class Listener:
    """One Alexa account talking to the skill, session after session, as Alexa would send it."""

    def __init__(self, skill, user: str = USER):
        self.skill, self.user = skill, user
        self.attributes: dict[str, Any] | None = None  # None: no session open

    def say(self, name: str, intent: str | None = None, **slots: str) -> dict[str, Any]:
        envelope = self._envelope(name)
        if intent:
            envelope["request"]["intent"] = {"name": intent, "confirmationStatus": "NONE", "slots": {}}
        response = handle_event(self.skill, envelope)
        ended = response["response"].get("shouldEndSession") is not False
        self.attributes = None if ended else response.get("sessionAttributes") or {}
        return response

    def walk_away(self) -> None:
        """The listener says nothing more: Alexa ends the session and tells the skill."""
        if self.attributes is not None:
            handle_event(self.skill, self._envelope("session_ended_user"))
            self.attributes = None

    def _envelope(self, name: str) -> dict[str, Any]:
        envelope = fixture(name)
        for holder in (envelope["context"]["System"], envelope.get("session") or {}):
            if "user" in holder:
                holder["user"]["userId"] = self.user
        if "session" in envelope:
            envelope["session"]["new"] = self.attributes is None
            envelope["session"]["attributes"] = copy.deepcopy(self.attributes or {})
        return envelope


def client(store):
    """A botocore client on the store's table, to look at it past the skill (whose store has no client of its own)."""
    return botocore.session.get_session().create_client("dynamodb", endpoint_url=store.url, region_name=store.region)


def visit_slower(skill) -> None:
    """One whole session that makes the speech one step slower: the record then says 90%."""
    listener = Listener(skill)
    listener.say("launch_request")
    listener.say("help", intent="SlowerIntent")
    listener.say("stop")


def two_devices(skill) -> tuple[Listener, Listener]:
    """Two sessions of one listener, open at once."""
    kitchen, bedroom = Listener(skill), Listener(skill)
    kitchen.say("launch_request")
    bedroom.say("launch_request")
    return kitchen, bedroom


def stored(store, user: str = USER) -> dict[str, Any] | None:
    """The record in the table, read past the skill (filed under an HMAC of the user id, never the id); None when
    there is none, or only an erasure's marker."""
    key = hmac.new(KEY_SECRET, user.encode(), hashlib.sha256).hexdigest()
    item = client(store).get_item(TableName=store.table, Key={KEY: {"S": key}}).get("Item")
    return json.loads(item["record"]["S"]) if item and "record" in item else None


def test_first_visit_hears_the_full_disclaimer_and_a_return_visit_a_short_welcome(dynamodb, dynamodb_store):
    listener = Listener(build_skill(store=dynamodb_store))
    first = speech_of(listener.say("launch_request"))
    assert first.startswith(PROMPTS["welcome"]) and "not medical advice" in first
    assert dict(dynamodb.calls) == {"GetItem": 1}, "a missing record is one read, and nothing else yet"
    listener.say("stop")
    assert dict(dynamodb.calls) == {"GetItem": 1, "PutItem": 1}
    record = stored(dynamodb_store)
    assert record["heard_disclaimer"] is True and "resume" not in record
    dynamodb.calls.clear()
    again = speech_of(listener.say("launch_request"))
    assert again.startswith(PROMPTS["welcome_back"]) and PROMPTS["disclaimer"].split(",")[0] not in again
    assert len(again.split()) < 25
    listener.say("stop")
    assert dynamodb.calls["GetItem"] == 1 and sum(dynamodb.calls.values()) <= 2


def test_turns_inside_a_session_touch_nothing(dynamodb, dynamodb_store):
    listener = Listener(build_skill(store=dynamodb_store))
    listener.say("launch_request")
    assert dict(dynamodb.calls) == {"GetItem": 1}
    for name in ("side_effects_cyclophosphamide", "next", "repeat", "sources", "evidence", "help"):
        listener.say(name)
    assert dict(dynamodb.calls) == {"GetItem": 1}
    listener.walk_away()
    assert dict(dynamodb.calls) == {"GetItem": 1, "PutItem": 1}, "one write when the session ends"


def test_a_session_that_changes_nothing_writes_nothing(dynamodb, dynamodb_store):
    listener = Listener(build_skill(store=dynamodb_store))
    listener.say("launch_request")
    listener.say("stop")
    dynamodb.calls.clear()
    listener.say("launch_request")  # the same day, the disclaimer already heard
    listener.say("side_effects_cyclophosphamide")
    listener.say("stop")
    assert dict(dynamodb.calls) == {"GetItem": 1}


def test_speech_rate_changes_in_steps_applies_to_reprompts_and_is_remembered(dynamodb, dynamodb_store):
    listener = Listener(build_skill(store=dynamodb_store))
    listener.say("launch_request")
    slower = listener.say("help", intent="SlowerIntent")
    ssml = slower["response"]["outputSpeech"]["ssml"]
    assert '<prosody rate="90%">' in ssml and speech_of(slower).startswith(PROMPTS["slower"])
    assert '<prosody rate="90%">' in slower["response"]["reprompt"]["outputSpeech"]["ssml"]
    for _ in range(10):
        slowest = listener.say("help", intent="SlowerIntent")
    assert '<prosody rate="60%">' in slowest["response"]["outputSpeech"]["ssml"]
    assert speech_of(slowest).startswith(PROMPTS["slowest"])
    assert '<break time="600ms"/>' in listener.say("side_effects_cyclophosphamide")["response"]["outputSpeech"]["ssml"]
    listener.say("stop")
    assert stored(dynamodb_store)["rate"] == 60
    welcome = listener.say("launch_request")
    assert '<prosody rate="60%">' in welcome["response"]["outputSpeech"]["ssml"]
    normal = listener.say("help", intent="NormalSpeedIntent")
    assert "prosody" not in normal["response"]["outputSpeech"]["ssml"]
    assert speech_of(normal).startswith(PROMPTS["normal_speed"])


def test_changing_the_rate_keeps_the_pending_offer(dynamodb_store):
    listener = Listener(build_skill(store=dynamodb_store))
    listener.say("launch_request")
    offered = reprompt_of(listener.say("side_effects_cyclophosphamide"))
    faster = listener.say("help", intent="FasterIntent")
    assert reprompt_of(faster) == offered and speech_of(faster).endswith(offered)
    assert '<prosody rate="115%">' in faster["response"]["outputSpeech"]["ssml"]


def test_the_place_is_kept_only_with_consent_and_resumed_with_yes(dynamodb, dynamodb_store):
    listener = Listener(build_skill(store=dynamodb_store))
    listener.say("launch_request")
    listener.say("side_effects_cyclophosphamide")
    listener.say("stop")
    assert "resume" not in stored(dynamodb_store), "no consent asked yet: no topic stored"
    listener.say("launch_request")
    listener.say("side_effects_cyclophosphamide")
    asked = listener.say("no")
    assert reprompt_of(asked) == PROMPTS["ask_remember"]
    agreed = speech_of(listener.say("help", intent="AMAZON.YesIntent"))
    assert agreed.startswith(PROMPTS["remembering"]) and "forget me" in agreed
    listener.walk_away()
    record = stored(dynamodb_store)
    assert record["remember_place"] is True and record["resume"]["place"]["topic"] == "cyclophosphamide"
    assert (record["resume"]["page"], record["resume"]["chunk"]) == (0, 1), "on from the page's second part of two"
    welcome = listener.say("launch_request")
    assert "Last time we were on the side effects and risks of cyclophosphamide" in speech_of(welcome)
    resumed = speech_of(listener.say("help", intent="AMAZON.YesIntent"))
    assert "yclophosphamide" in resumed


def test_declining_is_remembered_and_never_asked_again(dynamodb_store):
    listener = Listener(build_skill(store=dynamodb_store))
    listener.say("launch_request")
    listener.say("side_effects_cyclophosphamide")
    listener.say("no")
    declined = speech_of(listener.say("no"))
    assert declined.startswith(PROMPTS["not_remembering"])
    listener.say("stop")
    assert stored(dynamodb_store)["remember_place"] is False and "resume" not in stored(dynamodb_store)
    listener.say("launch_request")
    listener.say("side_effects_cyclophosphamide")
    assert reprompt_of(listener.say("no")) != PROMPTS["ask_remember"]


def test_forget_me_deletes_the_record_and_nothing_is_written_after(dynamodb, dynamodb_store):
    listener = Listener(build_skill(store=dynamodb_store))
    listener.say("launch_request")
    listener.say("help", intent="SlowerIntent")
    listener.say("stop")
    assert stored(dynamodb_store) is not None
    dynamodb.calls.clear()
    listener.say("launch_request")
    forgotten = listener.say("help", intent="ForgetMeIntent")
    assert PROMPTS["forgotten"] in speech_of(forgotten)
    assert "prosody" not in forgotten["response"]["outputSpeech"]["ssml"], "back to defaults"
    listener.say("help", intent="SlowerIntent")
    listener.say("stop")
    assert dict(dynamodb.calls) == {"GetItem": 1, "PutItem": 1}, "the record replaced by an erasure's marker"
    assert stored(dynamodb_store) is None
    assert speech_of(listener.say("launch_request")).startswith(PROMPTS["welcome"])


def test_disabling_the_skill_deletes_the_record(dynamodb_store):
    listener = Listener(build_skill(store=dynamodb_store))
    listener.say("launch_request")
    listener.say("stop")
    assert stored(dynamodb_store) is not None
    event = fixture("skill_event")
    event["request"]["type"] = "AlexaSkillEvent.SkillDisabled"
    event["context"]["System"]["user"]["userId"] = USER
    response = handle_event(build_skill(store=dynamodb_store), event)
    assert "outputSpeech" not in response["response"]
    assert stored(dynamodb_store) is None


def test_a_skill_built_without_a_store_answers_forgets_and_remembers_nothing():
    skill = build_skill()
    listener = Listener(skill)
    assert speech_of(listener.say("launch_request")).startswith(PROMPTS["welcome"])
    listener.say("help", intent="SlowerIntent")
    assert PROMPTS["forgotten"] in speech_of(listener.say("help", intent="ForgetMeIntent")), "nothing was kept"
    listener.say("stop")
    assert speech_of(Listener(skill).say("launch_request")).startswith(PROMPTS["welcome"])


def test_a_session_that_started_at_a_stored_rate_moves_a_newer_record_by_its_own_steps(any_store):
    skill = build_skill(store=any_store)
    visit_slower(skill)
    kitchen, bedroom = two_devices(skill)
    kitchen.say("help", intent="SlowerIntent")
    kitchen.say("stop")
    bedroom.say("help", intent="FasterIntent")
    bedroom.say("stop")
    assert record_of(any_store)["rate"] == 90, "90, one step down in the kitchen (80), then one up in the bedroom"


def test_a_session_whose_list_of_changes_is_not_a_list_writes_nothing(dynamodb_store):
    listener = Listener(build_skill(store=dynamodb_store))
    listener.say("launch_request")
    listener.say("stop")
    listener.say("launch_request")
    listener.attributes["profile"].update(rate=130, changed="rate")
    listener.say("stop")
    assert stored(dynamodb_store)["rate"] == 100


def test_the_table_holds_no_user_id_and_no_health_information_by_default(dynamodb_store):
    listener = Listener(build_skill(store=dynamodb_store))
    listener.say("launch_request")
    listener.say("side_effects_cyclophosphamide")
    listener.say("stop")
    items = client(dynamodb_store).scan(TableName=dynamodb_store.table)["Items"]
    assert len(items) == 1 and USER not in json.dumps(items)
    assert hashlib.sha256(USER.encode()).hexdigest() not in json.dumps(items), "keyed with an HMAC, not a bare hash"
    assert set(json.loads(items[0]["record"]["S"])) == {"rate", "heard_disclaimer", "last_visit"}
    assert int(items[0]["expires"]["N"]) > time.time() + 300 * 86400


def test_many_listeners_at_once_each_keep_their_own_record(dynamodb, dynamodb_store):
    skill = build_skill(store=dynamodb_store)
    users = [f"amzn1.ask.account.CONCURRENT{n:03d}" for n in range(24)]

    def visit(user: str, steps: int) -> None:
        listener = Listener(skill, user)
        listener.say("launch_request")
        for _ in range(steps):
            listener.say("help", intent="SlowerIntent")
        listener.say("stop")

    threads = [threading.Thread(target=visit, args=(user, n % 4)) for n, user in enumerate(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert dict(dynamodb.calls) == {"GetItem": 24, "PutItem": 24}
    assert [stored(dynamodb_store, user)["rate"] for user in users] == [(100, 90, 80, 70)[n % 4] for n in range(24)]


def test_a_store_stopped_mid_conversation_costs_nothing_but_the_write(dynamodb, dynamodb_store, caplog):
    listener = Listener(build_skill(store=dynamodb_store))
    listener.say("launch_request")
    listener.say("help", intent="SlowerIntent")
    listener.say("stop")
    listener.say("launch_request")
    listener.say("help", intent="FasterIntent")
    dynamodb.stop()
    answered = listener.say("side_effects_cyclophosphamide")
    assert "yclophosphamide" in speech_of(answered)
    with caplog.at_level(logging.WARNING):
        goodbye = listener.say("stop")
    assert speech_of(goodbye) == PROMPTS["goodbye"]
    assert "listener store not written" in caplog.text
    dynamodb.start()
    assert stored(dynamodb_store)["rate"] == 90, "the record from before is intact"


@pytest.mark.parametrize("trouble", ["stopped", "slow"])
def test_a_store_down_or_slow_at_the_start_gives_defaults_and_never_overwrites(
    dynamodb, dynamodb_store, trouble, caplog
):
    """How long the defaults take to come is bench/store_trouble.py's to measure."""
    listener = Listener(build_skill(store=dynamodb_store))
    listener.say("launch_request")
    listener.say("help", intent="SlowerIntent")
    listener.say("stop")
    if trouble == "stopped":
        dynamodb.stop()
    else:
        dynamodb.delay = 2.0  # past the call's deadline of one second: a read that waited would find the record
    dynamodb.calls.clear()
    with caplog.at_level(logging.WARNING):
        welcome = listener.say("launch_request")
        assert speech_of(welcome).startswith(PROMPTS["welcome"]), "defaults: the full welcome and disclaimer"
        assert "listener store not read" in caplog.text
        faster = listener.say("help", intent="FasterIntent")
        assert '<prosody rate="115%">' in faster["response"]["outputSpeech"]["ssml"], "the session goes on"
        listener.say("stop")
    assert dynamodb.calls["PutItem"] == 0, "a session that could not read never writes"
    dynamodb.delay = 0.0
    if dynamodb.stopped:
        dynamodb.start()
    assert stored(dynamodb_store)["rate"] == 90, "the record from before is intact"


def test_logs_never_name_the_user_the_device_or_what_was_said(dynamodb, dynamodb_store, caplog):
    listener = Listener(build_skill(store=dynamodb_store))
    with caplog.at_level(logging.DEBUG):
        listener.say("launch_request")
        dynamodb.stop()
        listener.say("question_free_text")
        listener.say("help", intent="ForgetMeIntent")
        listener.say("stop")
    dynamodb.start()
    envelope = fixture("question_free_text")
    said = envelope["request"]["intent"]["slots"]["question"]["value"]
    device = envelope["context"]["System"]["device"]["deviceId"]
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("skill"))
    assert "listener store not cleared" in logged
    assert USER not in logged and device not in logged and said not in logged


def _write_many(path: str, offset: int) -> None:
    store = LocalStore(Path(path))
    skill = build_skill(store=store)
    for n in range(offset, offset + 15):
        listener = Listener(skill, f"amzn1.ask.account.PROCESS{n:03d}")
        listener.say("launch_request")
        listener.say("help", intent="SlowerIntent")
        listener.say("stop")


def test_the_local_store_is_safe_with_two_processes_writing_at_once(tmp_path):
    path = tmp_path / "listeners.sqlite3"
    LocalStore(path)
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_write_many, args=(str(path), offset)) for offset in (0, 15)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    assert [w.exitcode for w in workers] == [0, 0]
    skill = build_skill(store=LocalStore(path))
    for n in range(30):
        welcome = Listener(skill, f"amzn1.ask.account.PROCESS{n:03d}").say("launch_request")
        assert '<prosody rate="90%">' in welcome["response"]["outputSpeech"]["ssml"]


def test_the_local_store_prunes_expired_records_when_it_opens(tmp_path, monkeypatch):
    path = tmp_path / "listeners.sqlite3"
    listener = Listener(build_skill(store=LocalStore(path)))
    listener.say("launch_request")
    listener.say("stop")
    monkeypatch.setattr(time, "time", lambda: 10**10)
    LocalStore(path)
    monkeypatch.undo()
    assert speech_of(Listener(build_skill(store=LocalStore(path))).say("launch_request")).startswith(PROMPTS["welcome"])


def test_an_unusable_local_store_still_answers(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    listener = Listener(build_skill(store=LocalStore(blocked / "listeners.sqlite3")))
    assert speech_of(listener.say("launch_request")).startswith(PROMPTS["welcome"])
    assert speech_of(listener.say("stop")) == PROMPTS["goodbye"]


def test_the_privacy_policy_says_what_is_kept_and_for_how_long():
    policy = (Path(__file__).resolve().parent.parent / "docs" / "privacy.md").read_text()
    assert f"{KEEP_DAYS} days" in policy
    for kept in ("speech rate", "full", "disclaimer", "last used", "forget me", "Disabling the skill"):
        assert kept in policy, kept


def test_a_tampered_session_cannot_store_values_out_of_bounds(dynamodb_store):
    listener = Listener(build_skill(store=dynamodb_store))
    listener.say("launch_request")
    listener.attributes["profile"].update(
        rate=5, heard_disclaimer="yes", last_visit="not a day", remember_place=True, resume={"place": "x"}
    )
    listener.say("help", intent="SlowerIntent")
    listener.say("stop")
    record = stored(dynamodb_store)
    assert record["rate"] == 90 and record["heard_disclaimer"] is False
    assert "last_visit" not in record and "resume" not in record


# Two sessions of one user, on two devices: erasure wins, and neither loses the other's changes.


@pytest.fixture(params=["dynamodb", "local"])
def any_store(request, tmp_path):
    if request.param == "dynamodb":
        return request.getfixturevalue("dynamodb_store")
    return LocalStore(tmp_path / "listeners.sqlite3")


def record_of(store, user: str = USER) -> dict[str, Any] | None:
    """The record as stored, read past the skill; None when there is none, or only an erasure's marker."""
    if not isinstance(store, LocalStore):
        return stored(store, user)
    key = hmac.new(store.secret, user.encode(), hashlib.sha256).hexdigest()
    with sqlite3.connect(store.path) as db:
        row = db.execute("SELECT record FROM records WHERE id = ? AND erased = 0", (key,)).fetchone()
    return json.loads(row[0]) if row else None


@pytest.mark.parametrize("before", ["a record", "no record"])
def test_forgetting_on_one_device_wins_over_a_session_still_open_on_another(any_store, before):
    skill = build_skill(store=any_store)
    if before == "a record":
        visit_slower(skill)
    kitchen, bedroom = two_devices(skill)
    bedroom.say("help", intent="SlowerIntent")
    kitchen.say("help", intent="ForgetMeIntent")
    kitchen.say("stop")
    bedroom.say("stop")
    assert record_of(any_store) is None
    assert speech_of(Listener(skill).say("launch_request")).startswith(PROMPTS["welcome"]), "a first visit again"


def test_disabling_the_skill_wins_over_an_open_session(any_store):
    skill = build_skill(store=any_store)
    first = Listener(skill)
    first.say("launch_request")
    first.say("stop")
    open_session = Listener(skill)
    open_session.say("launch_request")
    open_session.say("help", intent="FasterIntent")
    event = fixture("skill_event")
    event["request"]["type"] = "AlexaSkillEvent.SkillDisabled"
    event["context"]["System"]["user"]["userId"] = USER
    handle_event(skill, event)
    open_session.walk_away()
    assert record_of(any_store) is None


def test_after_an_erasure_a_new_session_keeps_a_new_record(any_store):
    skill = build_skill(store=any_store)
    listener = Listener(skill)
    listener.say("launch_request")
    listener.say("help", intent="ForgetMeIntent")
    listener.say("stop")
    listener.say("launch_request")
    listener.say("help", intent="SlowerIntent")
    listener.say("stop")
    assert record_of(any_store)["rate"] == 90


def test_two_sessions_ending_one_after_the_other_keep_both_sessions_changes(any_store):
    skill = build_skill(store=any_store)
    sessions = [Listener(skill) for _ in range(4)]
    for session in sessions:
        session.say("launch_request")
        session.say("help", intent="SlowerIntent")
    sessions[0].say("side_effects_cyclophosphamide")
    sessions[0].say("no")
    sessions[0].say("no")  # "Shall I remember where we stopped?" "No."
    for session in sessions:
        session.say("stop")
    record = record_of(any_store)
    assert record["rate"] == 60, "each session one step slower: four steps in all"
    assert record["remember_place"] is False and record["heard_disclaimer"] is True


def test_sessions_ending_at_the_same_moment_lose_no_update(dynamodb, dynamodb_store):
    skill = build_skill(store=dynamodb_store)
    sessions = [Listener(skill) for _ in range(4)]
    for session in sessions:
        session.say("launch_request")
        session.say("help", intent="SlowerIntent")
    start = threading.Barrier(len(sessions))

    def end(session: Listener) -> None:
        start.wait()
        session.say("stop")

    threads = [threading.Thread(target=end, args=(session,)) for session in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert stored(dynamodb_store)["rate"] == 60
    assert dynamodb.calls["PutItem"] >= 4


def test_an_unreadable_record_is_replaced_when_the_next_session_ends(any_store, caplog):
    skill = build_skill(store=any_store)
    listener = Listener(skill)
    listener.say("launch_request")
    listener.say("stop")
    key = hmac.new(any_store.secret, USER.encode(), hashlib.sha256).hexdigest()
    if isinstance(any_store, LocalStore):
        with sqlite3.connect(any_store.path) as db:
            db.execute("UPDATE records SET record = '{not json' WHERE id = ?", (key,))
    else:
        client(any_store).update_item(
            TableName=any_store.table,
            Key={KEY: {"S": key}},
            UpdateExpression="SET #r = :r",
            ExpressionAttributeNames={"#r": "record"},
            ExpressionAttributeValues={":r": {"S": "{not json"}},
        )
    assert speech_of(listener.say("launch_request")).startswith(PROMPTS["welcome"]), "defaults"
    listener.say("help", intent="SlowerIntent")
    listener.say("stop")
    assert record_of(any_store)["rate"] == 90 and record_of(any_store)["heard_disclaimer"] is True


def test_a_forged_session_cannot_make_itself_loaded(dynamodb, dynamodb_store):
    skill = build_skill(store=dynamodb_store)
    listener = Listener(skill)
    listener.say("launch_request")
    listener.say("help", intent="SlowerIntent")
    listener.say("stop")
    dynamodb.stop()
    listener.say("launch_request")  # unavailable: this session never writes
    dynamodb.start()
    assert "stamp" not in listener.attributes["profile"], "a session that could not read the store carries none"
    key = hmac.new(KEY_SECRET, USER.encode(), hashlib.sha256).hexdigest()
    item = client(dynamodb_store).get_item(TableName=dynamodb_store.table, Key={KEY: {"S": key}})["Item"]
    forged = {"gen": item["gen"]["S"], "version": item["version"]["S"], "seal": "2" * 64}  # the stamp, unsealed
    listener.attributes["profile"].update(status="loaded", stamp=forged, changed=["rate"], rate=130)
    listener.say("stop")
    assert stored(dynamodb_store)["rate"] == 90


@pytest.mark.parametrize("forged", ["not a stamp", ["a", "list"], {"seal": "short"}])
def test_a_session_stamp_not_shaped_as_the_stores_leaves_the_session_unable_to_write(dynamodb_store, forged, caplog):
    listener = Listener(build_skill(store=dynamodb_store))
    listener.say("launch_request")
    listener.say("stop")
    listener.say("launch_request")
    listener.attributes["profile"].update(stamp=forged, changed=["rate"], rate=130)
    with caplog.at_level(logging.WARNING):
        goodbye = listener.say("stop")
    assert speech_of(goodbye) == PROMPTS["goodbye"]
    assert "listener store not written" not in caplog.text, "never tried: the session is not one that read the store"
    assert stored(dynamodb_store)["rate"] == 100


@pytest.mark.parametrize(
    "field, forged, kept",
    [
        ("rate", 90.0, None),
        ("rate", True, None),
        ("last_visit", "9999-12-31", None),
        ("last_visit", "20240105", None),  # a day Python reads, but not written as the record writes one
        ("last_visit", 20240105, None),
        ("heard_disclaimer", 1, False),
    ],
)
def test_forged_session_values_are_never_stored(dynamodb_store, field, forged, kept):
    listener = Listener(build_skill(store=dynamodb_store))
    listener.say("launch_request")
    listener.attributes["profile"].update({field: forged, "changed": ["rate", "last_visit", "heard_disclaimer"]})
    listener.say("stop")
    value = stored(dynamodb_store).get(field)
    assert type(value) is not type(forged) or value != forged
    if field == "rate":
        assert type(value) is int and value == 100
    elif field == "last_visit":
        assert value is None
    else:
        assert value is kept


@pytest.mark.parametrize("user", ["amzn1.ask.account.\ud800BROKEN", ""])
def test_a_user_id_that_is_not_text_gets_defaults_and_a_skill_event_stays_silent(any_store, user, caplog):
    skill = build_skill(store=any_store)
    with caplog.at_level(logging.WARNING):
        welcome = Listener(skill, user).say("launch_request")
    assert speech_of(welcome).startswith(PROMPTS["welcome"])
    assert "listener store not read" in caplog.text
    event = fixture("skill_event")
    event["request"]["type"] = "AlexaSkillEvent.SkillDisabled"
    event["context"]["System"]["user"]["userId"] = user
    response = handle_event(skill, event)
    assert "outputSpeech" not in response["response"]


def test_at_debug_no_logger_names_the_key_or_the_record(dynamodb_store, caplog):
    listener = Listener(build_skill(store=dynamodb_store))
    with caplog.at_level(logging.DEBUG):
        listener.say("launch_request")
        listener.say("help", intent="SlowerIntent")
        listener.say("stop")
    key = hmac.new(KEY_SECRET, USER.encode(), hashlib.sha256).hexdigest()
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert stored(dynamodb_store)["rate"] == 90
    assert key not in logged and "heard_disclaimer" not in logged


def test_the_local_store_makes_its_key_secret_once_readable_by_its_owner_only(tmp_path):
    first = LocalStore(tmp_path / "listeners.sqlite3")
    secret_file = tmp_path / "listener-key"
    assert secret_file.stat().st_mode & 0o077 == 0 and len(first.secret) == 32
    assert LocalStore(tmp_path / "listeners.sqlite3").secret == first.secret
    assert LocalStore(tmp_path / "other" / "listeners.sqlite3").secret != first.secret


class DripServer:
    """An endpoint that answers one byte every quarter of a second, counting the bytes it got out."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.sent: list[int] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            connection, _ = self.listener.accept()
            threading.Thread(target=self._drip, args=(connection,), daemon=True).start()

    def _drip(self, connection: socket.socket) -> None:
        connection.recv(65536)
        answer = b"HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: 2\r\n\r\n{}"
        sent = 0
        try:
            for byte in answer:
                connection.sendall(bytes([byte]))
                sent += 1
                time.sleep(0.25)
        except OSError:
            pass
        self.sent.append(sent)
        connection.close()


@pytest.mark.parametrize("lambda_left_ms, most_bytes", [(None, 6), (800, 3)])
def test_a_store_that_answers_a_byte_at_a_time_is_given_up_within_the_calls_deadline(
    lambda_left_ms, most_bytes, caplog
):
    drip = DripServer()
    store = DynamoDbStore("listeners", KEY_SECRET, endpoint_url=drip.url, region="us-east-1")
    skill = build_skill(store=store)
    envelope = Listener(skill)._envelope("launch_request")
    context = types.SimpleNamespace(get_remaining_time_in_millis=lambda: lambda_left_ms)
    with caplog.at_level(logging.WARNING):
        welcome = handle_event(skill, envelope, context if lambda_left_ms else None)
    assert speech_of(welcome).startswith(PROMPTS["welcome"]) and "listener store not read" in caplog.text
    for _ in range(40):  # the server finds the connection closed at its next byte
        if drip.sent:
            break
        time.sleep(0.1)
    assert drip.sent and drip.sent[0] <= most_bytes, f"gave up after {drip.sent} bytes of 95"


def test_a_local_store_whose_key_secret_is_damaged_files_nothing_under_a_key_anyone_could_make(tmp_path, caplog):
    path = tmp_path / "listeners.sqlite3"
    first = Listener(build_skill(store=LocalStore(path)))
    first.say("launch_request")
    first.say("stop")
    (tmp_path / "listener-key").write_text("not hex digits")
    with caplog.at_level(logging.WARNING):
        listener = Listener(build_skill(store=LocalStore(path)))
        welcome = listener.say("launch_request")
        listener.say("help", intent="SlowerIntent")
        listener.say("stop")
    assert speech_of(welcome).startswith(PROMPTS["welcome"]), "defaults"
    assert "local listener store unavailable: ValueError" in caplog.text
    assert "listener store not read: the store has no key secret" in caplog.text
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT COUNT(*) FROM records").fetchone() == (1,), "only the first session's record"


class OutpacedStore(LocalStore):
    """A local store where, before each conditional write of a session's end, a session on another device writes
    first (faster, as it happens)."""

    def __init__(self, path: Path):
        super().__init__(path)
        self.attempts = 0

    def _put(self, key: str, record: dict[str, Any] | None, stamp: Stamp, expected: Any) -> bool:
        if expected is not None and expected is not ANY:
            self.attempts += 1
            current = self._read(key)
            super()._put(key, {**current.record, "rate": 130}, Stamp(current.stamp.gen, new_token()), ANY)
        return super()._put(key, record, stamp, expected)


def test_a_write_that_keeps_losing_to_other_sessions_gives_up_after_five_tries_and_says_so(tmp_path, caplog):
    store = OutpacedStore(tmp_path / "listeners.sqlite3")
    listener = Listener(build_skill(store=store))
    listener.say("launch_request")
    listener.say("stop")
    listener.say("launch_request")
    listener.say("help", intent="SlowerIntent")
    with caplog.at_level(logging.WARNING):
        goodbye = listener.say("stop")
    assert speech_of(goodbye) == PROMPTS["goodbye"]
    assert store.attempts == 5, "a bounded number of tries, each a read and a write"
    assert "listener store not written: write failed: the record kept changing" in caplog.text
    assert record_of(store)["rate"] == 130, "the other sessions' record stands"


def test_the_local_store_waits_for_another_process_that_holds_the_file_for_two_seconds(tmp_path):
    path = tmp_path / "listeners.sqlite3"
    store = LocalStore(path)
    listener = Listener(build_skill(store=store))
    listener.say("launch_request")
    listener.say("help", intent="SlowerIntent")
    held = threading.Event()

    def hold() -> None:
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("BEGIN IMMEDIATE")
        held.set()
        time.sleep(2.0)  # a console's long write, as another process could make it
        db.execute("COMMIT")
        db.close()

    other = threading.Thread(target=hold)
    other.start()
    held.wait()
    listener.say("stop")
    other.join()
    assert record_of(store)["rate"] == 90, "written once the other process let go"
