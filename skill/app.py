"""The composition root: ``build_skill`` assembles the one skill every entry point runs.

Lambda, the web app, the console and the tests all call it; they differ only
in the skill ID they verify (and, later, in the store they pass).
"""

from __future__ import annotations

from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import SkillBuilder

from .handlers import EXCEPTION_HANDLERS, REQUEST_HANDLERS
from .interceptors import RememberReply
from .understanding import prepare


def build_skill(skill_id: str | None = None) -> CustomSkill:
    """The configured skill. With ``skill_id``, requests for any other skill are refused."""
    prepare()
    builder = SkillBuilder()
    for handler in REQUEST_HANDLERS:
        builder.add_request_handler(handler)
    for handler in EXCEPTION_HANDLERS:
        builder.add_exception_handler(handler)
    builder.add_global_response_interceptor(RememberReply())
    builder.skill_id = skill_id
    return builder.create()
