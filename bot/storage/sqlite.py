"""The SQLite database: one writer connection, migrations at open, and the stores built on it."""

from __future__ import annotations

import asyncio
import json
import logging
import math
import sqlite3
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import date, datetime
from pathlib import Path
from typing import cast

import aiosqlite

from bot.crypto import Box, DecryptError
from bot.engine.model import DomainEvent, SessionState
from bot.storage.migrations import MIGRATIONS, SchemaTooNewError, migrate, schema_version

__all__ = [
    "Database",
    "Row",
    "SqliteSessionStore",
    "SqliteStatsSink",
    "StatsTurn",
    "decode_state",
    "encode_state",
]

logger = logging.getLogger(__name__)

Row = tuple[object, ...]
#: One turn's countable events: the random conversation id, the day, the events.
StatsTurn = tuple[str, date, Sequence[DomainEvent]]

# RETURNING (3.35) lets a delete report its count in the same round trip to the worker thread.
_MIN_SQLITE = (3, 35, 0)

# busy_timeout first, so the others wait for a lock held by another process instead of failing.
# secure_delete is per connection: it zeroes erased rows in the pages written to file and WAL.
# A 64 MiB page cache keeps the pages of 100,000 sessions in memory, and checkpointing every
# 10,000 pages (about 40 MiB of WAL) instead of 1,000 lets repeated writes to one page coalesce:
# with many sessions, checkpoints are what makes a turn slower, not the B-tree lookups.
_PRAGMAS = (
    "PRAGMA busy_timeout = 5000",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
    "PRAGMA cache_size = -65536",
    "PRAGMA wal_autocheckpoint = 10000",
)

_LOAD = "SELECT state FROM sessions WHERE key = ?"
_UPSERT = (
    "INSERT INTO sessions (key, state, last_active) VALUES (?, ?, ?) "
    "ON CONFLICT (key) DO UPDATE SET state = excluded.state, last_active = excluded.last_active"
)
_DELETE = "DELETE FROM sessions WHERE key = ? RETURNING 1"
# Only the unreadable blob itself: a valid state saved meanwhile must survive.
_DISCARD = "DELETE FROM sessions WHERE key = ? AND state = ?"
_PURGE_BATCH = (
    "DELETE FROM sessions WHERE key IN "
    "(SELECT key FROM sessions WHERE last_active < ? LIMIT ?) RETURNING 1"
)
_COUNT = "SELECT count(*) FROM sessions"
_RECORD = "INSERT INTO stats_events (conversation, day, name, data) VALUES (?, ?, ?, ?)"

# Purging in batches keeps each write transaction short, so turns go on during a large purge.
_PURGE_BATCH_SIZE = 500


class Database:
    """The bot's one SQLite file, reached through a single writer connection.

    Every statement runs under one lock: a statement outside `transaction` is its own
    transaction (autocommit), and no other coroutine's statement can slip into, or be rolled
    back with, someone else's transaction. Open it with ``async with Database.open(path)``.
    """

    __slots__ = ("_conn", "_lock")

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn
        self._lock = asyncio.Lock()

    @classmethod
    @asynccontextmanager
    async def open(cls, path: str | Path) -> AsyncIterator[Database]:
        """Connect, set the PRAGMAs, migrate the schema; close the connection on the way out."""
        if sqlite3.sqlite_version_info < _MIN_SQLITE:
            msg = f"SQLite {sqlite3.sqlite_version} is too old: Omarmt needs 3.35 or newer"
            raise RuntimeError(msg)
        # isolation_level=None: we issue BEGIN/COMMIT ourselves instead of sqlite3 guessing.
        async with aiosqlite.connect(path, isolation_level=None) as conn:
            await conn.execute_fetchall(_PRAGMAS[0])
            # Check before touching the file: a newer schema may not survive older code.
            found = await schema_version(conn)
            if found > len(MIGRATIONS):
                raise SchemaTooNewError(found, len(MIGRATIONS))
            for pragma in _PRAGMAS[1:]:
                await conn.execute_fetchall(pragma)
            [(journal,)] = await conn.execute_fetchall("PRAGMA journal_mode")
            if journal != "wal":
                logger.warning("database is not in WAL mode (journal_mode=%s)", journal)
            version = await migrate(conn)
            logger.debug("database open at schema version %d", version)
            yield cls(conn)

    async def execute(self, sql: str, parameters: Sequence[object] = ()) -> list[Row]:
        """Run one statement as its own transaction and return all its rows.

        Fetching inside the worker thread costs one round trip and leaves no cursor open.
        """
        async with self._lock:
            rows = await self._conn.execute_fetchall(sql, parameters)
        # The connection keeps the default row factory, which yields plain tuples in a list.
        return cast("list[Row]", rows)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """Group several statements into one write transaction, committed at the end.

        An exception rolls it back. Keep it short: every other statement waits for it.
        """
        async with self._lock:
            await self._conn.execute_fetchall("BEGIN IMMEDIATE")
            try:
                yield self._conn
                await self._conn.execute_fetchall("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    await self._conn.execute_fetchall("ROLLBACK")
                raise

    async def checkpoint(self) -> None:
        """Copy the WAL into the database file and truncate it.

        After an erasure this drops the older copies of erased rows that earlier WAL frames
        still hold, so deleted data does not linger beside the file.
        """
        await self.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    async def purge_sessions(self, before: datetime) -> int:
        """The retention period: erase sessions last active before ``before``.

        Needs no key: it reads only the activity time, so an operator can run it without the
        secret. Short batches keep each write brief, so turns go on meanwhile.
        """
        cutoff = _unix(before)
        total = 0
        while True:
            erased = len(await self.execute(_PURGE_BATCH, (cutoff, _PURGE_BATCH_SIZE)))
            total += erased
            if erased < _PURGE_BATCH_SIZE:
                break
        if total:
            await self.checkpoint()
        return total

    def sessions(self, box: Box) -> SqliteSessionStore:
        """The session store, sealing states with ``box``."""
        return SqliteSessionStore(self, box)

    def stats(self) -> SqliteStatsSink:
        """The sink for anonymous statistics events."""
        return SqliteStatsSink(self)


class SqliteSessionStore:
    """`SessionStore` on the sessions table: states sealed, keys pseudonymous."""

    __slots__ = ("_box", "_db")

    def __init__(self, db: Database, box: Box) -> None:
        self._db = db
        self._box = box

    async def load(self, key: str) -> SessionState | None:
        """The stored state, or None when there is none or it cannot be read any more."""
        rows = await self._db.execute(_LOAD, (key,))
        if not rows:
            return None
        blob = rows[0][0]
        try:
            if not isinstance(blob, bytes):
                msg = "session state is not a blob"
                raise DecryptError(msg)
            return _decode(self._box.open(blob, key.encode()))
        except (DecryptError, ValueError, KeyError, TypeError, AttributeError):
            # A changed secret or a damaged row: the user starts over rather than being stuck.
            # Neither the key nor any content goes into the log.
            logger.warning("unreadable session state discarded")
            await self._db.execute(_DISCARD, (key, blob))
            return None

    async def save(self, key: str, state: SessionState, now: datetime) -> None:
        """Seal and upsert the state in one autocommitted statement."""
        sealed = self._box.seal(_encode(state), key.encode())
        await self._db.execute(_UPSERT, (key, sealed, _unix(now)))

    async def delete(self, key: str) -> bool:
        """Erase one conversation, leaving no copy of it in the WAL."""
        erased = bool(await self._db.execute(_DELETE, (key,)))
        if erased:
            await self._db.checkpoint()
        return erased

    async def purge_inactive(self, before: datetime) -> int:
        """Erase sessions inactive since before ``before``, in short batches."""
        return await self._db.purge_sessions(before)

    async def count(self) -> int:
        """The number of stored sessions (a full index scan: not for the per-turn path)."""
        rows = await self._db.execute(_COUNT)
        return cast("int", rows[0][0])


class SqliteStatsSink:
    """`StatsSink` on the stats_events table: a random conversation id, a day, categories."""

    __slots__ = ("_db",)

    def __init__(self, db: Database) -> None:
        self._db = db

    async def record(self, conversation: str, day: date, events: Sequence[DomainEvent]) -> None:
        """Insert one turn's events together, so a turn is counted whole or not at all."""
        await self.record_many([(conversation, day, events)])

    async def record_many(self, turns: Sequence[StatsTurn]) -> None:
        """Insert the events of many turns in one transaction (see `BufferedStats`)."""
        rows = [
            # A datetime is also a date; keep only the day, so no time of activity is stored.
            (conversation, _day(day), event.name, _compact(dict(event.data)))
            for conversation, day, events in turns
            for event in events
        ]
        if not rows:
            return
        async with self._db.transaction() as conn:
            cursor = await conn.executemany(_RECORD, rows)
            await cursor.close()


def _day(day: date) -> str:
    return (day.date() if isinstance(day, datetime) else day).isoformat()


def _compact(value: object) -> str:
    # Sorted keys: equal events give equal rows, which keeps the stats easy to group.
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, sort_keys=True)


def _encode(state: SessionState) -> bytes:
    return json.dumps(state.to_json(), separators=(",", ":"), ensure_ascii=False).encode()


def _decode(plaintext: bytes) -> SessionState:
    data = json.loads(plaintext)
    if not isinstance(data, dict):
        msg = "session state is not a JSON object"
        raise TypeError(msg)
    return SessionState.from_json(data)


def _unix(moment: datetime) -> int:
    # A naive datetime means local time to timestamp(); mixing it with aware ones skews purging.
    if moment.utcoffset() is None:
        msg = "expected a timezone-aware datetime"
        raise ValueError(msg)
    return math.floor(moment.timestamp())


#: Public names for the queues module, which writes a session in the same transaction as a turn.
encode_state = _encode
decode_state = _decode
