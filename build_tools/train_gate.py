"""Trains the ranker's answer gate (``skill/understanding/gate.py``) on the labelled corpora and writes it as data.

Build time only (numpy, a development dependency; the skill scores the gate in plain Python). Every single question
of the labelled corpora (``tests/corpus/*.toml`` and ``tests/corpus/blind/*.toml``) is ranked, the features of the
rules' verdict are read, and a logistic regression is fitted on whether the best candidate's page is an expected
answer; its threshold is chosen on the same corpora (``eval_tools/gate_eval.py``, which also says how it meets a
corpus it was not trained on). The features read the classifier, the embeddings and the BM25 index, so the gate is
trained after them: ``interaction_model``, ``train_classifier``, ``embed_words``, then this. A test fails while the
shipped file is not what this makes.

    python -m build_tools.train_gate        # after train_classifier and embed_words, or a corpus changes
"""

from __future__ import annotations

import hashlib
import sys

from eval_tools.evaluation import for_ranker, load_cases
from eval_tools.gate_eval import CORPORA, rows, trained
from skill.content import languages, supported_locales
from skill.understanding import classifier, embeddings, gate
from skill.understanding.ranker import ranker
from skill.understanding.snapshot import index_path_for
from skill.understanding.snapshot import path_for as snapshot_path


def digest(language: str) -> str:
    """What the gate is trained from, as a short hash: the corpora, the classifier, the embeddings, the bank as the
    ranker reads it, and the features' names."""
    inputs = [
        *CORPORA,
        *classifier.paths_for(language),
        embeddings.path_for(language),
        snapshot_path(language),
        index_path_for(language),
    ]
    h = hashlib.sha256(" ".join(gate.NAMES).encode())
    for path in inputs:
        h.update(path.name.encode())
        h.update(path.read_bytes() if path.is_file() else b"")
    return h.hexdigest()[:16]


def build(language: str) -> gate.Gate:
    """The gate for a language, trained on every labelled corpus (with no gate in the ranker while it reads them)."""
    cases = [c for c in load_cases(CORPORA) if for_ranker(c)]
    return trained(rows(ranker(supported_locales(language)[0]), cases), digest=digest(language))


def main() -> int:
    for language in languages():
        made = build(language)
        path = gate.path_for(language)
        path.write_text(made.to_json() + "\n", encoding="utf-8")
        print(f"wrote {path} (threshold {made.threshold:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
