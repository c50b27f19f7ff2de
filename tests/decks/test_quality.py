"""Card quality (decks/quality.py): how sure the generator is, from the card's own text; cards
under the threshold are stored as held-back suggestions and never dealt into a deck."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.decks.generate import CardSpec
from studyapp.decks.models import Card
from studyapp.decks.quality import THRESHOLD, card_quality, held_back
from studyapp.decks.selectors import deck_cards, deck_tree
from studyapp.pipeline import model_rebuild


def _card(kind: str, front: str, back: str, quality: float = 1.0) -> CardSpec:
    return CardSpec("k", kind, "s", "Enzymes", front, back, quality)


def test_a_plain_fact_scores_above_a_remark_label():
    strong = _card("qa", "Pepsin · digestion — optimal pH?", "About 2")
    label = _card("qa", "Pepsin · digestion — solution?", "Take antacids with food")
    assert card_quality(strong) > THRESHOLD > card_quality(label)


def test_kinds_and_weak_signs_order_the_scores():
    inline = _card("inline", "Where is bile made?", "The liver")
    definition = _card("cloze", "[…]: the movement of water across a membrane", "Osmosis: the …")
    long_answer = _card("qa", "Treaty of Versailles — terms?", " ".join(["word"] * 30))
    generic = _card("cloze", "The [...] is important", "The point is important")
    markup = _card("qa", "Cell — parts?", "See [[Organelles]] and `nucleus`")
    assert card_quality(inline) > card_quality(definition) > 0.8
    assert card_quality(long_answer) < card_quality(_card("qa", "Treaty — signed?", "1919"))
    assert card_quality(markup) < card_quality(_card("qa", "Cell — parts?", "Nucleus"))
    assert 0.0 <= card_quality(generic) <= 1.0


def test_a_builder_may_say_its_card_is_weaker():
    spec = _card("cloze", "Mitochondria produce […]", "Mitochondria produce ATP", quality=0.6)
    assert card_quality(spec) <= 0.6
    assert held_back(0.49) and not held_back(0.5)


@pytest.mark.django_db
def test_held_back_cards_are_stored_but_not_dealt(tmp_path: Path):
    (tmp_path / "digestion.md").write_text(
        "# Digestion\n\n## Stomach\n\n- Optimal pH of pepsin: 2\n- Solution: eat smaller meals\n"
        "- Problem: reflux after large meals\n",
        encoding="utf-8",
    )
    model_rebuild(paths=[tmp_path])
    cards = list(Card.objects.filter(retired_at__isnull=True))
    assert cards, "the note gives cards"
    kept = [c for c in cards if not c.held_back]
    back = [c for c in cards if c.held_back]
    assert all(c.quality >= THRESHOLD for c in kept) and all(c.quality < THRESHOLD for c in back)
    assert any("pH" in c.front for c in kept)
    dealt = set()
    for deck in deck_tree():
        dealt |= set(deck_cards(deck).values_list("pk", flat=True))
    assert dealt.isdisjoint({c.pk for c in back})
    assert {c.pk for c in kept} <= dealt


def test_a_paragraph_to_read_scores_lower_than_a_sentence():
    sentence = _card("cloze", "The Nile flows into the […] Sea", "The Nile flows into the Med…")
    paragraph = _card("cloze", "The Nile " + "flows north through many lands " * 8 + "[…]", "x")
    assert card_quality(paragraph) < card_quality(sentence)


def test_a_sentence_that_led_into_a_list_is_no_context():
    from studyapp.text.prompts import context

    assert context("Photosynthesis", "Light reactions") == "Photosynthesis · light reactions"
    long = "the products of these reactions are used later in the cycle including"
    assert context("Photosynthesis", long) == "Photosynthesis"


def test_a_cloze_that_hides_nearly_everything_and_leftover_formulas_score_low():
    bare = _card("cloze", "[…]", "49,152-65,535")
    formula = _card("qa", "Circle — motion?", "$$ r(t) = R \\cos(\\omega t) $$")
    assert held_back(card_quality(bare))
    assert card_quality(formula) < card_quality(_card("qa", "Circle — motion?", "Uniform"))


def test_a_callout_remnant_is_no_context():
    from studyapp.text.prompts import context

    assert context("Pain", "? how do we tell if they suffer") == "Pain"


def test_a_list_named_by_a_sentence_and_a_cloze_with_nothing_left_score_low():
    named = _card("enumeration", "Rome — consuls: which two?", "• Caesar\n• Pompey")
    sentence = _card(
        "enumeration",
        "Rome — the historian tells us there were two men who shared the office each year: "
        "which two?",
        "• Caesar\n• Pompey",
    )
    assert card_quality(sentence) < card_quality(named)
    assert held_back(card_quality(_card("cloze", "[…] is the answer", "Osmosis is the answer")))


def test_no_blank_inside_math():
    from studyapp.text.blanks import best_blank

    blank = best_blank("The vectors $v_{1}$ and $v_{2}$ span a plane in 3 dimensions")
    assert blank is None or blank.term.startswith("3")


def test_a_blank_that_cuts_a_word_is_held_back():
    cut = _card("cloze", "Remember the causes with the mnemonic **[…]UN**", "… **PUN**")
    assert held_back(card_quality(cut))


def test_a_definition_of_one_word_is_a_whole_clue():
    # vocabulary rows asked backwards: the meaning, one word, names the term
    assert not held_back(card_quality(_card("cloze", "[…]: bread", "das Brot: bread")))
    assert not held_back(card_quality(_card("cloze", "[…]: thunder", "el trueno: thunder")))
    assert held_back(card_quality(_card("cloze", "[…]:", "Osmosis:")))
    assert held_back(card_quality(_card("cloze", "[…] of", "Osmosis of")))


def test_a_cloze_hiding_a_field_many_topics_use_is_held_back():
    # ('Symptoms: …' is held back by its word alone: an aspect, text.lexicon.ASPECT_QUESTIONS)
    label = _card("cloze", "[…]: mosquitoes and ticks", "Vectors: mosquitoes and ticks")
    assert not held_back(card_quality(label))
    assert held_back(card_quality(label, labels=frozenset({"vector"})))


@pytest.mark.django_db
def test_fields_stated_by_many_topics_are_labels(tmp_path: Path):
    from studyapp.decks.services import field_labels
    from studyapp.knowledge.snapshot import model_snapshot

    diseases = "".join(
        f"## {name}\n\n- Symptoms: {sign}\n- Cause: {cause}\n\n"
        for name, sign, cause in (
            ("Measles", "fever and rash", "a paramyxovirus"),
            ("Mumps", "swollen glands", "a rubulavirus"),
            ("Chickenpox", "itchy blisters", "the varicella-zoster virus"),
        )
    )
    (tmp_path / "infections.md").write_text(
        "# Childhood infections\n\n" + diseases + "## Rubella\n\n- Vaccine: MMR\n", encoding="utf-8"
    )
    model_rebuild(paths=[tmp_path], generate=False)
    labels = field_labels(model_snapshot())
    assert {"symptom", "cause"} <= labels and "vaccine" not in labels


def test_a_detail_of_a_worked_example_scores_lower():
    fact = CardSpec("k", "qa", "s", "Induction · proof method", "Induction — base case?", "n = 0")
    worked = CardSpec("k", "qa", "s", "Induction · example", "Induction — base case?", "n = 0")
    assert card_quality(worked) < card_quality(fact)
    assert held_back(card_quality(worked))  # a qa card's base less the penalty: held back


def test_a_fact_filed_deep_under_an_example_is_held_back_though_its_context_hides_it():
    from studyapp.decks.generate import FactInput, cards_for_fact

    def fact(subheading: str) -> FactInput:
        return FactInput(
            "f",
            "key_value",
            "Photosynthesis",
            subheading,
            "Light used: 400 nm",
            "",
            "Light used",
            "400 nm",
            (),
            (),
        )

    worked = cards_for_fact(fact("Example: A leaf in a jar › Jar contents"))
    plain = cards_for_fact(fact("Light reactions"))
    assert worked and all(c.worked and "example" not in c.context.lower() for c in worked)
    assert all(held_back(card_quality(c)) for c in worked)
    assert not any(held_back(card_quality(c)) for c in plain if c.kind == "qa")


def test_a_hidden_or_asked_formula_is_held_back_but_one_beside_the_blank_is_context():
    hidden = _card("cloze", "The kinetic energy is […]", "The kinetic energy is $\\frac{1}{2}mv^2$")
    cut = _card(
        "cloze", "$E = […]c^2$ relates mass and energy", "$E = mc^2$ relates mass and energy"
    )
    beside = _card(
        "cloze", "A tree of height $h \\geq 1$ has at least […] leaves", "A tree … two leaves"
    )
    asked = _card("comparison", "$\\overline{A}$ — $B_1$?", "1")
    assert held_back(card_quality(hidden)) and held_back(card_quality(cut))
    assert held_back(card_quality(asked))
    assert not held_back(card_quality(beside))
    # a price is no formula
    price = _card("qa", "Stamp Act — duty on a newspaper?", "$2 per copy")
    assert card_quality(price) == card_quality(_card("qa", "Stamp Act — duty?", "two pence"))


def test_a_field_asked_by_its_shorthand_is_held_back_an_acronym_is_not():
    terse = _card("qa", "Scurvy — tx?", "Vitamin C")
    spelled = _card("qa", "Scurvy — treatment?", "Vitamin C")
    acronym = _card("qa", "Meningitis — CSF?", "Cloudy, low glucose")
    assert held_back(card_quality(terse))
    assert not held_back(card_quality(spelled)) and not held_back(card_quality(acronym))


def test_a_label_that_only_says_where_its_line_stands_is_held_back():
    # 'Second: both subtrees have height h' under a heading asks nothing out of its place.
    for front in ("Binary search trees — second?", "Clustering — option 2?", "Index — column 3?"):
        assert held_back(card_quality(_card("qa", front, "both subtrees have height h")))
    named = _card("qa", "Binary search trees — second child?", "the right subtree")
    assert not held_back(card_quality(named))


def test_an_answer_that_says_its_question_again_is_held_back():
    echo = _card("qa", "Archive settings — retention rules?", "a list of retention rules")
    longer = _card("qa", "Training job — train?", "training data folder")
    fact = _card("qa", "Strep throat — treatment?", "treat with penicillin")
    assert held_back(card_quality(echo)) and held_back(card_quality(longer))
    assert not held_back(card_quality(fact))
