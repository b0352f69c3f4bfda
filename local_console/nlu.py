"""Local language understanding for the console, from a checked-in interaction model.

Routes typed text as the shared simulator does (Bespoken's virtual-alexa, whose matching the skill's judged runs
go through), so the console understands no more than that model does:

- the utterance loses the punctuation virtual-alexa drops (``?``, ``.``, ``,`` and the like, deleted, not spaced:
  "i.v.i.g." is "ivig"; a hyphen parts words, see ``_DROPPED``), and a sample's initialisms are read as spaced
  letters ("m. m. n." is "m m n", as the simulator gives them to virtual-alexa);
- a sample matches as a whole, each ``{slot}`` taking the longest run it can (greedy), its value starting or ending
  at a space, even inside a word ("do {topic} make it worse" takes "does it make it worse" with "es it");
- among the samples that match, the one with the most literal characters wins, then the one with more slot values
  their type lists, then the first;
- a value a custom type does not list is passed through unresolved (as Alexa passes it), ranked below a listed one;
  values resolve through the type's values and synonyms to a canonical id, as Alexa's entity resolution does.

The catch-all ``QuestionIntent`` ("{question}") takes whatever nothing else takes, so the skill's free-text ranker
sees it, as it would behind Alexa.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FALLBACK_INTENT = "AMAZON.FallbackIntent"
# What virtual-alexa deletes from an utterance, but the hyphen: it would join "self-harm" into "selfharm", a word
# no speech recognition writes and no triage reads, so here it parts the words.
_DROPPED = re.compile(r"[!\"¿?|#$%/()=+_<>*{}·¡\[\].,;:]")
_DOTTED_LETTER = re.compile(r"\b([a-z])\.")
_SLOT = re.compile(r"\{(\w+)\}")


def normalise(text: str) -> str:
    """Lowercase words as virtual-alexa reads them: its punctuation deleted ("i.v.i.g." is "ivig")."""
    return " ".join(_DROPPED.sub("", text.lower().replace("’", "'").replace("-", " ")).split())


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
    slot_names: tuple[str, ...]
    slot_types: dict[str, str]


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
            values = match.groups()
            if any(v != text and v.strip() and not (v.startswith(" ") or v.endswith(" ")) for v in values):
                continue  # a slot must begin or end at a space
            slots = {
                name: self._resolve(sample.slot_types[name], value.strip())
                for name, value in zip(sample.slot_names, values, strict=True)
            }
            if any(not s.value and sample.slot_types[n] in self.slot_types for n, s in slots.items()):
                continue  # an empty value is no value of a custom type
            # virtual-alexa counts a listed value trimmed and a passed-through one with its spaces.
            said = sum(len(s.value) if s.resolved else len(v) for s, v in zip(slots.values(), values, strict=True))
            score = (len(text) - said, sum(1 for s in slots.values() if s.resolved))
            if best is None or score > best[0]:
                best = (score, Understanding(sample.intent, {n: s for n, s in slots.items() if s.value}))
        return best[1] if best else Understanding(FALLBACK_INTENT)

    def _resolve(self, slot_type: str, value: str) -> SlotMatch:
        return SlotMatch(value=value, resolved=self.slot_types.get(slot_type, {}).get(value))


def _synonym_table(slot_type: dict[str, Any]) -> dict[str, tuple[str, str]]:
    table = {}
    for value in slot_type["values"]:
        name = value["name"]["value"]
        for phrase in [name, *value["name"].get("synonyms", [])]:
            table.setdefault(phrase.lower().strip(), (value.get("id") or name, name))
    return table


def _compile(intent: str, sample: str, slot_types: dict[str, str]) -> _Sample:
    """A sample as virtual-alexa reads it: the words around each slot trimmed up to it, the slot any run."""
    text = _DOTTED_LETTER.sub(r"\1", sample.lower())
    names = tuple(_SLOT.findall(text))
    literal = [piece.strip() for piece in _SLOT.split(text)[::2]]
    pattern = "(.*)".join(re.escape(piece) for piece in literal)
    return _Sample(intent, re.compile(pattern), names, slot_types)
