"""No statistics column can identify a person or be joined to the operational tables."""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.crypto import Box, Pseudonymizer, derive_keys
from bot.engine import Command, Engine, Text
from bot.service import Conversations
from bot.storage import BufferedStats, Database
from tests.auxil.engine import make_engine

STATS_TABLES = {"stats_events", "stats_monthly"}
SECRET = "a-test-secret-that-is-long-enough-for-omarmt"
USERS = (731_000_111, 731_000_222)


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    async with Database.open(tmp_path / "s.sqlite3") as opened:
        yield opened


async def _columns(db: Database, table: str) -> dict[str, tuple[str, int]]:
    """Column name → (declared type, primary key position)."""
    rows = await db.execute(f"PRAGMA table_info({table})")
    return {str(row[1]): (str(row[2]).upper(), int(str(row[5]))) for row in rows}


async def _tables(db: Database) -> set[str]:
    rows = await db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )
    return {str(name) for (name,) in rows}


def _row_number(columns: dict[str, tuple[str, int]], name: str) -> bool:
    """An INTEGER PRIMARY KEY alone is SQLite's row number: insertion order, no meaning."""
    keys = [c for c, (_, pk) in columns.items() if pk]
    return keys == [name] and columns[name][0] == "INTEGER"


async def test_the_statistics_tables_hold_only_these_columns(db: Database) -> None:
    # A new column here must be reviewed for privacy first: this test is the reminder.
    assert set(await _columns(db, "stats_events")) == {"id", "conversation", "day", "name", "data"}
    assert set(await _columns(db, "stats_monthly")) == {"month", "name", "data", "count"}
    assert set(await _columns(db, "sessions")) == {"key", "state", "last_active"}


async def test_no_statistics_column_shares_a_name_with_an_operational_table(db: Database) -> None:
    tables = await _tables(db)
    assert tables >= STATS_TABLES
    for stats in STATS_TABLES:
        stats_columns = await _columns(db, stats)
        for other in tables - STATS_TABLES:
            other_columns = await _columns(db, other)
            shared = {
                name
                for name in set(stats_columns) & set(other_columns)
                if not (_row_number(stats_columns, name) and _row_number(other_columns, name))
            }
            assert not shared, f"{stats} and {other} share {shared}"


async def test_no_foreign_key_leads_to_or_from_the_statistics(db: Database) -> None:
    for table in await _tables(db):
        for key in await db.execute(f"PRAGMA foreign_key_list({table})"):
            target = str(key[2])
            assert table not in STATS_TABLES, f"{table} refers to {target}"
            assert target not in STATS_TABLES, f"{table} refers to {target}"


async def _chat(engine: Engine, db: Database) -> Pseudonymizer:
    keys = derive_keys(SECRET)
    pseudonymize = Pseudonymizer(keys.pseudonym_key)
    stats = BufferedStats(db.stats())
    bot = Conversations(
        engine,
        db.sessions(Box(keys.box_key)),
        stats,
        pseudonymize,
        lambda: datetime(2026, 11, 27, 23, 59, 58, tzinfo=UTC),
    )
    for user in USERS:
        await bot.handle("telegram", user, Text("hoi"))
        await bot.handle("telegram", user, Text("1"))
    await bot.handle("telegram", USERS[0], Command("opnieuw"))
    await bot.handle("telegram", USERS[0], Text("2"))
    await stats.flush()
    return pseudonymize


async def test_a_conversation_id_is_random_and_found_nowhere_else(
    db: Database, root: Path
) -> None:
    # The engine's own id maker, not the sequential one other tests use.
    default_new_id = inspect.signature(Engine.__init__).parameters["new_id"].default
    engine = make_engine(root, new_id=default_new_id)
    pseudonymize = await _chat(engine, db)

    rows = await db.execute("SELECT conversation, day, name, data FROM stats_events ORDER BY id")
    started = [str(c) for c, _, name, _ in rows if name == "conversation_started"]
    ids = {str(c) for c, *_ in rows}
    # Three conversations by two people: three ids, so an id is not a function of the person.
    assert len(started) == 3
    assert ids == set(started)
    pseudonyms = {pseudonymize("telegram", user) for user in USERS}
    for conversation in ids:
        assert re.fullmatch(r"[0-9a-f]{16}", conversation)  # 64 random bits, not a 256-bit HMAC
        assert all(conversation not in p for p in pseudonyms)
        assert all(str(user) not in conversation for user in USERS)

    # No other table holds an id, so nothing can be joined on its value either.
    for table in await _tables(db) - STATS_TABLES:
        for row in await db.execute(f"SELECT * FROM {table}"):
            text = " ".join(v.hex() if isinstance(v, bytes) else str(v) for v in row)
            assert not any(conversation in text for conversation in ids), table


async def test_events_hold_a_day_and_categories_only(db: Database, engine: Engine) -> None:
    await _chat(engine, db)
    rows = await db.execute("SELECT day, data FROM stats_events")
    assert rows
    for day, data in rows:
        assert date.fromisoformat(str(day)) == date(2026, 11, 27)  # a date, never a time
        values = json.loads(str(data))
        assert isinstance(values, dict)
        assert all(isinstance(v, str) and len(v) <= 40 for v in values.values())
        assert "hoi" not in str(data)
