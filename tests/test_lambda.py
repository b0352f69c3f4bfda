"""The Lambda entry point: thin, the same skill, SKILL_ID verified when set."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from conftest import FIXTURE_SKILL_ID, fixture, speech_of

from eval_tools.local_dynamodb import KEY_SECRET
from skill.content import load_content
from skill.store import SECRET_ENV, TABLE_ENV
from skill.store.dynamodb import DynamoDbStore
from skill.understanding import ranker as ranking

HANDLER = Path(__file__).resolve().parent.parent / "lambda" / "lambda_function.py"


def load_lambda(monkeypatch, skill_id: str | None):
    if skill_id is None:
        monkeypatch.delenv("SKILL_ID", raising=False)
    else:
        monkeypatch.setenv("SKILL_ID", skill_id)
    spec = importlib.util.spec_from_file_location("lambda_function_under_test", HANDLER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_lambda_answers_a_launch_request(monkeypatch, content):
    module = load_lambda(monkeypatch, FIXTURE_SKILL_ID)
    response = module.lambda_handler(fixture("launch_request"), None)
    assert speech_of(response).startswith(content.prompts["welcome"])
    assert response["version"] == "1.0"


def test_lambda_refuses_another_skill(monkeypatch, content):
    module = load_lambda(monkeypatch, "amzn1.ask.skill.99999999-0000-0000-0000-000000000000")
    response = module.lambda_handler(fixture("launch_request"), None)
    assert response["response"]["outputSpeech"]["text"] == content.prompts["request_error"]


def test_lambda_without_skill_id_answers_any_skill(monkeypatch, content):
    module = load_lambda(monkeypatch, None)
    assert module.SKILL.skill_id is None
    assert speech_of(module.lambda_handler(fixture("help"), None)).startswith(content.prompts["help"])


def test_lambda_survives_an_empty_event(monkeypatch, content):
    module = load_lambda(monkeypatch, FIXTURE_SKILL_ID)
    response = module.lambda_handler({}, None)
    assert response["response"]["outputSpeech"]["text"] == content.prompts["request_error"]


def test_lambda_keeps_records_in_the_table_named_by_the_template(monkeypatch, dynamodb, dynamodb_store):
    monkeypatch.setenv(TABLE_ENV, dynamodb_store.table)
    monkeypatch.setenv(SECRET_ENV, KEY_SECRET.hex())
    monkeypatch.setenv("AWS_ENDPOINT_URL_DYNAMODB", dynamodb.url)
    module = load_lambda(monkeypatch, FIXTURE_SKILL_ID)
    assert isinstance(module.STORE, DynamoDbStore) and module.STORE.table == dynamodb_store.table
    module.lambda_handler(fixture("launch_request"), None)
    assert dict(dynamodb.calls) == {"GetItem": 1}


def test_snapstart_initialisation_does_a_first_requests_work_without_touching_the_store(
    monkeypatch, dynamodb, dynamodb_store
):
    monkeypatch.setenv(TABLE_ENV, dynamodb_store.table)
    monkeypatch.setenv(SECRET_ENV, KEY_SECRET.hex())
    monkeypatch.setenv("AWS_ENDPOINT_URL_DYNAMODB", dynamodb.url)
    monkeypatch.setenv("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start")
    ranking._ranker.cache_clear()
    module = load_lambda(monkeypatch, FIXTURE_SKILL_ID)
    assert ranking._ranker.cache_info().currsize == 1, "the ranker's index is built at initialisation"
    assert sum(dynamodb.calls.values()) == 0, "warming up reads and writes no record"
    response = module.lambda_handler(fixture("launch_request"), None)
    assert speech_of(response).startswith(load_content().prompts["welcome"])
    assert dict(dynamodb.calls) == {"GetItem": 1}, "the store's client is live again after warming up"


def test_a_plain_cold_start_builds_only_what_its_first_request_needs(monkeypatch):
    monkeypatch.setenv("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand")
    ranking._ranker.cache_clear()
    module = load_lambda(monkeypatch, FIXTURE_SKILL_ID)
    module.lambda_handler(fixture("launch_request"), None)
    assert ranking._ranker.cache_info().currsize == 0
    assert speech_of(module.lambda_handler(fixture("question_free_text"), None))
    assert ranking._ranker.cache_info().currsize == 1
