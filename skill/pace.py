"""Speech rate: the steps "slower" and "faster" move through, how a rate is applied to speech, and how long speech
takes at a rate.

The rate wraps the whole of what is said, reprompts included, in SSML
``<prosody rate>``. Below the normal rate the pauses grow too: between the
parts of a reply, and after every sentence, so a slower listener has time to
take each one in. How long a sentence takes is an estimate, from its words
(Alexa says about 2.6 a second at the normal rate) and the pauses added here;
the screen uses it to keep the text in step with the speech.
"""

from __future__ import annotations

import re

from .speech import PAUSE, PAUSE_MS

RATES = (60, 70, 80, 90, 100, 115, 130)  # percent of Alexa's normal rate
NORMAL = 100
WORDS_PER_SECOND = 2.6  # at the normal rate, measured on Alexa's voices; the rate scales it
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
        ssml = ssml.replace(PAUSE, f'<break time="{pause_ms(rate, between_parts=True)}ms"/>')
        ssml = _SENTENCE_END.sub(f' <break time="{pause_ms(rate, between_parts=False)}ms"/>', ssml)
    return f'<prosody rate="{rate}%">{ssml}</prosody>'


def pause_ms(rate: int, between_parts: bool) -> int:
    """The pause ``at_rate`` leaves between the parts of a reply, or after a sentence inside a part."""
    longer = max(NORMAL - rate, 0) * 15  # ms: 60% -> 600 ms more
    return PAUSE_MS + longer if between_parts else longer


def sentences(text: str) -> list[str]:
    """A part's sentences, split where ``at_rate`` pauses after one."""
    return _SENTENCE_END.split(text)


def seconds_to_say(text: str, rate: int) -> float:
    """About how long ``text`` takes to say at ``rate``, pauses aside."""
    return len(text.split()) / (WORDS_PER_SECOND * rate / NORMAL)


def _position(rate: int) -> int:
    return RATES.index(rate) if rate in RATES else RATES.index(NORMAL)
