#!/usr/bin/env bash
# Serve the skill over HTTP (put TLS in front). Sets everything up on first run.
# Environment: SKILL_ID (required while verifying), BIND (default 127.0.0.1:8000), THREADS (default 8),
# MMN_GUIDE_VERIFY_REQUESTS=false to turn Alexa request verification off for local testing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/bootstrap.sh" run
cd "$root"
# waitress reads every connection in one event loop and gives a worker thread only a request that has
# arrived whole; web_endpoint/serve.py adds a deadline on each request's arrival (see its docstring).
exec .venv/bin/python -m web_endpoint.serve 'web_endpoint.web:create_app()'
