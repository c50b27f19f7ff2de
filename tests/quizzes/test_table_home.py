"""Stop 39 (issue 10): a table's row that is a case or a group of the table's subject, no topic
of its own ('Mild persistent' in a table of asthma's severities, 'Age over 65'), is asked with
the subject the table sits under ('Asthma · Mild persistent — treatment?'), as a card names its
subject; a row that is a name ('Crown Court', 'HHV-8') says what it is alone. Tables in our own
words."""

from __future__ import annotations

from dataclasses import replace

from studyapp.quizzes.generate import generate
from tests.quizzes.builders import table

SEVERITY = replace(
    table(
        "t1",
        ["Mild persistent", "Severe persistent", "Moderate persistent"],
        {
            "Daily inhaler": {
                "Mild persistent": "low-dose steroid",
                "Severe persistent": "high-dose steroid with a long-acting agonist",
                "Moderate persistent": "medium-dose steroid",
            },
            "Night symptoms": {
                "Mild persistent": "three or four a month",
                "Severe persistent": "most nights",
                "Moderate persistent": "more than one a week",
            },
        },
    ),
    title="Asthma severity",
    home="Paediatrics › Asthma",
)


def _prompts(tables) -> list[str]:
    return [q.prompt for seed in range(4) for q in generate([], tables, seed=seed)]


def test_a_row_that_is_a_case_of_the_subject_is_asked_with_that_subject():
    prompts = [p for p in _prompts([SEVERITY]) if "— night symptoms" in p and "match" not in p]
    assert prompts
    assert all(p.removeprefix("True or false: ").startswith("Asthma · ") for p in prompts)


def test_a_row_named_as_a_name_is_asked_alone():
    courts = replace(
        SEVERITY,
        entities=("Crown Court", "High Court", "County Court"),
        rows=tuple(
            replace(
                row,
                cells=dict(
                    zip(
                        ("Crown Court", "High Court", "County Court"),
                        row.cells.values(),
                        strict=True,
                    )
                ),
            )
            for row in SEVERITY.rows
        ),
        home="English law › Courts",
    )
    prompts = [p for p in _prompts([courts]) if "— night symptoms" in p]
    assert prompts and not any("Courts · " in p for p in prompts)


def test_a_case_of_the_subject_is_shown_with_it_on_its_card_too():
    from studyapp.decks.generate import CellInput, comparison_card

    card = comparison_card(
        CellInput(
            comparison_key="t1",
            comparison_title="Mild persistent vs Severe persistent",
            entity="Mild persistent",
            attribute="Daily inhaler",
            values=("low-dose steroid",),
            home="Paediatrics › Asthma",
        )
    )
    assert card.front == "Asthma · Mild persistent — daily inhaler?"
    assert card.asked_as == "Mild persistent — daily inhaler?"  # judged as the cell it is


def test_an_entity_its_subject_already_says_is_shown_alone():
    from studyapp.text.prompts import case_of

    assert case_of("Civil law", "Law › Civil vs Criminal law") == ""  # the subject says it
    assert case_of("Crown Court", "Law › Courts") == ""  # a name
    assert case_of("Age over 65", "Infections › Bacterial meningitis") == (
        "Bacterial meningitis · Age over 65"
    )
