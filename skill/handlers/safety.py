"""Safety triage, first on every path: an emergency, a sign to call the doctor, or a wish to change treatment.

The first request handler: it reads the intent, every slot value and the topic
in context, and if the triage finds a red flag, nothing else answers. An
emergency puts the emergency number first and ends the session so the user can
call; thoughts of self-harm, a sign to call the doctor and a change of treatment
end with "Want me to say that again?", and the next turn's "yes", "repeat" or
"what should I do" says the advice again, while "no" or "thanks" closes kindly.
A question about a red flag ("can IVIg cause a heart attack?") hears what to do
if it is happening now, then its answer.
"""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import Response

from ..reply import Reply, respond
from ..turn import content_of, state_of
from ..understanding.heard import heard_texts, intent_name
from ..understanding.ranker import ranker
from ..understanding.triage import CALL_DOCTOR, EMERGENCY, Triage, triager
from ..understanding.words import words
from .free_text import answer_free_text
from .navigation import RepeatHandler

_TRIAGE = "triage"
# The yes-or-no question a safety answer ends with, which the next turn answers.
AGAIN = "safety_again"
AGAIN_SELF_HARM = "safety_again_self_harm"
_REPLAY_INTENTS = ("AMAZON.YesIntent", "AMAZON.RepeatIntent", "AMAZON.FallbackIntent")


def triage_of(handler_input: HandlerInput) -> Triage | None:
    """The triage of this request, worked out once."""
    attributes = handler_input.attributes_manager.request_attributes
    if _TRIAGE not in attributes:
        content = content_of(handler_input)
        state = state_of(handler_input)
        # With no topic yet ("my husband had his drip on Tuesday" was not known), the nearest one offered stands in.
        topic = state.topic or (state.offer.place.topic if state.offer else None)
        found = triager(content.locale).triage(intent_name(handler_input), heard_texts(handler_input), topic)
        attributes[_TRIAGE] = found
    return attributes[_TRIAGE]


class TriageHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return triage_of(handler_input) is not None

    def handle(self, handler_input: HandlerInput) -> Response:
        found = triage_of(handler_input)
        content = content_of(handler_input)
        level, texts = found.level, found.level.texts
        state = state_of(handler_input)
        if found.asking:
            return answer_free_text(handler_input, " ".join(heard_texts(handler_input)), [texts["if_now"]])
        state.offer, state.choices, state.answered = None, (), f"safety:{level.id}"
        sign = found.sign
        # What the advice was about is the topic in context: "I'll skip it then", "how long does that last".
        topic = sign.topic if sign and sign.topic else _named_topic(content.locale, heard_texts(handler_input))
        if topic:
            state.topic, state.facet, state.place = topic, None, None
        if level.id == EMERGENCY:
            own = sign.answer if sign else None
            parts = [own or (texts["during_infusion"] if found.during_infusion else texts["answer"])]
        elif level.id == CALL_DOCTOR:
            # Stopping a running infusion comes before anything else.
            urgency = (sign.urgency if sign else None) or texts["urgency"]
            stop = [texts["during_infusion"]] if found.during_infusion and not (sign and sign.infusion_ahead) else []
            parts = [*stop, sign.means if sign else texts["means"], texts[urgency]]
        else:
            parts = [sign.answer if sign else texts["answer"], texts["close"]]
        sources = sign.sources if sign and sign.sources else level.sources
        cited = [f"- {content.sources[s].citation()}" for s in sources]
        title = content.prompts[f"triage_title_{level.id}"]
        card = [*parts, content.prompts["sources_heading"] + ":\n" + "\n".join(cited)]
        reply = Reply(parts, card_title=title, card_lines=card)
        self_harm = bool(sign and sign.stays_open)
        if level.id == EMERGENCY and not self_harm:
            reply.end = True
        else:
            state.asking = AGAIN_SELF_HARM if self_harm else AGAIN
            reply.question = content.red_flags.follow_up["again_self_harm" if self_harm else "again"]
        return respond(handler_input, reply)


class SafetyFollowUpHandler(AbstractRequestHandler):
    """The turn after safety advice: the advice again ("yes", "what should I do"), or a kind close ("no",
    "thanks"). Anything else is a new question, answered as usual."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return state_of(handler_input).answering in (AGAIN, AGAIN_SELF_HARM) and _follow_up(handler_input) is not None

    def handle(self, handler_input: HandlerInput) -> Response:
        state = state_of(handler_input)
        if _follow_up(handler_input) == "replay":
            return RepeatHandler().handle(handler_input)
        follow_up = content_of(handler_input).red_flags.follow_up
        close = follow_up["close_self_harm" if state.answering == AGAIN_SELF_HARM else "close"]
        return respond(handler_input, Reply([close], end=True))


def _follow_up(handler_input: HandlerInput) -> str | None:
    """ "replay" or "close" for a reply to "Want me to say that again?", or None for anything else."""
    if any(is_intent_name(name)(handler_input) for name in _REPLAY_INTENTS):
        return "replay"
    if is_intent_name("AMAZON.NoIntent")(handler_input):
        return "close"
    red_flags = content_of(handler_input).red_flags
    said = " ".join(words(" ".join(heard_texts(handler_input))))
    if said in red_flags.replay:
        return "replay"
    return "close" if said in red_flags.close else None


def _named_topic(locale: str, heard: list[str]) -> str | None:
    """The one treatment or topic the sentence names ("Privigen" is IVIg), or None if it names none or several."""
    bank = ranker(locale)
    named = {term for text in heard for term in bank.terms(text) if term in bank.topic_ids}
    return named.pop() if len(named) == 1 else None
