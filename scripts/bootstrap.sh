#!/usr/bin/env bash
# Sets up what the given purpose needs, on a fresh machine too:
#   bootstrap.sh run   .venv with the skill (console, web app)
#   bootstrap.sh dev   .venv with the development tools too (content review export)
#   bootstrap.sh test  as dev, and .venv-sam with the AWS SAM CLI
#                      (kept apart: aws-sam-cli pins its own boto3)
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

case "$purpose" in
    run) install .venv run -e '.[web]' ;;
    dev) install .venv test -e '.[web,dev]' ;;
    test)
        install .venv test -e '.[web,dev]'
        install .venv-sam sam 'aws-sam-cli>=1.120,<2'
        ;;
    *) echo "usage: $0 run|dev|test" >&2; exit 2 ;;
esac
