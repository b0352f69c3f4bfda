"""AWS Lambda entry point: the skill from the composition root, verifying SKILL_ID when it is set.

Listeners' records go to the DynamoDB table named in MMN_GUIDE_TABLE (set by the SAM template). The store's
client is made here, at initialisation. When no listener waits for the initialisation (provisioned
concurrency, or SnapStart's snapshot if it is turned on), it also does the work of a first request
(skill/warmup.py).
"""

import os

from skill.app import build_skill
from skill.gateway import handle_event
from skill.store import store_from_environment
from skill.warmup import AHEAD_OF_TIME, warm_up

STORE = store_from_environment()
SKILL = build_skill(skill_id=os.environ.get("SKILL_ID") or None, store=STORE)
if os.environ.get("AWS_LAMBDA_INITIALIZATION_TYPE") in AHEAD_OF_TIME:
    warm_up(SKILL, STORE)


def lambda_handler(event, context):
    return handle_event(SKILL, event, context)
