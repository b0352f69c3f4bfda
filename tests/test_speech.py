"""SSML rendering: escaping, pronunciation, pauses, and back to plain text."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from skill.content import load_content
from skill.speech import PAUSE, to_plain, to_ssml

CONTENT = load_content()


def test_special_characters_are_escaped():
    ssml = to_ssml(CONTENT, 'Tom & Jerry <script> "quoted"')
    ET.fromstring(f"<speak>{ssml}</speak>")
    assert "&amp;" in ssml and "&lt;script&gt;" in ssml


def test_parts_are_joined_by_a_pause_and_empty_parts_dropped():
    assert to_ssml(CONTENT, "One.", "", "Two?") == f"One.{PAUSE}Two?"


def test_longest_lexicon_entry_wins_and_words_inside_others_are_left_alone():
    ssml = to_ssml(CONTENT, "methylprednisolone and prednisolone")
    assert ssml.count("<phoneme") == 2
    assert ">methylprednisolone</phoneme>" in ssml and ">prednisolone</phoneme>" in ssml
    assert "<" not in to_ssml(CONTENT, "immunoglobulinlike")


def test_plain_text_round_trip_keeps_the_written_words():
    text = "IVIg & MMN: ask your neurologist."
    assert to_plain(to_ssml(CONTENT, text)) == text
