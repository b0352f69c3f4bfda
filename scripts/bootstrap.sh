#!/usr/bin/env bash
# Sets up what the given purpose needs, on a fresh machine too:
#   bootstrap.sh run   .venv with the skill (console, web app)
#   bootstrap.sh dev   .venv with the development tools too (content review export)
#   bootstrap.sh test  as dev, and .venv-sam with the AWS SAM CLI
#                      (kept apart: aws-sam-cli pins its own boto3), and Amazon's APL
#                      validator (npm apl-suggester) in tests/apl_suggester
# Re-installs only when pyproject.toml has changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/.."
purpose="${1:-run}"
PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "Python 3.11 or newer is needed (found: $("$PYTHON" --version 2>&1)). Set PYTHON=/path/to/python3.11." >&2
    exit 1
fi

install() {  # install VENV STAMP-NAME PIP-ARGS...
    local venv="$1" stamp="$1/.installed-$2"
    shift 2
    if [ ! -x "$venv/bin/python" ]; then
        echo "Creating $venv with $("$PYTHON" --version)..." >&2
        "$PYTHON" -m venv "$venv"
    fi
    if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
        echo "Installing packages into $venv..." >&2
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$@" >&2
        touch "$stamp"
    fi
}

install_npm() {  # install_npm DIR: the npm packages DIR's lock file pins
    local stamp="$1/node_modules/.installed"
    if ! command -v npm >/dev/null; then
        echo "npm not found: the screen tests need node and npm for Amazon's APL validator." >&2
        return
    fi
    if [ ! -f "$stamp" ] || [ "$1/package-lock.json" -nt "$stamp" ]; then
        echo "Installing npm packages into $1..." >&2
        npm ci --prefix "$1" --no-audit --no-fund --loglevel=error >&2
        touch "$stamp"
    fi
}

case "$purpose" in
    run) install .venv run -e '.[web]' ;;
    dev) install .venv test -e '.[web,dev]' ;;
    test)
        install .venv test -e '.[web,dev]'
        install .venv-sam sam 'aws-sam-cli>=1.120,<2'
        install_npm tests/apl_suggester
        ;;
    *) echo "usage: $0 run|dev|test" >&2; exit 2 ;;
esac
# The triage's phrases read ahead, as the Lambda package's build reads them (skipped while current).
.venv/bin/python -m build_tools.triage_phrases >&2
