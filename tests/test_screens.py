"""Screens: a device whose APL runtime renders the document gets the turn on screen, a sentence a line, each brought
into view and lit as it is said while the speech stays the response's own, with the closing question in view, a hint,
and choices numbered; layouts fit the small and the round hubs; nothing on stop, cancel or goodbye; devices without
APL, or with too old a runtime, hear the same speech and see nothing."""

from __future__ import annotations

import copy
import json
import re
import subprocess
from pathlib import Path

import conftest
import pytest
from apl import DEFAULT_LINE_HEIGHT, DEVICES, dimension, render, timeline
from conftest import Conversation, fixture, speech_of

from skill.breath import lead
from skill.gateway import handle_event
from skill.screen import DOCUMENT, TOKEN
from skill.speech import to_plain

RENDER = "Alexa.Presentation.APL.RenderDocument"
WORDS_PER_SECOND = 2.6  # Alexa's normal rate, as the issue measures it
YELLOW, WHITE = "#FFD54F", "#FFFFFF"
SUGGESTER = Path(__file__).parent / "apl_suggester"
# Free text that the ranker answers with "Do you mean ... or ...?" (the first that does is used).
CLARIFIED = [
    "any side effects",
    "what about driving",
    "can i go six weeks between infusions instead of four",
    "is ivig safe",
    "what are the side effects of ivig",
    "does ivig work for mmn",
    "how will the doctor know if the ivig is doing anything",
    "tell me about the drip they give for mmn",
    "the nurse couldn't find a vein again",
    "will i need ivig this often forever",
]


def _directives(response: dict, kind: str) -> list[dict]:
    return [d for d in response["response"].get("directives", []) if d["type"] == kind]


def _shown(response: dict, device: str = "Echo Show"):
    """The document of ``response`` inflated on ``device``, with its data bound."""
    (directive,) = _directives(response, RENDER)
    assert directive["token"] == TOKEN
    root, _ = render(directive["document"], directive["datasources"], device)
    return root


def _text(root, component_id: str) -> str | None:
    node = root.find(component_id)
    return node.props["text"] if node else None


def _said(root) -> list[str]:
    """What is said, as the screen's lines."""
    return [line.props["text"] for line in root.find("said").children]


def _with_apl(envelope: dict, max_version: str | None) -> dict:
    runtime = {"runtime": {"maxVersion": max_version}} if max_version else {}
    envelope["context"]["System"]["device"]["supportedInterfaces"] = {"Alexa.Presentation.APL": runtime}
    return envelope


def _without_screen(envelope: dict) -> dict:
    envelope["context"]["System"]["device"]["supportedInterfaces"] = {}
    envelope["context"].pop("Viewports", None)
    envelope["context"].pop("Viewport", None)
    return envelope


def _clarified(skill) -> tuple[Conversation, dict]:
    """A conversation whose last turn asked "Do you mean ... or ...?", and that turn."""
    for text in CLARIFIED:
        conversation = Conversation(skill)
        conversation.send("launch_request")
        response = _ask(conversation, text)
        if speech_of(response).startswith("Do you mean"):
            return conversation, response
    pytest.fail(f"none of {CLARIFIED} was clarified")


def _ask(conversation: Conversation, text: str) -> dict:
    envelope = fixture("question_free_text")
    envelope["request"]["intent"]["slots"]["question"]["value"] = text
    envelope["request"]["intent"]["slots"]["question"]["slotValue"]["value"] = text
    envelope["session"]["new"] = False
    envelope["session"]["attributes"] = copy.deepcopy(conversation.attributes)
    response = handle_event(conversation.skill, envelope)
    conversation.attributes = response.get("sessionAttributes") or {}
    conversation.responses.append(response)
    return response


# Conversations that leave the listener's record as it was: a rate change stays in its session, which stays open.
CONVERSATIONS = [
    [
        ("launch_request", None),
        ("side_effects_cyclophosphamide", None),
        ("next", None),
        ("help", "SlowerIntent"),
        ("repeat", None),
        ("help", None),
    ],
    [("emergency", None)],
]


@pytest.mark.parametrize("steps", CONVERSATIONS)
def test_a_screen_changes_nothing_that_is_said(skill, monkeypatch, steps):
    """The same conversation on a Show and on a speaker: every turn's speech, reprompt, card and ending are the
    same; the Show only adds the document, and no command that speaks."""
    show, speaker = Conversation(skill), Conversation(skill)
    on_show = [show.send(name, intent=intent) for name, intent in steps]
    plain = conftest.fixture
    monkeypatch.setattr(conftest, "fixture", lambda name: _without_screen(plain(name)))
    on_speaker = [speaker.send(name, intent=intent) for name, intent in steps]
    for (name, _), shown, heard in zip(steps, on_show, on_speaker, strict=True):
        body = shown["response"]
        assert [d["type"] for d in body.get("directives", [])] == [RENDER], name
        assert "outputSpeech" in body and body["outputSpeech"] == heard["response"]["outputSpeech"], name
        rest = {k: v for k, v in body.items() if k != "directives"}
        assert rest == heard["response"], name
    paced = [r["response"]["outputSpeech"]["ssml"] for r in on_show[4:]]
    assert all('<prosody rate="90%">' in ssml for ssml in paced), "the speech is paced as ever"


def _lines_in_step(response: dict) -> tuple[list[str], list[tuple[float, list]]]:
    """The screen's lines, and each time the onMount commands act: (second, [(command, index)...])."""
    (directive,) = _directives(response, RENDER)
    root, _ = render(directive["document"], directive["datasources"], "Echo Show 5")
    events, _ = timeline(directive["document"]["onMount"])
    acts: dict[float, list] = {}
    for at, command in events:
        assert command["componentId"] == "said", command
        index = command["index"] if command["type"] == "ScrollToIndex" else command["value"]
        acts.setdefault(at, []).append((command["type"], command.get("property"), index))
    return _said(root), sorted(acts.items())


def _words_before(lines: list[str]) -> list[int]:
    return [sum(len(line.split()) for line in lines[:index]) for index in range(len(lines))]


def test_each_line_comes_into_view_lit_as_it_is_said(conversation, content):
    response = conversation.send("side_effects_cyclophosphamide")
    lines, acts = _lines_in_step(response)
    assert " ".join(
        [*lines, content.prompts["offer_more"].format(about="the side effects and risks of cyclophosphamide")]
    ) == speech_of(response), "the lines are what is said"
    assert len(lines) >= 3
    # Every line, in order, each at a later moment: scrolled to the top and lit together.
    assert [steps for _, steps in acts] == [
        [("ScrollToIndex", None, index), ("SetValue", "lit", index)] for index in range(len(lines))
    ]
    times = [at for at, _ in acts]
    assert times[0] == 0 and all(a < b for a, b in zip(times, times[1:], strict=False))
    # About 2.6 words a second, and the pauses between sentences and parts (at most 300 ms each at this rate).
    for index, (at, words) in enumerate(zip(times, _words_before(lines), strict=True)):
        assert words / WORDS_PER_SECOND <= at <= words / WORDS_PER_SECOND + 0.3 * index + 0.01, index
    (directive,) = _directives(response, RENDER)
    for lit in (0, len(lines) - 1):
        root, _ = render(directive["document"], directive["datasources"], "Echo Show", {"said": {"lit": lit}})
        colours = [line.props["color"] for line in root.find("said").children]
        assert colours == [YELLOW if index == lit else WHITE for index in range(len(lines))]
    unlit, _ = render(directive["document"], directive["datasources"], "Echo Show")
    assert {line.props["color"] for line in unlit.find("said").children} == {WHITE}, "nothing lit before speech"


def test_a_slower_listener_sees_each_line_later(skill):
    usual, slow = Conversation(skill), Conversation(skill)
    usual.send("launch_request")
    _, normal = _lines_in_step(usual.send("side_effects_cyclophosphamide"))
    slow.send("launch_request")
    for _ in range(4):
        slow.send("help", intent="SlowerIntent")
    response = slow.send("side_effects_cyclophosphamide")
    assert '<prosody rate="60%">' in response["response"]["outputSpeech"]["ssml"]
    lines, acts = _lines_in_step(response)
    assert len(acts) == len(normal) == len(lines)
    for index, ((at, _), (sooner, _), words) in enumerate(zip(acts, normal, _words_before(lines), strict=True)):
        assert at >= words / (WORDS_PER_SECOND * 0.6), index
        if index:
            assert at > sooner, index


@pytest.mark.parametrize("device", DEVICES)
def test_every_hub_shows_the_page_its_place_the_question_and_a_hint(conversation, content, device):
    response = conversation.send("side_effects_cyclophosphamide")
    root = _shown(response, device)
    topic = content.topic("cyclophosphamide")
    page = topic.pages("side_effects")[0]
    assert _text(root, "title") == response["response"]["card"]["title"]
    assert _text(root, "position") == f"Page 1 of {len(topic.pages('side_effects'))}"
    assert lead(page.text) in " ".join(_said(root)), "what is said of the page: its first breath"
    assert _text(root, "question") == content.prompts["offer_more"].format(
        about="the side effects and risks of cyclophosphamide"
    )
    assert "more" in _text(root, "hint")
    names = "; ".join(content.sources[s].named() for s in page.sources)
    small = device in ("Echo Spot", "Echo Show 5")
    assert _text(root, "sources") == (None if small else names), "small screens keep the room for what is said"


@pytest.mark.parametrize("device", DEVICES)
def test_choices_are_numbered_lines_and_the_second_can_be_picked(skill, content, device):
    conversation, response = _clarified(skill)
    first, second = re.fullmatch(r".*Do you mean (.+), or (.+)\?", speech_of(response)).groups()
    root = _shown(response, device)
    lines = [node.props["text"] for node in root.find("choices").children]
    assert lines == [f"1. {first}", f"2. {second}"]
    assert "the first" in _text(root, "hint") and "the second" in _text(root, "hint")
    assert _text(root, "question") == f"Do you mean {first}, or {second}?"
    picked = _ask(conversation, "the second")
    assert not speech_of(picked).startswith("Do you mean")
    assert not _shown(picked, device).find("choices").children


@pytest.mark.parametrize("device", DEVICES)
def test_each_layout_fits_its_screen(conversation, device):
    """What stays in view (title, place, choices, question, hint, sources) leaves at least three lines for what
    is said, which scrolls; on the round screen, text stays inside the circle's inner square."""
    _, response = _clarified(conversation.skill)
    directive = _directives(response, RENDER)[0]
    directive["datasources"]["page"]["properties"]["position"] = "Page 1 of 4"
    directive["datasources"]["page"]["properties"]["sources"] = "Cochrane 2005; EFNS/PNS 2010; FDA label 2023"
    directive["datasources"]["page"]["properties"]["said"] = ["What is said."]
    root, viewport = render(directive["document"], directive["datasources"], device)
    frame = root.children[0]
    fixed = dimension(frame.props["paddingTop"], viewport, "height") + dimension(
        frame.props["paddingBottom"], viewport, "height"
    )
    for node, in_scroll in root.walk():
        if node.type == "Text" and not in_scroll:
            assert "maxLines" in node.props, f"{node.props.get('id')} could grow past the screen"
            line = dimension(node.props["fontSize"], viewport) * node.props.get("lineHeight", DEFAULT_LINE_HEIGHT)
            fixed += line * node.props["maxLines"] + dimension(node.props.get("paddingTop", 0), viewport, "height")
        elif node.type in ("ScrollView", "Sequence", "Container") and node is not frame:
            fixed += dimension(node.props.get("paddingTop", 0), viewport, "height")
    (said,) = root.find("said").children
    said_line = dimension(said.props["fontSize"], viewport) * said.props["lineHeight"]
    assert viewport["height"] - fixed >= 3 * said_line, f"{device}: {viewport['height'] - fixed:.0f} dp left"
    if viewport["shape"] == "round":
        inset = (1 - 2**-0.5) / 2 * viewport["width"]
        assert dimension(frame.props["paddingLeft"], viewport) >= inset
        assert dimension(frame.props["paddingTop"], viewport, "height") >= inset * 0.8
        assert said.props["textAlign"] == "center"


def test_text_is_large_and_high_contrast_everywhere(conversation):
    response = conversation.send("side_effects_cyclophosphamide")
    for device in DEVICES:
        directive = _directives(response, RENDER)[0]
        root, viewport = render(directive["document"], directive["datasources"], device)
        assert root.props["backgroundColor"] == "#000000"
        for node, _ in root.walk():
            if node.type == "Text":
                assert node.props["color"] in ("#FFFFFF", "#FFD54F", "#E0E0E0"), node.props.get("id")
        for line in root.find("said").children:
            assert dimension(line.props["fontSize"], viewport) >= 28, device


def test_stop_cancel_and_goodbye_show_nothing(skill):
    for name in ("stop", "cancel"):
        response = handle_event(skill, fixture(name))
        assert not response["response"].get("directives"), name
        assert response["response"]["outputSpeech"] and response["response"]["shouldEndSession"] is True


def test_the_emergency_answer_is_on_screen_with_its_offer_to_say_it_again(conversation, content):
    response = conversation.send("emergency")
    body = response["response"]
    assert body["shouldEndSession"] is False
    said = to_plain(body["outputSpeech"]["ssml"])
    question = content.red_flags.follow_up["again"]
    assert " ".join([*_said(_shown(response)), question]) == said and said.startswith("Call 911 now.")
    assert _text(_shown(response), "question") == question


@pytest.mark.parametrize(
    "max_version, shown",
    [("2024.2", True), ("1.8", True), ("1.7", False), ("1.0", False), (None, False), ("next", False)],
)
def test_only_a_runtime_that_renders_the_document_gets_it(skill, max_version, shown):
    response = handle_event(skill, _with_apl(fixture("side_effects_cyclophosphamide"), max_version))
    assert bool(_directives(response, RENDER)) is shown
    assert "cyclophosphamide" in speech_of(response).lower()


def test_devices_without_apl_never_get_a_document(skill):
    for name in ("launch_request", "side_effects_cyclophosphamide", "help", "emergency", "stop"):
        response = handle_event(skill, _without_screen(fixture(name)))
        assert not response["response"].get("directives"), name
        assert response["response"]["outputSpeech"]


@pytest.mark.parametrize("again", [("repeat", None), ("help", "SlowerIntent")])
def test_repeat_and_slower_show_the_page_again_in_step(conversation, again):
    conversation.send("side_effects_cyclophosphamide")
    conversation.send("next")
    first = conversation.responses[-1]
    response = conversation.send(again[0], intent=again[1])
    shown, before = _shown(response), _shown(first)
    for component in ("title", "position", "sources", "question"):
        assert _text(shown, component) == _text(before, component), component
    lines = _said(shown)
    assert lines[-len(_said(before)) :] == _said(before) and " ".join(lines) in speech_of(response)
    assert _lines_in_step(response)[1], "the lines are lit as they are said again"


def test_a_conversation_on_a_show_keeps_the_screen_in_step(skill):
    conversation = Conversation(skill)
    conversation.send("side_effects_cyclophosphamide")
    first = _shown(conversation.responses[-1])
    while conversation.attributes["dialog"]["offer"]["page"] == 0:
        conversation.send("next")
    second = _shown(conversation.send("next"))
    assert _text(first, "position").startswith("Page 1") and _text(second, "position").startswith("Page 2")
    assert _said(first) != _said(second)


def _validate(*documents: Path) -> dict[str, list]:
    """Amazon's APL validator (npm apl-suggester, installed by scripts/bootstrap.sh test) on ``documents``."""
    assert (SUGGESTER / "node_modules" / "apl-suggester").is_dir(), "run scripts/bootstrap.sh test (needs npm)"
    result = subprocess.run(
        ["node", str(SUGGESTER / "validate.js"), *map(str, documents)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_apls_own_validator_finds_nothing_wrong_with_the_document(conversation, tmp_path):
    """The document as checked in, and as sent (with the onMount commands that keep it in step)."""
    (directive,) = _directives(conversation.send("side_effects_cyclophosphamide"), RENDER)
    sent = tmp_path / "sent.json"
    sent.write_text(json.dumps(directive["document"]))
    broken = copy.deepcopy(directive["document"])
    (line,) = broken["mainTemplate"]["items"][0]["item"]["items"][2]["items"]
    line["fontSize"] = "large"  # a planted fault, so a validator that checks nothing fails this test
    planted = tmp_path / "broken.json"
    planted.write_text(json.dumps(broken))
    found = _validate(DOCUMENT, sent, planted)
    assert found[str(DOCUMENT)] == [] and found[str(sent)] == []
    assert any(f["path"].endswith("/fontSize") for f in found[str(planted)])
