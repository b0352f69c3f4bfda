"""Writes the ranker's word embeddings (``skill/understanding/embeddings.py``) from WordLlama's static vectors.

Build time only: wordllama (whose weights ship in its wheel, so nothing is
fetched from a model hub) and wordfreq are development dependencies, never
imported by the skill. WordLlama reads subword tokens with a tokenizer Lambda
does not have, so its vectors are worked out here for whole words: English's
most frequent words (wordfreq), so a listener's words the bank never uses
("terrified", "chemist") have one, and every word of the bank's phrasings as
the ranker reads them. Each is truncated to ``DIM`` dimensions (WordLlama is
trained so its first dimensions carry the most) and quantised to bytes, with a
weight that makes frequent words count less (smooth inverse frequency). Each
question's vector is the mean of its phrasings', read the same way the skill
reads what was said. A test fails while the file was made from another bank.

    python -m build_tools.embed_words        # after the bank or understanding.toml changes
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import wordllama
from wordfreq import top_n_list, word_frequency
from wordllama import WordLlama

from skill.content import languages, supported_locales
from skill.understanding import classifier, embeddings
from skill.understanding.ranker import NAMED, Ranker, ranker

# Dimensions kept, the frequent words taken, and the smoothing of the inverse-frequency weight: chosen by
# leave-one-corpus-out accuracy (``eval_tools/calibration.py``).
DIM = 64
FREQUENT = 20_000
SMOOTHING = 1e-4
_WORD = re.compile(r"[a-z0-9]+")


def phrasings(bank: Ranker) -> list[list[list[str]]]:
    """Each question's phrasings (``Ranker.questions`` order) as the embeddings read them."""
    return [[bank.folded(p, spoken=False) for p in asked] for asked in bank.asked_as]


def spoken(word: str) -> str:
    """How a word the ranker reads is said: a topic's id or a name's mark as plain words ("other_immune")."""
    return word.removeprefix(NAMED).replace("_", " ")


def vocabulary(read: list[list[list[str]]], language: str) -> list[str]:
    """The frequent words of the language, then the bank's own."""
    frequent = [w for w in top_n_list(language, FREQUENT) if _WORD.fullmatch(w)]
    bank = sorted({w for asked in read for terms in asked for w in terms})
    return list(dict.fromkeys(frequent + bank))


def weights(words: list[str], language: str) -> list[float]:
    """Smooth inverse frequency: a word said once in ten thousand weighs half as much as a rare one."""
    return [SMOOTHING / (SMOOTHING + word_frequency(spoken(w), language)) for w in words]


def build(bank: Ranker, language: str, model: WordLlama) -> embeddings.Embeddings:
    """The embeddings of the bank's words and questions."""
    read = phrasings(bank)
    words = vocabulary(read, language)
    vectors = model.embed([spoken(w) for w in words], norm=True)[:, :DIM]
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    table = embeddings.Embeddings.of(
        classifier.digest(bank.examples()), words, vectors.tolist(), weights(words, language)
    )
    means = []
    for asked in read:
        said = [unit(v) for terms in asked if (v := table.vector(terms)) is not None]
        means.append(unit(np.mean(said, axis=0)) if said else np.ones(DIM))
    return table.with_questions([q.id for q in bank.questions], [m.tolist() for m in means])


def unit(vector) -> np.ndarray:
    vector = np.asarray(vector, dtype=float)
    return vector / (np.linalg.norm(vector) or 1.0)


def main() -> int:
    # The wheel's own folder: its weights and tokenizer are there (wordllama looks for the tokenizer in a folder
    # named otherwise, then on the model hub, which these machines do not reach).
    model = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
    for language in languages():
        table = build(ranker(supported_locales(language)[0]), language, model)
        path = embeddings.path_for(language)
        path.write_bytes(embeddings.pack(table))
        print(f"wrote {path} ({len(table.words)} words, {len(table.questions)} questions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
