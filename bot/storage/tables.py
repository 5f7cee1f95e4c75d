"""The sessions and statistics tables, the same SQL on SQLite and PostgreSQL (`Db`)."""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Sequence
from datetime import date, datetime
from typing import cast

from bot.crypto import Box, DecryptError
from bot.engine.model import DomainEvent, SessionState
from bot.storage.base import Db

__all__ = [
    "SessionTable",
    "StatsTable",
    "StatsTurn",
    "decode_state",
    "encode_state",
    "purge_sessions",
    "unix",
]

logger = logging.getLogger(__name__)

#: One turn's countable events: the random conversation id, the day, the events.
StatsTurn = tuple[str, date, Sequence[DomainEvent]]

_LOAD = "SELECT state FROM sessions WHERE key = ?"
_UPSERT = (
    "INSERT INTO sessions (key, state, last_active) VALUES (?, ?, ?) "
    "ON CONFLICT (key) DO UPDATE SET state = excluded.state, last_active = excluded.last_active"
)
_DELETE = "DELETE FROM sessions WHERE key = ? RETURNING 1"
_COUNT = "SELECT count(*) FROM sessions"
_PURGE_BATCH = (
    "DELETE FROM sessions WHERE key IN "
    "(SELECT key FROM sessions WHERE last_active < ? LIMIT ?) RETURNING 1"
)
# Purging in batches keeps each write transaction short, so turns go on during a large purge.
_PURGE_BATCH_SIZE = 500
_RECORD = "INSERT INTO stats_events (conversation, day, name, data) VALUES (?, ?, ?, ?)"


async def purge_sessions(db: Db, before: datetime) -> int:
    """Erase sessions last active before ``before``, in batches; how many."""
    cutoff = _unix(before)
    total = 0
    while True:
        erased = len(await db.execute(_PURGE_BATCH, (cutoff, _PURGE_BATCH_SIZE)))
        total += erased
        if erased < _PURGE_BATCH_SIZE:
            return total


class SessionTable:
    """`SessionStore` on the sessions table: states sealed, keys pseudonymous."""

    __slots__ = ("_box", "_db")

    def __init__(self, db: Db, box: Box) -> None:
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
            # A damaged row (a changed secret stops the start, see `bot.storage.keys`): the
            # person starts over rather than being stuck; the row is not deleted here. Neither
            # the key nor any content goes into the log.
            logger.warning("unreadable session state; the conversation starts over")
            return None

    async def save(self, key: str, state: SessionState, now: datetime) -> None:
        """Seal and upsert the state in one autocommitted statement."""
        sealed = self._box.seal(_encode(state), key.encode())
        await self._db.execute(_UPSERT, (key, sealed, _unix(now)))

    async def delete(self, key: str) -> bool:
        """Erase one conversation, leaving no older copy of it beside the data (SQLite's WAL)."""
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


class StatsTable:
    """`StatsSink` on the stats_events table: a random conversation id, a day, categories."""

    __slots__ = ("_db",)

    def __init__(self, db: Db) -> None:
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
        if rows:
            await self._db.run(lambda conn: conn.executemany(_RECORD, rows))


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
unix = _unix
