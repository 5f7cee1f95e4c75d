"""The storage seams the rest of the bot depends on, whatever database sits behind them."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from bot.engine.model import DomainEvent, SessionState

if TYPE_CHECKING:
    from bot.crypto import Box
    from bot.storage.tables import SessionTable, StatsTable

__all__ = [
    "Conn",
    "Cursor",
    "Db",
    "LeaseLostError",
    "Row",
    "SessionStore",
    "StatsSink",
    "Work",
    "announce",
    "is_storage_error",
    "serialize",
]

T = TypeVar("T")
Row = tuple[object, ...]


class Cursor(Protocol):
    """What a statement gives back, on either database (sqlite3's and psycopg's cursors)."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Conn(Protocol):
    """A connection as the stores' work sees it: plain, synchronous DB-API calls with ``?``
    placeholders, inside a transaction `Db.run` opened. sqlite3's connection is one; for
    PostgreSQL, `bot.storage.postgres` wraps psycopg's to look the same."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Cursor: ...


#: Work for `Db.run`: plain calls on a `Conn`, run on the database's own thread.
Work = Callable[[Conn], T]


class Db(Protocol):
    """The bot's database, whichever it is: SQLite (`bot.storage.sqlite`) or PostgreSQL
    (`bot.storage.postgres`). Every store is written against this, in SQL both understand."""

    #: "sqlite" or "postgresql".
    backend: str

    async def execute(self, sql: str, parameters: Sequence[object] = ()) -> list[Row]:
        """One statement, its own transaction; all its rows."""
        ...

    async def run(self, work: Work[T]) -> T:
        """`work` in a write transaction (shared with others asked for meanwhile, each in a
        savepoint of its own); its result once committed."""
        ...

    async def checkpoint(self) -> None:
        """After an erasure: make sure no older copy of erased rows lingers beside the data."""
        ...

    async def purge_sessions(self, before: datetime) -> int:
        """Erase sessions last active before ``before``; how many."""
        ...

    def sessions(self, box: Box) -> SessionTable:
        """The session store, sealing states with ``box``."""
        ...

    def stats(self) -> StatsTable:
        """The sink for anonymous statistics events."""
        ...

    def news_mark(self) -> int:
        """How many announcements of new rows (`announce`) this process has heard so far."""
        ...

    def heard(self) -> set[str] | None:
        """The lanes announced since the last call (None: unknown which, look at them all)."""
        ...

    async def wait_news(self, mark: int, at_most: float) -> None:
        """Return once an announcement after `mark` is heard, or after `at_most` seconds."""
        ...


def serialize(conn: Conn, name: str) -> None:
    """Inside a work: wait until no other process's transaction holds `name`, and hold it until
    this one ends. SQLite needs nothing (its write transactions already run one at a time);
    PostgreSQL's run side by side under READ COMMITTED, so read-then-write work (a lease)
    takes a transaction-level advisory lock."""
    hold: Callable[[str], None] | None = getattr(conn, "omarmt_hold", None)
    if hold is not None:
        hold(name)


class SessionStore(Protocol):
    """Keeps each conversation's state between turns and across restarts.

    ``key`` is the pseudonym of the user (never a raw channel id). Implementations keep the state
    unreadable at rest, and treat a state they cannot read as absent rather than failing the turn.
    """

    async def load(self, key: str) -> SessionState | None:
        """The state to continue from, or None to start a new conversation."""
        ...

    async def save(self, key: str, state: SessionState, now: datetime) -> None:
        """Persist the state after a turn; ``now`` (timezone-aware) marks the last activity."""
        ...

    async def delete(self, key: str) -> bool:
        """Erase a conversation on request; True if there was something to erase."""
        ...

    async def purge_inactive(self, before: datetime) -> int:
        """Apply the retention period: erase sessions last active before ``before``."""
        ...

    async def count(self) -> int:
        """How many sessions are stored, for health checks and operators."""
        ...


class StatsSink(Protocol):
    """Receives the countable events of a turn for the anonymous statistics."""

    async def record(self, conversation: str, day: date, events: Sequence[DomainEvent]) -> None:
        """Store one turn's events under the random conversation id and the day (no time)."""
        ...


class LeaseLostError(RuntimeError):
    """Another process leads this database now: this one must not commit a turn."""


def announce(conn: Conn, lanes: Iterable[str] = ()) -> None:
    """Inside a work that stores rows for others to handle: tell the processes that follow the
    database which lanes have new rows (PostgreSQL's NOTIFY, delivered at commit), so only
    those that hold or may take them look. SQLite has one process: nothing."""
    tell: Callable[[Iterable[str]], None] | None = getattr(conn, "omarmt_announce", None)
    if tell is not None:
        tell(lanes)


def is_storage_error(exc: BaseException) -> bool:
    """Whether `exc` is the database's trouble (a lock held elsewhere, a full disk, a server
    gone, the lease taken over), to be waited out rather than counted against the turn."""
    if isinstance(exc, sqlite3.Error | LeaseLostError):
        return True
    psycopg = sys.modules.get("psycopg")  # imported only where PostgreSQL is used
    return psycopg is not None and isinstance(exc, psycopg.Error)
