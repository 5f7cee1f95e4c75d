"""Small inline SVG charts — stacked bars and lines — with no library and no script."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

__all__ = ["Series", "bar_chart", "dutch_number", "line_chart"]

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


def _axes(top: float, y_max: float, step: float, unit: str) -> list[str]:
    parts = []
    bottom = top + _PLOT_HEIGHT
    tick = 0.0
    while tick <= y_max + step / 2:
        y = bottom - tick / y_max * _PLOT_HEIGHT
        parts.append(
            f'<line class="grid" x1="{_LEFT}" y1="{y:.1f}" x2="{WIDTH - _RIGHT}" y2="{y:.1f}"/>'
        )
        parts.append(_text(_LEFT - 6, y + 4, dutch_number(tick) + unit, anchor="end"))
        tick += step
    parts.append(
        f'<line class="axis" x1="{_LEFT}" y1="{bottom:.1f}" x2="{WIDTH - _RIGHT}" '
        f'y2="{bottom:.1f}"/>'
    )
    return parts


def _x_labels(labels: Sequence[str], top: float) -> list[str]:
    """Labels under the x axis: in two staggered rows when that fits, else every n-th."""
    slot = (WIDTH - _LEFT - _RIGHT) / max(len(labels), 1)
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
    keys = [(s.label, fill) for s, fill in zip(series, fills, strict=True)]
    legend, top = _legend([*keys, (withheld_label, f"url(#{ident}-hatch)")])
    y_max, step = _nice_max(max((t for t, _ in totals if t is not None), default=1.0))
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
        parts.append((total - shown, f"url(#{ident}-hatch)", withheld_label))
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


def line_chart(
    ident: str,
    title: str,
    *,
    x_labels: Sequence[str],
    series: Sequence[Series],
    percent: bool = False,
) -> str:
    """One line per series over the x labels; a withheld value breaks the line."""
    fills = [PALETTE[i % len(PALETTE)] for i in range(len(series))]
    legend, top = _legend(list(zip((s.label for s in series), fills, strict=True)))
    values = [v for s in series for v in s.values if v is not None]
    top_value = max(values, default=1.0)
    y_max, step = _nice_max(max(top_value, 100.0) if percent else top_value)
    bottom = top + _PLOT_HEIGHT
    slot = (WIDTH - _LEFT - _RIGHT) / max(len(x_labels), 1)
    unit = "%" if percent else ""
    body = [*legend, *_axes(top, y_max, step, unit)]
    placed: dict[int, list[float]] = {}  # label heights per x position, to avoid overlaps
    for s, fill in zip(series, fills, strict=True):
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
                body.append(f'<polyline class="line" points="{" ".join(run)}" stroke="{fill}"/>')
            run = []
        last = max(points, default=-1)
        for i, (x, y, value) in points.items():
            text = dutch_number(value, decimals=1 if percent else 0) + unit
            body.append(
                f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{fill}">'
                f"<title>{escape(x_labels[i])}: {escape(s.label)} {escape(text)}</title></circle>"
            )
            if not _fits(text, slot) and i != last:
                continue  # too narrow to label every point: the last one, and the table below
            used = placed.setdefault(i, [])
            # Above the point, else below it; a label that fits nowhere is left to the table.
            for spot in (y - 8, y + 16):
                if all(abs(spot - other) >= 12 for other in used):
                    used.append(spot)
                    body.append(_text(x, spot, text, cls="value"))
                    break
    body += _x_labels(x_labels, top)
    return _frame(ident, title, bottom + _BOTTOM, body)
