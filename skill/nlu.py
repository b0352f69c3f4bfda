"""Local language understanding for the console, from a checked-in interaction model.

Matches typed text against the model's sample utterances (``{slot}`` patterns
included), resolves slot values through the slot type's values and synonyms
to a canonical id as Alexa's entity resolution does, and sends anything it
cannot match to AMAZON.FallbackIntent.

Alexa also understands sentences that are only close to a sample ("will
Gammagard make her stronger" for "will {topic} make me stronger"). So when no
sample matches exactly, known slot values are spotted anywhere in the
sentence and the closest sample, word by word, is taken if it is close enough.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FALLBACK_INTENT = "AMAZON.FallbackIntent"
_SPELLED = re.compile(r"\b(?:[a-z]\.\s*){2,}")
_NOT_WORD = re.compile(r"[^a-z0-9'{}_ ]+")  # braces and underscores keep slot names like {other_topic}
_SLOT = re.compile(r"\{(\w+)\}")
_SPOTTED = "{slot}"
# An exact match whose slot catches more words than this, naming nothing known, is not taken:
# topic names are short, so "what's the weather like tomorrow" is not a question about "the weather like tomorrow".
MAX_UNRESOLVED_WORDS = 3
# A close match needs most of a sample's meaningful words, in order, and at least two words in all.
MIN_RECALL = 0.75
MIN_MATCHED_WORDS = 2
# Words that carry no meaning of their own: "what is the capital of france" is not close to "what is the evidence".
_FUNCTION_WORDS = frozenset(
    "a an and are be can could do does for from he her his how i in is it its me my of on or our she should "
    "that the their them they this to was we what when where which who will with would you your".split()
)


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
    words: tuple[str, ...]  # with each slot as "{slot}"
    slots: tuple[str, ...]  # slot names in the order they appear


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
        return self._exact(text) or self._closest(text) or Understanding(FALLBACK_INTENT)

    def _exact(self, text: str) -> Understanding | None:
        best: tuple[tuple[int, int], Understanding] | None = None
        for sample in self.samples:
            match = sample.pattern.fullmatch(text)
            if match is None:
                continue
            slots = {name: self._resolve(sample.slot_types[name], value) for name, value in match.groupdict().items()}
            unresolved = [s for s in slots.values() if not s.resolved]
            if unresolved and (
                sample.literal_length == 0 or any(len(s.value.split()) > MAX_UNRESOLVED_WORDS for s in unresolved)
            ):
                continue  # a bare "{topic}", or a long catch that names nothing known, is not a match
            score = (int(not unresolved), sample.literal_length)
            if best is None or score > best[0]:
                best = (score, Understanding(sample.intent, slots))
        return best[1] if best else None

    def _closest(self, text: str) -> Understanding | None:
        words, spotted = self._spot(text)
        best: tuple[float, _Sample] | None = None
        for sample in self.samples:
            if len(sample.slots) != len(spotted):
                continue
            blocks = difflib.SequenceMatcher(None, sample.words, words, autojunk=False).get_matching_blocks()
            hits = [sample.words[block.a + k] for block in blocks for k in range(block.size)]
            meaningful = [w for w in sample.words if w not in _FUNCTION_WORDS] or list(sample.words)
            recall = sum(1 for w in hits if w in meaningful) / len(meaningful)
            matched = len(hits)
            if matched < MIN_MATCHED_WORDS or recall < MIN_RECALL:
                continue
            score = 0.7 * recall + 0.3 * matched / len(words)
            if best is None or score > best[0]:
                best = (score, sample)
        if best is None:
            return None
        sample = best[1]
        return Understanding(sample.intent, {name: match for name, match in zip(sample.slots, spotted, strict=True)})

    def _spot(self, text: str) -> tuple[list[str], list[SlotMatch]]:
        """The sentence's words with each known slot value (longest first) replaced by "{slot}"."""
        table = {phrase: match for values in self.slot_types.values() for phrase, match in values.items()}
        longest = max((len(phrase.split()) for phrase in table), default=0)
        words, spotted, tokens, i = [], [], text.split(), 0
        while i < len(tokens):
            for length in range(min(longest, len(tokens) - i), 0, -1):
                phrase = " ".join(tokens[i : i + length])
                if phrase in table:
                    words.append(_SPOTTED)
                    spotted.append(SlotMatch(value=phrase, resolved=table[phrase]))
                    i += length
                    break
            else:
                words.append(tokens[i])
                i += 1
        return words, spotted

    def _resolve(self, slot_type: str, value: str) -> SlotMatch:
        return SlotMatch(value=value, resolved=self.slot_types.get(slot_type, {}).get(value))


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
    words = tuple(_SPOTTED if _SLOT.fullmatch(word) else word for word in text.split())
    return _Sample(intent, re.compile("".join(parts)), slot_types, literal, words, tuple(_SLOT.findall(text)))
