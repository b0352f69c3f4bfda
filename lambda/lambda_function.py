"""AWS Lambda entry point: the skill from the composition root, verifying SKILL_ID when it is set.

Listeners' records go to the DynamoDB table named in MMN_GUIDE_TABLE (set by the SAM template). The store's
client is made here, at initialisation. When no listener waits for the initialisation (provisioned
concurrency, or SnapStart's snapshot if it is turned on), it also does the work of a first request
(skill/warmup.py).
"""

import gc

# Initialisation makes hundreds of thousands of objects that live as long as the process: collecting
# garbage among them, again and again while they are made, is a good part of a cold start's cost.
gc.disable()

import os  # noqa: E402

from skill import service_clients  # noqa: E402

service_clients.defer()  # before the SDK's first import (skill/service_clients.py)

from skill.app import build_skill  # noqa: E402
from skill.gateway import handle_event  # noqa: E402
from skill.store import store_from_environment  # noqa: E402
from skill.warmup import AHEAD_OF_TIME, warm_up  # noqa: E402

STORE = store_from_environment()
SKILL = build_skill(skill_id=os.environ.get("SKILL_ID") or None, store=STORE)
if os.environ.get("AWS_LAMBDA_INITIALIZATION_TYPE") in AHEAD_OF_TIME:
    warm_up(SKILL, STORE)
# What initialisation made stays out of every later collection, so warm turns collect only their own garbage.
gc.enable()
gc.freeze()


def lambda_handler(event, context):
    return handle_event(SKILL, event, context)
