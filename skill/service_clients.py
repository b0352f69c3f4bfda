"""The ASK SDK's Alexa service clients, imported when a skill first makes one instead of at every cold start.

``ask_sdk_core.skill`` imports ``ServiceClientFactory`` at start, and the module that defines it imports all
eleven service clients (lists, reminders, monetization, timers, ...) with their models: about a third of the
SDK's import time. The SDK makes a factory only for a skill built with an API client, and this skill has none
(it calls no Alexa service). ``defer()``, called before the SDK's first import, puts a stand-in module where
that one would be: its factory imports the real module the first time a skill makes one, and returns the real
factory, so a skill with an API client still gets its services.

tests/test_service_clients.py fails if an upgrade of the SDK loads the clients some other way, or if the
stand-in no longer gives the real factory.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

FACTORY_MODULE = "ask_sdk_model.services.service_client_factory"


class DeferredServiceClientFactory:
    """Takes ``ServiceClientFactory``'s place in the SDK; making one makes the real factory."""

    def __new__(cls, api_configuration: Any) -> Any:
        if sys.modules.get(FACTORY_MODULE) is _STAND_IN:
            del sys.modules[FACTORY_MODULE]
        return importlib.import_module(FACTORY_MODULE).ServiceClientFactory(api_configuration)


_STAND_IN = types.ModuleType(FACTORY_MODULE, __doc__)
_STAND_IN.ServiceClientFactory = DeferredServiceClientFactory


def defer() -> None:
    """Before the SDK's first import: the factory's module becomes the stand-in. Once the SDK's services are
    loaded (a process that imported them already), nothing changes."""
    if "ask_sdk_model.services" not in sys.modules:
        sys.modules.setdefault(FACTORY_MODULE, _STAND_IN)
