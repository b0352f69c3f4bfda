"""Speech rendering: turns plain content text into SSML, and SSML back into plain text.

The only module that writes SSML. It escapes text, marks drug names and
abbreviations with their pronunciation from the content lexicon (abbreviations
and emergency numbers as ``<say-as>``, so the written form stays in the speech), and puts a
short pause between the parts of a reply.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from .content import Content, LexiconEntry

PAUSE_MS = 300
PAUSE = f'<break time="{PAUSE_MS}ms"/>'
_TAG = re.compile(r"<[^>]+>")
# Characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/FFFF): dropped, so speech always parses.
# Named as they are, not as the complement of what XML allows: that class spans every code point, and compiling it
# cost a cold start about 10 ms.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def to_ssml(content: Content, *parts: str) -> str:
    """SSML (without the ``<speak>`` wrapper, which the SDK adds) for plain text parts."""
    rendered = _renderer(content.lexicon)
    return PAUSE.join(rendered(part) for part in parts if part)


# Each lexicon's renderer, found by the lexicon's identity: hashing the lexicon (a tuple of entries) for a cache
# key on every part cost more than the cache saved. The lexicon is held, so its id is never reused.
_RENDERERS: dict[int, tuple[tuple[LexiconEntry, ...], Callable[[str], str]]] = {}


def _renderer(lexicon: tuple[LexiconEntry, ...]) -> Callable[[str], str]:
    """What renders one part as SSML with ``lexicon``. Pages and prompts are said again and again, so each is
    rendered once per process."""
    held = _RENDERERS.get(id(lexicon))
    if held is None:
        rendered = functools.lru_cache(maxsize=4096)(functools.partial(_render, lexicon))
        held = _RENDERERS[id(lexicon)] = (lexicon, rendered)
    return held[1]


def _render(lexicon: tuple[LexiconEntry, ...], part: str) -> str:
    pattern, entries = _lexicon_pattern(lexicon)
    text = _escape(_NOT_XML.sub("", part))
    if pattern is not None:
        text = pattern.sub(lambda m: _pronounce(entries[m.group(0).lower()], m.group(0)), text)
    return text


def to_plain(ssml: str) -> str:
    """What an SSML string says, as plain text (``<sub>`` replaced by the written word)."""
    text = re.sub(r"<break[^>]*/>", " ", ssml)
    text = _TAG.sub("", text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    return " ".join(text.split())


def _pronounce(entry: LexiconEntry, written: str) -> str:
    if entry.say_as is not None:
        return f"<say-as interpret-as={_attribute(entry.say_as)}>{written}</say-as>"
    if entry.alias is not None:
        return f"<sub alias={_attribute(entry.alias)}>{written}</sub>"
    return f'<phoneme alphabet="ipa" ph={_attribute(entry.ipa or "")}>{written}</phoneme>'


def _escape(text: str) -> str:
    # Written here rather than imported from xml.sax.saxutils, which pulls in urllib and http at start-up.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(value: str) -> str:
    """A quoted XML attribute value."""
    return '"' + _escape(value).replace('"', "&quot;") + '"'


@functools.cache
def _lexicon_pattern(lexicon: tuple[LexiconEntry, ...]) -> tuple[re.Pattern[str] | None, dict[str, LexiconEntry]]:
    entries = {e.text.lower(): e for e in lexicon}
    if not entries:
        return None, entries
    # Longest first, so "methylprednisolone" wins over "prednisolone".
    words = sorted(entries, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE), entries
