"""Starting `omarmt run` safely: the database opens, the secret fits it, this process is its only
writer, and Telegram accepts the token. Each failure is a `StartError`: one line for the
operator (never the token), and exit 2.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from telegram.error import InvalidToken, TelegramError
from telegram.ext import ExtBot

from bot.crypto import Keys
from bot.storage import Database, SchemaTooNewError
from bot.storage.base import Db
from bot.storage.keys import WrongSecretError, unlock
from bot.storage.lease import BEAT, Holder, LeaseHeldError, acquire, release, renew
from bot.storage.opening import sqlite_path
from bot.storage.postgres import PgDatabase, is_url

__all__ = ["StartError", "Writer", "open_database", "signed_in", "sole_writer"]

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
async def sole_writer(db: Db, keys: Keys, stop: asyncio.Event) -> AsyncIterator[Writer]:
    """Check the secret, take the lease and renew it while running; give it up at the end.

    A lease found taken over sets `stop`: two writers must not go on side by side.
    """
    try:
        unlocked = await unlock(db, keys)
        writer = Writer(unlocked, Holder.me())
        await acquire(db, writer.holder)
    except (WrongSecretError, LeaseHeldError) as exc:
        raise StartError(str(exc)) from None
    beat = asyncio.create_task(_heartbeat(db, writer, stop), name="lease")
    try:
        yield writer
    finally:
        beat.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await beat
        if not writer.lost:
            with contextlib.suppress(Exception):  # the database's trouble: the lease lapses
                await release(db, writer.holder)


async def _heartbeat(db: Db, writer: Writer, stop: asyncio.Event) -> None:
    while not stop.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=BEAT)
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
