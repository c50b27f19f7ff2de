"""Recall (issue 10): the cards a teacher's facts need and the shapes that used to give none or
hold them back. Every snippet is our own wording, in several subjects."""

from __future__ import annotations

import pytest

from studyapp.decks.generate import FactInput, cards_for_fact
from studyapp.decks.quality import card_quality, held_back
from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.parse import parse
from studyapp.text.blanks import best_blank, blanks_in_order, named_blank, predicate
from tests.decks.facts import fact_input


def _fact(text: str, topic: str = "Study notes", **kw) -> FactInput:
    return fact_input(text=text, topic=topic, **kw)


def _live(cards):
    return [c for c in cards if not held_back(card_quality(c))]


def test_an_emphasised_term_is_asked_in_its_own_sentence_not_its_paragraph():
    text = (
        "The Hanseatic League was a network of merchant guilds and market towns around the "
        "Baltic. The main office of the league stood in Lübeck, where the diet met most years. "
        "Members shared privileges abroad and a common law of the sea, and they could expel a "
        "town that broke the rules. The league declined in the seventeenth century."
    )
    (card,) = _live(cards_for_fact(_fact(text, "Medieval trade", emphasis=("Lübeck",))))
    assert (
        card.front == "The main office of the league stood in […], where the diet met most years."
    )
    assert (
        card.back == "The main office of the league stood in Lübeck, where the diet met most years."
    )


def test_a_sentence_pointing_back_keeps_the_one_before():
    text = (
        "Gout is an inflammatory arthritis of the big toe. It is caused by urate crystals in "
        "the joint. Attacks often start at night."
    )
    (card,) = cards_for_fact(_fact(text, "Joint disease", emphasis=("urate crystals",)))
    assert (
        card.front
        == "Gout is an inflammatory arthritis of the big toe. It is caused by […] in the joint."
    )
    assert "Attacks" not in card.back


def test_a_paragraph_opening_by_pointing_outside_itself_is_not_cut():
    text = "This patient's rash suggests measles. Koplik spots appear first."
    (card,) = cards_for_fact(_fact(text, "Viral rashes", emphasis=("measles",)))
    assert card.back == text.rstrip(".")  # 'This patient' is in no sentence the note holds


@pytest.mark.parametrize(
    "sentence, hidden",
    [
        ("Napoleon was exiled to Elba after his defeat.", "Elba"),  # history
        ("Rickets is a disease caused by a lack of vitamin D.", "vitamin D"),  # medicine
        ("The build job hands its artefacts to Amazon S3 for caching.", "Amazon S3"),  # cloud
        ("The suspect's statement was excluded under PACE after the interview.", "PACE"),  # law
    ],
)
def test_a_named_thing_the_sentence_states_is_hidden_when_no_other_shape_fits(sentence, hidden):
    assert [b.term for b in blanks_in_order(sentence)][-1] == hidden


@pytest.mark.parametrize(
    "sentence",
    [
        "The supported engines include MySQL, PostgreSQL and Oracle.",  # one of a list
        "Such cases are drawn in Figure 2 below.",  # an index, not a name
        "Amazon Redshift Spectrum queries data where it lies.",  # the opening name goes on
        "& Data can pile up in the pipe.",  # a note app's marker, then the subject
        "The C. elegans worm has a fixed number of cells.",  # a name cut at its dot
        "Aspirin does not help with Lyme disease.",  # a negation hides what is not
    ],
)
def test_no_named_blank_for_a_list_member_an_index_or_a_subject(sentence):
    assert named_blank(sentence) is None


def test_a_topic_defined_in_a_sentence_is_asked_in_its_parent():
    fact = _fact(
        "Scurvy is a disease caused by a lack of vitamin C.", "Scurvy", parent="Deficiencies"
    )
    (card,) = cards_for_fact(fact)
    assert card.context == "Deficiencies"
    assert card.front == "[…] is a disease caused by a lack of vitamin C"


def test_without_a_parent_the_next_blank_is_taken():
    (card,) = cards_for_fact(_fact("Scurvy is a disease caused by a lack of vitamin C.", "Scurvy"))
    assert card.front == "Scurvy is a disease caused by a lack of […]"


def test_an_interval_after_every_is_a_number_to_ask_a_denominator_is_not():
    assert best_blank("The backup job copies the volume every 6 hours.").term == "6 hours"
    assert best_blank("The disease strikes one child in every 2,000 births.") is None


@pytest.mark.parametrize(
    "line, topic, front, back",
    [
        (
            "Treated with oral rehydration salts",
            "Cholera",
            "What is Cholera treated with?",
            "oral rehydration salts",
        ),
        (
            "Needs a written warrant",
            "Police search",
            "What does Police search need?",
            "a written warrant",
        ),
        (
            "Leads to the Treaty of Tilsit",
            "War of the Fourth Coalition",
            "What does War of the Fourth Coalition lead to?",
            "the Treaty of Tilsit",
        ),
        (
            "can be encrypted with a customer key",
            "Object store",
            "What can Object store be encrypted with?",
            "a customer key",
        ),
        (
            "stores its state in a write-ahead log",
            "Database engine",
            "What does Database engine store?",
            "its state in a write-ahead log",
        ),
    ],
)
def test_a_line_with_no_subject_is_asked_by_its_verb_under_its_topic(line, topic, front, back):
    (card,) = _live(cards_for_fact(_fact(line, topic)))
    assert (card.kind, card.front, card.back) == ("qa", front, back)
    assert card.asked_as.startswith(f"{topic} — ")  # the path-and-label front it had


@pytest.mark.parametrize(
    "line",
    [
        "Store the key in a vault",  # an instruction
        "can use a cache to save time",  # a light verb: asks nothing
        "need to restart the service afterwards",
        "waits to hear from the client",  # 'to' opens a purpose
        "does not need a licence",  # a negation
        "Can be either directed or undirected",  # no verb after 'be'
        "Runs when the page loads and it is cached",  # a clause of its own
    ],
)
def test_no_verb_card_for_an_instruction_a_light_verb_or_a_clause(line):
    assert predicate(line) is None


def test_a_section_of_lines_on_what_its_subject_undergoes_is_no_list_of_its_parts():
    note = (
        "# Anaemia\n\n- Caused by iron deficiency\n- Treated with iron tablets\n"
        "- Diagnosed by a blood count\n"
    )
    facts = extract(parse(note)).facts
    assert [f.kind for f in facts] == ["statement"] * 3


def test_a_sentence_over_notes_of_its_own_is_a_statement_as_well_as_their_label():
    note = (
        "# Roman Republic\n\nThe Senate was led by two consuls elected every year.\n"
        "- the consuls were commanders of the army\n- either one was able to veto the other\n"
    )
    facts = extract(parse(note)).facts
    assert "The Senate was led by two consuls elected every year." in [f.text for f in facts]
    kept = [f for f in facts if f.text.startswith("the consuls")]
    assert kept and kept[0].labels  # the notes under it still have it as their label


@pytest.mark.parametrize(
    "line",
    [
        "can configure retries per queue",
        "can specify a custom timeout",
        "may target older releases",
    ],
)
def test_what_a_topic_can_do_with_no_particle_is_no_verb_card(line):
    # Each of the many things it can do would be a right answer to "X — can configure?".
    assert predicate(line) is None


def test_what_a_topic_can_do_with_a_thing_named_after_a_particle_is_a_verb_card():
    assert predicate("can read from HDFS") == ("can read from", "HDFS")
