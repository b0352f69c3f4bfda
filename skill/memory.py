"""Reading a listener's record when a session starts, and writing it back once when the session ends.

One read per session (its first request) and at most one write (when the
session ends, and only if something changed), so a conversation costs at most
two calls to the store, and turns in between touch nothing. The write carries
the fields the session changed and the stamp it read, so it never undoes an
erasure made meanwhile from another device, nor another session's changes
(``store/versioned.py``). When the store cannot be read, the session goes on
with defaults and never writes, so a record is never overwritten with
defaults. Each call has a total deadline, never past the time Lambda has left
(``store/deadline.py``). Logs name the failure's kind only: never the user,
the device or what was said.
"""

from __future__ import annotations

import datetime
import logging

from ask_sdk_core.dispatch_components import AbstractRequestInterceptor, AbstractResponseInterceptor
from ask_sdk_core.exceptions import AttributesManagerException, PersistenceException
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_request_type
from ask_sdk_model import Response

from .answers import next_offer
from .dialog import Offer
from .profile import LOADED, UNAVAILABLE, Profile
from .store.deadline import lambda_budget, within
from .store.versioned import REBASE, RECORD, STAMP
from .turn import content_of, profile_of, remember_profile, state_of

logger = logging.getLogger(__name__)


class LoadProfile(AbstractRequestInterceptor):
    """At the start of a session: the listener's record, or defaults if the store cannot be read."""

    def process(self, handler_input: HandlerInput) -> None:
        session = handler_input.request_envelope.session
        if session is None or not session.new:
            return
        try:
            with within(lambda_budget(_lambda_remaining_ms(handler_input))):
                profile = Profile.from_store(handler_input.attributes_manager.persistent_attributes)
        except AttributesManagerException:
            profile = Profile(status=UNAVAILABLE)  # a skill built without a store: nothing to remember, by design
        except PersistenceException as error:
            logger.warning("listener store not read: %s", _kind(error))
            profile = Profile(status=UNAVAILABLE)
        profile.visited(datetime.date.today())
        remember_profile(handler_input, profile)


class SaveProfile(AbstractResponseInterceptor):
    """When the session ends: the record, if it changed and may be written; and the profile in the session."""

    def process(self, handler_input: HandlerInput, response: Response) -> None:
        if handler_input.request_envelope.session is None:
            return
        profile = profile_of(handler_input)
        ending = is_request_type("SessionEndedRequest")(handler_input) or bool(
            response is not None and response.should_end_session
        )
        if ending and profile.status == LOADED:
            _keep_place(handler_input, profile)
            if profile.changed:
                _write(handler_input, profile)
        profile.save(handler_input.attributes_manager.session_attributes)


def _write(handler_input: HandlerInput, profile: Profile) -> None:
    attributes = handler_input.attributes_manager
    try:
        with within(lambda_budget(_lambda_remaining_ms(handler_input))):
            attributes.persistent_attributes = {RECORD: profile.record(), STAMP: profile.stamp, REBASE: profile.rebase}
            attributes.save_persistent_attributes()
        profile.changed = []
    except PersistenceException as error:
        logger.warning("listener store not written: %s", _kind(error))


def forget(handler_input: HandlerInput) -> bool:
    """Delete the listener's record; whether that worked. The session writes nothing more either way."""
    profile = profile_of(handler_input)
    try:
        with within(lambda_budget(_lambda_remaining_ms(handler_input))):
            handler_input.attributes_manager.delete_persistent_attributes()
        deleted = True
    except AttributesManagerException:
        deleted = True  # a skill built without a store keeps nothing to delete
    except PersistenceException as error:
        logger.warning("listener store not cleared: %s", _kind(error))
        deleted = False
    profile.forget()
    return deleted


def may_remember(profile: Profile) -> bool:
    """Whether asking "Shall I remember where we stopped?" makes sense: never asked, and a store to keep it in."""
    return profile.remember_place is None and profile.status == LOADED


def _keep_place(handler_input: HandlerInput, profile: Profile) -> None:
    """With the listener's consent, where to go on next time: the pending offer, else what follows the page
    last read (or that page again, if nothing follows it)."""
    if not profile.remember_place:
        return
    state = state_of(handler_input)
    resume = state.offer
    if resume is None and state.place is not None:
        place, page, chunk = state.place, state.page, state.chunk
        resume = next_offer(content_of(handler_input), place, page, chunk) or Offer(place, page, chunk)
    profile.update(resume=resume)


def _lambda_remaining_ms(handler_input: HandlerInput) -> int | None:
    """What Lambda has left of this invocation; None elsewhere (console, web, tests)."""
    remaining = getattr(handler_input.context, "get_remaining_time_in_millis", None)
    return remaining() if callable(remaining) else None


def _kind(error: Exception) -> str:
    return str(error) if isinstance(error, PersistenceException) else type(error).__name__
