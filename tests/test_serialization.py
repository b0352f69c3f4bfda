"""Writing responses faster changes no byte of them, and the savings stay in place (issue 18, section 4).

The skill writes its responses with ``skill.serialization.SkillSerializer``, the screen's commands as plain
JSON and its document shared by every response, and saves the dialog state without ``dataclasses.asdict``'s
deep copies. Here every fixture in every locale is answered with each of those and with the plain way they
replace (the SDK's own serializer, the SDK's command models, ``asdict``), and the answers compared byte for
byte, key order included. No timing is asserted.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import random

import pytest
from ask_sdk_core import attributes_manager
from ask_sdk_core.attributes_manager import AttributesManager
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import IntentRequest, LaunchRequest, RequestEnvelope
from ask_sdk_model.interfaces.alexa.presentation.apl import (
    Align,
    ParallelCommand,
    ScrollToIndexCommand,
    SequentialCommand,
    SetValueCommand,
)

from eval_tools.answer_set import envelopes
from skill import dialog, screen, speech
from skill.app import build_skill
from skill.content import LexiconEntry, load_content
from skill.dialog import Advice, DialogState, LastReply, Offer, Place
from skill.gateway import SessionAttributes, handle_event, read_envelope
from skill.serialization import SkillSerializer, as_dict

FIXTURE_SET = {name: envelope for name, envelope in envelopes().items() if " corpus " not in name}


def _models_in_step(said, rate):
    """The screen's commands as they were written before: the SDK's models, serialized by the SDK."""
    steps = [
        SequentialCommand(
            delay=round(start * 1000),
            commands=[
                ScrollToIndexCommand(component_id=screen.SAID, index=index, align=Align.first),
                SetValueCommand(component_id=screen.SAID, object_property=screen.LIT, value=index),
            ],
        )
        for index, start in enumerate(screen._starts(said, rate))
    ]
    return [DefaultSerializer().serialize(ParallelCommand(commands=steps))]


def _answers(skill) -> dict[str, str]:
    # Not sorted: the keys' order is part of the bytes sent.
    return {name: json.dumps(handle_event(skill, copy.deepcopy(env))) for name, env in FIXTURE_SET.items()}


def test_every_answer_is_byte_for_byte_what_the_sdks_plain_way_writes(monkeypatch):
    fast = _answers(build_skill())
    plain_skill = build_skill()
    plain_skill.serializer = DefaultSerializer()
    monkeypatch.setattr(screen, "_in_step", _models_in_step)
    monkeypatch.setattr(dialog, "as_dict", dataclasses.asdict)
    plain = _answers(plain_skill)
    assert len(fast) > 100
    assert fast == plain
    assert any("onMount" in answer for answer in fast.values()), "the set includes turns shown on a screen"


def test_the_serializer_writes_what_the_sdks_does_for_every_kind_of_value():
    skill = build_skill()
    assert isinstance(skill.serializer, SkillSerializer)
    envelope = read_envelope(skill, FIXTURE_SET["en-US side_effects_cyclophosphamide"])
    response = skill.invoke(request_envelope=envelope, context=None)
    for value in (response, {"a": (1, 2.5, None, True)}, [Align.first], "text", None):
        assert json.dumps(SkillSerializer().serialize(value)) == json.dumps(DefaultSerializer().serialize(value))


def test_the_screens_document_is_shared_not_copied_on_every_turn():
    skill = build_skill()
    first, second = (handle_event(skill, FIXTURE_SET["en-US help"]) for _ in range(2))
    documents = [response["response"]["directives"][0]["document"] for response in (first, second)]
    assert documents[0]["mainTemplate"] is documents[1]["mainTemplate"]
    assert documents[0]["mainTemplate"] == json.loads(screen.DOCUMENT.read_text())["mainTemplate"]


def test_a_turn_makes_no_deep_copy_of_the_dialog_state_or_the_session(monkeypatch):
    skill = build_skill()
    first = handle_event(skill, FIXTURE_SET["en-US side_effects_cyclophosphamide"])
    carried = copy.deepcopy(FIXTURE_SET["en-US next"])
    carried["session"]["attributes"] = first["sessionAttributes"]
    expected = handle_event(skill, copy.deepcopy(carried))

    def no_copy(value, memo=None):
        if isinstance(value, SessionAttributes):  # copies itself, dicts and lists only
            return value.__deepcopy__({})
        raise AssertionError(f"deep copy of a {type(value).__name__}")

    monkeypatch.setattr(copy, "deepcopy", no_copy)  # as dataclasses.asdict calls it
    monkeypatch.setattr(attributes_manager, "deepcopy", no_copy)  # as the SDK's AttributesManager imported it
    assert handle_event(skill, carried) == expected
    assert carried["session"]["attributes"] == first["sessionAttributes"], "the request is left as it came"
    assert expected["sessionAttributes"]["dialog"]["history"], "the session carried a read page"


def test_the_sessions_attributes_are_copied_for_the_turn_not_shared_with_the_request():
    skill = build_skill()
    first = handle_event(skill, FIXTURE_SET["en-US side_effects_cyclophosphamide"])
    attributes = json.loads(json.dumps(first["sessionAttributes"]))  # as Alexa sends them back
    envelope = copy.deepcopy(FIXTURE_SET["en-US next"])
    envelope["session"]["attributes"] = attributes
    read = read_envelope(skill, envelope)
    manager = AttributesManager(read)
    assert manager.session_attributes == read.session.attributes == attributes
    manager.session_attributes["dialog"]["history"].append("changed")
    manager.session_attributes["dialog"]["last"]["speech"] = "changed"
    assert read.session.attributes == attributes


def test_a_request_is_read_as_parsed_not_written_out_and_parsed_again(monkeypatch):
    """The gateway reads the event it was given; one made in Python (the dialog state's tuples carried as they are,
    as the console and the tests carry them) is answered as its JSON is."""
    skill = build_skill()
    first = handle_event(skill, FIXTURE_SET["en-US side_effects_cyclophosphamide"])
    carried = copy.deepcopy(FIXTURE_SET["en-US next"])
    carried["session"]["attributes"] = first["sessionAttributes"]
    assert isinstance(first["sessionAttributes"]["dialog"]["history"], tuple)
    expected = json.dumps(handle_event(skill, json.loads(json.dumps(carried))))

    def parsed_again(self, payload, obj_type):
        raise AssertionError("the request was written out as text and parsed again")

    monkeypatch.setattr(SkillSerializer, "deserialize", parsed_again)
    assert json.dumps(handle_event(skill, carried)) == expected
    assert json.loads(expected)["sessionAttributes"]["dialog"]["history"], "the session carried a read page"


def test_as_dict_is_asdict_for_every_kind_of_value_the_state_holds():
    place = Place("ivig", facet="side_effects", question="q1")
    reply = LastReply("said", reprompt="again?", card_title="t", card_text="c", screen_choices="a\nb")
    state = DialogState(
        topic="ivig",
        place=place,
        page=2,
        offer=Offer(place, 3, 1),
        last=reply,
        choices=("q1", "q2"),
        menu_heard=True,
        history=(Offer(place), Offer(Place("scig", compare="ivig"), 1)),
        advice=Advice(reply, "urgent", "say_again", 1),
    )
    for value in (state, DialogState(), reply, Offer(place)):
        assert as_dict(value) == dataclasses.asdict(value)  # tuples stay tuples, as asdict keeps them
        assert json.dumps(as_dict(value)) == json.dumps(dataclasses.asdict(value))


def test_speech_is_rendered_without_hashing_the_lexicon_on_every_part(monkeypatch):
    content = load_content("en-US")
    part = content.prompts["ask"]
    said = speech.to_ssml(content, part)

    def unhashable(entry):
        raise AssertionError("the lexicon was hashed")

    monkeypatch.setattr(LexiconEntry, "__hash__", unhashable)
    assert speech.to_ssml(content, part) == said


def test_each_lexicon_renders_with_its_own_words():
    content = load_content("en-US")
    mine = dataclasses.replace(content, lexicon=(LexiconEntry(text="hello", alias="howdy"),))
    assert speech.to_ssml(content, "hello") == "hello"
    assert speech.to_ssml(mine, "hello") == '<sub alias="howdy">hello</sub>'


@pytest.fixture(autouse=True)
def _fresh_screen_document():
    yield
    screen._document.cache_clear()


def _odd_variants(envelope: dict, rng: random.Random) -> list[dict]:
    """The envelope with one value here and there replaced by something of another shape."""
    odd = ["text", 7, 2.5, True, None, [], {}, ["a", 1], {"__dict__": {}}, {"type": "Nothing"}, {"x": [{"y": 1}]}]
    paths = []

    def walk(value, path):
        paths.append(path)
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, (*path, index))

    walk(envelope, ())
    variants = []
    for path in rng.sample(paths[1:], min(12, len(paths) - 1)):
        variant = copy.deepcopy(envelope)
        holder = variant
        for step in path[:-1]:
            holder = holder[step]
        holder[path[-1]] = copy.deepcopy(rng.choice(odd))
        variants.append(variant)
    return variants


def _read(serializer, text):
    try:
        return serializer.deserialize(text, RequestEnvelope)
    except Exception as error:  # noqa: BLE001 (the kind of error is what is compared)
        return type(error)


def test_requests_are_read_into_the_objects_the_sdk_makes_and_refused_as_it_refuses():
    rng = random.Random(18)
    named = envelopes()
    texts = [json.dumps(envelope) for envelope in named.values()]
    for envelope in FIXTURE_SET.values():
        texts += [json.dumps(variant) for variant in _odd_variants(envelope, rng)]
    texts += ["not json", "null", "[]", '{"request": {"type": "LaunchRequest", "timestamp": "yesterday"}}']
    ours, theirs = SkillSerializer(), DefaultSerializer()
    results = [(_read(ours, text), _read(theirs, text)) for text in texts]
    assert all(mine == sdks for mine, sdks in results)
    assert sum(isinstance(sdks, type) for _, sdks in results) > 20, "many variants are refused"
    assert sum(isinstance(sdks, RequestEnvelope) for _, sdks in results) > 1000


def test_a_class_met_as_a_discriminators_choice_is_still_read_by_its_discriminator_when_asked_for():
    ours, theirs = SkillSerializer(), DefaultSerializer()
    envelope = json.dumps(FIXTURE_SET["en-US side_effects_cyclophosphamide"])
    assert ours.deserialize(envelope, RequestEnvelope) == theirs.deserialize(envelope, RequestEnvelope)
    launch = json.dumps(FIXTURE_SET["en-US launch_request"]["request"])
    # IntentRequest inherits Request's discriminator: asked for one, the SDK reads what the payload's type says.
    read = ours.deserialize(launch, IntentRequest)
    assert type(read) is LaunchRequest
    assert read == theirs.deserialize(launch, IntentRequest)
