#!/usr/bin/env bash
# Serve the skill over HTTP with gunicorn (put TLS in front). Sets everything up on first run.
# Environment: SKILL_ID (required while verifying), BIND (default 127.0.0.1:8000), WORKERS (default 2),
# MMN_GUIDE_VERIFY_REQUESTS=false to turn Alexa request verification off for local testing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/bootstrap.sh" run
cd "$root"
# gthread workers: a slow client holds one thread, not a whole worker. Short keep-alive and timeouts, and
# small request-line and header limits, because Alexa's requests are small and quick. In production, run it
# behind a TLS-terminating proxy that buffers requests.
exec .venv/bin/gunicorn --bind "${BIND:-127.0.0.1:8000}" --workers "${WORKERS:-2}" \
    --worker-class gthread --threads "${THREADS:-8}" --keep-alive 2 --timeout 15 --graceful-timeout 10 \
    --limit-request-line 4094 --limit-request-fields 50 --limit-request-field_size 8190 \
    "$@" 'skill.web:create_app()'
