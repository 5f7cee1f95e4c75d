"""The report at the pilot's volume: readable per week, nothing large withheld per month."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.stats import Mark, Options, build_report, render
from bot.stats.command import mostly_withheld
from bot.stats.metrics import metric
from bot.stats.model import Period, Report, Table
from bot.stats.query import read_counts
from bot.storage import Database
from tests.auxil.stats_realistic import write_realistic_events


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    async with Database.open(tmp_path / "pilot.sqlite3") as opened:
        await write_realistic_events(opened)
        yield opened


async def _true_counts(db: Database, by: Period) -> dict[str, dict[tuple[str, str], int]]:
    counts = await read_counts(db, Options(by=by, steps=()))
    return {raw.metric.key: dict(raw.counts) for raw in counts.tables}


def _withheld_large(report: Report, truth: dict[str, dict[tuple[str, str], int]]) -> list[str]:
    """Every cell of 10 or more (true count) that the report does not show as a number."""
    found = []
    for table in report.tables:
        if table.key not in truth or table.kind == "median" or table.by:
            continue
        for row in table.rows:
            for column, cell in zip(table.columns, row.cells, strict=True):
                if truth[table.key].get((row.period, column), 0) >= 10 and isinstance(cell, Mark):
                    found.append(f"{table.key} {row.period} {column}")
    return found


async def test_per_week_the_funnel_is_numbers(db: Database) -> None:
    report = await build_report(db, Options(by="week"))
    funnel = next(t for t in report.tables if t.key == "funnel")
    starts = [row.cells[0] for row in funnel.rows]
    assert len(starts) == 13
    assert all(isinstance(s, int) and 40 <= s <= 80 for s in starts)
    cells = [c for row in funnel.rows for c in row.cells]
    # The old rule withheld most of these as "x" (a step 1..9 from the last shown one).
    assert Mark.HIDDEN not in cells
    assert sum(isinstance(c, int) for c in cells) >= 0.95 * len(cells)
    share = next(t for t in report.tables if t.key == "funnel_share")
    assert all(isinstance(c, float) for row in share.rows for c in row.cells[:6])
    # Every count of 10 or more outside the sensitive tables is shown.
    truth = await _true_counts(db, "week")
    sensitive = {m for m in truth if metric(m).sensitive}
    assert [w for w in _withheld_large(report, truth) if w.split()[0] not in sensitive] == []


async def test_per_month_no_large_cell_is_withheld(db: Database) -> None:
    report = await build_report(db, Options(by="month"))
    truth = await _true_counts(db, "month")
    assert report.periods == ("2026-06", "2026-07", "2026-08")
    assert _withheld_large(report, truth) == []
    # the 40..59 people aged 20 to 24 at a completed check, once an "x" in every row
    ages = next(t for t in report.tables if t.key == "age_bands")
    column = ages.columns.index("20-24")
    big = [truth["age_bands"][row.period, "20-24"] for row in ages.rows]
    assert all(35 <= n <= 60 for n in big)
    assert [row.cells[column] for row in ages.rows] == [5 * ((2 * n + 5) // 10) for n in big]
    assert all(isinstance(row.total, int) for row in ages.rows)
    assert "x" not in render(report, "table").split("Privacyregel")[0].split()


def _by(report: Report, key: str) -> list[Table]:
    return [t for t in report.tables if t.key == key]


async def test_a_period_that_hides_most_cells_gets_a_coarser_one_beside_it(db: Database) -> None:
    report = await build_report(db, Options(by="day"))
    # Per day hardly anything reaches 10: each mostly withheld table follows over the first
    # coarser period that shows at least half of it: starts per week, bands only per month.
    day, week = _by(report, "started")
    assert (day.by, week.by) == (None, "week")
    assert mostly_withheld(day)
    assert not mostly_withheld(week)
    assert week.rows[0].period == "2026-W23"
    assert [t.by for t in _by(report, "bands")] == [None, "month"]
    text = render(report, "table")
    assert "Per dag zou van deze tabellen meer dan de helft van de cellen weglaten" in text
    assert "Gesprekken gestart, per kanaal (per week)" in text
    assert "Uitkomst van de check (eenzaamheid) (per maand)" in text
    page = render(report, "html")
    assert 'id="started-week"' in page
    # Per month everything is readable: nothing is repeated.
    assert (await build_report(db, Options(by="month"))).coarser == ()
