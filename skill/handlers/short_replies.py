"""Short replies that are not questions: "what?" repeats, "hold on" waits, "thanks" closes warmly, and the
answer to "Do you mean A, or B?" picks, takes both, or neither; with none asked, a pick hears that no choice was
given, and "neither" to the nearest thing offered after a miss asks what was meant.

They come as their own intents (``WaitIntent``, ``ThanksIntent``, Alexa's yes, no and repeat) or as free text
that is nothing else ("huh", "number two", "none of those"); ``understanding/replies.py`` reads the free text.
"""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import Response

from ..answer_first import question_reply
from ..answers import OVERVIEW, place_about, place_of
from ..content import Content
from ..dialog import DialogState, Offer
from ..reply import Reply, respond, say_again
from ..speech import to_plain
from ..turn import content_of, state_of
from ..understanding.endings import endings
from ..understanding.heard import heard_texts, intent_name
from ..understanding.ranker import CLARIFY, UNKNOWN, ranker
from ..understanding.replies import BOTH, FASTER, LOST, NEITHER, PACE, REPEAT, SLOWER, THANKS, WAIT, WRONG, replies
from .free_text import QUESTION_INTENT
from .ladder import MISSED
from .launch import opened_with_nothing
from .navigation import NoHandler, RepeatHandler
from .preferences import change_rate
from .safety import closing_level

THANKS_INTENT = "ThanksIntent"
WAIT_INTENT = "WaitIntent"
DONE = "done"
NO_CHOICE = "no_choice"  # "number two", "both" with no "Do you mean ...?" open
REMINDER = "cannot_remind"  # "remind me on Tuesday": Alexa can, the skill can't
_MEANT = 0.4  # the chance of a bank question at which an aside after "hang on" is taken to say it (pages ~0.4+)
_ONLY_ASKED = 3  # words besides the question: "Okay." and no more
_KINDS = {THANKS_INTENT: THANKS, WAIT_INTENT: WAIT}
_RATES = {SLOWER: "SlowerIntent", FASTER: "FasterIntent"}


def _said(handler_input: HandlerInput) -> str:
    return " ".join(heard_texts(handler_input))


def _kind(handler_input: HandlerInput) -> str | None:
    name = intent_name(handler_input)
    if name in _KINDS:
        return _KINDS[name]
    if name == "AMAZON.NoIntent":
        return DONE if _nothing_more(state_of(handler_input)) else None
    said = _said(handler_input)
    read = replies(content_of(handler_input).locale)
    # A request to hear it again slower or louder is read whichever intent its words fell into ("{topic} please").
    kind = read.kind_of(said) if name == QUESTION_INTENT or (said and read.pace_in(said)) else None
    facet = content_of(handler_input).facet_for_intent(name or "")
    if kind is None and said and not state_of(handler_input).choices and (facet is None or facet.id == OVERVIEW):
        # A pick with nothing to pick from is no question ("number two" is not the second test), whichever intent
        # its words fell into ("number one" heard as a topic). A facet's question around it asks something of the
        # treatment it picks ("how often is the second one given").
        picked = read.choice_in(said, 2)
        kind = None if picked is None else NEITHER if picked == NEITHER else NO_CHOICE
    if kind is None and name == QUESTION_INTENT and endings(content_of(handler_input).locale).closes(said):
        # "... thanks love, that's all": a sentence that ends in a closing, and asks nothing before it, closes too.
        kind = THANKS
    if kind is None and name == QUESTION_INTENT and read.asks_a_reminder(said):
        kind = REMINDER
    aside = read.aside_after_wait(said) if kind is None and name == QUESTION_INTENT else None
    if aside is not None and _asks_nothing(content_of(handler_input).locale, aside):
        # "Hang on, the nurse is saying something": a moment asked for, and why; not a question.
        kind = WAIT
    return kind


def _asks_nothing(locale: str, said: str) -> bool:
    """Whether ``said`` asks nothing the skill could answer: no question in its words, no topic named, and no
    question of the bank it is likelier than not to mean ("she's got a headache" is one; "the doctor has just come
    in" and "my phone is going" only share a word with one)."""
    bank = ranker(locale)
    if endings(locale).asks(said) or any(term in bank.topic_ids for term in bank.terms(said)):
        return False
    # By the rules alone: the learned gate reads whole questions, not the aside left after "hang on".
    ranking = bank.rank(said, policy=bank.policy)
    return ranking.verdict == UNKNOWN or ranking.candidates[0].chance < _MEANT


class ShortReplyHandler(AbstractRequestHandler):
    """ "what?", "huh": the last thing said again; "um", "hold on": "Take your time." and the question; "that's not
    what I asked": sorry, and what they wanted to know; "I don't know": what they can ask, in a few words; "thanks",
    "that's all, thank you", and "no" when nothing is on offer: a warm goodbye."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return _kind(handler_input) is not None

    def handle(self, handler_input: HandlerInput) -> Response:
        kind = _kind(handler_input)
        prompts = content_of(handler_input).prompts
        if kind == REPEAT:
            return RepeatHandler().handle(handler_input)
        if kind == PACE:
            return _paced(handler_input)
        if kind in (THANKS, DONE):
            return respond(handler_input, Reply([_goodbye(prompts, kind, state_of(handler_input))], end=True))
        state = state_of(handler_input)
        if kind == LOST:
            state.menu_heard = True
            return respond(handler_input, Reply([prompts["help_short"]], prompts["ask_question"]))
        if kind == WRONG:
            # "That's not what I asked": to "Do you mean A, or B?" neither; to an answer, sorry, and ask it again.
            reply = _not_those(prompts, state) if state.choices else _got_wrong(content_of(handler_input), state)
            return respond(handler_input, reply)
        if kind == NEITHER:
            if state.answered != MISSED:
                # "Neither" to "Want to hear more?": no.
                return NoHandler().handle(handler_input)
            # "Neither" to the nearest thing offered after a miss: not that, so what did they mean?
            return respond(handler_input, _not_those(prompts, state))
        if kind in (NO_CHOICE, REMINDER):
            # The question just asked still stands: "yes" still answers it.
            state.asking, state.keep_last = state.answering, True
            reply = Reply([prompts[kind]], _last_question(content_of(handler_input), state))
            if kind == REMINDER:
                # Something asked that the skill can't do: a miss, on the ladder like any other.
                state.answered = MISSED
            return respond(handler_input, reply)
        opened = opened_with_nothing(handler_input)
        if opened is not None:
            return opened
        # The question is still open: "yes" still answers it, and "what?" says the answer again, not this.
        state.asking, state.keep_last = state.answering, True
        return respond(
            handler_input, Reply([prompts["take_your_time"]], _last_question(content_of(handler_input), state))
        )


def _paced(handler_input: HandlerInput) -> Response:
    """The last thing said again, slower or faster when asked, after how to turn the device up when asked louder."""
    asked = replies(content_of(handler_input).locale).pace_in(_said(handler_input))
    # Safety advice said again starts with its number and action, as it did the first time: no volume hint before it.
    advice = (state_of(handler_input).answered or "").startswith("safety:")
    louder = [content_of(handler_input).prompts["louder"]] if asked and asked.louder and not advice else []
    if asked is None or asked.rate is None:
        return say_again(handler_input, louder)
    return change_rate(handler_input, _RATES[asked.rate], then=louder)


def _last_question(content: Content, state: DialogState) -> str:
    """The question the last turn closed with, asked again; after a miss, the nearest thing it offered, named in a
    few words ("Would you like to hear about ...?"), not the miss again."""
    if state.answered == MISSED and state.offer is not None:
        return content.prompts["nearest_offer"].format(first=place_about(content, state.offer.place))
    last = state.last
    return to_plain(last.reprompt) if last and last.reprompt else content.prompts["ask"]


def _got_wrong(content: Content, state: DialogState) -> Reply:
    """Sorry, and what they wanted to know about the topic the listener is on, which stays in context; nothing is on
    offer ("yes" doesn't read on)."""
    topic = content.topic(state.topic or "")
    state.offer, state.answered = None, WRONG
    asked = content.prompts["wrong_ask_about"].format(topic=topic.name) if topic else content.prompts["ask_question"]
    return Reply([content.prompts["got_it_wrong"]], asked)


def _not_those(prompts: dict[str, str], state: DialogState) -> Reply:
    state.choices, state.offer, state.answered = (), None, "clarify:neither"
    return Reply([prompts["clarify_neither"], prompts["example_first"]], prompts["clarify_what_then"])


class ClarifyAnswerHandler(AbstractRequestHandler):
    """The reply to "Do you mean A, or B?": "number two" or "the first one" picks; "both" reads the first and
    offers the second; "neither" (or "no") asks what was meant. Anything else is a new question for the others."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return _choice(handler_input) is not None

    def handle(self, handler_input: HandlerInput) -> Response:
        content = content_of(handler_input)
        state = state_of(handler_input)
        choice = _choice(handler_input)
        bank = ranker(content.locale)
        choices = state.choices or state.picked
        offered = [bank.question(question_id) for question_id in choices]
        if choice == NEITHER:
            return respond(handler_input, _not_those(content.prompts, state))
        # "Both" right after a pick reads the other one; a pick right after one ("the second one I mean") changes it.
        both_after_a_pick = choice == BOTH and not state.choices
        if both_after_a_pick:
            first = next((q for q in offered if place_of(q.ref) != state.place), offered[1])
        else:
            first = offered[0 if choice == BOTH else choice]
        reply = question_reply(content, state, first)
        state.picking = () if choice == BOTH else choices
        if choice == BOTH and not both_after_a_pick:
            second = offered[1]
            state.offer = Offer(place_of(second.ref), second.ref.page)
            reply.question = content.prompts["clarify_both_offer"].format(second=second.about)
        return respond(handler_input, reply)


def _goodbye(prompts: dict[str, str], kind: str, state: DialogState) -> str:
    """The goodbye; after safety advice, thanks hears the advice's one action again ("contact your doctor")."""
    if kind == DONE:
        return prompts["goodbye"]
    level = closing_level(state)
    return prompts.get(f"thanks_goodbye_{level}", prompts["thanks_goodbye"])


def _nothing_more(state: DialogState) -> bool:
    """Whether "no" now means "nothing more": the last turn only asked what else they'd like ("Okay. What would
    you like to know?"), with nothing on offer and no yes-or-no question open. After an answer, "no" first
    hears that question; a second "no" says goodbye."""
    last = state.last
    if state.offer is not None or state.answering is not None or last is None or not last.reprompt:
        return False
    return len(to_plain(last.speech).split()) - len(to_plain(last.reprompt).split()) <= _ONLY_ASKED


def _choice(handler_input: HandlerInput) -> int | str | None:
    """What a reply picks among the questions just offered; None when none were offered, or it picks nothing."""
    state = state_of(handler_input)
    read = replies(content_of(handler_input).locale)
    said = _said(handler_input)
    if not (state.answered == CLARIFY and state.choices):
        # Right after a pick, a change of mind ("the second one I mean"); "no" answers the offer after it.
        return read.repicks(said) if state.picked and len(state.picked) == 2 and said else None
    if is_intent_name("AMAZON.NoIntent")(handler_input):
        return NEITHER
    return read.choice_in(said, len(state.choices)) if said else None
