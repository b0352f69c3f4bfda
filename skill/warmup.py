"""The work of a first request, done before any listener asks: for initialisation ahead of time, and servers.

``warm_up`` builds the triage and the ranker's index for every locale, sends a
few requests through the skill (a launch, a free-text question, a topic
question) and has the store's client prepare its calls offline. None of it
reads or writes a listener's record: the requests belong to a session that is
neither new nor ending.

Lambda runs it at initialisation only when initialisation is not on a
listener's clock (provisioned concurrency, or SnapStart's snapshot where it is
turned on); a plain cold start builds what its first request needs and no more.
"""

from __future__ import annotations

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.skill import CustomSkill

from . import envelopes
from .gateway import handle_event
from .understanding import prepare

# Lambda's AWS_LAMBDA_INITIALIZATION_TYPE values for an initialisation that no listener waits for.
AHEAD_OF_TIME = ("snap-start", "provisioned-concurrency")
_REQUESTS = (
    envelopes.launch_request(),
    envelopes.intent_request(
        "QuestionIntent", {"question": envelopes.slot("question", "what are the side effects", slot_type="QUESTION")}
    ),
    envelopes.intent_request(
        "TopicIntent", {"topic": envelopes.slot("topic", "IVIG", slot_type="TOPIC", match=("ivig", "IVIG"))}
    ),
)


def warm_up(skill: CustomSkill, store: AbstractPersistenceAdapter | None = None) -> None:
    prepare()
    session = envelopes.Session(new=False, application_id=skill.skill_id or envelopes.LOCAL_SKILL_ID)
    for request in _REQUESTS:
        session.attributes = handle_event(skill, session.envelope(request)).get("sessionAttributes") or {}
    prime = getattr(store, "prime", None)
    if prime is not None:
        prime()
