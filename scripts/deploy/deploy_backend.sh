#!/usr/bin/env bash
# First deploy, step 2 of 3 (and every later code change): build the Lambda package and deploy the
# stack with SAM, its Alexa trigger bound to the skill created in step 1.
# Settings, from the environment (or asked for):
#   ALARM_TOPIC_ARN      the SNS topic the alarms notify; asked for when unset. Empty: they notify nobody.
#   LISTENER_KEY_SECRET  the secret listeners' records are keyed with (an HMAC of the user id). Default: the one
#                        in .ask/listener-key-secret, made there on the first deploy. Keep it: with another
#                        secret, every listener's record is filed under a new key and the old ones are lost.
source "$(dirname "$0")/common.sh"
[ -x "$SAM" ] || "$root/scripts/bootstrap.sh" test
id="$(require_skill_id)"
if [ -z "${ALARM_TOPIC_ARN+set}" ]; then
    read -r -p "SNS topic ARN for the alarms (empty: they notify nobody): " ALARM_TOPIC_ARN || ALARM_TOPIC_ARN=""
fi
if [ -z "$ALARM_TOPIC_ARN" ]; then
    echo "Warning: no alarm topic, so the alarms notify nobody (set ALARM_TOPIC_ARN)." >&2
elif ! [[ "$ALARM_TOPIC_ARN" =~ ^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]+$ ]]; then
    echo "Not an SNS topic ARN: $ALARM_TOPIC_ARN" >&2
    exit 1
fi
secret_file=.ask/listener-key-secret
if [ -z "${LISTENER_KEY_SECRET:-}" ]; then
    if [ ! -s "$secret_file" ]; then
        mkdir -p .ask
        (umask 077 && python3 -c 'import secrets; print(secrets.token_hex(32))' > "$secret_file")
        echo "Made the listeners' key secret, $secret_file: keep it (see this script's header)." >&2
    fi
    LISTENER_KEY_SECRET="$(cat "$secret_file")"
fi
# sam build runs the Makefile with python3.13 (the template's runtime); pyenv may have it off PATH.
if ! command -v python3.13 >/dev/null && command -v pyenv >/dev/null; then
    for bin in "$(pyenv root)"/versions/3.13*/bin; do PATH="$bin:$PATH"; done
fi
"$SAM" build --build-in-source
"$SAM" deploy --stack-name "$STACK_NAME" --region "$AWS_REGION" --resolve-s3 \
    --capabilities CAPABILITY_IAM --no-fail-on-empty-changeset \
    --parameter-overrides "SkillId=$id" "ListenerKeySecret=$LISTENER_KEY_SECRET" \
    ${ALARM_TOPIC_ARN:+"AlarmTopicArn=$ALARM_TOPIC_ARN"}
echo "Next: scripts/deploy/connect_endpoint.sh"
