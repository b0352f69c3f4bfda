#!/usr/bin/env bash
# First deploy, step 2 of 3 (and every later code change): build the Lambda package and deploy the
# stack with SAM, its Alexa trigger bound to the skill created in step 1. Set ALARM_TOPIC_ARN to have
# the alarms notify an SNS topic.
source "$(dirname "$0")/common.sh"
[ -x "$SAM" ] || "$root/scripts/bootstrap.sh" test
id="$(require_skill_id)"
# sam build runs the Makefile with python3.13 (the template's runtime); pyenv may have it off PATH.
if ! command -v python3.13 >/dev/null && command -v pyenv >/dev/null; then
    for bin in "$(pyenv root)"/versions/3.13*/bin; do PATH="$bin:$PATH"; done
fi
"$SAM" build --build-in-source
"$SAM" deploy --stack-name "$STACK_NAME" --region "$AWS_REGION" --resolve-s3 \
    --capabilities CAPABILITY_IAM --no-fail-on-empty-changeset \
    --parameter-overrides "SkillId=$id" ${ALARM_TOPIC_ARN:+"AlarmTopicArn=$ALARM_TOPIC_ARN"}
echo "Next: scripts/deploy/connect_endpoint.sh"
