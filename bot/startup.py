"""Starting `omarmt run` safely: the database opens, the secret fits it, this process is its only
writer, and Telegram accepts the token. Each failure is a `StartError`: one line for the
operator (never the token), and exit 2.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from telegram.error import InvalidToken, TelegramError
from telegram.ext import ExtBot

from bot.crypto import Keys
from bot.storage import Database, SchemaTooNewError
from bot.storage.base import Conn, Db
from bot.storage.keys import WrongSecretError, unlock
from bot.storage.lease import (
    REPLICAS,
    SINGLE,
    Holder,
    LeaseHeldError,
    Timing,
    acquire,
    fence,
    release,
    renew,
)
from bot.storage.opening import sqlite_path
from bot.storage.postgres import PgDatabase, is_url

__all__ = ["Leadership", "StartError", "Writer", "open_database", "signed_in", "sole_writer"]

#: Seconds between a standing-by replica's looks at the lease.
STANDBY_LOOK = 1.0

log = logging.getLogger(__name__)


class StartError(Exception):
    """Omarmt cannot start; the message is the one line the operator sees."""


@dataclass
class Writer:
    """This process as the database's writer: the keys to use, and whether the lease was
    lost (another process took the database over after this one stalled)."""

    keys: Keys = field(repr=False)
    holder: Holder
    lost: bool = False
    #: Whether this process holds the lease now.
    held: bool = False
    timing: Timing = SINGLE


@asynccontextmanager
async def open_database(place: Path | str) -> AsyncIterator[Db]:
    """The database `place` names (a SQLite file or a PostgreSQL URL), with one that cannot be
    opened said in one line."""
    if is_url(place):
        async with _open_server(str(place)) as server:
            yield server
        return
    path = sqlite_path(place)
    opened = False
    try:
        # Tried with plain sqlite3 first: aiosqlite leaves its thread behind when the file
        # cannot be opened, and that thread prints a traceback at exit.
        sqlite3.connect(path).close()
        async with Database.open(path) as database:
            opened = True
            yield database
    except SchemaTooNewError as exc:
        if opened:
            raise
        raise StartError(str(exc)) from None
    except (sqlite3.Error, OSError) as exc:
        if opened:
            raise
        reason = str(exc) if isinstance(exc, sqlite3.Error) else type(exc).__name__
        msg = f"OMARMT_DB: {str(path)!r} cannot be opened as a database ({reason})"
        raise StartError(msg) from None


@asynccontextmanager
async def _open_server(url: str) -> AsyncIterator[Db]:
    """A PostgreSQL server; the line names host and database, never the password."""
    import psycopg  # noqa: PLC0415 - only a PostgreSQL deployment pays for the import

    opened = False
    try:
        async with PgDatabase.open(url) as database:
            opened = True
            yield database
    except SchemaTooNewError as exc:
        if opened:
            raise
        raise StartError(str(exc)) from None
    except psycopg.Error as exc:
        if opened:
            raise
        where = _where(url)
        reason = type(exc).__name__
        msg = f"OMARMT_DB: the PostgreSQL database {where} cannot be used ({reason})"
        raise StartError(msg) from None


def _where(url: str) -> str:
    """Host, port and database of a URL, for a message (no user, no password)."""
    parts = urlsplit(url)
    host = parts.hostname or "(PGHOST)"
    port = f":{parts.port}" if parts.port else ""
    return f"{host}{port}{parts.path or '/(PGDATABASE)'}"


@asynccontextmanager
async def sole_writer(
    db: Db, keys: Keys, stop: asyncio.Event, *, wait: bool = False
) -> AsyncIterator[Leadership]:
    """Check the secret, take the lease and renew it while running; give it up at the end.

    A lease found taken over sets `stop`: two writers must not go on side by side.

    `wait` (replicas on a database server): a lease held by a live replica does not stop the
    start. This one then stands by (`Leadership.take`) and takes over when the leader stops
    or dies; SQLite keeps one process per file and says who holds it.
    """
    try:
        unlocked = await unlock(db, keys)
    except WrongSecretError as exc:
        raise StartError(str(exc)) from None
    writer = Writer(unlocked, Holder.me(), timing=REPLICAS if wait else SINGLE)
    lead = Leadership(db, writer, stop, secret=keys)
    if not wait:
        try:
            await lead.try_take()
        except LeaseHeldError as exc:
            raise StartError(str(exc)) from None
    try:
        yield lead
    finally:
        await lead.end()


class Leadership:
    """The lease of one process: taken now, or (replicas) once the leader is gone."""

    def __init__(
        self, db: Db, writer: Writer, stop: asyncio.Event, *, secret: Keys | None = None
    ) -> None:
        self.db = db
        self.writer = writer
        self._stop = stop
        self._beat: asyncio.Task[None] | None = None
        #: The keys of OMARMT_SECRET, to check again on taking over after standing by.
        self._secret = secret
        #: The secret was rotated while this replica stood by: it must not lead.
        self.wrong_secret = False

    @property
    def keys(self) -> Keys:
        """The keys that open this database."""
        return self.writer.keys

    @property
    def lost(self) -> bool:
        """Whether another process took the lease over from this one."""
        return self.writer.lost

    def fence(self) -> Callable[[Conn, str], None]:
        """The check for every turn's transaction that the lease is still this process's."""
        return fence(self.writer.holder.token)

    async def try_take(self) -> None:
        """Take the lease now (`LeaseHeldError`: a live process holds it); renew it from now."""
        await acquire(self.db, self.writer.holder, stale=self.writer.timing.stale)
        self.writer.held = True
        self._beat = asyncio.create_task(
            _heartbeat(self.db, self.writer, self._stop), name="lease"
        )

    async def take(self, beat: Callable[[], None] = lambda: None) -> bool:
        """Stand by until the lease is free, calling `beat` meanwhile (this replica is alive:
        it takes in updates); True once taken, False when stopped first."""
        if self.writer.held:
            return True
        said = False
        while not self._stop.is_set():
            try:
                await self.try_take()
            except LeaseHeldError as exc:
                if not said:
                    log.info(
                        "another replica leads (%s); this one takes in updates, handles its "
                        "share of people, and stands by to lead",
                        exc.other.describe(),
                    )
                    said = True
            except Exception as exc:  # noqa: BLE001 - the server's trouble: try again soon
                log.warning("the lease could not be checked (%s)", type(exc).__name__)
            else:
                if said and not await self._secret_still_fits():
                    return False
                if said:
                    log.info("this replica leads now")
                return True
            beat()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), timeout=STANDBY_LOOK)
        return False

    async def _secret_still_fits(self) -> bool:
        """After standing by: was the secret rotated meanwhile (`omarmt rotate-secret`)? Then
        this replica's keys open nothing new, and leading would seal with the old ones."""
        if self._secret is None:
            return True
        try:
            keys = await unlock(self.db, self._secret)
        except WrongSecretError:
            keys = None
        if keys == self.writer.keys:
            return True
        log.error("the secret was changed while this replica stood by; it stops")
        self.wrong_secret = True
        self._stop.set()
        return False

    async def end(self) -> None:
        """Stop renewing; give the lease up unless it was taken over."""
        if self._beat is not None:
            self._beat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._beat
        if self.writer.held and not self.writer.lost:
            with contextlib.suppress(Exception):  # the database's trouble: the lease lapses
                await release(self.db, self.writer.holder)


async def _heartbeat(db: Db, writer: Writer, stop: asyncio.Event) -> None:
    while not stop.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=writer.timing.beat)
        try:
            ours = await renew(db, writer.holder)
        except Exception as exc:  # noqa: BLE001 - a locked database: try again at the next beat
            log.warning("the database lease could not be renewed (%s)", type(exc).__name__)
            continue
        if not ours:
            log.error("another process took this database over; stopping")
            writer.lost = True
            stop.set()
            return


@asynccontextmanager
async def signed_in(bot: ExtBot[Any]) -> AsyncIterator[ExtBot[Any]]:
    """`async with bot`, with a rejected token or an unreachable Bot API said in one line."""
    try:
        try:
            await bot.initialize()
        except BaseException:
            await bot.shutdown()  # its HTTP sessions, opened before the token was tried
            raise
    except InvalidToken:
        msg = "OMARMT_TELEGRAM_TOKEN was rejected by Telegram; copy it again from @BotFather"
        raise StartError(msg) from None
    except TelegramError as exc:
        msg = (
            f"Telegram cannot be reached at OMARMT_TELEGRAM_API_URL ({type(exc).__name__}); "
            "check the network and the URL"
        )
        raise StartError(msg) from None
    async with bot:
        yield bot
