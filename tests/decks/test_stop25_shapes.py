"""Stop 25 (issue 10): a price is the number a line states, sub-topics named by a common phrase
keep their subject, and a line that says what its topic does is asked as a question. Every
snippet is our own wording, in several subjects."""

from __future__ import annotations

import pytest

from studyapp.text.blanks import best_blank


@pytest.mark.parametrize(
    "sentence, term",
    [
        ("$3000 per month and a 1 year commitment", "$3000"),
        ("The licence costs €40 for 2 years of updates", "€40"),
        ("A season ticket was £120 and lasted 6 months", "£120"),
    ],
)
def test_a_price_is_the_measure_a_line_states(sentence, term):
    assert best_blank(sentence).term == term


def test_a_bare_count_still_gives_way_to_a_measure():
    assert best_blank("The club had 300 members and met every 2 weeks").term == "2 weeks"


# A note of our own: a section headed by plain words under the thing it is about.
GARDEN = """# Espalier pruning

An espalier is a fruit tree trained flat against a wall or a wire frame.

## Summer cuts

- Side shoots: cut back to three leaves in late July
- Leaders: tied in, not cut, until they reach the top wire

## Winter cuts

- Spurs: thinned every third year
"""


@pytest.mark.django_db
def test_a_section_of_plain_words_is_asked_under_what_it_is_about(tmp_path):
    from studyapp.decks.models import Card
    from studyapp.pipeline import model_rebuild

    (tmp_path / "Espalier.md").write_text(GARDEN, encoding="utf-8")
    model_rebuild(paths=[tmp_path])
    fronts = set(Card.objects.filter(held_back=False).values_list("front", flat=True))
    assert "Espalier pruning › Summer cuts — side shoots?" in fronts
    assert not any(front.startswith("Summer cuts") for front in fronts)


def test_a_parent_naming_the_topic_again_is_not_shown_before_it():
    from studyapp.knowledge.snapshot import TopicView

    def shown(name: str, parent: str, top: bool = False) -> str:
        return TopicView(1, "k", name, (), parent, parent_top=top).shown

    assert shown("Visual types", "Tableau", top=True) == "Tableau › Visual types"
    assert shown("Second stage arrest of labour", "Second Stage of Labour", top=True) == (
        "Second stage arrest of labour"
    )
    assert shown("Static routes", "Routing tables") == "Static routes"  # plain words over plain
    assert shown("Static routes", "Routing tables", top=True) == "Routing tables › Static routes"
    assert shown("Provisioned Throughput", "Amazon DynamoDB") == "Provisioned Throughput"


@pytest.mark.parametrize(
    "line, topic, front",
    [
        ("Supports batch and streaming jobs", "Apache Flink", "What does Apache Flink support?"),
        ("Refers to the signed contract", "Deed", "What does Deed refer to?"),
        ("Carries oxygen to the tissues", "Haemoglobin", "What does Haemoglobin carry?"),
        ("Composed of protein fibres", "Tendon", "What is Tendon composed of?"),
        (
            "Used to measure blood pressure",
            "Sphygmomanometer",
            "What is Sphygmomanometer used to do?",
        ),
        ("Attached to the cell membrane", "Ribosomes", "What are Ribosomes attached to?"),
        (
            "can only be amended by the full assembly",
            "Charter",
            "What can Charter only be amended by?",
        ),
        # under a part of its topic, or a name that is no one thing, it is asked of 'it'
        (
            "Supports the weight of the skull",
            "Vertebrae › Cervical",
            "Vertebrae › Cervical — what does it support?",
        ),
        (
            "Stored in the garden shed",
            "Tools and seeds",
            "Tools and seeds — what are they stored in?",
        ),
    ],
)
def test_a_line_saying_what_its_topic_does_is_asked_as_a_question(line, topic, front):
    from studyapp.decks.generate import cards_for_fact
    from studyapp.decks.quality import card_quality, held_back
    from tests.decks.facts import fact_input

    cards = cards_for_fact(fact_input(text=line, topic=topic))
    live = [c for c in cards if c.kind == "qa" and not held_back(card_quality(c))]
    assert [c.front for c in live] == [front]


@pytest.mark.parametrize("verb", ["can be scaled", "encrypted", "producers", "might be phased"])
def test_a_verb_with_no_particle_or_no_verb_makes_no_question(verb):
    from studyapp.text.prompts import verb_question

    assert verb_question(verb, "the rest of the line") is None


def _cloze(context: str, front: str, back: str):
    from studyapp.decks.generate import CardSpec

    return CardSpec("k", "cloze", "s", context, front, back)


@pytest.mark.parametrize(
    "context, front, back",
    [
        # its subject points at a case or a line the card does not show
        (
            "Renal colic",
            "This patient's flank pain and haematuria suggest […]",
            "This patient's flank pain and haematuria suggest a ureteric stone",
        ),
        (
            "Enzyme inhibitors",
            "These drugs are given with […] to protect the stomach",
            "These drugs are given with omeprazole to protect the stomach",
        ),
        (
            "Baroque composers",
            "He wrote […] for the Elector",
            "He wrote the Brandenburg Concertos for the Elector",
        ),
        # the context names what it hides: the same name, its acronym, a short form of it
        (
            "Renal tubular acidosis",
            "Her bicarbonate was low, a sign of […]",
            "Her bicarbonate was low, a sign of renal tubular acidosis",
        ),
        (
            "ARDS",
            "The chest film shows […] after the sepsis",
            "The chest film shows acute respiratory distress syndrome after the sepsis",
        ),
        ("Viruses › Rhino", "[…] causes most common colds", "Rhinovirus causes most common colds"),
        # a table's row, and a label that names an aspect, not a thing
        ("Vaccines", "| Vaccine | […] | Booster |", "| Vaccine | Age | Booster |"),
        (
            "Gout",
            "[…]: joint aspirate shows crystals",
            "Diagnosis and treatment: joint aspirate shows crystals",
        ),
    ],
)
def test_a_cloze_that_cannot_be_answered_as_shown_is_held_back(context, front, back):
    from studyapp.decks.quality import card_quality, held_back

    assert held_back(card_quality(_cloze(context, front, back)))


@pytest.mark.parametrize(
    "context, front, back",
    [
        # an 'it' that points at nothing, or at the named thing the context shows
        (
            "Tidal power",
            "It takes […] for the tide to turn",
            "It takes about six hours for the tide to turn",
        ),
        (
            "The Hanseatic League",
            "It declined in the […] century",
            "It declined in the seventeenth century",
        ),
        # a definition asked under its own term keeps the context it has; a term, not an aspect
        (
            "Machine learning · data",
            "[…]: the input variables of a model",
            "Features: the input variables of a model",
        ),
        (
            "Photosynthesis",
            "The light reactions take place in the […]",
            "The light reactions take place in the thylakoid membranes",
        ),
    ],
)
def test_a_cloze_with_what_it_needs_shown_stays_live(context, front, back):
    from studyapp.decks.quality import card_quality, held_back

    assert not held_back(card_quality(_cloze(context, front, back)))


@pytest.mark.parametrize(
    "line, topic, front",
    [
        (
            "Supports Java, Python, Ruby and Go",
            "Serverless runtimes",
            "What do Serverless runtimes support? (four)",
        ),
        (
            "can be planted in clay, loam and chalk",
            "Hawthorn",
            "What can Hawthorn be planted in? (three)",
        ),
        (
            "Produces ATP, NADH and FADH2",
            "Krebs cycle · key features",
            "What does Krebs cycle produce? (three)",
        ),
        # a heading that qualifies the subject stays in the question
        (
            "Causes nausea, tinnitus and bleeding",
            "Aspirin · in overdose",
            "Aspirin · in overdose — what does it cause? (three)",
        ),
    ],
)
def test_a_line_listing_what_its_topic_does_is_asked_as_a_question(line, topic, front):
    from studyapp.decks.generate import cards_for_fact
    from tests.decks.facts import fact_input

    name, _, sub = topic.partition(" · ")
    (card,) = cards_for_fact(fact_input(text=line, topic=name, subheading=sub))
    assert (card.kind, card.front) == ("enumeration", front)


@pytest.mark.parametrize(
    "line",
    [
        "can be stored in glass, steel or oak",  # the verb is 'can be stored in'
        "used mostly for cheese, butter and cream",  # the verb goes on into its first item
    ],
)
def test_a_list_after_a_verb_phrase_keeps_the_whole_verb(line):
    from studyapp.text.blanks import verb_list

    found = verb_list(line)
    assert found is None or found[0] == "can be stored in"
    if found:
        assert found[1] == ["glass", "steel", "oak"]


# Two lines of one topic say what it carries: 'What does Haemoglobin carry?' has two right answers.
BLOOD = """# Haemoglobin

- Carries oxygen from the lungs to the tissues
- Carries carbon dioxide back from the tissues
- Composed of four globin chains
"""


@pytest.mark.django_db
def test_a_question_two_lines_answer_differently_is_held_back(tmp_path):
    from studyapp.decks.models import Card
    from studyapp.pipeline import model_rebuild

    (tmp_path / "Haemoglobin.md").write_text(BLOOD, encoding="utf-8")
    model_rebuild(paths=[tmp_path])
    asked = Card.objects.filter(front="What does Haemoglobin carry?")
    assert [card.held_back for card in asked] == [True]
    # the third line asks something else and stays live
    assert Card.objects.filter(back__contains="four globin chains", held_back=False).exists()


@pytest.mark.parametrize(
    "front, back, held",
    [
        # the meaning opens on the words the hidden acronym abbreviates: its initials answer it
        (
            "[…]: Reed-Sternberg cells in a node biopsy",
            "RS: Reed-Sternberg cells in a node biopsy",
            True,
        ),
        ("[…]: World Health Organization", "WHO: World Health Organization", True),
        ("[…]: gross domestic product per head", "GDP: gross domestic product per head", True),
        # a meaning that does not spell it is a question worth asking
        ("[…]: the treaty that founded the Union", "TEU: the treaty that founded the Union", False),
        ("[…]: object storage with eleven nines", "S3: object storage with eleven nines", False),
    ],
)
def test_a_definition_hiding_an_acronym_it_spells_is_held_back(front, back, held):
    from studyapp.decks.quality import card_quality, held_back

    assert held_back(card_quality(_cloze("Glossary", front, back))) is held
