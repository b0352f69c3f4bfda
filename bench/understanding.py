"""Understanding benchmark: routing accuracy per category, safety recall and precision, and the confusions,
for the console path (full request envelopes, as Lambda) and for the free-text ranker alone.

    .venv/bin/python bench/understanding.py [tests/corpus/questions.toml ...] [--path console|ranker|both]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from skill.evaluation import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
