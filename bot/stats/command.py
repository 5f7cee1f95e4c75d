"""`omarmt stats`: read the options, count, protect, render, write."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import get_args

from bot.startup import StartError, open_database
from bot.stats.disclosure import protect
from bot.stats.metrics import METRICS, metric
from bot.stats.model import Format, Mark, Metric, Options, Period, Report, Table
from bot.stats.query import Counts, read_counts
from bot.stats.questions import Steps, funnel_steps
from bot.stats.render_data import render_csv, render_json, render_tidy
from bot.stats.render_html import render_html
from bot.stats.render_text import render_table
from bot.storage.base import Db

__all__ = [
    "RENDERERS",
    "build_report",
    "mostly_withheld",
    "options_from_args",
    "render",
    "run_stats",
]

EXIT_CONFIG = 2
#: Below this a count of 2 would be shown rounded to 0; the command refuses it.
MIN_CELL_FLOOR = 3

RENDERERS: Mapping[Format, Callable[[Report], str]] = MappingProxyType(
    {
        "table": render_table,
        "csv": render_csv,
        "tidy": render_tidy,
        "json": render_json,
        "html": render_html,
    }
)

FUNNEL = "funnel"
#: The periods tried, in order, when the report's own period hides most of a table.
_COARSER: Mapping[Period, tuple[Period, ...]] = MappingProxyType(
    {"day": ("week", "month"), "week": ("month",), "month": ()}
)


def mostly_withheld(table: Table) -> bool:
    """Whether more than half of a table's cells (totals included) are withheld."""
    cells = [c for row in table.rows for c in (*row.cells, row.total) if c is not None]
    withheld = sum(isinstance(c, Mark) for c in cells)
    return 2 * withheld > len(cells)


def _named(tables: Sequence[Table], steps: Steps) -> list[Table]:
    """The funnel's columns headed by their questions in words."""
    return [
        replace(t, names=tuple(steps.name(c) for c in t.columns)) if t.dimension == "step" else t
        for t in tables
    ]


def _needed(keys: Collection[str]) -> list[Metric]:
    """The metrics that make these tables: the funnel for its percentages, and every
    sensitive table that shares a total with one of them (they are protected together)."""
    wanted = {metric(FUNNEL if key == "funnel_share" else key) for key in keys}
    groups = {m.group for m in wanted if m.sensitive and m.group}
    return [m for m in METRICS if m in wanted or (m.sensitive and m.group in groups)]


async def _tables(
    db: Db, options: Options, steps: Steps, metrics: Sequence[Metric] = METRICS
) -> tuple[Counts, list[Table]]:
    counts = await read_counts(db, options, metrics)
    return counts, _named(protect(counts.tables, options.min_cell, options.base), steps)


async def build_report(db: Db, options: Options) -> Report:
    """Count every table in SQL and make it safe to publish.

    A table that the chosen period mostly withholds is repeated right after itself over the
    first coarser period that shows at least half of it (weeks for days, months for weeks).
    """
    steps = funnel_steps()
    if not options.steps:
        options = replace(options, steps=steps.order)
    counts, tables = await _tables(db, options, steps)
    coarser: dict[str, Table] = {}
    for by in _COARSER[options.by]:
        wanted = {t.key for t in tables if mostly_withheld(t)} - set(coarser)
        if not wanted:
            break
        _, wider = await _tables(db, replace(options, by=by), steps, _needed(wanted))
        coarser |= {
            t.key: replace(t, by=by) for t in wider if t.key in wanted and not mostly_withheld(t)
        }
    ordered = [t for table in tables for t in (table, coarser.get(table.key)) if t is not None]
    return Report(options, counts.periods, tuple(ordered), counts.rolled_up, tuple(coarser))


def render(report: Report, fmt: Format) -> str:
    """The report in one of the formats of the interface contract."""
    return RENDERERS[fmt](report)


def _date(value: str | None, flag: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        msg = f"{flag} must be a date like 2026-11-27, not {value!r}"
        raise ValueError(msg) from None


def options_from_args(args: argparse.Namespace) -> Options:
    """The command-line choices as Options; ValueError with one clear line when they are wrong."""
    since = _date(args.since, "--since")
    until = _date(args.until, "--until")
    if since and until and since > until:
        msg = "--since is after --until"
        raise ValueError(msg)
    if args.min_cell < MIN_CELL_FLOOR:
        msg = f"--min-cell must be at least {MIN_CELL_FLOOR}"
        raise ValueError(msg)
    by: Period = args.by
    if by not in get_args(Period):
        msg = f"--by must be day, week or month, not {by!r}"
        raise ValueError(msg)
    return Options(since=since, until=until, by=by, min_cell=args.min_cell)


async def run_stats(path: Path | str, args: argparse.Namespace) -> int:
    """Run `omarmt stats` against the database at ``path``; exit 0, or 2 on a usage error."""
    try:
        options = options_from_args(args)
    except ValueError as exc:
        sys.stderr.write(f"omarmt stats: {exc}\n")
        return EXIT_CONFIG
    if isinstance(path, Path) and not await asyncio.to_thread(path.exists):
        sys.stderr.write(f"omarmt stats: no database at {path} (set OMARMT_DB)\n")
        return EXIT_CONFIG
    try:
        async with open_database(path) as db:
            report = await build_report(db, options)
    except StartError as exc:
        sys.stderr.write(f"omarmt stats: {exc}\n")
        return EXIT_CONFIG
    fmt: Format = args.format
    data = render(report, fmt).encode("utf-8")
    output: Path | None = args.output
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        await asyncio.to_thread(output.write_bytes, data)
        sys.stderr.write(f"omarmt stats: wrote {output}\n")
    return 0
