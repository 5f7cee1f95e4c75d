"""The SQLite database: one writer connection, migrations at open, and the stores built on it."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, TypeVar, cast

import aiosqlite

from bot.crypto import Box
from bot.storage.base import Row, Work
from bot.storage.group import GroupCommit, Outcome
from bot.storage.migrations import MIGRATIONS, SchemaTooNewError, migrate, schema_version
from bot.storage.tables import (
    SessionTable,
    StatsTable,
    StatsTurn,
    decode_state,
    encode_state,
    purge_sessions,
)

__all__ = [
    "Database",
    "Row",
    "SqliteSessionStore",
    "SqliteStatsSink",
    "StatsTurn",
    "Work",
    "decode_state",
    "encode_state",
]

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: The stores are the same on both databases; these names stay for what imports them here.
SqliteSessionStore = SessionTable
SqliteStatsSink = StatsTable

# RETURNING (3.35) lets a delete report its count in the same round trip to the worker thread.
_MIN_SQLITE = (3, 35, 0)

# busy_timeout first, so the others wait for a lock held by another process instead of failing.
# secure_delete is per connection: it zeroes erased rows in the pages written to file and WAL.
# A 64 MiB page cache keeps the pages of 100,000 sessions in memory. Checkpoints (copying the
# WAL into the file, with two fsyncs) run on a thread of their own (`_CHECKPOINT_EVERY`); the
# writer's own automatic checkpoint at 10,000 pages (about 40 MiB of WAL) is only a safety net:
# run by the writer it stalls every write for ~100 ms.
_PRAGMAS = (
    "PRAGMA busy_timeout = 5000",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
    "PRAGMA cache_size = -65536",
    "PRAGMA wal_autocheckpoint = 10000",
)


#: Write transactions after which a background thread checkpoints the WAL (a few MiB).
_CHECKPOINT_EVERY = 200


class Database:
    """The bot's one SQLite file, reached through a single writer connection.

    Every statement runs under one lock: a statement outside `transaction` is its own
    transaction (autocommit), and no other coroutine's statement can slip into, or be rolled
    back with, someone else's transaction. Open it with ``async with Database.open(path)``.
    """

    __slots__ = ("_checkpointing", "_conn", "_group", "_lock", "_path", "_writes")

    backend = "sqlite"

    def __init__(self, conn: aiosqlite.Connection, path: str | Path | None = None) -> None:
        self._conn = conn
        self._lock = asyncio.Lock()
        #: The file, for the background checkpoints (None: none, as for an in-memory database).
        self._path = path
        self._writes = 0
        self._checkpointing: asyncio.Task[None] | None = None
        #: Works waiting for the next group commit (`run`).
        self._group = GroupCommit(self._commit_batch, after=self._wrote)

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
            database = cls(conn, None if str(path) == ":memory:" else path)
            try:
                yield database
            finally:
                if database._checkpointing is not None:  # let it finish; its outcome is logged
                    await asyncio.wait([database._checkpointing])

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
        self._wrote()

    async def run(self, work: Work[T]) -> T:
        """Run `work` in a write transaction on the connection's thread; return its result.

        Two savings. One hop: BEGIN, the statements and COMMIT go to aiosqlite's worker thread
        together, where each await on aiosqlite is a hop there and back (a queue, a thread
        wake-up, an event-loop wake-up), all under the lock. Group commit: works asked for while
        a transaction is under way share the next one, each in a savepoint of its own, so one
        that fails is undone alone while the others commit. A caller hears back only once its
        work is committed. `work` runs on the worker thread: plain sqlite3, no event loop.
        """
        return await self._group.run(work)

    async def _commit_batch(self, works: list[Work[Any]]) -> list[Outcome]:
        async with self._lock:
            return await self._on_thread(partial(_commit, self._conn, works))

    def _wrote(self) -> None:
        """Count a write transaction; every `_CHECKPOINT_EVERY`, checkpoint off the writer.

        A checkpoint on its own connection and thread lets the writer go on meanwhile (WAL
        mode allows it); copying and syncing the same pages on the writer stalled every turn.
        """
        self._writes += 1
        if self._writes < _CHECKPOINT_EVERY or self._checkpointing or self._path is None:
            return
        self._writes = 0
        task = asyncio.create_task(asyncio.to_thread(_checkpoint_passive, self._path))
        self._checkpointing = task
        task.add_done_callback(self._checkpointed)

    def _checkpointed(self, task: asyncio.Task[None]) -> None:
        self._checkpointing = None
        if not task.cancelled() and task.exception() is not None:
            logger.warning("background checkpoint failed (%s)", type(task.exception()).__name__)

    async def _on_thread(self, call: Callable[[], T]) -> T:
        """Queue `call` on aiosqlite's worker thread (its `_execute`: not public, but stable
        since 0.17 and the only way to run several statements in one hop)."""
        execute = cast("Callable[[Callable[[], T]], Awaitable[T]]", self._conn._execute)
        return await execute(call)

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
        total = await purge_sessions(self, before)
        if total:
            await self.checkpoint()
        return total

    def news_mark(self) -> int:
        """One process per file: nobody else announces anything."""
        return 0

    def heard(self) -> set[str] | None:
        """Nobody else announces: no lane is known to have news."""
        return set()

    async def wait_news(self, mark: int, at_most: float) -> None:
        """Nobody else writes: wait the time out."""
        del mark
        await asyncio.sleep(at_most)

    def sessions(self, box: Box) -> SessionTable:
        """The session store, sealing states with ``box``."""
        return SessionTable(self, box)

    def stats(self) -> StatsTable:
        """The sink for anonymous statistics events."""
        return StatsTable(self)


def _commit(conn: aiosqlite.Connection, works: list[Work[Any]]) -> list[tuple[bool, Any]]:
    """On the worker thread: one transaction, each work in a savepoint; per work, whether it
    went through and its result or exception. A failing work is undone alone."""
    raw = conn._conn
    outcomes: list[tuple[bool, Any]] = []
    raw.execute("BEGIN IMMEDIATE")
    try:
        for work in works:
            raw.execute("SAVEPOINT work")
            try:
                outcomes.append((True, work(raw)))
            except Exception as exc:  # noqa: BLE001 - handed to the work's caller
                raw.execute("ROLLBACK TO work")
                outcomes.append((False, exc))
            raw.execute("RELEASE work")
        raw.execute("COMMIT")
    except BaseException:
        if raw.in_transaction:
            raw.execute("ROLLBACK")
        raise
    return outcomes


def _checkpoint_passive(path: str | Path) -> None:
    """On a worker thread, with a connection of its own: copy what the WAL holds into the file,
    without waiting for (or stalling) the writer. The writer then starts the WAL over."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    finally:
        conn.close()
