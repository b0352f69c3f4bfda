"""Whether the session has heard that an infusion is going on now ("he's getting his IVIg at home right now").

A red flag said later in the session without naming the infusion ("his chest feels tight") is during it, so the
answer says to stop it too (issue 17, section 4). The words are content (``[running]`` in ``red_flags.toml``);
what the session heard is one flag in the session attributes, read back only when it is exactly ``True`` or
``False``.
"""

from __future__ import annotations

import functools

from ..content import data_file, language_of
from ..content.model import Sign
from .replies import AHEAD, replies
from .triage import _CompiledSign, over_sign, read_said
from .words import phrases

_KEY = "infusion_running"
_AHEAD = "infusion_ahead"


@functools.cache
def _running(locale: str) -> tuple[_CompiledSign, tuple, tuple]:
    data = data_file(language_of(locale), "red_flags")
    running = data["running"]
    sign = Sign(
        id="running",
        groups=tuple(map(tuple, running["all"])),
        unless=tuple(running["unless"]),
        window=running["window"],
    )
    return _CompiledSign(sign), phrases(data["after_infusion_words"]), phrases(data["running_words"])


@functools.cache
def _ahead(locale: str) -> _CompiledSign:
    """A dose told still to come, with its day ("my IVIg is tomorrow"): ``[ahead]`` in ``red_flags.toml``."""
    ahead = data_file(language_of(locale), "red_flags")["ahead"]
    return _CompiledSign(
        Sign(id="ahead", groups=tuple(map(tuple, ahead["all"])), unless=tuple(ahead["unless"]), window=ahead["window"])
    )


def heard_running(attributes: dict, locale: str, heard: list[str]) -> bool | None:
    """Whether an infusion is going on now (True), was said to be over (False) or neither was said (None), by
    what was said this turn or earlier in the session (``attributes``, the session attributes, which this
    updates): a turn that puts the infusion in the past ends it."""
    sign, after, still = _running(locale)
    texts = [read_said(text) for text in heard if text]
    # "An hour after the drip started" is not over (clinical review 6, n2).
    over = over_sign(locale)
    # A drip about to start is not ended by "since yesterday" said of a fever: only by words of its own ending.
    ahead = heard_ahead(attributes)
    # ... nor is a dose told with its day ("the day after tomorrow"): it is ahead (clinical review 15, W1).
    to_come = any(_ahead(locale).matches(text) for text in texts)
    told = True
    if any(
        over.matches(text) or (not (ahead or to_come) and any(p.positions(text) for p in after)) for text in texts
    ) and not any(p.positions(text) for text in texts for p in still):
        note_running(attributes, False)
    elif any(sign.matches(text) for text in texts):
        note_running(attributes, True)
    else:
        told = False
    # "She's about to start her Privigen": ahead until a turn says it runs or is over (clinical review 14, W6).
    if any(replies(locale).infusion_state(text) == AHEAD for text in heard if text):
        attributes[_AHEAD] = True
    # "My IVIg is tomorrow", "her drip's booked for Monday": ahead too, unless this turn says it runs or is over
    # (clinical review 15, W1).
    elif not told and to_come:
        attributes[_AHEAD] = True
    state = attributes.get(_KEY)
    return state if isinstance(state, bool) else None


def told_where(locale: str, text: str) -> bool | None:
    """Whether ``text`` by itself says an infusion is going on now (True: "the bag is nearly empty", "the nurse just
    put the line in") or is over (False: "I got unhooked earlier"), in the words the session is read with; None when
    it says neither (clinical review 15, n6)."""
    sign, _, still = _running(locale)
    said = read_said(text)
    if over_sign(locale).matches(said) and not any(p.positions(said) for p in still):
        return False
    return True if sign.matches(said) else None


def heard_ahead(attributes: dict) -> bool:
    """Whether the session last heard an infusion is about to start ("she's about to start her Privigen"), and
    nothing since of it running or over: a fever or an infection told then is before the drip."""
    return attributes.get(_AHEAD) is True


def note_running(attributes: dict, running: bool) -> None:
    """Keep in the session (``attributes``) that an infusion is going on now, or is over, as a statement told it
    ("he's halfway through his drip", "she just finished her Privigen"): what the triage reads next."""
    attributes[_KEY] = running
    attributes.pop(_AHEAD, None)
