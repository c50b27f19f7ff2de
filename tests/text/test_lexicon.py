"""The lexicon: the members the ingest engine depends on, and how lists must agree with their
readers (a word a pattern finds must have an entry where the engine looks it up)."""

from __future__ import annotations

import re

import pytest

from studyapp.knowledge.ingest.compare import claim_row
from studyapp.knowledge.ingest.extract import Extraction
from studyapp.knowledge.ingest.merge_topics import Resolver
from studyapp.text import lexicon, names
from studyapp.text.names import attribute_stems, content_stems, name_key, stem


@pytest.mark.parametrize("heading", ["Overview", "Use cases", "Limits", "Features", "Pricing"])
def test_generic_headings_name_an_aspect_not_a_topic(heading):
    assert name_key(heading).replace(" ", "-") in lexicon.GENERIC_ASPECTS
    resolver = Resolver({"n": Extraction(title="", headings=[("AWS Lambda", heading)])})
    assert resolver.resolve(heading) == (None, heading)
    assert resolver.resolve(f"AWS Lambda {heading}") == ("lambda", heading)


def test_hyphenated_lists_hold_name_keys_with_hyphens():
    # Their readers look up name_key(title).replace(" ", "-").
    for words in (lexicon.GENERIC_ASPECTS, lexicon.ENTITY_ASPECTS):
        assert not any(" " in w for w in words)


def test_vendor_and_subject_words_are_stop_words():
    assert {"aws", "amazon", "lambda"} <= lexicon.STOP_WORDS
    assert name_key("AWS Lambda") == name_key("Amazon Lambda") == name_key("Lambda") == "lambda"
    assert attribute_stems("Lambda memory size") == attribute_stems("memory")
    assert content_stems("the AWS function") == frozenset()


def test_general_and_subject_lists_are_two_halves_of_one():
    assert lexicon.STOP_WORDS == lexicon.ENGLISH_STOP_WORDS | lexicon.SUBJECT_STOP_WORDS
    assert not lexicon.ENGLISH_STOP_WORDS & lexicon.SUBJECT_STOP_WORDS
    assert lexicon.FILLER_WORDS == lexicon.GENERAL_FILLER_WORDS | lexicon.SUBJECT_FILLER_WORDS
    general, subject = lexicon.GENERAL_ATTRIBUTE_SYNONYMS, lexicon.SUBJECT_ATTRIBUTE_SYNONYMS
    assert not general.keys() & subject.keys()
    assert lexicon.ATTRIBUTE_SYNONYMS == {**general, **subject}


def test_qualifiers_are_the_lexicons_and_still_importable_from_names():
    assert names.QUALIFIERS is lexicon.QUALIFIERS
    assert lexicon.QUALIFIERS == {"max", "min", "default", "up"}
    assert attribute_stems("Maximum memory") - lexicon.QUALIFIERS == attribute_stems("memory")


def test_a_heading_on_two_topics_belongs_to_neither():
    assert lexicon.PAIR_OPENERS <= lexicon.PAIR_WORDS
    extraction = Extraction(title="", headings=[("EC2",), ("Lambda",), ("Lambda and EC2",)])
    resolver = Resolver({"n": extraction})
    assert resolver.resolve("Lambda and EC2") == (None, "Lambda and EC2")
    assert resolver.resolve("Lambda vs EC2") == (None, "Lambda vs EC2")


def test_row_keys_are_stems():
    # compare.row_key compares them with names.stem's six-letter truncations.
    stems = {s for key in lexicon.CLAIM_ROWS for s in key} | set(lexicon.ROW_SYNONYMS)
    stems |= set(lexicon.ROW_SYNONYMS.values())
    assert all(s == stem(s) for s in stems)
    assert lexicon.ROW_SYNONYMS[stem("runtime")] == lexicon.ROW_SYNONYMS[stem("written")]


@pytest.mark.parametrize(
    ("attribute", "row"),
    [
        ("network " + lexicon.ACCESS_CLAIM[0], "Network access"),
        ("file system " + lexicon.ACCESS_CLAIM[0], "File system access"),
        (lexicon.BODY_ACCESS_CLAIM[0], "Request body access"),
        (lexicon.REGION_CLAIM[0], "Authoring region"),
        (lexicon.SCALE_CLAIM[0], "Scale"),
        (lexicon.LANGUAGES_ATTRIBUTE, "Languages"),
        ("Runtime", "Languages"),
    ],
)
def test_every_claim_extraction_makes_is_shown_as_its_claim_row(attribute, row):
    assert claim_row(attribute) == row


def test_every_language_the_pattern_finds_has_one_spelling():
    alternatives = lexicon.LANGUAGE.removeprefix("(?:").removesuffix(")").split("|")
    assert {a.replace("\\", "") for a in alternatives} <= lexicon.LANGUAGE_NAMES.keys()
    assert "javascript" in alternatives and alternatives.index("javascript") < alternatives.index(
        "java"
    )


def test_unit_spellings_are_lower_case_and_multipliers_have_factors():
    # find_quantities looks units and multipliers up by their lower-case spelling.
    spellings = [s for row in lexicon.UNIT_SPELLINGS for s in row[0].split()]
    assert all(s == s.lower() for s in spellings)
    assert "us" not in spellings  # "3 US regions"
    assert set(lexicon.QUANTITY_MULTIPLIERS) <= lexicon.MULTIPLIERS.keys()


def test_claim_patterns_find_what_the_notes_say():
    _attr, region = lexicon.REGION_CLAIM
    assert region.search("Author your functions in one AWS Region (us-east-1)").group(1) == (
        "us-east-1"
    )
    _attr, scale = lexicon.SCALE_CLAIM
    assert scale.search("Scales to 1000s of requests/second").group(1) == "1000s"
    assert lexicon.NEGATION.search("❌ Not supported")
    assert not lexicon.NEGATION.search("Notes on Node.js")
    assert re.fullmatch(lexicon.LANGUAGE, "node.js", re.I)


@pytest.mark.parametrize(
    ("cell", "yes", "no"),
    [("✅ Supported", True, False), ("❌ Not supported", True, True), ("No", False, True)],
)
def test_yes_and_no_marks(cell, yes, no):
    # "❌ Not supported" also says "supported": readers check NO_MARK first.
    assert bool(lexicon.YES_MARK.search(cell)) is yes
    assert bool(lexicon.NO_MARK.search(cell)) is no


@pytest.mark.parametrize(
    ("name", "positional", "short"),
    [
        ("Point 3", True, False),
        (" Point 12 ", True, False),
        ("Eg", False, True),
        ("Cost", False, False),
    ],
)
def test_row_names_that_name_nothing(name, positional, short):
    assert names.named_by_position(name) is positional
    assert names.too_short_to_name(name) is short


def test_restated_answers_and_positional_labels():
    from studyapp.text.prompts import positional_label, restates

    assert restates("policy templates", "a list of available policy templates")
    assert restates("train", "training data folder")
    # explained words, a named drug, an acronym's expansion, a number or a 'no' say something
    assert not restates("blood pressure", "the pressure of blood on vessel walls")
    assert not restates("treatment", "treat with penicillin")
    assert not restates("EU", "European Union")
    assert not restates("fault", "server faults (5XX)")
    assert not restates("ordering", "no ordering")
    assert positional_label("second") and positional_label("option 2")
    assert not positional_label("number") and not positional_label("second messenger")


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("Sturge-Weber", "Sturge-Weber syndrome"),
        ("Bayes", "Bayes theorem"),
        ("Versailles", "Versailles treaty"),
    ],
)
def test_a_class_noun_after_a_name_completes_it_and_names_no_aspect(short, full):
    assert all(w in lexicon.NAME_HEAD_NOUNS for w in names.name_tokens(full)[-1:])
    resolver = Resolver({"n": Extraction(title="", headings=[(short,), (short, full)])})
    assert resolver.resolve(full) == (name_key(short), "")
    # an aspect word still names an aspect
    assert resolver.resolve(f"{short} history") == (name_key(short), "history")
