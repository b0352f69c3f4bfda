"""A bounded mutation run over the safety and privacy modules: do the tests notice a planted bug?

For each module it lists every small change of one kind (a comparison flipped, ``and`` for ``or``, a condition
negated, a ``not`` dropped, a number off by one, ``True`` for ``False``, a statement deleted), picks a few spread
over the module's lines, and runs, for each, the tests that reach the module against a copy of the tree with that
one change. A mutant is killed when a test fails (or the run times out); a survivor is printed with its line, so a
test can be written for it, or it can be named as equivalent.

    .venv/bin/python bench/mutation.py                   # 10 mutants a module
    .venv/bin/python bench/mutation.py --per-module 30 --module skill/guards.py
    .venv/bin/python bench/mutation.py --module skill/speech.py --line 16 --tests tests/test_speech.py

Not part of the test suite: a run takes minutes (one pytest run a mutant).
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Each module of the safety and privacy code, with the tests that reach it.
MODULES: dict[str, tuple[str, ...]] = {
    "skill/understanding/triage.py": (
        "tests/test_triage.py",
        "tests/test_clinical_corrections.py",
        "tests/test_understanding.py",
        "tests/test_handlers.py",
        "tests/test_bounds.py",
    ),
    "skill/understanding/heard.py": ("tests/test_bounds.py", "tests/test_handlers.py"),
    "skill/guards.py": (
        "tests/test_guards.py",
        "tests/test_hardening.py",
        "tests/test_gateway.py",
        "tests/test_fuzz.py",
        "tests/test_lambda.py",
    ),
    "skill/memory.py": ("tests/test_memory.py",),
    "skill/profile.py": ("tests/test_memory.py",),
    "skill/speech.py": ("tests/test_speech.py", "tests/test_hardening.py", "tests/test_voice_quality.py"),
    "skill/store/local.py": ("tests/test_memory.py",),
    "skill/store/dynamodb.py": ("tests/test_memory.py", "tests/test_store_sender.py"),
    "skill/store/sigv4.py": ("tests/test_sigv4.py",),
    "skill/store/record.py": ("tests/test_memory.py",),
    "skill/store/versioned.py": ("tests/test_memory.py",),
    "skill/store/sender.py": ("tests/test_memory.py", "tests/test_store_sender.py"),
    "skill/store/deadline.py": ("tests/test_memory.py",),
    "skill/log_lines.py": ("tests/test_gateway.py",),
}
# What the copy of the tree needs to run the tests.
COPIED = (
    "skill",
    "local_console",
    "web_endpoint",
    "build_tools",
    "eval_tools",
    "tests",
    "interaction_models",
    "lambda",
    "docs",
    "pyproject.toml",
    "template.yaml",
    "Makefile",
    "scripts",
)

_FLIPPED_COMPARISONS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}


@dataclass(frozen=True)
class Mutant:
    module: str
    line: int
    kind: str
    start: tuple[int, int]  # (line, column) of the replaced source, 1-based line
    end: tuple[int, int]
    replacement: str

    def describe(self, source: str) -> str:
        original = _segment(source, self.start, self.end).strip().splitlines()[0]
        return f"{self.module}:{self.line} {self.kind}: {original!r} -> {self.replacement.splitlines()[0]!r}"


def mutants_of(module: str, source: str) -> list[Mutant]:
    """Every single-change mutant of a module's source, in line order."""
    found = []
    tree = ast.parse(source)
    # Deleting a module's own definitions (constants, imports) only breaks every import: nothing to learn.
    top_level = {id(statement) for statement in tree.body}
    for node in ast.walk(tree):
        if not hasattr(node, "lineno") or id(node) in top_level:
            continue
        for kind, replacement in _changes(node):
            found.append(
                Mutant(
                    module,
                    node.lineno,
                    kind,
                    (node.lineno, node.col_offset),
                    (node.end_lineno or node.lineno, node.end_col_offset or 0),
                    replacement,
                )
            )
    return sorted(found, key=lambda m: (m.start, m.kind))


def spread(mutants: list[Mutant], count: int) -> list[Mutant]:
    """``count`` mutants on lines spread evenly over the module, one a line, their kinds taken in turn."""
    by_line: dict[int, list[Mutant]] = {}
    for mutant in mutants:
        by_line.setdefault(mutant.line, []).append(mutant)
    lines = sorted(by_line)
    if len(lines) <= count:
        return [mutants[int(i * len(mutants) / count)] for i in range(min(count, len(mutants)))]
    chosen = [lines[int(i * len(lines) / count)] for i in range(count)]
    return [by_line[line][i % len(by_line[line])] for i, line in enumerate(chosen)]


def _changes(node: ast.AST) -> Iterator[tuple[str, str]]:
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _FLIPPED_COMPARISONS:
        flipped = ast.Compare(node.left, [_FLIPPED_COMPARISONS[type(node.ops[0])]()], node.comparators)
        yield "comparison flipped", ast.unparse(flipped)
    elif isinstance(node, ast.BoolOp):
        other = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        yield "and/or swapped", ast.unparse(ast.BoolOp(other, node.values))
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        yield "not dropped", ast.unparse(node.operand)
    elif isinstance(node, ast.If | ast.While):
        yield "condition negated", ast.unparse(ast.UnaryOp(ast.Not(), node.test))
    elif isinstance(node, ast.Constant) and type(node.value) is int:
        yield "number off by one", repr(node.value + 1)
    elif isinstance(node, ast.Constant) and type(node.value) is bool:
        yield "boolean flipped", repr(not node.value)
    elif isinstance(node, ast.Return | ast.Assign | ast.AugAssign | ast.Expr | ast.Raise) and not _is_docstring(node):
        yield "statement deleted", "pass"


def _is_docstring(node: ast.AST) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)


def _segment(source: str, start: tuple[int, int], end: tuple[int, int]) -> str:
    lines = source.splitlines(keepends=True)
    if start[0] == end[0]:
        return lines[start[0] - 1][start[1] : end[1]]
    return lines[start[0] - 1][start[1] :] + "".join(lines[start[0] : end[0] - 1]) + lines[end[0] - 1][: end[1]]


def apply(source: str, mutant: Mutant) -> str:
    """The source with the mutant's change made."""
    lines = source.splitlines(keepends=True)
    (start_line, start_col), (end_line, end_col) = mutant.start, mutant.end
    if mutant.kind == "condition negated":
        # Only the condition is replaced, not the statement: find it.
        tree = ast.parse(source)
        statement = next(
            n for n in ast.walk(tree) if isinstance(n, ast.If | ast.While) and (n.lineno, n.col_offset) == mutant.start
        )
        test = statement.test
        (start_line, start_col), (end_line, end_col) = (
            (test.lineno, test.col_offset),
            (test.end_lineno or test.lineno, test.end_col_offset or 0),
        )
        replacement = f"not ({ast.unparse(test)})"
    else:
        replacement = mutant.replacement
    before = "".join(lines[: start_line - 1]) + lines[start_line - 1][:start_col]
    after = lines[end_line - 1][end_col:] + "".join(lines[end_line:])
    return before + replacement + after


def run_tests(tree: Path, tests: tuple[str, ...], timeout: float) -> bool:
    """True when the tests fail (the mutant is killed) or do not finish in time."""
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests]
    try:
        result = subprocess.run(command, cwd=tree, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return True
    return result.returncode != 0


def _check_imports_from(tree: Path) -> None:
    """The copy's tests must import the copy's ``skill``, not the installed one, or no mutant could be killed."""
    found = subprocess.run(
        [sys.executable, "-c", "import skill; print(skill.__file__)"], cwd=tree, capture_output=True, text=True
    ).stdout.strip()
    if not found.startswith(str(tree)):
        raise SystemExit(f"the copy imports skill from {found}, not from {tree}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-module", type=int, default=10, help="mutants per module (default 10)")
    parser.add_argument("--module", action="append", help="only these modules (paths as in MODULES)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds one mutant's tests may take")
    parser.add_argument("--list", action="store_true", help="only list the chosen mutants")
    parser.add_argument("--line", type=int, help="every mutant on this line instead (with one --module)")
    parser.add_argument("--tests", nargs="+", help="run these tests instead of the module's (pytest node ids)")
    args = parser.parse_args(argv)
    modules = args.module or list(MODULES)
    killed_total = mutants_total = 0
    with tempfile.TemporaryDirectory(prefix="mmn-mutation-") as scratch:
        tree = Path(scratch) / "tree"
        tree.mkdir()
        for name in COPIED:
            source_path = ROOT / name
            if source_path.is_dir():
                shutil.copytree(source_path, tree / name, ignore=shutil.ignore_patterns("__pycache__"))
            elif source_path.exists():
                shutil.copy2(source_path, tree / name)
        _check_imports_from(tree)
        for module in modules:
            original = (ROOT / module).read_text()
            every = mutants_of(module, original)
            chosen = [m for m in every if m.line == args.line] if args.line else spread(every, args.per_module)
            killed = 0
            for mutant in chosen:
                if args.list:
                    print("  " + mutant.describe(original))
                    continue
                (tree / module).write_text(apply(original, mutant))
                try:
                    if run_tests(tree, tuple(args.tests or MODULES.get(module, ("tests",))), args.timeout):
                        killed += 1
                    else:
                        print(f"  survived: {mutant.describe(original)}", flush=True)
                finally:
                    (tree / module).write_text(original)
            if not args.list:
                print(f"{module}: {killed}/{len(chosen)} killed", flush=True)
            killed_total += killed
            mutants_total += len(chosen)
    if args.list:
        return 0
    print(f"all: {killed_total}/{mutants_total} killed ({killed_total / max(mutants_total, 1):.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
