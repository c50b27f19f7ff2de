"""Plain sentences our blind rounds and our own probes left without a good card. Snippets in our
own words, on several subjects.

- A subject, a listing verb and three things or more ('The pancreas secretes insulin, glucagon
  and somatostatin') is asked as the list it states: 'What does the pancreas secrete? (three)'.
  A subject that is only a field of the topic ('Symptoms include …') is asked under the topic.
- A measure's unit per unit is one answer: '300,000 km/s', not '300,000 km' with '/s' shown.
- A name before a verb in the past is a name throughout ('Otto von Bismarck unified …'), not a
  name and its verb ('TCP guarantees ordered delivery' hid 'TCP guarantees')."""

from __future__ import annotations

import pytest

from studyapp.decks.generate import cards_for_fact
from studyapp.decks.quality import card_quality, held_back
from studyapp.text.blanks import number_blank, subject_blank, subject_verb_list
from tests.decks.facts import fact_input


def _live(text: str, topic: str) -> list[tuple[str, str]]:
    cards = cards_for_fact(fact_input(kind="statement", text=text, topic=topic))
    return [(c.front, c.back) for c in cards if not held_back(card_quality(c))]


@pytest.mark.parametrize(
    ("text", "topic", "front", "back"),
    [
        (
            "The pancreas secretes insulin, glucagon and somatostatin",
            "Endocrine glands",
            "What does the pancreas secrete? (three)",
            "• insulin\n• glucagon\n• somatostatin",
        ),
        (
            "A valid contract requires offer, acceptance, consideration and intention",
            "Contract law",
            "What does a valid contract require? (four)",
            "• offer\n• acceptance\n• consideration\n• intention",
        ),
        (
            "Chloroplasts contain chlorophyll, stroma and thylakoids",
            "Plant cells",
            "Plant cells — chloroplasts contain: which three?",  # a plain plural alone
            "• chlorophyll\n• stroma\n• thylakoids",
        ),
        (
            "Symptoms include fever, a spreading rash and joint pain",
            "Measles",
            "Measles — symptoms include: which three?",
            "• fever\n• a spreading rash\n• joint pain",
        ),
    ],
)
def test_a_subject_and_the_list_it_states_are_asked_as_a_list(text, topic, front, back):
    assert (front, back) in _live(text, topic)


@pytest.mark.parametrize(
    "text",
    [
        "It secretes insulin, glucagon and somatostatin",  # the subject is in another line
        "The regimen includes rest, fluids, painkillers, etc.",  # an open list
        "Sperm provides the efficient, final, and formal cause",  # one noun, qualified
        "Drugs used in cardiac arrest include adrenaline, amiodarone and lidocaine",
        "The service automatically handles purchase, upload and renewal",
        "Treatment includes surgery, radiation, chemotherapy, depending on the stage",
        "The suite offers two features: Inventory, Compliance and Patching",
    ],
)
def test_no_list_where_the_sentence_is_not_a_subject_and_its_list(text):
    assert subject_verb_list(text) is None


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("The speed of light is about 300,000 km/s in a vacuum", "300,000 km/s"),
        ("Fasting glucose above 126 mg/dL suggests diabetes", "126 mg/dL"),
        ("The usual dose is 5 mg/kg twice daily", "5 mg/kg"),
        ("Sound travels at 343 m/s in dry air", "343 m/s"),
    ],
)
def test_a_unit_per_unit_is_one_answer(sentence, term):
    blank = number_blank(sentence)
    assert blank is not None and blank.term == term


def test_a_name_before_a_verb_in_the_past_is_a_name_throughout():
    assert subject_blank("TCP guarantees ordered delivery of packets") is None
    bismarck = subject_blank("Otto von Bismarck unified Germany in 1871")
    assert bismarck is not None and bismarck.term == "Otto von Bismarck"
    jenner = subject_blank("Edward Jenner developed the smallpox vaccine")
    assert jenner is not None and jenner.term == "Edward Jenner"
    # a participle going on ('applied to …') is no adjective: the subject before it stays
    policies = subject_blank("The IAM policies applied to the role are defined in the console")
    assert policies is not None and policies.term == "IAM policies"


@pytest.mark.parametrize(
    ("text", "topic", "front"),
    [
        (
            "Treatment includes rest, fluids and paracetamol",
            "Influenza",
            "Influenza — treatment includes: which three?",
        ),
        (
            "Management includes surgery, radiation and chemotherapy",
            "Breast cancer",
            "Breast cancer — management includes: which three?",
        ),
    ],
)
def test_a_subject_that_is_an_aspect_of_the_topic_is_asked_under_it(text, topic, front):
    assert [f for f, _back in _live(text, topic)] == [front]


def test_more_of_a_list_is_not_asked_as_one():
    # 'Other symptoms include …' goes on from a list the card does not show
    assert subject_verb_list("Other symptoms include fever, rash and joint pain") is None


@pytest.mark.parametrize(
    ("text", "front"),
    [
        ("Interest rates are set by the central bank", "Interest rates are set by the […]"),
        ("Malaria is transmitted by mosquitoes", "Malaria is transmitted by […]"),
        ("Most colds are caused by rhinoviruses", "Most colds are caused by […]"),
    ],
)
def test_a_passive_ending_on_its_agent_hides_the_agent(text, front):
    assert front in [f for f, _back in _live(text, "Notes")]


@pytest.mark.parametrize(
    "text",
    [
        "The process is affected by many factors",  # vague
        "Each vertex is represented by a circle",  # 'represented by' says what comes with it
        "The tumour is not caused by smoking",  # a negation
    ],
)
def test_no_agent_blank_where_the_agent_is_not_the_point(text):
    from studyapp.text.blanks import passive_agent_blank

    assert passive_agent_blank(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Complications include hypoglycaemia, hypokalaemia, cerebral and pulmonary oedema",
        "Effects include acne, premature and accelerated hair loss",
        "Care involves physiotherapy, splints to prevent or reduce contractures",
        "Most often caused by rhinoviruses, coronaviruses and adenoviruses",
    ],
)
def test_a_list_whose_items_share_a_noun_or_go_on_is_no_list_of_things(text):
    assert subject_verb_list(text) is None


def test_a_field_listed_after_the_sentence_naming_its_owner_is_not_asked_of_the_topic():
    # 'Foscarnet is used … Side effects include …': the side effects are foscarnet's, not
    # those of the topic the card would be filed under
    text = "Aciclovir is the usual first drug. Side effects include nausea, headache and rash"
    assert not [f for f, _b in _live(text, "Herpes") if "side effects" in f]


def test_a_list_in_the_past_names_no_question_and_gives_none():
    # 'What did the liver produce?' is no question verb_question asks; the field form would
    # read 'Liver — the liver produced: which three?'
    assert _live("The liver produced bile, albumin and clotting factors", "Liver") == []


def test_a_plain_noun_list_is_a_list():
    assert subject_verb_list("Symptoms include fever, seizure and rash") is not None
    assert subject_verb_list("Tyres are made of metal, plastic and rubber") is None  # no list verb


def test_a_unit_per_unit_per_unit_is_one_answer():
    blank = number_blank("The usual dose is 10 mg/kg/day for a week")
    assert blank is not None and blank.term == "10 mg/kg/day"
