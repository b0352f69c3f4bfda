"""Safety triage, first on every path: an emergency, a sign to call the doctor, or a wish to change treatment.

The first request handler: it reads the intent, every slot value and the topic
in context, and if the triage finds a red flag, nothing else answers. An
emergency puts the emergency number first, then the one action that matters.
Every safety answer ends with "Want me to say that again?" (thoughts of
self-harm: "the numbers"), so it can be heard again: the next turn's "yes",
"repeat" or "what?" says it again whole; "what should I do", "ok", a reply that
asks nothing new ("right", "got it"), or any replay once it was said again, hears
it in brief (up to its first thing to do) and "Want it all again?". "Is that
normal?" or "but I feel fine" hears that it can't be judged here, and the advice
again. "No", "stop" or "thanks" closes kindly with the advice's one action, and
so does saying it is being done ("ok, I'm ringing now", "the ambulance is
coming"); putting it off ("he doesn't want a fuss") hears that it can't wait,
and the advice again. After one turn that was not understood, "what should I
do" or "say that again" still say the advice. A question about a red flag ("can
IVIg cause a heart attack?") hears what to do if it is happening now, then its
answer. An infusion the session heard is going on now is one a later red flag is
said during: "stop the infusion" comes too.
"""

from __future__ import annotations

import dataclasses
import functools

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import Response

from ..breath import chunks
from ..content import data_file, language_of
from ..content.model import RedFlags, Sign, TriageLevel
from ..dialog import Advice, DialogState
from ..interceptors import remembered
from ..reply import Reply, respond, say_again
from ..turn import content_of, state_of
from ..understanding.endings import (
    ACTING,
    DRIVING,
    GOING,
    IN_HOSPITAL,
    LESSER,
    LESSER_NURSE,
    NURSE,
    POISON_LINE,
    RELUCTANT,
    endings,
)
from ..understanding.heard import heard_texts, intent_name
from ..understanding.ranker import ANSWER, CLARIFY, GENERAL_TOPIC, ranker
from ..understanding.replies import replies
from ..understanding.running import heard_ahead, heard_running
from ..understanding.triage import CALL_DOCTOR, EMERGENCY, NO_CHANGE, Triage, triager
from ..understanding.words import words
from .free_text import QUESTION_INTENT, answer_free_text
from .ladder import MISSED

_TRIAGE = "triage"
# The yes-or-no question a safety answer ends with, which the next turn answers: after the advice, after the
# advice said again, after it said in brief, and after thoughts of self-harm (which are always said whole).
AGAIN = "safety_again"
AGAIN_SAID = "safety_again_said"
AGAIN_ALL = "safety_again_all"
AGAIN_SELF_HARM = "safety_again_self_harm"
_AGAIN = (AGAIN, AGAIN_SAID, AGAIN_ALL, AGAIN_SELF_HARM)
_REPLAY_INTENTS = ("AMAZON.YesIntent", "AMAZON.FallbackIntent")
# "No", and "stop" or "I'm done" too, close with the advice's own words ("Please make that call").
_CLOSE_INTENTS = ("AMAZON.NoIntent", "AMAZON.StopIntent", "AMAZON.CancelIntent")
_HELP_INTENT = "AMAZON.HelpIntent"
# A reply of at most this many words that asks for the number asks for the advice again, not a page.
_SHORT = 10
# The topic whose treatment a symptom is read with while an infusion the session heard of is going on.
_RUNNING_TOPIC = "infusion_day"
# Asking whether to give something after advice: what to say depends on the advice (``[[follow_up.giving]]``).
_GIVING = ("make_sick", "adrenaline", "adrenaline_used", "adrenaline_second", "antihistamine", "go_ahead")
# Of those, the replies about the pen or an antihistamine, which say the call themselves: the advice is not said again
# after them, so the number is said once (clinical review 11, n8); "repeat" still says the advice.
_SAYS_THE_CALL = ("adrenaline", "adrenaline_used", "adrenaline_second", "antihistamine")
# Their words are heard in a longer reply too ("should I give her a second EpiPen, it's been five minutes and she's no
# better"), and before a sign said again with them ("we gave him his EpiPen but he's still wheezing"; review 11, W7).
_PEN = ("adrenaline", "adrenaline_used", "adrenaline_second")
_LONGER = 24
# "What do I do now?" heard as a call for help, and "in simple words": what to do now, in brief, is the advice.
_BRIEF_INTENTS = (_HELP_INTENT, "ShorterIntent")
# The replies that open with a word of their own ("I can't tell what's behind it"), then say the advice again.
_PREFACES = {"about": "about_it", RELUCTANT: "reluctant", LESSER: "lesser", LESSER_NURSE: LESSER_NURSE, GOING: GOING}
_PREFACES.update({kind: kind for kind in _GIVING})
# After a miss, the replies that still mean the advice: not "yes" or "no", which answer what the miss offered.
_AFTER_A_MISS = ("brief", "about", ACTING, NURSE, DRIVING, GOING, RELUCTANT, LESSER, LESSER_NURSE, *_GIVING, "repeat")
_AFTER_A_MISS += (IN_HOSPITAL, POISON_LINE)
# The replies that close the session: a no, or doing what the advice said (by car, after an emergency: an
# ambulance is safer, and it closes with that).
_CLOSING = ("close", ACTING, DRIVING, IN_HOSPITAL, POISON_LINE)
# "It's my choice" after advice not to change a treatment: yes, and made with the neurologist (clinical review 15, n8).
CHOICE = "choice"


def triage_of(handler_input: HandlerInput) -> Triage | None:
    """The triage of this request, worked out once."""
    attributes = handler_input.attributes_manager.request_attributes
    if _TRIAGE not in attributes:
        content = content_of(handler_input)
        state = state_of(handler_input)
        # With no topic yet ("my husband had his drip on Tuesday" was not known), the nearest one offered stands in.
        topic = state.topic or (state.offer.place.topic if state.offer else None)
        heard = heard_texts(handler_input)
        session = handler_input.request_envelope.session
        running = session is not None and heard_running(
            handler_input.attributes_manager.session_attributes, content.locale, heard
        )
        ahead = session is not None and heard_ahead(handler_input.attributes_manager.session_attributes)
        if running and topic not in content.red_flags.treatment_words:
            # An infusion going on now is the treatment in context, whatever page was read last ("help for carers").
            topic = _RUNNING_TOPIC
        read = triager(content.locale)
        # A sign's words said last turn are read with this one's (a sign told over two turns). After advice, what is
        # said is the advice's to answer, unless read so it is more urgent than the advice ("he's really drowsy now"
        # after a head injury's go-now advice is a call to the emergency number; clinical review 14, W4).
        intent, before = intent_name(handler_input), state.signs_said
        found = read.triage(intent, heard, topic, running, before, ahead)
        advised = _advised(state)
        if before and advised and found is not None and not _more_urgent_than(found.level.id, advised):
            found = read.triage(intent, heard, topic, running, ahead=ahead)
        state.signs_said = read.sign_words(heard)
        attributes[_TRIAGE] = _during_running(found, running)
    return attributes[_TRIAGE]


def _during_running(found: Triage | None, running: bool | None) -> Triage | None:
    """The triage, during the infusion the session heard is going on now ("he's on his IVIg right now", then "his
    chest feels tight"), unless its sign is about an infusion that is over or still to come; and not during one the
    session heard is over ("she had her Privigen yesterday"), though the topic in context is an infusion."""
    sign = found.sign if found else None
    if running and sign and sign.while_running:
        twin = next(other for other in found.level.signs if other.id == sign.while_running)
        return dataclasses.replace(found, sign=twin, during_infusion=True)
    if found is None or (sign and (sign.infusion_past or sign.infusion_ahead)):
        return found
    if running is None or running == found.during_infusion:
        return found
    return dataclasses.replace(found, during_infusion=running)


class TriageHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        found = triage_of(handler_input)
        return found is not None and not _acting_on_advice(handler_input, found)

    def handle(self, handler_input: HandlerInput) -> Response:
        found = triage_of(handler_input)
        content = content_of(handler_input)
        level, texts = found.level, found.level.texts
        state = state_of(handler_input)
        if found.asking:
            # With no page for the question, what to do if it happens stands in for "I don't know that one"; a sign
            # told as long over hears what to do if it comes back, and to tell the neurologist.
            asked = texts["if_asked_during_infusion" if found.during_infusion and level.id == EMERGENCY else "if_asked"]
            text = " ".join(heard_texts(handler_input))
            if found.past:
                # Asked whether the treatment is still possible, and the bank has no page for it: usually it is.
                unanswered = [texts["if_past"], *([texts["if_past_treatment"]] if found.asks_treatment else [])]
                return answer_free_text(handler_input, text, [texts["if_past"]], unanswered=unanswered)
            return answer_free_text(handler_input, text, [texts["if_now"]], unanswered=[asked])
        state.offer, state.choices, state.answered = None, (), f"safety:{level.id}"
        sign = found.sign
        # What the advice was about is the topic in context: "I'll skip it then", "how long does that last".
        topic = sign.topic if sign and sign.topic else _named_topic(content.locale, heard_texts(handler_input))
        if topic:
            state.topic, state.facet, state.place = topic, None, None
        state.brief = None
        self_harm = bool(sign and sign.stays_open)
        if level.id == EMERGENCY:
            own = sign.answer if sign else None
            if own and found.during_infusion and not self_harm:
                # A sign's own answer said while the drip runs still says to stop it, in the brief too (not thoughts of
                # self-harm: "my mum is on IVIg and says there's no point going on" has no drip to stop).
                own = f"{own} {texts['stop_infusion']}"
            parts = [own or (texts["during_infusion"] if found.during_infusion else texts["answer"])]
            heard = " ".join(heard_texts(handler_input))
            in_hospital = False
            if not own and _pen_at_hand(content.red_flags, sign, heard):
                # Their adrenaline pen named with the reaction: the pen now, and the call, in the first sentence.
                stop = [texts["stop_infusion"]] if found.during_infusion else []
                parts = [texts["with_pen"], *stop, texts["with_pen_after"]]
            elif not own and not self_harm and endings(content.locale).in_hospital_now(heard):
                # Already in hospital when it happens: the staff there first (clinical review 11, n9).
                stop = [texts["stop_infusion"]] if found.during_infusion else []
                parts, in_hospital = [texts["in_hospital"], *stop], True
            if self_harm:
                # In brief, without what opens it ("I'm sorry you feel this way."): from the crisis line on.
                if sign.opens:
                    state.brief = parts[0]
                    parts.insert(0, sign.opens)
            else:
                # In brief, the number and the one action.
                state.brief = parts[0]
                if not in_hospital:
                    parts.append(texts["cant_call"])
        elif level.id == CALL_DOCTOR:
            urgency = (sign.urgency if sign else None) or texts["urgency"]
            # A sign only of a drip running says what to do with it itself ("tell the nurse", not "stop it" then "it
            # settles when it runs slower"; clinical review 14, W1).
            own_stop = sign and (sign.infusion_ahead or sign.infusion_now)
            stop = [texts["during_infusion"]] if found.during_infusion and not own_stop else []
            parts = [*stop, *call_doctor_advice(level, sign)]
            if stop and f"then_{urgency}" in texts:
                # In brief, the first thing to do and the call: what it may mean is left for "it all again".
                state.brief = " ".join([*stop, texts[f"then_{urgency}"]])
        else:
            # "Talk to your neurologist first." follows, unless the answer says whom to ask itself.
            close = [] if sign and sign.own_close else [texts["close"]]
            parts = [sign.answer if sign else texts["answer"], *close]
            if sign is None and endings(content.locale).asks(" ".join(heard_texts(handler_input))):
                # "No." answers a question ("can I just stop it?"), not a plan (clinical review 11, n7).
                parts[0] = f"{texts['asked']} {parts[0]}"
            # In brief, its first breath: the warning and why (the whole is long to hear again; audit 11, F6).
            state.brief = chunks(parts[0])[0]
        sources = sign.sources if sign and sign.sources else level.sources
        cited = [f"- {content.sources[s].citation()}" for s in sources]
        title = sign.title if sign and sign.title else content.prompts[f"triage_title_{level.id}"]
        card = [*parts, content.prompts["sources_heading"] + ":\n" + "\n".join(cited)]
        # Said a breath at a time: the safety point, which each answer puts first, is heard before the first pause.
        reply = Reply([said for part in parts for said in chunks(part)], card_title=title, card_lines=card)
        # Every safety answer stays open for one turn, so it can be heard again (an emergency too: the listener
        # may not have caught the number); "no", "thanks" or silence closes.
        state.asking = AGAIN_SELF_HARM if self_harm else AGAIN
        reply.question = content.red_flags.follow_up["again_self_harm" if self_harm else "again"]
        response = respond(handler_input, reply)
        # Kept for "go back" from what is read next.
        urgency = ((sign.urgency if sign else None) or texts["urgency"]) if level.id == CALL_DOCTOR else None
        own_close = bool(sign and sign.own_close)
        state.advice = Advice(
            remembered(response),
            level.id,
            state.asking,
            len(state.history),
            urgency,
            own_close,
            sign.id if sign else None,
            found.during_infusion,
        )
        return response


def call_doctor_advice(level: TriageLevel, sign: Sign | None) -> list[str]:
    """A call-the-doctor answer after any "stop the infusion": the call first, then why (clinical review 13). A sign
    with its own answer (an extra dose taken) says it whole, and its first sentence is the call too."""
    texts = level.texts
    if sign and sign.answer:
        return [sign.answer]
    urgency = (sign.urgency if sign else None) or texts["urgency"]
    return [texts[urgency], sign.means if sign and sign.means else texts["means"]]


class SafetyFollowUpHandler(AbstractRequestHandler):
    """The turn after safety advice, or after one miss that followed it: the advice again, whole ("yes", "say that
    again"), in brief ("what should I do", and any replay once it was said again), or after a word of its own ("is
    that normal?", "she'll sleep it off"); or a kind close ("no", "I'm ringing now"). Anything else is a new
    question, answered as usual."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        state = state_of(handler_input)
        if state.answering in _AGAIN:
            return _follow_up(handler_input) is not None
        # One turn not understood since the advice ("he doesn't want a fuss", before its words were known): asking
        # what to do, or to hear it again, still says the advice; "yes" takes what the miss offered.
        return _behind_a_miss(state) and _follow_up(handler_input) in _AFTER_A_MISS

    def handle(self, handler_input: HandlerInput) -> Response:
        state = state_of(handler_input)
        follow_up = content_of(handler_input).red_flags.follow_up
        kind = _follow_up(handler_input)
        if state.answering not in _AGAIN:
            # The advice is again what was said last, and its question the one open.
            advice = state.advice
            state.last, state.answering, state.answered = advice.reply, advice.asking, f"safety:{advice.level}"
        level = _advised(state)
        # A sign may have its own words for a reply (going to the ER after a head injury is no call to make).
        own = _replies_of(content_of(handler_input).red_flags, state.advice)
        if kind in _CLOSING:
            key = f"{kind}_{closing_level(state)}"
            said = follow_up.get(f"{kind}_{own}") or follow_up.get(key) or follow_up[kind]
            return respond(handler_input, Reply([said], end=True))
        if kind == NURSE or kind in _SAYS_THE_CALL or kind == CHOICE:
            # The nurse called at the drip: the number first if they aren't there, and the session stays open
            # (clinical review 11, n1). The pen's replies say the call themselves: said once (n8). "Repeat" still
            # says the advice. "It's my choice" hears that it is, and with whom to make it (review 15, n8).
            state.keep_last = True
            state.asking = AGAIN_SAID
            return respond(handler_input, Reply([follow_up[kind]], question=follow_up["again"]))
        brief = kind not in _PREFACES and state.brief and (kind == "brief" or state.answering == AGAIN_SAID)
        if not brief:
            # Whether it is normal, or serious, is for the doctor; putting it off hears that it can't wait: the
            # advice again, whole, after saying so.
            key = _PREFACES.get(kind)
            preface = (
                [follow_up.get(f"{key}_{own}") or follow_up.get(f"{key}_{level}") or follow_up[key]] if key else None
            )
            response = say_again(handler_input, preface)
            state.asking = AGAIN_SELF_HARM if state.answering == AGAIN_SELF_HARM else AGAIN_SAID
            return response
        # The whole advice stays the reply that "yes" to "Want it all again?" says again. An emergency's brief is
        # all of its advice, the number and the one action: it is offered again as it is.
        state.keep_last = True
        if state.answering == AGAIN_SELF_HARM:
            state.asking = AGAIN_SELF_HARM
            return respond(handler_input, Reply([state.brief], question=follow_up["again_self_harm"]))
        emergency = state.answered == f"safety:{EMERGENCY}"
        state.asking = AGAIN_SAID if emergency else AGAIN_ALL
        return respond(handler_input, Reply([state.brief], question=follow_up["again" if emergency else "again_all"]))


def _replies_of(red_flags: RedFlags, advice: Advice | None) -> str | None:
    """Whose words the replies after the advice take (``<reply>_<this>`` in ``[follow_up]``): its sign's ``replies``
    (the carer of someone with thoughts of self-harm: "someone"), or the sign's own id; None with no sign."""
    if advice is None or advice.sign is None:
        return None
    sign = next((s for level in red_flags.levels for s in level.signs if s.id == advice.sign), None)
    return (sign.replies if sign else None) or advice.sign


def _follow_up(handler_input: HandlerInput) -> str | None:
    """ "replay" ("repeat" for Alexa's repeat), "brief", "about" (a question about the advice), "close", acting on
    it or putting it off, for a reply to "Want me to say that again?", or None for anything else."""
    if is_intent_name("AMAZON.RepeatIntent")(handler_input):
        return "repeat"
    if any(is_intent_name(name)(handler_input) for name in _REPLAY_INTENTS):
        return "replay"
    if any(is_intent_name(name)(handler_input) for name in _CLOSE_INTENTS):
        return "close"
    if any(is_intent_name(name)(handler_input) for name in _BRIEF_INTENTS):
        return "brief"
    content = content_of(handler_input)
    red_flags = content.red_flags
    texts = heard_texts(handler_input)
    heard = " ".join(texts)
    said = " ".join(words(heard))
    # "Is that dangerous?" may reach an intent of its own ("is {topic} dangerous", the topic "that"): it asks about
    # the advice, not the treatment in context (clinical review 6, H2).
    if intent_name(handler_input) in red_flags.about_it_intents and all(
        " ".join(words(text)) in red_flags.about_it_refers for text in texts
    ):
        return "about"
    if said in red_flags.brief:
        return "brief"
    if said in red_flags.replay:
        return "replay"
    if said in red_flags.about_it or replies(content.locale).asks_normal(heard):
        # "Is that normal with it", "does that happen to a lot of people": whether it is normal, by kind.
        return "about"
    if said in red_flags.close:
        return "close"
    giving = _giving(red_flags, said, state_of(handler_input).advice)
    if giving is not None:
        # "Should I make him sick?" after a poisoning: no (clinical review 9, H5); "she has an EpiPen" after
        # anaphylaxis: use it (clinical review 10, H1). Then the advice again.
        return giving
    if len(said.split()) <= _SHORT and any(phrase in f" {said} " for phrase in red_flags.number_words):
        # "What's the number again?", "who do I ring?": the number, at once (clinical review 9, H7).
        return "brief"
    state = state_of(handler_input)
    if _advised(state) == NO_CHANGE and any(phrase in f" {said} " for phrase in _choice_words(content.locale)):
        return CHOICE
    # Acting on it, or putting it off, is no question; anything else that asks nothing is still the advice.
    urgency = state.advice.urgency if state.advice else None
    stopping = bool(state.advice and state.advice.during_infusion)
    kind = endings(content.locale).after_advice(heard, _advised(state), urgency, stopping) if said else None
    # "How do I stop the drip?" after advice that said to stop it: that advice again, in brief.
    asks_nothing = _stopping_as_advised(handler_input) or _nothing_asked(handler_input, said)
    return kind or ("brief" if asks_nothing else None)


@functools.cache
def _choice_words(locale: str) -> tuple[str, ...]:
    """The words of a decision said to be one's own ("it's my choice", "it's up to her"): ``choice_words`` in
    ``[follow_up]``, padded with spaces as a reply is read."""
    said = data_file(language_of(locale), "red_flags")["follow_up"]["choice_words"]
    return tuple(f" {' '.join(words(phrase))} " for phrase in said)


def _giving(red_flags: RedFlags, said: str, advice: Advice | None) -> str | None:
    """The reply to a short question about giving something after the advice ("can I give him some Benadryl"), for
    the sign that advice answered, or None."""
    if advice is None or len(said.split()) > _LONGER:
        return None
    padded = f" {said} "
    short = len(said.split()) <= _SHORT
    return next(
        (
            kind
            for kind, signs, phrases in red_flags.giving
            if (short or kind in _PEN) and advice.sign in signs and any(phrase in padded for phrase in phrases)
        ),
        None,
    )


def _pen_at_hand(red_flags: RedFlags, sign: Sign | None, heard: str) -> bool:
    """Whether an allergic reaction is told with their adrenaline pen named ("I have my EpiPen with me")."""
    padded = f" {' '.join(words(heard))} "
    return sign is not None and any(
        sign.id in signs and any(phrase in padded for phrase in phrases)
        for kind, signs, phrases in red_flags.giving
        if kind == "adrenaline"
    )


def _nothing_asked(handler_input: HandlerInput, said: str) -> bool:
    """Whether a reply to the advice asks nothing the skill could answer ("right", "got it", "I didn't get
    that"): no topic named, no question of the bank near it, and no short reply of its own ("thanks", "hold on").
    What to do is then still the advice, so it hears the advice in brief rather than "I don't know that"."""
    locale = content_of(handler_input).locale
    if not said or not is_intent_name(QUESTION_INTENT)(handler_input) or replies(locale).kind_of(said):
        return False
    if endings(locale).closes(said):
        # "... thanks love, that's all" closes (``short_replies.py``).
        return False
    bank = ranker(locale)
    state = state_of(handler_input)
    sign = state.advice.sign if state.advice else None
    if sign and triager(locale).speaks_of(sign, said):
        # The sign advised on, told more of ("I had my infusion three days ago and it's kind of cola coloured"
        # after dark urine): the advice still stands, unless a page answers what is asked (blind corpus R).
        return bank.rank(said, topic=state.topic).verdict not in (ANSWER, CLARIFY)
    # MMN itself, named ("but her arm is always weak from the MMN"), asks about nothing new: the advice still stands.
    if any(term in bank.topic_ids and term != GENERAL_TOPIC for term in bank.terms(said)):
        return False
    if _advised(state) == EMERGENCY and not endings(locale).asks(said):
        # After an emergency, what is told and asks nothing ("the nurse has gone out for ten minutes") is where
        # they are with it, however near a page its words come: the advice still stands (blind corpus R).
        return True
    return bank.rank(said, topic=state.topic).verdict not in (ANSWER, CLARIFY)


def _acting_on_advice(handler_input: HandlerInput, found: Triage) -> bool:
    """Whether, after safety advice, the listener says they are acting on it in words the triage hears too ("the
    ambulance is coming"), or asks whether to go to hospital ("should I go to A and E"), with nothing more urgent
    than the advice they had: that reply is the advice's to answer."""
    state = state_of(handler_input)
    if state.answering in _AGAIN:
        advised = (state.answered or "").split(":")[-1]
    elif _behind_a_miss(state):
        advised = state.advice.level
    else:
        return False
    if _stopping_as_advised(handler_input):
        return True
    levels = [level.id for level in content_of(handler_input).red_flags.levels]
    kind = _follow_up(handler_input)
    if kind == GOING and found.asking:
        # "Should I go to A and E?" names the emergency department, a sign only as a question: it asks about the
        # advice just given, whatever its level.
        return True
    acting = advised in levels and levels.index(found.level.id) >= levels.index(advised)
    # The pen used, or a second one, said with the reaction again ("we gave him his EpiPen but he's still wheezing"):
    # the pen's reply, which says the call too (clinical review 11, W7).
    return acting and kind in (ACTING, NURSE, DRIVING, GOING, *_PEN)


def _stopping_as_advised(handler_input: HandlerInput) -> bool:
    """Whether a change of treatment is heard ("how do I stop the drip", "I've turned the pump off") while the advice
    open said to stop the infusion: that is doing what it said, never a change to talk over with the team first (blind
    corpus R: it heard "Please don't stop your immunoglobulin on your own" mid-emergency)."""
    state = state_of(handler_input)
    found = triage_of(handler_input)
    return (
        _advised(state) is not None
        and state.advice is not None
        and state.advice.during_infusion
        and found is not None
        and found.level.id == NO_CHANGE
    )


def _more_urgent_than(level: str, advised: str) -> bool:
    """Whether a triage level is more urgent than the advice open ("self_harm" is as urgent as an emergency)."""
    order = (EMERGENCY, CALL_DOCTOR, NO_CHANGE)
    return advised in order and level in order and order.index(level) < order.index(advised)


def _advised(state: DialogState) -> str | None:
    """The level of the advice a reply answers ("self_harm" for thoughts of self-harm, whose call is to a crisis
    line), or None when no advice is open."""
    if state.answering in _AGAIN:
        asking, level = state.answering, (state.answered or "").split(":")[-1]
    elif _behind_a_miss(state):
        asking, level = state.advice.asking, state.advice.level
    else:
        return None
    return "self_harm" if asking == AGAIN_SELF_HARM else level


def closing_level(state: DialogState) -> str:
    """The advice's level for the words that close the session after it ("own" when its answer said whom to ask,
    so the close adds no "talk to your neurologist first": clinical review 9, n3), or "" when none is open."""
    level = _advised(state) or ""
    return "own" if level and state.advice and state.advice.own_close else level


def _behind_a_miss(state: DialogState) -> bool:
    """Whether the last turn was a first miss that came right after safety advice (nothing read since it)."""
    advice = state.advice
    return state.answered == MISSED and state.misses == 1 and advice is not None and advice.at == len(state.history)


def _named_topic(locale: str, heard: list[str]) -> str | None:
    """The one treatment or topic the sentence names ("Privigen" is IVIg), or None if it names none or several."""
    bank = ranker(locale)
    named = {term for text in heard for term in bank.terms(text) if term in bank.topic_ids}
    return named.pop() if len(named) == 1 else None
