"""Bar geometry for the server-drawn SVG charts: pure arithmetic, checked with exact numbers."""

from __future__ import annotations

import pytest

from studyapp.decks.charts import (
    HEIGHT,
    PAD_BOTTOM,
    PAD_LEFT,
    PAD_RIGHT,
    PAD_TOP,
    WIDTH,
    column_chart,
    nice_scale,
    row_chart,
)

BASELINE = HEIGHT - PAD_BOTTOM
PLOT_HEIGHT = BASELINE - PAD_TOP


@pytest.mark.parametrize(
    ("maximum", "expected"),
    [
        (0, (1, 1)),
        (3, (3, 1)),
        (4, (4, 1)),
        (7, (8, 2)),
        (9, (10, 5)),
        (41, (60, 20)),
        (200, (200, 50)),
    ],
)
def test_the_axis_ends_on_a_round_number_in_at_most_four_steps(maximum, expected):
    assert nice_scale(maximum) == expected


def test_columns_stand_on_the_baseline_with_heights_in_proportion():
    chart = column_chart([("a", 2), ("b", 0), ("c", 4)])

    a, b, c = chart.columns
    slot = (WIDTH - PAD_LEFT - PAD_RIGHT) / 3
    assert [s.height for s in c.segments] == [PLOT_HEIGHT]  # the axis tops out at 4
    assert [s.height for s in a.segments] == [PLOT_HEIGHT / 2]
    assert b.segments == ()  # nothing to draw for zero, not a zero-height rect
    assert a.segments[0].y + a.segments[0].height == BASELINE
    assert a.segments[0].width == round(slot * 0.7, 2)
    assert c.label_x == round(PAD_LEFT + 2.5 * slot, 2)
    assert [(t.value, t.y, t.label) for t in chart.ticks] == [
        (0, BASELINE, "0"),
        (1, BASELINE - PLOT_HEIGHT / 4, "1"),
        (2, BASELINE - PLOT_HEIGHT / 2, "2"),
        (3, BASELINE - PLOT_HEIGHT * 3 / 4, "3"),
        (4, PAD_TOP, "4"),
    ]


def test_stacked_values_sit_on_each_other_and_are_named():
    chart = column_chart([("Mar 20", (3, 1))], series=("passed", "again"))

    passed, again = chart.columns[0].segments
    assert chart.columns[0].total == 4
    assert (passed.name, passed.value, again.name, again.value) == ("passed", 3, "again", 1)
    assert passed.y + passed.height == BASELINE
    assert again.y + again.height == passed.y
    assert again.y == PAD_TOP


def test_only_the_chosen_columns_print_their_label():
    chart = column_chart([(str(i), i) for i in range(10)], labelled=range(9, -1, -7))

    assert [c.label for c in chart.columns if c.show_label] == ["2", "9"]


def test_rows_are_drawn_against_a_fixed_maximum_and_clamped():
    long_name = "Lambda@Edge versus CloudFront Functions"
    chart = row_chart([("Lambda", 50.0), (long_name, 130.0), ("Empty", 0.0)], maximum=100, unit="%")

    half, full, empty = chart.rows
    assert half.width == chart.track_width / 2
    assert full.width == chart.track_width
    assert empty.width == 0
    assert (half.text, full.text, empty.text) == ("50%", "130%", "0%")
    assert full.name == long_name and full.label.endswith("…") and len(full.label) == 28
    assert half.text_x == chart.bar_x + half.width + 6
    assert chart.height == 8 + 3 * 26
