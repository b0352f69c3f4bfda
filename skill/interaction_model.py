"""Generates the skill package: the Alexa interaction models and the skill manifest, from one source.

``interaction_models/source/<language>.toml`` holds the intents and sample
utterances; the content module gives the locales, the TOPIC slot type (topic
names and synonyms), the QUESTION slot type of the catch-all intent (the
question bank's phrasings) and the intents that content answers. The models are
written to ``interaction_models/custom/<locale>.json`` and the manifest, from
``interaction_models/source/manifest.toml``, to ``interaction_models/skill.json``
(the ASK CLI layout).

    python -m skill.interaction_model          # write the models and the manifest
    python -m skill.interaction_model --check  # exit 1 if a checked-in file is stale
    python -m skill.interaction_model --endpoint ARN --manifest-out FILE   # a manifest for a deploy
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

from .content import Content, language_of, languages, load_content, supported_locales

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "interaction_models" / "source"
MODEL_DIR = ROOT / "interaction_models" / "custom"
MANIFEST_PATH = ROOT / "interaction_models" / "skill.json"
_SLOT = re.compile(r"\{(\w+)\}")
MAX_SLOT_VALUE = 140  # characters, Alexa's limit for a slot value


def read_source(language: str) -> dict[str, Any]:
    with (SOURCE_DIR / f"{language}.toml").open("rb") as f:
        return tomllib.load(f)


def locales() -> list[str]:
    """Every locale of every content language, as the content lists them."""
    return [locale for language in languages() for locale in supported_locales(language)]


def build_model(locale: str) -> dict[str, Any]:
    language = language_of(locale)
    source = read_source(language)
    content = load_content(locale)
    _check_content_intents(source, content)
    slot_types = source["slots"]
    intents = [_intent(name, spec["samples"], slot_types) for name, spec in source["intents"].items()]
    return {
        "interactionModel": {
            "languageModel": {
                "invocationName": source["invocation_name"],
                "modelConfiguration": {"fallbackIntentSensitivity": {"level": source["fallback_sensitivity"]}},
                "intents": intents,
                "types": [
                    {"name": source["topic_slot_type"], "values": _topic_values(content)},
                    {"name": source["question_slot_type"], "values": _question_values(content)},
                ],
            }
        }
    }


def render(model: dict[str, Any]) -> str:
    return json.dumps(model, indent=2, ensure_ascii=False) + "\n"


def build_manifest(endpoint: str | None = None) -> dict[str, Any]:
    """The skill manifest, for every locale; ``endpoint`` replaces the source's placeholder ARN."""
    with (SOURCE_DIR / "manifest.toml").open("rb") as f:
        source = tomllib.load(f)
    all_locales = locales()
    publishing = {locale: source["publishing"][language_of(locale)] for locale in all_locales}
    uri = endpoint or source["endpoint"]
    return {
        "manifest": {
            "manifestVersion": "1.0",
            "publishingInformation": {
                "locales": {
                    locale: {
                        "name": text["name"],
                        "summary": text["summary"],
                        "description": text["description"],
                        "examplePhrases": text["example_phrases"],
                        "keywords": text["keywords"],
                    }
                    for locale, text in publishing.items()
                },
                "isAvailableWorldwide": False,
                "distributionCountries": sorted({locale.split("-")[1] for locale in all_locales}),
                "distributionMode": "PUBLIC",
                "category": source["category"],
                "testingInstructions": publishing[all_locales[0]]["testing_instructions"],
            },
            "privacyAndCompliance": dict(source["privacy"]),
            "apis": {"custom": {"endpoint": {"uri": uri}, "interfaces": []}},
            "events": {
                "endpoint": {"uri": uri},
                "subscriptions": [{"eventName": name} for name in source["events"]],
            },
        }
    }


def model_path(locale: str) -> Path:
    return MODEL_DIR / f"{locale}.json"


def _generated() -> dict[Path, str]:
    files = {model_path(locale): render(build_model(locale)) for locale in locales()}
    files[MANIFEST_PATH] = render(build_manifest())
    return files


def stale_files() -> list[Path]:
    """Checked-in files that differ from what the sources generate now."""
    return [
        path for path, text in _generated().items() if not path.exists() or path.read_text(encoding="utf-8") != text
    ]


def write_all() -> list[Path]:
    files = _generated()
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(files)


def _intent(name: str, samples: list[str], slot_types: dict[str, str]) -> dict[str, Any]:
    intent: dict[str, Any] = {"name": name, "samples": samples}
    slot_names = sorted({slot for sample in samples for slot in _SLOT.findall(sample)})
    if slot_names:
        unknown = set(slot_names) - set(slot_types)
        if unknown:
            raise ValueError(f"{name}: slots {sorted(unknown)} are not declared in [slots]")
        intent["slots"] = [{"name": slot, "type": slot_types[slot]} for slot in slot_names]
    return intent


def _topic_values(content: Content) -> list[dict[str, Any]]:
    return [
        {
            "id": topic.id,
            "name": {"value": topic.name, "synonyms": [s for s in topic.synonyms if s != topic.name.lower()]},
        }
        for topic in content.topics
    ]


def _question_values(content: Content) -> list[dict[str, Any]]:
    """The bank's phrasings, as values of the catch-all slot: they teach Alexa the words people use,
    and Alexa passes anything else said there through to the ranker too."""
    phrasings = dict.fromkeys(p for q in content.questions for p in q.phrasings if len(p) <= MAX_SLOT_VALUE)
    return [{"name": {"value": phrasing}} for phrasing in phrasings]


def _check_content_intents(source: dict[str, Any], content: Content) -> None:
    """Every intent the content answers must exist in the source, or Alexa could never send it."""
    wanted = {f.intent for f in content.facets} | {t.intent for t in content.topics if t.intent}
    missing = wanted - set(source["intents"])
    if missing:
        raise ValueError(f"intents answered by the content but missing from the model source: {sorted(missing)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a checked-in file is stale")
    parser.add_argument("--endpoint", help="Lambda ARN for the manifest (with --manifest-out)")
    parser.add_argument("--manifest-out", type=Path, help="write only the manifest, to this file")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_files()
        for path in stale:
            print(f"stale: {path} (run: python -m skill.interaction_model)", file=sys.stderr)
        return 1 if stale else 0
    if args.manifest_out:
        args.manifest_out.parent.mkdir(parents=True, exist_ok=True)
        args.manifest_out.write_text(render(build_manifest(args.endpoint)), encoding="utf-8")
        print(f"wrote {args.manifest_out}")
        return 0
    for path in write_all():
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
