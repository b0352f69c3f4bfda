"""The Lambda entry point: thin, the same skill, SKILL_ID verified when set."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from conftest import FIXTURE_SKILL_ID, fixture, speech_of

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
