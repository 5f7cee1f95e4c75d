"""Persistence: the storage seams and their SQLite implementation."""

from bot.storage.base import SessionStore, StatsSink
from bot.storage.buffered import BufferedStats
from bot.storage.migrations import MIGRATIONS, SchemaTooNewError
from bot.storage.sqlite import Database, SqliteSessionStore, SqliteStatsSink

__all__ = [
    "MIGRATIONS",
    "BufferedStats",
    "Database",
    "SchemaTooNewError",
    "SessionStore",
    "SqliteSessionStore",
    "SqliteStatsSink",
    "StatsSink",
]
