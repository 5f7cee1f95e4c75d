"""The report as data: CSV that opens cleanly in Dutch Excel, and JSON for other tools."""

from __future__ import annotations

import csv
import io
import json

from bot.stats import labels
from bot.stats.model import Cell, Mark, Report, Table
from bot.stats.render_text import text_grid

__all__ = ["render_csv", "render_json"]

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
        writer.writerow([labels.title(table.key)])
        # Percentages as bare numbers ("83,3"), so Excel can compute with them.
        for row in text_grid(table, min_cell, percent=""):
            writer.writerow([_safe(field) for field in row])
    writer.writerow([])
    for rule in labels.rule_lines(min_cell):
        writer.writerow([rule])
    return _BOM + buffer.getvalue()


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
        "title": labels.title(table.key),
        "description": labels.describe(table.key),
        "kind": table.kind,
        "dimension": table.dimension,
        "columns": [
            {"key": column, "label": labels.column_label(table.dimension, column)}
            for column in table.columns
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
        "periods": list(report.periods),
        "monthly_totals": list(report.rolled_up),
        "tables": [_json_table(t, min_cell) for t in report.tables] if report.periods else [],
        "marks": {
            labels.mark_label(Mark.SMALL, min_cell): f"minder dan {min_cell}",
            labels.mark_label(Mark.HIDDEN, min_cell): f"{min_cell} of meer, weggelaten",
        },
        "rule": list(labels.rule_lines(min_cell)),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
