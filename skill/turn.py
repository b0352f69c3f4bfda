"""Per-request access to the content and dialog state, cached in the request attributes.

Handlers call ``content_of`` and ``state_of``; the response interceptor in
``interceptors.py`` writes the state back to the session.
"""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_locale

from .content import Content, load_content
from .dialog import DialogState

_STATE = "dialog_state"


def content_of(handler_input: HandlerInput) -> Content:
    return load_content(get_locale(handler_input))


def state_of(handler_input: HandlerInput) -> DialogState:
    request_attributes = handler_input.attributes_manager.request_attributes
    if _STATE not in request_attributes:
        session = _session_attributes(handler_input)
        request_attributes[_STATE] = DialogState.from_attributes(session)
    return request_attributes[_STATE]


def _session_attributes(handler_input: HandlerInput) -> dict:
    if handler_input.request_envelope.session is None:
        return {}
    return handler_input.attributes_manager.session_attributes
