"""Card precision (issue 10): cards a blind review called junk are made right or held back as
suggestions, and the cards beside them are not. Every snippet is our own wording, in several
subjects."""

from __future__ import annotations

import pytest

from studyapp.decks.generate import CardSpec, FactInput, cards_for_fact
from studyapp.decks.quality import card_quality, held_back
from studyapp.text.blanks import best_blank
from studyapp.text.prompts import cloze_term, continues, discourse_label, spells, tidy
from tests.decks.facts import fact_input


def _fact(kind: str = "statement", **kw) -> FactInput:
    return fact_input(kind=kind, **kw)


def _quality(kind: str, front: str, back: str, context: str = "Notes") -> float:
    return card_quality(CardSpec("k", kind, "s", context, front, back))


@pytest.mark.parametrize(
    "label",
    [
        "Given",
        "Says",
        "Intuitively",
        "In general",
        "In this case",
        "On the far left",
        "Similar to week 3",
        "Unlike the first method",
    ],
)
def test_a_label_that_frames_its_line_names_nothing(label):
    assert discourse_label(label)
    card = _quality("qa", f"Heaps — {label.lower()}?", "the root holds the smallest key")
    assert held_back(card)


@pytest.mark.parametrize("label", ["In children", "For Kant", "Below 5 mg", "Treatment", "Family"])
def test_a_label_that_names_whom_or_what_stays(label):
    assert not discourse_label(label)


def test_the_premise_of_one_problem_holds_back_what_is_filed_under_it():
    under = _fact(
        "key_value",
        topic="Monopoly pricing",
        subheading="Suppose a firm faces demand P = 20 - Q",
        text="Marginal revenue: 20 - 2Q",
        attribute="Marginal revenue",
        value="20 - 2Q",
    )
    plain = _fact(
        "key_value",
        topic="Monopoly pricing",
        subheading="Profit maximisation",
        text="Rule: marginal revenue equals marginal cost",
        attribute="Rule of thumb",
        value="marginal revenue equals marginal cost",
    )
    worked = cards_for_fact(under)
    assert worked and all(c.worked and held_back(card_quality(c)) for c in worked)
    assert not any(c.worked for c in cards_for_fact(plain))
    said = cards_for_fact(_fact(text="Given a sorted list of 8 keys, binary search makes 3 probes"))
    assert all(c.worked for c in said)


@pytest.mark.parametrize("label", ["If", "if:"])
def test_a_bare_if_over_the_givens_is_one_problems_premise(label):
    """'If' / '- frequency: 2 records per second' … 'Then' / '- … = 1000': the lines under a
    bare 'If' are one worked problem's givens ('Shards · if — frequency?' was dealt)."""
    given = _fact(
        "key_value",
        topic="Stream shards",
        subheading=label,
        text="frequency: 2 records per second",
        attribute="frequency",
        value="2 records per second",
    )
    cards = cards_for_fact(given)
    assert cards and all(c.worked and held_back(card_quality(c)) for c in cards)
    # a sentence opening on 'If' states a rule, no premise
    rule = _fact(text="If such an edge exists, the graph has a cycle", topic="Graphs")
    assert not any(c.worked for c in cards_for_fact(rule))


def test_half_a_sentence_cut_at_a_line_break_is_held_back():
    assert continues("Which is then copied into the cache")
    assert continues("Depending on the soil it flowers in May")
    assert continues("Though it may take three weeks")
    assert not continues("Although the treaty was signed, fighting went on for 3 weeks")
    assert not continues("If such an edge exists, it is a back edge")
    cut = _quality(
        "cloze", "Which is then copied into the […]", "Which is then copied into the L2 cache"
    )
    whole = _quality(
        "cloze", "Data is then copied into the […]", "Data is then copied into the L2 cache"
    )
    assert held_back(cut) and not held_back(whole)


def test_an_acronym_read_off_its_words_is_held_back_a_long_one_asked_is_not():
    assert spells("WTO", "World Trade Organization") and spells("CPU", "central processing unit")
    assert not spells("DNA", "deoxyribonucleic acid")
    # an acronym among the words gives all its letters: 'thread ID' is TID (stop 37)
    assert spells("TID", "thread ID") and spells("PID", "process ID")
    assert not spells("TID", "thread identifier")
    assert spells("FIFO", "first-in-first-out") and not spells("FIFO", "first-in")
    given_away = _quality("cloze", "[…]: World Trade Organization", "WTO: World Trade Organization")
    assert held_back(given_away)
    short = _quality("qa", "Trade law — WTO?", "World Trade Organization", "Trade law")
    long = _quality("qa", "Kidneys — ADPKD?", "autosomal dominant polycystic kidney disease")
    assert short < long and not held_back(long)


def test_a_value_written_out_is_no_meaning_to_define():
    fact = _fact(
        "definition",
        topic="Config files",
        text='log path = "/var/log/app.log"',
        subject="log path",
        attribute="log path",
        value='"/var/log/app.log"',
    )
    assert not [c for c in cards_for_fact(fact) if c.front.startswith("[…]:")]


def test_when_something_happens_is_no_term_to_hide():
    assert not cloze_term("before the first frost")
    assert not cloze_term("during cell division")
    assert cloze_term("in vitro fertilisation") and cloze_term("Mitosis")


def test_notes_on_a_person_or_a_mapping_are_no_list():
    person = _fact(
        "enumeration",
        topic="Enlightenment",
        subject="Denis Diderot",
        items=("1713-1784", "Editor of the Encyclopédie"),
    )
    mapping = _fact(
        "enumeration",
        topic="Multiplexer",
        subject="Sel = chooses the input",
        items=("0 → input A", "1 → input B"),
    )
    parts = _fact("enumeration", topic="Cell", subject="organelles", items=("nucleus", "ribosome"))
    for fact in (person, mapping):
        (card,) = cards_for_fact(fact)
        assert held_back(card_quality(card))
    (card,) = cards_for_fact(parts)
    assert not held_back(card_quality(card))


def test_a_list_marker_is_no_part_of_the_line():
    assert tidy("& Insertion keeps the height the same") == "Insertion keeps the height the same"
    assert tidy("? Why use a heap") == "Why use a heap"
    assert tidy("$5 entry fee") == "$5 entry fee"
    # an arrow opening a line says it follows from the one above; inside one it is the line's
    assert (
        tidy("→ Osmosis needs no energy from the cell") == "Osmosis needs no energy from the cell"
    )
    assert tidy("=> Prices rise when supply falls") == "Prices rise when supply falls"
    assert tidy("Low supply -> higher prices") == "Low supply -> higher prices"


@pytest.mark.parametrize(
    "sentence",
    [
        "Newly formed stars emit strong winds",
        "Contains several treated samples of soil",
        "Describes various forms of erosion in deserts",
        "Remaining funds used for repairing the roof",
    ],
)
def test_a_subject_must_be_headed_by_a_noun(sentence):
    blank = best_blank(sentence)
    assert blank is None or blank.kind != "subject", blank


def test_a_participle_before_the_verb_still_leaves_a_subject():
    blank = best_blank("Grain stored in silos must be kept dry")
    assert blank is not None and blank.term == "Grain"


def test_a_line_that_names_its_heading_again_is_asked_under_the_topic():
    fact = _fact(
        "key_value",
        topic="Measles",
        subheading="Prevention",
        text="Prevention: two doses of the MMR vaccine",
        attribute="Prevention",
        value="two doses of the MMR vaccine",
    )
    (card, *_rest) = cards_for_fact(fact)
    assert card.front == "How do you prevent Measles?"  # an aspect asked as a question (fronts8)
    assert card.context == "Measles"
    nested = _fact(
        "key_value",
        topic="Chest X-ray › Pneumothorax",
        text="Pneumothorax: a visible pleural line",
        attribute="Pneumothorax",
        value="a visible pleural line",
    )
    (card, *_rest) = cards_for_fact(nested)
    assert card.front == "Chest X-ray — pneumothorax?"


def test_a_table_row_named_by_a_number_alone_is_held_back():
    by_number = _quality("comparison", "3 — carries?", "Every 8 steps", "Counter trace")
    by_name = _quality("comparison", "Mercury — moons?", "0", "Planets")
    assert held_back(by_number) and not held_back(by_name)
