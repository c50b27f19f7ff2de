"""A table cell of several lines is asked as one line. Lines under a head ('Use cases' over '• x',
'• y') read 'Use cases: x; y'; lines side by side ('Hands mostly open<br>Reaches midline', two
milestones of one age) read 'Hands mostly open; Reaches midline'. Before, the first of such
lines was made the head of the rest, as if it defined them. Snippets in our own words."""

from __future__ import annotations

import pytest

from studyapp.quizzes.generate.values import flat


@pytest.mark.parametrize(
    ("cell", "line"),
    [
        ("Pollination:\n• by wind\n• by insects", "Pollination: by wind; by insects"),
        ("Common uses\n- roofing\n- wiring", "Common uses: roofing; wiring"),
        ("Smiles socially\nFollows faces", "Smiles socially; Follows faces"),
        ("• Rome\n• Carthage", "Rome; Carthage"),
        ("A single line", "A single line"),
        ("- Causes:\n- cold\n- damp", "Causes: cold; damp"),  # a bulleted head keeps its colon
        ("-5 °C", "-5 °C"),  # a minus is no bullet
    ],
)
def test_a_cells_lines_read_as_one_line(cell, line):
    assert flat(cell) == line
