#!/usr/bin/env bash
# Serve the skill over HTTP with gunicorn (put TLS in front). Sets everything up on first run.
# Environment: SKILL_ID (required while verifying), BIND (default 127.0.0.1:8000), WORKERS (default 2),
# MMN_GUIDE_VERIFY_REQUESTS=false to turn Alexa request verification off for local testing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/bootstrap.sh" run
cd "$root"
exec .venv/bin/gunicorn --bind "${BIND:-127.0.0.1:8000}" --workers "${WORKERS:-2}" "$@" 'skill.web:create_app()'
