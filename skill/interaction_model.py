"""Generates the Alexa interaction models from one source.

``interaction_models/source/<language>.toml`` holds the intents and sample
utterances; the content module gives the TOPIC slot type (topic names and
synonyms) and the intents that content answers. The result is written to
``interaction_models/custom/<locale>.json`` in the ASK CLI layout.

    python -m skill.interaction_model          # write the models
    python -m skill.interaction_model --check  # exit 1 if a checked-in model is stale
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

from .content import Content, language_of, load_content, supported_locales
from .slots import TOPIC_SLOT

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "interaction_models" / "source"
MODEL_DIR = ROOT / "interaction_models" / "custom"
_SLOT = re.compile(r"\{(\w+)\}")


def read_source(language: str) -> dict[str, Any]:
    with (SOURCE_DIR / f"{language}.toml").open("rb") as f:
        return tomllib.load(f)


def locales() -> list[str]:
    """Every locale of every language that has a model source, as the content lists them."""
    return [locale for path in sorted(SOURCE_DIR.glob("*.toml")) for locale in supported_locales(path.stem)]


def build_model(locale: str) -> dict[str, Any]:
    language = language_of(locale)
    source = read_source(language)
    content = load_content(locale)
    _check_content_intents(source, content)
    slot_type = source["topic_slot_type"]
    intents = [_intent(name, spec["samples"], slot_type) for name, spec in source["intents"].items()]
    return {
        "interactionModel": {
            "languageModel": {
                "invocationName": source["invocation_name"],
                "modelConfiguration": {"fallbackIntentSensitivity": {"level": source["fallback_sensitivity"]}},
                "intents": intents,
                "types": [{"name": slot_type, "values": _topic_values(content)}],
            }
        }
    }


def render(model: dict[str, Any]) -> str:
    return json.dumps(model, indent=2, ensure_ascii=False) + "\n"


def model_path(locale: str) -> Path:
    return MODEL_DIR / f"{locale}.json"


def stale_locales() -> list[str]:
    """Locales whose checked-in model differs from what the sources generate now."""
    stale = []
    for locale in locales():
        path = model_path(locale)
        if not path.exists() or path.read_text(encoding="utf-8") != render(build_model(locale)):
            stale.append(locale)
    return stale


def write_models() -> list[Path]:
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    written = []
    for locale in locales():
        path = model_path(locale)
        path.write_text(render(build_model(locale)), encoding="utf-8")
        written.append(path)
    return written


def _intent(name: str, samples: list[str], slot_type: str) -> dict[str, Any]:
    intent: dict[str, Any] = {"name": name, "samples": samples}
    slot_names = sorted({slot for sample in samples for slot in _SLOT.findall(sample)})
    if slot_names:
        unknown = set(slot_names) - {TOPIC_SLOT}
        if unknown:
            raise ValueError(f"{name}: unknown slots {sorted(unknown)}")
        intent["slots"] = [{"name": TOPIC_SLOT, "type": slot_type}]
    return intent


def _topic_values(content: Content) -> list[dict[str, Any]]:
    return [
        {
            "id": topic.id,
            "name": {"value": topic.name, "synonyms": [s for s in topic.synonyms if s != topic.name.lower()]},
        }
        for topic in content.topics
    ]


def _check_content_intents(source: dict[str, Any], content: Content) -> None:
    """Every intent the content answers must exist in the source, or Alexa could never send it."""
    wanted = {f.intent for f in content.facets} | {t.intent for t in content.topics if t.intent}
    missing = wanted - set(source["intents"])
    if missing:
        raise ValueError(f"intents answered by the content but missing from the model source: {sorted(missing)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a checked-in model is stale")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_locales()
        for locale in stale:
            print(f"stale: {model_path(locale)} (run: python -m skill.interaction_model)", file=sys.stderr)
        return 1 if stale else 0
    for path in write_models():
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
