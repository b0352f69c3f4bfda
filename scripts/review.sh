#!/usr/bin/env bash
# Write the whole content as one Markdown document for clinical review (sets everything up on first run).
# Usage: scripts/review.sh [--locale en-GB] [--output content-review.md]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/bootstrap.sh" dev
cd "$root"
exec .venv/bin/python -m build_tools.review_export "$@"
