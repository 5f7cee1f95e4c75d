"""The durable inbox and outbox: nothing received is lost before it is handled, nothing to send
before it is sent. Message text is sealed here, and deleted once handled or sent."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.crypto import Box, DecryptError
from bot.engine.model import SessionState
from bot.storage.sqlite import Database, encode_state

__all__ = ["InboxItem", "OutboxItem", "Queues", "Send"]

log = logging.getLogger(__name__)

_UPSERT = (
    "INSERT INTO sessions (key, state, last_active) VALUES (?, ?, ?) "
    "ON CONFLICT (key) DO UPDATE SET state = excluded.state, last_active = excluded.last_active"
)


_INSERT_SEND = "INSERT INTO outbox (lane, chat, payload) VALUES (?, ?, ?)"


@dataclass(frozen=True, slots=True)
class InboxItem:
    """A received update waiting to be handled, in arrival order."""

    id: int
    lane: str
    payload: bytes


@dataclass(frozen=True, slots=True)
class Send:
    """Something to send to one chat: the payload is the channel's own JSON."""

    lane: str
    chat_id: int
    payload: bytes


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """A send that is due, with how often it was tried."""

    id: int
    lane: str
    chat_id: int
    payload: bytes
    attempts: int


class Queues:
    """Inbox and outbox on the bot's database; `lane` is the person's pseudonym."""

    def __init__(self, db: Database, box: Box) -> None:
        self._db = db
        self._box = box

    # --- inbox -------------------------------------------------------------------------------

    async def intake(self, updates: Sequence[tuple[int, str, bytes]], now: float) -> int:
        """Store a batch of (update_id, lane, payload) in one transaction, each id only once.

        Must complete before the next getUpdates confirms the batch to Telegram.
        """
        stored = 0
        async with self._db.transaction() as conn:
            for update_id, lane, payload in updates:
                cursor = await conn.execute(
                    "INSERT OR IGNORE INTO seen_updates (update_id, seen_at) VALUES (?, ?)",
                    (update_id, int(now)),
                )
                if cursor.rowcount == 1:
                    await conn.execute(
                        "INSERT INTO inbox (lane, payload, received_at) VALUES (?, ?, ?)",
                        (lane, self._box.seal(payload, b"in:" + lane.encode()), int(now)),
                    )
                    stored += 1
                await cursor.close()
        return stored

    async def pending(self, after: int = 0, limit: int = 500) -> list[InboxItem]:
        """Received and not yet handled, oldest first; unreadable rows are dropped."""
        rows = await self._db.execute(
            "SELECT id, lane, payload FROM inbox WHERE id > ? ORDER BY id LIMIT ?", (after, limit)
        )
        items: list[InboxItem] = []
        for row_id, lane, blob in rows:
            assert isinstance(row_id, int)
            try:
                payload = self._box.open(_blob(blob), b"in:" + str(lane).encode())
            except DecryptError:
                log.warning("unreadable inbox row discarded")
                await self.done(row_id)
                continue
            items.append(InboxItem(row_id, str(lane), payload))
        return items

    async def done(self, inbox_id: int) -> None:
        """An update that needed no turn (ignored, or answered without state) is finished."""
        await self._db.execute("DELETE FROM inbox WHERE id = ?", (inbox_id,))

    async def forget_seen(self, before: float) -> int:
        """Update ids repeat after a quiet week; remember them only a day."""
        rows = await self._db.execute(
            "DELETE FROM seen_updates WHERE seen_at < ? RETURNING 1", (int(before),)
        )
        return len(rows)

    # --- a turn ------------------------------------------------------------------------------

    async def commit_turn(
        self,
        inbox_id: int,
        key: str,
        state: SessionState | None,
        now: datetime,
        sends: Sequence[Send],
    ) -> None:
        """The new state, the replies to send and the end of the inbox row: all or nothing.

        A crash before this commit handles the update again from the old state; after it, the
        replies are on their way. Never a reply lost, never an answer counted twice.
        """
        async with self._db.transaction() as conn:
            if state is None:
                await conn.execute("DELETE FROM sessions WHERE key = ?", (key,))
            else:
                sealed = self._box.seal(encode_state(state), key.encode())
                await conn.execute(_UPSERT, (key, sealed, int(now.timestamp())))
            cursor = await conn.executemany(_INSERT_SEND, [self._sealed(send) for send in sends])
            await cursor.close()
            await conn.execute("DELETE FROM inbox WHERE id = ?", (inbox_id,))

    async def enqueue(self, sends: Sequence[Send]) -> None:
        """Sends that belong to no turn (a notice after a restart, say)."""
        async with self._db.transaction() as conn:
            cursor = await conn.executemany(_INSERT_SEND, [self._sealed(send) for send in sends])
            await cursor.close()

    def _sealed(self, send: Send) -> tuple[str, bytes, bytes]:
        lane = send.lane.encode()
        return (
            send.lane,
            self._box.seal(str(send.chat_id).encode(), b"chat:" + lane),
            self._box.seal(send.payload, b"out:" + lane),
        )

    # --- outbox ------------------------------------------------------------------------------

    async def due(self, limit: int = 200, now: float | None = None) -> list[OutboxItem]:
        """The first waiting send of each lane whose time has come, oldest lanes first."""
        moment = time.time() if now is None else now
        rows = await self._db.execute(
            "SELECT o.id, o.lane, o.chat, o.payload, o.attempts FROM outbox o "
            "JOIN (SELECT lane, min(id) AS first FROM outbox GROUP BY lane) f "
            "ON o.id = f.first WHERE o.not_before <= ? ORDER BY o.id LIMIT ?",
            (moment, limit),
        )
        items: list[OutboxItem] = []
        for row_id, lane, chat, blob, attempts in rows:
            assert isinstance(row_id, int)
            assert isinstance(attempts, int)
            lane_b = str(lane).encode()
            try:
                chat_id = int(self._box.open(_blob(chat), b"chat:" + lane_b))
                payload = self._box.open(_blob(blob), b"out:" + lane_b)
            except (DecryptError, ValueError):
                log.warning("unreadable outbox row discarded")
                await self.sent(row_id)
                continue
            items.append(OutboxItem(row_id, str(lane), chat_id, payload, attempts))
        return items

    async def sent(self, outbox_id: int) -> None:
        """Sent (or given up on): the text goes."""
        await self._db.execute("DELETE FROM outbox WHERE id = ?", (outbox_id,))

    async def later(self, outbox_id: int, not_before: float) -> None:
        """Try again at `not_before`; counts the attempt."""
        await self._db.execute(
            "UPDATE outbox SET attempts = attempts + 1, not_before = ? WHERE id = ?",
            (not_before, outbox_id),
        )

    async def drop_lane(self, lane: str) -> int:
        """Someone blocked the bot: what was waiting for them will never arrive."""
        rows = await self._db.execute("DELETE FROM outbox WHERE lane = ? RETURNING 1", (lane,))
        return len(rows)

    async def waiting(self) -> int:
        """How many sends wait (for tests and health)."""
        rows = await self._db.execute("SELECT count(*) FROM outbox")
        value = rows[0][0]
        assert isinstance(value, int)
        return value


def _blob(value: object) -> bytes:
    """A BLOB column's value (sqlite3 returns bytes); anything else is unreadable."""
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    raise DecryptError
