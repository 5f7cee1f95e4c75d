"""Open the database a setting names: a PostgreSQL URL, or a SQLite file (path or sqlite:///)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from bot.storage.base import Db
from bot.storage.postgres import PgDatabase, is_url
from bot.storage.sqlite import Database

__all__ = ["is_url", "open_db", "sqlite_path"]


def sqlite_path(place: str | Path) -> Path:
    """The file of a SQLite setting: a path, or a ``sqlite:///path`` URL."""
    text = str(place)
    return Path(text.removeprefix("sqlite://")) if text.startswith("sqlite://") else Path(text)


@asynccontextmanager
async def open_db(place: str | Path) -> AsyncIterator[Db]:
    """The database `place` names, migrated and open; closed on the way out."""
    if is_url(place):
        async with PgDatabase.open(str(place)) as pg:
            yield pg
    else:
        async with Database.open(sqlite_path(place)) as db:
            yield db
