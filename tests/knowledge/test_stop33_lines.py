"""Stop 33 (issue 10): lines that read as a fact's shape and are not one. A heading's tags, an
equation as a sentence's subject, a title over a list, a name space before '::', a sentence
with an amount in brackets; and the cards whose label is a remark, an example or a rank with
no noun. Snippets in our own words, several subjects."""

from __future__ import annotations

from dataclasses import replace

from studyapp.decks.generate import cards_for_fact
from studyapp.decks.quality import card_quality, held_back
from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.extract_formats import term_definition
from studyapp.knowledge.ingest.extract_key_values import key_value
from studyapp.knowledge.ingest.parse import clean_heading, parse
from tests.decks.facts import fact_input


def _facts(text: str):
    return extract(parse(text), name="n").facts


def _live_fronts(**fields) -> list[str]:
    made = cards_for_fact(fact_input(**fields))
    return [c.front for c in made if not held_back(card_quality(replace(c)))]


def test_a_headings_tags_are_no_part_of_its_name():
    assert clean_heading("Photosynthesis #bio/plants") == "Photosynthesis"
    assert clean_heading("Treaty of Versailles #history #ww1") == "Treaty of Versailles"
    assert clean_heading("C# generics") == "C# generics"  # no tag: a name with a '#'
    assert clean_heading("Lecture #3") == "Lecture #3"  # a number, no tag


def test_an_equation_that_is_a_sentences_subject_defines_no_term():
    assert term_definition("NaN = NaN is false under IEEE 754, so use isnan()") is None
    assert term_definition("CPU = central processing unit") == (
        "CPU",
        "central processing unit",
        False,
    )
    # a meaning that is a clause still defines its term
    assert term_definition("Quorum = which share of the nodes must agree") is not None


def test_a_subject_and_the_kind_of_list_under_it_is_a_title_not_a_fact():
    note = (
        "# Cells\n\nMitosis: main steps\n\n1. Prophase\n2. Metaphase\n3. Anaphase\n"
        "4. Telophase\n\nSaccades: rapid eye movements\n\n- length: how far the eye jumps\n"
        "- speed: up to 900 degrees a second\n"
    )
    facts = _facts(note)
    attributes = {(f.attribute, f.value) for f in facts if f.kind == "key_value"}
    assert ("Mitosis", "main steps") not in attributes
    assert ("Saccades", "rapid eye movements") in attributes  # a term defined over notes on it


def test_a_short_name_space_before_an_unspaced_double_colon_is_code():
    note = (
        "## C++\n- std::map keeps its keys sorted\n- Osmosis::movement of water across a membrane\n"
    )
    cards = [(f.attribute, f.value) for f in _facts(note) if f.kind == "qa"]
    assert cards == [("Osmosis", "movement of water across a membrane")]


def test_a_sentence_with_an_amount_in_brackets_is_no_label_and_value():
    assert key_value("Uses most of the oxygen (about 20% at rest)") is None
    assert key_value("Body temperature (about 37 °C)") == ("Body temperature", "about 37 °C")


def test_a_remark_label_or_an_example_pointer_is_no_question():
    careful = _live_fronts(
        kind="key_value",
        topic="Italian phrases",
        text="Careful: 'preservativo' means condom, not jam",
        attribute="Careful",
        value="'preservativo' means condom, not jam",
    )
    assert "Italian phrases — careful?" not in careful
    example = _live_fronts(
        kind="key_value",
        topic="Regular expressions",
        text="Example output: a list of every match",
        attribute="Example output",
        value="a list of every match",
    )
    assert not any("example output" in f for f in example)


def test_a_rank_with_no_noun_is_no_definition():
    def what_is_it(value: str) -> list[str]:
        fronts = _live_fronts(
            kind="key_value",
            topic="Round robin",
            text=f"Round robin: {value}",
            attribute="Round robin",
            value=value,
        )
        return [f for f in fronts if f.endswith("what is it?")]

    assert what_is_it("The default in most load balancers") == []
    assert what_is_it("The simplest scheduling algorithm for time sharing") == [
        "Round robin — what is it?"
    ]


def test_a_plural_noun_then_a_word_then_an_article_is_a_sentence_no_meaning():
    from studyapp.knowledge.ingest.extract_formats import describes

    assert not describes("Pain fibres enter the spinal cord at the dorsal horn")
    assert not describes("Guard cells close a pore at night")
    assert describes("Bundle of nerve fibres along the spinal cord")
    assert describes("A group of islands in the same sea")


def test_a_code_names_shortened_parts_spelled_out_give_it_away():
    from studyapp.text.names import spelled_out

    assert spelled_out("RegDst", "register destination")
    assert spelled_out("ALUSrcA", "ALU source A")
    assert not spelled_out("MsgCount", "number of messages in the queue")  # 'count' unsaid


def test_a_number_word_standing_for_a_noun_is_no_blank_to_ask():
    from studyapp.decks.blank_signs import blank_penalty

    assert blank_penalty("Only […] can be open at a time", "one") > 0
    assert blank_penalty("[…] of the valves is leaking", "one") > 0
    assert blank_penalty("The heart has […] chambers", "four") == 0
    assert blank_penalty("Symptoms last […] to three weeks", "two") == 0  # a range
    assert blank_penalty("It heals in a week or […] of rest", "two") == 0
