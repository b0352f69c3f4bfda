"""Free text ranked against the question bank: which question did the listener ask, and how sure is that?

Every phrasing of every question in the bank is a document of a BM25 index
(``bm25.py``), and so is a handful of ways to ask each facet of each topic
(``facet_phrasings`` in the content), so free text reaches every page. Text is
read the same way on both sides: words folded to the bank's words (topic
synonyms and brand names to the topic's id, lay words to the bank's words),
function words dropped, the rest stemmed.

A classifier trained at build time (``classifier.py``) scores the questions;
static word embeddings (``embeddings.py``) give a second opinion by meaning,
which words the bank never uses still have.

Confidence decides the verdict: a clear winner is answered; two close
candidates for different pages are offered as "Do you mean ... or ...?";
when the words that matter are not covered, the answer is an honest "I don't
know that one yet" with the nearest questions the bank has.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import operator
import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import Stemmer

from ..content import Content, Question, language_of, load_content, supported_locales
from ..content.model import PageRef
from . import classifier, embeddings, gate, snapshot
from .bm25 import Bm25
from .clauses import Splitter
from .near_names import NearNames
from .words import Phrase, Text, phrases, words

ANSWER = "answer"
CLARIFY = "clarify"
UNKNOWN = "unknown"

SUGGESTIONS = 3
CLAUSES = 3  # at most this many clauses of a turn are ranked on their own, the last said: each costs a ranking
# How much BM25's score and the classifier's probability count (each as a share of the best candidate's): chosen
# with the policy by ``python -m eval_tools.calibration``.
WEIGHTS = (0.0, 1.0)
_CANDIDATES = 40
NAMED = "="  # marks the very name said for a topic, beside the topic's id
MAX_COMMAND_WORDS = 7
MAX_SETTING_WORDS = 14
MAX_ONE_WORD_COMMAND = 4
FOLDED_KEPT = 1024  # texts whose folded words are kept (``Ranker.folded``)
_NO_FOLD: tuple[list[int], dict] = ([], {})
GENERAL_TOPIC = "mmn"  # named in most questions ("is that the MMN?"), so it says little about which answer fits


@dataclass(frozen=True)
class Policy:
    """When a candidate is answered, offered as one of two, or only suggested: the operating point.

    Chosen by measurement, not by hand: ``python -m eval_tools.calibration`` replays the development corpora's
    candidates under a grid of policies, prints the curve (right answers against wrong ones) and, for each corpus,
    the policy chosen on the others and how it scores on that one. The values below are the point chosen there.
    """

    # Share of the query's weight (IDF) that the best question's words must cover to be answered.
    coverage: float = 0.7
    # Fewer words covered are enough on the topic in context.
    lead_coverage: float = 0.4
    # ... and when the best question leads the next page's by ``lead`` times its score, covering at least
    # ``lead_floor`` (the rest are usually a listener's own words around the question: "is it contagious, can the
    # family members also get it"). Measured on the console path (README, "A clear lead is answered"): over the
    # blind corpora A-I, 637 -> 654 right for 129 -> 126 wrong pages; a floor of 0.4 or a lead of 3 buys each right
    # answer with about one wrong one.
    lead: float = 5.0
    lead_floor: float = 0.55
    # A runner-up for another page scoring at least this share of the winner makes the call too close.
    close_call: float = 0.6
    # A question offered as one of "the nearest things I know" must cover at least this share of what was asked.
    # With the training phrasings a topic's name weighs less (more phrasings say it), so a miss that names only
    # the topic ("my husband had his drip on Tuesday") covers 0.13 of the words: 0.1 still offers its questions.
    suggestion_coverage: float = 0.1
    # The classifier's probability for the best page at which it is answered whatever the words covered: a
    # listener's own words ("can I drink alcohol with MMN") may share few with the bank's yet leave no doubt.
    sure_chance: float = 0.9
    # A question that fits the topic and covers the words comes first only if it scores at least this share of the
    # best candidate: one the classifier all but rules out is not put ahead of the one it is sure of.
    fit_share: float = 0.25
    # The classifier's probability at which a page is answered when the embeddings, a second opinion that reads
    # words the bank never uses by their meaning, find it the closest too.
    agreed_chance: float = 0.6
    # A turn of at least this many words that no answer covers is split into clauses (``clauses.py``). A clause
    # asked as a question is answered with the page the classifier likes best for the whole turn when it gives
    # that page at least ``clause_chance``; or with its second best when the clause alone covers all its words
    # and the classifier gives it ``clause_sure``.
    # A page the classifier gives less than this is not answered on the words it covers ("what's the weather in
    # winnipeg tomorrow" covers most of the cold-weather question's words): the words are the bank's, the question is
    # not. On the development and blind corpora no right answer but a topic's name alone (answered before) is below it.
    least_chance: float = 0.05
    clause_words: int = 12
    clause_chance: float = 0.1
    clause_sure: float = 0.7


POLICY = Policy()


@dataclass(frozen=True)
class Ranked:
    question: Question
    score: float  # BM25 and the classifier, fused
    coverage: float  # share of the query's weight the question's words cover
    chance: float = 0.0  # the classifier's probability for the question's page
    agreed: bool = False  # the embeddings find its page the closest in meaning too


@dataclass(frozen=True)
class Ranking:
    verdict: str  # ANSWER, CLARIFY or UNKNOWN
    candidates: tuple[Ranked, ...]  # best first: the answer, the two to choose from, or the suggestions


@dataclass(frozen=True)
class Considered:
    """What a verdict is drawn from: the candidates (one per page, best first) and what was asked."""

    ranked: tuple[Ranked, ...]
    asked: tuple[str, ...]
    among: tuple[str, ...]
    preferred: frozenset[str]
    facet: str | None
    in_context: bool  # on the topic the listener is on, naming no other
    said: frozenset[str]  # every term read from the text, names as said among them
    # Page -> the cosine of its closest question with the words (the embeddings'; empty when none is known).
    nearness: Mapping[PageRef, float] = dataclasses.field(default_factory=dict)


class Ranker:
    """The question bank of one locale's content, indexed for ranking."""

    def __init__(
        self,
        content: Content,
        read_before: dict[str, list[str]],
        learned: classifier.Classifier | None = None,
        index_of_documents: Callable[[Sequence[Sequence[str]]], Bm25] = Bm25,
        meanings: embeddings.Embeddings | None = None,
        answer_gate: gate.Gate | None = None,
    ):
        """``read_before``: phrasings already read (``snapshot.py``); any other phrasing is read now.
        ``index_of_documents`` gives their BM25 index (``snapshot.index``: read, not built, when the build wrote it)."""
        vocabulary = content.vocabulary
        self.stopwords = frozenset(w for word in vocabulary.stopwords for w in words(word))
        self.topic_ids = {topic.id for topic in content.topics}
        # Spoken phrase -> the bank's words, by the phrase's first word: the phrase lengths to try (longest first),
        # and the phrases.
        by_first: dict[str, dict[tuple[str, ...], tuple[str, ...]]] = {}
        for key, folded in _fold_table(content).items():
            by_first.setdefault(key[0], {})[key] = folded
        self.fold_from = {
            first: (sorted({len(key) for key in table}, reverse=True), table) for first, table in by_first.items()
        }
        self.stemmer = Stemmer.Stemmer("english")
        # A turn's text is folded by the commands, the statements, the clauses and the ranking alike (eight times for
        # a free-text question): each text is folded once, as ``words`` reads it once.
        self._folded = functools.lru_cache(maxsize=FOLDED_KEPT)(self._fold)
        self.facet_words = {facet: self.terms(text, spoken=False) for facet, text in vocabulary.facet_words.items()}
        self.commands = [(intent, phrases(said)) for intent, said in vocabulary.commands.items()]
        self.settings = [(intent, phrases(said)) for intent, said in vocabulary.settings_commands.items()]
        self.questions = (*content.questions, *_facet_questions(content))
        self.policy, self.weights = POLICY, WEIGHTS
        self.by_id = {q.id: q for q in self.questions}
        self.index_of = {q.id: i for i, q in enumerate(self.questions)}
        documents: list[list[str]] = []
        self.owner: list[int] = []
        # Each question's phrasings: the bank's, then the training data's (``Content.training``).
        self.asked_as = [(*q.phrasings, *content.training.get(q.id, ())) for q in self.questions]
        self.choices = [phrases(said) for said in vocabulary.choices]
        self.pointing_back = {" ".join(words(said)) for said in vocabulary.pointing_back}
        self.splitter = Splitter(*(vocabulary.clauses.get(kind, ()) for kind in ("breaks", "questions", "not_after")))
        # Where each question's documents (its phrasings that have terms) stand among the documents.
        self._spans: list[tuple[int, int]] = []
        for index, asked in enumerate(self.asked_as):
            start = len(documents)
            for phrasing in asked:
                terms = read_before.get(phrasing)
                if terms is None:
                    terms = self.terms(phrasing, spoken=False)
                if terms:
                    documents.append(terms)
            self.owner.extend([index] * (len(documents) - start))
            self._spans.append((start, len(documents)))
        # Each question's words, its phrasings as sets of terms (a question asked in the very words of one is not a
        # close call), and the topics it is about: made for a question the first time a ranking needs it, as most
        # rankings look at a few dozen of the bank's questions (``_tables``).
        self.vocab: Sequence[frozenset[str]] = _PerQuestion(self, 0)
        self.phrased: Sequence[set[frozenset[str]]] = _PerQuestion(self, 1)
        self.about: Mapping[str, set[str]] = _ById(self.index_of, _PerQuestion(self, 2))
        self._made: dict[int, tuple[frozenset[str], set[frozenset[str]], set[str]]] = {}
        self.documents = documents
        self.learned = learned
        self.meanings = meanings
        self.gate = answer_gate
        self._meant: list[tuple[PageRef, Callable[[list[float]], tuple[float, ...]]]] | None = None
        self.index = index_of_documents(documents)
        self.idf = self.index.idf
        # A word no phrasing has may matter ("pregnant") or not ("seventy"): it weighs as a middling word.
        self.unseen_idf = statistics.median(self.idf.values())
        # Treatments' names that are no common word (the embeddings know common words), as speech recognition may
        # write them in pieces or near spellings (``near_names.py``).
        treatments = {topic.id for topic in content.topics if topic.pages("side_effects")}
        self.near_names = NearNames(
            key[0]
            for table in by_first.values()
            for key, folded in table.items()
            if len(key) == 1 and folded[0] in treatments and not self._common(key[0])
        )

    @functools.cached_property
    def refs(self) -> list[PageRef]:
        """Each question's page, by the question's index (``Question.ref`` makes one anew each time it is asked)."""
        return [question.ref for question in self.questions]

    def _tables(self, index: int) -> tuple[frozenset[str], set[frozenset[str]], set[str]]:
        """The question's words, its phrasings as sets of terms, and the topics it is about: its own, and any most
        of its phrasings name ("what if IVIg stops working" is about IVIg; "do the SCIg risks match IVIg's" is
        not)."""
        made = self._made.get(index)
        if made is None:
            known: set[str] = set()
            said: set[frozenset[str]] = set()
            named: dict[str, int] = {}
            start, end = self._spans[index]
            for terms in self.documents[start:end]:
                known.update(terms)
                said.add(frozenset(terms))
                for topic in set(terms) & self.topic_ids:
                    named[topic] = named.get(topic, 0) + 1
            most = {topic for topic, count in named.items() if 2 * count >= len(self.asked_as[index])}
            made = self._made[index] = (frozenset(known), said, {self.questions[index].topic} | most)
        return made

    def make_tables(self) -> None:
        """Every question's tables now, where start-up is on no listener's clock (``prepare``)."""
        for index in range(len(self.questions)):
            self._tables(index)

    def examples(self) -> list[tuple[str, list[str]]]:
        """Every phrasing as the ranker reads it, with its question's id: what the classifier learns from."""
        return [(self.questions[owner].id, terms) for owner, terms in zip(self.owner, self.documents, strict=True)]

    def terms(self, text: str, spoken: bool = True) -> list[str]:
        """The words of ``text`` that matter for ranking, folded and stemmed. The bank's own phrasings are read as
        written (``spoken=False``); what is said may hold a treatment's name in pieces (``near_names.py``)."""
        kept = self.folded(text, spoken)
        stems = self.stemmer.stemWords(kept)
        return [t if t in self.topic_ids or t.startswith(NAMED) else stem for t, stem in zip(kept, stems, strict=True)]

    def folded(self, text: str, spoken: bool = True) -> list[str]:
        """The words of ``text`` that matter for ranking, folded to the bank's words but not stemmed: what the
        embeddings read (``embeddings.py``), as they know words, not stems; near names only in what is ``spoken``."""
        return list(self._folded(text, spoken))

    def _fold(self, text: str, spoken: bool) -> tuple[str, ...]:
        tokens, out, i = words(text), [], 0
        count = len(tokens)
        while i < count:
            sizes, table = self.fold_from.get(tokens[i], _NO_FOLD)
            for size in sizes:
                folded = table.get(tuple(tokens[i : i + size]))
                if folded is not None:
                    out.extend(folded)
                    i += size
                    break
            else:
                near = None
                if spoken and tokens[i] not in self.stopwords:
                    near = self.near_names.at(tokens, i, self._known)
                if near is None:
                    out.append(tokens[i])
                    i += 1
                else:
                    name, size = near
                    out.extend(self.fold_from[name][1][(name,)])
                    i += size
        return tuple(t for t in out if t not in self.stopwords)

    def _common(self, word: str) -> bool:
        """Whether ``word`` is one of the language's common words (the embeddings' own)."""
        return self.meanings is not None and word in self.meanings.row_of

    def _known(self, word: str) -> bool:
        """Whether ``word`` is a common word or one the bank's phrasings use: no near spelling of a name."""
        return self._common(word) or self.stemmer.stemWord(word) in self.idf

    def points_back(self, text: str) -> bool:
        """Whether the words only point back to the topic in context ("it", "that one")."""
        return bool(text.strip()) and " ".join(words(text)) in self.pointing_back

    def question(self, question_id: str) -> Question:
        return self.by_id[question_id]

    def choice_in(self, text: str) -> int | None:
        """Which offered question a short reply picks ("the second one" -> 1), if it picks one."""
        read = Text(text)
        if len(read.tokens) > MAX_COMMAND_WORDS:
            return None
        return next((n for n, said in enumerate(self.choices) if any(p.positions(read) for p in said)), None)

    def command_in(self, text: str) -> str | None:
        """The intent of a command said in other words ("sorry, I didn't catch that" -> repeat), if any.

        Commands are short and name no topic: "could cyclophosphamide stop him having children" is a question."""
        return self._command(text, self.commands, MAX_COMMAND_WORDS)

    def setting_in(self, text: str) -> str | None:
        """The intent of a request about the skill itself, its voice or its memory ("you're talking way too fast",
        "wipe everything you know about me"), if any. No question of the bank asks these, so they are looked
        for before the question is ranked, in somewhat longer sentences than other commands."""
        return self._command(text, self.settings, MAX_SETTING_WORDS)

    def _command(self, text: str, table: list[tuple[str, tuple[Phrase, ...]]], longest: int) -> str | None:
        read = Text(text)
        if len(read.tokens) > longest or any(t in self.topic_ids for t in self.terms(text)):
            return None
        # A one-word command ("help", "stop") is the command only in a short reply, not inside a question
        # ("will fish oil help my nerves").
        short = len(read.tokens) <= MAX_ONE_WORD_COMMAND
        return next(
            (intent for intent, said in table if any((short or len(p.parts) > 1) and p.positions(read) for p in said)),
            None,
        )

    def rank(
        self,
        text: str,
        *,
        topic: str | None = None,
        facet: str | None = None,
        among: tuple[str, ...] = (),
        policy: Policy | None = None,
    ) -> Ranking:
        """Rank ``text``; ``topic`` and ``facet`` (what the listener is on, or what the intent named) are hints
        added to the query, not words that must be covered; ``among`` limits the choice to these question ids;
        ``policy`` replaces the ranker's own for the verdict."""
        considered = self.consider(text, topic=topic, facet=facet, among=among)
        if considered is None:
            return Ranking(UNKNOWN, ())
        ranking = self.verdict(considered, policy)
        if ranking.verdict == ANSWER or among:
            return ranking
        return self._in_a_clause(text, considered, topic=topic, facet=facet) or ranking

    def _in_a_clause(self, text: str, whole: Considered, *, topic: str | None, facet: str | None) -> Ranking | None:
        """The answer found in one clause of a long turn asked as a question, when the classifier agrees for the
        whole turn (``Policy.clause_chance``, ``Policy.clause_sure``); or None. The story around a question ("the
        first doctor said it might be ALS and I've been terrified ever since") dilutes its words, not its meaning."""
        policy = self.policy
        likeliest = one_per_page(list(whole.ranked))[:2]
        if len(words(text)) < policy.clause_words or not likeliest:
            return None
        pages = [r.question.ref for r in likeliest]
        sure_of_first = likeliest[0].chance >= policy.clause_chance
        for clause in [clause for clause in self.splitter.clauses(text) if clause.question][-CLAUSES:]:
            considered = self.consider(clause.text, topic=topic, facet=facet)
            ranking = self.verdict(considered) if considered else None
            if ranking is None or ranking.verdict != ANSWER:
                continue
            best = ranking.candidates[0]
            if (best.question.ref == pages[0] and sure_of_first) or (
                best.question.ref in pages and best.coverage == 1 and best.chance >= policy.clause_sure
            ):
                return ranking
        return None

    def consider(
        self, text: str, *, topic: str | None = None, facet: str | None = None, among: tuple[str, ...] = ()
    ) -> Considered | None:
        """The candidates for ``text`` before any verdict (``rank`` takes the same arguments), or None when no
        word of it matters."""
        folded = self.folded(text)
        asked = list(dict.fromkeys(self.terms(text)))
        if not asked:
            return None
        said = frozenset(asked)
        hints = [*self.facet_words.get(facet or "", ())]
        if topic and not any(t in self.topic_ids for t in asked):
            hints.append(topic)
            folded.append(topic)
        query = [t for t in dict.fromkeys(asked + hints) if t in self.idf]
        best: dict[int, float] = {}
        for doc, score in self.index.top(query, _CANDIDATES * 4):
            owner = self.owner[doc]
            best[owner] = max(best.get(owner, 0.0), score)
        chances = self._chances(list(dict.fromkeys(asked + hints)))
        nearness = self._nearness(folded)
        closest = max(nearness, key=nearness.__getitem__) if nearness else None
        top_score = max(best.values(), default=0.0) or 1.0
        top_chance = max(chances.values(), default=0.0) or 1.0
        lexical, learned = self.weights if self.learned else (1.0, 0.0)
        fused = {index: lexical * score / top_score for index, score in best.items()}
        for index, chance in chances.items():
            fused[index] = fused.get(index, 0.0) + learned * chance / top_chance
        asked = [t for t in asked if not t.startswith(NAMED)]
        weight = sum(self.idf.get(t, self.unseen_idf) for t in asked)
        ranked = []
        refs = self.refs
        for index, score in best_of(fused, _CANDIDATES):
            question = self.questions[index]
            if among and question.id not in among:
                continue
            vocab = self._tables(index)[0]
            covered = sum(self.idf[t] for t in asked if t in vocab)
            coverage = covered / weight if weight else 0.0
            ranked.append(Ranked(question, score, coverage, chances.get(index, 0.0), refs[index] == closest))
        # A question about the topic named (or, if none is named, the one the listener is on) comes first;
        # with a topic named, a question only about other topics is not an answer ("the dose of SCIg"), unless the
        # classifier is sure of it (``verdict``).
        named = {t for t in asked if t in self.topic_ids} - {GENERAL_TOPIC}
        preferred = frozenset(named or ({topic} if topic else set()))
        in_context = bool(topic) and not named
        return Considered(tuple(ranked), tuple(asked), among, preferred, facet, in_context, said, nearness)

    def _nearness(self, folded: list[str]) -> dict[PageRef, float]:
        """Page -> how close in meaning its closest question is to the ``folded`` words (``embeddings.py``); empty
        when no word is known. Each page's is the greatest of its questions' cosines and -1, taken in the questions'
        order, as ``plain_nearness`` takes them one by one (``_pages_meant``)."""
        values = self.meanings.cosines(folded) if self.meanings is not None else None
        if values is None:
            return {}
        values.append(-1.0)
        return {ref: max(cosines(values)) for ref, cosines in self._pages_meant()}

    def plain_nearness(self, folded: list[str]) -> dict[PageRef, float]:
        """``_nearness`` by the definition, a question at a time: what the tests compare it with."""
        close = self.meanings.similarities(folded) if self.meanings is not None else {}
        out: dict[PageRef, float] = {}
        for question, value in close.items():
            ref = self.by_id[question].ref
            out[ref] = max(out.get(ref, -1.0), value)
        return out

    def _pages_meant(self) -> list[tuple[PageRef, Callable[[list[float]], tuple[float, ...]]]]:
        """Each page the embeddings' questions lead to, in the order they first do, with a getter of -1 (the last
        of the values) and its questions' cosines, in their order: made once, the first time it is needed."""
        if self._meant is None:
            rows: dict[PageRef, list[int]] = {}
            for row, question in enumerate(self.meanings.questions if self.meanings is not None else ()):
                rows.setdefault(self.by_id[question].ref, []).append(row)
            last = len(self.meanings.questions) if self.meanings is not None else 0
            self._meant = [(ref, operator.itemgetter(last, *kept)) for ref, kept in rows.items()]
        return self._meant

    def _chances(self, terms: list[str]) -> dict[int, float]:
        """Question index -> the classifier's probability that ``terms`` ask it (a softmax over the bank)."""
        if self.learned is None or not terms:
            return {}
        values = self.learned.scores(terms)
        floor = self.learned.floor
        peak = max(max(values.values(), default=floor), floor)
        exp = {q: math.exp(v - peak) for q, v in values.items()}
        total = sum(exp.values()) + self.learned.rest(values, peak)
        return {self.index_of[q]: e / total for q, e in exp.items() if q in self.index_of}

    def _fits(self, ranked: Ranked, preferred: frozenset[str], bar: float) -> bool:
        return bool(self.about[ranked.question.id] & preferred) and ranked.coverage >= bar

    def _in_its_words(self, ranked: Ranked, said: frozenset[str]) -> bool:
        """Whether the question was asked in the very words of one of its phrasings (as the ranker reads them)."""
        return said in self.phrased[self.index_of[ranked.question.id]]

    def verdict(self, considered: Considered, policy: Policy | None = None) -> Ranking:
        """Answer, "Do you mean ... or ...?", or "I don't know" with suggestions, under ``policy`` (default: the
        ranker's own). Where the rules say "I don't know", the learned gate (``gate.py``) may still answer the best
        candidate: several features each just under its bar can say together what none says alone. It was trained on
        single questions read cold, under the ranker's own policy, so it reads only those: not a turn read with the
        topic in context or an intent's facet as hints (the handlers try other readings of those, "the IgA test" after
        IVIg's side effects), nor a choice among offered questions, nor a ranking under another policy (a handler's
        "are its own words covered?")."""
        own = policy is None
        policy = policy or self.policy
        ranking, ranked = self._by_rules(considered, policy)
        cold = own and not (considered.among or considered.in_context or considered.facet)
        if ranking.verdict != UNKNOWN or self.gate is None or not cold or not ranked:
            return ranking
        if ranked[0].chance >= policy.least_chance and self.gate.answers(self._features(considered, ranked, policy)):
            return Ranking(ANSWER, (ranked[0],))
        return ranking

    def features(self, considered: Considered, policy: Policy | None = None) -> tuple[Ranked, list[float]] | None:
        """The best candidate under the rules and the gate's features of its verdict (``gate.NAMES``), or None
        when there is no candidate: what ``build_tools/train_gate.py`` learns from."""
        policy = policy or self.policy
        ranking, ranked = self._by_rules(considered, policy)
        if not ranked:
            return None
        return ranked[0], self._features(considered, ranked, policy, answered=ranking.verdict == ANSWER)

    def _features(
        self, considered: Considered, ranked: list[Ranked], policy: Policy, answered: bool = False
    ) -> list[float]:
        top = ranked[0]
        runner = ranked[1] if len(ranked) > 1 else None
        lead = math.log(top.score / runner.score) if runner is not None and runner.score > 0 else gate.LEAD_CAP
        bar = policy.lead_coverage if considered.in_context else policy.coverage
        weight = sum(self.idf.get(t, self.unseen_idf) for t in considered.asked)
        unseen = sum(self.unseen_idf for t in considered.asked if t not in self.idf)
        near = considered.nearness.get(top.question.ref, 0.0)
        return [
            top.coverage,
            top.chance,
            min(max(lead, 0.0), gate.LEAD_CAP),
            runner.chance if runner is not None else 0.0,
            float(top.agreed),
            float(considered.in_context),
            float(self._fits(top, considered.preferred, bar)),
            math.log1p(len(considered.asked)),
            unseen / weight if weight else 0.0,
            float(answered),
            near,
            near - max((v for ref, v in considered.nearness.items() if ref != top.question.ref), default=0.0),
        ]

    def _by_rules(self, considered: Considered, policy: Policy) -> tuple[Ranking, list[Ranked]]:
        """The rules' verdict, and the candidates it was drawn from (one per page, best first)."""
        asked, preferred = considered.asked, considered.preferred
        # On the topic the listener is on, naming no other ("when do they decide to use it"), fewer words covered
        # are enough for a question about that topic to come first.
        bar = policy.lead_coverage if considered.in_context else policy.coverage
        # A topic named ("since my diagnosis") rules out questions about other topics, but not one the classifier is
        # sure of ("I'm so anxious since my diagnosis" asks about coping, not about tests).
        named = frozenset() if considered.in_context else preferred
        # The rule is a page's: a question answered by a page that one about the topic named leads to is no other
        # topic's ("a couple of drinks the evening after my IVIg" asks what "alcohol on IVIg" does), and the
        # classifier's chance for it is that page's too (``one_per_page``).
        kept = {
            r.question.ref
            for r in considered.ranked
            if not named or self.about[r.question.id] & named or r.chance >= policy.sure_chance
        }
        candidates = [r for r in considered.ranked if r.question.ref in kept]
        # A question that fits comes before one that does not, unless the matcher scores it far below the best.
        least = policy.fit_share * max((r.score for r in candidates), default=0.0)
        ranked = one_per_page(
            sorted(candidates, key=lambda r: not (r.score >= least and self._fits(r, preferred, bar)))
        )
        if not ranked:
            return Ranking(UNKNOWN, ()), ranked
        top = ranked[0]
        if considered.among and top.coverage > 0:
            return Ranking(ANSWER, (top,)), ranked
        topics = [t for t in asked if t in self.topic_ids]
        if len(asked) == 1 and topics:
            # Only a topic's name ("what about Hizentra?"): the facet asked for, else its overview.
            wanted = {PageRef(topics[0], considered.facet or "overview"), PageRef(topics[0], "overview")}
            named = next((r for r in ranked if r.question.see in wanted), None)
            if named is not None:
                return Ranking(ANSWER, (named,)), ranked
        if top.chance < policy.least_chance:
            return Ranking(UNKNOWN, self._nearest(ranked, preferred, policy)), ranked
        if top.coverage < policy.coverage and bar < policy.coverage and self._fits(top, preferred, bar):
            return Ranking(ANSWER, (top,)), ranked
        runner = ranked[1] if len(ranked) > 1 else None
        if top.coverage >= policy.coverage:
            close = (
                runner is not None
                and runner.coverage >= policy.coverage
                and runner.score >= policy.close_call * top.score
                and self._fits(runner, preferred, policy.coverage) == self._fits(top, preferred, policy.coverage)
            )
            if not close:
                return Ranking(ANSWER, (top,)), ranked
            # A question asked in its own words is answered, never offered back as a choice nor passed over for two
            # others; and one covered whole where the other is not is no close call.
            own = next((r for r in considered.ranked if self._in_its_words(r, considered.said)), None)
            if own is not None or top.coverage == 1 > runner.coverage:
                return Ranking(ANSWER, (own or top,)), ranked
            return Ranking(CLARIFY, (top, runner)), ranked
        if top.coverage >= policy.lead_floor and (runner is None or top.score >= policy.lead * runner.score):
            return Ranking(ANSWER, (top,)), ranked
        agreed = top.agreed and top.chance >= policy.agreed_chance
        if (top.chance >= policy.sure_chance or agreed) and top.coverage >= policy.suggestion_coverage:
            return Ranking(ANSWER, (top,)), ranked
        return Ranking(UNKNOWN, self._nearest(ranked, preferred, policy)), ranked

    @staticmethod
    def _nearest(ranked: list[Ranked], preferred: frozenset[str], policy: Policy) -> tuple[Ranked, ...]:
        """The nearest things offered: first those of the topic named or in context, which stays in context. A page the
        classifier all but rules out (``least_chance``) is not near, whatever words it shares."""
        near = [r for r in ranked if r.coverage >= policy.suggestion_coverage and r.chance >= policy.least_chance]
        return tuple(sorted(near, key=lambda r: r.question.topic not in preferred)[:SUGGESTIONS])


def one_per_page(ranked: list[Ranked]) -> list[Ranked]:
    """One candidate per page: questions answered by the same page are one choice, not a close call, and the
    classifier's probabilities for them add up."""
    first: dict[PageRef, Ranked] = {}
    chance: dict[PageRef, float] = {}
    for r in ranked:
        ref = r.question.ref
        first.setdefault(ref, r)
        chance[ref] = chance.get(ref, 0.0) + r.chance
    # A page's only candidate keeps its own chance (0 + c is c): it is kept as it is, not copied.
    return [
        r if chance[ref] == r.chance else Ranked(r.question, r.score, r.coverage, chance[ref], r.agreed)
        for ref, r in first.items()
    ]


def best_of(scores: Mapping[int, float], count: int) -> list[tuple[int, float]]:
    """The ``count`` best (index, score) pairs, best first; of equal scores, the lower index first: what
    ``heapq.nlargest(count, scores.items(), key=lambda item: (item[1], -item[0]))`` gives, by two sorts in C."""
    return sorted(sorted(scores.items()), key=operator.itemgetter(1), reverse=True)[:count]


class _PerQuestion(Sequence):
    """One of a ranker's tables per question (``Ranker._tables``), by the question's index."""

    def __init__(self, bank: Ranker, which: int):
        self._bank, self._which = bank, which

    def __len__(self) -> int:
        return len(self._bank.questions)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        return self._bank._tables(range(len(self))[index])[self._which]


class _ById(Mapping):
    """A per-question table by the question's id."""

    def __init__(self, index_of: dict[str, int], table: _PerQuestion):
        self._index_of, self._table = index_of, table

    def __len__(self) -> int:
        return len(self._index_of)

    def __iter__(self):
        return iter(self._index_of)

    def __getitem__(self, question_id: str):  # type: ignore[override]
        return self._table[self._index_of[question_id]]


def _fold_table(content: Content) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Spoken phrase -> the bank's words. Topic names and synonyms fold to the topic id; the content's fold list
    (lay words) wins where both name a phrase, and its words are folded once more ("drip" -> "infusion" -> IVIg);
    the content's marks ("doesn't" -> "=not") win over both."""
    table: dict[tuple[str, ...], tuple[str, ...]] = {}
    for topic in content.topics:
        for phrase in (topic.id.replace("_", " "), topic.name, *topic.synonyms):
            key = tuple(words(phrase))
            if len(key) == 1 and key[0] != topic.id:
                # One name among several of a topic ("rituximab" of other immune drugs) also keeps its own mark,
                # which helps rank but is not a word the answer must cover.
                table[key] = (topic.id, NAMED + key[0])
            elif key:
                table[key] = (topic.id,)
    lay = {tuple(words(spoken)): tuple(words(said)) for spoken, said in content.vocabulary.fold.items()}
    for key, said in lay.items():
        table[key] = tuple(t for word in said for t in table.get((word,), (word,)))
    # A word that changes what is asked, naming nothing ("doesn't"), is read as its mark: ranked, never to be covered.
    for mark, said in content.vocabulary.marks.items():
        for spoken in said:
            table[tuple(words(spoken))] = (NAMED + mark,)
    return table


def _facet_questions(content: Content) -> list[Question]:
    """Every facet page of every topic as a question of the bank, asked the ways ``facet_phrasings`` lists."""
    questions = []
    for topic in content.topics:
        names = [topic.name, *topic.synonyms[:2]]
        for facet in content.facets:
            if not topic.pages(facet.id):
                continue
            phrasings = content.vocabulary.facet_phrasings.get(facet.id, ())
            questions.append(
                Question(
                    id=f"{topic.id}.{facet.id}",
                    title=f"{topic.title}: {facet.title}",
                    topic=topic.id,
                    about=facet.about.format(topic=topic.name),
                    phrasings=tuple(p.format(topic=name) for p in phrasings for name in names),
                    see=PageRef(topic.id, facet.id),
                )
            )
    return questions


def ranker(locale: str) -> Ranker:
    """The ranker for a locale: one per content language, as the bank is written once per language."""
    return _ranker(language_of(locale))


@functools.cache
def _ranker(language: str) -> Ranker:
    content = load_content(supported_locales(language)[0])
    return Ranker(
        content,
        read_before=snapshot.read(language),
        learned=classifier.load(language),
        index_of_documents=functools.partial(snapshot.index, language),
        meanings=embeddings.load(language),
        answer_gate=gate.load(language),
    )
