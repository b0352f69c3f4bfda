"""What a free-text turn and a cold start no longer work out twice, or before they need it (issue 18, section 4).

- A turn's text is folded for the ranker once (``Ranker.folded``), however many readers ask for it (the commands,
  the statements, the clauses, the ranking): a treatment's name in pieces is looked for once per run of words.
- The edit distance that near names are measured by (``near_names.distance``) works out only the band of cells within
  the allowance: it is the plain distance wherever that is within it, and ``most + 1`` otherwise.
- The ranker's tables per question (its words, its phrasings as sets of terms, the topics it is about) are made for
  the questions a ranking looks at, not for the whole bank at start-up, and equal the plain definitions.
- A statement of someone's treatment (``Replies.states``) replaces a treatment's name only where the name is said.
- Speech drops exactly the characters XML 1.0 forbids, by a pattern that names them rather than its complement.

Each is checked against the plain definition it replaces, and for its saving; no timing is asserted.
"""

from __future__ import annotations

import copy
import functools
import json
import random
import re
import string
from collections import Counter
from pathlib import Path

import pytest

from eval_tools.answer_set import CORPUS
from eval_tools.evaluation import load_cases
from skill.app import build_skill
from skill.content import load_content
from skill.gateway import handle_event
from skill.speech import _NOT_XML
from skill.understanding import classifier, embeddings, prepare, replies, snapshot
from skill.understanding.near_names import NearNames, distance
from skill.understanding.ranker import Ranker, ranker
from skill.understanding.words import words

FIXTURE = Path(__file__).parent / "fixtures" / "question_free_text.json"
SAID = [(case.locale, case.text) for case in load_cases(sorted(CORPUS.glob("*.toml")))]


def free_text(said: str) -> dict:
    """The fixture's free-text question, saying ``said``."""
    envelope = json.loads(FIXTURE.read_text())
    slot = envelope["request"]["intent"]["slots"]["question"]
    slot["value"] = slot["slotValue"]["value"] = said
    return envelope


def unheard(rng: random.Random) -> str:
    """A word no earlier test said, so the turn's text is read afresh."""
    return "zq" + "".join(rng.choice(string.ascii_lowercase) for _ in range(10))


def test_a_text_is_looked_over_for_names_in_pieces_once_however_many_readers_ask(monkeypatch):
    looked: Counter[str] = Counter()
    nearest = NearNames.nearest

    def counted(self: NearNames, said: str) -> str | None:
        looked[said] += 1
        return nearest(self, said)

    monkeypatch.setattr(NearNames, "nearest", counted)
    bank = ranker("en-US")
    said = f"my neighbour {unheard(random.Random())} says octa gram made her dizzy after a long flight"
    assert "ivig" in bank.terms(said)
    assert looked["octagram"] == 1 and max(looked.values()) == 1
    looked.clear()
    # What a free-text turn asks of the same text: the commands, the statements, the ranking.
    bank.command_in(said), bank.setting_in(said), bank.folded(said), bank.terms(said), bank.rank(said)
    assert not looked
    # And through the skill, a turn reads each text it ranks (the words as said, and as read in context) once.
    said = f"my neighbour {unheard(random.Random())} says octa gram made her dizzy after a long flight"
    handle_event(build_skill(), free_text(said))
    assert 1 <= looked["octagram"] <= 2 and max(looked.values()) <= 2


def test_folded_words_are_the_same_each_time_and_a_caller_may_change_its_copy():
    bank = ranker("en-US")
    for _, text in SAID[:200]:
        first = bank.folded(text)
        first.append("changed")
        assert bank.folded(text) == first[:-1]
        assert bank.terms(text) == bank.terms(text)


def plain_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def test_the_banded_distance_is_the_plain_one_up_to_the_most_allowed():
    rng = random.Random(18)
    for _ in range(20000):
        a = "".join(rng.choice("abc") for _ in range(rng.randint(0, 10)))
        b = "".join(rng.choice("abc") for _ in range(rng.randint(0, 10)))
        most = rng.randint(0, 5)
        assert distance(a, b, most) == min(plain_distance(a, b), most + 1), (a, b, most)


def test_near_names_find_the_same_names_as_by_the_plain_distance():
    bank = ranker("en-US")
    names = [name for group in bank.near_names.by_first.values() for name in group]
    rng = random.Random(4)

    def plain_nearest(said: str) -> str | None:
        scored = [
            (plain_distance(said, name), name)
            for name in sorted(names)
            if name[0] == said[:1] and plain_distance(said, name) <= len(name) // 4
        ]
        return min(scored, key=lambda pair: pair[0])[1] if scored else None

    tried = [name for name in names]
    for name in names:
        for _ in range(20):
            slipped = list(name)
            for _ in range(rng.randint(1, 3)):
                at = rng.randrange(1, len(slipped))
                slipped[at : at + rng.randint(0, 1)] = rng.choice(["", rng.choice(string.ascii_lowercase)])
            tried.append("".join(slipped))
    tried += ["".join(words(text)) for _, text in SAID[:300]]
    for said in tried:
        assert bank.near_names.nearest(said) == plain_nearest(said), said


@functools.cache
def fresh_ranker() -> Ranker:
    """A ranker of its own, as the skill makes it, that no other test has ranked with."""
    return Ranker(
        load_content("en-US"),
        read_before=snapshot.read("en"),
        learned=classifier.load("en"),
        index_of_documents=functools.partial(snapshot.index, "en"),
        meanings=embeddings.load("en"),
    )


def test_a_ranking_makes_the_tables_of_the_questions_it_looks_at_only():
    bank = fresh_ranker()
    assert not bank._made
    bank.rank("can I travel abroad while I'm on IVIg")
    assert 0 < len(bank._made) < len(bank.questions) / 4


def test_each_questions_tables_are_the_plain_ones():
    bank = fresh_ranker()
    read_before = snapshot.read("en")
    for index, question in enumerate(bank.questions):
        asked = bank.asked_as[index]
        terms = [read_before.get(p) or bank.terms(p, spoken=False) for p in asked]
        terms = [t for t in terms if t]
        named = Counter(topic for t in terms for topic in set(t) & bank.topic_ids)
        about = {question.topic} | {topic for topic, n in named.items() if 2 * n >= len(asked)}
        assert bank.vocab[index] == frozenset(w for t in terms for w in t)
        assert bank.phrased[index] == {frozenset(t) for t in terms}
        assert bank.about[question.id] == about
    assert len(bank.vocab) == len(bank.phrased) == len(bank.about) == len(bank.questions)
    assert bank.vocab[-1] == bank.vocab[len(bank.questions) - 1]
    with pytest.raises(IndexError):
        bank.vocab[len(bank.questions)]
    assert [q.id for q, _ in zip(bank.questions, bank.about, strict=True)] == list(bank.about)
    documents = [(bank.questions[owner].id, terms) for owner, terms in zip(bank.owner, bank.documents, strict=True)]
    assert bank.examples() == documents


def plain_states(said_as: replies.Replies, text: str, names: tuple[str, ...], asks) -> bool:
    """``Replies.states`` as written before: every name's pattern tried on every text."""
    said = f" {' '.join(words(text))} "
    for name in sorted((" ".join(words(n)) for n in names), key=len, reverse=True):
        said = re.sub(rf" {re.escape(name)}(?= )", f" {replies._NAME} ", said) if name else said
    told = said.split()
    if replies._NAME not in told:
        return False
    who = said_as.tellers | said_as.people
    opening = next((w for w in told if w in who or w not in said_as.fillers), None)
    own = [i for i, w in enumerate(told) if w != replies._NAME and w not in said_as.stated and w not in who]
    at = told.index(replies._NAME)
    before = [i for i in own if i < at]
    placed = all(said_as.stated_places & set(told[max(i - 2, 0) : i]) for i in own if i > at)
    return opening in who and len(before) <= 1 and not any(asks(told[i]) for i in before) and placed


def test_a_statement_is_found_as_by_trying_every_name():
    content = load_content("en-US")
    said_as, asks = replies.replies("en-US"), ranker("en-US").terms
    told = [
        "my husband is on hizentra at home",
        "my brother does his cuvitru injections on saturdays",
        "my mum has her ivig at the royal",
    ]
    found = 0
    for text in told + [text for _, text in SAID[:400]]:
        for topic in content.topics:
            names = (topic.name, *topic.synonyms, *topic.brands)
            states = said_as.states(text, names, asks)
            assert states == plain_states(said_as, text, names, asks), (text, topic.id)
            found += states
    assert found >= 3


def test_a_text_naming_no_treatment_tries_no_name_pattern(monkeypatch):
    content = load_content("en-US")
    said_as = replies.replies("en-US")
    tried: list[str] = []

    class Counting:
        def __getattr__(self, name: str):
            return getattr(re, name)

        def sub(self, pattern, *args, **kwargs):
            tried.append(pattern)
            return re.sub(pattern, *args, **kwargs)

    monkeypatch.setattr(replies, "re", Counting())
    ivig = content.topic("ivig")
    assert not said_as.states("my daughter keeps dropping her cup", (ivig.name, *ivig.synonyms), ranker("en-US").terms)
    assert tried == []


def xml_forbids(code: int) -> bool:
    """XML 1.0's Char production, negated."""
    return not (
        code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF
    )


def test_speech_drops_exactly_what_xml_forbids():
    dropped = {code for code in range(0x110000) if _NOT_XML.fullmatch(chr(code))}
    assert dropped == {code for code in range(0x110000) if xml_forbids(code)}
    text = "".join(map(chr, range(0x110000)))
    assert len(_NOT_XML.sub("", text)) == 0x110000 - len(dropped)
    # Not the complement of what XML allows, which spans every code point and is slow to compile.
    assert not _NOT_XML.pattern.startswith("[^")


def test_answers_are_the_same_with_the_work_kept_and_made_afresh():
    skill = build_skill()
    rng = random.Random(7)
    for _, text in rng.sample(SAID, 40):
        envelope = free_text(text)
        first = handle_event(skill, copy.deepcopy(envelope))
        ranker("en-US")._folded.cache_clear()
        assert handle_event(skill, copy.deepcopy(envelope)) == first, text


def test_where_start_up_is_free_every_questions_tables_are_made_ahead(monkeypatch):
    bank = fresh_ranker.__wrapped__()
    monkeypatch.setattr("skill.understanding.ranker._ranker", lambda language: bank)
    prepare()
    assert len(bank._made) == len(bank.questions)
