"""The database schema as an ordered list of migrations, and the code that applies them."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence

import aiosqlite

__all__ = ["MIGRATIONS", "SchemaTooNewError", "migrate", "schema_version", "split_statements"]

logger = logging.getLogger(__name__)

# Append only: migration i (0-based) takes the schema from version i to i + 1, and a released
# migration is never edited, because databases in the field have already applied it.
MIGRATIONS: Sequence[str] = (
    # 1: sessions and stats. The two tables share no column, so stats cannot be joined to a user.
    """
    CREATE TABLE sessions (
        key TEXT PRIMARY KEY,
        state BLOB NOT NULL,
        last_active INTEGER NOT NULL
    );
    CREATE INDEX sessions_last_active ON sessions (last_active);
    CREATE TABLE stats_events (
        id INTEGER PRIMARY KEY,
        conversation TEXT NOT NULL,
        day TEXT NOT NULL,
        name TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX stats_events_day ON stats_events (day);
    """,
    # 2: monthly totals that replace statistics events older than the retention period, and a
    # covering index by event name and day, so each table of the report reads only its own
    # events and only from the index (a report over a million events in about two seconds).
    # The totals hold a month, a table name, one or two categories and a count: no id at all.
    """
    CREATE TABLE stats_monthly (
        month TEXT NOT NULL,
        name TEXT NOT NULL,
        data TEXT NOT NULL,
        count INTEGER NOT NULL CHECK (count >= 0),
        PRIMARY KEY (month, name, data)
    ) WITHOUT ROWID;
    CREATE INDEX stats_events_report ON stats_events (name, day, data, conversation);
    """,
    # 3: durable intake and sending for chat channels. Texts are sealed and live here only until
    # handled or sent; `lane` (the sender's pseudonym) keeps one person's messages in order.
    """
    CREATE TABLE inbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        lane TEXT NOT NULL,
        payload BLOB NOT NULL,
        received_at INTEGER NOT NULL
    );
    CREATE TABLE seen_updates (
        update_id INTEGER PRIMARY KEY,
        seen_at INTEGER NOT NULL
    );
    CREATE INDEX seen_updates_seen_at ON seen_updates (seen_at);
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        lane TEXT NOT NULL,
        chat BLOB NOT NULL,
        payload BLOB NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        not_before REAL NOT NULL DEFAULT 0
    );
    CREATE INDEX outbox_lane ON outbox (lane, id);
    """,
    # 4: handoffs to a youth worker. The young person's chat id and what staff see (age band,
    # summary, who took it) are sealed; `relay` pairs message ids only, never text.
    """
    CREATE TABLE handoffs (
        code TEXT PRIMARY KEY,
        lane TEXT NOT NULL,
        org TEXT NOT NULL,
        chat BLOB NOT NULL,
        info BLOB NOT NULL,
        thread_id INTEGER,
        card_id INTEGER,
        opened_at INTEGER NOT NULL,
        waited INTEGER NOT NULL DEFAULT 0,
        closed_at INTEGER
    );
    CREATE UNIQUE INDEX handoffs_open_lane ON handoffs (lane) WHERE closed_at IS NULL;
    CREATE TABLE relay (
        code TEXT NOT NULL REFERENCES handoffs (code) ON DELETE CASCADE,
        staff_msg INTEGER NOT NULL,
        person_msg INTEGER NOT NULL
    );
    CREATE INDEX relay_staff ON relay (code, staff_msg);
    CREATE INDEX relay_person ON relay (code, person_msg);
    """,
    # 5 (inbox/outbox retry and park): a turn that keeps failing is tried a few times, then
    # parked (kept sealed, no longer replayed, erased by retention); a staff-group send that
    # keeps being refused is parked too and tried again at the next start, never dropped.
    """
    ALTER TABLE inbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE inbox ADD COLUMN parked_at INTEGER;
    ALTER TABLE outbox ADD COLUMN parked_at INTEGER;
    """,
    # 6: meta, for facts about the database itself: a value sealed with the secret (a start
    # with another secret stops before reading anything), the pseudonym key carried over by
    # `omarmt rotate-secret`, and the lease of the one process that writes. And the staff
    # topics of ended handoffs, which hold what the young person wrote: kept in the forum
    # until the retention period ends or /vergeet, then deleted (`erase` says why: the row
    # waits for its deleteForumTopic). Ids of topics only; no chat id, no text.
    """
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value BLOB NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE ended_topics (
        code TEXT PRIMARY KEY,
        lane TEXT NOT NULL,
        org TEXT NOT NULL,
        thread_id INTEGER NOT NULL,
        ended_at INTEGER NOT NULL,
        erase TEXT
    ) WITHOUT ROWID;
    CREATE INDEX ended_topics_lane ON ended_topics (lane);
    """,
    # 7: deliveries of channels whose ids are strings (WhatsApp's message ids), remembered as
    # keyed hashes so that a redelivery, which may come days later, is handled once. A
    # WhatsApp message id encodes the phone number: it is never stored as it is.
    """
    CREATE TABLE seen_keys (
        key TEXT PRIMARY KEY,
        seen_at INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX seen_keys_seen_at ON seen_keys (seen_at);
    """,
    # 8: lane leases (`bot.storage.lanes`), for replicas sharing a database server; one
    # process on a file never writes them, but the schema stays one.
    """
    CREATE TABLE lanes (
        lane TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        until REAL NOT NULL,
        pinned INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;
    CREATE INDEX lanes_holder ON lanes (holder);
    """,
)


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer Omarmt; running older code on it could corrupt it."""

    def __init__(self, found: int, known: int) -> None:
        super().__init__(
            f"the database has schema version {found}, but this version of Omarmt knows only up "
            f"to {known}: upgrade Omarmt or point OMARMT_DB at another file"
        )
        self.found = found
        self.known = known


def split_statements(script: str) -> list[str]:
    """Cut a migration script into single statements, so they can run in our own transaction.

    ``executescript`` would commit any open transaction first, which is why it is not used.
    """
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        msg = "a migration ends with an incomplete SQL statement"
        raise ValueError(msg)
    return statements


async def schema_version(conn: aiosqlite.Connection) -> int:
    """The migration count recorded in the database file."""
    [(version,)] = await conn.execute_fetchall("PRAGMA user_version")
    assert isinstance(version, int)
    return version


async def migrate(conn: aiosqlite.Connection, migrations: Sequence[str] = MIGRATIONS) -> int:
    """Bring the schema up to date, one transaction per migration; return the final version.

    The connection must be in autocommit mode (``isolation_level=None``). The version is read
    again inside each write transaction, so two processes opening a new file at once do not
    apply the same migration twice.
    """
    known = len(migrations)
    while True:
        await conn.execute_fetchall("BEGIN IMMEDIATE")
        try:
            version = await schema_version(conn)
            if version > known:
                raise SchemaTooNewError(version, known)
            if version == known:
                await conn.execute_fetchall("COMMIT")
                return version
            for statement in split_statements(migrations[version]):
                await conn.execute_fetchall(statement)
            # PRAGMA takes no parameters; the value is an int we computed, never input.
            await conn.execute_fetchall(f"PRAGMA user_version = {version + 1:d}")
            await conn.execute_fetchall("COMMIT")
        except BaseException:
            if conn.in_transaction:
                await conn.execute_fetchall("ROLLBACK")
            raise
        logger.info("applied database migration %d", version + 1)
