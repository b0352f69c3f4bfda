"""The bank's phrasings as the ranker reads them (folded, stemmed), worked out once and checked in.

Reading 3,600 phrasings takes a cold start about 25 ms more than loading this
file. ``python -m build_tools.interaction_model`` writes it with the models, from the
same content, and the same staleness test fails when it no longer matches, so
a build never ships a stale one; a phrasing it lacks is read at start-up. This
module only reads it.
"""

from __future__ import annotations

import json
from pathlib import Path

FOLDER = Path(__file__).with_name("snapshots")


def path_for(language: str) -> Path:
    return FOLDER / f"{language}.json"


def read(language: str) -> dict[str, list[str]]:
    """Phrasing -> terms, as last written; empty when there is no snapshot."""
    path = path_for(language)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
