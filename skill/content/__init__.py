"""The shared content module: the only place where the skill's medical text lives.

Data files in ``data/<language>/`` (TOML) are loaded into the typed model of
``model.py``. Handlers, cards, the interaction model and the review export all
read from here.
"""

from .loader import DEFAULT_LOCALE, data_file, language_of, languages, load_content, resolve_locale, supported_locales
from .model import Content, FacetInfo, LexiconEntry, Page, Question, Source, Topic

__all__ = [
    "DEFAULT_LOCALE",
    "Content",
    "FacetInfo",
    "LexiconEntry",
    "Page",
    "Question",
    "Source",
    "Topic",
    "data_file",
    "language_of",
    "languages",
    "load_content",
    "resolve_locale",
    "supported_locales",
]
