"""Trains the ranker's classifier (``classifier.py``) on the bank's phrasings and writes its weights as data.

Build time only: scikit-learn and numpy are development dependencies, never
imported by the skill. Each phrasing is an example, labelled with its
question's id. A logistic regression over the TF-IDF features is fitted, and
only its largest weights are kept (the top ``KEEP`` share), which ranks the
development corpora as well as the whole model in a file a cold start reads in
milliseconds. A test fails while the file was trained on another bank.

The fit runs to convergence (``TOLERANCE``), and stops the build if it does not get there: a fit stopped early
(it once stopped after 21 of the 131 steps it needs) lands wherever the steps ran out, so each retrain after a
small change of the bank moved a different handful of near-threshold answers. The converged fit is the one
optimum of its data, so the same bank gives the same file and a small change of the bank a small change of it.

    python -m build_tools.train_classifier        # after the bank or understanding.toml changes
"""

from __future__ import annotations

import sys
import warnings

import numpy as np
from scipy.sparse import hstack
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from skill.content import languages, supported_locales
from skill.understanding.classifier import FEATURES, digest, pack, paths_for
from skill.understanding.ranker import ranker

# Inverse regularisation strength and the share of weights kept, chosen by leave-one-corpus-out accuracy.
STRENGTH = 20.0
KEEP = 0.01
# The largest gradient left at the optimum, and steps enough to reach it well inside the limit.
TOLERANCE = 1e-5
STEPS = 2000


def fit(examples: list[tuple[str, list[str]]]) -> tuple[LogisticRegression, dict[str, TfidfVectorizer]]:
    """The model and its feature extractors (one per kind of ``classifier.FEATURES``), fitted to the examples."""
    vectorisers = {
        kind: TfidfVectorizer(analyzer=featurise, sublinear_tf=True, lowercase=False)
        for kind, featurise in FEATURES.items()
    }
    blocks = [v.fit_transform([terms for _, terms in examples]) for v in vectorisers.values()]
    model = LogisticRegression(C=STRENGTH, max_iter=STEPS, tol=TOLERANCE)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ConvergenceWarning)
        model.fit(hstack(blocks).tocsr(), [q for q, _ in examples])
    return model, vectorisers


def export(
    model: LogisticRegression, vectorisers: dict[str, TfidfVectorizer], trained_on: str, keep: float = KEEP
) -> tuple[dict, dict]:
    """The classifier's header and tables (``classifier.pack``), with the ``keep`` share of the largest weights."""
    weights = model.coef_
    cut = np.quantile(np.abs(weights), 1 - keep)
    tables, offset = {}, 0
    for kind, vectoriser in vectorisers.items():
        table = {}
        for feature, column in sorted(vectoriser.vocabulary_.items()):
            kept = [(int(c), float(w)) for c, w in enumerate(weights[:, offset + column]) if abs(w) >= cut]
            table[feature] = (float(vectoriser.idf_[column]), kept)
        tables[kind] = table
        offset += len(vectoriser.vocabulary_)
    header = {
        "digest": trained_on,
        "classes": [str(c) for c in model.classes_],
        "intercept": [float(b) for b in model.intercept_],
    }
    return header, tables


def main() -> int:
    for language in languages():
        examples = ranker(supported_locales(language)[0]).examples()
        model, vectorisers = fit(examples)
        header_text, blob = pack(*export(model, vectorisers, digest(examples)))
        header, arrays = paths_for(language)
        header.write_text(header_text, encoding="utf-8")
        arrays.write_bytes(blob)
        questions = len(set(q for q, _ in examples))
        print(f"wrote {header} and {arrays.name} ({questions} questions, converged in {model.n_iter_[0]} steps)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
