"""What to say for a topic and facet: the page, the offer that follows, the topic menus.

Picks pages from the content and updates the dialog state; it never holds
medical text of its own.
"""

from __future__ import annotations

from .content import Content, FacetInfo, Page, Topic
from .dialog import DialogState, Offer
from .reply import Reply


def page_reply(
    content: Content,
    state: DialogState,
    topic: Topic,
    facet: FacetInfo,
    index: int = 0,
    *,
    preface: list[str] | None = None,
) -> Reply:
    """Read page ``index`` of a facet and offer what naturally comes next."""
    pages = topic.pages(facet.id)
    index = min(max(index, 0), len(pages) - 1)
    page = pages[index]
    state.topic, state.facet, state.page = topic.id, facet.id, index
    prompts = content.prompts
    if index + 1 < len(pages):
        state.offer = Offer(topic.id, facet.id, index + 1)
        question = prompts["offer_more"]
    else:
        following = content.next_facet(topic, facet.id)
        state.offer = Offer(topic.id, following.id) if following else None
        question = offer_question(content, topic, following) if following else prompts["ask"]
    return Reply(
        parts=[*(preface or []), page.text],
        question=question,
        card_title=f"{topic.title}: {facet.title}",
        card_lines=_card_lines(content, page, index, len(pages)),
    )


def offer_question(content: Content, topic: Topic, facet: FacetInfo) -> str:
    return content.prompts["offer_facet"].format(facet=facet.offer.format(topic=topic.name))


def topic_menu(content: Content) -> str:
    """ "I can tell you about MMN, IVIg, ... and watchful waiting." """
    return f"{content.prompts['topics_intro']} {_spoken_list([t.name for t in content.topics])}."


def facet_menu(content: Content, topic: Topic) -> str:
    offers = [f.menu for f in content.facets if topic.pages(f.id)]
    return f"{content.prompts['facet_menu'].format(topic=topic.name)} {_spoken_list(offers)}."


def _card_lines(content: Content, page: Page, index: int, count: int) -> list[str]:
    lines = [page.text]
    if count > 1:
        lines.append(f"Page {index + 1} of {count}.")
    if page.evidence:
        lines.append(f"Evidence: {content.evidence[page.evidence]}")
    cited = [content.sources[s].citation() for s in page.sources]
    lines.append(content.prompts["sources_heading"] + ":\n" + "\n".join(f"- {c}" for c in cited))
    return lines


def _spoken_list(items: list[str]) -> str:
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]
