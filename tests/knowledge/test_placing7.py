"""The subject a card names is what its note is about, not where the note comes from: a
question bank's or a pretest book's name, a numbered set, a course code, a shared title suffix;
a heading that is a sentence is no subject; 'what is it?' is asked only of a heading that names
a thing."""

from __future__ import annotations

import pytest

from studyapp.decks.generate import UNNAMED_QUALITY, FactInput, qa_card
from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.merge import merge
from studyapp.knowledge.ingest.parse import parse
from studyapp.knowledge.placing import fact_topics
from studyapp.knowledge.snapshot import FactView, TopicView
from studyapp.text.names import collection_words, no_name, sentence_heading, uncollected


def test_numbered_instalments_of_a_title_word_are_a_collection():
    titles = ["Drillbook", "Drillbook 2", "Drillbook3", "Set2Drillbook4", "Photosynthesis"]
    found = collection_words(titles)
    assert "drillbook" in found
    assert "photosynthesis" not in found
    assert uncollected("Drillbook3", found) == ""
    assert uncollected("Drillbook Genetics", found) == "Genetics"


def test_a_subject_split_in_two_is_no_collection():
    found = collection_words(["Stroke", "Stroke 2", "Mitosis", "Meiosis 2"])
    assert not {"stroke", "meiosis"} & found


def test_a_course_code_numbered_across_notes_is_a_collection():
    found = collection_words(["GEO101 Notes", "GEO230", "GEO305 Glaciers"])
    assert "geo" in found
    assert uncollected("GEO305 Glaciers", found) == "Glaciers"


def test_a_dash_suffix_several_subjects_share_is_where_they_come_from():
    found = collection_words(["Contract law - Bar prep", "Torts - Bar prep", "Equity"])
    assert {"bar", "prep"} <= found
    assert uncollected("Torts - Bar prep", found) == "Torts"
    assert uncollected("Equity", found) == "Equity"


def test_a_pretest_book_is_no_subject():
    found = collection_words(["Pretest Cardiology", "Limits"])
    assert uncollected("Pretest Cardiology", found) == "Cardiology"


NOTES = {
    "bank1": "# Quizbank1\n\n## Osmosis\n\n- direction: water moves to the higher solute side\n",
    "bank2": "# Quizbank2\n\n## Habeas corpus\n\n- purpose: a detainee is brought before a court\n",
    "bank3": "# Quizbank3\n\n## Recursion\n\n- base case: the call that returns without recursing\n",
    "ecology": "# Ecology\n\n## Food webs\n\n- producers: plants that fix carbon\n",
}


def test_a_question_banks_title_is_no_parent_topic():
    model = merge({slug: extract(parse(text), name=f"{slug}.md") for slug, text in NOTES.items()})
    names = {t.key: t.name for t in model.topics}
    assert not any("Quizbank" in name for name in names.values())
    parents = {t.name: names.get(t.parent_key or "") for t in model.topics}
    assert parents["Osmosis"] is None
    assert parents["Food webs"] == "Ecology"


def _fact(pk, topic, note, title, heading, line):
    source = {"note": note, "title": title, "heading": heading, "line": line}
    return FactView(pk, f"f{pk}", "statement", topic, "", "text", "", "", "", (), (), (source,), ())


def test_a_card_is_not_asked_under_a_collections_title():
    # 'Symptoms' is a plain heading; its parent comes from another note
    symptoms = TopicView(1, "t-sym", "Symptoms", (), parent="Measles")
    facts = [
        _fact(1, symptoms, "b1", "Reviewset 1", "Reviewset 1 › Symptoms", 4),
        _fact(2, symptoms, "b2", "Reviewset 2", "Symptoms", 4),
        _fact(3, symptoms, "b3", "Reviewset 3 Scurvy", "Symptoms", 9),
    ]
    shown = fact_topics(facts)
    assert shown[1] == "Symptoms"
    assert shown[2] == "Symptoms"
    assert shown[3] == "Scurvy › Symptoms"


def test_a_session_framing_shows_its_subject_and_a_sentence_is_no_subject():
    test = TopicView(1, "t-test", "Test", (), parent="Bash basics")
    facts = [
        _fact(1, test, "shell", "Shell", "Video 2: Control Constructs › Test", 7),
        _fact(2, test, "shell2", "Why the loop never ends in this script", "Test", 3),
    ]
    shown = fact_topics(facts)
    assert shown[1] == "Control Constructs › Test"
    assert shown[2] == "Test"


@pytest.mark.parametrize(
    "heading", ["Min 1 to 5", "Step 2", "Infectious", "Chemical", "Rent is due on the first"]
)
def test_headings_that_name_nothing(heading):
    assert no_name(heading)


@pytest.mark.parametrize("heading", ["Magna Carta", "Mitosis", "Hospital", "Variable", "SIADH"])
def test_headings_that_name_a_thing(heading):
    assert not no_name(heading)


def test_sentence_heading():
    assert sentence_heading("The court is bound by its own decisions")
    assert not sentence_heading("Doctrine of precedent")


def _kv(topic: str, attribute: str, value: str) -> FactInput:
    line = f"{attribute}: {value}"
    return FactInput("k1", "key_value", topic, "", line, "", attribute, value, (), ())


def test_what_is_it_of_no_name_is_held_back():
    card = qa_card(_kv("Infectious", "Infectious", "spread from one host to another"))
    named = qa_card(_kv("Mitochondrion", "Mitochondrion", "the organelle that makes ATP"))
    assert card is not None and card.front.endswith("what is it?")
    assert card.quality == UNNAMED_QUALITY
    assert named is not None and named.quality == 1.0


def test_kinds_numbered_within_one_subject_are_no_collection():
    from studyapp.text.names import collection_words

    kinds = ["Type 1 diabetes", "Type 2 diabetes", "Type 3 diabetes", "World War 1", "World War 2"]
    assert not {"type", "war"} & collection_words([*kinds, "World War 3"])
    banks = ["Bank 2 Asthma", "Bank 3 Gout", "Bank 4 Anaemia"]
    assert "bank" in collection_words(banks)


def test_a_chat_exported_from_an_assistant_is_about_its_subject():
    found = collection_words(["ChatGPT - TCP vs UDP", "Photosynthesis"])
    assert uncollected("ChatGPT - TCP vs UDP", found) == "TCP vs UDP"
    assert uncollected("ChatGPT", found) == ""
