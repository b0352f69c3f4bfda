"""Generates the skill package: the Alexa interaction models and the skill manifest, from one source.

``interaction_models/source/<language>.toml`` holds the intents and sample
utterances; the content module gives the locales, the TOPIC slot type (topic
names and synonyms), the QUESTION slot type of the catch-all intent (the
question bank's phrasings) and the intents that content answers. The skill
package, ``interaction_models/skill-package/`` (the folder ``ask-resources.json``
names), gets the models at ``interactionModels/custom/<locale>.json`` and the
manifest, from ``interaction_models/source/manifest.toml``, at ``skill.json``,
with the links to the legal pages from the publisher's details
(``publisher.py``, which also writes ``docs/privacy.md`` and ``docs/terms.md``).

The manifest has no endpoint until one is recorded in
``interaction_models/source/endpoint.toml`` (after the first ``sam deploy``), so
the first upload creates the skill without one. The same run writes the
ranker's snapshot of the bank (``skill/understanding/snapshot.py``), which
comes from the same content.

    python -m build_tools.interaction_model                      # write the models and the manifest
    python -m build_tools.interaction_model --check              # exit 1 if a checked-in file is stale
    python -m build_tools.interaction_model --set-endpoint ARN   # record the Lambda endpoint, then write
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

from skill.content import Content, language_of, languages, load_content, supported_locales
from skill.understanding import snapshot
from skill.understanding.ranker import Ranker

from . import publisher
from .initialisms import capitals, dotted

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "interaction_models" / "source"
PACKAGE_DIR = ROOT / "interaction_models" / "skill-package"
MODEL_DIR = PACKAGE_DIR / "interactionModels" / "custom"
MANIFEST_PATH = PACKAGE_DIR / "skill.json"
ENDPOINT_PATH = SOURCE_DIR / "endpoint.toml"
# A Lambda function or alias ARN, in a region where the Alexa Skills Kit trigger exists (as template.yaml's Rules).
_LAMBDA_ARN = re.compile(
    r"arn:aws:lambda:(us-east-1|us-west-2|eu-west-1|ap-northeast-1):\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_-]+)?"
)
_SLOT = re.compile(r"\{(\w+)\}")
MAX_SLOT_VALUE = 140  # characters, Alexa's limit for a slot value


def read_source(language: str) -> dict[str, Any]:
    with (SOURCE_DIR / f"{language}.toml").open("rb") as f:
        return tomllib.load(f)


def locale_samples(locale: str, intents: dict[str, Any]) -> dict[str, list[str]]:
    """Every intent's samples, with the locale's own (``<locale>.toml``, if there is one) after the language's."""
    path = SOURCE_DIR / f"{locale}.toml"
    extra: dict[str, Any] = {}
    if path.exists():
        with path.open("rb") as f:
            extra = tomllib.load(f)["intents"]
    unknown = set(extra) - set(intents)
    if unknown:
        raise ValueError(f"{path.name}: intents {sorted(unknown)} are not in the language's source")
    return {name: [*spec["samples"], *extra.get(name, {}).get("samples", [])] for name, spec in intents.items()}


def locale_phrasings(locale: str, source: dict[str, Any]) -> list[str]:
    """The catch-all's extra phrasings (``[catch_all]``: sentences the triage must read whole), the language's
    and then the locale's own."""
    path = SOURCE_DIR / f"{locale}.toml"
    extra: dict[str, Any] = {}
    if path.exists():
        with path.open("rb") as f:
            extra = tomllib.load(f).get("catch_all", {})
    return [p for part in (source.get("catch_all", {}), extra) for phrasings in part.values() for p in phrasings]


def locales() -> list[str]:
    """Every locale of every content language, as the content lists them."""
    return [locale for language in languages() for locale in supported_locales(language)]


def build_model(locale: str) -> dict[str, Any]:
    language = language_of(locale)
    source = read_source(language)
    content = load_content(locale)
    _check_content_intents(source, content)
    slot_types, initialisms = source["slots"], source["initialisms"]
    intents = [
        _intent(name, list(dict.fromkeys(dotted(s, initialisms) for s in samples)), slot_types)
        for name, samples in locale_samples(locale, source["intents"]).items()
    ]
    return {
        "interactionModel": {
            "languageModel": {
                "invocationName": source["invocation_name"],
                "modelConfiguration": {"fallbackIntentSensitivity": {"level": source["fallback_sensitivity"]}},
                "intents": intents,
                "types": [
                    {"name": source["topic_slot_type"], "values": _topic_values(content, initialisms)},
                    {
                        "name": source["question_slot_type"],
                        "values": _question_values(content, initialisms, locale_phrasings(locale, source)),
                    },
                ],
            }
        }
    }


def render(model: dict[str, Any]) -> str:
    return json.dumps(model, indent=2, ensure_ascii=False) + "\n"


def recorded_endpoint() -> str | None:
    """The Lambda endpoint recorded after the first deploy, or None before it."""
    if not ENDPOINT_PATH.exists():
        return None
    with ENDPOINT_PATH.open("rb") as f:
        return tomllib.load(f)["endpoint"]


def record_endpoint(arn: str) -> None:
    if not _LAMBDA_ARN.fullmatch(arn):
        raise ValueError(f"not a Lambda ARN in an Alexa region: {arn!r}")
    ENDPOINT_PATH.write_text(
        "# The skill's Lambda endpoint: the stack output SkillEndpointArn, recorded by\n"
        "# scripts/deploy/connect_endpoint.sh (python -m build_tools.interaction_model --set-endpoint ARN).\n"
        "# Delete this file to generate a manifest without an endpoint, to create the skill anew.\n"
        f'endpoint = "{arn}"\n',
        encoding="utf-8",
    )


def build_manifest() -> dict[str, Any]:
    """The skill manifest, for every locale, with the recorded endpoint or, before the first deploy, none."""
    with (SOURCE_DIR / "manifest.toml").open("rb") as f:
        source = tomllib.load(f)
    all_locales = locales()
    publishing = {locale: source["publishing"][language_of(locale)] for locale in all_locales}
    icons = source["icons"]
    links = publisher.links(publisher.load())
    manifest: dict[str, Any] = {
        "manifestVersion": "1.0",
        "publishingInformation": {
            "locales": {
                locale: {
                    "name": text["name"],
                    "summary": text["summary"],
                    "description": text["description"],
                    "examplePhrases": text["example_phrases"],
                    "keywords": text["keywords"],
                    "smallIconUri": icons["small"],
                    "largeIconUri": icons["large"],
                }
                for locale, text in publishing.items()
            },
            "isAvailableWorldwide": False,
            "distributionCountries": sorted({locale.split("-")[1] for locale in all_locales}),
            "distributionMode": "PUBLIC",
            "category": source["category"],
            "testingInstructions": publishing[all_locales[0]]["testing_instructions"],
        },
        "privacyAndCompliance": {
            **source["privacy"],
            "locales": {
                locale: {"privacyPolicyUrl": links["privacy_policy"], "termsOfUseUrl": links["terms_of_use"]}
                for locale in all_locales
            },
        },
        "apis": {"custom": {"interfaces": source["interfaces"]}},
    }
    uri = recorded_endpoint()
    if uri:
        # Events need somewhere to go: the subscriptions join the endpoint.
        manifest["apis"]["custom"]["endpoint"] = {"uri": uri}
        manifest["events"] = {
            "endpoint": {"uri": uri},
            "subscriptions": [{"eventName": name} for name in source["events"]],
        }
    return {"manifest": manifest}


def model_path(locale: str) -> Path:
    return MODEL_DIR / f"{locale}.json"


def _generated() -> dict[Path, str]:
    files = {model_path(locale): render(build_model(locale)) for locale in locales()}
    files[MANIFEST_PATH] = render(build_manifest())
    files.update(publisher.documents(publisher.load()))
    # Not part of the skill package, but generated from the same content at the same moment: see its module.
    for language in languages():
        files.update(_snapshot_texts(language))
    return files


def _snapshot_texts(language: str) -> dict[Path, str]:
    """Every phrasing of the bank as the ranker reads it, and their BM25 index, from the content as it is now."""
    ranker = Ranker(load_content(supported_locales(language)[0]), read_before={})
    terms = {phrasing: ranker.terms(phrasing, spoken=False) for phrasings in ranker.asked_as for phrasing in phrasings}
    return {
        snapshot.path_for(language): json.dumps(terms, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        + "\n",
        snapshot.index_path_for(language): ranker.index.pack(ranker.documents),
    }


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


def _topic_values(content: Content, initialisms: list[str]) -> list[dict[str, Any]]:
    values = []
    for topic in content.topics:
        name = capitals(topic.name, initialisms)
        synonyms = dict.fromkeys(capitals(s, initialisms) for s in topic.synonyms)
        values.append(
            {"id": topic.id, "name": {"value": name, "synonyms": [s for s in synonyms if s.lower() != name.lower()]}}
        )
    return values


def _question_values(content: Content, initialisms: list[str], extra: list[str]) -> list[dict[str, Any]]:
    """The bank's phrasings and the source's ``extra`` ones, as values of the catch-all slot: they teach Alexa
    the words people use, and Alexa passes anything else said there through to the ranker too."""
    said = [*(p for q in content.questions for p in q.phrasings), *extra]
    phrasings = dict.fromkeys(capitals(p, initialisms) for p in said if len(p) <= MAX_SLOT_VALUE)
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
    parser.add_argument("--set-endpoint", metavar="ARN", help="record the skill's Lambda endpoint, then write")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_files()
        for path in stale:
            print(f"stale: {path} (run: python -m build_tools.interaction_model)", file=sys.stderr)
        return 1 if stale else 0
    if args.set_endpoint:
        record_endpoint(args.set_endpoint)
        print(f"wrote {ENDPOINT_PATH}")
    for path in write_all():
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
