"""Loads the content data files (TOML, one folder per language) into the typed model."""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from typing import Any

from .model import Content, FacetInfo, LexiconEntry, Page, Question, Source, Topic

DATA_DIR = Path(__file__).parent / "data"
DEFAULT_LANGUAGE = "en"


def language_of(locale: str | None) -> str:
    """The content language for an Alexa locale such as ``en-GB``."""
    language = (locale or DEFAULT_LANGUAGE).split("-")[0].lower()
    return language if (DATA_DIR / language).is_dir() else DEFAULT_LANGUAGE


@functools.cache
def load_content(language: str = DEFAULT_LANGUAGE) -> Content:
    folder = DATA_DIR / language
    skill = _read(folder / "skill.toml")
    return Content(
        skill_name=skill["skill_name"],
        last_reviewed=skill["last_reviewed"],
        facets=tuple(FacetInfo(**f) for f in skill["facets"]),
        evidence=dict(skill["evidence"]),
        prompts=dict(skill["prompts"]),
        topics=_in_order([_topic(_read(p)) for p in sorted((folder / "topics").glob("*.toml"))], skill["topic_order"]),
        sources={sid: Source(id=sid, **s) for sid, s in _read(folder / "sources.toml").items()},
        lexicon=tuple(LexiconEntry(**e) for e in _read(folder / "lexicon.toml")["entries"]),
        questions=tuple(_question(q) for q in _read(folder / "questions.toml").get("questions", [])),
    )


def _read(path: Path) -> dict[str, Any]:
    with path.open("rb") as f:
        return tomllib.load(f)


def _in_order(topics: list[Topic], order: list[str]) -> tuple[Topic, ...]:
    """Topics in the listed order; a topic missing from the list is an error, not silently last."""
    by_id = {t.id: t for t in topics}
    if set(order) != set(by_id):
        raise ValueError(f"topic_order {sorted(order)} does not match the topic files {sorted(by_id)}")
    return tuple(by_id[topic_id] for topic_id in order)


def _pages(data: list[dict[str, Any]]) -> tuple[Page, ...]:
    return tuple(
        Page(text=" ".join(p["text"].split()), sources=tuple(p["sources"]), evidence=p.get("evidence")) for p in data
    )


def _question(data: dict[str, Any]) -> Question:
    return Question(
        id=data["id"],
        intent=data["intent"],
        topic=data["topic"],
        pages=_pages(data["pages"]),
        answer=data.get("answer"),
    )


def _topic(data: dict[str, Any]) -> Topic:
    facets = {facet_id: _pages(facet["pages"]) for facet_id, facet in data.get("facets", {}).items()}
    return Topic(
        id=data["id"],
        name=data["name"],
        title=data["title"],
        synonyms=tuple(data.get("synonyms", ())),
        facets=facets,
        intent=data.get("intent"),
    )
