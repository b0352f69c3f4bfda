"""Where the answer to a question of the bank begins, on the page of the content it points to.

A question with ``see`` is answered by a page written for its topic, and the page's first breath may be about
something else ("whether IVIg can harm the kidneys" points at the serious risks' page, which opens with clots). The
listener hears the breath that says what they asked first, then the rest is on offer, as for any page, unless a
breath before it tells someone what to do (call, stop, get help) or carries a warning: that is never passed over.
A breath that leans on the one before it ("So the infusions can be given less often") is no place to start either.
"""

from __future__ import annotations

import functools
from collections import Counter

from .answers import page_reply, pages_at, place_of
from .breath import chunks
from .content import Content, Question, load_content
from .dialog import DialogState
from .reply import Reply
from .understanding.ranker import ranker
from .understanding.replies import replies
from .understanding.words import words

# Share of a question's phrasings that say a word for it to be part of what the question asks.
SHARED = 0.25


def question_reply(content: Content, state: DialogState, question: Question) -> Reply:
    """The answer to ``question``, from the breath of its page that says what it asks."""
    ref = question.ref
    return page_reply(content, state, place_of(ref), ref.page, answer_chunk(content, question))


def answer_chunk(content: Content, question: Question) -> int:
    """The breath of its page that question ``question`` is answered from: 0 unless a later one says what it asks
    and the first does not."""
    return _chunk(content.locale, question) if question.see is not None else 0


@functools.lru_cache(maxsize=2048)
def _chunk(locale: str, question: Question) -> int:
    content = load_content(locale)
    said = chunks(pages_at(content, place_of(question.see))[question.see.page].text)
    bank = ranker(locale)
    # What it asks: the words naming it, and those most of its phrasings share ("check-ups" and "what happens" are
    # the topic's and any question's).
    counts = Counter(term for phrasing in question.phrasings for term in set(bank.terms(phrasing, spoken=False)))
    shared = {term for term, n in counts.items() if n >= SHARED * len(question.phrasings)}
    subject = (shared | set(bank.terms(question.about, spoken=False))) - bank.topic_ids
    held = [len(subject & set(bank.terms(breath, spoken=False))) for breath in said]
    start = held.index(max(held))
    if held[0] or held[start] < min(2, len(subject)):
        return 0
    read = replies(locale)
    if words(said[start])[0] in read.leans_back or any(_must_hear(read.must_hear, s) for s in said[:start]):
        return 0
    return start


def _must_hear(kept: frozenset[str], breath: str) -> bool:
    said = f" {' '.join(words(breath))} "
    return any(f" {phrase} " in said for phrase in kept)
