"""Understanding what was said: safety triage first, then free text ranked against the question bank."""

from __future__ import annotations

from ..content import languages, supported_locales


def prepare() -> None:
    """Build the triage, the ranker's index and its tables for every locale now, not on a listener's first question
    (``skill/warmup.py`` calls it where start-up is not on a listener's clock)."""
    # Imported here, not with the package: the package's build reads the triage's phrases
    # (``build_tools/compile_content.py``) where the ranker's stemmer, built for the function's processor, cannot load.
    from . import ranker as ranking
    from . import triage as triaging

    for language in languages():
        for locale in supported_locales(language):
            triaging.triager(locale)
            ranking.ranker(locale).make_tables()
