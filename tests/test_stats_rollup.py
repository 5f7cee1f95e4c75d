"""Retention: the events of months ended become monthly totals that report the same numbers."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.cli import main
from bot.stats import MAX_EVENT_DAYS, Options, build_report, render, roll_up, rollup_cutoff
from bot.stats.model import Report
from bot.storage import Database
from bot.storage.base import Db
from tests.auxil.stats_events import SPECS, event, write_known_events


@pytest.fixture
async def db(any_db: Db) -> Db:
    """The known events, on SQLite and on PostgreSQL: the report must read the same."""
    await write_known_events(any_db)
    return any_db


async def _count(db: Db, table: str) -> int:
    [(n,)] = await db.execute(f"SELECT count(*) FROM {table}")
    assert isinstance(n, int)
    return n


def _cells(report: Report) -> list[tuple[str, list[object]]]:
    return [(t.key, [(r.period, r.cells, r.total) for r in t.rows]) for t in report.tables]


def test_no_per_conversation_event_is_kept_longer_than_35_days() -> None:
    assert MAX_EVENT_DAYS == 35
    # A month is rolled up four days after it ended.
    assert rollup_cutoff(date(2028, 11, 4)) == date(2028, 10, 1)
    assert rollup_cutoff(date(2028, 11, 5)) == date(2028, 11, 1)
    assert rollup_cutoff(date(2028, 11, 27), keep_days=30) == date(2028, 10, 1)
    # The oldest event a cutoff keeps is never more than MAX_EVENT_DAYS old.
    for offset in range(800):
        today = date(2027, 1, 1) + timedelta(days=offset)
        assert (today - rollup_cutoff(today)).days <= MAX_EVENT_DAYS


async def test_monthly_totals_report_exactly_what_the_events_did(db: Db) -> None:
    events = await _count(db, "stats_events")
    for by in ("month", "week", "day"):
        assert (await build_report(db, Options(by=by))).rolled_up == ()
    before = await build_report(db, Options(by="month"))

    assert await roll_up(db, date(2026, 12, 1)) == events

    assert await _count(db, "stats_events") == 0
    assert await _count(db, "stats_monthly") > 0
    after = await build_report(db, Options(by="month"))
    assert after.rolled_up == ("2026-11",)
    assert _cells(after) == _cells(before)
    assert "Alleen als maandtotaal bewaard (voorbije maanden): 2026-11." in render(after, "table")


async def test_by_week_a_rolled_up_month_is_one_period(db: Db) -> None:
    await roll_up(db, date(2026, 12, 1))
    report = await build_report(db, Options(by="week"))
    assert report.periods == ("2026-11",)
    started = report.tables[0]
    assert started.rows[0].total == 70


async def test_rolled_up_months_and_recent_events_in_one_report(db: Db) -> None:
    await roll_up(db, date(2026, 12, 1))
    await db.stats().record_many(
        [("new", date(2026, 12, 2), [event("conversation_started", channel="telegram")])]
    )
    report = await build_report(db, Options(by="week"))
    assert report.periods == ("2026-11", "2026-W49")
    month = await build_report(db, Options(by="month"))
    assert month.periods == ("2026-11", "2026-12")


async def test_only_whole_months_before_the_cutoff_are_rolled_up(db: Db) -> None:
    # The cutoff falls inside November: November is kept whole, as events.
    assert await roll_up(db, date(2026, 11, 20)) == 0
    assert await _count(db, "stats_monthly") == 0


async def test_rolling_up_twice_changes_nothing(db: Db) -> None:
    await roll_up(db, date(2026, 12, 1))
    totals = await db.execute("SELECT * FROM stats_monthly ORDER BY 1, 2, 3")
    assert await roll_up(db, date(2026, 12, 1)) == 0
    assert await db.execute("SELECT * FROM stats_monthly ORDER BY 1, 2, 3") == totals


async def test_monthly_totals_keep_no_conversation_id(db: Db) -> None:
    ids = {str(c) for (c,) in await db.execute("SELECT DISTINCT conversation FROM stats_events")}
    await roll_up(db, date(2026, 12, 1))
    for row in await db.execute("SELECT * FROM stats_monthly"):
        assert not any(conversation in str(row) for conversation in ids)


def test_omarmt_purge_rolls_up_statistics_of_ended_months(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "omarmt.sqlite3"
    long_ago = datetime.now(UTC).date() - timedelta(days=MAX_EVENT_DAYS + 14)
    monday = long_ago - timedelta(days=long_ago.weekday())
    shifted = [replace(SPECS[0], monday=monday)]

    async def fill() -> None:
        async with Database.open(path) as db:
            await write_known_events(db, shifted)
            await db.stats().record_many(
                [("recent", datetime.now(UTC).date(), [event("stopped")])]
            )

    asyncio.run(fill())
    monkeypatch.chdir(tmp_path)
    assert main(["purge", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "of ended months kept as monthly totals only" in out

    async def check() -> tuple[int, int]:
        async with Database.open(path) as db:
            return await _count(db, "stats_events"), await _count(db, "stats_monthly")

    events, totals = asyncio.run(check())
    assert events == 1  # only the recent event is left
    assert totals > 0
