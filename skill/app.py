"""The composition root: ``build_skill`` assembles the one skill every entry point runs.

Lambda, the web app, the console and the tests all call it; they differ only
in the skill ID they verify and in the store of listeners' records they pass
(``skill.store``: DynamoDB on AWS, a local file elsewhere; none in most tests).
"""

from __future__ import annotations

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import CustomSkillBuilder

from .handlers import EXCEPTION_HANDLERS, REQUEST_HANDLERS
from .interceptors import ApplyPace, RememberReply
from .memory import LoadProfile, SaveProfile
from .serialization import SkillSerializer
from .understanding.heard import BoundHeard


def build_skill(skill_id: str | None = None, store: AbstractPersistenceAdapter | None = None) -> CustomSkill:
    """The configured skill. With ``skill_id``, requests for any other skill are refused; without ``store``,
    nothing is remembered between sessions."""
    builder = CustomSkillBuilder(persistence_adapter=store)
    for handler in REQUEST_HANDLERS:
        builder.add_request_handler(handler)
    for handler in EXCEPTION_HANDLERS:
        builder.add_exception_handler(handler)
    # What was said is bounded before anything reads it.
    builder.add_global_request_interceptor(BoundHeard())
    builder.add_global_request_interceptor(LoadProfile())
    # In this order: the reply is remembered as written, the record saved, then the speech paced.
    builder.add_global_response_interceptor(RememberReply())
    builder.add_global_response_interceptor(SaveProfile())
    builder.add_global_response_interceptor(ApplyPace())
    builder.skill_id = skill_id
    skill = builder.create()
    # The SDK's own output, written faster (skill/serialization.py); it reads requests as the SDK does.
    skill.serializer = SkillSerializer()
    return skill
