#!/usr/bin/env bash
# Print the files `ask deploy` would upload as the skill package, and fail if it is not the shape the CLI expects.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/bootstrap.sh" run
cd "$root"
exec .venv/bin/python -m build_tools.skill_package "$@"
