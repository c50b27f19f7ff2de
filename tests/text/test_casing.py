"""Names given back their capitals after sentence case took them (`text.casing`): a blind round
found 'recall hobbes’ critique of aristotle', 'nominativ?' and 'the fed?' in fronts. The notes
say which words are names: those they capitalise inside sentences and never write lower case."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.decks.models import Card
from studyapp.pipeline import model_rebuild
from studyapp.quizzes.models import Question
from studyapp.text.casing import NameCounts, with_labels, with_names


def _names(*texts: str) -> frozenset[str]:
    counts = NameCounts()
    counts.follow(dict(enumerate(texts)))
    return counts.names()


def test_a_word_capitalised_inside_sentences_is_a_name():
    names = _names(
        "Plato taught Aristotle at the Academy.",
        "The Lyceum was opened by Aristotle.",
        "In Germany the Akkusativ marks the direct object; after durch the Akkusativ follows.",
    )
    assert {"aristotle", "akkusativ"} <= names
    # a sentence's first word, and words of grammar, are capitalised by no choice of the author
    assert "plato" not in names and "the" not in names


@pytest.mark.parametrize(
    ("texts", "word"),
    [
        # also written in lower case: a common word ('the Fed' once beside 'well fed' often)
        (("rates set by the Fed rose.", "the calves were well fed.", "a fed animal grows."), "fed"),
        # beside another capital it is a word of a longer name or a title, not a name alone
        (("bankrupt after the Seven Years' War.", "costs of the Seven Years' War grew."), "seven"),
        # an expansion's capital, against the word's own use
        (
            ("FaaS is Function as a Service.", "a managed service runs it.", "the service scales."),
            "service",
        ),
        # once is no habit: a slip or a title quoted
        (("they read it in the Guardian.",), "guardian"),
    ],
)
def test_no_name_from_a_common_word_a_longer_name_or_one_capital(texts, word):
    assert word not in _names(*texts)


def test_counts_follow_the_texts_that_changed():
    counts = NameCounts()
    counts.follow({1: "taught by Aristotle.", 2: "opened by Aristotle."})
    assert "aristotle" in counts.names()
    counts.follow({1: "taught by Aristotle.", 2: "opened by the aristotle fan club."})
    assert "aristotle" not in counts.names()  # one capital left, and a lower-case use
    fresh = NameCounts()
    fresh.follow({1: "taught by Aristotle.", 2: "opened by the aristotle fan club."})
    assert (fresh.capitalised, fresh.lower) == (counts.capitalised, counts.lower)


def test_names_are_cased_in_words_not_in_code_addresses_or_formulas():
    names = frozenset({"aristotle", "amazon", "glue"})
    assert with_names("Views — according to aristotle?", names) == "Views — according to Aristotle?"
    assert (
        with_names("see aws.amazon.com/glue for more", names) == "see aws.amazon.com/glue for more"
    )
    assert with_names("run `glue --help` first", names) == "run `glue --help` first"
    assert with_names("the $glue$ term", names) == "the $glue$ term"


PHILOSOPHY = """# Ancient philosophy

## Teachers and schools

- The Academy in Athens was founded by Plato around 387 BC.
- Plato taught Aristotle for twenty years at the Academy.
- The Lyceum was later opened by Aristotle as a rival school.

## Pupils

- Pupil of Aristotle: Alexander the Great, for three years at Mieza
- Pupil of Plato: Aristotle, for twenty years at the Academy
"""


@pytest.mark.django_db
def test_cards_and_questions_keep_the_capitals_of_names_their_labels_hold(tmp_path: Path):
    (tmp_path / "philosophy.md").write_text(PHILOSOPHY)
    model_rebuild(paths=[tmp_path])
    fronts = list(Card.objects.values_list("front", flat=True))
    assert any(f.endswith("— pupil of Aristotle?") for f in fronts), fronts
    assert not any("aristotle" in f for f in fronts), fronts
    prompts = list(Question.objects.values_list("prompt", flat=True))
    assert not any("aristotle" in p for p in prompts), prompts


# --- a clinical note's short fields, shown whole ------------------------------------------

MEANINGS = (("f/u", "follow-up"), ("path", "pathophysiology"), ("pt", "patient"))


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Subdural — path?", "Subdural — pathophysiology?"),
        ("Drowning — pt: which two?", "Drowning — patient: which two?"),
        ("Wilms · path — age?", "Wilms · pathophysiology — age?"),
        ("Path — Subdural?", "Pathophysiology — Subdural?"),
        # a word of a sentence, or a longer word, is left as written
        ("Pt with MS, painful loss of vision: […]", "Pt with MS, painful loss of vision: […]"),
        ("Graph — path length?", "Graph — path length?"),
    ],
)
def test_a_short_field_in_a_labels_place_is_shown_whole(text, shown):
    assert with_labels(text, MEANINGS) == shown


CLINICAL = """# {name}

- path: {path}
- tx: {tx}
- symptoms: {symptoms}
"""
DISEASES = [
    ("Mumps", "paramyxovirus spread in droplets", "supportive care", "swollen parotid glands"),
    ("Measles", "morbillivirus spread in the air", "vitamin A", "cough and a spreading rash"),
    ("Rubella", "togavirus spread in droplets", "supportive care", "mild fever and a rash"),
]
GRAPHS = """# {name}

- path: {path}
- cost: {tx}
"""


def _write(folder: Path, template: str) -> None:
    for name, path, tx, symptoms in DISEASES:
        text = template.format(name=name, path=path, tx=tx, symptoms=symptoms)
        (folder / f"{name}.md").write_text(text)


@pytest.mark.django_db
def test_short_fields_are_shown_whole_only_in_clinical_notes(tmp_path: Path):
    _write(tmp_path, CLINICAL)
    model_rebuild(paths=[tmp_path])
    fronts = list(Card.objects.filter(held_back=False).values_list("front", flat=True))
    assert "Mumps — pathophysiology?" in fronts, fronts
    assert not any(f.endswith("— path?") for f in fronts)
    prompts = list(Question.objects.values_list("prompt", flat=True))
    assert not any("— path?" in p for p in prompts), prompts


@pytest.mark.django_db
def test_a_path_in_notes_of_another_subject_stays_a_path(tmp_path: Path):
    _write(tmp_path, GRAPHS)  # 'path' in three topics, but no other clinical field
    model_rebuild(paths=[tmp_path])
    fronts = list(Card.objects.values_list("front", flat=True))
    assert any(f.endswith("— path?") for f in fronts), fronts
    assert not any("pathophysiology" in f for f in fronts)
