"""The third clinical review's corrections (shared/clinical-review-3.md), each heard as a listener would reach it,
in full request envelopes; and the facts of each country, said only to that country's listeners."""

from __future__ import annotations

import re
import tomllib

import pytest
from conftest import Conversation, speech_of

from build_tools.interaction_model import model_path
from local_console.console import Console
from local_console.nlu import LocalNlu
from skill.answers import brand_named, page_reply
from skill.app import build_skill
from skill.content import load_content, supported_locales
from skill.content.loader import DATA_DIR, LOCALE_SETTINGS, locale_facts
from skill.dialog import DialogState, Place
from skill.speech import to_plain, to_ssml

LOCALES = supported_locales("en")
LOCALE_DATA = tomllib.loads((DATA_DIR / "en" / "locales.toml").read_text(encoding="utf-8"))
CRISIS_LINES = {
    "en-US": ("988", "911"),
    "en-CA": ("988", "911"),
    "en-GB": ("Samaritans", "116 123", "999"),
    "en-AU": ("Lifeline", "13 11 14", "000"),
    "en-IN": ("Tele MANAS", "14416", "112"),
}
# Words that name one country: a fact said in another locale must not carry them.
COUNTRY_WORDS = {
    "en-US": ("United States", "Medicare", "DMV", "Cytoxan"),
    "en-CA": ("Canada", "Quebec", "Procytox"),
    "en-GB": ("Great Britain", "UK", "NHS", "England", "DVLA"),
    "en-AU": ("Australia", "New South Wales", "Cyclonex"),
    "en-IN": ("India", "Tele MANAS"),
}


def heard(utterance: str, locale: str = "en-US") -> str:
    """What the page that answers ``utterance`` says, over its breaths."""
    console = Console(build_skill(), LocalNlu.from_file(model_path(locale)), locale)
    return rest_of_page(console, speech_of(console.say(utterance)))


def rest_of_page(console: Console, said: str) -> str:
    """``said``, then "yes" while what is offered is more of the same page; the turns' speech, joined."""
    turns = [said]
    while console.session and ((console.session.attributes.get("dialog") or {}).get("offer") or {}).get("chunk"):
        turns.append(speech_of(console.say("yes")))
    return " ".join(turns)


def read(conversation: Conversation, intent: str, topic: tuple[str, str, str], pages: int = 1) -> str:
    """Ask for a facet of a topic, then say "yes" until page ``pages``; all that page says, over its turns."""
    said = conversation.whole_page(conversation.send("topic_ivig", intent=intent, slot_value=topic))
    for _ in range(pages - 1):
        said = conversation.whole_page(conversation.send("yes"))
    return said


def topic(topic_id: str, name: str) -> tuple[str, str, str]:
    return (name, topic_id, name)


# ------------------------------------------------------------------------------------------- could harm


@pytest.mark.parametrize("locale", LOCALES)
def test_h2_low_mood_hears_that_it_is_common_and_treatable_and_the_local_crisis_line(locale):
    said = heard("my husband is depressed since he got mmn where can he get support", locale)
    assert "Low mood is common with long-term illness like MMN, and treatable." in said
    assert "Talk to your doctor" in said and "Patient groups" in said
    assert all(words in said for words in CRISIS_LINES[locale])
    assert "has a website you can visit" not in said


def test_h2_feeling_low_reaches_the_low_mood_page_not_a_clarify():
    said = heard("i feel so low about my mmn", "en-GB")
    assert "Low mood is common with long-term illness like MMN" in said and "Do you mean" not in said
    assert "You can call Samaritans free on 116 123, day or night." in said


def test_h3_the_pregnancy_warning_comes_first_on_the_pregnancy_page():
    said = heard("can i get pregnant with mmn")
    first = said[said.index("Some immune drugs") :]
    assert first.startswith(
        "Some immune drugs, like cyclophosphamide, mycophenolate and methotrexate, can harm an unborn baby."
    )
    assert "you or your partner" in said and "Your doctor will tell you whether to stop or change it." in said


@pytest.mark.parametrize(
    "asked",
    ["i'm pregnant and on cyclophosphamide", "i take methotrexate and we want a baby", "is cytoxan safe in pregnancy"],
)
def test_h3_pregnancy_on_a_named_drug_hears_it_can_harm_an_unborn_baby(asked):
    assert "can harm an unborn baby" in heard(asked)


def test_h3_the_side_effects_of_cyclophosphamide_name_the_unborn_baby_and_men_too(conversation, skill):
    said = read(conversation, "SideEffectsIntent", topic("cyclophosphamide", "cyclophosphamide"))
    lead = " ".join(said.split()[:30])
    assert "harm an unborn baby" in lead
    assert "Women and men taking it should use reliable birth control, and for some months after." in said
    other = read(Conversation(skill), "SideEffectsIntent", topic("other_immune_drugs", "other immune drugs"))
    assert "All three can harm an unborn baby." in other
    assert "This guide doesn't list them." not in other


def test_h4_weakness_getting_worse_over_days_is_for_the_same_day_not_soon(conversation):
    same_day = "the same day if weakness is spreading or getting worse over days"
    waiting = read(conversation, "SideEffectsIntent", topic("monitoring", "watchful waiting"), pages=2)
    assert same_day in waiting and "soon" not in waiting
    console = Console(build_skill(), LocalNlu.from_file(model_path("en-US")))
    rest_of_page(console, speech_of(console.say("which mmn symptoms should i tell my neurologist about")))
    report = rest_of_page(console, speech_of(console.say("yes")))
    assert same_day in report and "soon" not in report


def test_h5_mmn_does_not_go_away_on_its_own():
    said = heard("can mmn go away on its own")
    assert "MMN rarely, if ever, goes away on its own." in said
    assert "people treated with IVIg, about one in five no longer needed it" in said
    assert "without treatment, is uncommon" not in said


def test_h5_the_outlook_overview_says_remission_as_studied(conversation):
    said = read(conversation, "TopicIntent", topic("outlook", "outlook"))
    assert "It rarely, if ever, gets better on its own." in said and "treated with IVIg" in said
    assert "Remission, when symptoms go away without treatment" not in said


def test_h6_a_live_vaccine_on_an_immune_drug_hears_it_may_not_be_safe():
    said = heard("can i have the mmr vaccine on azathioprine")
    assert "live vaccines may not be safe" in said and "Check with your doctor before any vaccine." in said
    assert "weakens the immune system" in heard("can i have vaccines with ivig")


@pytest.mark.parametrize(
    "topic_id, name",
    [
        ("azathioprine", "azathioprine"),
        ("cyclophosphamide", "cyclophosphamide"),
        ("other_immune_drugs", "other immune drugs"),
        ("corticosteroids", "steroids"),
    ],
)
def test_h6_each_immune_drug_course_warns_about_live_vaccines(conversation, topic_id, name):
    said = read(conversation, "CourseIntent", topic(topic_id, name))
    assert "live vaccines such as yellow fever or MMR may not be safe, so ask your doctor before any vaccine" in said


@pytest.mark.parametrize(
    "intent, topic_id, name, pages",
    [
        ("SideEffectsIntent", "ivig", "IVIg", 4),
        ("TopicIntent", "infusion_day", "infusion day", 2),
        ("TopicIntent", "caregivers", "help for caregivers", 1),
    ],
)
def test_h7_swelling_of_the_face_or_throat_alone_is_an_emergency(conversation, intent, topic_id, name, pages):
    said = read(conversation, intent, topic(topic_id, name), pages=pages)
    assert "swelling of the lips, tongue, face or throat" in said
    assert "throat with trouble breathing" not in said


# ------------------------------------------------------------------------------------------------ wrong


@pytest.mark.parametrize(
    "locale, says, not_said",
    [
        ("en-US", "In the United States, Gammagard Liquid is the IVIg approved for MMN.", "Europe"),
        (
            "en-GB",
            "In the UK and Europe, most IVIg brands, such as Kiovig, Privigen and Octagam, are licensed for MMN.",
            "United States",
        ),
        (
            "en-CA",
            "Several IVIg brands are used for MMN, and your treatment centre chooses the brand.",
            "United States",
        ),
        (
            "en-AU",
            "Several IVIg brands are used for MMN, and your treatment centre chooses the brand.",
            "European Union",
        ),
        (
            "en-IN",
            "In India, several IVIg brands are sold, and your neurologist chooses one with you.",
            "United States",
        ),
    ],
)
def test_w1_ivig_licensing_is_said_for_the_listeners_country(locale, says, not_said):
    said = heard("which brand of ivig is approved for mmn", locale)
    assert says in said and not_said not in said


def test_w1_is_privigen_licensed_reaches_the_licensing_answer():
    assert "most IVIg brands" in heard("is privigen licensed for mmn in the uk", "en-GB")


def test_w2_hyqvia_is_facilitated_scig_every_two_to_four_weeks_not_weekly():
    said = heard("what is hyqvia")
    assert "HyQvia is facilitated SCIg" in said and "every two to four weeks" in said
    assert "HyQvia is SCIg." not in said


def test_w3_children_hear_that_mmn_is_rare_in_children_but_reported():
    said = heard("can children get mmn")
    assert "MMN almost always starts in adults, and it's rare in children and teenagers." in said
    assert "No, not as far as is known" not in said


def test_w4_the_iga_test_is_explained_on_its_own_page():
    said = heard("why did they test my iga")
    assert "Some clinics check IgA" in said and "make antibodies against IgA" in said
    assert "aseptic meningitis" not in said


def test_n2_scig_funding_is_said_for_australia_when_scig_is_named():
    said = heard("do i have to pay for scig at home", "en-AU")
    assert "SCIg isn't funded for MMN at present, so ask your specialist." in said
    assert said.count("In Australia") == 1
    assert "SCIg isn't funded for MMN at present" not in heard("do i have to pay for scig at home", "en-GB")


def test_n20_india_hears_112_or_108_for_an_ambulance(skill):
    said = read(Conversation(skill, "en-IN"), "SideEffectsIntent", topic("ivig", "IVIg"), pages=5)
    assert "call 112, or 108 for an ambulance" in said


# ------------------------------------------------------------------------------------- per-locale truth


def test_every_locale_has_every_fact_each_with_sources_that_exist():
    sources = load_content().sources
    facts = {locale: locale_facts(LOCALE_DATA[locale]) for locale in LOCALES}
    names = set().union(*facts.values())
    assert {"emergency_number", "crisis_line", "funding", "ivig_licensing", "driving_rule"} <= names
    for locale in LOCALES:
        assert set(facts[locale]) == names, locale
        cited = LOCALE_DATA[locale]["sources"]
        assert set(cited) == names, locale
        assert all(cited[name] and set(cited[name]) <= set(sources) for name in names), locale


def test_every_name_in_braces_on_a_page_or_triage_text_is_a_fact_of_every_locale():
    folder = DATA_DIR / "en"
    files = [
        *folder.glob("topics/*.toml"),
        *folder.glob("bank/*.toml"),
        folder / "questions.toml",
        folder / "red_flags.toml",
    ]
    # Braces in a TOML comment name a prompt's field, not a fact.
    texts = [
        line for path in files for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    used = set(re.findall(r"\{([a-z_]+)\}", "\n".join(texts)))
    assert {"crisis_line", "ivig_licensing", "patient_groups", "driving_rule", "emergency_call"} <= used
    for locale in LOCALES:
        assert used <= set(locale_facts(LOCALE_DATA[locale])), locale
    assert not LOCALE_SETTINGS & set(locale_facts(LOCALE_DATA["en-US"]))


@pytest.mark.parametrize("locale", LOCALES)
def test_a_countrys_facts_are_never_read_to_another_country(locale):
    content = load_content(locale)
    said = [
        *locale_facts(LOCALE_DATA[locale]).values(),
        *(p.text for p in content.topic("organizations").pages("overview")[:1]),
        *(p.text for q in content.questions for p in q.pages),
    ]
    for other, words in COUNTRY_WORDS.items():
        if other != locale:
            found = [w for w in words for text in said if re.search(rf"\b{re.escape(w)}\b", text)]
            assert not found, (locale, other, found)


@pytest.mark.parametrize(
    "locale, cited, not_cited",
    [
        ("en-US", "gammagard-label", "ema-ivig-core-smpc"),
        ("en-GB", "ema-ivig-core-smpc", "gammagard-label"),
        ("en-AU", "blood-au-criteria", "gammagard-label"),
    ],
)
def test_a_page_that_says_a_fact_cites_that_countrys_source(locale, cited, not_cited):
    page = load_content(locale).question("ivig_brands").pages[0]
    assert cited in page.sources and not_cited not in page.sources


def test_the_crisis_line_is_said_where_it_is_named_and_sourced(locale="en-AU"):
    page = load_content(locale).question("support_feeling_low").pages[0]
    assert "You can call Lifeline on 13 11 14, day or night. If you might act on them, call 000 now." in page.text
    assert "lifeline-au" in page.sources and "samaritans" not in page.sources


def test_w2_a_brands_own_sentence_keeps_the_one_shot_overview_within_90_words():
    content = load_content()
    said_of = [(topic, brand, said) for topic in content.topics for brand, said in topic.brand_said.items()]
    assert [brand for _, brand, _ in said_of] == ["HyQvia"]
    for topic, brand, sentence in said_of:
        place = Place(topic.id, "overview")
        preface = [content.prompts["disclaimer_short"], *brand_named(content, place, [f"what is {brand}"])]
        reply = page_reply(content, DialogState(), place, 0, preface=preface)
        said = to_plain(to_ssml(content, *reply.parts, reply.question or content.prompts["ask"]))
        assert sentence in said and len(said.split()) <= 90


def test_n4_gammagard_under_the_skin_is_licensed_that_way_only_for_immune_deficiency():
    said = heard("can gammagard be given under the skin", "en-US")
    assert "For MMN, Gammagard Liquid is approved only as a drip into a vein." in said
    assert "It's approved under the skin only for immune deficiency." in said
