"""Safety triage, first on every path: an emergency, a sign to call the doctor, or a wish to change treatment.

The first request handler: it reads the intent and every slot value, and if
the triage finds a red flag, nothing else answers. An emergency puts the
emergency number first and ends the session so the user can call; a question
about a red flag ("can IVIg cause a heart attack?") hears what to do if it is
happening now, then its answer.
"""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from ..reply import Reply, respond
from ..turn import content_of, state_of
from ..understanding.heard import heard_texts, intent_name
from ..understanding.triage import CALL_DOCTOR, EMERGENCY, Triage, triager
from .free_text import answer_free_text

_TRIAGE = "triage"


def triage_of(handler_input: HandlerInput) -> Triage | None:
    """The triage of this request, worked out once."""
    attributes = handler_input.attributes_manager.request_attributes
    if _TRIAGE not in attributes:
        content = content_of(handler_input)
        attributes[_TRIAGE] = triager(content.locale).triage(intent_name(handler_input), heard_texts(handler_input))
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
        if level.id == EMERGENCY:
            own = sign.answer if sign else None
            parts = [own or (texts["during_infusion"] if found.during_infusion else texts["answer"])]
        elif level.id == CALL_DOCTOR:
            # Stopping a running infusion comes before anything else.
            urgency = (sign.urgency if sign else None) or texts["urgency"]
            stop = [texts["during_infusion"]] if found.during_infusion else []
            parts = [*stop, sign.means if sign else texts["means"], texts[urgency]]
        else:
            parts = [sign.answer if sign else texts["answer"], texts["close"]]
        sources = sign.sources if sign and sign.sources else level.sources
        cited = [f"- {content.sources[s].citation()}" for s in sources]
        title = content.prompts[f"triage_title_{level.id}"]
        card = [*parts, content.prompts["sources_heading"] + ":\n" + "\n".join(cited)]
        return respond(handler_input, Reply(parts, card_title=title, card_lines=card, end=level.id == EMERGENCY))
