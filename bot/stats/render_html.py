"""The report as one self-contained HTML page: Dutch text, inline SVG charts, readable tables.

No script, no external file, no network: a Content-Security-Policy in the page forbids loading
anything, so the file can be mailed and opened anywhere.
"""

from __future__ import annotations

from html import escape

from bot.stats import labels
from bot.stats.model import Cell, Kind, Mark, Report, Table
from bot.stats.svg import Series, bar_chart, dutch_number, funnel_chart, line_chart

__all__ = ["render_html"]

_STYLE = """
body { font-family: system-ui, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif;
       color: #1a1a1a; margin: 2rem auto; max-width: 1000px; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; }
h2 { font-size: 1.25rem; margin: 2.4rem 0 .3rem; border-top: 1px solid #ddd; padding-top: 1rem; }
p.about { margin: .2rem 0 .8rem; color: #444; }
nav ol { columns: 2; padding-left: 1.2rem; }
figure { margin: .5rem 0 1rem; overflow-x: auto; }
svg.chart { font-size: 12px; fill: #1a1a1a; max-width: 100%; height: auto; }
svg .grid { stroke: #e3e3e3; } svg .axis { stroke: #555; }
svg .line, svg .leader { fill: none; }
svg .end-label { font-size: 12px; font-weight: 600; }
svg .muted { fill: #777; } svg .value { font-size: 11px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: .92rem; }
th, td { padding: .25rem .6rem; border-bottom: 1px solid #e5e5e5; }
thead th { text-align: right; background: #f3f3f3; vertical-align: bottom; }
thead th:first-child, tbody th { text-align: left; white-space: nowrap; }
tbody th.step { white-space: normal; min-width: 18rem; font-weight: normal; }
thead th { white-space: nowrap; }
td { text-align: right; }
td.withheld { color: #777; }
td.total, th.total { font-weight: 600; }
footer { margin-top: 3rem; border-top: 2px solid #333; padding-top: .8rem; font-size: .92rem; }
"""


def _cell_html(cell: Cell, min_cell: int, *, kind: Kind, total: bool = False) -> str:
    classes = ["total"] if total else []
    if isinstance(cell, Mark):
        classes.append("withheld")
        meaning = f"minder dan {min_cell}" if cell is Mark.SMALL else "weggelaten"
        text = escape(labels.withheld_label(cell, min_cell, kind))
        return f'<td class="{" ".join(classes)}" title="{meaning}">{text}</td>'
    if isinstance(cell, float):
        text = dutch_number(cell) + "%"
    elif isinstance(cell, str):
        text = escape(labels.column_label("minutes", cell))
    else:
        text = dutch_number(cell)
    klass = f' class="{" ".join(classes)}"' if classes else ""
    return f"<td{klass}>{text}</td>"


def _ident(table: Table) -> str:
    return f"{table.key}-{table.by}" if table.by else table.key


def _steps_html(table: Table, min_cell: int) -> str:
    """A funnel turned on its side: a row per question (in words), a column per period."""
    head = ['<th scope="col">Stap</th>']
    head += [f'<th scope="col">{escape(row.period)}</th>' for row in table.rows]
    rows = []
    for i, name in enumerate(labels.column_names(table)):
        cells = [f'<th scope="row" class="step">{escape(name)}</th>']
        cells += [_cell_html(row.cells[i], min_cell, kind=table.kind) for row in table.rows]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f'<div class="scroll"><table id="{_ident(table)}-table">'
        f"<thead><tr>{''.join(head)}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _table_html(table: Table, min_cell: int) -> str:
    if table.names:
        return _steps_html(table, min_cell)
    has_total = table.kind == "partition"
    head = ['<th scope="col">Periode</th>']
    head += [f'<th scope="col">{escape(name)}</th>' for name in labels.column_names(table)]
    if has_total:
        head.append('<th scope="col" class="total">Totaal</th>')
    rows = []
    for row in table.rows:
        cells = [f'<th scope="row">{escape(row.period)}</th>']
        cells += [_cell_html(cell, min_cell, kind=table.kind) for cell in row.cells]
        if has_total and row.total is not None:
            cells.append(_cell_html(row.total, min_cell, kind=table.kind, total=True))
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f'<div class="scroll"><table id="{_ident(table)}-table">'
        f"<thead><tr>{''.join(head)}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _value(cell: Cell) -> float | None:
    return float(cell) if isinstance(cell, int | float) else None


def _has_numbers(table: Table) -> bool:
    cells = [c for row in table.rows for c in (*row.cells, row.total)]
    return any(isinstance(c, int | float) and not isinstance(c, bool) for c in cells)


def _chart(table: Table, min_cell: int) -> str | None:
    """The chart for a table, drawn only from its published cells."""
    ident = _ident(table)
    title = labels.table_title(table)
    names = list(labels.column_names(table))
    periods = [row.period for row in table.rows]
    withheld = f"weggelaten (<{min_cell} of x)"
    if table.kind == "partition":
        series = [
            Series(name, tuple(_value(row.cells[i]) for row in table.rows))
            for i, name in enumerate(names)
        ]
        totals = [
            (
                float(row.total) if isinstance(row.total, int) else None,
                labels.cell_text(row.total, min_cell) if row.total is not None else "",
            )
            for row in table.rows
        ]
        return bar_chart(
            ident,
            title,
            x_labels=periods,
            series=series,
            totals=totals,
            withheld_label=withheld,
        )
    if table.kind == "share":
        # The latest period whose start is shown; every period is in the table below.
        shown = [row for row in table.rows if _value(row.cells[0]) is not None]
        if not shown:
            return None
        latest = shown[-1]
        return funnel_chart(
            ident,
            title,
            steps=names,
            values=[_value(c) for c in latest.cells],
            caption=f"{latest.period}, als deel van de gestarte gesprekken "
            "(alle perioden staan in de tabel)",
            withheld=withheld,
        )
    if table.kind in {"plain", "nested"} and table.key != "funnel":
        series = [
            Series(name, tuple(_value(row.cells[i]) for row in table.rows))
            for i, name in enumerate(names)
        ]
        return line_chart(ident, title, x_labels=periods, series=series, withheld=withheld)
    return None


def render_html(report: Report) -> str:
    """The whole page."""
    min_cell = report.options.min_cell
    tables = report.tables if report.periods else ()
    sections = []
    for table in tables:
        numbers = _has_numbers(table)
        chart = _chart(table, min_cell) if numbers else None
        figure = ""
        if chart is not None:
            figure = f"<figure>{chart}</figure>"
        elif not numbers and table.kind != "median":
            figure = f'<p class="about">Geen grafiek: geen enkel aantal is {min_cell} of meer.</p>'

        sections.append(
            f'<section id="{_ident(table)}">'
            f"<h2>{escape(labels.table_title(table))}</h2>"
            f'<p class="about">{escape(labels.describe(table.key))}</p>'
            f"{figure}{_table_html(table, min_cell)}</section>"
        )
    nav = "".join(
        f'<li><a href="#{_ident(t)}">{escape(labels.table_title(t))}</a></li>' for t in tables
    )
    heading = "".join(
        f'<p class="about">{escape(line)}</p>' for line in labels.heading_lines(report)
    )
    rules = "".join(
        f"<p>{escape(line)}</p>" for line in labels.rule_lines(min_cell, report.options.base)
    )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="nl">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta http-equiv="Content-Security-Policy" '
            "content=\"default-src 'none'; style-src 'unsafe-inline'\">",
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(labels.REPORT_TITLE)}</title>",
            f"<style>{_STYLE}</style>",
            "</head>",
            "<body>",
            f"<header><h1>{escape(labels.REPORT_TITLE)}</h1>{heading}</header>",
            f"<nav><ol>{nav}</ol></nav>" if nav else "",
            *sections,
            f"<footer>{rules}</footer>",
            "</body>",
            "</html>",
            "",
        ]
    )
