"""The report as data: CSV that opens cleanly in Dutch Excel, tidy CSV for pandas and R, JSON."""

from __future__ import annotations

import csv
import io
import json

from bot.stats import labels
from bot.stats.model import Cell, Mark, Report, Table
from bot.stats.render_text import text_grid

__all__ = ["TIDY_HEADER", "render_csv", "render_json", "render_tidy"]

# Excel reads a UTF-8 file as UTF-8 only with a byte order mark; Dutch Excel splits on ";"
# and reads "83,3" as a number. A field starting with one of these would run as a formula.
_BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(field: str) -> str:
    return f"'{field}" if field.startswith(_FORMULA_START) else field


def render_csv(report: Report) -> str:
    """One block per table (title, header, rows, blank line), the rule at the foot."""
    min_cell = report.options.min_cell
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([labels.REPORT_TITLE])
    for line in labels.heading_lines(report):
        writer.writerow([line])
    for table in report.tables if report.periods else ():
        writer.writerow([])
        writer.writerow([labels.table_title(table)])
        # Percentages as bare numbers ("83,3"), so Excel can compute with them.
        for row in text_grid(table, min_cell, percent=""):
            writer.writerow([_safe(field) for field in row])
    writer.writerow([])
    for rule in labels.rule_lines(min_cell, report.options.base):
        writer.writerow([rule])
    return _BOM + buffer.getvalue()


#: The columns of the tidy CSV: one published number per line.
TIDY_HEADER = ("period", "measure", "group", "value")
#: How a withheld value reads: missing, in pandas and R alike (their default NA strings).
_MISSING = "NA"


def _tidy_values(table: Table, column: str, cell: Cell) -> list[tuple[str, str, object]]:
    """(measure, group, value) lines for one cell; a median bucket becomes its two bounds."""
    if isinstance(cell, Mark):
        cell = _MISSING
    if table.kind != "median":
        return [(table.key, column, cell)]
    low, high = _MISSING, _MISSING
    if isinstance(cell, str) and cell != _MISSING:
        low, _, high = cell.rstrip("+").partition("-")
        high = high or _MISSING
    return [
        (f"{table.key}_minutes_from", column, low),
        (f"{table.key}_minutes_to", column, high),
    ]


def render_tidy(report: Report) -> str:
    """Every published number on a line of its own, ``period,measure,group,value``.

    Plain UTF-8 CSV with a comma and a decimal point: ``pandas.read_csv(path)`` or R's
    ``read.csv(path)`` reads it in one call, with ``value`` numeric and withheld values
    missing (NA). ``measure`` is the table's key (``funnel``, ``bands``, ...; a median becomes
    ``first_reply_minutes_from`` and ``_to``), ``group`` the column's key (``telegram``, a
    question's step id), ``total`` for a row total. docs/stats.md lists the keys.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(TIDY_HEADER)
    for table in report.tables if report.periods else ():
        for row in table.rows:
            cells = list(zip(table.columns, row.cells, strict=True))
            if row.total is not None:
                cells.append(("total", row.total))
            for column, cell in cells:
                for measure, group, value in _tidy_values(table, column, cell):
                    writer.writerow([row.period, measure, _safe(group), value])
    return buffer.getvalue()


def _json_cell(cell: Cell, min_cell: int) -> object:
    if isinstance(cell, Mark):
        return labels.mark_label(cell, min_cell)
    return cell


def _json_table(table: Table, min_cell: int) -> dict[str, object]:
    rows = []
    for row in table.rows:
        entry: dict[str, object] = {
            "period": row.period,
            "cells": {
                column: _json_cell(cell, min_cell)
                for column, cell in zip(table.columns, row.cells, strict=True)
            },
        }
        if row.total is not None:
            entry["total"] = _json_cell(row.total, min_cell)
        rows.append(entry)
    return {
        "key": table.key,
        "title": labels.table_title(table),
        "description": labels.describe(table.key),
        "kind": table.kind,
        "dimension": table.dimension,
        "by": table.by,
        "columns": [
            {"key": column, "label": label}
            for column, label in zip(table.columns, labels.column_names(table), strict=True)
        ],
        "rows": rows,
    }


def render_json(report: Report) -> str:
    """The tables with raw keys and Dutch labels; withheld cells as "<10" or "x"."""
    options = report.options
    min_cell = options.min_cell
    document = {
        "title": labels.REPORT_TITLE,
        "since": options.since.isoformat() if options.since else None,
        "until": options.until.isoformat() if options.until else None,
        "by": options.by,
        "min_cell": min_cell,
        "base": options.base,
        "periods": list(report.periods),
        "monthly_totals": list(report.rolled_up),
        "tables": [_json_table(t, min_cell) for t in report.tables] if report.periods else [],
        "marks": {
            labels.mark_label(Mark.SMALL, min_cell): f"minder dan {min_cell}",
            labels.mark_label(Mark.HIDDEN, min_cell): "weggelaten",
        },
        "coarser": list(report.coarser),
        "rule": list(labels.rule_lines(min_cell, options.base)),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
