"""Loads the content data files (TOML, one folder per language) into the typed model, for one locale.

The text is written once per language; ``locales.toml`` says what changes per
locale: the facts of that country, each spoken wherever a text names it in braces
(``{emergency_number}``, ``{funding}``, ``{crisis_line}`` ...), spelling, and extra
pronunciations.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import json
import pickle
import re
from pathlib import Path
from typing import Any

from .model import (
    Content,
    FacetInfo,
    Figure,
    LexiconEntry,
    Page,
    PageRef,
    Question,
    RedFlags,
    Sign,
    Source,
    Topic,
    TriageLevel,
    Vocabulary,
)

DATA_DIR = Path(__file__).parent / "data"
# The keys of a locale's table that configure it; every other text in it is a fact of that country.
LOCALE_SETTINGS = frozenset({"phonemes", "date_format", "spelling"})
DEFAULT_LOCALE = "en-US"


def language_of(locale: str | None) -> str:
    """The content language for an Alexa locale such as ``en-GB``: one the content ships, else the default's."""
    language = (locale or DEFAULT_LOCALE).split("-")[0].lower()
    return language if language in languages() else DEFAULT_LOCALE.split("-")[0]


@functools.cache
def _languages() -> tuple[str, ...]:
    return tuple(sorted(path.name for path in DATA_DIR.iterdir() if _exists(path / "locales.toml")))


def languages() -> list[str]:
    """The languages the content is written in (one data folder each)."""
    return list(_languages())


@functools.cache
def supported_locales(language: str) -> tuple[str, ...]:
    return tuple(key for key in _read(DATA_DIR / language / "locales.toml") if key != "spelling")


def resolve_locale(locale: str | None) -> str:
    """A locale the content supports: the one asked for, else its language's first, else the default."""
    locales = supported_locales(language_of(locale))
    return locale if locale in locales else locales[0]


def load_content(locale: str | None = DEFAULT_LOCALE) -> Content:
    return _load(resolve_locale(locale))


@functools.cache
def _load(locale: str) -> Content:
    """The Lambda package ships each locale's content built (``compile.py``): unpickling it is four times faster
    than building it from the data files, on every cold start. The pickle is written by the build step inside
    the package, so it is trusted as the package's code is; nothing else writes one."""
    built = built_content_file(locale)
    if built.is_file():
        return pickle.loads(built.read_bytes())
    return build_content(locale)


def built_content_file(locale: str) -> Path:
    return DATA_DIR / language_of(locale) / f"{locale}.pickle"


def build_content(locale: str) -> Content:
    """One locale's content, built from the data files."""
    folder = DATA_DIR / language_of(locale)
    settings = _read(folder / "locales.toml")
    local = settings[locale]
    localise = Localise(locale_facts(local), local.get("sources", {}), settings["spelling"][local["spelling"]])
    skill = _read(folder / "skill.toml")
    banks = [_read(path) for path in _files(folder / "bank")]
    return Content(
        locale=locale,
        skill_name=skill["skill_name"],
        last_reviewed=_date(skill["last_reviewed"]),
        facets=tuple(FacetInfo(**{k: localise(v) for k, v in f.items()}) for f in skill["facets"]),
        evidence={k: localise(v) for k, v in skill["evidence"].items()},
        prompts={k: localise(v) for k, v in skill["prompts"].items()},
        topics=_in_order([_topic(_read(p), localise) for p in _files(folder / "topics")], skill["topic_order"]),
        sources={sid: Source(id=sid, **s) for sid, s in _read(folder / "sources.toml").items()},
        lexicon=tuple(
            _lexicon_entry(e, local["phonemes"])
            for e in [*_read(folder / "lexicon.toml")["entries"], *local["lexicon"]]
        ),
        questions=_with_topics(
            [
                *(_question(q, localise) for q in _read(folder / "questions.toml").get("questions", [])),
                *(_bank_question(q, localise) for bank in banks for q in bank["questions"]),
            ]
        ),
        phrasing_sources=tuple(dict.fromkeys(s for bank in banks for s in bank.get("drawn_from", ()))),
        training=_training(folder / "bank" / "training"),
        date_format=local["date_format"],
        red_flags=_red_flags(_read(folder / "red_flags.toml"), localise),
        vocabulary=_vocabulary(_read(folder / "understanding.toml")),
    )


def data_file(language: str, name: str) -> dict[str, Any]:
    """One of a language's data files that the typed model does not hold (``replies.toml``), parsed once."""
    return _read(DATA_DIR / language / f"{name}.toml")


def locale_facts(local: dict[str, Any]) -> dict[str, str]:
    """The facts of a locale's country, by the name a text gives them in braces ("crisis_line")."""
    return {name: value for name, value in local.items() if isinstance(value, str) and name not in LOCALE_SETTINGS}


def _lexicon_entry(entry: dict[str, Any], phonemes: str) -> LexiconEntry:
    """An entry with the pronunciation in the locale's phoneme set."""
    return LexiconEntry(**{**entry, "ipa": entry["ipa"][phonemes]} if "ipa" in entry else entry)


class Localise:
    """Makes a text this locale's: the country's facts in place of their names in braces, then its spelling.
    A page that says a fact also cites the fact's sources, so "where does that come from?" names this
    country's source, not another's."""

    def __init__(self, facts: dict[str, str], sources: dict[str, list[str]], spelling: dict[str, str]) -> None:
        self.facts = facts
        self.sources = sources
        self.spelling = spelling
        # Lowercase words only: a capitalized one may be part of a name ("National Organization for Rare Disorders").
        self.words = re.compile(r"\b(" + "|".join(map(re.escape, spelling)) + r")\b") if spelling else None

    def __call__(self, text: str) -> str:
        for name, fact in self.facts.items():
            text = text.replace("{" + name + "}", fact)
        return self.words.sub(lambda match: self.spelling[match.group(0)], text) if self.words else text

    def cited(self, text: str, sources: list[str]) -> tuple[str, ...]:
        """A page's sources, and those of each fact of this locale that its text says."""
        said = [s for name in self.facts if "{" + name + "}" in text for s in self.sources.get(name, ())]
        return tuple(dict.fromkeys([*sources, *said]))


@functools.cache
def _read(path: Path) -> dict[str, Any]:
    """A data file, parsed once per process (every locale of a language reads the same files). The Lambda
    package ships them compiled to JSON (``compile.py``), which parses far faster than TOML."""
    compiled = path.with_suffix(".json")
    if compiled.is_file():
        return json.loads(compiled.read_bytes())
    import tomllib  # here: the Lambda package never reads TOML, so its cold start need not import the parser

    with path.open("rb") as f:
        return tomllib.load(f)


def _exists(path: Path) -> bool:
    return path.is_file() or path.with_suffix(".json").is_file()


def _files(folder: Path) -> list[Path]:
    """The data files in a folder, by name, as their TOML paths (whichever form is shipped)."""
    return sorted({path.with_suffix(".toml") for pattern in ("*.toml", "*.json") for path in folder.glob(pattern)})


def _date(value: datetime.date | str) -> datetime.date:
    """A TOML date, or the ISO date it was compiled to."""
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def _in_order(topics: list[Topic], order: list[str]) -> tuple[Topic, ...]:
    """Topics in the listed order; a topic missing from the list is an error, not silently last."""
    by_id = {t.id: t for t in topics}
    if set(order) != set(by_id):
        raise ValueError(f"topic_order {sorted(order)} does not match the topic files {sorted(by_id)}")
    return tuple(by_id[topic_id] for topic_id in order)


def _pages(data: list[dict[str, Any]], localise: Localise) -> tuple[Page, ...]:
    return tuple(
        Page(
            text=localise(" ".join(p["text"].split())),
            sources=localise.cited(p["text"], p["sources"]),
            evidence=p.get("evidence"),
            plain=localise(p["plain"]) if p.get("plain") else None,
        )
        for p in data
    )


def _question(data: dict[str, Any], localise: Localise) -> Question:
    return Question(
        id=data["id"],
        title=localise(data["title"]),
        intent=data.get("intent"),
        topic=data["topic"],
        pages=_pages(data["pages"], localise),
        answer=data.get("answer"),
        other_topics_facet=data.get("other_topics_facet"),
        about=localise(data.get("about", "")),
        phrasings=tuple(data.get("phrasings", ())),
    )


def _bank_question(data: dict[str, Any], localise: Localise) -> Question:
    """A question of the bank: its ``answer`` names the page that answers it, or it has ``pages`` of its own."""
    title = data["about"][:1].upper() + data["about"][1:]
    if "pages" in data:
        return _question({**data, "title": title}, localise)
    ref = page_ref(data["answer"])
    return Question(
        id=data["id"],
        title=title,
        topic=ref.topic,
        about=data["about"],
        phrasings=tuple(data["phrasings"]),
        see=ref,
    )


def _training(folder: Path) -> dict[str, tuple[str, ...]]:
    """Question id -> the training phrasings of every file in ``folder``, in file order."""
    training: dict[str, tuple[str, ...]] = {}
    for path in _files(folder):
        for item in _read(path)["questions"]:
            training[item["id"]] = training.get(item["id"], ()) + tuple(item["phrasings"])
    return training


def _with_topics(questions: list[Question]) -> tuple[Question, ...]:
    """The bank, whole: a bank item that points at the question of its own id adds its phrasings to it;
    one that points at another question's page takes that question's topic."""
    by_id: dict[str, Question] = {}
    for question in questions:
        ref = question.see
        known = by_id.get(question.id)
        if known is not None:
            if ref is None or ref.question != question.id:
                raise ValueError(f"two questions have the id {question.id}")
            by_id[question.id] = dataclasses.replace(
                known, phrasings=known.phrasings + question.phrasings, about=known.about or question.about
            )
            continue
        by_id[question.id] = question
    resolved = []
    for question in by_id.values():
        ref = question.see
        if ref is not None and ref.question is not None:
            target = by_id.get(ref.question)
            if target is None or target.see is not None:
                raise ValueError(f"question {question.id} points at {ref.question}, which has no answer of its own")
            ref = dataclasses.replace(ref, topic=target.topic)
            question = dataclasses.replace(question, topic=target.topic, see=ref)
        resolved.append(question)
    return tuple(resolved)


def page_ref(pointer: str) -> PageRef:
    """ "ivig.course.2" (a topic's facet page) or "q:ivig_cure.1" (a question's page); pages count from 1.

    A question's page gets its topic from that question when the content is loaded (``_with_topics``).
    """
    if pointer.startswith("q:"):
        question, _, page = pointer[2:].partition(".")
        return PageRef(topic=question, question=question, page=int(page or 1) - 1)
    topic, facet, *page = pointer.split(".")
    return PageRef(topic=topic, facet=facet, page=int(page[0]) - 1 if page else 0)


# What a sign may set besides its words and texts (see ``Sign``).
_SIGN_SETTINGS = (
    "urgency",
    "stays_open",
    "infusion_ahead",
    "infusion_past",
    "infusion_now",
    "topic",
    "own_close",
    "while_running",
    "of_someone",
    "replies",
)
# A word of a sign's group written "@name" stands for the list ``name`` of ``[sign_words]``: what many signs say alike
# (being sick, in all the words people use for it) is written once, so a word added there is heard by every sign.
_NAMED = "@"


def _named_words(phrases: list[str], named: dict[str, list[str]]) -> tuple[str, ...]:
    """The phrases, with each "@name" replaced by the words of that name."""
    return tuple(word for phrase in phrases for word in (named[phrase[1:]] if phrase.startswith(_NAMED) else [phrase]))


def _vetoes(sign: dict[str, Any], level_unless: tuple[str, ...], level_reported: tuple[str, ...]) -> dict[str, Any]:
    """A sign's ``unless``, ``reported`` and ``unless_always``: a ``reported`` phrase overrides only the ``unless``
    phrases said in the same place (the sign's own, or its level's); the others excuse the sign, report or not."""
    own, reported = tuple(sign.get("unless", ())), tuple(sign.get("reported", ()))
    always = tuple(sign.get("unless_always", ()))
    soft = (own if reported else ()) + (level_unless if level_reported else ())
    hard = (() if reported else own) + (() if level_reported else level_unless)
    if not soft:
        return {"unless": hard, "reported": (), "unless_always": always}
    return {"unless": soft, "reported": reported + level_reported, "unless_always": hard + always}


def _red_flags(data: dict[str, Any], localise: Localise) -> RedFlags:
    levels = []
    named = data.get("sign_words", {})
    for level_id in ("emergency", "call_doctor", "no_change"):
        level = data[level_id]
        texts = {k: localise(" ".join(v.split())) for k, v in level.items() if isinstance(v, str)}
        signs: list[Sign] = []
        # What no sentence of the level holds ("will they stop it", "eventually") rules out each of its signs.
        level_unless = tuple(level.get("unless", ()))
        level_reported = tuple(level.get("reported", ()))
        for sign in level.get("signs", []):
            # A sign `like` another says what the other says: the same thoughts or symptom in other words.
            said = next(s for s in signs if s.id == sign["like"]) if "like" in sign else Sign(id="", groups=())
            spoken = {k: " ".join(sign[k].split()) for k in ("means", "answer", "opens", "title") if k in sign}
            # A text that says a fact of the locale (its crisis line) also cites that fact's sources.
            sources = localise.cited(" ".join(spoken.values()), sign["sources"]) if "sources" in sign else None
            # A sign may read its `unless` and `reported` from another ("vetoes_of"): the same excuses, other words.
            vetoes = next(s for s in level["signs"] if s["id"] == sign["vetoes_of"]) if "vetoes_of" in sign else {}
            excuses = {**sign, **{k: vetoes[k] for k in ("unless", "reported") if k in vetoes}}
            excuses = {
                **excuses,
                **{k: _named_words(excuses[k], named) for k in ("unless", "reported") if k in excuses},
            }
            signs.append(
                dataclasses.replace(
                    said,
                    id=sign["id"],
                    groups=tuple(_named_words(group, named) for group in sign["all"]),
                    **_vetoes(excuses, level_unless, level_reported),
                    asked_before=tuple(sign.get("asked_before", ())),
                    window=sign.get("window", 8),
                    **{k: sign[k] for k in _SIGN_SETTINGS if k in sign},
                    # A fact that is nothing in a locale (no poison line named) leaves no space behind.
                    **{k: " ".join(localise(text).split()) for k, text in spoken.items()},
                    **({"sources": sources} if sources is not None else {}),
                )
            )
        levels.append(
            TriageLevel(
                id=level_id, signs=tuple(signs), texts=texts, sources=tuple(level["sources"]), unless=level_unless
            )
        )
    follow_up, context = data["follow_up"], data["context"]
    return RedFlags(
        levels=tuple(levels),
        infusion_words=tuple(data["infusion_words"]),
        after_infusion_words=tuple(data["after_infusion_words"]),
        running_words=tuple(data["running_words"]),
        asking=(*data["asking"], *data.get("asking_more", ())),
        watching=tuple(data.get("watching", ())),
        reasons=tuple(data.get("asking_reasons", ())),
        examples=tuple(data.get("examples", ())),
        reporting=tuple(data["reporting"]),
        **{
            name: tuple(data["history"][name])
            for name in ("past", "about_treatment", "present", "settled", "family", "family_signs", "recent")
        },
        **{name: tuple(data["other_people"][name]) for name in ("others", "first_person", "third_person")},
        follow_up={k: localise(v) for k, v in follow_up.items() if isinstance(v, str)},
        replay=tuple(follow_up["replay_words"]),
        brief=tuple(follow_up["brief_words"]),
        number_words=tuple(f" {phrase} " for phrase in follow_up["number_words"]),
        giving=tuple(
            (g["kind"], frozenset(g["signs"]), tuple(f" {phrase} " for phrase in g["words"]))
            for g in follow_up["giving"]
        ),
        close=tuple(follow_up["close_words"]),
        about_it=tuple(follow_up["about_it_words"]),
        about_it_intents=tuple(follow_up["about_it_intents"]),
        about_it_refers=tuple(follow_up["about_it_refers"]),
        changes=tuple(context["changes"]),
        context_signs=tuple(context["signs"]),
        planned=tuple(context["planned"]),
        general_word=context["general"],
        context_symptoms=tuple(context["symptoms"]),
        context_asked_first=tuple(context["asked_first"]),
        unnamed=tuple(context["unnamed"]),
        treatment_words=dict(context["treatment"]),
        figures=tuple(_figure(figure, data["figure_words"]) for figure in data["figures"]),
    )


def _figure(data: dict[str, Any], named: dict[str, list[str]]) -> Figure:
    """A figure of speech; a group (of its words or its breaks) given as a name is that list of ``figure_words``."""
    groups = [tuple(named[group] if isinstance(group, str) else group) for group in data["all"]]
    breaks = [word for group in data.get("breaks", ()) for word in (named[group] if isinstance(group, str) else group)]
    return Figure(
        id=data["id"],
        groups=tuple(groups),
        window=data["window"],
        breaks=tuple(breaks),
        levels=tuple(data.get("levels", ())),
        spares=tuple(data.get("spares", ())),
    )


def _vocabulary(data: dict[str, Any]) -> Vocabulary:
    return Vocabulary(
        stopwords=frozenset(data["stopwords"].split()),
        fold=dict(data["fold"]),
        facet_words=dict(data["facet_words"]),
        facet_phrasings={facet: tuple(p) for facet, p in data["facet_phrasings"].items()},
        commands={intent: tuple(p) for intent, p in data.get("commands", {}).items()},
        settings_commands={intent: tuple(p) for intent, p in data.get("settings_commands", {}).items()},
        choices=tuple(tuple(data["choices"][which]) for which in ("first", "second")),
        pointing_back=tuple(data["pointing_back"]),
        clauses={kind: tuple(said) for kind, said in data.get("clauses", {}).items()},
        marks={mark: tuple(said) for mark, said in data.get("marks", {}).items()},
    )


def _topic(data: dict[str, Any], localise: Localise) -> Topic:
    return Topic(
        id=data["id"],
        name=localise(data["name"]),
        title=localise(data["title"]),
        synonyms=tuple(data.get("synonyms", ())),
        facets={facet_id: _pages(facet["pages"], localise) for facet_id, facet in data.get("facets", {}).items()},
        intent=data.get("intent"),
        summary=_pages([data["summary"]], localise)[0] if "summary" in data else None,
        brands=tuple(data.get("brands", ())),
        brand_said={brand: localise(said) for brand, said in data.get("brand_said", {}).items()},
    )
