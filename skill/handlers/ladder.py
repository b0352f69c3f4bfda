"""The error ladder: what "I don't know that one yet" says the first, second and third time in a row.

A first miss offers one thing to ask: the nearest question the bank has, or
an example; a second, a different one; a third, a short menu of what to ask,
once a session, and after that a kind exit. Each rung has its own apology,
so the same one is never said twice in a row. Any turn that answers
something (or any other turn than a miss, a repeat or a pause) ends the run.

A question beyond what the skill is for (a recipe, the weather) is told so
plainly, with what it can do, not offered the nearest page, which would be
about something else.
"""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput

from ..answers import place_of
from ..content import Question
from ..dialog import DialogState, Offer
from ..reply import Reply
from ..turn import content_of, state_of
from ..understanding.ranker import Ranked, Ranker

MISSED = "unknown"  # what a miss answered, in the dialog state (the understanding benchmark reads it)
_APOLOGIES = ("dont_know", "dont_know_again", "dont_know_still")
_EXAMPLES = ("example_first", "example_second")
_MENU_RUNG = 3
# Beyond scope: a miss that names no topic, whose words are this far in meaning from every question in the bank
# (the embeddings' closest) and whose nearest question covers less than this share of them. Read off the misses of
# the conversation corpora: the weather, a taxi, a recipe, music fall below both; "how do I set up the pump" and
# "is it normal to be knocked out for two days after" do not.
_FAR_IN_MEANING = 0.42
_FEW_WORDS_COVERED = 0.5
OUT_OF_SCOPE = "out_of_scope"


def beyond_scope(bank: Ranker, text: str, nearest: tuple[Ranked, ...]) -> bool:
    """Whether ``text``, which the bank cannot answer, asks about something the skill is not for."""
    if bank.meanings is None or any(term in bank.topic_ids for term in bank.terms(text)):
        return False
    closest = max(bank.meanings.similarities(bank.folded(text)).values(), default=0.0)
    covered = nearest[0].coverage if nearest else 0.0
    return closest < _FAR_IN_MEANING and covered < _FEW_WORDS_COVERED


def missed(handler_input: HandlerInput, nearest: list[Question], apology: str | None = None) -> Reply:
    """The reply to something the skill cannot answer, one rung up the ladder from the last miss.

    ``nearest``: the questions nearest to what was asked, best first; ``apology``: the prompt that opens a first
    miss, when it is not the ranker's "I don't know that one yet" (a request Alexa could not match)."""
    content = content_of(handler_input)
    prompts = content.prompts
    state = state_of(handler_input)
    state.misses = min(state.misses + 1, _MENU_RUNG + 1) if state.answered == MISSED else 1
    state.choices, state.answered = (), MISSED
    rung = state.misses
    opening = prompts[apology if apology and rung == 1 else _APOLOGIES[min(rung, len(_APOLOGIES)) - 1]]
    if rung < _MENU_RUNG:
        return _example(content.prompts, state, nearest, rung, opening)
    state.offer = None
    if rung == _MENU_RUNG and not state.menu_heard:
        state.menu_heard = True
        return Reply([opening, prompts["help_short"]], prompts["ask_question"])
    return Reply([prompts["stop_here"]], end=True)


def _example(prompts: dict[str, str], state: DialogState, nearest: list[Question], rung: int, opening: str) -> Reply:
    """One thing to ask: the nearest question not offered just before, else the rung's own example."""
    offered = state.offer
    for question in nearest:
        offer = Offer(place_of(question.ref), question.ref.page)
        if offer != offered:
            state.offer = offer
            return Reply([opening], prompts["nearest_one"].format(first=question.about))
    state.offer = None
    return Reply([opening, prompts[_EXAMPLES[rung - 1]]], prompts["ask_question"])
