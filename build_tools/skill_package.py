"""What the ASK CLI would upload: the skill package named in ``ask-resources.json``, checked against its shape.

``ask deploy`` zips every file under ``skillMetadata.src`` of the profile (a ``**/*``
glob, so names starting with a dot are left out) and imports it as the skill
package. This module lists those files and says what is wrong with them: the
package must hold ``skill.json``, ``interactionModels/custom/<locale>.json``
for every locale of the content and the store icons under ``assets/images/``,
and nothing else; every ``file://`` address in the manifest must name a file
of the package (the CLI uploads the file in its place).

    python -m build_tools.skill_package     # list the files; exit 1 if the package is not that shape
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .interaction_model import ROOT, locales

RESOURCES_PATH = ROOT / "ask-resources.json"
PROFILE = "default"
FILE = "file://"  # ASK CLI's import format: a path inside the package, uploaded with it
ICONS = ("assets/images/small.png", "assets/images/large.png")  # drawn by scripts/make_icons.py


def package_dir(resources: Path = RESOURCES_PATH, profile: str = PROFILE) -> Path:
    """The folder ``ask deploy`` uploads for ``profile``, resolved from the project root."""
    config = json.loads(resources.read_text(encoding="utf-8"))
    return (resources.parent / config["profiles"][profile]["skillMetadata"]["src"]).resolve()


def uploaded_files(src: Path) -> list[str]:
    """The files the CLI zips, as paths relative to ``src``."""
    return sorted(
        path.relative_to(src).as_posix()
        for path in src.rglob("*")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(src).parts)
    )


def expected_files() -> list[str]:
    return sorted(["skill.json", *ICONS, *(f"interactionModels/custom/{locale}.json" for locale in locales())])


def problems(src: Path) -> list[str]:
    """Files missing from the package or stray in it, and manifest addresses of files it lacks; empty when the
    package is the shape the CLI expects."""
    found, wanted = set(uploaded_files(src)), set(expected_files())
    unshipped = sorted({uri for uri in _file_uris(src / "skill.json") if uri.removeprefix(FILE) not in found})
    return (
        [f"missing: {name}" for name in sorted(wanted - found)]
        + [f"not part of a skill package: {name}" for name in sorted(found - wanted)]
        + [f"the manifest names a file the package lacks: {uri}" for uri in unshipped]
    )


def _file_uris(manifest: Path) -> list[str]:
    """Every ``file://`` address in the manifest, wherever it is."""
    if not manifest.is_file():
        return []
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str) and value.startswith(FILE):
            found.append(value)

    walk(json.loads(manifest.read_text(encoding="utf-8")))
    return found


def main() -> int:
    src = package_dir()
    print(f"ask deploy uploads {src.relative_to(ROOT)}/:")
    for name in uploaded_files(src):
        print(f"  {name}  ({(src / name).stat().st_size:,} bytes)")
    wrong = problems(src)
    for problem in wrong:
        print(problem, file=sys.stderr)
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
