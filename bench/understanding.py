"""Understanding benchmark: routing accuracy per category, safety recall and precision, and the confusions,
for the console path (full request envelopes, as Lambda) and for the free-text ranker alone; per corpus and
per locale, each corpus's first-run figures beside today's. With ``--curve``: the ranker's calibration (the
curve of right against wrong answers, and each matcher's leave-one-corpus-out figures, ``eval_tools/calibration.py``);
with ``--gate``, the learned answer gate's leave-one-corpus-out figures and curve (``eval_tools/gate_eval.py``; add
``--console`` for the console path on the blind corpora).

    .venv/bin/python bench/understanding.py [tests/corpus/questions.toml ...] [--path console|ranker|both]
    .venv/bin/python bench/understanding.py --curve [tests/corpus/questions.toml ...]
    .venv/bin/python bench/understanding.py --gate [--console]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eval_tools import calibration, evaluation, gate_eval  # noqa: E402

if __name__ == "__main__":
    if "--gate" in sys.argv:
        sys.exit(gate_eval.main([a for a in sys.argv[1:] if a != "--gate"]))
    if "--curve" in sys.argv:
        sys.exit(calibration.main([a for a in sys.argv[1:] if a != "--curve"]))
    sys.exit(evaluation.main())
