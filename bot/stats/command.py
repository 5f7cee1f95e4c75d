"""`omarmt stats`: read the options, count, protect, render, write."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import get_args

from bot.stats.disclosure import protect
from bot.stats.model import Format, Options, Period, Report
from bot.stats.query import read_counts
from bot.stats.render_data import render_csv, render_json
from bot.stats.render_html import render_html
from bot.stats.render_text import render_table
from bot.storage import Database

__all__ = ["RENDERERS", "build_report", "options_from_args", "render", "run_stats"]

EXIT_CONFIG = 2
#: Below this a "suppressed" cell would be a single person; the command refuses it.
MIN_CELL_FLOOR = 2

RENDERERS: Mapping[Format, Callable[[Report], str]] = MappingProxyType(
    {"table": render_table, "csv": render_csv, "json": render_json, "html": render_html}
)


async def build_report(db: Database, options: Options) -> Report:
    """Count every table in SQL and make it safe to publish."""
    counts = await read_counts(db, options)
    return Report(
        options, counts.periods, protect(counts.tables, options.min_cell), counts.rolled_up
    )


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


async def run_stats(path: Path, args: argparse.Namespace) -> int:
    """Run `omarmt stats` against the database at ``path``; exit 0, or 2 on a usage error."""
    try:
        options = options_from_args(args)
    except ValueError as exc:
        sys.stderr.write(f"omarmt stats: {exc}\n")
        return EXIT_CONFIG
    if not await asyncio.to_thread(path.exists):
        sys.stderr.write(f"omarmt stats: no database at {path} (set OMARMT_DB)\n")
        return EXIT_CONFIG
    async with Database.open(path) as db:
        report = await build_report(db, options)
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
