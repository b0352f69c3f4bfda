"""Speech rate: the steps "slower" and "faster" move through, and how a rate is applied to speech.

The rate wraps the whole of what is said, reprompts included, in SSML
``<prosody rate>``. Below the normal rate the pauses grow too: between the
parts of a reply, and after every sentence, so a slower listener has time to
take each one in.
"""

from __future__ import annotations

import re

from .speech import PAUSE

RATES = (60, 70, 80, 90, 100, 115, 130)  # percent of Alexa's normal rate
NORMAL = 100
_SENTENCE_END = re.compile(r"(?<=[.?!]) (?=[A-Z])")


def slower(rate: int) -> int:
    return RATES[max(_position(rate) - 1, 0)]


def faster(rate: int) -> int:
    return RATES[min(_position(rate) + 1, len(RATES) - 1)]


def at_rate(ssml: str, rate: int) -> str:
    """``ssml`` (without ``<speak>``) spoken at ``rate``, with longer pauses when slower than normal."""
    if rate == NORMAL:
        return ssml
    if rate < NORMAL:
        pause = (NORMAL - rate) * 15  # ms: 60% -> 600 ms between sentences
        ssml = ssml.replace(PAUSE, f'<break time="{300 + pause}ms"/>')
        ssml = _SENTENCE_END.sub(f' <break time="{pause}ms"/>', ssml)
    return f'<prosody rate="{rate}%">{ssml}</prosody>'


def _position(rate: int) -> int:
    return RATES.index(rate) if rate in RATES else RATES.index(NORMAL)
