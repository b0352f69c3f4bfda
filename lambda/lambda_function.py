"""AWS Lambda entry point: the skill from the composition root, verifying SKILL_ID when it is set.

Listeners' records go to the DynamoDB table named in MMN_GUIDE_TABLE (set by the SAM template). The store's
client is made here, at initialisation, so SnapStart snapshots it with the rest.
"""

import os

from skill.app import build_skill
from skill.gateway import handle_event
from skill.store import store_from_environment

SKILL = build_skill(skill_id=os.environ.get("SKILL_ID") or None, store=store_from_environment())


def lambda_handler(event, context):
    return handle_event(SKILL, event, context)
