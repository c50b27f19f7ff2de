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


def test_a_question_word_in_italics_is_no_term():
    # stop 39: 'which', 'when' in italics are stressed (blind check p39-verbs: 4 of 4 such
    # clozes junk); a verb in italics stays a term (7 of 14 such clozes good)
    assert _emphasis("- The codon says *which* amino acid comes next\n") == ()
    assert _emphasis("- An enzyme is able to *bind* two substrates at once\n") == ("bind",)
    assert _emphasis("- A cell in salt water loses water by *osmosis*\n") == ("osmosis",)
