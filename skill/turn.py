"""Per-request access to the content, the dialog state and the listener's profile, cached in the request attributes.

Handlers call ``content_of``, ``state_of`` and ``profile_of``; the response
interceptors write the state (``interceptors.py``) and the profile
(``memory.py``) back to the session.
"""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_locale

from .content import Content, load_content
from .dialog import DialogState
from .profile import Profile

_STATE = "dialog_state"
_PROFILE = "profile"


def content_of(handler_input: HandlerInput) -> Content:
    return load_content(get_locale(handler_input))


def state_of(handler_input: HandlerInput) -> DialogState:
    request_attributes = handler_input.attributes_manager.request_attributes
    if _STATE not in request_attributes:
        session = _session_attributes(handler_input)
        request_attributes[_STATE] = DialogState.from_attributes(session)
    return request_attributes[_STATE]


def profile_of(handler_input: HandlerInput) -> Profile:
    """The listener's profile: read at the session's start, then carried in the session; defaults without one."""
    request_attributes = handler_input.attributes_manager.request_attributes
    if _PROFILE not in request_attributes:
        request_attributes[_PROFILE] = Profile.from_session(_session_attributes(handler_input)) or Profile()
    return request_attributes[_PROFILE]


def remember_profile(handler_input: HandlerInput, profile: Profile) -> None:
    handler_input.attributes_manager.request_attributes[_PROFILE] = profile


def _session_attributes(handler_input: HandlerInput) -> dict:
    if handler_input.request_envelope.session is None:
        return {}
    return handler_input.attributes_manager.session_attributes
