"""The self-hosted HTTPS endpoint: a Flask app serving the skill through flask-ask-sdk's SkillAdapter.

Requests are verified by default: the signature and certificate chain
(``web_endpoint.verification``), a timestamp within 150 seconds (the SDK's
``TimestampVerifier``), and the skill ID. Every failure, and every body that
is not a readable request envelope, is answered with HTTP 400. Turning
verification off needs an explicit setting, and the app logs a warning when it
starts that way.

    BIND=0.0.0.0:8000 python -m web_endpoint.serve 'web_endpoint.web:create_app()'     # see web_endpoint/serve.py

Settings come from the environment: ``SKILL_ID`` (required while verifying),
``MMN_GUIDE_VERIFY_REQUESTS=false`` (local testing only), and where listeners'
records are kept (``skill.store``: a local file unless ``MMN_GUIDE_TABLE``
names a DynamoDB table).
"""

from __future__ import annotations

import json
import logging
import os

from ask_sdk_core.exceptions import SerializationException
from ask_sdk_core.skill import CustomSkill
from ask_sdk_runtime.exceptions import AskSdkException
from flask import Flask, jsonify
from flask import request as flask_request
from werkzeug.exceptions import BadRequest, InternalServerError, MethodNotAllowed, RequestEntityTooLarge

# isort: off
from . import webservice_compat  # noqa: F401  (must come before flask_ask_sdk)
from ask_sdk_webservice_support.verifier import AbstractVerifier, TimestampVerifier, VerificationException
from flask_ask_sdk.skill_adapter import VERIFY_SIGNATURE_APP_CONFIG, VERIFY_TIMESTAMP_APP_CONFIG, SkillAdapter
# isort: on

from skill import log_lines
from skill.app import build_skill
from skill.gateway import read_envelope
from skill.guards import refusal, with_known_locale
from skill.store import store_from_environment
from skill.warmup import warm_up

from .verification import SignatureVerifier, SkillIdVerifier

logger = logging.getLogger(__name__)
log_lines.install()

SKILL_ROUTE = "/"
HEALTH_ROUTE = "/health"
# Alexa's request envelopes are a few kilobytes; anything far larger is refused with 413.
MAX_BODY_BYTES = 128 * 1024
VERIFY_ENV = "MMN_GUIDE_VERIFY_REQUESTS"


class VerifiedSkillAdapter(SkillAdapter):
    """SkillAdapter whose every refusal is HTTP 400, and which reads a request as Lambda's entry point does.

    The stock ``dispatch_request`` turns an unreadable body (a
    ``SerializationException``) into a 500; Alexa expects 400 for any request
    the skill will not serve. The body is parsed once, checked on the raw JSON
    (``skill.guards``), and read into the SDK's envelope by ``skill.gateway``,
    which leaves out the parts of the context the skill never reads and reads
    the timestamp without dateutil; the verifiers then check that envelope and
    the exact body, as the SDK's handler would.
    """

    def dispatch_request(self):
        if flask_request.method != "POST":
            raise MethodNotAllowed()
        raw = flask_request.get_data()
        if len(raw) > MAX_BODY_BYTES:
            # One rule for every framing: a chunked body has no Content-Length for Flask to check first.
            raise RequestEntityTooLarge()
        try:
            body = raw.decode("utf-8")
            event = json.loads(body)
            reason = refusal(event, self._skill.skill_id)
        except (UnicodeDecodeError, ValueError, RecursionError) as error:
            reason = f"unreadable-body ({type(error).__name__})"
        if reason is not None:
            # A reason code and the size only: the body may hold user ids and tokens, and anyone can send one.
            logger.warning("request refused: %s, %d bytes", reason, len(raw))
            raise BadRequest(description="Request body is not a valid Alexa request envelope")
        try:
            envelope = read_envelope(self._skill, with_known_locale(event))
            if envelope is None:
                raise BadRequest(description="Request body is not a valid Alexa request envelope")
            for verifier in self._verifiers:
                verifier.verify(
                    headers=flask_request.headers, serialized_request_env=body, deserialized_request_env=envelope
                )
            response = self._skill.serializer.serialize(self._skill.invoke(request_envelope=envelope, context=None))
        except VerificationException as error:
            logger.warning("request refused: verification failed, %d bytes", len(raw))
            raise BadRequest(description="Incoming request failed verification") from error
        except (SerializationException, ValueError, TypeError, AttributeError, RecursionError) as error:
            # Anything the verifiers or the SDK's reader cannot take (a malformed certificate URL or a
            # timestamp without a time zone raise these) is a refusal too: Alexa expects 400, never 500.
            logger.warning("request refused: %s, %d bytes", type(error).__name__, len(raw))
            raise BadRequest(description="Request body is not a valid Alexa request envelope") from error
        except AskSdkException as error:
            logger.error("skill dispatch failed: %s", type(error).__name__)
            raise InternalServerError(description="The skill could not answer") from error
        return jsonify(response)


def create_app(
    skill_id: str | None = None,
    *,
    verify: bool | None = None,
    signature_verifier: AbstractVerifier | None = None,
    skill: CustomSkill | None = None,
) -> Flask:
    """The Flask app. Arguments override the environment; tests pass their own certificate source."""
    skill_id = skill_id if skill_id is not None else os.environ.get("SKILL_ID") or None
    verify = verify if verify is not None else os.environ.get(VERIFY_ENV, "true").strip().lower() != "false"
    if verify and not skill_id:
        raise ValueError("SKILL_ID must be set while requests are verified")
    app = Flask(__name__)
    # One byte more than the limit may be read, so a chunked body (which Werkzeug cuts at this length
    # without an error) shows that it is too large; the dispatcher answers it with 413.
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES + 1
    # The stock verifiers are replaced, not added to: see web_endpoint.webservice_compat.
    app.config[VERIFY_SIGNATURE_APP_CONFIG] = False
    app.config[VERIFY_TIMESTAMP_APP_CONFIG] = False
    verifiers: list[AbstractVerifier] = []
    if verify:
        # The timestamp first: it is cheap, and a stale request then never causes a certificate download.
        verifiers = [TimestampVerifier(), signature_verifier or SignatureVerifier()]
    else:
        logger.warning("Alexa request verification is OFF (%s=false): use this only for local testing", VERIFY_ENV)
    if skill_id:
        verifiers.append(SkillIdVerifier(skill_id))
    if skill is None:
        store = store_from_environment()
        skill = build_skill(skill_id=skill_id, store=store)
        warm_up(skill, store)  # a server starts once and serves many: its first listener should not wait
    adapter = VerifiedSkillAdapter(skill, skill_id or "unverified", verifiers, app)
    adapter.register(app=app, route=SKILL_ROUTE)
    app.add_url_rule(HEALTH_ROUTE, "health", lambda: jsonify(status="ok"), methods=["GET"])
    return app
