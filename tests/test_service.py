"""A turn end to end: pseudonym, real SQLite file, restart, erase, batched statistics."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from bot.crypto import Box, Pseudonymizer, derive_keys
from bot.engine import Command, Engine, Text
from bot.service import Conversations
from bot.storage import BufferedStats, Database

SECRET = "a-test-secret-that-is-long-enough-for-omarmt"


def _conversations(engine: Engine, db: Database, stats: BufferedStats) -> Conversations:
    keys = derive_keys(SECRET)
    return Conversations(
        engine,
        db.sessions(Box(keys.box_key)),
        stats,
        Pseudonymizer(keys.pseudonym_key),
        lambda: datetime(2026, 11, 27, 15, 30, tzinfo=UTC),
    )


async def test_two_people_have_their_own_conversation(engine: Engine, tmp_path: Path) -> None:
    async with Database.open(tmp_path / "s.sqlite3") as db:
        stats = BufferedStats(db.stats())
        bot = _conversations(engine, db, stats)
        await bot.handle("telegram", 1, Text("hoi"))
        await bot.handle("telegram", 2, Text("hoi"))
        first = await bot.handle("telegram", 1, Text("1"))
        second = await bot.handle("telegram", 2, Text("3"))
        assert first[0].text.split("\n\n")[0].endswith("(Ja, dat is goed)")
        assert second[0].text.split("\n\n")[0].endswith("(Iemand die ik ken is eenzaam)")


async def test_a_restart_continues_at_the_same_question(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    async with Database.open(path) as db:
        bot = _conversations(engine, db, BufferedStats(db.stats()))
        await bot.handle("telegram", 42, Text("hoi"))
    async with Database.open(path) as db:
        bot = _conversations(engine, db, BufferedStats(db.stats()))
        resumed = await bot.resume("telegram", 42)
        assert resumed[-1].step == "consent"
        replies = await bot.handle("telegram", 42, Text("ja hoor"))
        assert replies[0].text.split("\n\n")[0].endswith("(Ja, dat is goed)")


async def test_forget_erases_the_row_and_the_memory(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    async with Database.open(path) as db:
        bot = _conversations(engine, db, BufferedStats(db.stats()))
        await bot.handle("telegram", 7, Text("hoi"))
        await bot.handle("telegram", 7, Command("vergeet"))
        assert await db.sessions(Box(derive_keys(SECRET).box_key)).count() == 0
        replies = await bot.handle("telegram", 7, Text("1"))
        # A fresh start, not an answer to the erased question.
        assert "Ik ben Omarmt" in replies[0].text


async def test_stats_are_batched_and_hold_categories_and_a_day_only(
    engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "s.sqlite3"
    async with Database.open(path) as db:
        stats = BufferedStats(db.stats(), batch=1000)
        bot = _conversations(engine, db, stats)
        await bot.handle("telegram", 5, Text("hoi"))
        await bot.handle("telegram", 5, Text("ja"))
        await bot.handle("telegram", 5, Text("17"))
        with sqlite3.connect(path) as conn:
            assert conn.execute("SELECT count(*) FROM stats_events").fetchone() == (0,)
        await stats.flush()
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT conversation, day, name, data FROM stats_events").fetchall()
    assert [name for _, _, name, _ in rows] == [
        "conversation_started",
        "answered",
        "check_started",
        "answered",
    ]
    assert {day for _, day, _, _ in rows} == {"2026-11-27"}
    assert all("age_16_17" not in data and "17" not in data for *_, data in rows)
    assert len({conversation for conversation, *_ in rows}) == 1
