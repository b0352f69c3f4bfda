"""A minimal flask-ask-sdk skill that says hello to every request: the baseline for bench/web_load.py."""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.skill_builder import SkillBuilder
from flask import Flask

# isort: off
from web_endpoint import webservice_compat  # noqa: F401  (must come before flask_ask_sdk, as in web_endpoint.web)
from flask_ask_sdk.skill_adapter import VERIFY_SIGNATURE_APP_CONFIG, VERIFY_TIMESTAMP_APP_CONFIG, SkillAdapter
# isort: on


class Hello(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return True

    def handle(self, handler_input):
        return handler_input.response_builder.speak("Hello.").ask("Anything else?").response


def create_app() -> Flask:
    builder = SkillBuilder()
    builder.add_request_handler(Hello())
    app = Flask(__name__)
    app.config[VERIFY_SIGNATURE_APP_CONFIG] = False
    app.config[VERIFY_TIMESTAMP_APP_CONFIG] = False
    SkillAdapter(builder.create(), "hello", [], app).register(app=app, route="/")
    return app
