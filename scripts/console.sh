#!/usr/bin/env bash
# Talk to the skill in the terminal (sets everything up on first run).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/bootstrap.sh" run
cd "$root"
exec .venv/bin/python -m local_console.console "$@"
