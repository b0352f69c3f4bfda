"""What to say from the content: the page at a place, a chunk at a time, what to offer next, comparisons, and
the menus.

Picks pages from the content and updates the dialog state; it never holds
medical text of its own. A page is said one breath at a time (``breath.py``):
its lead first, then "Want to hear more about ...?"; a menu names at most
three things.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .breath import chunks, sentences
from .content import Content, Page, Topic
from .content.loader import page_ref
from .content.model import PageRef
from .dialog import MAX_HISTORY, DialogState, Offer, Place
from .reply import Reply
from .screen import Screen
from .speech import to_plain
from .understanding.ranker import ranker
from .understanding.replies import replies
from .understanding.words import words

OVERVIEW = "overview"
SIDE_EFFECTS = "side_effects"
WHEN_USED = "when_used"
MOST_SAID = 3  # items a spoken list names before "and more"


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
    if place.compare is not None:
        first, second = content.topic(place.topic), content.topic(place.compare)
        return content.prompts["compare_about"].format(first=first.name, second=second.name)
    facet = content.facet(place.facet or "")
    if facet is None:
        return _title(content, place)
    return facet.about.format(topic=content.topic(place.topic).name)


def subject_of(content: Content, place: Place | None) -> str | None:
    """What the answer at ``place`` is about, in the fewest words a question can stand on: "IVIg" for its overview,
    "IVIg and steroid treatment" for a comparison, else what the place is about ("the side effects and risks of
    IVIg")."""
    if place is None or content.topic(place.topic) is None:
        return None
    if place.compare is not None:
        return spoken_list([content.topic(place.topic).name, content.topic(place.compare).name])
    if place.facet == OVERVIEW and place.question is None:
        return content.topic(place.topic).name
    return place_about(content, place)


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


def stated(content: Content, text: str) -> str | None:
    """The treatment ``text`` says someone is on, asking nothing ("my husband is on Hizentra at home", "she's on her
    drip now": a word the content folds to one of its names is that name), else None."""
    said, asks = replies(content.locale), ranker(content.locale).terms
    found = [t for t in content.topics if t.summary and said.states(text, _names(content, t), asks)]
    return found[0].id if len(found) == 1 else None


def _names(content: Content, topic: Topic) -> tuple[str, ...]:
    """A treatment's names; of one given by infusion (it has brands), also the words folded to them ("drip")."""
    names = (topic.name, *topic.synonyms, *topic.brands)
    folded = content.vocabulary.fold if content.vocabulary and topic.brands else {}
    own = {name.lower() for name in names}
    return (*names, *(word for word, to in folded.items() if to in own))


def stated_reply(content: Content, state: DialogState, topic_id: str, text: str) -> Reply:
    """ "Okay, Hizentra, given under the skin. What would you like to know about it?": the treatment stated, by the
    name said, becomes the subject; what was open before (an offer, a choice, a page) is not. Told with where its
    infusion is ("she just finished her drip"), the few words say so, and the page on what to watch for then follows;
    the treatment stays the subject."""
    topic = content.topic(topic_id)
    name = name_said(content, topic, text)
    read, prompts = replies(content.locale), content.prompts
    going = read.infusion_state(text)
    pointer = read.state_pages.get(f"{topic_id}.{going}") if going else None
    state.reset()
    if pointer is not None:
        ref = page_ref(pointer)
        reply = page_reply(
            content,
            state,
            place_of(ref),
            ref.page,
            preface=[prompts[f"stated_{going}"].format(name=name)],
            answer_first=True,
        )
        state.topic, state.unanswered = topic_id, None
        return reply
    given = read.stated_given.get(topic_id)
    said = prompts["stated_given"].format(name=name, given=given) if given else prompts["stated"].format(name=name)
    state.topic, state.answered, state.unanswered = topic_id, f"stated:{topic_id}", None
    return Reply([said], question=prompts["stated_ask"])


def name_said(content: Content, topic: Topic, text: str) -> str:
    """The treatment as ``text`` names it, written as the content writes it: a brand ("Hizentra"); of a treatment
    without brands, a drug or a name its title or overview writes ("methotrexate" of the other immune drugs,
    "prednisone" of steroid treatment), the longest said; else the treatment's name."""
    heard = f" {' '.join(words(text))} "
    brand = next((brand for brand in topic.brands if f" {' '.join(words(brand))} " in heard), None)
    if brand is not None or topic.brands:
        return brand or topic.name
    written = " ".join([topic.title, *(page.text for page in topic.pages(OVERVIEW))])
    for synonym in sorted(topic.synonyms, key=len, reverse=True):
        found = re.search(rf"\b{re.escape(synonym)}\b", written, re.IGNORECASE)
        if found and f" {' '.join(words(synonym))} " in heard:
            return found.group(0)
    return topic.name


def treatments_named(content: Content, text: str) -> list[str]:
    """The treatments ``text`` names, by name or brand, in the order it first names them. Not by synonym: some are
    common words ("trials" for treatments in research)."""
    where: dict[str, int] = {}
    for topic in (t for t in content.topics if t.summary):
        found = [m.start() for n in (topic.name, *topic.brands) for m in re.finditer(rf"\b{re.escape(n)}\b", text)]
        if found:
            where[topic.id] = min(found)
    return sorted(where, key=where.__getitem__)


def can_compare(content: Content, first: str, second: str) -> bool:
    return first != second and bool(_comparison(content, first, second))


def page_reply(
    content: Content,
    state: DialogState,
    place: Place,
    index: int = 0,
    chunk: int = 0,
    *,
    preface: list[str] | None = None,
    short: bool = False,
    shortest: bool = False,
    retrace: bool = False,
    answer_first: bool = False,
) -> Reply:
    """Say chunk ``chunk`` of page ``index`` at ``place`` and offer what naturally comes next.

    ``short``: the lead only, then the next subject rather than the rest ("just the short version").
    ``shortest``: shorter than the lead, for a listener who just heard it: the page's plain form where it has one
    ("in simple words"), else its first sentence, or, when the lead is one sentence or the same words were just
    said, that it was the short version.
    ``retrace``: going back, so the history is not added to.
    ``answer_first``: the page answers what was just told, so its words come before where the listener is."""
    pages = pages_at(content, place)
    index = min(max(index, 0), len(pages) - 1)
    page = pages[index]
    said = list(chunks(page.text))
    chunk = min(max(chunk, 0), len(said) - 1)
    if shortest:
        shorter = (page.plain if chunk == 0 else None) or _shorter(content, said[chunk])
        # Asked again ("say it simpler" twice): not the same words a second time.
        heard = to_plain(state.last.speech) if state.last else ""
        again = shorter in heard and said[chunk] not in heard
        said[chunk] = content.prompts["already_short"] if again else shorter
    state.topic, state.facet, state.place, state.page, state.chunk = place.topic, place.facet, place, index, chunk
    state.answered, state.choices, state.reading = label(place, index), (), True
    state.offer = _following(content, place) if short else next_offer(content, place, index, chunk)
    if not retrace:
        _remember(state, Offer(place, index, chunk))
    title = _title(content, place)
    return Reply(
        parts=[*(preface or []), *_where(content, index, chunk, len(pages), short, said[chunk], answer_first)],
        question=closing_question(content, state),
        card_title=title,
        card_lines=_card_lines(content, place, page, index, len(pages)),
        screen=Screen(
            title=title,
            position=_position(index, len(pages)),
            sources="; ".join(content.sources[s].named() for s in page.sources),
        ),
    )


def next_offer(content: Content, place: Place, index: int, chunk: int = 0) -> Offer | None:
    """What comes after chunk ``chunk`` of page ``index`` at ``place``: the page's next chunk, its next page, else
    the topic's next facet."""
    pages = pages_at(content, place)
    if index < len(pages) and chunk + 1 < len(chunks(pages[index].text)):
        return Offer(place, index, chunk + 1)
    if index + 1 < len(pages):
        return Offer(place, index + 1)
    return _following(content, place)


def closing_question(content: Content, state: DialogState) -> str:
    """The question that ends a turn on what the listener is on: the pending offer, or what else they want."""
    place = state.place
    if place is None or place.compare is None:
        return offer_question(content, state.offer, state.topic)
    if state.offer is None:
        sides = [content.topic(place.topic).name, content.topic(place.compare).name]
        return content.prompts["ask_about"].format(topic=spoken_list(sides, "or"))
    return offer_question(content, state.offer)


def offer_question(content: Content, offer: Offer | None, topic_id: str | None = None) -> str:
    """The question that ends a turn, naming what is on offer: more of the same answer, or the next subject.
    ``topic_id`` is the one topic the listener is on (none in a comparison): a facet of it is offered as "it",
    and with nothing on offer, the question asks what else they want to know about it."""
    prompts = content.prompts
    topic = content.topic(offer.place.topic if offer else topic_id or "")
    if offer is None or topic is None:
        return prompts["ask_about"].format(topic=topic.name) if topic else prompts["ask"]
    place = offer.place
    if offer.page > 0 or offer.chunk > 0:
        about = topic.name if place.facet == OVERVIEW and place.question is None else place_about(content, place)
        return prompts["offer_more"].format(about=about)
    facet = content.facet(place.facet or "")
    if facet is None:
        return prompts["ask_about"].format(topic=topic.name)
    named = facet.offer if topic.id == topic_id else facet.about
    return prompts["offer_facet"].format(facet=named.format(topic=topic.name))


def previous_mark(state: DialogState) -> Offer | None:
    """What was read before the answer the listener is on ("go back"), dropping that answer from the history;
    the page last read when the last turn said something else (help, a safety answer, "how sure is that?")."""
    history = list(state.history)
    if history and state.was_reading:
        history.pop()
    state.history = tuple(history)
    return history[-1] if history else None


def mark_before(state: DialogState, score: Callable[[Offer], int]) -> Offer | None:
    """The latest place read before the answer the listener is on that ``score`` rates highest, above nothing ("go
    back to what you said about IVIg": about it; "back to the headaches": the most of those words); None when none
    read before rates at all."""
    now = Offer(state.place, state.page, state.chunk) if state.was_reading and state.place else None
    found = max((m for m in reversed(state.history) if m != now), key=score, default=None)
    return found if found is not None and score(found) > 0 else None


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


def facet_menu(content: Content, topic: Topic) -> str:
    """ "For SCIg, I can tell you an overview, how it works, how well it works, and more." """
    offers = [f.menu for f in content.facets if topic.pages(f.id)]
    return f"{content.prompts['facet_menu'].format(topic=topic.name)} {spoken_list(offers, content=content)}."


def spoken_list(items: list[str], joiner: str = "and", *, content: Content | None = None) -> str:
    """ "a, b, and c". Given the content, a longer list names three and then says "and more"."""
    if content is not None and len(items) > MOST_SAID:
        return ", ".join(items[:MOST_SAID]) + f", {content.prompts['and_more']}"
    if len(items) < 2:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} {joiner} {items[1]}"
    return ", ".join(items[:-1]) + f", {joiner} " + items[-1]


def _following(content: Content, place: Place) -> Offer | None:
    """What to offer after the last page at a place: the topic's next facet, or its overview after a question."""
    topic = content.topic(place.topic)
    if topic is None:
        return None
    if place.compare is not None:
        # After a comparison: when doctors use the first, which is what "which one is better" comes down to.
        return Offer(Place(topic.id, WHEN_USED)) if topic.pages(WHEN_USED) else None
    if place.question is not None:
        return Offer(Place(topic.id, OVERVIEW)) if topic.pages(OVERVIEW) else None
    following = content.next_facet(topic, place.facet or "")
    return Offer(Place(topic.id, following.id)) if following else None


def _comparison(content: Content, first_id: str, second_id: str) -> tuple[Page, ...]:
    """A comparison in two parts, one for each side, so no breath mixes the two."""
    first, second = content.topic(first_id), content.topic(second_id)
    if first is None or second is None or first.summary is None or second.summary is None:
        return ()
    intro = content.prompts["compare_intro"].format(first=first.name, second=second.name)
    return (
        Page(text=f"{intro} {first.summary.text}", sources=first.summary.sources),
        Page(text=second.summary.text, sources=second.summary.sources),
    )


def _title(content: Content, place: Place) -> str:
    topic = content.topic(place.topic)
    if place.compare is not None:
        other = content.topic(place.compare)
        return content.prompts["compare_title"].format(first=topic.title, second=other.title)
    if place.question is not None:
        return content.question(place.question).title
    facet = content.facet(place.facet or "")
    return f"{topic.title}: {facet.title}" if facet else topic.title


def _remember(state: DialogState, mark: Offer) -> None:
    """Add what is read now to the history for "go back", unless it is what the history ends with."""
    if not state.history or state.history[-1] != mark:
        history = (*state.history, mark)
        state.history = history[-MAX_HISTORY:]
        if state.advice is not None:
            # The places the history lets go of were before the safety advice too.
            state.advice.at = max(state.advice.at - (len(history) - len(state.history)), 0)


def _where(
    content: Content, index: int, chunk: int, count: int, short: bool, said: str, answer_first: bool = False
) -> list[str]:
    """``said``, with where the listener is in an answer of several parts as each part begins: after the lead of
    the first ("That's the first of three parts."), so the answer comes first; before the others ("Part two of
    three."), unless ``answer_first`` (a page read as the answer to a statement: its safety words in the first
    breath, clinical review 14, W3)."""
    numbers = content.prompts["numbers"].split(", ")
    if count < 2 or chunk > 0 or short or count > len(numbers):
        return [said]
    if index == 0:
        return [said, content.prompts["first_part"].format(count=numbers[count - 1])]
    where = content.prompts["part"].format(number=numbers[index], count=numbers[count - 1])
    return [said, where] if answer_first else [where, said]


def _shorter(content: Content, lead_said: str) -> str:
    """The lead in fewer words: its first sentence and any later one that carries a safety point or a "not" (a
    serious risk, a call, "not recommended"), which a shorter form must keep; "That was already the short version."
    when that is all of it."""
    first, *rest = sentences(lead_said)
    kept = [first, *(s for s in rest if set(words(s)) & replies(content.locale).keeps_short)]
    return " ".join(kept) if len(kept) <= len(rest) else content.prompts["already_short"]


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
