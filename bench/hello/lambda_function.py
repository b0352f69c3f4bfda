"""A hello-world ask-sdk-core skill for Lambda: one handler that answers every request with one sentence.

The floor for bench/lambda_package.py: what any Python skill on the ASK SDK pays.
"""

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.skill_builder import SkillBuilder


class Hello(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return True

    def handle(self, handler_input):
        return handler_input.response_builder.speak("Hello.").ask("Anything else?").response


builder = SkillBuilder()
builder.add_request_handler(Hello())
lambda_handler = builder.lambda_handler()
