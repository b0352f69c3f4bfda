"""Writes the whole content as one Markdown document for a clinician to review.

Every topic, facet, question and page, as the skill speaks it (for one
locale), with its word count, US school grade level, evidence level and full
source references; the comparison summaries and the conversation prompts too.

    python -m build_tools.review_export [--locale en-GB] [--output content-review.md]
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

from skill.content import DEFAULT_LOCALE, Content, Page, language_of, load_content
from skill.content.loader import DATA_DIR

from .readability import grade_level


def render_review(content: Content) -> str:
    numbers = {source_id: n for n, source_id in enumerate(content.sources, start=1)}
    pages = [p for t in content.topics for ps in t.facets.values() for p in ps] + [
        p for q in content.questions for p in q.pages
    ]
    lines = [
        f"# {content.skill_name}: content for clinical review",
        "",
        f"- Locale: {content.locale}",
        f"- Last reviewed: {content.last_reviewed.isoformat()}",
        f"- {len(content.topics)} topics, {len(content.questions)} questions, {len(pages)} pages, "
        f"{len(content.sources)} sources",
        f"- Longest page: {max(_words(p) for p in pages)} words; highest grade level: "
        f"{max(grade_level(p.text) for p in pages):.1f}",
        "",
        "Each page is one spoken turn: at most 75 words, at or below US school grade 8 (Flesch–Kincaid).",
        "Numbers in brackets point to the references at the end.",
        "",
        "## Evidence levels",
        "",
        *[f"- **{level}**: {text}" for level, text in content.evidence.items()],
        "",
        "## Topics",
    ]
    for topic in content.topics:
        lines += ["", f"### {topic.title}", "", f"Also understood as: {', '.join(topic.synonyms)}."]
        for facet in content.facets:
            for index, page in enumerate(topic.pages(facet.id), start=1):
                lines += _page(f"{facet.title}, page {index}", page, content, numbers)
        if topic.summary:
            lines += _page("Summary used when comparing treatments", topic.summary, content, numbers)
    lines += ["", "## Questions with a direct answer"]
    for question in content.questions:
        answer = f" (answers {question.answer})" if question.answer else ""
        for index, page in enumerate(question.pages, start=1):
            lines += _page(f"{question.title}{answer}, page {index}", page, content, numbers)
    lines += _corrections(content, numbers)
    lines += _question_bank(content)
    lines += _safety_triage(content, numbers)
    lines += ["", "## What the skill says around the answers", ""]
    lines += [f"- **{name}**: {text}" for name, text in content.prompts.items()]
    lines += ["", "## References", ""]
    lines += [f"{numbers[s.id]}. `{s.id}`: {s.citation()}" for s in content.sources.values()]
    return "\n".join(lines) + "\n"


def _corrections(content: Content, numbers: dict[str, int]) -> list[str]:
    """The clinical review's corrections, and the pages that carry each."""
    with (DATA_DIR / language_of(content.locale) / "corrections.toml").open("rb") as f:
        corrections = tomllib.load(f)["corrections"]
    lines = ["", "## Corrections from the clinical review", ""]
    for item in corrections:
        cited = ", ".join(f"[{numbers[s]}]" for s in item["sources"])
        pages = ", ".join(f"`{p}`" for p in item["pages"]) or "the safety triage and the locales"
        lines.append(f"- **{item['id']}**: {item['what']} Pages: {pages}. Sources: {cited}")
    return lines


def _question_bank(content: Content) -> list[str]:
    bank = [q for q in content.questions if q.phrasings]
    lines = [
        "",
        "## The question bank",
        "",
        f"{len(bank)} questions with {sum(len(q.phrasings) for q in bank)} phrasings, in people's own words. "
        "Free text is ranked against them; each is answered by the page it names, so no medical text is repeated.",
        "",
        "Phrasings were drawn from:",
        "",
        *[f"- {source}" for source in content.phrasing_sources],
    ]
    for question in bank:
        ref = question.ref
        where = f"{ref.question or ref.topic}" + (f", {ref.facet}" if ref.facet else "") + f", page {ref.page + 1}"
        lines += ["", f"**{question.about}** (`{question.id}`, answered by {where})", ""]
        lines += [f"- {phrasing}" for phrasing in question.phrasings]
    return lines


def _safety_triage(content: Content, numbers: dict[str, int]) -> list[str]:
    lines = [
        "",
        "## Safety triage",
        "",
        "Checked before anything else, over everything heard. A sign fires when one word of each group is said "
        "within a few words of the others.",
    ]
    for level in content.red_flags.levels:
        cited = ", ".join(f"[{numbers[s]}]" for s in level.sources)
        lines += ["", f"### {level.id}", "", *[f"- **{name}**: {text}" for name, text in level.texts.items()]]
        lines += [f"- Sources: {cited}"]
        for sign in level.signs:
            said = sign.means or sign.answer
            groups = " + ".join("(" + " / ".join(group) + ")" for group in sign.groups)
            urgency = f", {sign.urgency}" if sign.urgency else ""
            lines += ["", f"**{sign.id}**{urgency}: {groups}"]
            if said:
                lines += ["", f"> {said}"]
    lines += ["", "### After safety advice", ""]
    lines += [f"- **{name}**: {text}" for name, text in content.red_flags.follow_up.items()]
    return lines


def _words(page: Page) -> int:
    return len(page.text.split())


def _page(heading: str, page: Page, content: Content, numbers: dict[str, int]) -> list[str]:
    evidence = f"{page.evidence}: {content.evidence[page.evidence]}" if page.evidence else "not set"
    cited = ", ".join(f"[{numbers[s]}]" for s in page.sources)
    measures = f"{_words(page)} words, grade {grade_level(page.text):.1f}"
    return [
        "",
        f"**{heading}**: {measures}. Evidence: {evidence}. Sources: {cited}",
        "",
        f"> {page.text}",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--locale", default=DEFAULT_LOCALE)
    parser.add_argument("--output", type=Path, help="file to write (default: standard output)")
    args = parser.parse_args(argv)
    document = render_review(load_content(args.locale))
    if args.output:
        args.output.write_text(document, encoding="utf-8")
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(document)
    return 0


if __name__ == "__main__":
    sys.exit(main())
