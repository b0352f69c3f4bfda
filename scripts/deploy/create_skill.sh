#!/usr/bin/env bash
# First deploy, step 1 of 3: create the skill from the skill package, without an endpoint.
# Needs the ASK CLI v2 (`npm install -g ask-cli`, then `ask configure`). `ask deploy` writes the new
# skill's id to .ask/ask-states.json, where steps 2 and 3 read it.
source "$(dirname "$0")/common.sh"
# Step 0 first: the store would link to placeholder pages and name no publisher.
.venv/bin/python -m build_tools.publisher || { echo "Refusing to create the skill: see step 0 of First deploy." >&2; exit 1; }
if [ -z "$(skill_id)" ] && [ -f interaction_models/source/endpoint.toml ]; then
    echo "An endpoint is recorded (interaction_models/source/endpoint.toml), so SMAPI would refuse the new skill." >&2
    echo "Delete it and run .venv/bin/python -m build_tools.interaction_model to create the skill anew." >&2
    exit 1
fi
.venv/bin/python -m build_tools.interaction_model --check
.venv/bin/python -m build_tools.skill_package
"$ASK" deploy --target skill-metadata
echo "Skill id: $(require_skill_id). Next: scripts/deploy/deploy_backend.sh"
