"""The PostgreSQL database: the same stores and the same sealed rows as on SQLite, for several
`omarmt run` replicas on one database server (docs/postgresql.md).

psycopg 3 (not asyncpg): the stores' unit of work is a plain synchronous function that runs
several statements in one hop to the database thread (`Db.run`, with group commit). psycopg's
synchronous connection runs exactly that code, on a thread of its own, with DB-API calls like
sqlite3's; asyncpg would have needed every work rewritten as coroutines with ``$1``
placeholders. psycopg is also the driver the PostgreSQL project's own Python docs point to,
reads the usual ``PG*`` variables through libpq, and has no C build step (its binary wheel).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from datetime import datetime
from decimal import Decimal
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any, TypeVar

from bot.crypto import Box
from bot.storage.base import Row, Work
from bot.storage.group import GroupCommit, Outcome
from bot.storage.pg_schema import migrate
from bot.storage.tables import SessionTable, StatsTable, purge_sessions

if TYPE_CHECKING:
    import psycopg

__all__ = ["PgConn", "PgDatabase", "is_url", "others_connected"]

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: The channel on which new rows are announced (`announce`) and heard (`PgDatabase.wait_news`).
NEWS = "omarmt_news"


def is_url(place: object) -> bool:
    """Whether a database setting names a PostgreSQL server rather than a SQLite file."""
    return str(place).startswith(("postgresql://", "postgres://"))


async def others_connected(db: object) -> int:
    """How many other Omarmt processes are connected to this PostgreSQL database (0 for
    SQLite, where the lease alone says it): `omarmt rotate-secret` must run alone."""
    if not isinstance(db, PgDatabase):
        return 0
    rows = await db.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'omarmt' "
        "AND datname = current_database() AND pid <> pg_backend_pid()"
    )
    return int(str(rows[0][0]))


@lru_cache(maxsize=512)
def _pg(sql: str) -> str:
    """The stores' ``?`` placeholders as psycopg's ``%s`` (a literal ``%`` doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


class PgConn:
    """psycopg's connection with sqlite3's face, for the stores' work (`bot.storage.base.Conn`)."""

    __slots__ = ("_raw",)

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self._raw = raw

    def execute(self, sql: str, parameters: Any = (), /) -> psycopg.Cursor[Any]:
        if not parameters:
            return self._raw.execute(sql.encode())  # as written: no placeholders to translate
        return self._raw.execute(_pg(sql), parameters)

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> psycopg.Cursor[Any]:
        cursor = self._raw.cursor()
        cursor.executemany(_pg(sql), parameters)
        return cursor

    def omarmt_announce(self, lanes: Iterable[str]) -> None:
        """`bot.storage.base.announce`: NOTIFY with the lanes (pseudonyms), heard by the
        followers when this commits; too many for one notification: without them."""
        payload = ",".join(sorted(set(lanes)))
        self._raw.execute(
            "SELECT pg_notify(%s, %s)", (NEWS, payload if len(payload) < 7000 else "")
        )

    def omarmt_hold(self, name: str) -> None:
        """`bot.storage.base.serialize`: an advisory lock held until the transaction ends."""
        self._raw.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (name,))


class PgDatabase:
    """One connection to the server, used from one thread; the same contract as SQLite's
    `Database` (`bot.storage.base.Db`). A connection the server dropped is opened again at the
    next statement, so a restarted server costs the turns of that moment a retry, no more."""

    backend = "postgresql"

    def __init__(self, url: str) -> None:
        self._url = url
        self._raw: psycopg.Connection[Any] | None = None
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="omarmt-pg")
        self._lock = asyncio.Lock()
        self._group = GroupCommit(self._commit_batch)
        #: Announcements heard (`wait_news`), by a thread with a connection of its own.
        self._news = 0
        self._heard = asyncio.Event()
        #: The lanes announced since `heard` was last asked (None: some without lanes).
        self._lanes_heard: set[str] | None = set()
        self._listener: threading.Thread | None = None
        self._closing = threading.Event()

    @classmethod
    @asynccontextmanager
    async def open(cls, url: str) -> AsyncIterator[PgDatabase]:
        """Connect, migrate the schema (under an advisory lock: replicas start together), and
        close on the way out."""
        database = cls(url)
        try:
            version = await database._on_thread(lambda: migrate(database._connection()))
            logger.debug("database open at schema version %d", version)
            yield database
        finally:
            database._closing.set()
            if database._listener is not None:
                await asyncio.to_thread(database._listener.join, 5)
            await database._on_thread(database._close)
            database._thread.shutdown(wait=True)

    # --- on the database thread ----------------------------------------------------------------

    def _connection(self) -> psycopg.Connection[Any]:
        import psycopg  # noqa: PLC0415 - only a PostgreSQL deployment pays for the import

        raw = self._raw
        if raw is not None and not raw.closed and not raw.broken:
            return raw
        if raw is not None:
            logger.warning("the connection to PostgreSQL was lost; connecting again")
        raw = psycopg.connect(self._url, autocommit=True, application_name="omarmt")
        raw.adapters.register_loader("numeric", _number_loader())
        self._raw = raw
        return raw

    def _close(self) -> None:
        if self._raw is not None:
            self._raw.close()
            self._raw = None

    def _execute(self, sql: str, parameters: Sequence[object]) -> list[Row]:
        cursor = PgConn(self._connection()).execute(sql, parameters)
        return [tuple(row) for row in cursor.fetchall()] if cursor.description else []

    def _commit(self, works: list[Work[Any]]) -> list[Outcome]:
        """One transaction, each work in a savepoint of its own: one that fails is undone
        alone while the others commit (as on SQLite)."""
        raw = self._connection()
        conn = PgConn(raw)
        outcomes: list[tuple[bool, Any]] = []
        with raw.transaction():
            for work in works:
                try:
                    with raw.transaction():
                        outcomes.append((True, work(conn)))
                except Exception as exc:  # noqa: BLE001 - handed to the work's caller
                    outcomes.append((False, exc))
        return outcomes

    async def _on_thread(self, call: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._thread, call)

    # --- the Db contract -----------------------------------------------------------------------

    async def execute(self, sql: str, parameters: Sequence[object] = ()) -> list[Row]:
        """Run one statement as its own transaction and return all its rows."""
        async with self._lock:
            return await self._on_thread(lambda: self._execute(sql, parameters))

    async def run(self, work: Work[T]) -> T:
        """`work` in a transaction; works asked for meanwhile share the next one."""
        return await self._group.run(work)

    async def _commit_batch(self, works: list[Work[Any]]) -> list[Outcome]:
        async with self._lock:
            return await self._on_thread(partial(self._commit, works))

    # --- announcements ----------------------------------------------------------------------

    def news_mark(self) -> int:
        """Announcements heard so far; the first call starts listening."""
        if self._listener is None:
            loop = asyncio.get_running_loop()
            self._listener = threading.Thread(
                target=self._listen, args=(loop,), name="omarmt-pg-listen", daemon=True
            )
            self._listener.start()
        return self._news

    async def wait_news(self, mark: int, at_most: float) -> None:
        """Until an announcement after `mark` is heard, or `at_most` seconds: a follower wakes
        within milliseconds of a commit elsewhere, and still looks now and then if a
        notification is missed (while its listening connection is being opened again)."""
        while self._news == mark:
            self._heard.clear()
            if self._news != mark:
                return
            try:
                await asyncio.wait_for(self._heard.wait(), at_most)
            except TimeoutError:
                return

    def heard(self) -> set[str] | None:
        """The lanes announced since the last call (None: unknown which)."""
        lanes, self._lanes_heard = self._lanes_heard, set()
        return lanes

    def _bump(self, payload: str = "") -> None:
        self._news += 1
        if not payload:
            self._lanes_heard = None
        elif self._lanes_heard is not None:
            self._lanes_heard.update(payload.split(","))
        self._heard.set()

    def _listen(self, loop: asyncio.AbstractEventLoop) -> None:
        """On its own thread: LISTEN, and pass every notification to the event loop."""
        import psycopg  # noqa: PLC0415 - see `_connection`

        failures = 0
        while not self._closing.is_set():
            try:
                with psycopg.connect(
                    self._url, autocommit=True, application_name="omarmt"
                ) as conn:
                    conn.execute(f"LISTEN {NEWS}")
                    failures = 0
                    loop.call_soon_threadsafe(self._bump)  # a look after (re)connecting
                    while not self._closing.is_set():
                        for note in conn.notifies(timeout=1.0):
                            loop.call_soon_threadsafe(self._bump, note.payload)
            except psycopg.Error as exc:
                failures += 1
                logger.warning("listening to PostgreSQL failed (%s)", type(exc).__name__)
                self._closing.wait(min(30.0, 0.5 * 2**failures))
            except RuntimeError:  # the event loop closed under us: the process is ending
                return

    async def checkpoint(self) -> None:
        """Nothing to copy: PostgreSQL has no WAL file beside the data for older copies to
        linger in as SQLite has. Erased rows' pages are reused after autovacuum, which the
        schema makes eager on the tables that hold sealed text (docs/postgresql.md)."""

    async def purge_sessions(self, before: datetime) -> int:
        """The retention period, in short batches (see `bot.storage.tables.purge_sessions`)."""
        return await purge_sessions(self, before)

    def sessions(self, box: Box) -> SessionTable:
        """The session store, sealing states with ``box``."""
        return SessionTable(self, box)

    def stats(self) -> StatsTable:
        """The sink for anonymous statistics events."""
        return StatsTable(self)


@lru_cache(maxsize=1)
def _number_loader() -> type[Any]:
    """``numeric`` as SQLite gives it: an int when whole (``sum`` of integers is numeric in
    PostgreSQL), else a float. The statistics never hold money, so a float is exact enough."""
    from psycopg.adapt import Loader  # noqa: PLC0415 - see `_connection`

    class NumberLoader(Loader):
        def load(self, data: Any) -> int | float:
            value = Decimal(bytes(data).decode())
            return int(value) if value == value.to_integral_value() else float(value)

    return NumberLoader
