"""Typed model of the skill's content: sources, topics, facets, pages, prompts.

These are plain frozen dataclasses, built by ``loader.py`` from the data files.
Handlers read them; nothing here knows about Alexa.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    year: int
    url: str
    spoken: str  # how the skill names it aloud: "the 2010 European guideline on MMN"

    def citation(self) -> str:
        return f"{self.title}. {self.publisher}, {self.year}. {self.url}"

    def named(self) -> str:
        """A short name for a screen: publisher and year."""
        return f"{self.publisher}, {self.year}"


@dataclass(frozen=True)
class Page:
    text: str
    sources: tuple[str, ...]
    evidence: str | None = None
    plain: str | None = None  # the page in the plainest words, for "in simple words", where its lead is not plain


@dataclass(frozen=True)
class FacetInfo:
    """A kind of question that can be asked about any topic."""

    id: str
    intent: str
    title: str
    about: str
    offer: str
    menu: str


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    title: str
    synonyms: tuple[str, ...]
    facets: dict[str, tuple[Page, ...]]
    intent: str | None = None
    summary: Page | None = None  # a few sentences for comparisons: how well it works, main risks, when used
    brands: tuple[str, ...] = ()  # brand names of the treatment, as written
    brand_said: dict[str, str] = field(default_factory=dict)  # a brand's own sentence, where "X is SCIg." misleads

    def pages(self, facet: str) -> tuple[Page, ...]:
        return self.facets.get(facet, ())


@dataclass(frozen=True)
class PageRef:
    """A page of the content: a topic's facet page, or a page of a question with its own answer."""

    topic: str
    facet: str | None = None
    question: str | None = None
    page: int = 0  # 0-based


@dataclass(frozen=True)
class Question:
    """A question people ask, in the words they ask it: an item of the question bank.

    It either has its own ``pages`` (a direct answer, "Does IVIg boost my immune
    system?"), or ``see``, the page of the content that answers it, so nothing
    medical is written twice. ``phrasings`` are the ways people ask it; ``about``
    names it in "Do you mean ...?". ``topic`` is the topic it is about, and the
    one the listener is on afterwards.

    A question with its own ``intent`` in the interaction model: ``answer`` is
    "yes" or "no" for a yes/no question, whose first page then starts with that
    word. When its intent has a topic slot and the listener names another topic
    ("does azathioprine boost my immune system?"), that topic's
    ``other_topics_facet`` answers instead.
    """

    id: str
    title: str
    topic: str
    pages: tuple[Page, ...] = ()
    intent: str | None = None
    answer: str | None = None
    other_topics_facet: str | None = None
    about: str = ""
    phrasings: tuple[str, ...] = ()
    see: PageRef | None = None

    @property
    def ref(self) -> PageRef:
        """The page that answers this question."""
        return self.see or PageRef(self.topic, question=self.id)


@dataclass(frozen=True)
class Sign:
    """A red flag: words that, heard together, mean a triage level applies.

    Every group in ``groups`` must have a word in the sentence, all within
    ``window`` words; no phrase of ``unless`` may be near them, unless a phrase of ``reported`` is near them too
    (a report, now or of a dose taken, is not excused by a question or a history said with it), nor any phrase of
    ``unless_always`` (what excuses it even then: a vitamin taken with a drug is not the drug), nor any phrase of
    ``asked_before`` said before them ("what if my son took ...": a question said after the act, "I took an
    overdose, can you help me", excuses nothing). ``means`` says
    what it may mean (call the doctor), ``answer`` is the whole direct answer
    (do not change treatment); ``urgency`` is "now" or "today".
    """

    id: str
    groups: tuple[tuple[str, ...], ...]
    unless: tuple[str, ...] = ()
    reported: tuple[str, ...] = ()
    unless_always: tuple[str, ...] = ()
    asked_before: tuple[str, ...] = ()
    window: int = 8
    urgency: str | None = None
    means: str | None = None
    answer: str | None = None
    opens: str | None = None  # said before the answer, but not when it is said again in brief ("I'm sorry ...")
    title: str | None = None  # its card's title, when the level's does not say its action ("go to the ER now")
    sources: tuple[str, ...] = ()
    stays_open: bool = False  # an emergency answer that keeps the session open for one more turn (self-harm)
    infusion_ahead: bool = False  # about an infusion still to come: there is none running to stop
    infusion_past: bool = False  # about an infusion that is over ("a fever since her drip"): none running to stop
    # A sign only while an infusion is going on (said so, or heard of earlier in the session): a red face or a
    # headache then is a reaction the nurse must hear of; said of no running drip, it is a question for the pages.
    infusion_now: bool = False
    topic: str | None = None  # the topic this advice is about, which becomes the topic in context
    own_close: bool = False  # its answer says whom to ask: the level's closing words are not added after it
    while_running: str | None = None  # the sign it is while an infusion the session heard of is going on now
    # The sign it is when said of someone else ("he keeps saying he'd be better off dead"): it speaks to the carer.
    of_someone: str | None = None
    # Whose words its follow-ups take (``<reply>_<replies>`` in ``[follow_up]``), before the level's: its id if unset.
    replies: str | None = None


@dataclass(frozen=True)
class TriageLevel:
    """One level of the safety triage (emergency, call_doctor, no_change), its signs and its spoken texts."""

    id: str
    signs: tuple[Sign, ...]
    texts: dict[str, str]
    sources: tuple[str, ...]
    unless: tuple[str, ...] = ()  # phrases that no sentence of this level holds, whichever sign it is read by


@dataclass(frozen=True)
class Figure:
    """Words of a sign said as something else ("this bill is giving me chest pain", "stop the headache"): a word of
    each of ``groups`` in that order, within ``window`` words, with no word of ``breaks`` between them. A sign's words
    inside it do not count for the ``levels`` it names (for every level when it names none), except for the signs it
    ``spares``, which answer what is said in it."""

    id: str
    groups: tuple[tuple[str, ...], ...]
    window: int
    breaks: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    spares: tuple[str, ...] = ()


@dataclass(frozen=True)
class RedFlags:
    levels: tuple[TriageLevel, ...]  # most urgent first
    infusion_words: tuple[str, ...]
    after_infusion_words: tuple[str, ...]
    running_words: tuple[str, ...] = ()  # words that say it still runs, whatever "after" says ("after it started")
    asking: tuple[str, ...] = ()  # phrases of a question about a sign rather than a report of one
    reporting: tuple[str, ...] = ()  # words of a report about someone, which override ``asking``
    reasons: tuple[str, ...] = ()  # the asker's reason for asking ("since I'm on IVIg"): no one reported on
    watching: tuple[str, ...] = ()  # asking what to watch for ("keep an eye out for") ...
    examples: tuple[str, ...] = ()  # ... then examples ("like swelling in her face"), which report no one
    past: tuple[str, ...] = ()  # a sign in the past ("years ago") ...
    about_treatment: tuple[str, ...] = ()  # ... asked about for a treatment ("can I have IVIg") ...
    present: tuple[str, ...] = ()  # ... with nothing said of now ("again", "today"): a question, not a report
    settled: tuple[str, ...] = ()  # what says the past stayed past ("it's been fine since"): no word of now
    family: tuple[str, ...] = ()  # relatives of an earlier generation: their event in the past is family history
    family_signs: tuple[str, ...] = ()  # the signs a family history names ("stroke", "heart_attack")
    # A recent past ("last week"), which puts an event of someone other than the one cared for in the past too.
    recent: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()  # a sign's words said as something else
    others: tuple[str, ...] = ()  # people other than the one treated ("my friend"): their changes are not a change
    first_person: tuple[str, ...] = ()  # words of the speaker, or those they care for, which override ``others``
    third_person: tuple[str, ...] = ()  # someone else ("she", "he'd", "says"): whose thoughts of self-harm are told
    follow_up: dict[str, str] = field(default_factory=dict)  # the yes-or-no turn after safety advice
    replay: tuple[str, ...] = ()  # whole replies, after safety advice, that ask for it again
    brief: tuple[str, ...] = ()  # of those, the ones that ask what to do: the advice's first action again
    number_words: tuple[str, ...] = ()  # in a short reply after safety advice, asking for the number: it again
    # In a short reply after safety advice, asking whether to give something: (the reply's kind, the signs of the
    # advice it follows, the words it is said in), first found first.
    giving: tuple[tuple[str, frozenset[str], tuple[str, ...]], ...] = ()
    close: tuple[str, ...] = ()  # whole replies, after safety advice, that close the session
    about_it: tuple[str, ...] = ()  # whole replies, after safety advice, that ask about it ("is that normal?")
    # Intents whose reply names no topic, or only the advice ("is that dangerous" heard as "is {topic} dangerous" with
    # "that"), ask about the advice too: the words their topic slot then holds.
    about_it_intents: tuple[str, ...] = ()
    about_it_refers: tuple[str, ...] = ()
    changes: tuple[str, ...] = ()  # a change to one's own treatment, said without naming it ("skip my next one")
    context_signs: tuple[str, ...] = ()  # the signs read with the treatment in context
    planned: tuple[str, ...] = ()  # of those, the ones that hear a plan without a word of ``changes``
    general_word: str = "treatment"  # the word they read a sentence with when no treatment is in context
    context_symptoms: tuple[str, ...] = ()  # symptoms that are signs with a treatment, read with the one in context
    context_asked_first: tuple[
        str, ...
    ] = ()  # a change to ask about first, which no sign reads: no answer of the level
    unnamed: tuple[str, ...] = ()  # words of those signs that name no treatment ("dose", "tablets")
    treatment_words: dict[str, str] = field(default_factory=dict)  # topic id -> a word naming its treatment

    def level(self, level_id: str) -> TriageLevel:
        return next(level for level in self.levels if level.id == level_id)


@dataclass(frozen=True)
class Vocabulary:
    """How free text is read for ranking: words to ignore, spoken words folded to the bank's words,
    words that stand for a facet (added to the query when an intent names the facet), and commands
    ("repeat", "go back") said in other words than the model's samples."""

    stopwords: frozenset[str]
    fold: dict[str, str]
    facet_words: dict[str, str]
    facet_phrasings: dict[str, tuple[str, ...]]
    commands: dict[str, tuple[str, ...]] = field(default_factory=dict)  # intent -> phrases, in the order to try
    settings_commands: dict[str, tuple[str, ...]] = field(default_factory=dict)  # the skill's voice and memory
    choices: tuple[tuple[str, ...], ...] = ()  # phrases that pick the first, the second ... offered question
    pointing_back: tuple[str, ...] = ()  # words that refer to the topic in context
    clauses: dict[str, tuple[str, ...]] = field(default_factory=dict)  # how a long turn is split (``clauses.py``)
    marks: dict[str, tuple[str, ...]] = field(default_factory=dict)  # words that rank but need no covering


@dataclass(frozen=True)
class LexiconEntry:
    text: str
    alias: str | None = None
    say_as: str | None = None  # "characters" or "digits"
    ipa: str | None = None


@dataclass(frozen=True)
class Content:
    """Everything the skill can say in one locale."""

    locale: str
    skill_name: str
    last_reviewed: datetime.date
    facets: tuple[FacetInfo, ...]
    evidence: dict[str, str]
    prompts: dict[str, str]
    topics: tuple[Topic, ...]
    sources: dict[str, Source]
    lexicon: tuple[LexiconEntry, ...]
    questions: tuple[Question, ...] = ()
    date_format: str = "{month} {day}, {year}"
    red_flags: RedFlags | None = None
    vocabulary: Vocabulary | None = None
    phrasing_sources: tuple[str, ...] = ()  # where the bank's phrasings were drawn from (forums, FAQs, leaflets)
    # Question id (of the bank, or a topic's facet: "ivig.course") -> more ways people ask it, which only the ranker
    # learns from (``bank/training/``); they are not samples of the interaction model.
    training: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _by_id: dict[str, Topic] = field(init=False, repr=False, compare=False)
    _questions_by_id: dict[str, Question] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {t.id: t for t in self.topics})
        object.__setattr__(self, "_questions_by_id", {q.id: q for q in self.questions})

    def topic(self, topic_id: str) -> Topic | None:
        return self._by_id.get(topic_id)

    def facet(self, facet_id: str) -> FacetInfo | None:
        return next((f for f in self.facets if f.id == facet_id), None)

    def facet_for_intent(self, intent: str) -> FacetInfo | None:
        return next((f for f in self.facets if f.intent == intent), None)

    def topic_for_intent(self, intent: str) -> Topic | None:
        return next((t for t in self.topics if t.intent == intent), None)

    def spoken_date(self, date: datetime.date) -> str:
        """A date as this locale says it: "November 25, 2026" or "25 November 2026"."""
        return self.date_format.format(day=date.day, month=f"{date:%B}", year=date.year)

    def question(self, question_id: str) -> Question | None:
        return self._questions_by_id.get(question_id)

    def question_for_intent(self, intent: str) -> Question | None:
        return next((q for q in self.questions if q.intent is not None and q.intent == intent), None)

    def pages_of(self, ref: PageRef) -> tuple[Page, ...]:
        """The run of pages that ``ref`` points into: its facet's or its question's."""
        if ref.question is not None:
            question = self.question(ref.question)
            return question.pages if question else ()
        topic = self.topic(ref.topic)
        return topic.pages(ref.facet) if topic and ref.facet else ()

    def next_facet(self, topic: Topic, after: str) -> FacetInfo | None:
        """The facet to offer after ``after``: the next one this topic has."""
        ids = [f.id for f in self.facets]
        start = ids.index(after) + 1 if after in ids else 0
        return next((f for f in self.facets[start:] if topic.pages(f.id)), None)
