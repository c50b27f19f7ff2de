"""Stop 31 (issue 10): definitions written in prose get their card. A lead-in naming a field or
a sense ('In economics, …', 'In a broad sense, …'), a definer ('Biologists define a species as
…'), 'The term X refers to …' and 'X occurs when …' all define X; a sentence saying what a term
matters to ('… is a concept with significant implications for …') defines nothing. Snippets in
our own words, several subjects."""

from __future__ import annotations

import functools

import pytest

from studyapp.decks.generate import CardSpec, cards_for_fact
from studyapp.decks.quality import held_back
from studyapp.text import blanks
from tests.decks.facts import cloze_fronts, fact_input


def _live(text: str, topic: str, parent: str = "") -> list[CardSpec]:
    fact = fact_input(kind="statement", text=text, topic=topic, parent=parent)
    return [c for c in cards_for_fact(fact) if not held_back(c.quality)]


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        (
            "In economics, inflation is defined as a sustained rise in the general price level.",
            "inflation",
        ),
        ("In a narrow sense, literacy is defined as the ability to read and write.", "literacy"),
        ("Biologists define a species as a group of organisms that can interbreed.", "species"),
        ("Mayr defined a species as a reproductively isolated population.", "species"),
        (
            "The term habeas corpus refers to a court order to bring a prisoner before a judge.",
            "habeas corpus",
        ),
        ("A monopoly exists when a single firm supplies the whole market.", "monopoly"),
        ("Hyponatraemia occurs when serum sodium falls below the normal range.", "Hyponatraemia"),
        ("Scurvy commonly occurs when the diet lacks vitamin C for months.", "Scurvy"),
    ],
)
def test_a_definition_in_prose_hides_its_term(sentence, term):
    blank = blanks.term_blank(sentence)
    assert blank is not None and blank.term == term, blank
    assert sentence[blank.start : blank.start + len(blank.term)] == term


@pytest.mark.parametrize(
    "sentence",
    [
        "Sentience is a concept with significant implications for animal ethics.",
        "Inflation is a topic of great interest to central banks.",
        "Privacy is an important factor in discussions about data law.",
        "They define cognition as the processing of information.",  # who 'they' are is elsewhere
        "Only happens when the register is shifted right.",
        "For suspected coeliac disease, the best first test is a blood test.",  # a condition
    ],
)
def test_what_a_term_matters_to_or_a_pointer_defines_nothing(sentence):
    assert blanks.term_blank(sentence) is None
    assert blanks.defined_meaning(sentence) is None


def test_a_real_factor_is_still_a_definition():
    assert blanks.defined_meaning("Vitamin K is a factor in blood clotting.") == (
        "Vitamin K",
        "a factor in blood clotting",
    )


@pytest.mark.parametrize(
    ("sentence", "sense"),
    [
        (
            "In a broad sense, sentience is defined as the capacity for experience.",
            "in a broad sense",
        ),
        (
            "Historians define feudalism as a system of land held for service.",
            "as historians define it",
        ),
        ("Mayr defined a species as a reproductively isolated population.", "as Mayr defines it"),
        ("Osmosis is the movement of water across a membrane.", ""),
    ],
)
def test_the_sense_or_the_definer_of_a_definition_is_told(sentence, sense):
    assert blanks.definition_sense(sentence) == sense


def test_two_definitions_of_one_topic_are_two_cards_told_apart():
    broad = "In a broad sense, sentience is defined as the capacity for any subjective experience."
    narrow = (
        "In a narrower sense, Browning and Birch define sentience as the capacity to have "
        "experiences that feel good or bad."
    )
    fronts = {
        c.front for text in (broad, narrow) for c in _live(text, "Sentience", "Animal Sentience")
    }
    assert fronts == {
        "Sentience — what is it, in a broad sense?",
        "Sentience — what is it, in a narrower sense, as Browning and Birch define it?",
    }, fronts


def test_a_sentence_on_what_a_topic_matters_to_gets_no_definition_card():
    cards = _live(
        "Sentience is a concept with significant implications for animal welfare policy.",
        "Sentience",
        "Animal Sentience",
    )
    assert not [c for c in cards if c.front.endswith("what is it?")], [c.front for c in cards]


# --- a blank's own aside ---------------------------------------------------------------------


_cloze_fronts = functools.partial(cloze_fronts, topic="Pharmacology")


@pytest.mark.parametrize(
    ("text", "bold", "front"),
    [
        (
            "Acute dystonia responds quickly to intravenous diphenhydramine (Benadryl).",
            "diphenhydramine",
            "Acute dystonia responds quickly to intravenous […]",
        ),
        (
            "A transjugular intrahepatic portosystemic shunt (TIPS) is placed in refractory ascites.",
            "transjugular intrahepatic portosystemic shunt",
            "A […] is placed in refractory ascites",
        ),
        (
            # an acronym among the hidden words gives all its letters (stop 37)
            "The kernel gives every running program a thread ID (TID) when it starts.",
            "thread ID",
            "The kernel gives every running program a […] when it starts",
        ),
        (
            "Massive clots are treated by embolectomy (ie clot removal) plus thrombolysis.",
            "embolectomy",
            "Massive clots are treated by […] plus thrombolysis",
        ),
    ],
)
def test_an_aside_saying_the_hidden_term_again_is_hidden_with_it(text, bold, front):
    fronts = _cloze_fronts(text, bold)
    assert list(fronts) == [front]
    assert fronts[front] == text.rstrip(".")  # the back is the line as written, aside and all


@pytest.mark.parametrize(
    ("text", "bold", "front"),
    [
        (
            "Catatonia is treated with benzodiazepines (most commonly lorazepam) first.",
            "benzodiazepines",
            "Catatonia is treated with […] (most commonly lorazepam) first",
        ),
        (
            "Vitamin D deficiency causes osteomalacia in adults and rickets (in children).",
            "rickets",
            "Vitamin D deficiency causes osteomalacia in adults and […] (in children)",
        ),
        (
            "Blood pressure is usually measured with a sphygmomanometer (if one is at hand).",
            "sphygmomanometer",
            "Blood pressure is usually measured with a […] (if one is at hand)",
        ),
    ],
)
def test_an_aside_adding_a_condition_or_an_example_stays_shown(text, bold, front):
    assert list(_cloze_fronts(text, bold, topic="Notes")) == [front]


def test_a_cloze_asked_by_its_gloss_alone_keeps_the_gloss():
    fronts = _cloze_fronts(
        "Periorbital ecchymoses (i.e. raccoon eyes)",
        "Periorbital ecchymoses",
        topic="Skull fractures",
    )
    assert list(fronts) == ["[…] (i.e. raccoon eyes)"]


def test_a_definition_cloze_under_its_own_term_is_held_back():
    """'Standard Output' over '[…]: Destination for normal program output' shows the answer;
    under another heading the same line is asked."""
    from studyapp.decks.quality import card_quality

    def quality(topic: str) -> list[float]:
        fact = fact_input(
            kind="definition",
            subject="Standard Output (stdout)",
            value="Destination for normal program output",
            text="Standard Output (stdout): Destination for normal program output",
            topic=topic,
        )
        return [card_quality(c) for c in cards_for_fact(fact) if c.kind == "cloze"]

    assert [held_back(q) for q in quality("Standard Output")] == [True]
    assert [held_back(q) for q in quality("Streams in C")] == [False]


@pytest.mark.parametrize(
    ("front", "back", "held"),
    [
        (
            "Train on many series, not just […] when possible",
            "Train on many series, not just one when possible",
            True,
        ),
        (
            "A tensor has more than just […] dimensions",
            "A tensor has more than just two dimensions",
            True,
        ),
        (
            "Each user can have just […] primary role",
            "Each user can have just one primary role",
            False,
        ),
    ],
)
def test_not_just_one_says_several_where_just_one_is_a_rule(front, back, held):
    from studyapp.decks.generate import CardSpec
    from studyapp.decks.quality import card_quality

    card = CardSpec("k", "cloze", "f", "Notes", front, back)
    assert held_back(card_quality(card)) is held


@pytest.mark.parametrize(
    ("kind", "front", "back", "held"),
    [
        ("formula", "Geometric series is Θ(1) — Σ 1/2ⁱ = ?", "Θ(1)", True),  # its title says it
        ("formula", "Absorption law — x + x · y = ?", "x", False),  # the law's own left side
        ("formula", "Ideal gas law — PV = ?", "nRT", False),
        ("inline", "Which steps repeat in the loop?", "Steps 3, 5", True),  # of a list not shown
        ("inline", "How do you end a process politely?", "Send it SIGTERM", False),
    ],
)
def test_a_formula_its_title_states_and_a_question_about_unseen_lines_are_held(
    kind, front, back, held
):
    from studyapp.decks.generate import CardSpec
    from studyapp.decks.quality import card_quality

    assert held_back(card_quality(CardSpec("k", kind, "f", "Notes", front, back))) is held


@pytest.mark.parametrize(
    ("front", "back", "held"),
    [
        (
            "Has […] components, each of which is connected",
            "Has three components, each of which is connected",
            True,
        ),
        (
            "Plants fail all […] neurological criteria",
            "Plants fail all three neurological criteria",
            True,
        ),
        (
            "There are […] types of Hodgkin lymphoma",
            "There are four types of Hodgkin lymphoma",
            False,
        ),
        (
            "The anterior pituitary secretes […] major hormones",
            "The anterior pituitary secretes six major hormones",
            False,
        ),
        ("Have fields for up to […] registers", "Have fields for up to three registers", False),
    ],
)
def test_a_count_in_words_of_what_is_listed_elsewhere_is_held(front, back, held):
    from studyapp.decks.generate import CardSpec
    from studyapp.decks.quality import card_quality

    card = CardSpec("k", "cloze", "f", "Notes", front, back)
    assert held_back(card_quality(card)) is held


@pytest.mark.parametrize(
    ("front", "back", "held"),
    [
        ("[…] IS THE CASE FOR A NEW DEAL", "ROOSEVELT 1933 IS THE CASE FOR A NEW DEAL", True),
        ("[…]: SELECT, INSERT, UPDATE, DELETE", "DML: SELECT, INSERT, UPDATE, DELETE", False),
        ("if the file is > […]", "if the file is > 5 GB", True),
        ("When there is […]", "When there is septic shock", True),
        (
            "If the pH falls below 7.35, suspect […]",
            "If the pH falls below 7.35, suspect acidosis",
            False,
        ),
        ("[…] (if the airway is clear)", "Breath sounds (if the airway is clear)", False),
        ("[…] sign in with their library card", "Students sign in with their library card", True),
        ("Ribosomes are built in the […]", "Ribosomes are built in the nucleolus", False),
    ],
)
def test_a_title_in_capitals_a_bare_condition_and_anyone_hidden_are_held(front, back, held):
    from studyapp.decks.generate import CardSpec
    from studyapp.decks.quality import card_quality

    card = CardSpec("k", "cloze", "f", "Notes", front, back)
    assert held_back(card_quality(card)) is held


def test_hiding_an_aside_never_deals_a_card_held_back_as_written():
    """'[…] (SEA) is a rare infection …' is held back as written (the acronym gives it away);
    with the acronym hidden too it is still judged as written: held (a blind check of 20 such
    cards found 8 junk). A card live as written is judged as shown."""
    from dataclasses import replace

    from studyapp.decks.generate import CardSpec
    from studyapp.decks.quality import card_quality

    back = "Spinal epidural abscess (SEA) is a rare infection of the epidural space"
    shown = CardSpec(
        "k", "cloze", "f", "Neurology", "[…] is a rare infection of the epidural space", back
    )
    written = replace(shown, front="[…] (SEA) is a rare infection of the epidural space")
    assert not held_back(card_quality(shown))
    assert held_back(card_quality(written))
    assert held_back(card_quality(replace(shown, unglossed=written.front)))
    plain = replace(shown, unglossed="[…] (a rare one) is a rare infection of the epidural space")
    assert card_quality(plain) == card_quality(shown)


@pytest.mark.parametrize(
    ("subheading", "context"),
    [
        (
            "? How does the kidney concentrate urine?",
            "Nephron · How does the kidney concentrate urine?",
        ),
        ("Why do cells need ATP?", "Nephron · Why do cells need ATP?"),
        (
            "What if the tubule is damaged and leaks sodium everywhere?",
            "Nephron · What if the tubule is damaged and leaks sodium everywhere?",
        ),
    ],
)
def test_a_line_under_a_question_is_asked_in_that_question(subheading, context):
    # (shown as it was asked: a blind round found a lower-cased question awkward)
    from studyapp.text import prompts

    assert prompts.context("Nephron", subheading) == context


@pytest.mark.parametrize(
    "line",
    [
        "Website Security and Privacy",
        "Dynamic Web Application at the Edge",
        "Premature Rupture of Membranes (PROM)",
    ],
)
def test_a_name_in_title_case_is_no_sentence_to_cut(line):
    assert blanks.named_blank(line) is None


def test_a_sentence_with_a_name_still_hides_it():
    blank = blanks.named_blank("The job hands the training to AWS RoboMaker")
    assert blank is not None and blank.term == "AWS RoboMaker"


@pytest.mark.parametrize(
    ("title", "meaning"),
    [
        ("Failure and fault tolerance", None),
        ("EMR / AWS integration", None),
        ("Build a secure multi tier architecture", None),
        ("Unix group", "A set of users who share access to files"),
    ],
)
def test_a_heading_of_two_things_or_a_task_takes_no_meaning_from_its_first_line(title, meaning):
    from studyapp.knowledge.ingest.extract_formats import first_line_meaning
    from studyapp.knowledge.ingest.parse import Item

    items = [Item("A set of users who share access to files", 3), Item("Listed in /etc/group", 4)]
    assert first_line_meaning(title, items, nested=True) == meaning


@pytest.mark.parametrize(
    ("text", "bold", "front", "back"),
    [
        (
            "However, Group A Streptococcus is the most common bacterial cause.",
            "Group A Streptococcus",
            "[…] is the most common bacterial cause",
            "Group A Streptococcus is the most common bacterial cause",
        ),
        (
            "For this reason, glucocorticoids are given with radioiodine.",
            "glucocorticoids",
            "[…] are given with radioiodine",
            "Glucocorticoids are given with radioiodine",
        ),
        (
            # 'therefore' and its like tie a sentence on with no comma too (stop 40)
            "Therefore glucocorticoids are given with radioiodine.",
            "glucocorticoids",
            "[…] are given with radioiodine",
            "Glucocorticoids are given with radioiodine",
        ),
        (
            "First, the enzyme binds its substrate.",  # a step's word stays
            "substrate",
            "First, the enzyme binds its […]",
            "First, the enzyme binds its substrate",
        ),
        (
            # the author pointing at the fact (stop 36): the fact is what follows
            "Note that the Senate ratifies treaties by a two-thirds vote.",
            "Senate",
            "The […] ratifies treaties by a two-thirds vote",
            "The Senate ratifies treaties by a two-thirds vote",
        ),
        (
            "Remember: glycolysis happens in the cytoplasm.",
            "glycolysis",
            "[…] happens in the cytoplasm",
            "Glycolysis happens in the cytoplasm",
        ),
    ],
)
def test_a_word_tying_a_sentence_to_the_one_before_is_left_off(text, bold, front, back):
    fact = fact_input(kind="statement", text=text, topic="Notes", emphasis=(bold,))
    clozes = [c for c in cards_for_fact(fact) if c.kind == "cloze"]
    assert [(c.front, c.back) for c in clozes] == [(front, back)]


def test_a_colon_inside_the_emphasis_stays_on_the_front():
    # '_Somatic type:_ The central theme …' showed '[…] The central theme …' (stop 40)
    text = "Somatic type: the belief centres on the body's own feelings or functions."
    fronts = _cloze_fronts(text, "Somatic type:", topic="Delusional disorder")
    assert all(f.startswith("[…]:") for f in fronts if f.startswith("[…]"))
    assert not any(f.startswith("[…] the belief") for f in fronts)
