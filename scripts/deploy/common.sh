# Shared by the first-deploy steps (sourced, not run). Settings, from the environment:
#   STACK_NAME   the CloudFormation stack (default: mmn-guide)
#   AWS_REGION   us-east-1, us-west-2, eu-west-1 or ap-northeast-1, where the Alexa Skills Kit
#                trigger exists (default: us-east-1; template.yaml refuses the others)
#   ASK, SAM     the ASK CLI v2 and the AWS SAM CLI (default: ask on PATH, .venv-sam/bin/sam)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
STACK_NAME="${STACK_NAME:-mmn-guide}"
AWS_REGION="${AWS_REGION:-us-east-1}"
ASK="${ASK:-ask}"
SAM="${SAM:-$root/.venv-sam/bin/sam}"
export SAM_CLI_TELEMETRY=0
# .venv on first use (scripts/test.sh makes it and .venv-sam too).
[ -x .venv/bin/python ] || "$root/scripts/bootstrap.sh" run

# The skill's id, which `ask deploy` writes to .ask/ask-states.json when it creates the skill; empty before.
skill_id() {
    python3 - <<'PY'
import json, pathlib
states = pathlib.Path(".ask/ask-states.json")
print(json.loads(states.read_text())["profiles"]["default"].get("skillId", "") if states.exists() else "")
PY
}

require_skill_id() {
    local id
    id="$(skill_id)"
    if [ -z "$id" ]; then
        echo "No skill yet: run scripts/deploy/create_skill.sh first." >&2
        exit 1
    fi
    echo "$id"
}
