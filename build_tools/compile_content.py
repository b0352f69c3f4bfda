"""Build step for the Lambda package: the content's TOML data files compiled to JSON, the TOML removed, and
each locale's content built and pickled.

Python reads JSON about ten times faster than TOML, so a cold start spends a
few milliseconds on the content instead of tens. The loader reads a JSON file
where one is shipped and the TOML otherwise, so the package holds one form
only and can never mix a stale copy with a fresh one. Dates become ISO strings.
Building the typed model costs more than parsing the data, so each locale's
model is built here, by the loader, and pickled (``loader._load`` reads it).
The triage's phrases are read here too (``triage_phrases``).

    cd PACKAGE && python -m build_tools.compile_content skill/content/data
"""

from __future__ import annotations

import datetime
import json
import pickle
import sys
import tomllib
from pathlib import Path

from skill.content import loader

from . import triage_phrases


def compile_tree(data_dir: Path) -> list[Path]:
    """Replace every TOML file under ``data_dir`` with its JSON; the files written."""
    written = []
    for source in sorted(data_dir.rglob("*.toml")):
        target = source.with_suffix(".json")
        with source.open("rb") as f:
            data = tomllib.load(f)
        target.write_text(json.dumps(data, default=_iso, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        source.unlink()
        written.append(target)
    return written


def _iso(value: object) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"cannot compile {type(value).__name__}")


def build_tree() -> list[Path]:
    """Every locale's content built and pickled beside its data files (the loader reads it first); the files
    written. Built by the loader itself, from the data files it sits beside."""
    written = []
    for language in loader.languages():
        for locale in loader.supported_locales(language):
            target = loader.built_content_file(locale)
            target.write_bytes(pickle.dumps(loader.build_content(locale), protocol=pickle.HIGHEST_PROTOCOL))
            written.append(target)
    return written


if __name__ == "__main__":
    data_dir = Path(sys.argv[1]).resolve()
    print(f"compiled {len(compile_tree(data_dir))} content files to JSON")
    if loader.DATA_DIR.resolve() != data_dir:
        sys.exit(f"run from the package's folder, so the loader reads {data_dir}, not {loader.DATA_DIR}")
    print(f"built the content of {len(build_tree())} locales")
    print(f"read the triage's phrases into {triage_phrases.build().relative_to(Path.cwd())}")
