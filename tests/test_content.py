"""The content is complete, cited, short and plain enough to be heard, and renders to valid SSML."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET

import pytest

from build_tools import compile_content as content_compile
from build_tools.readability import grade_level
from skill.breath import lead
from skill.content import load_content, loader, supported_locales
from skill.speech import to_ssml

CONTENT = load_content()
TREATMENTS = ("ivig", "cyclophosphamide", "azathioprine", "corticosteroids", "monitoring")
REQUIRED_FACETS = ("overview", "how_it_works", "effectiveness", "side_effects")
PAGES = [
    pytest.param(topic.id, facet_id, page, id=f"{topic.id}-{facet_id}-{index + 1}")
    for topic in CONTENT.topics
    for facet_id, pages in topic.facets.items()
    for index, page in enumerate(pages)
] + [
    pytest.param(question.topic, question.id, page, id=f"question-{question.id}-{index + 1}")
    for question in CONTENT.questions
    for index, page in enumerate(question.pages)
]
MAX_WORDS = 75
MAX_GRADE = 8.0


def test_the_seed_topics_and_what_is_mmn_are_there():
    assert {t.id for t in CONTENT.topics} >= {"mmn", *TREATMENTS}


@pytest.mark.parametrize("topic_id", TREATMENTS)
def test_each_treatment_has_the_required_facets(topic_id):
    topic = CONTENT.topic(topic_id)
    for facet in REQUIRED_FACETS:
        assert topic.pages(facet), f"{topic_id} lacks {facet}"


def test_facets_of_topics_are_known_facets():
    known = {f.id for f in CONTENT.facets}
    for topic in CONTENT.topics:
        assert set(topic.facets) <= known, topic.id
        assert all(pages for pages in topic.facets.values()), f"{topic.id} has an empty facet"


@pytest.mark.parametrize("topic, facet_id, page", PAGES)
def test_page_is_cited_short_plain_and_not_empty(topic, facet_id, page):
    assert page.text.strip()
    assert page.sources, "every page cites a source"
    assert set(page.sources) <= set(CONTENT.sources), "cited source ids must exist"
    assert page.evidence in CONTENT.evidence, "every page says how sure it is"
    assert len(page.text.split()) <= MAX_WORDS
    assert grade_level(page.text) <= MAX_GRADE
    assert not re.search(r"[<>{}\[\]]", page.text), "plain text only; speech.py adds SSML"


def written_in_ssml(text: str) -> str:
    """The written text the page's SSML holds, read by an XML parser (which refuses SSML that is not well formed)."""
    return "".join(ET.fromstring(f"<speak>{to_ssml(CONTENT, text)}</speak>").itertext())


@pytest.mark.parametrize("topic, facet_id, page", PAGES)
def test_page_renders_to_well_formed_ssml_that_keeps_every_written_word(topic, facet_id, page):
    assert written_in_ssml(page.text) == page.text


def test_prompts_render_to_well_formed_ssml_that_keeps_every_written_word():
    for text in CONTENT.prompts.values():
        assert written_in_ssml(text) == text


# Uncontracted forms a person rarely says aloud ("it is not", "you will"): the content says "it isn't", "you'll".
# Before a comma or a full stop they stay ("as it is."), as they must.
UNCONTRACTED = re.compile(
    r"\b(?:do|does|did|is|are|was|were|can|will|would|should|could|has|have|had) not\b|\bcannot\b"
    r"|\b(?:(?:it|that|there|what|who|here|he|she) is|(?:you|they) are|I am)\b(?![.,])|\b(?:you|they|we|I) will\b"
    r"|\blet us\b",
    re.IGNORECASE,
)
# Said uncontracted on purpose, for emphasis; each entry is the phrase as written.
EMPHASIS: frozenset[str] = frozenset()


def spoken_texts(content) -> list[tuple[str, str]]:
    """Every text of the content said aloud as written, with where it is: pages, comparison summaries, what a
    question or a facet is about, and the prompts."""
    said = [(f"{t.id}.{f}", p.text) for t in content.topics for f, pages in t.facets.items() for p in pages]
    said += [(f"{t.id} summary", t.summary.text) for t in content.topics if t.summary]
    said += [(q.id, p.text) for q in content.questions for p in q.pages] + [(q.id, q.about) for q in content.questions]
    said += [(f.id, text) for f in content.facets for text in (f.about, f.offer)]
    return said + list(content.prompts.items())


@pytest.mark.parametrize("locale", supported_locales("en"))
def test_what_is_said_uses_contractions_as_a_person_would(locale):
    """ "It isn't a cure", "you'll need", "don't stop": the spoken text speaks as people do. A "do not" is kept only
    where it is meant as emphasis (``EMPHASIS``)."""
    found = [
        f"{where}: {m.group(0)}"
        for where, text in spoken_texts(load_content(locale))
        for m in UNCONTRACTED.finditer(text)
        if not any(m.group(0) in phrase and phrase in text for phrase in EMPHASIS)
    ]
    assert not found


PLAIN_MAX_WORDS = 20


def test_a_page_s_plain_form_is_short_and_plainer_than_its_lead():
    """ "In simple words" hears a page's plain form: a line or two, in plainer words than the lead it stands for."""
    plain = [(page.text, page.plain) for _, _, page in (p.values for p in PAGES) if page.plain]
    assert len(plain) >= 3
    for text, said in plain:
        assert len(said.split()) <= PLAIN_MAX_WORDS
        assert grade_level(said) < grade_level(lead(text))


def test_effectiveness_pages_state_their_evidence_level():
    for topic in CONTENT.topics:
        for page in topic.pages("effectiveness"):
            assert page.evidence in CONTENT.evidence, topic.id
    for topic in CONTENT.topics:
        for pages in topic.facets.values():
            assert all(p.evidence is None or p.evidence in CONTENT.evidence for p in pages)


def test_every_source_is_cited_and_complete():
    # A locale's facts cite their country's sources, so a source may be cited in one locale only.
    cited = set()
    for content in map(load_content, supported_locales("en")):
        pages = [p for t in content.topics for ps in t.facets.values() for p in ps] + [
            p for q in content.questions for p in q.pages
        ]
        cited |= {s for p in pages for s in p.sources} | {
            s for t in content.topics if t.summary for s in t.summary.sources
        }
        # The safety advice cites its own sources too.
        cited |= {s for level in content.red_flags.levels for s in level.sources}
        cited |= {s for level in content.red_flags.levels for sign in level.signs for s in sign.sources}
    assert cited == set(CONTENT.sources)
    for source in CONTENT.sources.values():
        assert source.title and source.publisher and source.year > 1900
        assert 0 < len(source.spoken.split()) <= 12 and not re.search(r"[<>{}()]", source.spoken)
        assert source.url.startswith(("https://", "http://"))


def test_synonyms_are_unique_and_cover_brands_and_mishearings():
    seen: dict[str, str] = {}
    for topic in CONTENT.topics:
        for synonym in topic.synonyms:
            assert synonym == synonym.lower()
            assert synonym not in seen, f"{synonym!r} is under {seen.get(synonym)} and {topic.id}"
            seen[synonym] = topic.id
    for synonym, topic in {
        "gammagard": "ivig",
        "i. v. i. g.": "ivig",
        "prednisone": "corticosteroids",
        "steroids": "corticosteroids",
        "cytoxan": "cyclophosphamide",
        "imuran": "azathioprine",
        "m. m. n.": "mmn",
        "watchful waiting": "monitoring",
    }.items():
        assert seen.get(synonym) == topic, synonym


def test_treatments_have_a_comparison_summary_short_enough_for_two():
    treatments = ("ivig", "scig", "corticosteroids", "azathioprine", "cyclophosphamide", "other_immune_drugs",
                  "plasma_exchange", "research_treatments", "monitoring")  # fmt: skip
    for topic_id in treatments:
        summary = CONTENT.topic(topic_id).summary
        assert summary is not None, topic_id
        assert summary.text.startswith(CONTENT.topic(topic_id).name[0].upper() + CONTENT.topic(topic_id).name[1:])
        assert len(summary.text.split()) <= 32 and grade_level(summary.text) <= MAX_GRADE, topic_id
        assert summary.evidence in CONTENT.evidence and set(summary.sources) <= set(CONTENT.sources)


def test_lexicon_entries_have_one_pronunciation_each():
    for entry in CONTENT.lexicon:
        assert [entry.alias, entry.ipa, entry.say_as].count(None) == 2, entry.text
        assert entry.say_as in (None, "characters", "digits"), entry.text


def test_drug_names_are_pronounced_in_ssml():
    ssml = to_ssml(CONTENT, "IVIg, azathioprine, cyclophosphamide and prednisone.")
    assert '<say-as interpret-as="characters">IVIg</say-as>' in ssml
    for drug in ("azathioprine", "cyclophosphamide", "prednisone"):
        assert re.search(rf'<phoneme alphabet="ipa" ph="[^"]+">{drug}</phoneme>', ssml), drug


def test_seed_article_errors_are_corrected():
    def text(topic_id, facet):
        return " ".join(p.text for p in CONTENT.topic(topic_id).pages(facet)).lower()

    ivig_mechanism = text("ivig", "how_it_works")
    assert "boost" not in ivig_mechanism or "n't boost" in ivig_mechanism, (
        "IVIg calms, it doesn't boost, the immune system"
    )
    steroids = text("corticosteroids", "effectiveness") + text("corticosteroids", "when_used")
    assert "worse" in steroids and "n't recommend" in steroids
    for drug in ("cyclophosphamide", "azathioprine"):
        assert CONTENT.topic(drug).pages("effectiveness")[0].evidence in ("case_reports", "none")
    assert "neurologist" in text("monitoring", "overview")


def test_last_reviewed_date_is_set():
    assert CONTENT.last_reviewed.year >= 2026


def test_content_compiled_to_json_loads_the_same_as_from_toml(tmp_path, monkeypatch):
    """The Lambda package ships the data as JSON (build_tools/compile_content.py): every locale must read the same."""
    data = tmp_path / "data"
    shutil.copytree(loader.DATA_DIR, data)
    assert content_compile.compile_tree(data) and not list(data.rglob("*.toml"))
    expected = {locale: load_content(locale) for locale in supported_locales("en")}
    monkeypatch.setattr(loader, "DATA_DIR", data)
    for cache in (loader._read, loader._load, loader._languages, loader.supported_locales):
        cache.cache_clear()
    try:
        assert {locale: load_content(locale) for locale in supported_locales("en")} == expected
    finally:
        monkeypatch.undo()
        for cache in (loader._read, loader._load, loader._languages, loader.supported_locales):
            cache.cache_clear()
