"""Local language understanding for the console, from a checked-in interaction model.

Matches typed text against the model's sample utterances (``{slot}`` patterns
included) as an exact-matching Alexa simulator does: among the samples that
match, the one with the most literal text wins, then the one with more slot
values its slot type lists. Slot values resolve through the slot type's values
and synonyms to a canonical id, as Alexa's entity resolution does; a value the
type does not list is passed through unresolved, as Alexa passes it. The
catch-all ``QuestionIntent`` ("{question}") takes whatever nothing else takes,
so the skill's free-text ranker sees it, as it would behind Alexa.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FALLBACK_INTENT = "AMAZON.FallbackIntent"
_SPELLED = re.compile(r"\b(?:[a-z]\.\s*){2,}")
_NOT_WORD = re.compile(r"[^a-z0-9'{}_ ]+")  # braces and underscores keep slot names like {other_topic}
_SLOT = re.compile(r"\{(\w+)\}")


def normalise(text: str) -> str:
    """Lowercase words without punctuation; "m. m. n." and "MMN" both become "mmn"."""
    text = text.lower().replace("’", "'")
    text = _SPELLED.sub(lambda m: m.group(0).replace(".", "").replace(" ", "") + " ", text)
    return " ".join(_NOT_WORD.sub(" ", text).split())


def compact(text: str) -> str:
    """``normalise`` with runs of single letters joined, so "m m n guide" reads as "mmn guide"."""
    return re.sub(r"\b([a-z])(?: (?=[a-z]\b))", r"\1", normalise(text))


@dataclass(frozen=True)
class SlotMatch:
    value: str
    resolved: tuple[str, str] | None  # (id, canonical name)


@dataclass(frozen=True)
class Understanding:
    intent: str
    slots: dict[str, SlotMatch] = field(default_factory=dict)


@dataclass(frozen=True)
class _Sample:
    intent: str
    pattern: re.Pattern[str]
    slot_types: dict[str, str]
    literal_length: int


class LocalNlu:
    def __init__(self, model: dict[str, Any]):
        language_model = model["interactionModel"]["languageModel"]
        self.invocation_name = normalise(language_model["invocationName"])
        self.slot_types = {t["name"]: _synonym_table(t) for t in language_model.get("types", [])}
        self.samples = [
            _compile(intent["name"], sample, {s["name"]: s["type"] for s in intent.get("slots", [])})
            for intent in language_model["intents"]
            for sample in intent.get("samples", [])
        ]

    @classmethod
    def from_file(cls, path: Path) -> LocalNlu:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def understand(self, utterance: str) -> Understanding:
        text = normalise(utterance)
        best: tuple[tuple[int, int], Understanding] | None = None
        for sample in self.samples:
            match = sample.pattern.fullmatch(text)
            if match is None:
                continue
            slots = {name: self._resolve(sample.slot_types[name], value) for name, value in match.groupdict().items()}
            score = (sample.literal_length, sum(1 for s in slots.values() if s.resolved))
            if best is None or score > best[0]:
                best = (score, Understanding(sample.intent, slots))
        return best[1] if best else Understanding(FALLBACK_INTENT)

    def _resolve(self, slot_type: str, value: str) -> SlotMatch:
        # Letters typed one by one ("i v i g") name the value written as an initialism ("IVIG").
        table = self.slot_types.get(slot_type, {})
        return SlotMatch(value=value, resolved=table.get(value) or table.get(compact(value)))


def _synonym_table(slot_type: dict[str, Any]) -> dict[str, tuple[str, str]]:
    table = {}
    for value in slot_type["values"]:
        name = value["name"]["value"]
        for phrase in [name, *value["name"].get("synonyms", [])]:
            table[normalise(phrase)] = (value.get("id") or name, name)
    return table


def _compile(intent: str, sample: str, slot_types: dict[str, str]) -> _Sample:
    parts = []
    literal = 0
    text = normalise(sample)
    for piece in re.split(r"(\{\w+\})", text):
        slot = _SLOT.fullmatch(piece)
        if slot:
            parts.append(f"(?P<{slot.group(1)}>.+?)")
        else:
            parts.append(re.escape(piece))
            literal += len(piece.strip())
    return _Sample(intent, re.compile("".join(parts)), slot_types, literal)
