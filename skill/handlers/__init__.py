"""The skill's request and exception handlers, one module per concern.

``REQUEST_HANDLERS`` is in dispatch order: the SDK asks each in turn and the
first whose ``can_handle`` answers yes handles the request, so the safety
triage comes first and the catch-all ``UnhandledRequestHandler`` last.
"""

from .builtins import (
    CancelOrStopHandler,
    FallbackHandler,
    HelpHandler,
    SessionEndedHandler,
    SilentRequestHandler,
    UnhandledRequestHandler,
)
from .compare import CompareHandler
from .errors import CatchAllExceptionHandler
from .events import SkillEventHandler
from .free_text import FreeTextHandler
from .info import EvidenceHandler, LastReviewedHandler, SourcesHandler
from .launch import LaunchHandler
from .navigation import NoHandler, PreviousHandler, RepeatHandler, ShorterHandler, StartOverHandler, YesHandler
from .preferences import ForgetMeHandler, RememberPlaceHandler, SpeechRateHandler
from .safety import SafetyFollowUpHandler, TriageHandler
from .short_replies import ClarifyAnswerHandler, ShortReplyHandler
from .topics import FacetQuestionHandler, QuestionHandler, SwitchTopicHandler, TopicQuestionHandler

REQUEST_HANDLERS = (
    TriageHandler(),
    SafetyFollowUpHandler(),
    LaunchHandler(),
    ClarifyAnswerHandler(),
    ShortReplyHandler(),
    FreeTextHandler(),
    FacetQuestionHandler(),
    TopicQuestionHandler(),
    QuestionHandler(),
    SwitchTopicHandler(),
    CompareHandler(),
    SpeechRateHandler(),
    RememberPlaceHandler(),
    ForgetMeHandler(),
    EvidenceHandler(),
    SourcesHandler(),
    LastReviewedHandler(),
    YesHandler(),
    PreviousHandler(),
    NoHandler(),
    RepeatHandler(),
    ShorterHandler(),
    StartOverHandler(),
    HelpHandler(),
    FallbackHandler(),
    CancelOrStopHandler(),
    SessionEndedHandler(),
    SkillEventHandler(),
    SilentRequestHandler(),
    UnhandledRequestHandler(),
)

EXCEPTION_HANDLERS = (CatchAllExceptionHandler(),)

__all__ = ["EXCEPTION_HANDLERS", "REQUEST_HANDLERS"]
