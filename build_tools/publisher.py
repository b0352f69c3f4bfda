"""The publisher's details, supplied once by the deployer, and what the generator makes of them.

``interaction_models/source/publisher.toml`` holds the publisher's name, how to
contact them, and the https address where ``docs/`` is published. The skill
package generator (``interaction_model.py``) takes the manifest's links to the
privacy policy and the terms of use from it, and writes ``docs/privacy.md`` and
``docs/terms.md`` from ``docs/_templates/`` with the name and contact filled in
(Jekyll, which GitHub Pages runs, publishes no folder whose name starts with
``_``). Until every detail is real, ``placeholders`` says which are not, and the
create step refuses to upload.

    python -m build_tools.publisher     # exit 1, naming them, while any detail is a placeholder
"""

from __future__ import annotations

import re
import string
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PUBLISHER_PATH = ROOT / "interaction_models" / "source" / "publisher.toml"
DOCS = ROOT / "docs"
TEMPLATES = DOCS / "_templates"
PAGES = {"privacy_policy": "privacy", "terms_of_use": "terms"}  # manifest link: page of docs/
UNSET = "(not set yet)"
# Hosts reserved for examples and tests (RFC 2606 and RFC 6761), never a published page.
_PLACEHOLDER_HOST = re.compile(r"(^|\.)(example\.(com|net|org)|example|invalid|test|localhost)$")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")


@dataclass(frozen=True)
class Publisher:
    name: str
    contact: str
    docs_url: str


def load() -> Publisher:
    with PUBLISHER_PATH.open("rb") as f:
        settings = tomllib.load(f)
    return Publisher(
        name=str(settings.get("name", "")).strip(),
        contact=str(settings.get("contact", "")).strip(),
        docs_url=str(settings.get("docs_url", "")).strip().rstrip("/"),
    )


def links(publisher: Publisher) -> dict[str, str]:
    """The manifest's links to the legal pages, where ``docs/`` is published."""
    return {link: f"{publisher.docs_url}/{page}" for link, page in PAGES.items()}


def is_placeholder_url(url: str) -> bool:
    """Whether a link could not be a published page: not https, no host, or a host kept for examples."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return parts.scheme != "https" or not host or bool(_PLACEHOLDER_HOST.search(host))


def placeholders(publisher: Publisher) -> list[str]:
    """The details still to be supplied, each with what it needs; empty when the skill may be created."""
    missing = []
    if not publisher.name:
        missing.append("name: who publishes the skill")
    contact = publisher.contact
    if not (_EMAIL.fullmatch(contact) or (contact.startswith("https://") and not is_placeholder_url(contact))):
        missing.append("contact: an email address or an https:// contact page")
    if is_placeholder_url(publisher.docs_url):
        missing.append("docs_url: the https:// address where docs/ is published")
    return missing


def documents(publisher: Publisher) -> dict[Path, str]:
    """``docs/privacy.md`` and ``docs/terms.md``, from their templates, with the publisher's details."""
    values = {"publisher": publisher.name or UNSET, "contact": publisher.contact or UNSET}
    return {
        DOCS / template.name: string.Template(template.read_text(encoding="utf-8")).substitute(values)
        for template in sorted(TEMPLATES.glob("*.md"))
    }


def main() -> int:
    missing = placeholders(load())
    for detail in missing:
        print(f"{PUBLISHER_PATH.relative_to(ROOT)}: {detail}", file=sys.stderr)
    if missing:
        print("Fill them in, run: python -m build_tools.interaction_model, and publish docs/ there.", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
