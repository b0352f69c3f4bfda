"""Builds request envelopes shaped as Alexa sends them (launch, intent, session ended).

Used by the local console, which has no Alexa service in front of it. The
session carries its id, attributes and whether it is new, turn to turn.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field
from typing import Any

LOCAL_SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000"
LOCAL_USER_ID = "amzn1.ask.account.local-console"


@dataclass
class Session:
    locale: str = "en-US"
    application_id: str = LOCAL_SKILL_ID
    id: str = field(default_factory=lambda: f"amzn1.echo-api.session.{uuid.uuid4()}")
    user_id: str = field(default_factory=lambda: f"amzn1.ask.account.local-{uuid.uuid4().hex}")
    device_id: str = "amzn1.ask.device.local-console"
    attributes: dict[str, Any] = field(default_factory=dict)
    new: bool = True

    def envelope(self, request: dict[str, Any]) -> dict[str, Any]:
        """A full envelope around ``request``; marks the session as no longer new."""
        application = {"applicationId": self.application_id}
        user = {"userId": self.user_id}
        envelope = {
            "version": "1.0",
            "session": {
                "new": self.new,
                "sessionId": self.id,
                "application": application,
                "attributes": self.attributes,
                "user": user,
            },
            "context": {
                "System": {
                    "application": application,
                    "user": user,
                    "device": {"deviceId": self.device_id, "supportedInterfaces": {}},
                    "apiEndpoint": "https://api.amazonalexa.com",
                    "apiAccessToken": "local-console-token",
                }
            },
            "request": {
                "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
                "timestamp": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "locale": self.locale,
                **request,
            },
        }
        self.new = False
        return envelope


def launch_request() -> dict[str, Any]:
    return {"type": "LaunchRequest", "shouldLinkResultBeReturned": False}


def intent_request(intent: str, slots: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "type": "IntentRequest",
        "dialogState": "STARTED" if slots else "COMPLETED",
        "intent": {"name": intent, "confirmationStatus": "NONE", "slots": slots or {}},
    }


def session_ended_request(reason: str = "USER_INITIATED") -> dict[str, Any]:
    return {"type": "SessionEndedRequest", "reason": reason}


def slot(
    name: str,
    value: str | None,
    *,
    slot_type: str,
    application_id: str = LOCAL_SKILL_ID,
    match: tuple[str, str] | None = None,
) -> dict[str, Any]:
    """A slot as Alexa fills it; ``match`` is the (id, name) entity resolution found, if any."""
    filled: dict[str, Any] = {"name": name, "confirmationStatus": "NONE"}
    if value is None:
        return filled
    resolution: dict[str, Any] = {
        "authority": f"amzn1.er-authority.echo-sdk.{application_id}.{slot_type}",
        "status": {"code": "ER_SUCCESS_MATCH" if match else "ER_SUCCESS_NO_MATCH"},
    }
    if match:
        resolution["values"] = [{"value": {"id": match[0], "name": match[1]}}]
    filled.update({"value": value, "source": "USER", "resolutions": {"resolutionsPerAuthority": [resolution]}})
    return filled
