"""The content review export: one Markdown document with every page, its measures, evidence and sources."""

from __future__ import annotations

import tomllib

from build_tools import review_export
from build_tools.readability import grade_level
from skill.content import load_content
from skill.content.loader import DATA_DIR, page_ref


def test_review_document_holds_every_page_with_its_measures_and_references(tmp_path):
    out = tmp_path / "review.md"
    assert review_export.main(["--output", str(out)]) == 0
    document = out.read_text(encoding="utf-8")
    content = load_content()
    pages = [p for t in content.topics for ps in t.facets.values() for p in ps] + [
        p for q in content.questions for p in q.pages
    ]
    for page in pages:
        assert f"> {page.text}" in document
        assert f"{len(page.text.split())} words, grade {grade_level(page.text):.1f}" in document
    for topic in content.topics:
        assert f"### {topic.title}" in document
    for source in content.sources.values():
        assert source.citation() in document
    for text in content.evidence.values():
        assert text in document
    assert f"Last reviewed: {content.last_reviewed.isoformat()}" in document
    assert content.prompts["disclaimer"] in document


def test_review_document_for_another_locale_uses_its_spelling(tmp_path):
    out = tmp_path / "review-gb.md"
    review_export.main(["--locale", "en-GB", "--output", str(out)])
    spoken, references = out.read_text(encoding="utf-8").split("## References")
    assert "Locale: en-GB" in spoken and "randomised" in spoken and "randomized" not in spoken
    assert "randomized" in references, "published titles keep their own spelling"


def test_review_document_holds_the_question_bank_its_sources_and_the_safety_triage(tmp_path):
    out = tmp_path / "review.md"
    review_export.main(["--output", str(out)])
    document = out.read_text(encoding="utf-8")
    content = load_content()
    assert content.phrasing_sources and all(f"- {source}" in document for source in content.phrasing_sources)
    for question in content.questions:
        assert all(f"- {phrasing}" in document for phrasing in question.phrasings), question.id
    for level in content.red_flags.levels:
        assert all(text in document for text in level.texts.values())
        assert all(f"**{sign.id}**" in document for sign in level.signs)


def test_review_document_lists_every_correction_with_pages_that_exist(tmp_path):
    out = tmp_path / "review.md"
    review_export.main(["--output", str(out)])
    document = out.read_text(encoding="utf-8")
    content = load_content()
    with (DATA_DIR / "en" / "corrections.toml").open("rb") as f:
        corrections = tomllib.load(f)["corrections"]
    for item in corrections:
        assert f"**{item['id']}**: {item['what']}" in document
        assert set(item["sources"]) <= set(content.sources)
        for pointer in item["pages"]:
            ref = page_ref(pointer)
            if ref.question:
                assert len(content.question(ref.question).pages) > ref.page, pointer
            else:
                assert len(content.topic(ref.topic).pages(ref.facet)) > ref.page, pointer
