"""Stop 37 (issue 10): a line with no bold marks its terms in italics, as many outlines do
('Parent process *blocks* until the child writes'); those become its emphasised terms. Italics
for stress ('*not*', '*always*') are no term, and a line with bold keeps only its bold. Snippets
in our own words."""

from __future__ import annotations

from studyapp.knowledge.ingest.parse import parse


def _emphasis(text: str) -> tuple[str, ...]:
    items = [i for s in parse(text).sections for i in s.items]
    return items[0].emphasis


def test_italics_mark_the_terms_of_a_line_without_bold():
    assert _emphasis("- A stopped process keeps the signal *pending* until it is resumed\n") == (
        "pending",
    )


def test_stress_italics_and_bold_lines_are_not_read_as_italic_terms():
    assert _emphasis("- The kernel does *not* queue a second signal of one type\n") == ()
    assert _emphasis("- **SIGKILL** cannot be *caught* by a handler\n") == ("SIGKILL",)


def test_a_stressed_verb_or_question_word_in_italics_is_no_term():
    # stop 39: italics after 'to' or a modal stress a verb; 'which' is stressed, not a term
    assert _emphasis("- The enzyme is able to *bind* two substrates at once\n") == ()
    assert _emphasis("- The indicator turns to *pink* in a base\n") == ("pink",)
    assert _emphasis("- A vaccine can *help prevent* the disease\n") == ()
    assert _emphasis("- The codon says *which* amino acid comes next\n") == ()
    assert _emphasis("- A cell in salt water loses water by *osmosis*\n") == ("osmosis",)
