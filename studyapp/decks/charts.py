"""Bar-chart geometry for SVG drawn by templates: pure arithmetic, no Django, no drawing.

The geometry is in a fixed viewBox, so the SVG scales with its container and needs no JavaScript;
colours are left to CSS (custom properties), so dark mode works without touching this module.
Numbers are rounded to 2 decimals to keep the markup short.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

WIDTH = 640
HEIGHT = 220
# Room for the value axis on the left, the day labels below, and half of the last label (it is
# centred under its column) on the right.
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 40, 24, 12, 28
BAR_SHARE = 0.7  # of each column's slot; the rest is the gap that keeps bars apart
LABEL_MAX_CHARS = 28


def _r(value: float) -> float:
    return round(value, 2)


def nice_scale(maximum: float, *, max_ticks: int = 4) -> tuple[float, float]:
    """(top, step): a round top of the axis at or above `maximum`, and a 1-2-5 step to it,
    at least 1 because these charts count whole things."""
    step = 1.0
    for exponent in range(0, 12):
        for base in (1, 2, 5):
            step = base * 10.0**exponent
            if math.ceil(maximum / step) <= max_ticks:
                return max(step, math.ceil(maximum / step) * step), step
    return max(step, math.ceil(maximum / step) * step), step


@dataclass(frozen=True)
class Segment:
    series: int  # index into the values of a column (0 is drawn at the bottom)
    name: str  # what the series counts, for the tooltip: "again", "due"
    value: float
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Column:
    label: str
    total: float
    segments: tuple[Segment, ...]
    label_x: float
    show_label: bool


@dataclass(frozen=True)
class Tick:
    value: float
    y: float
    label: str


@dataclass(frozen=True)
class ColumnChart:
    width: int
    height: int
    left: float
    right: float
    baseline: float
    tick_x: float  # where the value labels end, left of the plot
    label_y: float
    columns: tuple[Column, ...]
    ticks: tuple[Tick, ...]


def column_chart(
    data: Sequence[tuple[str, float | Sequence[float]]],
    *,
    series: Sequence[str] = (),
    labelled: Iterable[int] | None = None,
    width: int = WIDTH,
    height: int = HEIGHT,
) -> ColumnChart:
    """Vertical bars, one per (label, value); a value may be a sequence of values to stack.
    `labelled` names the columns whose label is printed under the axis (None: all), since 30
    labels do not fit; every column keeps its label for its tooltip. `series` names the
    stacked values, in order."""
    values = [tuple(v) if isinstance(v, Sequence) else (v,) for _label, v in data]
    top, step = nice_scale(max((sum(v) for v in values), default=0))
    left, right = PAD_LEFT, width - PAD_RIGHT
    upper, baseline = PAD_TOP, height - PAD_BOTTOM
    plot_height = baseline - upper
    slot = (right - left) / max(len(data), 1)
    bar_width = slot * BAR_SHARE
    shown = set(range(len(data))) if labelled is None else set(labelled)

    columns = []
    for i, ((label, _v), stack) in enumerate(zip(data, values, strict=True)):
        x = left + i * slot + (slot - bar_width) / 2
        segments, y = [], float(baseline)
        for index, value in enumerate(stack):
            if value <= 0:
                continue
            h = value / top * plot_height
            y -= h
            name = series[index] if index < len(series) else ""
            segments.append(Segment(index, name, value, _r(x), _r(y), _r(bar_width), _r(h)))
        columns.append(
            Column(label, sum(stack), tuple(segments), _r(x + bar_width / 2), i in shown)
        )
    ticks = tuple(
        Tick(v, _r(baseline - v / top * plot_height), f"{v:g}")
        for v in (k * step for k in range(int(top / step) + 1))
    )
    return ColumnChart(
        width, height, left, right, baseline, left - 6, baseline + 18, tuple(columns), ticks
    )


@dataclass(frozen=True)
class Row:
    label: str  # shortened to fit; `name` is the whole of it
    name: str
    value: float
    text: str
    y: float
    height: float
    width: float
    label_y: float  # the vertical middle of the row, for the label and the value text
    text_x: float


@dataclass(frozen=True)
class RowChart:
    width: int
    height: int
    label_x: float  # where the labels end, left of the bars
    bar_x: float
    track_width: float
    rows: tuple[Row, ...]


def row_chart(
    data: Sequence[tuple[str, float]],
    *,
    maximum: float,
    unit: str = "",
    width: int = WIDTH,
    label_width: int = 220,
    row_height: int = 26,
) -> RowChart:
    """Horizontal bars against a fixed `maximum` (100 for percentages), one row per
    (label, value), for long labels such as topic names; grows downwards with the rows."""
    bar_x = label_width
    track_width = width - label_width - 56  # the rest shows the value after the bar
    bar_height = row_height * 0.6
    rows = []
    for i, (name, value) in enumerate(data):
        top = 4 + i * row_height
        share = min(max(value / maximum, 0.0), 1.0) if maximum else 0.0
        label = name if len(name) <= LABEL_MAX_CHARS else name[: LABEL_MAX_CHARS - 1] + "…"
        rows.append(
            Row(
                label=label,
                name=name,
                value=value,
                text=f"{value:.0f}{unit}",
                y=_r(top + (row_height - bar_height) / 2),
                height=_r(bar_height),
                width=_r(share * track_width),
                label_y=_r(top + row_height / 2),
                text_x=_r(bar_x + share * track_width + 6),
            )
        )
    return RowChart(
        width, 8 + len(rows) * row_height, bar_x - 8, bar_x, _r(track_width), tuple(rows)
    )
