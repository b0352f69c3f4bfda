"""The third clinical review's missing subjects (issue 15), each asked in a listener's own words, in full request
envelopes through the console, and answered by its own page."""

from __future__ import annotations

import re

import pytest
from conftest import speech_of

from build_tools.interaction_model import model_path
from local_console.console import Console
from local_console.nlu import LocalNlu
from skill.app import build_skill
from skill.content.loader import load_content

LOCALES = ("en-US", "en-CA", "en-GB", "en-AU", "en-IN")
# The questions of bank/subjects_3.toml with pages of their own.
_SUBJECTS = {
    "dose_late",
    "travel_with_treatment",
    "tracking_response",
    "ivig_judging_response",
    "ivig_painkillers",
    "ivig_estrogen",
    "ivig_heart_kidney",
    "ivig_past_clots",
    "finding_specialist",
    "appointment_questions",
    "followup_tests",
    "ivig_years_of_use",
    "ivig_switching_brands",
    "ig_shortage",
    "pain_and_cramps",
    "mmn_older_onset",
    "mmn_will_spread",
    "ivig_in_pregnancy",
    "breastfeeding_on_treatment",
    "contraception_immune_drugs",
    "alcohol",
    "surgery_anesthesia",
    "first_infusion_bring",
    "anxiety_after_diagnosis",
}


@pytest.fixture(scope="module")
def built():
    return build_skill()


def ask(built, question: str, locale: str = "en-US") -> str:
    """A one-shot question from a fresh session, as Alexa would send it."""
    console = Console(built, LocalNlu.from_file(model_path(locale)), locale)
    turns = [speech_of(console.say(question))]
    # The page is said a breath at a time: hear the rest of it.
    while console.session and ((console.session.attributes.get("dialog") or {}).get("offer") or {}).get("chunk"):
        turns.append(speech_of(console.say("yes")))
    return " ".join(turns)


@pytest.mark.parametrize(
    "question, heard",
    [
        # missed or late doses, travel
        ("my infusion got moved and now it's late, what do i do", ["call your infusion team", "within weeks"]),
        ("my scig is late this week", ["late or was missed", "rebook"]),
        ("can i go abroad on ivig", ["can travel", "a month ahead"]),
        ("do i need a doctor's letter to fly with scig", ["carry-on bag", "letter"]),
        # wear-off and tracking response
        ("should i keep a strength diary", ["diary", "grip"]),
        ("how long until we know if ivig is working", ["within a few weeks", "Don't stop IVIg on your own"]),
        # other medicines and conditions
        ("what painkiller for the headache after ivig", ["acetaminophen", "antihistamine", "stiff neck"]),
        ("i'm on the pill, is ivig ok", ["Estrogen", "blood clots"]),
        ("i have heart failure, can i have ivig", ["a lot of fluid", "more slowly"]),
        ("i'm on blood thinners, anything special for my infusion", ["Keep taking your blood thinner"]),
        # specialists, appointments, follow-up tests
        ("how do i find a specialist for mmn", ["neuromuscular specialist", "second opinion"]),
        ("what should i ask my neurologist", ["Write your questions down", "strength diary"]),
        ("what does the mrc scale mean", ["MRC", "zero to five"]),
        # long-term immunoglobulin
        ("is it safe to be on ivig for years", ["for years", "keeps checking you"]),
        ("they switched my ivig brand", ["brand", "ask them first"]),
        ("is there a shortage of immunoglobulin", ["donated plasma", "ask your neurologist for a plan"]),
        # pain and cramps
        ("does mmn hurt", ["isn't mainly a painful disease", "cramps"]),
        # age and spread
        ("can older people get mmn", ["even around seventy", "older age"]),
        ("will my mmn spread to my other arm", ["one nerve at a time", "the same day"]),
        # pregnancy, breastfeeding, birth control
        ("is ivig safe when pregnant", ["clearly needed", "obstetrician"]),
        ("can i breastfeed on ivig", ["breast milk"]),
        ("do i need birth control on cyclophosphamide", ["harm an unborn baby", "men on these drugs"]),
        ("i'm on methotrexate, do i need contraception", ["harm an unborn baby", "right away"]),
        # alcohol, surgery, a first infusion
        ("can i drink alcohol with mmn", ["keep alcohol low", "damage nerves"]),
        ("is beer ok with ivig", ["keep alcohol low"]),
        ("i need an operation, is that ok with mmn", ["tell the surgeon and the anesthetist", "clot risk"]),
        ("what should i bring to my first ivig", ["list of your medicines", "Arrange a ride home"]),
        # worry after a diagnosis
        ("i'm really anxious about my mmn", ["common, and help is there", "talking therapies"]),
    ],
)
def test_each_subject_is_answered_by_its_own_page(built, question, heard):
    said = ask(built, question)
    for words in heard:
        assert words in said, (question, said)


@pytest.mark.parametrize("locale", LOCALES)
def test_the_subjects_are_reached_in_every_locale(built, locale):
    assert "don't change a dose on your own" in ask(built, "what happens if my ivig is a week late", locale)
    assert "Estrogen, in many pills and in HRT" in ask(built, "i take hrt, does that matter for ivig", locale)


def test_the_pages_keep_to_the_sentence_rules():
    """At most 25 words a sentence, and the first sentence within 30 words, on every page of these subjects."""
    content = load_content()
    pages = [(q.id, page.text) for q in content.questions if q.see is None and q.id in _SUBJECTS for page in q.pages]
    assert len(pages) >= 20
    for qid, text in pages:
        sentences = re.split(r"(?<=[.?!])\s+", text)
        assert len(sentences[0].split()) <= 30, qid
        assert max(len(s.split()) for s in sentences) <= 25, qid


@pytest.mark.parametrize(
    "locale, rights, after_hours",
    [
        ("en-US", "Americans with Disabilities Act", "after-hours line"),
        ("en-CA", "human rights laws", "811 for a nurse"),
        ("en-GB", "Equality Act 2010", "Call NHS 111"),
        ("en-AU", "Disability Discrimination Act", "healthdirect on 1800 022 222"),
        (
            "en-IN",
            "Rights of Persons with Disabilities Act 2016",
            "Ask your treating hospital now for a number to use out of hours",
        ),
    ],
)
def test_rights_and_out_of_hours_help_are_each_countrys_own(built, locale, rights, after_hours):
    said = ask(built, "what are my rights at work with mmn", locale)
    assert rights in said and "{" not in said
    said = ask(built, "who do i call out of hours", locale)
    assert after_hours in said and said.index("In an emergency, call") < said.index(after_hours)


def test_the_australian_helpline_is_said_as_australians_say_it():
    said = Console(build_skill(), LocalNlu.from_file(model_path("en-AU")), "en-AU").say("who do i call out of hours")
    assert (
        'alias="one eight hundred, oh two two, two two two">1800 022 222<' in said["response"]["outputSpeech"]["ssml"]
    )


def test_anesthesia_is_spelled_the_british_way_in_british_english(built):
    assert "tell the surgeon and the anaesthetist" in ask(built, "i need an operation, is that ok with mmn", "en-GB")
