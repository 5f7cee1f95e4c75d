"""Small inline SVG charts — stacked bars and lines — with no library and no script."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

__all__ = ["Series", "bar_chart", "dutch_number", "funnel_chart", "line_chart"]

# Okabe-Ito: distinguishable with the common colour-vision deficiencies, readable on white.
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#999933",
    "#332288",
    "#882255",
    "#44AA99",
)
WIDTH = 960
_PLOT_HEIGHT = 220
_LEFT, _RIGHT, _BOTTOM = 64, 24, 40
_CHAR = 7.0  # rough width of one character at 12px, for layout without measuring text
_LEGEND_ROW = 20


@dataclass(frozen=True, slots=True)
class Series:
    """One coloured part of a chart; None is a withheld value (drawn as a gap)."""

    label: str
    values: tuple[float | None, ...]


def dutch_number(value: float, *, decimals: int = 0) -> str:
    """1234.5 → "1.234,5": the thousands dot and decimal comma Dutch readers expect."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def _nice_max(value: float) -> tuple[float, float]:
    """A round top for the axis and a whole tick step (1, 2 or 5 times a power of ten)."""
    value = max(value, 4.0)
    raw = value / 4
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    return step * math.ceil(value / step), step


def _fits(text: str, slot: float) -> bool:
    """Whether a number fits above its bar or point without touching the next one."""
    return _CHAR * len(text) + 6 <= slot


def _text(x: float, y: float, content: str, *, anchor: str = "middle", cls: str = "") -> str:
    klass = f" class={quoteattr(cls)}" if cls else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{klass}>{escape(content)}</text>'


def _legend(items: Sequence[tuple[str, str]]) -> tuple[list[str], float]:
    """Colour keys laid out in rows across the top; returns the parts and their height."""
    parts: list[str] = []
    x, y = float(_LEFT), 14.0
    for label, fill in items:
        width = 18 + _CHAR * len(label) + 18
        if x + width > WIDTH - _RIGHT and x > _LEFT:
            x, y = float(_LEFT), y + _LEGEND_ROW
        parts.append(f'<rect x="{x:.1f}" y="{y - 10:.1f}" width="12" height="12" fill="{fill}"/>')
        parts.append(_text(x + 18, y, label, anchor="start"))
        x += width
    # Room under the legend for the number above the highest bar or point.
    return parts, y + 26


def _frame(ident: str, title: str, height: float, body: list[str]) -> str:
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
            f'aria-labelledby="{ident}-title" viewBox="0 0 {WIDTH} {height:.0f}" '
            f'width="{WIDTH}" height="{height:.0f}">',
            f'<title id="{ident}-title">{escape(title)}</title>',
            *body,
            "</svg>",
        ]
    )


def _axes(
    top: float, y_max: float, step: float, unit: str, right: float = WIDTH - _RIGHT
) -> list[str]:
    parts = []
    bottom = top + _PLOT_HEIGHT
    tick = 0.0
    while tick <= y_max + step / 2:
        y = bottom - tick / y_max * _PLOT_HEIGHT
        parts.append(
            f'<line class="grid" x1="{_LEFT}" y1="{y:.1f}" x2="{right:.1f}" y2="{y:.1f}"/>'
        )
        parts.append(_text(_LEFT - 6, y + 4, dutch_number(tick) + unit, anchor="end"))
        tick += step
    parts.append(
        f'<line class="axis" x1="{_LEFT}" y1="{bottom:.1f}" x2="{right:.1f}" y2="{bottom:.1f}"/>'
    )
    return parts


def _x_labels(labels: Sequence[str], top: float, right: float = WIDTH - _RIGHT) -> list[str]:
    """Labels under the x axis: in two staggered rows when that fits, else every n-th."""
    slot = (right - _LEFT) / max(len(labels), 1)
    longest = max((len(label) for label in labels), default=1) * _CHAR + 8
    y = top + _PLOT_HEIGHT + 18
    if longest <= slot:
        return [_text(_LEFT + slot * (i + 0.5), y, label) for i, label in enumerate(labels)]
    if longest <= 2 * slot:
        return [
            _text(_LEFT + slot * (i + 0.5), y + 14 * (i % 2), label)
            for i, label in enumerate(labels)
        ]
    every = math.ceil(longest / slot)
    return [
        _text(_LEFT + slot * (i + 0.5), y, label)
        for i, label in enumerate(labels)
        if i % every == 0
    ]


def bar_chart(
    ident: str,
    title: str,
    *,
    x_labels: Sequence[str],
    series: Sequence[Series],
    totals: Sequence[tuple[float | None, str]],
    withheld_label: str,
) -> str:
    """Stacked bars per period; withheld parts of a shown total as one hatched block.

    ``totals`` gives each bar's height (None when the total itself is withheld) and the text
    above it. Only what the tables show is drawn, so a chart can reveal nothing they do not.
    """
    fills = [PALETTE[i % len(PALETTE)] for i in range(len(series))]
    keys = [
        (s.label if any(v is not None for v in s.values) else f"{s.label}: weggelaten", fill)
        for s, fill in zip(series, fills, strict=True)
    ]
    legend, top = _legend([*keys, (withheld_label, f"url(#{ident}-hatch)")])
    stacks = [sum(v for s in series if (v := s.values[i]) is not None) for i in range(len(totals))]
    highest = max((max(t, h) for (t, _), h in zip(totals, stacks, strict=True) if t is not None),
                  default=1.0)  # fmt: skip
    y_max, step = _nice_max(highest)
    bottom = top + _PLOT_HEIGHT
    slot = (WIDTH - _LEFT - _RIGHT) / max(len(x_labels), 1)
    width = min(slot * 0.7, 56)
    body = [
        f'<defs><pattern id="{ident}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#e6e6e6"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#8c8c8c" stroke-width="2"/></pattern></defs>',
        *legend,
        *_axes(top, y_max, step, ""),
    ]
    for i, (total, caption) in enumerate(totals):
        x = _LEFT + slot * i + (slot - width) / 2
        fits = _fits(caption, slot)
        if total is None:
            if fits:
                body.append(_text(x + width / 2, bottom - 4, caption, cls="muted"))
            continue
        level = 0.0
        parts = [(s.values[i], fill, s.label) for s, fill in zip(series, fills, strict=True)]
        shown = sum(v for v, _, _ in parts if v is not None)
        if any(v is None for v, _, _ in parts):
            # Rounded cells need not add up to the rounded total: the hatched block is what
            # the total leaves for the withheld cells, never less than nothing.
            parts.append((max(total - shown, 0.0), f"url(#{ident}-hatch)", withheld_label))
        for value, fill, label in parts:
            if not value:
                continue
            h = value / y_max * _PLOT_HEIGHT
            y = bottom - (level + value) / y_max * _PLOT_HEIGHT
            body.append(
                f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" '
                f'height="{h:.1f}" fill="{fill}"><title>{escape(x_labels[i])}: '
                f"{escape(label)} {escape(dutch_number(value))}</title></rect>"
            )
            level += value
        if fits:
            body.append(_text(x + width / 2, bottom - level / y_max * _PLOT_HEIGHT - 5, caption))
    body += _x_labels(x_labels, top)
    return _frame(ident, title, bottom + _BOTTOM, body)


#: Line styles in series order: each line differs from the others in colour, dash, marker and
#: width, so lines that run on top of each other all stay visible (the wider ones under the
#: narrower ones, which are drawn later).
_DASHES = ("", "8 4", "2 4", "12 4 2 4", "4 3", "1 3")
_MARKERS = ("circle", "square", "triangle", "diamond")
_END_GAP = 15  # vertical room per end label


def _width(i: int) -> float:
    return max(1.5, 4.5 - 0.6 * i)


def _marker(shape: str, x: float, y: float, fill: str, tip: str = "") -> str:
    title = f"<title>{escape(tip)}</title>" if tip else ""
    if shape == "circle":
        body = f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{fill}">'
        return f"{body}{title}</circle>"
    if shape == "square":
        return (
            f'<rect class="point" x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" '
            f'fill="{fill}">{title}</rect>'
        )
    corners = {
        "triangle": ((0, -5), (4.5, 3.5), (-4.5, 3.5)),
        "diamond": ((0, -5), (5, 0), (0, 5), (-5, 0)),
    }[shape]
    points = " ".join(f"{x + dx:.1f},{y + dy:.1f}" for dx, dy in corners)
    return f'<polygon class="point" points="{points}" fill="{fill}">{title}</polygon>'


def _style(i: int) -> tuple[str, str, float, str]:
    """Colour, dash pattern, width and marker of series i."""
    return (
        PALETTE[i % len(PALETTE)],
        _DASHES[i % len(_DASHES)],
        _width(i),
        _MARKERS[i % len(_MARKERS)],
    )


def _stroke(fill: str, dash: str, width: float) -> str:
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    return f'stroke="{fill}" stroke-width="{width:.1f}"{dashed}'


def _line_legend(series: Sequence[Series], withheld: str) -> tuple[list[str], float]:
    """Keys with each line's own dash and marker; a series with no shown value says so."""
    parts: list[str] = []
    x, y = float(_LEFT), 14.0
    for i, s in enumerate(series):
        fill, dash, width, shape = _style(i)
        empty = all(v is None for v in s.values)
        label = f"{s.label}: {withheld}" if empty else s.label
        size = 34 + _CHAR * len(label) + 18
        if x + size > WIDTH - _RIGHT and x > _LEFT:
            x, y = float(_LEFT), y + _LEGEND_ROW
        cls = "legend withheld" if empty else "legend"
        colour = "#8c8c8c" if empty else fill
        parts.append(f'<g class="{cls}">')
        parts.append(
            f'<line x1="{x:.1f}" y1="{y - 4:.1f}" x2="{x + 26:.1f}" y2="{y - 4:.1f}" '
            f"{_stroke(colour, dash or ('3 3' if empty else ''), min(width, 3))}/>"
        )
        if not empty:
            parts.append(_marker(shape, x + 13, y - 4, fill))
        parts.append(_text(x + 32, y, label, anchor="start", cls="muted" if empty else ""))
        parts.append("</g>")
        x += size
    return parts, y + 18


def _spread(wanted: list[tuple[float, int]], low: float, high: float) -> dict[int, float]:
    """End-label heights near the wanted ones, at least `_END_GAP` apart, within low..high."""
    placed: list[tuple[float, int]] = []
    for want, key in sorted(wanted):
        y = max(want, low)
        if placed and y - placed[-1][0] < _END_GAP:
            y = placed[-1][0] + _END_GAP
        placed.append((y, key))
    overflow = placed[-1][0] - high if placed else 0.0
    if overflow > 0:  # push the whole stack up, but not above the top
        placed = [(max(low, y - overflow), key) for y, key in placed]
        for n in range(1, len(placed)):
            if placed[n][0] - placed[n - 1][0] < _END_GAP:
                placed[n] = (placed[n - 1][0] + _END_GAP, placed[n][1])
    return {key: y for y, key in placed}


def line_chart(
    ident: str,
    title: str,
    *,
    x_labels: Sequence[str],
    series: Sequence[Series],
    percent: bool = False,
    withheld: str = "weggelaten",
) -> str:
    """One line per series over the x labels; a withheld value breaks the line.

    Each line is named at its end (with its last shown value) instead of a number at every
    point; the exact numbers are in the table under the chart and in each point's tooltip.
    A series without one shown value has no line, and its legend key says it is withheld.
    """
    unit = "%" if percent else ""
    decimals = 0
    ends: dict[int, str] = {}
    for i, s in enumerate(series):
        shown = [v for v in s.values if v is not None]
        if shown:
            ends[i] = f"{s.label} {dutch_number(shown[-1], decimals=decimals)}{unit}"
    margin = min(_CHAR * max((len(t) for t in ends.values()), default=0) + 20, 280)
    right = WIDTH - _RIGHT - margin
    legend, top = _line_legend(series, withheld)
    values = [v for s in series for v in s.values if v is not None]
    top_value = max(values, default=1.0)
    y_max, step = _nice_max(max(top_value, 100.0) if percent else top_value)
    bottom = top + _PLOT_HEIGHT
    slot = (right - _LEFT) / max(len(x_labels), 1)
    body = [*legend, *_axes(top, y_max, step, unit, right)]
    wanted: list[tuple[float, int]] = []
    last_points: dict[int, tuple[float, float]] = {}
    for n, s in enumerate(series):
        fill, dash, width, shape = _style(n)
        points = {
            i: (_LEFT + slot * (i + 0.5), bottom - v / y_max * _PLOT_HEIGHT, v)
            for i, v in enumerate(s.values)
            if v is not None
        }
        run: list[str] = []
        for i in range(len(s.values) + 1):
            if i in points:
                run.append(f"{points[i][0]:.1f},{points[i][1]:.1f}")
                continue
            if len(run) > 1:
                body.append(
                    f'<polyline class="line" points="{" ".join(run)}" '
                    f"{_stroke(fill, dash, width)}/>"
                )
            run = []
        for i, (x, y, value) in points.items():
            text = dutch_number(value, decimals=decimals) + unit
            body.append(_marker(shape, x, y, fill, f"{x_labels[i]}: {s.label} {text}"))
        if points:
            x, y, _ = points[max(points)]
            last_points[n] = (x, y)
            wanted.append((y + 4, n))
    heights = _spread(wanted, top + 4, bottom + 4)
    label_x = right + 12
    for n, (x, y) in last_points.items():
        fill = _style(n)[0]
        at = heights[n]
        body.append(
            f'<line class="leader" x1="{x + 6:.1f}" y1="{y:.1f}" x2="{label_x - 3:.1f}" '
            f'y2="{at - 4:.1f}" stroke="{fill}" stroke-width="1" stroke-opacity="0.6"/>'
        )
        body.append(
            f'<text class="end-label" x="{label_x:.1f}" y="{at:.1f}" fill="{fill}">'
            f"{escape(ends[n])}</text>"
        )
    body += _x_labels(x_labels, top, right)
    return _frame(ident, title, bottom + _BOTTOM, body)


def funnel_chart(
    ident: str,
    title: str,
    *,
    steps: Sequence[str],
    values: Sequence[float | None],
    caption: str,
    withheld: str,
) -> str:
    """One horizontal bar per step, as a percentage of the first: the question in words on
    the left, the percentage after the bar; a withheld step says so instead of a bar."""
    row = 26
    label_width = min(_CHAR * max((len(s) for s in steps), default=1) + 12, 470)
    left = label_width + 8
    width = WIDTH - _RIGHT - left - 60
    top = 34.0
    body = [_text(_LEFT - 56, 18, caption, anchor="start", cls="muted")]
    for i, (step, value) in enumerate(zip(steps, values, strict=True)):
        y = top + i * row
        body.append(_text(left - 8, y + 15, step, anchor="end"))
        if value is None:
            body.append(_text(left + 4, y + 15, withheld, anchor="start", cls="muted"))
            continue
        length = width * value / 100
        text = f"{dutch_number(value)}%"
        body.append(
            f'<rect class="bar" x="{left}" y="{y + 3:.1f}" width="{length:.1f}" height="18" '
            f'fill="{PALETTE[0]}"><title>{escape(step)}: {escape(text)}</title></rect>'
        )
        body.append(_text(left + length + 6, y + 16, text, anchor="start", cls="value"))
    return _frame(ident, title, top + len(steps) * row + 12, body)
