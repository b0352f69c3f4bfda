"""A learned answer gate: how likely the ranker's best candidate is the right page, from what the verdict saw.

The ranker's rules (``ranker.Ranker.verdict``) answer when one feature clears a bar on its own: the words covered,
a clear lead, the classifier's sure chance, or the classifier and the embeddings agreeing. Several features that
each say "probably right" just under their bars leave an honest "I don't know" with the right page first. The gate
reads them together: a logistic regression over a few features of the verdict (``features``), trained at build time
on the labelled single-turn corpora (``build_tools/train_gate.py``) and shipped as a few numbers in
``snapshots/<language>.gate.json``, scored here in plain Python. Where the rules say "I don't know", a best
candidate the gate gives at least its threshold is answered; the rules' answers and their "Do you mean" stay.
The threshold is chosen so wrong pages stay within the calibration's budget, leave-one-corpus-out
(``eval_tools/gate_eval.py``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

FOLDER = Path(__file__).with_name("snapshots")
# The features, in the order of the weights: each of the verdict's candidates and what was asked.
NAMES = (
    "coverage",  # share of the asked weight the best question's words cover
    "chance",  # the classifier's probability for the best page
    "log_lead",  # log of the best score over the runner-up's (capped)
    "runner_chance",  # the classifier's probability for the runner-up's page
    "agreed",  # the embeddings find the best page the closest in meaning too
    "in_context",  # on the topic the listener is on, naming no other
    "fits",  # the best question is about the topic named (or in context) and covers the bar
    "log_terms",  # log of one plus the number of terms asked
    "unseen",  # share of the asked weight that is words no phrasing has
    "answered",  # the rules answered it already
    "near",  # how close in meaning the best page is to what was said (the embeddings' cosine)
    "near_margin",  # ... less the closest other page's
)
LEAD_CAP = 3.0  # a lead of e^3 (20-fold) or none to follow says no more than that


@dataclass(frozen=True)
class Gate:
    """A logistic regression over ``NAMES``: weights, bias, and the probability at which it answers."""

    weights: tuple[float, ...]
    bias: float
    threshold: float
    digest: str = ""  # what it was trained from (``build_tools/train_gate.py``)

    def probability(self, features: Sequence[float]) -> float:
        """The chance the best candidate is the right page."""
        z = self.bias + sum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))

    def answers(self, features: Sequence[float]) -> bool:
        return self.probability(features) >= self.threshold

    def to_json(self) -> str:
        return json.dumps(
            {
                "features": list(NAMES),
                "weights": [round(w, 6) for w in self.weights],
                "bias": round(self.bias, 6),
                "threshold": round(self.threshold, 4),
                "digest": self.digest,
            },
            indent=1,
        )


def path_for(language: str) -> Path:
    return FOLDER / f"{language}.gate.json"


def from_json(text: str) -> Gate | None:
    """The gate a file holds, or None when it was made for other features."""
    data = json.loads(text)
    if tuple(data["features"]) != NAMES:
        return None
    return Gate(tuple(data["weights"]), data["bias"], data["threshold"], data.get("digest", ""))


def load(language: str) -> Gate | None:
    """The checked-in gate for a language, or None when there is none (the rules alone decide)."""
    path = path_for(language)
    return from_json(path.read_text(encoding="utf-8")) if path.is_file() else None
