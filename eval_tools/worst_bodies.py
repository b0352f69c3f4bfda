"""The worst request bodies for bounded work: forged QuestionIntent envelopes holding about 100 KB of "said" text,
and a caregiver's long rambling sentence that ends in a red flag. Shared by ``tests/test_bounds.py`` and
``bench/bounds.py``."""

from __future__ import annotations

from typing import Any

from skill.envelopes import Session, intent_request, slot

# A caregiver's long turn, as one breathless utterance (101 words, 529 characters): the red flag comes last.
RAMBLE = (
    "so my husband has had this multifocal motor neuropathy thing for about six years now and he gets the "
    "immunoglobulin every three weeks at the hospital, and the nurses are lovely, but today we tried the new "
    "brand they switched him to because of the shortage, and honestly I was a bit worried about it because his "
    "sister had a reaction to something similar once, and he was fine for the first hour or so, he was watching "
    "the telly and eating his sandwich, and then he said he felt a bit funny and warm, and now my throat is swelling"
)
# What a forged body repeats: "a" begins many red-flag phrases, so every one of them is tried at every word.
FILLERS = {"a": "a ", "question": "what are the side effects of ivig for my hands ", "flag": "throat swelling "}
# (slots, characters in each): 7 long slots and 60 short ones make about 100 KB; 16,000 is the guards' largest string.
SHAPES = {
    "7 slots of 14,000 characters": (7, 14_000),
    "60 slots of 1,600 characters": (60, 1_600),
    "one slot of 16,000 characters": (1, 16_000),
}


def request(*values: str, locale: str = "en-US") -> dict[str, Any]:
    """A full QuestionIntent envelope whose slots hold ``values``, the first in the catch-all slot."""
    names = ["question", *(f"extra{i}" for i in range(1, len(values)))]
    slots = {name: slot(name, value, slot_type="QUESTION") for name, value in zip(names, values, strict=True)}
    return Session(locale=locale).envelope(intent_request("QuestionIntent", slots))


def filled(filler: str, characters: int) -> str:
    """``characters`` of the filler named, repeated."""
    text = FILLERS[filler]
    return (text * (characters // len(text) + 1))[:characters]


def worst_bodies(filler: str) -> dict[str, dict[str, Any]]:
    """Each shape, filled with the filler named."""
    return {name: request(*[filled(filler, size)] * count) for name, (count, size) in SHAPES.items()}
