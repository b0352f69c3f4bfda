"""What to say from the content: the page at a place, what to offer next, comparisons, and the menus.

Picks pages from the content and updates the dialog state; it never holds
medical text of its own.
"""

from __future__ import annotations

from .content import Content, Page, Topic
from .content.model import PageRef
from .dialog import DialogState, Offer, Place
from .reply import Reply
from .screen import Screen
from .understanding.words import words

OVERVIEW = "overview"


def pages_at(content: Content, place: Place) -> tuple[Page, ...]:
    """The pages at a place; empty when the place no longer exists in the content."""
    if place.compare is not None:
        return _comparison(content, place.topic, place.compare)
    if place.question is not None:
        question = content.question(place.question)
        return question.pages if question else ()
    topic = content.topic(place.topic)
    return topic.pages(place.facet) if topic and place.facet else ()


def place_of(ref: PageRef) -> Place:
    """The dialog place of a content page reference."""
    return Place(ref.topic, facet=ref.facet, question=ref.question)


def label(place: Place, index: int) -> str:
    """What was answered, as a short label: "ivig.side_effects.2", "q:ivig_cure.1", "compare:ivig:scig"."""
    if place.compare is not None:
        return f"compare:{place.topic}:{place.compare}"
    if place.question is not None:
        return f"q:{place.question}.{index + 1}"
    return f"{place.topic}.{place.facet}.{index + 1}"


def place_about(content: Content, place: Place) -> str:
    """What a place is about, as words for a sentence: "the side effects and risks of IVIg"."""
    if place.question is not None:
        return content.question(place.question).about
    facet = content.facet(place.facet or "")
    if place.compare is not None or facet is None:
        return _title(content, place)
    return facet.about.format(topic=content.topic(place.topic).name)


def brand_named(content: Content, place: Place, said: list[str]) -> list[str]:
    """ "Hizentra is SCIg.", before a treatment's overview, when what was said names a brand of it ("what is
    Hizentra?"). Other pages name the treatment themselves ("SCIg's side effects"). One brand only: the overview
    with the disclaimer and its question stays within 90 words."""
    topic = content.topic(place.topic)
    if topic is None or place.facet != OVERVIEW:
        return []
    heard = {word for text in said for word in words(text)}
    brand = next((brand for brand in topic.brands if brand.lower() in heard), None)
    if brand is None:
        return []
    return [topic.brand_said.get(brand) or content.prompts["brand"].format(brand=brand, topic=topic.name)]


def can_compare(content: Content, first: str, second: str) -> bool:
    return first != second and bool(_comparison(content, first, second))


def page_reply(
    content: Content,
    state: DialogState,
    place: Place,
    index: int = 0,
    *,
    preface: list[str] | None = None,
) -> Reply:
    """Read page ``index`` at ``place`` and offer what naturally comes next."""
    pages = pages_at(content, place)
    index = min(max(index, 0), len(pages) - 1)
    page = pages[index]
    state.topic, state.facet, state.place, state.page = place.topic, place.facet, place, index
    state.answered, state.choices = label(place, index), ()
    state.offer = next_offer(content, place, index)
    title = _title(content, place)
    return Reply(
        parts=[*(preface or []), page.text],
        question=offer_question(content, state.offer),
        card_title=title,
        card_lines=_card_lines(content, place, page, index, len(pages)),
        screen=Screen(
            title=title,
            position=_position(index, len(pages)),
            sources="; ".join(content.sources[s].named() for s in page.sources),
        ),
    )


def next_offer(content: Content, place: Place, index: int) -> Offer | None:
    """What comes after page ``index`` at ``place``: its next page, else the topic's next facet."""
    if index + 1 < len(pages_at(content, place)):
        return Offer(place, index + 1)
    return _following(content, place)


def offer_question(content: Content, offer: Offer | None) -> str:
    """The question that ends a turn: the pending offer, or what else the listener wants."""
    prompts = content.prompts
    if offer is None:
        return prompts["ask"]
    if offer.page > 0:
        return prompts["offer_more"]
    topic, facet = content.topic(offer.place.topic), content.facet(offer.place.facet or "")
    if topic is None or facet is None:
        return prompts["ask"]
    return prompts["offer_facet"].format(facet=facet.offer.format(topic=topic.name))


def evidence_statements(content: Content, place: Place, page: Page) -> list[str]:
    """How strong the evidence behind a page is, in words; a comparison names each side."""
    if place.compare is not None:
        sides = [content.topic(place.topic), content.topic(place.compare)]
        return [
            f"{t.name[:1].upper()}{t.name[1:]}: {content.evidence[t.summary.evidence]}"
            for t in sides
            if t and t.summary
        ]
    return [content.evidence[page.evidence]] if page.evidence else []


def topic_menu(content: Content) -> str:
    """ "I can tell you about MMN, IVIg, ... and watchful waiting." """
    return f"{content.prompts['topics_intro']} {spoken_list([t.name for t in content.topics])}."


def facet_menu(content: Content, topic: Topic) -> str:
    offers = [f.menu for f in content.facets if topic.pages(f.id)]
    return f"{content.prompts['facet_menu'].format(topic=topic.name)} {spoken_list(offers)}."


def spoken_list(items: list[str], joiner: str = "and") -> str:
    if len(items) < 2:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} {joiner} {items[1]}"
    return ", ".join(items[:-1]) + f", {joiner} " + items[-1]


def _following(content: Content, place: Place) -> Offer | None:
    """What to offer after the last page at a place: the topic's next facet, or its overview after a question."""
    topic = content.topic(place.topic)
    if topic is None or place.compare is not None:
        return None
    if place.question is not None:
        return Offer(Place(topic.id, OVERVIEW)) if topic.pages(OVERVIEW) else None
    following = content.next_facet(topic, place.facet or "")
    return Offer(Place(topic.id, following.id)) if following else None


def _comparison(content: Content, first_id: str, second_id: str) -> tuple[Page, ...]:
    first, second = content.topic(first_id), content.topic(second_id)
    if first is None or second is None or first.summary is None or second.summary is None:
        return ()
    intro = content.prompts["compare_intro"].format(first=first.name, second=second.name)
    sources = tuple(dict.fromkeys(first.summary.sources + second.summary.sources))
    return (Page(text=f"{intro} {first.summary.text} {second.summary.text}", sources=sources),)


def _title(content: Content, place: Place) -> str:
    topic = content.topic(place.topic)
    if place.compare is not None:
        other = content.topic(place.compare)
        return content.prompts["compare_title"].format(first=topic.title, second=other.title)
    if place.question is not None:
        return content.question(place.question).title
    facet = content.facet(place.facet or "")
    return f"{topic.title}: {facet.title}" if facet else topic.title


def _position(index: int, count: int) -> str:
    return f"Page {index + 1} of {count}" if count > 1 else ""


def _card_lines(content: Content, place: Place, page: Page, index: int, count: int) -> list[str]:
    lines = [page.text]
    if count > 1:
        lines.append(f"{_position(index, count)}.")
    lines.extend(f"Evidence: {statement}" for statement in evidence_statements(content, place, page))
    cited = [content.sources[s].citation() for s in page.sources]
    lines.append(content.prompts["sources_heading"] + ":\n" + "\n".join(f"- {c}" for c in cited))
    return lines
