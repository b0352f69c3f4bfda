#!/usr/bin/env bash
# Run the whole test suite (sets everything up on first run).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/bootstrap.sh" test
cd "$root"
exec .venv/bin/python -m pytest "$@"
