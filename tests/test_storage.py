"""Tests for the session store contract, the SQLite database and the stats sink."""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from types import MappingProxyType

import aiosqlite
import pytest

from bot.crypto import Box, Pseudonymizer, derive_keys
from bot.engine.model import CrisisMark, DomainEvent, SessionState
from bot.storage import MIGRATIONS, Database, SchemaTooNewError, SessionStore, StatsSink
from bot.storage.base import Conn, Db
from bot.storage.migrations import migrate, schema_version, split_statements
from bot.storage.postgres import PgDatabase
from bot.storage.queues import Queues, Send

SECRET = "een-geheim-van-minstens-32-tekens-lang"
KEYS = derive_keys(SECRET)
USER_ID = 987654321
KEY = Pseudonymizer(KEYS.pseudonym_key)("telegram", USER_ID)
OTHER_KEY = Pseudonymizer(KEYS.pseudonym_key)("telegram", USER_ID + 1)
NOW = datetime(2025, 3, 1, 12, 30, tzinfo=UTC)
ANSWER = "ik-ben-zo-eenzaam-sinds-mijn-verhuizing"
CONVERSATION = "c0ffee-gesprek-4f2a91"
DB_NAME = "omarmt.sqlite3"

StoreOpener = Callable[[], AbstractAsyncContextManager[SessionStore]]


def make_state(**overrides: object) -> SessionState:
    """A state that uses every field, so a lossy round trip shows."""
    fields: dict[str, object] = {
        "conversation": CONVERSATION,
        "status": "active",
        "lang": "nl",
        "step": "djg_3",
        "answers": MappingProxyType({"age": "18-21", "feeling": ANSWER, "emoji": "🙂 ë"}),
        "history": ("age", "feeling", "djg_1"),
        "misses": 2,
        "choosing_language": True,
        "crisis": CrisisMark(int(NOW.timestamp()), "abuse", "other", sexual=True),
        "source": "qr-bibliotheek",
    }
    fields.update(overrides)
    return SessionState(**fields)  # type: ignore[arg-type]


# --- the SessionStore contract, run against every implementation -------------------------------


@asynccontextmanager
async def _sqlite_store(place: Path) -> AsyncIterator[SessionStore]:
    async with Database.open(place / DB_NAME) as db:
        yield db.sessions(Box(KEYS.box_key))


@asynccontextmanager
async def _postgres_store(url: str) -> AsyncIterator[SessionStore]:
    async with PgDatabase.open(url) as db:
        yield db.sessions(Box(KEYS.box_key))


# One entry per SessionStore implementation. Called again, a factory must reach the same
# stored data: that is how the restart test reopens a store.
STORE_FACTORIES = ["sqlite", "postgresql"]


@pytest.fixture(params=STORE_FACTORIES)
def open_store(request: pytest.FixtureRequest, tmp_path: Path) -> StoreOpener:
    if request.param == "postgresql":
        return partial(_postgres_store, request.getfixturevalue("pg_url"))
    return partial(_sqlite_store, tmp_path)


@pytest.fixture
async def store(open_store: StoreOpener) -> AsyncIterator[SessionStore]:
    async with open_store() as opened:
        yield opened


async def test_save_then_load_returns_an_equal_state(store: SessionStore) -> None:
    state = make_state()
    await store.save(KEY, state, NOW)
    assert await store.load(KEY) == state


async def test_a_minimal_state_round_trips(store: SessionStore) -> None:
    state = SessionState(conversation="abc")
    await store.save(KEY, state, NOW)
    assert await store.load(KEY) == state


async def test_load_of_an_unknown_key_is_none(store: SessionStore) -> None:
    assert await store.load(KEY) is None


async def test_save_replaces_the_previous_state(store: SessionStore) -> None:
    await store.save(KEY, make_state(step="first"), NOW)
    await store.save(KEY, make_state(step="second"), NOW + timedelta(seconds=5))
    loaded = await store.load(KEY)
    assert loaded is not None
    assert loaded.step == "second"
    assert await store.count() == 1


async def test_states_of_different_keys_stay_apart(store: SessionStore) -> None:
    await store.save(KEY, make_state(conversation="one"), NOW)
    await store.save(OTHER_KEY, make_state(conversation="two"), NOW)
    assert await store.load(KEY) == make_state(conversation="one")
    assert await store.load(OTHER_KEY) == make_state(conversation="two")
    assert await store.count() == 2


async def test_delete_erases_one_session_and_says_so(store: SessionStore) -> None:
    await store.save(KEY, make_state(), NOW)
    await store.save(OTHER_KEY, make_state(), NOW)
    assert await store.delete(KEY) is True
    assert await store.load(KEY) is None
    assert await store.load(OTHER_KEY) is not None
    assert await store.delete(KEY) is False


async def test_purge_inactive_erases_exactly_the_old_sessions(store: SessionStore) -> None:
    cutoff = NOW - timedelta(days=30)
    keys = {name: f"{name}-key" for name in ("ancient", "old", "boundary", "recent")}
    await store.save(keys["ancient"], make_state(), cutoff - timedelta(days=300))
    await store.save(keys["old"], make_state(), cutoff - timedelta(seconds=1))
    await store.save(keys["boundary"], make_state(), cutoff)
    await store.save(keys["recent"], make_state(), NOW)

    assert await store.purge_inactive(cutoff) == 2

    assert await store.load(keys["ancient"]) is None
    assert await store.load(keys["old"]) is None
    assert await store.load(keys["boundary"]) is not None
    assert await store.load(keys["recent"]) is not None
    assert await store.count() == 2
    assert await store.purge_inactive(cutoff) == 0


async def test_a_later_save_keeps_a_session_from_the_purge(store: SessionStore) -> None:
    await store.save(KEY, make_state(), NOW - timedelta(days=60))
    await store.save(KEY, make_state(), NOW)
    assert await store.purge_inactive(NOW - timedelta(days=30)) == 0


async def test_purge_works_through_more_than_one_batch(store: SessionStore) -> None:
    old = NOW - timedelta(days=60)
    for number in range(1234):
        await store.save(f"key-{number}", SessionState(conversation=str(number)), old)
    await store.save(KEY, make_state(), NOW)
    assert await store.purge_inactive(NOW - timedelta(days=30)) == 1234
    assert await store.count() == 1


async def test_a_naive_datetime_is_refused(store: SessionStore) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        await store.save(KEY, make_state(), datetime(2025, 3, 1, 12, 30))
    with pytest.raises(ValueError, match="timezone-aware"):
        await store.purge_inactive(datetime(2025, 3, 1, 12, 30))


async def test_a_conversation_survives_a_restart(open_store: StoreOpener) -> None:
    state = make_state()
    async with open_store() as store:
        await store.save(KEY, state, NOW)
    async with open_store() as store:
        assert await store.load(KEY) == state
        assert await store.count() == 1


# --- SQLite specifics ------------------------------------------------------------------------


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / DB_NAME


@pytest.fixture
async def db(db_path: Path) -> AsyncIterator[Database]:
    async with Database.open(db_path) as opened:
        yield opened


@pytest.fixture
def box() -> Box:
    return Box(KEYS.box_key)


async def _single(db: Database, sql: str) -> object:
    [(value,)] = await db.execute(sql)
    return value


async def test_sqlite_stores_satisfy_the_protocols(db: Database, box: Box) -> None:
    # Checked by mypy: a mismatch with the Protocols fails type checking, not just this test.
    sessions: SessionStore = db.sessions(box)
    stats: StatsSink = db.stats()
    assert sessions is not None
    assert stats is not None


async def test_pragmas_are_in_effect(db: Database) -> None:
    assert await _single(db, "PRAGMA journal_mode") == "wal"
    assert await _single(db, "PRAGMA synchronous") == 1  # NORMAL
    assert await _single(db, "PRAGMA foreign_keys") == 1
    assert await _single(db, "PRAGMA secure_delete") == 1
    assert await _single(db, "PRAGMA busy_timeout") == 5000
    assert await _single(db, "PRAGMA wal_autocheckpoint") == 10000


async def test_the_database_file_identifies_nobody(db: Database, db_path: Path, box: Box) -> None:
    await db.sessions(box).save(KEY, make_state(), NOW)

    wal_path = db_path.with_name(db_path.name + "-wal")
    raw = await asyncio.to_thread(db_path.read_bytes)
    raw += await asyncio.to_thread(wal_path.read_bytes)

    # Proof that these are the bytes the row went to: the pseudonymous key is stored as is.
    assert KEY.encode() in raw
    assert str(USER_ID).encode() not in raw
    assert ANSWER.encode() not in raw
    assert CONVERSATION.encode() not in raw
    assert b"18-21" not in raw
    assert b"qr-bibliotheek" not in raw


async def test_an_unreadable_state_is_kept_and_the_person_starts_over(
    db: Database, box: Box, caplog: pytest.LogCaptureFixture
) -> None:
    store = db.sessions(box)
    await store.save(KEY, make_state(), NOW)
    await store.save(OTHER_KEY, make_state(), NOW)
    await db.execute("UPDATE sessions SET state = ? WHERE key = ?", (b"\x01" + b"x" * 40, KEY))

    with caplog.at_level(logging.WARNING, logger="bot.storage"):
        assert await store.load(KEY) is None

    assert await db.execute("SELECT 1 FROM sessions WHERE key = ?", (KEY,)) == [(1,)]
    assert await store.load(OTHER_KEY) is not None
    assert [record.getMessage() for record in caplog.records] == [
        "unreadable session state; the conversation starts over"
    ]
    assert KEY not in caplog.text


@pytest.mark.parametrize(
    "stored",
    [
        pytest.param(b"", id="empty"),
        pytest.param("not a blob", id="text"),
        pytest.param(12345, id="number"),
    ],
)
async def test_a_state_of_the_wrong_type_is_not_loaded_but_kept(
    db: Database, box: Box, stored: object
) -> None:
    store = db.sessions(box)
    await store.save(KEY, make_state(), NOW)
    await db.execute("UPDATE sessions SET state = ? WHERE key = ?", (stored, KEY))
    assert await store.load(KEY) is None
    assert await store.count() == 1


@pytest.mark.parametrize(
    "plaintext",
    [
        pytest.param(b"{not json", id="not-json"),
        pytest.param(b"[1, 2]", id="not-an-object"),
        pytest.param(b'{"v": 1}', id="no-conversation"),
        pytest.param(b"\xff\xfe", id="not-utf8"),
    ],
)
async def test_a_sealed_but_unparsable_state_is_not_loaded_but_kept(
    db: Database, box: Box, plaintext: bytes
) -> None:
    store = db.sessions(box)
    await store.save(KEY, make_state(), NOW)
    await db.execute(
        "UPDATE sessions SET state = ? WHERE key = ?", (box.seal(plaintext, KEY.encode()), KEY)
    )
    assert await store.load(KEY) is None
    assert await store.count() == 1


async def test_a_changed_secret_means_starting_over(db: Database) -> None:
    await db.sessions(Box(KEYS.box_key)).save(KEY, make_state(), NOW)
    other = Box(derive_keys("een-ander-geheim-van-minstens-32-tekens").box_key)
    assert await db.sessions(other).load(KEY) is None


async def test_a_state_copied_into_another_row_does_not_open(db: Database, box: Box) -> None:
    store = db.sessions(box)
    await store.save(KEY, make_state(), NOW)
    await store.save(OTHER_KEY, make_state(conversation="other"), NOW)
    await db.execute(
        "UPDATE sessions SET state = (SELECT state FROM sessions WHERE key = ?) WHERE key = ?",
        (KEY, OTHER_KEY),
    )
    assert await store.load(OTHER_KEY) is None
    assert await store.load(KEY) == make_state()


async def test_a_rollback_never_takes_another_coroutines_save(db: Database, box: Box) -> None:
    store = db.sessions(box)
    inside = asyncio.Event()

    async def failing_transaction() -> None:
        async with db.transaction() as conn:
            await conn.execute_fetchall(
                "INSERT INTO stats_events (conversation, day, name, data) VALUES (?, ?, ?, ?)",
                ("c", "2025-03-01", "answered", "{}"),
            )
            inside.set()
            await asyncio.sleep(0.01)
            raise RuntimeError

    task = asyncio.create_task(failing_transaction())
    await inside.wait()
    await store.save(KEY, make_state(), NOW)
    with pytest.raises(RuntimeError):
        await task

    assert await store.load(KEY) == make_state()
    assert await _single(db, "SELECT count(*) FROM stats_events") == 0


async def test_migrations_are_idempotent_on_reopen(db_path: Path, box: Box) -> None:
    async with Database.open(db_path) as db:
        await db.sessions(box).save(KEY, make_state(), NOW)
        schema = await db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name")
    async with Database.open(db_path) as db:
        assert await _single(db, "PRAGMA user_version") == len(MIGRATIONS)
        assert (
            await db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name") == schema
        )
        assert await db.sessions(box).load(KEY) == make_state()


async def test_a_database_from_the_future_is_refused(db_path: Path) -> None:
    future = len(MIGRATIONS) + 1
    async with aiosqlite.connect(db_path) as conn:
        await conn.execute(f"PRAGMA user_version = {future}")
    with pytest.raises(SchemaTooNewError, match="upgrade Omarmt") as caught:
        async with Database.open(db_path):
            pass
    assert caught.value.found == future
    async with aiosqlite.connect(db_path) as conn:
        assert await schema_version(conn) == future
        [(journal,)] = await conn.execute_fetchall("PRAGMA journal_mode")
        assert journal == "delete"


async def test_a_failing_migration_is_rolled_back_whole(tmp_path: Path) -> None:
    broken = [*MIGRATIONS, "CREATE TABLE half_done (a INTEGER);\nNOT VALID SQL;\n"]
    async with aiosqlite.connect(tmp_path / "broken.sqlite3", isolation_level=None) as conn:
        with pytest.raises(sqlite3.OperationalError):
            await migrate(conn, broken)
        assert await schema_version(conn) == len(MIGRATIONS)
        tables = await conn.execute_fetchall(
            "SELECT name FROM sqlite_master WHERE name = 'half_done'"
        )
        assert list(tables) == []
        assert not conn.in_transaction


def test_split_statements_keeps_trigger_bodies_whole() -> None:
    script = """
    CREATE TABLE a (x INTEGER);
    CREATE TRIGGER a_touch AFTER INSERT ON a BEGIN
        UPDATE a SET x = x + 1;
    END;
    """
    statements = split_statements(script)
    assert len(statements) == 2
    assert statements[1].startswith("CREATE TRIGGER")
    assert statements[1].endswith("END;")


def test_split_statements_refuses_an_unfinished_statement() -> None:
    with pytest.raises(ValueError, match="incomplete"):
        split_statements("CREATE TABLE a (x INTEGER)")


def test_every_migration_splits_cleanly() -> None:
    for script in MIGRATIONS:
        assert split_statements(script)


async def test_sessions_and_stats_share_no_column(db: Database) -> None:
    sessions = {row[1] for row in await db.execute("PRAGMA table_info(sessions)")}
    stats = {row[1] for row in await db.execute("PRAGMA table_info(stats_events)")}
    assert sessions == {"key", "state", "last_active"}
    assert sessions.isdisjoint(stats)
    assert await db.execute("PRAGMA foreign_key_list(stats_events)") == []


# --- stats -----------------------------------------------------------------------------------


async def test_stats_record_a_turn_with_the_day_only(db: Database) -> None:
    events = [
        DomainEvent("answered", MappingProxyType({"step": "age", "value": "18-21"})),
        DomainEvent("recommended", MappingProxyType({"offer": "jou-inloop"})),
        DomainEvent("started"),
    ]
    await db.stats().record(CONVERSATION, datetime(2025, 3, 1, 23, 59, tzinfo=UTC), events)

    rows = await db.execute("SELECT conversation, day, name, data FROM stats_events ORDER BY id")
    assert [(row[0], row[1], row[2]) for row in rows] == [
        (CONVERSATION, "2025-03-01", "answered"),
        (CONVERSATION, "2025-03-01", "recommended"),
        (CONVERSATION, "2025-03-01", "started"),
    ]
    assert [json.loads(str(row[3])) for row in rows] == [
        {"step": "age", "value": "18-21"},
        {"offer": "jou-inloop"},
        {},
    ]


async def test_stats_accept_a_plain_date(db: Database) -> None:
    await db.stats().record("c", date(2025, 1, 31), [DomainEvent("crisis")])
    assert await db.execute("SELECT day FROM stats_events") == [("2025-01-31",)]


async def test_stats_of_a_turn_without_events_write_nothing(db: Database) -> None:
    await db.stats().record("c", date(2025, 1, 31), [])
    assert await _single(db, "SELECT count(*) FROM stats_events") == 0


# --- Database.run (group commit) and the queues on it ------------------------------------------


async def test_works_asked_for_together_share_one_commit_and_fail_alone(any_db: Db) -> None:
    """On both databases: one failing work is undone alone, the others commit."""
    db = any_db

    def insert(name: str) -> Callable[[Conn], int]:
        def work(conn: Conn) -> int:
            row = conn.execute(
                "INSERT INTO stats_events (conversation, day, name, data) VALUES (?, ?, ?, ?) "
                "RETURNING id",
                ("c", "2025-03-01", name, "{}"),
            ).fetchone()
            return int(row[0])

        return work

    def failing(conn: Conn) -> int:
        insert("undone")(conn)
        raise ValueError

    results = await asyncio.gather(
        db.run(insert("a")), db.run(failing), db.run(insert("b")), return_exceptions=True
    )
    assert isinstance(results[1], ValueError)
    assert all(isinstance(result, int) for result in (results[0], results[2]))
    names = await db.execute("SELECT name FROM stats_events ORDER BY id")
    assert names == [("a",), ("b",)]  # the failing work's own insert was undone, no other


async def test_the_queues_keep_a_turn_whole_and_hand_back_what_they_stored(
    db: Database, box: Box
) -> None:
    queues = Queues(db, box)
    first = await queues.intake([(1, KEY, b'{"update_id": 1}'), (2, KEY, b"{}")], 1_700_000_000)
    again = await queues.intake([(1, KEY, b'{"update_id": 1}')], 1_700_000_001)
    assert again == [None]  # a redelivered update is stored once
    assert [item.payload for item in first if item is not None] == [b'{"update_id": 1}', b"{}"]
    assert await queues.pending() == [item for item in first if item is not None]

    inbox_id = first[0].id if first[0] is not None else 0
    sends = [Send(KEY, 42, b'{"text": "een"}'), Send(KEY, 42, b'{"text": "twee"}')]
    stored = await queues.commit_turn(inbox_id, KEY, make_state(), NOW, sends)
    assert [item.payload for item in stored] == [send.payload for send in sends]
    assert await queues.unsent() == stored
    assert await db.sessions(box).load(KEY) == make_state()
    assert [item.id for item in await queues.pending()] == [inbox_id + 1]

    await asyncio.gather(*(queues.sent(item.id) for item in stored))
    assert await queues.waiting() == 0


async def test_many_writes_checkpoint_the_wal_in_the_background(db_path: Path) -> None:
    async with Database.open(db_path) as db:
        before = _size(db_path)
        for index in range(450):
            await db.run(partial(_note, index))
        # Without a checkpoint the new pages would live in the WAL only, not in the file.
        for _ in range(200):
            if _size(db_path) > before:
                break
            await asyncio.sleep(0.01)
        assert _size(db_path) > before


def _size(path: Path) -> int:
    return path.stat().st_size


def _note(index: int, conn: sqlite3.Connection) -> None:
    conn.execute(
        "INSERT INTO stats_events (conversation, day, name, data) VALUES (?, ?, ?, ?)",
        (f"c{index}", "2025-03-01", "answered", "{}"),
    )
