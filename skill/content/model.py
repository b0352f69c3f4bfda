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


@dataclass(frozen=True)
class Page:
    text: str
    sources: tuple[str, ...]
    evidence: str | None = None


@dataclass(frozen=True)
class FacetInfo:
    """A kind of question that can be asked about any topic."""

    id: str
    intent: str
    title: str
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

    def pages(self, facet: str) -> tuple[Page, ...]:
        return self.facets.get(facet, ())


@dataclass(frozen=True)
class Question:
    """A question with its own intent and answer ("Does IVIg boost my immune system?").

    ``answer`` is "yes" or "no" for a yes/no question, whose first page then
    starts with that word; ``topic`` is the topic it is about, and the one the
    listener is on afterwards. When its intent has a topic slot and the listener
    names another topic ("does azathioprine boost my immune system?"), that
    topic's ``other_topics_facet`` answers instead.
    """

    id: str
    title: str
    intent: str
    topic: str
    pages: tuple[Page, ...]
    answer: str | None = None
    other_topics_facet: str | None = None


@dataclass(frozen=True)
class LexiconEntry:
    text: str
    alias: str | None = None
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
    _by_id: dict[str, Topic] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {t.id: t for t in self.topics})

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
        return next((q for q in self.questions if q.id == question_id), None)

    def question_for_intent(self, intent: str) -> Question | None:
        return next((q for q in self.questions if q.intent == intent), None)

    def next_facet(self, topic: Topic, after: str) -> FacetInfo | None:
        """The facet to offer after ``after``: the next one this topic has."""
        ids = [f.id for f in self.facets]
        start = ids.index(after) + 1 if after in ids else 0
        return next((f for f in self.facets[start:] if topic.pages(f.id)), None)
