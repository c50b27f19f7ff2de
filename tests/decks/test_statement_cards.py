"""Plain statements become clozes on the number or the term that matters (issue 10, recall),
and a two-column vocabulary table gives cards both ways. Every snippet is our own wording, in
several subjects."""

from __future__ import annotations

import re

import pytest

from studyapp.decks.generate import FactInput, cards_for_fact
from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.parse import parse
from studyapp.text.blanks import best_blank, sentences
from studyapp.text.names import name_key, stable_key
from tests.decks.facts import fact_input


def _statement(text: str, topic: str = "Study notes", **kw) -> FactInput:
    return fact_input(key="s1", text=text, topic=topic, **kw)


def _answer(card) -> str:
    """What the cloze hides: the back minus the front's text around the blank."""
    i = card.front.index("[…]")
    return card.back[i : i + len(card.back) - (len(card.front) - 3)]


@pytest.mark.parametrize(
    "sentence, hidden",
    [
        ("The human heart has four chambers.", "four"),  # biology: a count; 'chambers' stays
        ("The Treaty of Westphalia was signed in 1648.", "1648"),  # history: a year
        ("Pepsin works best at a pH of about 2.", "2"),  # chemistry
        ("Rent control was introduced in the city on 3 March 1971.", "3 March 1971"),  # a date
        ("At sea level water boils at 100 °C.", "100 °C"),  # a measure keeps its unit
        ("Unemployment rose to 7.5% during the recession.", "7.5%"),  # economics
        ("The Colosseum held between 50,000 and 80,000 spectators.", "50,000"),
        ("Carthage was destroyed in 146 BC by a Roman army.", "146 BC"),
        ("Normal body temperature ranges from 36.1–37.2 °C in adults.", "36.1–37.2 °C"),
        # a quantity before its noun, hyphenated or not: the unit goes with it
        ("A Roman consul held office for a 1-year term.", "1-year"),
        ("Tenants must get a 30-day notice before eviction.", "30-day"),
        ("Each shift ends with a 10 minute handover to the next nurse.", "10 minute"),
        # the author in an aside ('we') does not make the sentence the author talking
        ("A bond is called after a 5-year lock-in (when rates fall below what we pay).", "5-year"),
    ],
)
def test_a_number_in_a_sentence_is_hidden_with_its_unit(sentence, hidden):
    (card,) = cards_for_fact(_statement(sentence))
    assert card.kind == "cloze"
    assert _answer(card) == hidden
    assert card.back == sentence.rstrip(".")
    assert card.quality == pytest.approx(0.75)


@pytest.mark.parametrize(
    "sentence",
    [
        "Vitamin B12 deficiency is common in older adults.",  # a number inside a name
        "COVID-19 vaccines were developed quickly by several laboratories.",
        "Article 231 of the Treaty of Versailles blamed Germany for the war.",
        "The garden server listens on 192.168.1.20 for backups.",  # an address
        "Infant mortality fell sharply, per 1,000 live births, across the region.",  # a rate
        "Python 3.11 brought clearer error messages to the language.",  # a version
        "The lab report for chapter 4 describes titration carefully.",  # an index
        "The nested loop in lines 14-18 compares every pair of rows.",  # (plural too: stop 40)
        "Caselaw was settled in Entick v Carrington (1765) on search warrants.",  # a citation
    ],
)
def test_a_number_that_is_part_of_a_name_an_address_or_a_rate_is_not_hidden(sentence):
    for card in cards_for_fact(_statement(sentence)):
        # The name may be the blank ('[…] brought clearer error messages'), its number alone not.
        assert not re.fullmatch(r"[\d.,–-]+", _answer(card)), card.front


@pytest.mark.parametrize(
    "sentence, term",
    [
        ("Osmosis is the movement of water across a partially permeable membrane.", "Osmosis"),
        ("A tort is a civil wrong that gives the victim a right to damages.", "tort"),
        ("Inflation refers to a sustained rise in the general price level.", "Inflation"),
        ("Recursion means a function calling itself on a smaller input.", "Recursion"),
        ("Mens rea, also called the guilty mind, must be proved by the prosecution.", "Mens rea"),
        ("Water moving into a cell by this route is known as endocytosis.", "endocytosis"),
        ("A group of five judges called the Tribunal heard the appeals.", "Tribunal"),
    ],
)
def test_a_definition_hides_the_defined_term_without_its_article(sentence, term):
    (card,) = cards_for_fact(_statement(sentence))
    assert _answer(card) == term
    assert card.key == stable_key("card", "cloze", "s1", name_key(term))


@pytest.mark.parametrize(
    "sentence, subject",
    [
        ("Mitochondria produce ATP by aerobic respiration.", "Mitochondria"),
        ("The Senate ratifies treaties negotiated by the president.", "Senate"),
        ("Hemoglobin carries oxygen from the lungs to the tissues.", "Hemoglobin"),
        ("Ada Lovelace described an algorithm for the Analytical Engine.", "Ada Lovelace"),
        ("The central bank regulates the supply of money.", "central bank"),
    ],
)
def test_a_named_subject_before_what_it_does_is_hidden(sentence, subject):
    (card,) = cards_for_fact(_statement(sentence))
    assert _answer(card) == subject
    assert card.quality < 0.75  # less sure than a number or a definition


@pytest.mark.parametrize(
    "sentence",
    [
        "What does the Senate ratify?",  # a question
        "Use a mutex to guard the shared counter.",  # an instruction
        "I think the exam will mostly cover enzymes.",  # the author talking
        "The results were interesting and worth another look.",  # no fact shape
        "The electron transport chain is quite complicated to follow.",  # 'transport' no verb
        "MySQL does not support full outer joins directly.",  # a negation hides nothing
        "Firms in this market structure usually behave in similar ways.",
    ],
)
def test_no_card_rather_than_junk(sentence):
    assert cards_for_fact(_statement(sentence)) == []


def test_one_card_per_sentence_of_a_paragraph_and_the_number_wins():
    text = (
        "The Magna Carta was sealed in 1215 at Runnymede. "
        "A writ is a formal written order issued by a court. "
        "Parliament later abolished the Star Chamber."
    )
    cards = cards_for_fact(_statement(text, topic="English legal history"))
    assert [_answer(c) for c in cards] == ["1215", "writ", "Parliament"]
    assert len({c.key for c in cards}) == 3
    assert all(c.sibling_key == "s1" for c in cards)


def test_a_blank_the_context_gives_away_is_not_asked():
    # The topic is the term: 'Osmosis — […] is the movement of water …' answers itself, so no
    # cloze; the sentence defines its topic and is asked forwards instead (recall round 6).
    cards = cards_for_fact(_statement("Osmosis is the movement of water.", topic="Osmosis"))
    assert [(c.kind, c.front, c.back) for c in cards] == [
        ("qa", "Osmosis — what is it?", "the movement of water")
    ]


def test_a_statement_with_an_emphasis_card_keeps_only_that_card():
    fact = _statement(
        "Enzymes lower the activation energy of a reaction by 40%.", emphasis=("activation energy",)
    )
    (card,) = cards_for_fact(fact)
    assert _answer(card) == "activation energy"


def test_a_long_sentence_or_an_opening_blank_scores_lower():
    short = cards_for_fact(_statement("The Bastille fell on 14 July 1789."))[0]
    opening = cards_for_fact(_statement("Helicase is an enzyme that unwinds DNA."))[0]
    long = cards_for_fact(
        _statement(
            "After a long and bitter campaign across several provinces, marked by sieges,"
            " famine and shifting alliances between the nobles and the towns, the rebels"
            " finally surrendered in 1648."
        )
    )[0]
    assert short.quality > opening.quality
    assert short.quality > long.quality


def test_sentences_do_not_split_at_abbreviations_or_decimals():
    text = "Rates rose, e.g. in 1979. A. W. Phillips wrote in 1958. Growth was 2.5 percent."
    assert sentences(text) == [
        "Rates rose, e.g. in 1979.",
        "A. W. Phillips wrote in 1958.",
        "Growth was 2.5 percent.",
    ]


def test_a_flattened_outline_is_one_statement_per_number():
    text = "Overview 1.1 Founded in 1209 by scholars 1.2 Chartered by the king in 1248"
    assert [b.term for b in map(best_blank, sentences(text)) if b] == ["1209", "1248"]


# --- two-column tables -----------------------------------------------------------------------

VOCAB = """# Italian – in the kitchen

| Italiano | English |
|---|---|
| il coltello | the knife |
| la forchetta | the fork |
| il cucchiaio | the spoon |
"""


def _cards_of(note: str) -> list:
    extraction = extract(parse(note))
    out = []
    for cand in extraction.facts:
        fact = FactInput(
            key=f"f{cand.line}",
            kind=cand.kind,
            topic="Italian",
            subheading="",
            text=cand.text,
            subject=cand.subject,
            attribute=cand.attribute,
            value=cand.value,
            items=cand.items,
            emphasis=cand.emphasis,
        )
        out.extend(cards_for_fact(fact))
    return out


def test_a_vocabulary_table_gives_cards_both_ways():
    cards = _cards_of(VOCAB)
    forward = {c.front: c.back for c in cards if c.kind == "qa"}
    assert forward["Italian — la forchetta: English?"] == "the fork"
    backward = {c.front: c.back for c in cards if c.kind == "cloze"}
    assert backward["[…]: the fork"] == "la forchetta: the fork"
    assert len(cards) == 6


def test_a_glossary_table_gives_cards_both_ways():
    note = (
        "# Contract law\n\n| Term | Definition |\n|---|---|\n"
        "| Consideration | something of value each party gives |\n"
        "| Rescission | setting a contract aside |\n"
    )
    fronts = {c.front for c in _cards_of(note)}
    assert "Italian — Consideration?" in fronts
    assert "[…]: setting a contract aside" in fronts


def test_a_table_comparing_two_things_is_no_vocabulary():
    note = (
        "# Courts\n\n| Magistrates' court | Crown court |\n|---|---|\n"
        "| no jury | jury of twelve |\n| minor offences | serious offences |\n"
    )
    extraction = extract(parse(note))
    assert not [c for c in extraction.facts if c.kind == "definition"]


@pytest.mark.parametrize(
    "line, verb, items",
    [
        ("Produces ATP, NADH and FADH2", "produces", ["ATP", "NADH", "FADH2"]),  # biology
        ("Included Prussia, Austria, Russia and Britain.", "included", ["Prussia", "Austria"]),
        ("Causes fever, rash and joint pain", "causes", ["fever", "rash", "joint pain"]),
        ("Supports Java, Python, Ruby, Node.js, .NET", "supports", ["Node.js", ".NET"]),
    ],
)
def test_a_line_listing_what_its_topic_does_asks_the_list(line, verb, items):
    (card,) = cards_for_fact(_statement(line, topic="Krebs cycle"))
    assert card.kind == "enumeration"
    # asked as a teacher asks it where the verb makes a question ('What does Krebs cycle
    # produce? (three)'), the path-and-label front kept as asked_as
    shape = card.asked_as or card.front
    assert shape.startswith("Krebs cycle — ") and f"{verb}: which " in shape
    assert all(f"• {item}" in card.back.splitlines() for item in items)


@pytest.mark.parametrize(
    "line",
    [
        "Integrated with CloudWatch, CloudFormation, CloudTrail, IAM, ...",  # open: no count
        "Has three parts, a head, a body and a tail",  # 'has' lists no action
        "Includes the treaty of Paris signed by all the powers, a truce and a pact",  # clauses
        "Enzymes exist in the stomach, the liver and the pancreas",  # a plural noun, no verb
        "Manages retries, shows progress, sends a notice",  # clauses, not things
    ],
)
def test_an_open_or_clausal_list_is_not_asked_as_a_list(line):
    assert not [c for c in cards_for_fact(_statement(line)) if c.kind == "enumeration"]


def test_a_named_subject_is_no_verb_of_the_topic():
    # 'Duties include …' names its subject: not 'Study notes — duties: which three?' (the
    # topic doing 'duties') but the duties the line lists, asked under the topic
    (card,) = [c for c in cards_for_fact(_statement("Duties include filing, sorting and billing"))]
    assert card.kind == "enumeration"
    assert card.front.endswith("— duties include: which three?")


def test_a_noun_phrase_opening_with_a_verb_like_word_is_a_subject():
    # 'Read', 'Test', 'Check' open instructions, but not when a verb follows the noun phrase.
    (card,) = cards_for_fact(_statement("Test results are kept for 30 days in the archive."))
    assert _answer(card) == "30 days"
    assert not cards_for_fact(_statement("Check the 3 valves before you start the pump."))


def test_an_arrow_parts_two_statements():
    cards = cards_for_fact(
        _statement("The lease can end with a 2-month notice => both parties sign the release")
    )
    assert [_answer(c) for c in cards] == ["2-month"]


@pytest.mark.parametrize(
    "line, hidden",
    [
        ("Outputs a Kinesis Video Stream to the cloud", "Kinesis Video Stream"),
        ("Needs the SMS Connector installed on each host", "SMS Connector"),
        ("Signed the Treaty of Versailles in the Hall of Mirrors", "Treaty of Versailles"),
        ("Defeated Napoleon at the end of the Hundred Days", "Napoleon"),
    ],
)
def test_a_line_saying_what_its_topic_does_hides_the_named_thing(line, hidden):
    (card,) = cards_for_fact(_statement(line, topic="Duke of Wellington"))
    assert card.kind == "cloze" and _answer(card) == hidden


@pytest.mark.parametrize(
    "line",
    [
        "Activates Protein kinase A in the liver cell",  # the name goes on in lower case
        "Needs no Agent on the host at all",  # what it does not do is a riddle
        "Supports encryption at rest and in transit",  # nothing named
    ],
)
def test_no_object_blank_on_a_half_name_a_negation_or_nothing_named(line):
    # (a line saying what its topic does may still be asked by its verb: '— supports?')
    assert not [c for c in cards_for_fact(_statement(line)) if c.kind == "cloze"]
