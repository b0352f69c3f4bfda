#!/usr/bin/env bash
# Pins the Lambda function's dependencies, with hashes: lambda/requirements.txt (the ranges) -> lambda/requirements.lock.
# The Makefile installs the lock with --require-hashes, so a build ships exactly these files or fails.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/bootstrap.sh dev
.venv/bin/pip-compile --quiet --generate-hashes --no-header --strip-extras --allow-unsafe \
    --no-emit-index-url --no-emit-find-links \
    --output-file lambda/requirements.lock lambda/requirements.txt
echo "wrote lambda/requirements.lock"
