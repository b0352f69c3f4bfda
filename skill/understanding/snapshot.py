"""The bank as the ranker reads it, worked out once at build time and checked in: each phrasing's terms
(folded, stemmed), and the BM25 index of them.

Reading 3,600 phrasings takes a cold start about 25 ms more than loading their
terms, and building the index of the 8,000 documents they make tens of
milliseconds more than reading it. ``python -m build_tools.interaction_model``
writes both with the models, from the same content, and the same staleness
test fails when they no longer match, so a build never ships stale ones. Even
so, a phrasing the terms lack is read at start-up, and an index built from other
documents than the ranker's (``bm25.fingerprint``) is built afresh. This module
only reads them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from .bm25 import Bm25, unpack

FOLDER = Path(__file__).with_name("snapshots")


def path_for(language: str) -> Path:
    return FOLDER / f"{language}.json"


def index_path_for(language: str) -> Path:
    return FOLDER / f"{language}.bm25.json"


def read(language: str) -> dict[str, list[str]]:
    """Phrasing -> terms, as last written; empty when there is no snapshot."""
    path = path_for(language)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def index(language: str, documents: Sequence[Sequence[str]]) -> Bm25:
    """The BM25 index of ``documents``: the one written at build time if it was built from these, else built now."""
    path = index_path_for(language)
    shipped = unpack(path.read_text(encoding="utf-8"), documents) if path.is_file() else None
    return shipped if shipped is not None else Bm25(documents)
