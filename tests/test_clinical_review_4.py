"""The fourth clinical reviews' remaining findings (docs/clinical-reviews/review-4a-changed-pages.md, C items;
review-4b-new-subjects-and-triage.md, W5 and n items) and review 3's n10, each heard as a listener reaches it,
through full request envelopes."""

from __future__ import annotations

import pytest
from conftest import speech_of
from test_clinical_review_3 import CRISIS_LINES, LOCALE_DATA, LOCALES, heard, rest_of_page

from build_tools.interaction_model import model_path
from local_console.console import Console
from local_console.nlu import LocalNlu
from skill.app import build_skill
from skill.breath import lead
from skill.content import load_content

# ------------------------------------------------------------------------------------------ review 4b, W5

ANXIOUS = "Feeling worried, anxious or scared about MMN is common, and help is there."


@pytest.mark.parametrize(
    "asked",
    [
        "i'm so anxious since my mmn diagnosis",
        "is it normal to feel frightened after an mmn diagnosis",
        "i'm scared about my future with mmn",
        "worried all the time about getting worse",
        "i've been so anxious since my diagnosis",
    ],
)
def test_w5_worry_fear_and_anxiety_reach_the_anxiety_page(asked):
    said = heard(asked)
    assert ANXIOUS in said and "Sorry, I don't know" not in said


@pytest.mark.parametrize("locale", LOCALES)
def test_w5_the_anxiety_page_gives_the_local_crisis_line_and_patient_groups(locale):
    said = heard("i'm so anxious since my mmn diagnosis", locale)
    assert "Patient groups can put you in touch with others who have MMN." in said
    assert all(words in said for words in CRISIS_LINES[locale])


@pytest.mark.parametrize(
    "asked",
    ["my wife has been really down since her diagnosis", "i'm struggling to cope with this diagnosis"],
)
def test_w5_low_mood_said_with_a_diagnosis_still_reaches_the_low_mood_page(asked):
    assert "Low mood is common with long-term illness like MMN" in heard(asked)


# ------------------------------------------------------------------------------------------ review 4a, C1


def test_c1_low_mood_is_tied_to_long_term_illness_and_self_harm_is_said_for_anyone():
    said = heard("my husband is depressed since he got mmn where can he get support")
    assert "Low mood is common with long-term illness like MMN, and treatable." in said
    assert "Thoughts of self-harm need help now." in said and "harming yourself" not in said


# ----------------------------------------------------------------------------------------- review 3, n10


def test_n10_an_scig_session_says_how_long_it_takes():
    said = heard("how long does a scig infusion take")
    assert "An SCIg session at home often takes one to two hours, sometimes more, depending on your dose" in said


# ------------------------------------------------------------------------------------------ review 4a, C2–C13


def test_c2_india_hears_its_one_patient_group_without_a_list_that_is_not_there():
    said = heard("what patient groups are there for mmn", "en-IN")
    assert "The GBS CIDP Foundation International serves people with MMN in many countries." in said
    assert "One is" not in said and "Each has a website" not in said


@pytest.mark.parametrize(
    "locale, cited", [("en-US", "healthnet-mmn-ig-pa"), ("en-IN", "pmjay"), ("en-GB", "nhs-england-ig-2021")]
)
def test_c3_funding_cites_a_source_that_carries_it_and_is_tagged_as_rules(locale, cited):
    page = load_content(locale).question("cost_and_funding").pages[0]
    assert cited in page.sources and "gammagard-treatment" not in page.sources
    assert page.evidence == "policy"


def test_c3_how_sure_is_funding_says_rules_not_government_guidance():
    console = Console(build_skill(), LocalNlu.from_file(model_path("en-US")))
    rest_of_page(console, speech_of(console.say("who pays for ivig")))
    said = speech_of(console.say("how sure is that"))
    assert "health-system and insurance rules" in said and "official government guidance" not in said


def test_c5_the_meningitis_and_hemolysis_page_says_what_to_do():
    said = heard("can ivig cause meningitis")
    assert "Call your doctor the same day" in said
    assert "for dark urine, or yellow skin or eyes, call your doctor right away" in said


@pytest.mark.parametrize("locale, call", [("en-GB", "call 999"), ("en-IN", "call 112, or 108 for an ambulance")])
def test_c7_the_emergency_page_says_the_number_not_emergency_services(locale, call):
    page = load_content(locale).topic("ivig").pages("side_effects")[3].text
    assert page.startswith(f"For chest pain or sudden shortness of breath during or after an IVIg drip, {call}.")
    assert "emergency services" not in page


def test_c13_northern_ireland_drivers_hear_the_dva():
    said = heard("do i have to tell anyone about my mmn if i drive", "en-GB")
    assert "In Northern Ireland, tell the DVA." in said and "DVLA" in said


# -------------------------------------------------------------------------------------------- review 4b, n


@pytest.mark.parametrize(
    "locale, name",
    [
        ("en-US", "acetaminophen, also called Tylenol,"),
        ("en-CA", "acetaminophen, also called Tylenol,"),
        ("en-GB", "paracetamol"),
    ],
)
def test_n1_painkillers_warn_about_ibuprofen_and_name_the_local_painkiller(locale, name):
    said = heard("is ibuprofen ok after ivig", locale)
    assert "Drugs like ibuprofen may not suit you if your kidneys are weak, so check first." in said
    assert f"Clinics often give {name} and an antihistamine before IVIg" in said


def test_n3_a_missed_dose_hears_call_to_rebook_and_scig_is_covered():
    # A dose already missed hears the late-dose answer, the call first (clinical review 5, W3).
    assert "If a dose of IVIg or SCIg is late or was missed, call your infusion team" in heard("i missed my ivig")
    said = heard("my infusion is late what should i do")
    assert "tell you when to take a missed SCIg dose" in said


def test_n4_years_of_immunoglobulin_say_the_risks_in_the_first_breath():
    page = load_content().question("ivig_years_of_use").pages[0]
    assert "Its rare risks, such as clots and kidney harm, apply at every dose" in lead(page.text)


def test_n5_breastfeeding_names_the_drugs_that_are_not_used():
    said = heard("can i breastfeed while on ivig")
    assert said.count("Immunoglobulin is thought safe while breastfeeding") == 1
    assert "Cyclophosphamide and methotrexate aren't used while breastfeeding." in said
    assert "hasn't been fully studied" not in said


@pytest.mark.parametrize(
    "locale, says, not_said",
    [
        ("en-GB", "Ask your GP to refer you to a neuromuscular or peripheral nerve clinic.", "top centers"),
        ("en-AU", "refer you to a neuromuscular clinic at a major hospital", "top centres"),
        ("en-US", "The GBS CIDP Foundation International names top centers", "GP"),
    ],
)
def test_n8_finding_a_specialist_is_said_for_the_listeners_country(locale, says, not_said):
    page = load_content(locale).question("finding_specialist").pages[0].text
    assert says in page and not_said not in page


@pytest.mark.parametrize(
    "locale, bag", [("en-US", "carry-on bag"), ("en-CA", "carry-on bag"), ("en-GB", "hand luggage")]
)
def test_n9_travel_says_the_bag_in_the_listeners_words(locale, bag):
    content = load_content(locale)
    pages = content.question("travel_with_treatment").pages
    assert f"carry it and your supplies in your {bag}" in pages[0].text
    assert pages[1].evidence == "patient_information"
    assert all("sit2www" not in content.sources[s].url for p in pages for s in p.sources)


@pytest.mark.parametrize(
    "question, evidence",
    [
        ("pain_and_cramps", "patient_information"),
        ("dose_late", "patient_information"),
        ("tracking_response", "patient_information"),
        ("after_hours", "patient_information"),
    ],
)
def test_n10_n11_practical_pages_do_not_claim_a_guideline_or_government(question, evidence):
    page = load_content().question(question).pages[0]
    assert page.evidence == evidence
    assert "bbc-cramps" not in page.sources


@pytest.mark.parametrize(
    "locale, fact, cited, not_cited",
    [
        ("en-US", "work_rights", "eeoc-accommodation", "shrm-ada"),
        ("en-IN", "work_rights", "rpwd-act-2016", "rpwd-act-private"),
        ("en-US", "after_hours", "legacy-when-to-call", "canadian-living-checklist"),
        ("en-CA", "after_hours", "health811-ontario", "canada-811"),
        ("en-GB", "driving_rule", "nidirect-dva", "nhtsa-driver-fitness"),
        ("en-AU", "after_hours", "qld-13health", "nhs-111"),
    ],
)
def test_n12_locale_facts_cite_their_own_countrys_sources(locale, fact, cited, not_cited):
    sources = LOCALE_DATA[locale]["sources"][fact]
    assert cited in sources and not_cited not in sources


def test_n14_australia_names_the_queensland_and_victoria_nurse_lines():
    said = heard("who do i call out of hours", "en-AU")
    assert "In Queensland, call 13 HEALTH" in said and "In Victoria, NURSE-ON-CALL is" in said


@pytest.mark.parametrize("locale", LOCALES)
def test_n16_hopelessness_hears_it_is_common_then_the_crisis_line(locale):
    said = heard("i feel hopeless about my mmn", locale)
    # The crisis line now comes right after "I'm sorry" (clinical review 5, n1).
    assert said.startswith("I'm sorry you feel this way.")
    assert "Feeling hopeless with a long-term illness is common" in said
    assert all(words in said for words in CRISIS_LINES[locale])
    assert "these thoughts" not in said
    assert heard("i want to kill myself", locale).startswith("If you might act on these thoughts")


def test_n17_illness_before_home_scig_says_before_your_dose():
    said = heard("i have a cold can i still do my scig this week")
    assert "Call your infusion team before your dose." in said and "before you go" not in said


def test_n18_a_change_of_azathioprine_in_context_says_why_not_steroids():
    console = Console(build_skill(), LocalNlu.from_file(model_path("en-US")))
    console.say("tell me about azathioprine")
    said = speech_of(console.say("i'm going to stop taking them"))
    assert "MMN can get worse, and the doctor who prescribed it can tell you how to change it safely." in said
    assert "like steroids" not in said


def test_n19_ivig_in_pregnancy_says_dont_stop_in_the_lead_and_cites_the_labels():
    page = load_content().question("ivig_in_pregnancy").pages[0]
    assert "Don't stop it on your own: plan it with your neurologist and obstetrician." in lead(page.text)
    assert {"gammagard-label", "kiovig-epar"} <= set(page.sources)


def test_n20_india_out_of_hours_asks_the_hospital_for_a_number():
    said = heard("who do i call out of hours", "en-IN")
    assert "Ask your treating hospital now for a number to use out of hours" in said


@pytest.mark.parametrize(
    "asked, says",
    [
        ("is privigen approved for mmn", "In the United States, Gammagard Liquid is the IVIg approved for MMN."),
        ("is gamunex approved for mmn", "In the United States, Gammagard Liquid is the IVIg approved for MMN."),
        ("is hizentra approved for mmn", "No SCIg product is licensed for MMN"),
        ("is scig approved for mmn", "No SCIg product is licensed for MMN"),
    ],
)
def test_c4_a_brand_asked_as_approved_hears_the_licensing_answer(asked, says):
    said = heard(asked)
    assert says in said and "Guidelines make IVIg the first choice" not in said


def test_c12_children_hear_rare_and_a_doctor_first_and_what_the_reports_are():
    console = Console(build_skill(), LocalNlu.from_file(model_path("en-US")), "en-US")
    first = console.say("can children get mmn")
    first_breath = speech_of(first).split("Want to hear more")[0]
    assert "rare in children and teenagers. A child with weakness should see a doctor" in first_breath
    said = rest_of_page(console, speech_of(first))
    assert "Only single cases in children have been written up." in said and "it has been reported" not in said
    assert "Multifocal motor neuropathy in a child: a single case report" in str(first["response"]["card"])


@pytest.mark.parametrize("asked", ["the nurse didn't turn up for my home infusion", "i missed my home infusion"])
def test_4b_n3_a_home_infusion_missed_hears_the_missed_dose_answer(asked):
    said = heard(asked)
    assert "If a dose of IVIg or SCIg is late or was missed, call your infusion team or neurologist soon." in said
    assert "Sorry, I don't know" not in said
