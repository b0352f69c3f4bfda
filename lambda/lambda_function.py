"""AWS Lambda entry point: the skill from the composition root, verifying SKILL_ID when it is set."""

import os

from skill.app import build_skill
from skill.gateway import handle_event

SKILL = build_skill(skill_id=os.environ.get("SKILL_ID") or None)


def lambda_handler(event, context):
    return handle_event(SKILL, event, context)
