#!/usr/bin/env bash
# First deploy, step 3 of 3: read the stack output SkillEndpointArn (the function's "live" alias),
# record it as the skill's endpoint, regenerate the package, and update the skill with it. Commit
# interaction_models/source/endpoint.toml and the package afterwards: later `ask deploy` runs keep it.
source "$(dirname "$0")/common.sh"
id="$(require_skill_id)"
arn="$("$SAM" list stack-outputs --stack-name "$STACK_NAME" --region "$AWS_REGION" --output json | python3 -c '
import json, sys
print(next(o["OutputValue"] for o in json.load(sys.stdin) if o["OutputKey"] == "SkillEndpointArn"))')"
.venv/bin/python -m build_tools.interaction_model --set-endpoint "$arn"
"$ASK" deploy --target skill-metadata
"$ASK" smapi set-skill-enablement --skill-id "$id" --stage development
echo "Skill $id now calls $arn, and is enabled for testing (development stage)."
