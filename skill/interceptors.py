"""Response interceptors: remember the reply for "repeat", and what a screen showed with it (unless the turn said
it again after a preface), and write the dialog state to the session; speak at the listener's pace."""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractResponseInterceptor
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response
from ask_sdk_model.ui import SimpleCard, SsmlOutputSpeech

from .dialog import LastReply
from .pace import at_rate
from .screen import shown_on_screen
from .turn import profile_of, state_of


class RememberReply(AbstractResponseInterceptor):
    def process(self, handler_input: HandlerInput, response: Response) -> None:
        if handler_input.request_envelope.session is None or response is None or response.output_speech is None:
            return
        state = state_of(handler_input)
        if not state.keep_last:
            state.last = remembered(response)
        state.save(handler_input.attributes_manager.session_attributes)


def remembered(response: Response) -> LastReply:
    """A response as the dialog state keeps it, to be said (and shown) again."""
    card = response.card if isinstance(response.card, SimpleCard) else None
    reprompt = response.reprompt.output_speech if response.reprompt else None
    shown = shown_on_screen(response.directives or [])
    return LastReply(
        speech=_inner(response.output_speech.ssml),
        reprompt=_inner(reprompt.ssml) if reprompt is not None else None,
        card_title=card.title if card else None,
        card_text=card.content if card else None,
        screen_title=shown.title if shown else None,
        screen_position=shown.position if shown else None,
        screen_sources=shown.sources if shown else None,
        screen_choices="\n".join(shown.choices) if shown else None,
    )


def _inner(ssml: str) -> str:
    """The SSML without its ``<speak>`` wrapper, ready to be spoken again."""
    return ssml.removeprefix("<speak>").removesuffix("</speak>")


class ApplyPace(AbstractResponseInterceptor):
    """Everything said, reprompts included, at the listener's speech rate (after ``RememberReply``, so "repeat"
    renders the words afresh at whatever the rate is then)."""

    def process(self, handler_input: HandlerInput, response: Response) -> None:
        if response is None:
            return
        rate = profile_of(handler_input).rate
        reprompt = response.reprompt.output_speech if response.reprompt else None
        for speech in (response.output_speech, reprompt):
            if isinstance(speech, SsmlOutputSpeech):
                speech.ssml = f"<speak>{at_rate(_inner(speech.ssml), rate)}</speak>"
