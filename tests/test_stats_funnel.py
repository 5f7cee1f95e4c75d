"""The funnel: one starting point, every step a share of it, never above 100 %, in words."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from bot.stats import Options, build_report, render
from bot.stats.model import Mark, Report, Table
from bot.stats.questions import funnel_steps
from bot.storage import Database
from bot.storage.sqlite import StatsTurn
from tests.auxil.stats_events import WEEK_47, WEEK_48, event
from tests.auxil.stats_realistic import write_realistic_events

SUNDAY_47 = WEEK_48 - timedelta(days=1)


def _table(report: Report, key: str) -> Table:
    return next(t for t in report.tables if t.key == key and t.by is None)


def _shares(report: Report) -> list[float]:
    return [c for row in _table(report, "funnel_share").rows for c in row.cells
            if isinstance(c, float)]  # fmt: skip


async def test_the_first_question_before_the_check_no_longer_makes_118_percent(
    tmp_path: Path,
) -> None:
    # As the flow goes: people who start answer "Mag ik je een paar korte vragen stellen?"
    # (consent), and only those who say yes start the check. With the check start as the
    # funnel's first column, these 45 consents over 34 check starts were 132 %.
    turns: list[StatsTurn] = []
    for i in range(50):
        events = [event("conversation_started", channel="telegram", language="nl")]
        if i < 45:
            events.append(event("answered", step="consent"))
        if i < 34:
            events += [event("check_started"), event("answered", step="age")]
        if i < 20:
            events.append(event("answered", step="student"))
        turns.append((f"c{i}", WEEK_47, events))
    async with Database.open(tmp_path / "s.sqlite3") as db:
        await db.stats().record_many(turns)
        report = await build_report(db, Options(by="week"))
    funnel = _table(report, "funnel")
    assert funnel.columns == ("conversation_started", "consent", "check_started", "age", "student")
    assert funnel.rows[0].cells == (50, 45, 35, 35, 20)
    assert _table(report, "funnel_share").rows[0].cells == (100.0, 90.0, 70.0, 70.0, 40.0)
    assert max(_shares(report)) == 100.0


async def test_a_conversation_counts_in_the_week_it_started(tmp_path: Path) -> None:
    # Twelve conversations start on Sunday of W47 and answer after midnight, in W48; W48's
    # own conversations stop early. Counted by the day of each answer, W48 would show more
    # answers than starts.
    turns: list[StatsTurn] = []
    for i in range(12):
        turns.append((f"late{i}", SUNDAY_47, [event("conversation_started"),
                                              event("check_started")]))  # fmt: skip
        turns.append((f"late{i}", WEEK_48, [event("answered", step="age")]))
    turns += [(f"new{i}", WEEK_48, [event("conversation_started")]) for i in range(10)]
    async with Database.open(tmp_path / "s.sqlite3") as db:
        await db.stats().record_many(turns)
        report = await build_report(db, Options(by="week"))
    funnel = _table(report, "funnel")
    assert [(r.period, r.cells) for r in funnel.rows] == [
        ("2026-W47", (10, 10, 10)),
        ("2026-W48", (10, Mark.SMALL, Mark.SMALL)),
    ]
    assert max(_shares(report)) <= 100.0


async def test_at_realistic_volume_no_step_is_above_its_start(tmp_path: Path) -> None:
    async with Database.open(tmp_path / "s.sqlite3") as db:
        await write_realistic_events(db)
        for by in ("day", "week", "month"):
            report = await build_report(db, Options(by=by))
            funnel = _table(report, "funnel")
            for row in funnel.rows:
                start = row.cells[0]
                for cell in row.cells[1:]:
                    if isinstance(cell, int) and isinstance(start, int):
                        assert cell <= start, (by, row)
            assert 0 < max(_shares(report)) <= 100.0


async def test_the_steps_are_the_questions_in_words(tmp_path: Path) -> None:
    async with Database.open(tmp_path / "s.sqlite3") as db:
        await write_realistic_events(db)
        report = await build_report(db, Options(since=date(2026, 6, 1), by="month"))
    funnel = _table(report, "funnel")
    assert funnel.columns[:4] == ("conversation_started", "consent", "check_started", "age")
    assert funnel.names[:4] == (
        "Gesprek gestart",
        "Vraag 1: Mag ik je een paar korte vragen stellen?",
        "Check begonnen (ja op vraag 1)",
        "Vraag 2: Hoe oud ben je?",
    )
    assert funnel.names[-1] == "Vraag 10: Wat zou je nu het meeste helpen?"
    for step in ("djg1", "djg4", "wish"):
        assert funnel_steps().name(step).startswith("Vraag ")
    page = render(report, "html")
    assert "Ik mis mensen om me heen." in page
    assert ">djg4<" not in page
    assert ">djg1<" not in page
