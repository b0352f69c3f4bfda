"""What the skill can see of what was said in a request: the intent's name and every slot value as heard,
bounded so that no request makes the triage and the ranker read more than a person can say.

Alexa fills at most the two slots the widest intent of the model declares, with what one utterance held: a few
hundred characters at most. A forged or broken request can carry thousands of slots of 16,000 characters each
(the guards' limits), and every reader of what was said (triage, ranker, short replies) would read them all.
``BoundHeard``, the first request interceptor, keeps a request's first ``MAX_SLOTS`` slots and the first
``MAX_HEARD`` characters of each value, cut at a space: far above anything spoken, so a red flag said at the end
of a long sentence is still read, and the work of every request is bounded on every entry point.
"""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestInterceptor
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_request_type

QUESTION_SLOT = "question"
MAX_SLOTS = 4  # twice the widest intent of the interaction model
MAX_HEARD = 4_000  # characters of one slot value: about 650 words, over three minutes of speech


def intent_name(handler_input: HandlerInput) -> str | None:
    if not is_request_type("IntentRequest")(handler_input):
        return None
    intent = handler_input.request_envelope.request.intent
    return intent.name if intent else None


def heard_texts(handler_input: HandlerInput) -> list[str]:
    """Every slot value Alexa heard, as said (unresolved values included): the free text of the request."""
    if intent_name(handler_input) is None:
        return []
    slots = handler_input.request_envelope.request.intent.slots or {}
    return [slot.value for slot in slots.values() if slot is not None and isinstance(slot.value, str) and slot.value]


def bounded(text: str) -> str:
    """The text, or its first ``MAX_HEARD`` characters cut back to the last space (no word is cut in two)."""
    if len(text) <= MAX_HEARD:
        return text
    cut = text[:MAX_HEARD]
    if not (cut[-1].isspace() or text[MAX_HEARD].isspace()):
        # The cut falls inside a word: that word goes (unless it is all there is).
        cut = cut.rsplit(None, 1)[0]
    return cut.rstrip()


class BoundHeard(AbstractRequestInterceptor):
    """Bounds the request's slots before anything reads them (see the module's docstring)."""

    def process(self, handler_input: HandlerInput) -> None:
        if intent_name(handler_input) is None:
            return
        intent = handler_input.request_envelope.request.intent
        if not isinstance(intent.slots, dict):
            return
        kept = dict(list(intent.slots.items())[:MAX_SLOTS]) if len(intent.slots) > MAX_SLOTS else intent.slots
        for slot in kept.values():
            if slot is not None and isinstance(slot.value, str):
                slot.value = bounded(slot.value)
        intent.slots = kept
