"""SSML rendering: escaping, pronunciation, pauses, and back to plain text."""

from __future__ import annotations

import dataclasses
import re
import tomllib
import xml.etree.ElementTree as ET

import pytest

from skill.content import LexiconEntry, load_content, supported_locales
from skill.content.loader import DATA_DIR
from skill.speech import to_plain, to_ssml

CONTENT = load_content()


def test_special_characters_are_escaped():
    ssml = to_ssml(CONTENT, 'Tom & Jerry <script> "quoted"')
    ET.fromstring(f"<speak>{ssml}</speak>")
    assert "&amp;" in ssml and "&lt;script&gt;" in ssml


def test_parts_are_joined_by_a_pause_of_300_ms_and_empty_parts_dropped():
    assert to_ssml(CONTENT, "One.", "", "Two?") == 'One.<break time="300ms"/>Two?'


def test_longest_lexicon_entry_wins_and_words_inside_others_are_left_alone():
    ssml = to_ssml(CONTENT, "methylprednisolone and prednisolone")
    assert ssml.count("<phoneme") == 2
    assert ">methylprednisolone</phoneme>" in ssml and ">prednisolone</phoneme>" in ssml
    assert "<" not in to_ssml(CONTENT, "immunoglobulinlike")


def test_plain_text_round_trip_keeps_the_written_words():
    text = "IVIg & MMN: ask your neurologist."
    assert to_plain(to_ssml(CONTENT, text)) == text


def _phoneme_symbols(phoneme_set: dict[str, list[str]]) -> re.Pattern[str]:
    """One symbol of the set at a time, longest first ("aɪ" before "a"), or a stress mark, a syllable break, a space."""
    symbols = sorted([*phoneme_set["consonants"], *phoneme_set["vowels"], "ˈ", "ˌ", ".", " "], key=len, reverse=True)
    return re.compile("|".join(map(re.escape, symbols)))


def _spoken_texts(content):
    texts = [page.text for topic in content.topics for pages in topic.facets.values() for page in pages]
    texts += [page.text for question in content.questions for page in question.pages]
    return texts + list(content.prompts.values()) + [entry.text for entry in content.lexicon]


@pytest.mark.parametrize("locale", supported_locales("en"))
def test_every_phoneme_uses_only_the_symbols_of_its_locales_voices(locale):
    with (DATA_DIR / "en" / "phonemes.toml").open("rb") as f:
        sets = tomllib.load(f)
    with (DATA_DIR / "en" / "locales.toml").open("rb") as f:
        symbols = _phoneme_symbols(sets[tomllib.load(f)[locale]["phonemes"]])
    content = load_content(locale)
    rendered = " ".join(to_ssml(content, text) for text in _spoken_texts(content))
    spoken = re.findall(r'<phoneme alphabet="ipa" ph="([^"]*)">', rendered)
    assert len(set(spoken)) == sum(1 for entry in content.lexicon if entry.ipa)
    assert [ph for ph in spoken if symbols.sub("", ph)] == []


def test_british_english_voices_hear_british_pronunciations():
    american, british = (to_ssml(load_content(locale), "cyclophosphamide") for locale in ("en-US", "en-GB"))
    assert 'ph="ˌsaɪkləˈfɑsfəˌmaɪd"' in american
    assert 'ph="ˌsaɪkləʊˈfɒsfəmaɪd"' in british
    assert (
        to_ssml(load_content("en-AU"), "cyclophosphamide")
        == british
        == to_ssml(load_content("en-IN"), "cyclophosphamide")
    )
    assert to_ssml(load_content("en-CA"), "cyclophosphamide") == american


def test_characters_xml_forbids_are_dropped_and_the_rest_kept():
    said = "tab\there\nline\rcr null\x00 esc\x1b lone\ud800 surrogate \ufffe\uffff end é 😀"
    ssml = to_ssml(CONTENT, said)
    ET.fromstring(f"<speak>{ssml}</speak>")
    assert ssml == "tab\there\nline\rcr null esc lone surrogate  end é 😀"


def _with_lexicon(*entries: LexiconEntry):
    return dataclasses.replace(CONTENT, lexicon=entries)


def test_quotes_in_an_alias_or_ipa_are_escaped_inside_the_attribute():
    content = _with_lexicon(LexiconEntry("Zed", alias='say "zed" & <more>'), LexiconEntry("Quux", ipa='kw"ʊks'))
    ssml = to_ssml(content, "Zed and Quux")
    assert ssml == (
        '<sub alias="say &quot;zed&quot; &amp; &lt;more&gt;">Zed</sub> and '
        '<phoneme alphabet="ipa" ph="kw&quot;ʊks">Quux</phoneme>'
    )
    ET.fromstring(f"<speak>{ssml}</speak>")


def test_the_longer_of_two_entries_starting_at_the_same_word_wins():
    content = _with_lexicon(LexiconEntry("Gammagard", alias="short"), LexiconEntry("Gammagard Liquid", alias="long"))
    assert to_ssml(content, "Gammagard Liquid") == '<sub alias="long">Gammagard Liquid</sub>'
    assert to_ssml(content, "Gammagard") == '<sub alias="short">Gammagard</sub>'


def test_say_as_keeps_the_written_form_and_case_of_what_was_written():
    content = _with_lexicon(LexiconEntry("MMN", say_as="characters"))
    assert to_ssml(content, "mmn") == '<say-as interpret-as="characters">mmn</say-as>'
    assert to_plain(to_ssml(content, "MMN & you")) == "MMN & you"


def test_a_content_without_a_lexicon_speaks_its_text_as_written():
    assert to_ssml(_with_lexicon(), "IVIg & MMN") == "IVIg &amp; MMN"
