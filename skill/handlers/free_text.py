"""Free text: what was said, ranked against the question bank, and the reply its confidence calls for.

The catch-all ``QuestionIntent`` carries a whole question; an intent whose
topic slot holds words that name no topic ("is {topic} safe" heard as "is
taking it while pregnant safe") is read the same way, with its facet as a hint.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_slot, is_intent_name
from ask_sdk_model import Response

from .. import pace
from ..answer_first import answer_chunk, question_reply
from ..answers import (
    OVERVIEW,
    SIDE_EFFECTS,
    brand_named,
    can_compare,
    next_offer,
    page_reply,
    pages_at,
    place_of,
    stated,
    stated_reply,
    subject_of,
    treatments_named,
)
from ..breath import chunks
from ..content import Content, Question
from ..dialog import DialogState, Offer, Place
from ..reply import Reply, first_turn_preface, respond
from ..screen import Screen
from ..speech import to_plain
from ..turn import content_of, profile_of, state_of
from ..understanding.heard import QUESTION_SLOT
from ..understanding.ranker import ANSWER, CLARIFY, GENERAL_TOPIC, NAMED, UNKNOWN, Ranker, Ranking, ranker
from ..understanding.replies import OVER, RUNNING, replies
from ..understanding.running import note_running, told_where
from ..understanding.words import words
from .builtins import CancelOrStopHandler, HelpHandler
from .info import EvidenceHandler, SourcesHandler
from .ladder import MISSED, OUT_OF_SCOPE, beyond_scope, missed
from .launch import LaunchHandler
from .navigation import (
    NoHandler,
    PreviousHandler,
    RepeatHandler,
    ShorterHandler,
    StartOverHandler,
    YesHandler,
    back_to,
)
from .preferences import RATE_INTENTS, answer_remember, change_rate, forget_me

QUESTION_INTENT = "QuestionIntent"
# Words kept of a question not understood, for a follow-up about it: the session stays small.
_KEPT_UNANSWERED = 30
# Words at most in a follow-up that is a fragment of a question, its subject left out ("what about after").
_FRAGMENT = 4
# What a question about a red flag that no page answers was answered with: what to do if it happens.
ASKED = "sign_asked"
# Words that matter, at least, in a question whose story holds a request's words ("i always forget everything").
_STORY_TERMS = 4
# The classifier's chance at which a question whole in itself is answered as asked, whatever the topic in context.
SURE_ALONE = 0.7


# Commands said in other words, and what answers them.
_COMMANDS: dict[str, Callable[[HandlerInput], Response]] = {
    "AMAZON.StopIntent": CancelOrStopHandler().handle,
    "AMAZON.RepeatIntent": RepeatHandler().handle,
    "AMAZON.PreviousIntent": PreviousHandler().handle,
    "AMAZON.StartOverIntent": StartOverHandler().handle,
    "AMAZON.HelpIntent": HelpHandler().handle,
    "EvidenceIntent": EvidenceHandler().handle,
    "SourcesIntent": SourcesHandler().handle,
    "AMAZON.NoIntent": NoHandler().handle,
    "AMAZON.YesIntent": YesHandler().handle,
    "ShorterIntent": ShorterHandler().handle,
    **{intent: functools.partial(change_rate, intent=intent) for intent in RATE_INTENTS},
    "RememberPlaceIntent": functools.partial(answer_remember, agreed=True),
    "ForgetMeIntent": forget_me,
}


class FreeTextHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(QUESTION_INTENT)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        slot = get_slot(handler_input, QUESTION_SLOT)
        text = (slot.value if slot else None) or ""
        # "Alexa, open MMN guide" passed on as words opens the skill; "alexa ask m m n guide about IVIg" asks it.
        rest = replies(content_of(handler_input).locale).opened(text)
        if rest == "":
            return LaunchHandler().handle(handler_input)
        return answer_free_text(handler_input, text if rest is None else rest)


def answer_free_text(
    handler_input: HandlerInput,
    text: str,
    preface: list[str] | None = None,
    facet: str | None = None,
    unanswered: list[str] | None = None,
) -> Response:
    """The answer to free text: its answer, "Do you mean ... or ...?", a command said in other words
    ("sorry, I didn't catch that"), or an honest "I don't know that one yet" (or, when given, ``unanswered`` in
    place of the preface and the miss: what to do if a sign asked about happens)."""
    content = content_of(handler_input)
    state = state_of(handler_input)
    bank = ranker(content.locale)
    # "Hold on, my husband is on Hizentra": what follows the moment asked for is what was said.
    text = replies(content.locale).aside_after_wait(text) or text
    # "Neither, I mean painkillers for the headache": a new question, without the words that turned both down.
    text = (replies(content.locale).past_neither(text) if state.choices else None) or text
    # "The one about cost": what it names is ranked among the choices, or asked.
    text = (replies(content.locale).own_words(text) if state.choices else None) or text
    # A pick that names a treatment ("the one under the skin") is read by what it names, not by its "one".
    picked = bank.choice_in(text) if state.choices and not _topics_named(bank, text) else None
    if picked is None and state.choices and facet is None:
        # "The drip one": when all it says is a treatment, the choice about that treatment, if only one is (an
        # intent's facet, "the side effects of {the one under the skin}", asks more than a pick).
        picked = _choice_about(bank, state.choices, only_a_name(bank, text))
    if picked is not None and picked < len(state.choices):
        choices, reply = state.choices, question_reply(content, state, bank.question(state.choices[picked]))
        state.picking = choices
        return respond(handler_input, reply)
    corrected = replies(content.locale).correction(text) if not preface and not state.choices else None
    if not preface and state.was_reading and replies(content.locale).only_people(corrected or text):
        # "No, I meant for my wife", "and for her, is it the same": a general answer is the same for anyone.
        return respond(handler_input, _same_for_anyone(content, state))
    if corrected is not None and bank.rank(corrected).verdict not in (ANSWER, CLARIFY):
        # "No, I meant for my wife" after a wrong answer: not read against that answer again; asked what they meant.
        state.offer = None
        return respond(handler_input, Reply([content.prompts["got_it_wrong"]], content.prompts["ask_question"]))
    text = corrected or text
    setting = bank.setting_in(text) if not preface else None
    if setting is not None and _asks_the_bank(bank, text):
        # "What should I ask at my appointment, I always forget everything": a question the bank answers, whose
        # story uses the words of a request about the skill's memory or voice.
        setting = None
    if setting in _COMMANDS:
        return _command(handler_input, setting)
    unpaced = replies(content.locale).without_pace(text) if not preface else None
    if unpaced is not None:
        # "Tell me slowly what is IVIg": slower from now on, and the question answered (at the new rate).
        profile = profile_of(handler_input)
        profile.update(rate=pace.slower(profile.rate))
        return answer_free_text(handler_input, unpaced, facet=facet)
    went_back = _went_back(handler_input, bank, text) if not preface else None
    if went_back is not None:
        return went_back
    # "My husband is on Hizentra at home": no question yet, so no guess at one; the treatment is the subject now.
    on = _stated_in_context(content, state, text) if not preface and facet is None else None
    if on is not None:
        reply = stated_reply(content, state, on, text)
        going = replies(content.locale).infusion_state(text)
        if going in (RUNNING, OVER):
            # Where the infusion is feeds the triage: a sign said next while it runs hears to stop it, after it is
            # over it does not. One about to start is left to the triage's own reading: it may be running by then.
            note_running(handler_input.attributes_manager.session_attributes, going == RUNNING)
        return respond(
            handler_input, dataclasses.replace(reply, parts=[*first_turn_preface(handler_input), *reply.parts])
        )
    vague = replies(content.locale).vague_in(text) if not preface and not state.choices else None
    if vague is not None and not _topics_named(bank, vague[0].format(name=" ")):
        template, topics = vague
        # "How long do the infusions take" on SCIg is about SCIg; after a page on IVIg infusion day, about IVIg.
        meant = _treatment_in_context(content, state, topics)
        if meant is not None:
            text = template.format(name=content.topic(meant).name)
        else:
            which = _which_of(content, state, bank, template, topics, first_turn_preface(handler_input), facet)
            if which is not None:
                return respond(handler_input, which)
    text = _one_named(content, state, text, alone=facet is not None) if not state.choices else text
    # An intent that asked a facet of what it heard ("what is {ivig slowly please}") asks that, not the last question.
    carries = not preface and not state.choices and facet is None and not replies(content.locale).asks_what(text)
    named = only_a_name(bank, text) if carries else None
    # "Is that the same for the drip", "and for HyQvia?": the question last answered, of the treatment named.
    ranking = carried(content, bank, state.place, named) if named and named != state.topic else None
    if ranking is not None:
        ref = ranking.candidates[0].question.ref
        return respond(handler_input, onward(content, state, place_of(ref), ref.page))
    if named is None and state.was_reading and not _topics_named(bank, text):
        if replies(content.locale).asks_over_time(text):
            return respond(handler_input, onward(content, state, *_over_time(content, state)))
    staying = _long_term(content, bank, state, text) if carries else None
    if staying is not None:
        # "Will he be on it for life", "how long will she need that": how long people stay on the treatment in
        # context, not how long a course or a session takes. The treatment stays the subject, when the page is
        # another topic's (the outlook's, for SCIg): "and is that normal" next is still about it.
        question, topic = staying
        reply = onward(content, state, place_of(question.ref), question.ref.page)
        state.topic = topic
        return respond(handler_input, reply)
    # "What's {the difference with SCIg}" asks no facet of its own: the overview is what the intent says of it.
    pairing = not preface and not state.choices and facet in (None, OVERVIEW)
    pair = _pair_named(content, bank, text, state.topic) if pairing else None
    if pair is not None:
        # "IVIg or SCIg", "IVIg vs steroids": the two side by side, as "compare IVIg and SCIg" is.
        place = Place(pair[0], compare=pair[1])
        return respond(handler_input, page_reply(content, state, place, preface=first_turn_preface(handler_input)))
    told = _side_effects_told(content, state) if replies(content.locale).asks_normal(text) else None
    if told is not None:
        # "Is that normal" after a sign not understood, or "is that normal with it" after a page of a treatment: the
        # side effects of that treatment (what comes next of them when they were just read), not a page of another
        # topic.
        return respond(handler_input, onward(content, state, told, state.page if told == state.place else 0))
    ranking = _ranked_in_context(content, bank, state, text, facet)
    among = bank.rank(text, facet=facet, among=state.choices) if state.choices else None
    if among is not None and among.verdict == ANSWER and _coverage(among) >= _coverage(ranking):
        # "The one under the skin" picks one of the choices; "and for the one under the skin, what are the side
        # effects" asks more than either covers, and is answered as asked.
        ranking = among
    command = bank.command_in(text) if ranking.verdict == UNKNOWN and not preface else None
    if command in _COMMANDS:
        return _command(handler_input, command)
    # A safety preface ("If this is happening now, call ...") takes the place of the one-shot disclaimer.
    if unanswered and ranking.verdict not in (ANSWER, CLARIFY):
        state.answered = ASKED
        return respond(handler_input, Reply(unanswered))
    return respond(handler_input, _reply(handler_input, ranking, preface or first_turn_preface(handler_input), text))


def _same_for_anyone(content: Content, state: DialogState) -> Reply:
    """That the answer just read is the same whoever it is for, and its closing question again: "yes" still takes
    what it offered."""
    state.asking, state.keep_last = state.answering, True
    state.offer = next_offer(content, state.place, state.page, state.chunk) if state.place else None
    asked = to_plain(state.last.reprompt) if state.last and state.last.reprompt else None
    return Reply([content.prompts["same_for_anyone"]], asked)


# The treatments given by infusion, a drip's first: what a drip told of without a name is.
_INFUSED = ("ivig", "scig")


def _stated_in_context(content: Content, state: DialogState, text: str) -> str | None:
    """The treatment ``text`` says someone is on, asking nothing; "the infusions" in it being the one of two in
    context ("I drive her to her infusions every third Friday" after IVIg)."""
    on = stated(content, text)
    vague = replies(content.locale).vague_in(text) if on is None and state.topic else None
    if vague is not None and state.topic in vague[1]:
        on = stated(content, vague[0].format(name=content.topic(state.topic).name))
    if on is None and told_where(content.locale, text) is not None:
        # "The bag is nearly empty", "she's hooked up": a drip going on or over, told without its name, is the
        # infused treatment in context's, else a drip's (clinical review 15, n6).
        infused = state.topic if state.topic in _INFUSED else _INFUSED[0]
        on = stated(content, f"my {content.topic(infused).name} {text}")
    return on


def _treatment_in_context(content: Content, state: DialogState, among: tuple[str, ...]) -> str | None:
    """Which of ``among`` the listener is on: the topic in context, the one treatment the last page spoke of, or the
    one a topic about a treatment's day names in its title ("IVIg infusion day"); else None."""
    topic = content.topic(state.topic or "")
    named = [t for t in treatments_named(content, topic.title) if t in among] if topic else []
    for meant in (state.topic, treatment_spoken_of(content, state), named[0] if len(named) == 1 else None):
        if meant in among:
            return meant
    return None


def _which_of(
    content: Content,
    state: DialogState,
    bank: Ranker,
    template: str,
    topics: tuple[str, ...],
    preface: list[str],
    facet: str | None = None,
) -> Reply | None:
    """ "Do you mean ... IVIg, or ... SCIg?" for a question that names one of two treatments without saying which:
    the best question for each, when both are answered and by different pages. A reading the ranker does not answer
    is no choice to offer ("a port put in for her SCIg": a port is for a vein), nor one answered only for leading the
    rest: a reading is a choice when its own words are covered. The facet an intent asked ("what are the side effects
    of {the infusions}") is kept in each reading."""
    covered = dataclasses.replace(bank.policy, lead=float("inf"))
    read = [template.format(name=content.topic(topic).name) for topic in topics]
    rankings = [bank.rank(text, facet=facet, policy=covered) for text in read]
    best = [r.candidates[:1] if r.verdict == ANSWER else [] for r in rankings]
    if not all(best) or best[0][0].question.ref == best[1][0].question.ref:
        return None
    return ask_which(content, state, best[0][0].question, best[1][0].question, preface)


def _went_back(handler_input: HandlerInput, bank: Ranker, text: str) -> Response | None:
    """ "Go back to what you said about IVIg", "back to the headaches": what was said about that topic, or in those
    words, before, if anything was."""
    back = replies(content_of(handler_input).locale).goes_back(text)
    if back is None:
        return None
    return back_to(handler_input, _topics_named(bank, back), bank.terms(back))


def _ranked_in_context(content: Content, bank: Ranker, state: DialogState, text: str, facet: str | None) -> Ranking:
    """``text`` ranked with the topic in context as a hint. After a comparison both of its topics are in context,
    and so is another topic offered after a page ("both" read IVIg and offers SCIg; not the nearest question
    offered after a miss): "is weekly normal" after IVIg and SCIg is about SCIg. So is the one treatment a page of
    another topic spoke of ("and the side effects" after helping on IVIg days is about IVIg). Of the rankings, the
    one whose answer covers more of what was said, then the likelier, the topic's own on a tie. A follow-up that
    names no topic is first read as about what the listener is on ("does that go away", "what about after"), and
    answered so when that is clear."""
    pointed, fragments = _meant(content, bank, state, text)
    for meant in pointed:
        resolved = bank.rank(meant)
        if resolved.verdict == ANSWER:
            return resolved
    if not pointed:
        # A question whole in itself ("what's the treatment" after MMN and ALS) is answered as asked when the
        # matcher is sure of it without the context: the topic in context fills what a follow-up leaves out, and
        # bends nothing that leaves nothing out.
        alone = bank.rank(text)
        best = alone.candidates[0] if alone.candidates else None
        if alone.verdict == ANSWER and best.coverage == 1 and best.chance >= SURE_ALONE:
            return alone
    place, offer = state.place, state.offer if state.was_reading else None
    spoken_of = treatment_spoken_of(content, state)
    topics = [state.topic, place.compare if place else None, offer.place.topic if offer else None, spoken_of]
    in_context = [topic for n, topic in enumerate(topics) if n == 0 or (topic and topic not in topics[:n])]
    ranked = max((bank.rank(text, topic=topic, facet=facet) for topic in in_context), key=_strength)
    if ranked.verdict == ANSWER:
        return ranked
    # A fragment ("what about after") the topic alone does not answer: with what the listener is on after it.
    return next((r for r in map(bank.rank, fragments) if r.verdict == ANSWER), ranked)


def _meant(content: Content, bank: Ranker, state: DialogState, text: str) -> tuple[list[str], list[str]]:
    """What a follow-up that names no topic may mean, likeliest first: its "that" or "those" in place of what the
    listener is on ("does that go away" -> "does the side effects and risks of SCIg go away"); and, said in a few
    words with no such word, with it after them ("what about after" -> "what about after infusion day"). What the
    listener is on: the last answer's subject, else the last question not understood; then the topic in context (first,
    when the last answer was a page of another topic)."""
    if _topics_named(bank, text):
        return [], []
    missed_last = state.answered in (MISSED, CLARIFY)
    topic = content.topic(state.topic or "")
    subjects = [state.unanswered if missed_last else subject_of(content, state.place), topic.name if topic else None]
    if state.place is not None and topic is not None and state.place.topic != topic.id and not missed_last:
        # A treatment kept the subject over a page of another topic (how long people stay on SCIg, read on the
        # outlook's page): "how long does it take" is about the treatment.
        subjects.reverse()
    # "The treatment", "the drug" stand for a treatment in context, not for MMN and ALS: "what's the treatment" after
    # them asks how MMN is treated.
    treatment = topic is not None and topic.summary is not None
    pointers = sorted(
        (" ".join(words(p)) for p in content.vocabulary.pointing_back if treatment or len(words(p)) == 1),
        key=len,
        reverse=True,
    )
    pointing = re.compile(rf"\b(?:{'|'.join(map(re.escape, pointers))})\b")
    said = " ".join(words(text))
    # A fragment in words the bank knows, and no command ("what should I do" is "yes"): "foo bar baz" is no
    # question about the subject.
    fragment = len(said.split()) <= _FRAGMENT and all(term in bank.idf for term in bank.terms(text))
    fragment = fragment and bank.command_in(text) is None
    known = list(dict.fromkeys(s for s in subjects if s))
    pointed = [pointing.sub(lambda _, subject=subject: subject, said) for subject in known]
    if any(meant != said for meant in pointed):
        return pointed, []
    return [], [f"{said} {subject}" for subject in known] if fragment else []


def _topics_named(bank: Ranker, text: str) -> list[str]:
    return [term for term in bank.terms(text) if term in bank.topic_ids]


def _choice_about(bank: Ranker, choices: list[str], topic: str | None) -> int | None:
    about = [i for i, choice in enumerate(choices) if topic and place_of(bank.question(choice).ref).topic == topic]
    return about[0] if len(about) == 1 else None


def _pair_named(content: Content, bank: Ranker, text: str, in_context: str | None) -> tuple[str, str] | None:
    """The two treatments ``text`` names when it says nothing else but words that set them side by side ("ivig or
    scig", "ivig vs steroids for mmn"), or the one it names and the one ``in_context`` when it asks how they differ
    ("what's the difference with the under the skin one" after IVIg), and the content compares them; else None.
    MMN itself may be named."""
    read = replies(content.locale)
    said = words(text)
    differ = read.difference_words
    asks_difference = any(w in differ[:5] for w in said)
    if read.asks_what(text) and not asks_difference:
        return None
    allowed = set(bank.terms(" ".join([*read.versus_words, *(differ if asks_difference else ())]), spoken=False))
    terms = bank.terms(text)
    named = list(dict.fromkeys(t for t in terms if t in bank.topic_ids and t != GENERAL_TOPIC))
    rest = [t for t in terms if t not in bank.topic_ids and not t.startswith(NAMED) and t not in allowed]
    if len(named) == 1 and asks_difference and in_context:
        named = [in_context, *named]
    if len(named) != 2 or rest or not can_compare(content, *named):
        return None
    return named[0], named[1]


def only_a_name(bank: Ranker, text: str) -> str | None:
    """The one topic ``text`` names when it says nothing else a question is made of ("is that the same for the
    drip", "and for HyQvia?"), else None."""
    terms = bank.terms(text)
    named = set(_topics_named(bank, text))
    rest = [term for term in terms if term not in bank.topic_ids and not term.startswith(NAMED)]
    return named.pop() if len(named) == 1 and not rest else None


def _one_named(content: Content, state: DialogState, text: str, *, alone: bool) -> str:
    """``text`` with the treatment that "the second one" or "the other one" picks among those the last reply named
    ("how often would I need the second one" after "compare IVIg and SCIg" is about SCIg); as it is otherwise.
    Said on its own it is a pick with no choice given (``short_replies.py``), unless it is ``alone`` in an intent's
    topic slot ("how often is {the second one} given")."""
    one = replies(content.locale).one_in(text)
    named = treatments_named(content, to_plain(state.last.speech)) if one and state.last else []
    if one is None or len(named) < 2 or (one[0] == " ".join(words(text)) and not alone):
        return text
    phrase, which = one
    picked = {"first": named[0], "second": named[1]}.get(which) or next((t for t in named if t != state.topic), None)
    return re.sub(rf"\b{re.escape(phrase)}\b", content.topic(picked).name, " ".join(words(text)), count=1)


def carried(content: Content, bank: Ranker, place: Place | None, topic: str) -> Ranking | None:
    """The question last answered, asked of another treatment: after how long an SCIg session takes, "is that the
    same for the drip" is how long an IVIg infusion takes, and after the cost of treatment, "what about HyQvia" is
    who pays for SCIg. None when the last answer was no question of the bank (a topic's facet carries itself), or
    no other answer of the bank is about that treatment."""
    question = content.question(place.question) if place and place.question and not place.compare else None
    other = content.topic(topic)
    if question is None or other is None:
        return None
    about = question.about
    for name in {content.topic(t).name for t in _topics_named(bank, about)}:
        about = re.sub(rf"\b{re.escape(name)}\b", other.name, about, flags=re.IGNORECASE)
    ranked = bank.rank(about if about != question.about else f"{about} {other.name}", topic=topic)
    found = ranked.candidates[0].question if ranked.verdict == ANSWER else None
    if found is None or topic not in {found.topic, *_topics_named(bank, found.about)}:
        return None
    return ranked


def _long_term(content: Content, bank: Ranker, state: DialogState, text: str) -> tuple[Question, str] | None:
    """The question that says how long people stay on the treatment ``text`` asks about staying on ("will he be on
    it for life", "how long will she need Hizentra"): the one it names, else the one in context; None when it asks
    something else, or the treatment has no such question."""
    named = set(_topics_named(bank, text))
    topic = content.topic(named.pop() if len(named) == 1 else "" if named else state.topic or "")
    answer = replies(content.locale).long_term.get(topic.id) if topic else None
    if answer is None or not replies(content.locale).asks_long_term(text, (topic.name, *topic.synonyms, *topic.brands)):
        return None
    return bank.question(answer), topic.id


def _over_time(content: Content, state: DialogState) -> tuple[Place, int]:
    """What answers "does that get better after a few goes" on the page just read: the question that says how it
    changes with later infusions (the ways infusion side effects get milder), else the rest of that answer."""
    place = state.place
    answer = replies(content.locale).over_time.get(f"{place.topic}.{place.facet}")
    question = content.question(answer) if answer else None
    return (place_of(question.ref), question.ref.page) if question else (place, state.page)


def onward(
    content: Content,
    state: DialogState,
    place: Place,
    page: int,
    preface: list[str] | None = None,
    chunk: int = 0,
) -> Reply:
    """Page ``page`` at ``place``, from breath ``chunk``; or, when it is the answer just heard, what it has not said
    yet: a follow-up that lands on it ("and how often" after a course's lead, "what about HyQvia" after the cost,
    which covers it further on) asks for more, never the same words again."""
    if state.was_reading and (place, page) == (state.place, state.page):
        after = next_offer(content, place, page, state.chunk)
        if after is not None and after.place == place:
            page, chunk = after.page, after.chunk
    return page_reply(content, state, place, page, chunk, preface=preface)


def _side_effects_told(content: Content, state: DialogState) -> Place | None:
    """Where the side effects of the treatment in context are, when the last turn missed what was told, or read a
    page of that treatment or one that spoke of it; else None. Not after safety advice: "mild side effects are
    common" must not soften a call to the doctor."""
    topic = content.topic(state.topic or "")
    if state.answered == MISSED:
        return Place(topic.id, SIDE_EFFECTS) if topic and topic.pages(SIDE_EFFECTS) else None
    if not state.was_reading or state.place is None:
        return None
    if topic is None or not topic.pages(SIDE_EFFECTS):
        topic = content.topic(treatment_spoken_of(content, state) or "")
    return Place(topic.id, SIDE_EFFECTS) if topic else None


def treatment_spoken_of(content: Content, state: DialogState, facet: str = SIDE_EFFECTS) -> str | None:
    """The one treatment with ``facet`` that the last page read named, when the topic in context has no such facet
    (helping on IVIg days, the outlook); else None. A miss since does not change what that page spoke of."""
    topic = content.topic(state.topic or "")
    if not state.history or (topic and topic.pages(facet)):
        return None
    last = state.history[-1]
    pages = pages_at(content, last.place) if content.topic(last.place.topic) else ()
    read = chunks(pages[last.page].text) if last.page < len(pages) else []
    said = read[last.chunk] if last.chunk < len(read) else ""
    named = [t for t in treatments_named(content, said) if content.topic(t).pages(facet)]
    return named[0] if len(named) == 1 else None


def _asks_the_bank(bank: Ranker, text: str) -> bool:
    """Whether ``text`` says more than a request (``_STORY_TERMS`` words that matter) and asks a question the bank
    answers, covering most of what was said."""
    if len(set(bank.terms(text))) < _STORY_TERMS:
        return False
    ranking = bank.rank(text)
    return ranking.verdict == ANSWER and _coverage(ranking) >= bank.policy.coverage


def _coverage(ranking: Ranking) -> float:
    return ranking.candidates[0].coverage if ranking.candidates else 0.0


def _strength(ranking: Ranking) -> tuple[bool, float, float]:
    best = ranking.candidates[0] if ranking.candidates else None
    return ranking.verdict == ANSWER, best.coverage if best else 0.0, best.chance if best else 0.0


def _command(handler_input: HandlerInput, intent: str) -> Response:
    response = _COMMANDS[intent](handler_input)
    state_of(handler_input).answered = f"command:{intent}"
    return response


def _reply(handler_input: HandlerInput, ranking: Ranking, preface: list[str], text: str) -> Reply:
    content = content_of(handler_input)
    state = state_of(handler_input)
    bank = ranker(content.locale)
    found = ranking.candidates
    if ranking.verdict == ANSWER:
        ref = found[0].question.ref
        chunk = answer_chunk(content, found[0].question)
        if _topics_named(bank, text):
            preface = [*preface, *brand_named(content, place_of(ref), [text])]
            return page_reply(content, state, place_of(ref), ref.page, chunk, preface=preface)
        return onward(content, state, place_of(ref), ref.page, preface, chunk)
    # What was not understood, or asked which of two, stays the subject: "how long does that last" after it is about
    # it, and so is a follow-up after it that names no topic, when it named one ("does IVIg make you tired"). A miss
    # that names two ("the needle sites after SCIg" reads "the needle" as an infusion) does not say which one the
    # listener is on, and the wrong one would read the next turn's signs against the wrong treatment.
    state.unanswered = " ".join(words(text)[:_KEPT_UNANSWERED])
    named = set(_topics_named(bank, text))
    if len(named) == 1:
        state.topic = named.pop()
    if ranking.verdict == CLARIFY:
        return ask_which(content, state, found[0].question, found[1].question, preface)
    if beyond_scope(bank, text, found):
        reply = missed(handler_input, [], apology=OUT_OF_SCOPE)
    else:
        reply = missed(handler_input, [r.question for r in found])
    return dataclasses.replace(reply, parts=[*preface, *reply.parts])


def ask_which(content: Content, state: DialogState, first: Question, second: Question, preface: list[str]) -> Reply:
    """ "Do you mean A, or B?": "yes" takes the first; "the second", "both" or "neither" answer it."""
    ref = first.ref
    state.offer = Offer(place_of(ref), ref.page)
    state.choices, state.answered = (first.id, second.id), CLARIFY
    question = content.prompts["clarify"].format(first=first.about, second=second.about)
    return Reply(preface, question, screen=Screen(title=content.skill_name, choices=(first.about, second.about)))
