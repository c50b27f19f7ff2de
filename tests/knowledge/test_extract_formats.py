"""Note formats that put one fact on a line: Q/A pairs, definition lists, 'Term — meaning'
glossaries, outliner properties, blocks of 'Question::Answer' cards. Snippets in our own words."""

from __future__ import annotations

from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.parse import parse


def _facts(note: str, kind: str) -> list[tuple[str, str]]:
    return [(f.attribute, f.value) for f in extract(parse(note)).facts if f.kind == kind]


def test_question_and_answer_lines_pair_into_an_authored_card():
    note = (
        "# Medieval Europe\n\n"
        "**Q:** In which year was Magna Carta sealed?\n**A:** 1215, at Runnymede.\n\n"
        "Question: Who won the Battle of Hastings?\n\nAnswer: William of Normandy\n\n"
        "Q: What is a fief? A: Land granted in return for service\n"
    )
    assert _facts(note, "qa") == [
        ("In which year was Magna Carta sealed?", "1215, at Runnymede."),
        ("Who won the Battle of Hastings?", "William of Normandy"),
        ("What is a fief?", "Land granted in return for service"),
    ]


def test_an_answer_label_without_a_question_is_not_a_card():
    note = "# Genetics\n\nA: adenine pairs with thymine\n"
    assert _facts(note, "qa") == []


def test_definition_list_defines_its_terms_one_line_each():
    note = (
        "# Geology\n\nMagma\n: molten rock below the surface\n\n"
        "Igneous rock\n: rock formed when magma or lava cools\n"
    )
    facts = [f for f in extract(parse(note)).facts if f.kind == "definition"]
    assert [(f.subject, f.value, f.line) for f in facts] == [
        ("Magma", "molten rock below the surface", 3),
        ("Igneous rock", "rock formed when magma or lava cools", 6),
    ]


def test_a_glossary_paragraph_gives_one_definition_per_line():
    note = (
        "# Music theory\n\n"
        "Tempo — the speed at which a piece is played\n"
        "Timbre – the colour of a sound\n"
        "Cadence - a chord progression that ends a phrase\n"
        "Legato = smooth and connected\n"
    )
    facts = [f for f in extract(parse(note)).facts if f.kind == "definition"]
    assert [(f.subject, f.line) for f in facts] == [
        ("Tempo", 3),
        ("Timbre", 4),
        ("Cadence", 5),
        ("Legato", 6),
    ]


def test_a_long_left_side_or_an_equation_is_no_term():
    note = (
        "# Notes\n\n- The orchestra played the symphony in my town - it was great\n"
        "- zu + dem = zum\n- labour supply = workers + job seekers\n"
    )
    facts = extract(parse(note)).facts
    assert not [f for f in facts if f.kind == "definition"]
    # a formula after '=' is the parts of the thing, asked as a key and a value
    assert ("labour supply", "workers + job seekers") in _facts(note, "key_value")


def test_outliner_properties_are_key_values_but_page_meta_is_not():
    note = (
        "tags:: geography, rivers\ntype:: lecture\n\n"
        "- The Nile\n\t- length:: 6650 km\n\t- mouth:: Mediterranean Sea\n\t- collapsed:: true\n"
        "- Rivers\n\t- delta:: a landform of sediment at a river's mouth\n"
    )
    facts = extract(parse(note)).facts
    assert [(f.attribute, f.value) for f in facts if f.kind == "key_value"] == [
        ("length", "6650 km"),
        ("mouth", "Mediterranean Sea"),
    ]
    assert [(f.subject, f.value) for f in facts if f.kind == "definition"] == [
        ("delta", "a landform of sediment at a river's mouth")
    ]
    assert not [f for f in facts if "geography" in f.text or "collapsed" in f.text]


def test_a_block_of_question_answer_lines_is_a_deck_of_cards():
    note = (
        "# French verbs\n\nêtre in English::to be\nPast participle of avoir::eu\n"
        "Which auxiliary does aller take?::être\n"
    )
    assert _facts(note, "qa") == [
        ("être in English", "to be"),
        ("Past participle of avoir", "eu"),
        ("Which auxiliary does aller take?", "être"),
    ]
    code = "# Templates\n\nFn::GetAtt\nAWS::S3::Bucket\n"
    assert _facts(code, "qa") == []


def test_a_dash_before_a_list_names_the_list_not_a_definition():
    note = "# Rocks\n\n- **Igneous rocks** - granite, basalt, pumice, obsidian\n"
    facts = extract(parse(note)).facts
    assert not [f for f in facts if f.kind == "definition"]


def test_a_hyphen_in_a_bullet_is_an_aside_but_a_dash_defines():
    note = (
        "# Volcanoes\n\n- Shield - gentle slopes from runny lava\n"
        "- Stratovolcano — a steep cone of layered ash and lava\n- Etna – so impressive!\n"
    )
    facts = [f for f in extract(parse(note)).facts if f.kind == "definition"]
    assert [f.subject for f in facts] == ["Stratovolcano"]


def test_a_term_or_property_line_with_notes_under_it_is_a_fact_too():
    note = (
        "- Latin has five declensions\n"
        "  - First declension — mostly feminine nouns\n"
        "    - ending -a, as in puella\n"
        "- Mitochondrion\n"
        "\t- membrane:: double\n"
        "\t\t- the inner one folds into cristae\n"
    )
    assert _facts(note, "definition") == [("First declension", "mostly feminine nouns")]
    assert ("membrane", "double") in [(f.attribute, f.value) for f in extract(parse(note)).facts]


def test_a_pages_property_block_does_not_label_its_outline():
    note = "tags:: history, rome\ntype:: lecture\n\n- Augustus\n  - first emperor:: 27 BC\n"
    facts = extract(parse(note)).facts
    assert all(not any("::" in label for label in f.labels) for f in facts)
    assert ("first emperor", "27 BC") in [(f.attribute, f.value) for f in facts]
