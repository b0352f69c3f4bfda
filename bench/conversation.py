"""The conversation benchmark: multi-turn sessions through the console path, checked turn by turn.

    .venv/bin/python bench/conversation.py                                  # every corpus in tests/corpus/conversations
    .venv/bin/python bench/conversation.py tests/corpus/conversations/smoke.toml --failures

Prints the share of turns within one breath, words per turn and before the first pause, lists over three,
dead ends, context kept, clarification answers accepted, safety advice repeatable, and the turns that pass
every label (``eval_tools/conversation_eval.py`` defines each).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval_tools.conversation_eval import ONE_BREATH, Runner, figures, read_corpus  # noqa: E402

CORPORA = ROOT / "tests" / "corpus" / "conversations"


def _share(pair: tuple[int, int]) -> str:
    passed, total = pair
    return f"{passed}/{total} ({100 * passed / total:.1f}%)" if total else "none labelled"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, help="corpus files (default: every one in %(default)s)")
    parser.add_argument("--failures", action="store_true", help="list every turn that fails a label")
    args = parser.parse_args(argv)
    paths = args.corpora or sorted(CORPORA.glob("*.toml"))
    runner = Runner()
    for path in paths:
        sessions = read_corpus(path)
        results = [checked for session in sessions for checked in runner.run(session)]
        f = figures(results, len(sessions))
        print(
            f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {f.sessions} sessions, {f.turns} turns"
        )
        print(f"  turns that do all their labels ask   {f.passed}/{f.turns} ({100 * f.passed / f.turns:.1f}%)")
        print(f"  within one breath (<= {ONE_BREATH} words)     {100 * f.one_breath:.1f}%")
        print(f"  words per turn                       median {f.words_median:g}, max {f.words_max}")
        print(f"  words before the first pause         median {f.pause_median:g}, max {f.pause_max}")
        print(f"  turns with a list over 3             {f.lists_over_3}")
        print(f"  dead ends                            {f.dead_ends} (of {f.misses} 'I don't know' replies)")
        print(f"  context kept                         {_share(f.context)}")
        print(f"  clarification answers accepted       {_share(f.clarifications)}")
        print(f"  safety advice repeatable             {_share(f.safety_repeats)}")
        if args.failures:
            for checked in results:
                if checked.failed or checked.dead_end:
                    print(f"  - {checked.session} turn {checked.index + 1}: {checked.turn.say!r}")
                    print(f"      must: {checked.turn.must}")
                    print(f"      failed: {', '.join(checked.failed)}{' (dead end)' if checked.dead_end else ''}")
                    print(f"      heard [{checked.heard.answered}]: {checked.heard.plain[:220]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
