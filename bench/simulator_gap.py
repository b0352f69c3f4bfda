"""Where the shared simulator (virtual-alexa) and the console disagree on a corpus, case by case.

For each locale, every corpus case runs three ways: through the shared simulator (``simulate.py``, judged on the
expected opening words that ``simulator_cases.py`` writes), through the console judged the same way on its last
answer, and through the console judged on the case's label (as ``eval_tools/evaluation.py`` does). It prints the
counts and, with ``--list``, each case that one path gets right and the other wrong, with the intent and slots
each path chose for the last turn (virtual-alexa's through ``virtual_alexa_routes.js``, the console's from
``local_console/nlu.py``). A case right for the console on its label but wrong on the opening words is a fault
of the expected words, not of routing.

    .venv/bin/python bench/simulator_gap.py tests/corpus/blind/questions_blind_a.toml --locale en-GB --list
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.simulator_cases import simulator_cases  # noqa: E402
from build_tools.interaction_model import model_path  # noqa: E402
from eval_tools import evaluation  # noqa: E402
from skill.app import build_skill  # noqa: E402
from skill.gateway import handle_event  # noqa: E402

LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")
_RESULT = re.compile(r"^(FAIL|ok  ) (\S+): ")


def simulator_dir() -> Path:
    """The shared simulator beside the checkout (../shared/simulator), or beside the worktrees' parent."""
    for up in (ROOT.parent, ROOT.parent.parent):
        if (up / "shared" / "simulator" / "simulate.py").exists():
            return up / "shared" / "simulator"
    raise SystemExit("no shared/simulator/simulate.py beside this checkout; pass --simulator")


def simulated(sim: Path, entries: list[dict], locale: str) -> dict[str, bool]:
    """Each case's pass (True) or fail through the shared simulator."""
    with tempfile.NamedTemporaryFile("w", suffix=".yaml") as cases:
        json.dump({"cases": entries}, cases)
        cases.flush()
        run = subprocess.run(
            ["python3", str(sim / "simulate.py"), str(ROOT), cases.name, "--min", "0", "--locale", locale, "--show"],
            capture_output=True,
            text=True,
            check=True,
        )
    return {m.group(2): m.group(1) == "ok  " for m in map(_RESULT.match, run.stdout.splitlines()) if m}


def routes(sim_module: Any, entries: list[dict], locale: str) -> dict[str, dict]:
    """virtual-alexa's request for each case's last turn: its type, intent and slot values."""
    model = sim_module.undotted(json.loads(model_path(locale).read_text(encoding="utf-8")))
    with tempfile.TemporaryDirectory() as tmp:
        files = [Path(tmp) / name for name in ("model.json", "utterances.json", "routes.json")]
        files[0].write_text(json.dumps(model))
        files[1].write_text(
            json.dumps([{"id": e["id"], "forms": sim_module.written_forms(e["turns"][-1])} for e in entries])
        )
        subprocess.run(
            ["node", str(ROOT / "bench" / "virtual_alexa_routes.js"), *map(str, files), locale],
            env={
                "NODE_PATH": str(Path(sim_module.node_tools()) / "node_modules"),
                "PATH": "/usr/bin:/bin:/usr/local/bin",
            },
            check=True,
            stderr=subprocess.DEVNULL,
        )
        return json.loads(files[2].read_text())


def console_runs(sim_module: Any, pairs: list[tuple[evaluation.Case, dict]], locale: str) -> dict[str, dict]:
    """The console's route, label verdict and opening-words verdict for each case."""
    skill = build_skill()
    found = {}
    exchange: dict[str, Any] = {}  # the last request sent and its response

    def send(envelope: dict[str, Any]) -> dict[str, Any]:
        exchange["request"] = envelope["request"]
        exchange["response"] = handle_event(skill, envelope)
        return exchange["response"]

    for case, entry in pairs:
        outcome = evaluation.run_console([case], locale, send).outcomes[0]
        intent = exchange["request"].get("intent") or {}
        found[entry["id"]] = {
            "intent": intent.get("name") or exchange["request"]["type"],
            "slots": {n: s.get("value") for n, s in (intent.get("slots") or {}).items() if s.get("value")},
            "label_right": outcome.right,
            "got": outcome.got,
            "right": sim_module.judge(entry, {"turns": [{"response": exchange["response"]}]}) is None,
        }
    return found


def _verdict(right: bool) -> str:
    return "right" if right else "wrong"


def route_text(route: dict) -> str:
    slots = ", ".join(f"{name}={value!r}" for name, value in sorted(route.get("slots", {}).items()))
    return f"{route.get('intent') or route.get('type')}({slots})"


def compare(files: list[Path], locale: str, sim: Path, listing: bool) -> dict[str, int]:
    sys.path.insert(0, str(sim))
    import simulate  # the shared simulator's own judge and written forms

    pairs = simulator_cases(files, locale)
    entries = [entry for _, entry in pairs]
    by_sim = simulated(sim, entries, locale)
    va_routes = routes(simulate, entries, locale)
    console = console_runs(simulate, pairs, locale)
    counts = {
        "cases": len(entries),
        "simulator": 0,
        "console": 0,
        "console_label": 0,
        "disagree": 0,
        "routes_differ": 0,
        "words_not_label": 0,
    }
    for case, entry in pairs:
        key, ours = entry["id"], console[entry["id"]]
        counts["simulator"] += by_sim[key]
        counts["console"] += ours["right"]
        counts["console_label"] += ours["label_right"]
        differ = route_text(va_routes[key]) != route_text(ours)
        counts["routes_differ"] += differ
        words_not_label = ours["right"] != ours["label_right"]
        counts["words_not_label"] += words_not_label
        disagree = by_sim[key] != ours["right"]
        counts["disagree"] += disagree
        if listing and (disagree or differ or words_not_label):
            verdicts = (
                f"simulator {_verdict(by_sim[key])}, console {_verdict(ours['right'])} on the same words, "
                f"{_verdict(ours['label_right'])} on the label {case.expect[0]} (got {ours['got']})"
            )
            print(
                f"  {key} [{verdicts}]: {' / '.join(entry['turns'])}\n"
                f"      virtual-alexa {route_text(va_routes[key])}\n      console       {route_text(ours)}"
            )
            if words_not_label:
                print(f"      expected words {entry.get('expect') or entry.get('forbid')}")
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="+", type=Path)
    parser.add_argument("--locale", action="append", choices=LOCALES)
    parser.add_argument("--simulator", type=Path)
    parser.add_argument("--list", action="store_true", help="print each case the two paths disagree on")
    args = parser.parse_args()
    sim = args.simulator or simulator_dir()
    # One model per locale: read once, not once a case.
    evaluation.LocalNlu.from_file = functools.cache(evaluation.LocalNlu.from_file)
    print(
        "corpus locale: cases; right: simulator, console (same words), console (label); cases the two disagree on; "
        "last turns routed differently; cases whose expected words and label disagree"
    )
    for corpus in args.corpus:
        for locale in args.locale or LOCALES:
            if args.list:
                print(f"{corpus.name} {locale}")
            c = compare([corpus], locale, sim, args.list)
            if c["cases"]:
                print(
                    f"{corpus.name} {locale}: {c['cases']}, simulator {c['simulator']}, console {c['console']}, "
                    f"console label {c['console_label']}, disagree {c['disagree']}, "
                    f"routes differ {c['routes_differ']}, words unlike label {c['words_not_label']}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
