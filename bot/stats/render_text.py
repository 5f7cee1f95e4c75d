"""The report as plain text tables for the terminal."""

from __future__ import annotations

import textwrap

from bot.stats import labels
from bot.stats.model import Report, Table

__all__ = ["render_table", "text_grid"]

_WIDTH = 99


def text_grid(table: Table, min_cell: int, *, percent: str = "%") -> list[list[str]]:
    """Header and rows of one table as strings; shared by the text and CSV formats."""
    header = ["Periode", *labels.column_names(table)]
    has_total = table.kind == "partition"
    if has_total:
        header.append("Totaal")
    grid = [header]
    for row in table.rows:
        line = [row.period]
        line += [
            labels.cell_text(cell, min_cell, percent=percent, kind=table.kind)
            for cell in row.cells
        ]
        if has_total and row.total is not None:
            line.append(labels.cell_text(row.total, min_cell))
        grid.append(line)
    return grid


def _printable(text: str) -> str:
    # Category values come from events; never let one move the cursor or colour the terminal.
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def _layout(grid: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in grid) for i in range(len(grid[0]))]
    lines = []
    for n, row in enumerate(grid):
        first = row[0].ljust(widths[0])
        rest = [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join([first, *rest]).rstrip())
        if n == 0:
            lines.append("  ".join("-" * width for width in widths))
    return lines


def _wrapped(text: str) -> list[str]:
    return textwrap.wrap(text, _WIDTH) or [""]


def render_table(report: Report) -> str:
    """Every table under its title, then the disclosure rule."""
    min_cell = report.options.min_cell
    lines = [labels.REPORT_TITLE]
    for line in labels.heading_lines(report):
        lines += _wrapped(line)
    for table in report.tables if report.periods else ():
        lines += ["", labels.table_title(table), *_wrapped(labels.describe(table.key)), ""]
        grid = [[_printable(cell) for cell in row] for row in text_grid(table, min_cell)]
        # Questions as headings would make the funnel hundreds of characters wide: the
        # heading is "Vraag 2", and the question itself is listed under the table.
        spelled = [name for name in grid[0] if ": " in name]
        grid[0] = [name.split(": ", 1)[0] for name in grid[0]]
        lines += _layout(grid)
        if spelled:
            lines.append("")
            for name in spelled:
                lines += _wrapped(name)
    lines.append("")
    for rule in labels.rule_lines(min_cell, report.options.base):
        lines += _wrapped(rule)
    return "\n".join(lines) + "\n"
