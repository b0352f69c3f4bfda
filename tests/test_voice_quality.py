"""Every page the skill can say, as a full response: within Alexa's limits, with a reprompt, drug names pronounced."""

from __future__ import annotations

import copy
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import asdict

import pytest
from conftest import fixture

from skill.answers import brand_named, can_compare, page_reply, pages_at
from skill.app import build_skill
from skill.breath import chunks
from skill.content import load_content
from skill.dialog import DialogState, Offer, Place
from skill.gateway import handle_event
from skill.speech import PAUSE, to_plain, to_ssml

MAX_SPEECH_CHARS = 8000
MAX_CARD_CHARS = 8000
MAX_RESPONSE_BYTES = 24 * 1024
DRUG_NAMES = [
    "azathioprine", "cyclophosphamide", "prednisone", "prednisolone", "methylprednisolone", "corticosteroids",
    "immunoglobulin", "mycophenolate", "rituximab", "methotrexate", "ciclosporin", "cyclosporine", "interferon",
    "empasiprubart", "eculizumab", "efgartigimod", "riliprubart", "mercaptopurine", "hyaluronidase", "Gammagard",
    "Kiovig", "Privigen", "Octagam", "Gamunex", "Panzyga", "Flebogamma", "Hizentra", "HyQvia", "Cuvitru", "Imuran",
    "Cytoxan", "Endoxan", "CellCept", "Rituxan", "MabThera", "Soliris", "IVIg", "SCIg",
]  # fmt: skip


def places(content):
    for topic in content.topics:
        for facet_id, pages in topic.facets.items():
            yield from ((Place(topic.id, facet_id), i) for i in range(len(pages)))
    for question in content.questions:
        yield from ((Place(question.topic, question=question.id), i) for i in range(len(question.pages)))
    for first in content.topics:
        for second in content.topics:
            if can_compare(content, first.id, second.id):
                yield Place(first.id, compare=second.id), 0


def read_aloud(skill, locale: str, place: Place, index: int, chunk: int = 0) -> dict:
    """The skill's response when the listener says "yes" to hearing this page (this breath of it)."""
    envelope = fixture("yes")
    envelope["request"]["locale"] = locale
    state = DialogState(offer=Offer(place, index, chunk))
    envelope["session"]["attributes"] = {"dialog": copy.deepcopy(asdict(state))}
    return handle_event(skill, envelope)


@pytest.mark.parametrize("locale", ["en-US", "en-GB", "en-AU"])
def test_every_page_is_a_valid_response_within_alexas_limits(locale):
    content = load_content(locale)
    skill = build_skill()
    count = 0
    for place, index in places(content):
        for chunk, breath in enumerate(chunks(pages_at(content, place)[index].text)):
            response = read_aloud(skill, locale, place, index, chunk)
            body = response["response"]
            where = f"{place} page {index + 1}, breath {chunk + 1}"
            assert breath in to_plain(body["outputSpeech"]["ssml"]), where
            assert to_plain(body["reprompt"]["outputSpeech"]["ssml"]) != content.prompts["ask"], f"{where}: bare"
            assert_within_limits(response, where)
            count += 1
    assert count > 200


def assert_within_limits(response: dict, where: str) -> None:
    body = response["response"]
    ET.fromstring(body["outputSpeech"]["ssml"])
    assert len(body["outputSpeech"]["ssml"]) <= MAX_SPEECH_CHARS, where
    assert len(body["card"]["title"]) + len(body["card"]["content"]) <= MAX_CARD_CHARS, where
    assert len(json.dumps(response).encode("utf-8")) <= MAX_RESPONSE_BYTES, where
    assert body["shouldEndSession"] is False and body["reprompt"]["outputSpeech"]["ssml"], where


@pytest.mark.parametrize("locale", ["en-US", "en-GB"])
def test_every_answer_is_heard_one_breath_at_a_time(locale):
    """Every page of every topic, question and bank answer: what is heard first is its lead, whole sentences and
    at most 30 words, alone before the first pause; each later breath is at most 30 words too."""
    content = load_content(locale)
    for place, index in places(content):
        page = pages_at(content, place)[index]
        said = chunks(page.text)
        first = to_plain(to_ssml(content, *page_reply(content, DialogState(), place, index).parts).split(PAUSE)[0])
        where = f"{place} page {index + 1}"
        if index == 0:
            assert first == said[0] and page.text.startswith(said[0]), where
        assert " ".join(said) == " ".join(page.text.split()), f"{where}: nothing is lost between breaths"
        for breath in said:
            assert len(breath.split()) <= 30 and breath.endswith((".", "?", "!")), f"{where}: {breath}"


def test_drug_names_carry_a_pronunciation_wherever_they_are_said():
    content = load_content()
    texts = [page.text for place, index in places(content) for page in [pages_at(content, place)[index]]]
    texts += list(content.prompts.values())
    missing = set()
    for text in texts:
        ssml = to_ssml(content, text)
        for name in DRUG_NAMES:
            said = len(re.findall(rf"\b{re.escape(name)}\b", text, re.IGNORECASE))
            marked = len(re.findall(rf">{re.escape(name)}</(?:phoneme|sub|say-as)>", ssml, re.IGNORECASE))
            if said != marked:
                missing.add(name)
    assert missing == set(), "add these to lexicon.toml"


@pytest.mark.parametrize("locale", ["en-US", "en-GB", "en-AU"])
def test_no_answer_passes_90_words_with_the_one_shot_disclaimer_and_its_closing_question(locale):
    """Every page as a one-shot answer: the short disclaimer, the page, and the question that closes it."""
    content = load_content(locale)
    for place, index in places(content):
        # The longest thing said before a page: the short disclaimer, and for a treatment with brands, one of them.
        brands = sorted(content.topic(place.topic).brands, key=len)[-1:]
        preface = [content.prompts["disclaimer_short"], *brand_named(content, place, brands)]
        reply = page_reply(content, DialogState(), place, index, preface=preface)
        said = heard_words(to_ssml(content, *reply.parts, reply.question or content.prompts["ask"]))
        assert len(said) <= 90, f"{place} page {index + 1}: {' '.join(said)}"


def heard_words(ssml: str) -> list[str]:
    """The words of the speech as a transcript shows them: each <sub> as its alias, every tag a break,
    so "IVIg." counts as two ("IVIg" and "."), as a simulator that strips tags counts it."""
    text = re.sub(r'<sub[^>]*alias="([^"]*)"[^>]*>.*?</sub>', r"\1 ", ssml)
    return re.sub(r"<[^>]+>", " ", text).split()
