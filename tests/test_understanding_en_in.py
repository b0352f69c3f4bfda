"""Indian English, understood the first time (issue 16, "Indian English (this round)" in the README).

Questions said the way Indian patients and carers say them, in sentences made up for these tests (no corpus's, no
training phrasing's), in full request envelopes: a doctor addressed with respect ("doctor saab", "doctor sahab"),
Hindi words a recogniser writes as they sound ("dawai", "ilaaj", "kharcha", "bimari", "kamzori"), Hinglish function
words ("ke liye", "kitna", "hoga"), "is having" for has, "itself" and "only" as emphasis, "what all", a city said
around the question, "tension" for worry, "middle class" and lakhs for what can be afforded, cashless mediclaim, an
NCV report, religious fasts, loose motions, a best hospital for a specialist. Each is answered by the page that
answers it in the bank's words. The guards keep the words they must not take: "fast" as speed and "fast food",
blood sugar as a reading.
"""

from __future__ import annotations

import pytest
from conftest import speech_of
from test_safety_kinds import answered, say

COST = "q:cost_and_funding.1"


@pytest.mark.parametrize(
    "said, page",
    [
        # A cure as "fully curable", a killer disease; respect said to the doctor.
        ("doctor saab kindly tell is mmn fully curable", "q:ivig_cure.1"),
        ("is mmn a killer disease doctor sahab", "q:mmn_fatal.1"),
        # Which doctor: the best hospital of a city, said with the city.
        ("which is the best hospital in mumbai for multifocal motor neuropathy", "q:finding_specialist.1"),
        # "Sugar and BP" said together are diabetes and blood pressure.
        ("my father is having sugar and bp, will immunoglobulin suit him", "q:ivig_diabetes.1"),
        # Hindi words for a medicine, a cost, a disease; Hinglish function words.
        ("is there any ayurvedic dawai for mmn", "q:diet_supplements.1"),
        ("ilaaj ke liye kitna kharcha hoga for ivig", COST),
        ("is this bimari coming in family", "q:mmn_inherited.1"),
        # Money: middle class and lakhs, cashless mediclaim.
        ("we are middle class and the immunoglobulin is costing lakhs, any help is there", COST),
        ("is mediclaim cashless for ivig", COST),
        # "itself" as emphasis, a shop for work, a job in a bank.
        ("can i go to my shop next day itself after infusion", "q:day_after_infusion.1"),
        ("my son works in bank, can he continue his job with mmn", "q:living_work.1"),
        # "Tension" is worry.
        ("i am having lot of tension since the diagnosis", "q:anxiety_after_diagnosis.1"),
        # Tests as the report names them.
        ("what does the ncv report tell about mmn", "diagnosis.overview.1"),
        ("gm1 antibody is negative in report, can it still be mmn", "diagnosis.overview.2"),
        # An Indian company's brand against the imported one.
        ("is the indian company ivig as good as the foreign brand", "q:ivig_switching_brands.1"),
        # A religious fast on the day of the drip: drinking water around an infusion.
        ("during navratri vrat can she take the drip", "q:infusion_fluids.1"),
        # Statement order in a question, the drip's hours; loose motions as a side effect.
        ("how many hours the drip takes for one day", "q:infusion_how_long.1"),
        ("loose motions after immunoglobulin is it a side effect", "ivig.side_effects.1"),
        # "What all", a neuro doctor, a visit.
        ("what all questions to ask neuro doctor on next visit", "q:appointment_questions.1"),
        (
            "my mother is looking after my father full time and she is very tired, how can she cope",
            "caregivers.overview.3",
        ),
    ],
)
def test_a_question_in_indian_english_is_answered_by_its_page(said, page):
    response = say("en-IN", said)
    assert answered(response) == page, (said, speech_of(response))


@pytest.mark.parametrize(
    "said, page",
    [
        # Blood sugar is a reading, not "having sugar".
        ("my blood sugar reading is very high after the ivig, should i take more insulin", "q:insulin_high_reading.1"),
        # Fast food is no fast.
        ("can i eat fast food after my infusion", ""),
    ],
)
def test_words_folded_only_in_their_indian_sense(said, page):
    response = say("en-IN", said)
    got = answered(response)
    assert (got == page) if page else not got.startswith(("q:infusion_fluids", "infusion_day")), (said, got)
