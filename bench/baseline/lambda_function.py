"""The usual way to build a skill with memory: ask-sdk-core with the stock DynamoDB persistence adapter.

The baseline for bench/lambda_package.py: it reads the listener's attributes
and writes them back on every launch, through boto3's DynamoDB resource, as the
ASK SDK's samples do. It answers every request with one sentence.
"""

import os

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.skill_builder import CustomSkillBuilder
from ask_sdk_dynamodb.adapter import DynamoDbAdapter


class Launch(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return True

    def handle(self, handler_input):
        attributes = handler_input.attributes_manager.persistent_attributes
        attributes["visits"] = int(attributes.get("visits", 0)) + 1
        handler_input.attributes_manager.save_persistent_attributes()
        return handler_input.response_builder.speak("Hello again.").ask("Anything else?").response


builder = CustomSkillBuilder(persistence_adapter=DynamoDbAdapter(table_name=os.environ["BASELINE_TABLE"]))
builder.add_request_handler(Launch())
lambda_handler = builder.lambda_handler()
