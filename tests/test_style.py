"""The code passes the project's lint and format rules (ruff, configured in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUFF = str(Path(sys.executable).parent / "ruff")
PATHS = ["skill", "local_console", "web_endpoint", "build_tools", "eval_tools", "tests", "lambda", "bench"]


def test_ruff_lint():
    result = subprocess.run([RUFF, "check", *PATHS], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format():
    result = subprocess.run([RUFF, "format", "--check", *PATHS], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
