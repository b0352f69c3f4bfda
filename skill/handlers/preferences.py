"""What the listener can ask the skill to change or keep: speech rate, their place for next time, forgetting them.

Every reply here ends with the pending offer, so changing the pace or the
memory never loses the listener's place. A change of pace says the last
answer again at the new rate.
"""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import Response

from .. import pace
from ..answers import closing_question
from ..memory import forget
from ..profile import LOADED
from ..reply import Reply, respond, say_again
from ..turn import content_of, profile_of, state_of

REMEMBER = "remember"  # the pending yes-or-no question "Shall I remember where we stopped?"

# Intent -> (new rate from the current one, prompt, prompt when the rate cannot move further).
RATE_INTENTS = {
    "SlowerIntent": (pace.slower, "slower", "slowest"),
    "FasterIntent": (pace.faster, "faster", "fastest"),
    "NormalSpeedIntent": (lambda rate: pace.NORMAL, "normal_speed", "normal_speed"),
}


class SpeechRateHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return any(is_intent_name(name)(handler_input) for name in RATE_INTENTS)

    def handle(self, handler_input: HandlerInput) -> Response:
        return change_rate(handler_input, handler_input.request_envelope.request.intent.name)


class RememberPlaceHandler(AbstractRequestHandler):
    """ "Remember where I stopped": the listener's consent, asked for or not."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("RememberPlaceIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return answer_remember(handler_input, True)


class ForgetMeHandler(AbstractRequestHandler):
    """ "Forget me", "delete my data": the record is deleted, and nothing more is written."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("ForgetMeIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return forget_me(handler_input)


def change_rate(handler_input: HandlerInput, intent: str, then: list[str] | None = None) -> Response:
    """ "Slower", "faster" or "normal speed" (``intent``), confirmed, ``then`` said (how to turn the device up),
    and the last answer said again, at the new rate ("say it again slowly" is the same request)."""
    step, moved, stuck = RATE_INTENTS[intent]
    profile = profile_of(handler_input)
    rate = step(profile.rate)
    said = moved if rate != profile.rate or rate == pace.NORMAL else stuck
    profile.update(rate=rate)
    if state_of(handler_input).last is None:
        return _confirm(handler_input, said, then)
    return say_again(handler_input, [content_of(handler_input).prompts[said], *(then or [])])


def forget_me(handler_input: HandlerInput) -> Response:
    return _confirm(handler_input, "forgotten" if forget(handler_input) else "forget_failed")


def answer_remember(handler_input: HandlerInput, agreed: bool) -> Response:
    """The listener's answer to "Shall I remember where we stopped?" (or their own request)."""
    profile = profile_of(handler_input)
    if agreed and profile.status != LOADED:
        return _confirm(handler_input, "cannot_remember")
    profile.update(remember_place=agreed, resume=None)
    if not agreed and state_of(handler_input).answering == REMEMBER:
        # Asked only after "no" to more: "no" again is a listener who is done.
        prompts = content_of(handler_input).prompts
        return respond(handler_input, Reply([prompts["not_remembering"], prompts["goodbye"]], end=True))
    return _confirm(handler_input, "remembering" if agreed else "not_remembering")


def ask_remember(handler_input: HandlerInput, parts: list[str]) -> Response:
    """Say ``parts``, then ask whether to keep the listener's place for next time."""
    state_of(handler_input).asking = REMEMBER
    return respond(handler_input, Reply(parts, question=content_of(handler_input).prompts["ask_remember"]))


def _confirm(handler_input: HandlerInput, prompt: str, then: list[str] | None = None) -> Response:
    content = content_of(handler_input)
    state = state_of(handler_input)
    question = closing_question(content, state)
    return respond(handler_input, Reply([content.prompts[prompt], *(then or [])], question=question))
