"""The durable inbox and outbox: nothing received is lost before it is handled, nothing to send
before it is sent. Message text is sealed here, and deleted once handled or sent.

Speed: every write goes through `Db.run`: one hop to the database thread per
transaction, and writes asked for while another is under way share the next transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.crypto import Box, DecryptError
from bot.engine.model import SessionState
from bot.storage.base import Conn, Db, announce
from bot.storage.tables import encode_state

__all__ = [
    "Address",
    "InboxItem",
    "OutboxItem",
    "Queues",
    "Send",
    "blob_bytes",
    "parse_address",
]

log = logging.getLogger(__name__)

_UPSERT = (
    "INSERT INTO sessions (key, state, last_active) VALUES (?, ?, ?) "
    "ON CONFLICT (key) DO UPDATE SET state = excluded.state, last_active = excluded.last_active"
)
_INSERT_SEND = "INSERT INTO outbox (lane, chat, payload) VALUES (?, ?, ?) RETURNING id"
_SEEN = "INSERT INTO seen_updates (update_id, seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING"
_SEEN_KEY = "INSERT INTO seen_keys (key, seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING"
#: String keys (WhatsApp's message ids, hashed) are kept longer: Meta redelivers for days.
KEY_DAYS = 8

#: Where a send goes: a Telegram chat id, or a channel's own string address (WhatsApp's).
Address = int | str


def parse_address(text: str) -> Address:
    """A stored address back: a number is a Telegram chat id, anything else a channel's own."""
    try:
        return int(text)
    except ValueError:
        return text


_INSERT_INBOX = "INSERT INTO inbox (lane, payload, received_at) VALUES (?, ?, ?) RETURNING id"


@dataclass(frozen=True, slots=True)
class InboxItem:
    """A received update waiting to be handled, in arrival order."""

    id: int
    lane: str
    payload: bytes
    #: Failed tries so far (a turn that keeps failing is parked, see `Queues.park`).
    attempts: int = 0


@dataclass(frozen=True, slots=True)
class Send:
    """Something to send to one chat: the payload is the channel's own JSON."""

    lane: str
    chat_id: Address
    payload: bytes


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """A send waiting in the outbox, with how often it was tried and when it may go."""

    id: int
    lane: str
    chat_id: Address
    payload: bytes
    attempts: int = 0
    not_before: float = 0.0


@dataclass(frozen=True, slots=True)
class _Turn:
    """One turn's writes, sealed: the person's lane, the session (`key` None: none), the
    sends, the inbox row."""

    lane: str
    inbox_id: int
    key: str | None
    state: bytes | None
    last_active: int
    sends: tuple[tuple[str, bytes, bytes], ...]
    work: tuple[Callable[[Conn], None], ...] = ()


class Queues:
    """Inbox and outbox on the bot's database; `lane` is the person's pseudonym."""

    def __init__(self, db: Db, box: Box) -> None:
        self._db = db
        self._box = box
        #: Checked first in every turn's transaction once set, with the turn's lane: that this
        #: process still holds the database's lease (`bot.storage.lease.fence`), or, replicas
        #: sharing a database, that lane's (`bot.storage.lanes.LaneLeases.fence`). A process
        #: that stalled and was taken over cannot commit a turn its successor handles too.
        self.fence: Callable[[Conn, str], None] | None = None

    def _turn(self, turn: _Turn) -> Callable[[Conn], list[int]]:
        fence = self.fence

        def work(conn: Conn) -> list[int]:
            if fence is not None:
                fence(conn, turn.lane)
            return _write_turn(conn, turn)

        return work

    # --- inbox -------------------------------------------------------------------------------

    async def intake(
        self, updates: Sequence[tuple[int | str, str, bytes]], now: float
    ) -> list[InboxItem | None]:
        """Store a batch of (key, lane, payload) in one transaction, each key only once.

        A key is Telegram's update id, or a channel's own string key (a keyed hash, never an
        id that says who).

        Must complete before the next getUpdates confirms the batch to Telegram. Returns, per
        update, what was stored (None for a repeat), so the caller can hand it on without
        reading it back.
        """
        at = int(now)
        rows = [
            (update_id, lane, self._box.seal(payload, b"in:" + lane.encode()))
            for update_id, lane, payload in updates
        ]

        def write(conn: Conn) -> list[int | None]:
            announce(conn, (lane for _, lane, _ in rows))
            ids: list[int | None] = []
            for key, lane, sealed in rows:
                seen = _SEEN if isinstance(key, int) else _SEEN_KEY
                if conn.execute(seen, (key, at)).rowcount == 1:
                    ids.append(_inserted(conn, _INSERT_INBOX, (lane, sealed, at)))
                else:
                    ids.append(None)  # a redelivery: stored the first time
            return ids

        ids = await self._db.run(write)
        return [
            None if row_id is None else InboxItem(row_id, lane, payload)
            for row_id, (_, lane, payload) in zip(ids, updates, strict=True)
        ]

    async def internal(self, lane: str, payload: bytes, now: float) -> InboxItem:
        """Something that happened inside the bot for a person's lane (their chat is gone, a
        wait ran out): handled in order with their messages, and as durably."""
        sealed = self._box.seal(payload, b"in:" + lane.encode())

        def write(conn: Conn) -> int:
            announce(conn, [lane])
            return _inserted(conn, _INSERT_INBOX, (lane, sealed, int(now)))

        return InboxItem(await self._db.run(write), lane, payload)

    async def pending(self, after: int = 0, limit: int = 500) -> list[InboxItem]:
        """Received and not yet handled (nor parked), oldest first; unreadable rows are skipped,
        and kept.

        The way back after a restart: in steady state `intake` hands new rows on directly.
        A row that does not open (damaged: another secret stops the start) is never deleted:
        it may be someone's "ik wil dood".
        """
        items: list[InboxItem] = []
        while not items:
            rows = await self._db.execute(
                "SELECT id, lane, payload, attempts FROM inbox WHERE id > ? AND parked_at IS NULL "
                "ORDER BY id LIMIT ?",
                (after, limit),
            )
            for row_id, lane, blob, attempts in rows:
                assert isinstance(row_id, int)
                assert isinstance(attempts, int)
                after = row_id
                try:
                    payload = self._box.open(blob_bytes(blob), b"in:" + str(lane).encode())
                except DecryptError:
                    log.error("an inbox row does not open; it is kept, not handled")
                    continue
                items.append(InboxItem(row_id, str(lane), payload, attempts))
            if len(rows) < limit:
                break
        return items

    def news_mark(self) -> int:
        """See `Db.news_mark`: how many announcements of new rows were heard so far."""
        return self._db.news_mark()

    def heard(self) -> set[str] | None:
        """See `Db.heard`: the lanes announced since the last call (None: unknown which)."""
        return self._db.heard()

    async def wait_news(self, mark: int, at_most: float) -> None:
        """See `Db.wait_news`: until rows are announced after `mark`, or `at_most` seconds."""
        await self._db.wait_news(mark, at_most)

    async def rows(self, ids: Sequence[int]) -> list[InboxItem]:
        """These rows, opened, oldest first; one gone or unreadable is left out (and kept)."""
        items: list[InboxItem] = []
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ", ".join("?" for _ in chunk)
            found = await self._db.execute(
                f"SELECT id, lane, payload, attempts FROM inbox WHERE id IN ({marks}) "  # noqa: S608 - marks only
                "AND parked_at IS NULL ORDER BY id",
                chunk,
            )
            items += self._opened(found)
        return items

    def _opened(self, rows: Sequence[Sequence[object]]) -> list[InboxItem]:
        items: list[InboxItem] = []
        for row_id, lane, blob, attempts in rows:
            assert isinstance(row_id, int)
            assert isinstance(attempts, int)
            try:
                payload = self._box.open(blob_bytes(blob), b"in:" + str(lane).encode())
            except DecryptError:
                log.error("an inbox row does not open; it is kept, not handled")
                continue
            items.append(InboxItem(row_id, str(lane), payload, attempts))
        return items

    async def failed(self, inbox_id: int) -> None:
        """A try at handling the row failed: counted, so a restart goes on counting."""
        await self._db.execute(
            "UPDATE inbox SET attempts = attempts + 1 WHERE id = ?", (inbox_id,)
        )

    async def park(
        self, inbox_id: int, lane: str, now: float, sends: Sequence[Send] = ()
    ) -> list[OutboxItem]:
        """Give up on a row that keeps failing, and queue `sends` (an apology), at once.

        The row stays sealed, is no longer replayed, and goes with `purge_parked`.
        """
        rows = [self._sealed(send) for send in sends]

        fence = self.fence

        def write(conn: Conn) -> list[int]:
            if fence is not None:
                fence(conn, lane)
            conn.execute("UPDATE inbox SET parked_at = ? WHERE id = ?", (int(now), inbox_id))
            return _insert_sends(conn, rows)

        ids = await self._db.run(write)
        return [
            OutboxItem(row_id, send.lane, send.chat_id, send.payload)
            for row_id, send in zip(ids, sends, strict=True)
        ]

    async def parked(self) -> tuple[int, int]:
        """How many inbox and outbox rows are parked (for the logs)."""
        rows = await self._db.execute(
            "SELECT (SELECT count(*) FROM inbox WHERE parked_at IS NOT NULL), "
            "(SELECT count(*) FROM outbox WHERE parked_at IS NOT NULL)"
        )
        inbox, outbox = rows[0]
        assert isinstance(inbox, int)
        assert isinstance(outbox, int)
        return inbox, outbox

    async def purge_parked(self, before: float) -> int:
        """Retention: parked rows older than `before` are erased, text and all."""

        def write(conn: Conn) -> int:
            cutoff = int(before)
            erased = conn.execute("DELETE FROM inbox WHERE parked_at < ?", (cutoff,)).rowcount
            return (
                erased + conn.execute("DELETE FROM outbox WHERE parked_at < ?", (cutoff,)).rowcount
            )

        return await self._db.run(write)

    async def done(self, inbox_id: int, lane: str) -> None:
        """An update that needed no turn (ignored, or answered without state) is finished."""
        await self._db.run(self._turn(_Turn(lane, inbox_id, None, None, 0, ())))

    async def forget_seen(self, before: float) -> int:
        """Update ids repeat after a quiet week; remember them only a day. String keys stay
        `KEY_DAYS` days: WhatsApp redelivers for up to a week."""
        rows = await self._db.execute(
            "DELETE FROM seen_updates WHERE seen_at < ? RETURNING 1", (int(before),)
        )
        keys = await self._db.execute(
            "DELETE FROM seen_keys WHERE seen_at < ? RETURNING 1",
            (int(before) - KEY_DAYS * 86_400,),
        )
        return len(rows) + len(keys)

    # --- a turn ------------------------------------------------------------------------------

    async def commit_turn(
        self,
        inbox_id: int,
        key: str,
        state: SessionState | None,
        now: datetime,
        sends: Sequence[Send],
        *,
        work: Sequence[Callable[[Conn], None]] = (),
    ) -> list[OutboxItem]:
        """The new state, the replies to send and the end of the inbox row: all or nothing.

        `work` adds the turn's other writes (a handoff's row) to the same transaction.

        A crash before this commit handles the update again from the old state; after it, the
        replies are on their way. Never a reply lost, never an answer counted twice. Turns
        that end together share a transaction. Returns the replies as stored, in order.
        """
        sealed = None if state is None else self._box.seal(encode_state(state), key.encode())
        turn = _Turn(
            key,
            inbox_id,
            key,
            sealed,
            int(now.timestamp()),
            tuple(self._sealed(s) for s in sends),
            tuple(work),
        )
        ids = await self._db.run(self._turn(turn))
        return [
            OutboxItem(row_id, send.lane, send.chat_id, send.payload)
            for row_id, send in zip(ids, sends, strict=True)
        ]

    async def answer(self, inbox_id: int, lane: str, sends: Sequence[Send]) -> list[OutboxItem]:
        """An update answered without a conversation: the replies and the inbox row's end, in
        one transaction; no session is written or erased."""
        turn = _Turn(lane, inbox_id, None, None, 0, tuple(self._sealed(s) for s in sends))
        ids = await self._db.run(self._turn(turn))
        return [
            OutboxItem(row_id, send.lane, send.chat_id, send.payload)
            for row_id, send in zip(ids, sends, strict=True)
        ]

    async def enqueue(self, sends: Sequence[Send]) -> list[OutboxItem]:
        """Sends that belong to no turn (a notice after a restart, say)."""
        rows = [self._sealed(send) for send in sends]
        ids = await self._db.run(lambda conn: _insert_sends(conn, rows))
        return [
            OutboxItem(row_id, send.lane, send.chat_id, send.payload)
            for row_id, send in zip(ids, sends, strict=True)
        ]

    def _sealed(self, send: Send) -> tuple[str, bytes, bytes]:
        lane = send.lane.encode()
        return (
            send.lane,
            self._box.seal(str(send.chat_id).encode(), b"chat:" + lane),
            self._box.seal(send.payload, b"out:" + lane),
        )

    # --- outbox ------------------------------------------------------------------------------

    async def unsent(
        self, lanes: Sequence[str] | None = None, *, prefix: str | None = None
    ) -> list[OutboxItem]:
        """Everything waiting in the outbox, oldest first: what a previous run left to send;
        only `lanes`' rows, or lanes starting with `prefix`, when given (replicas: what another
        replica left on lanes this one takes over).

        Parked rows too, counted from nought again: a start is when a fixed staff group gets
        what it refused. In steady state the sender gets its items from `commit_turn`; this
        is the restart path.
        """
        where, params = "", list[object]()
        if lanes is not None:
            where = f" WHERE lane IN ({', '.join('?' for _ in lanes) or 'NULL'})"
            params = [*lanes]
        elif prefix is not None:
            where, params = " WHERE substr(lane, 1, ?) = ?", [len(prefix), prefix]
        rows = await self._db.execute(
            "SELECT id, lane, chat, payload, "  # noqa: S608 - placeholders only
            "CASE WHEN parked_at IS NULL THEN attempts ELSE 0 END, not_before "
            f"FROM outbox{where} ORDER BY id",
            params,
        )
        items: list[OutboxItem] = []
        for row_id, lane, chat, blob, attempts, not_before in rows:
            assert isinstance(row_id, int)
            assert isinstance(attempts, int)
            assert isinstance(not_before, int | float)
            lane_b = str(lane).encode()
            try:
                chat_id = parse_address(
                    self._box.open(blob_bytes(chat), b"chat:" + lane_b).decode()
                )
                payload = self._box.open(blob_bytes(blob), b"out:" + lane_b)
            except (DecryptError, ValueError):
                log.error("an outbox row does not open; it is kept, not sent")
                continue
            items.append(OutboxItem(row_id, str(lane), chat_id, payload, attempts, not_before))
        return items

    async def sent(self, outbox_id: int) -> None:
        """Sent (or given up on): the text goes. Deletes of the same moment share a commit."""
        await self._db.run(lambda conn: _delete_sent(conn, [outbox_id]))

    async def later(self, outbox_id: int, not_before: float) -> None:
        """Try again at `not_before`; counts the attempt."""
        await self._db.execute(
            "UPDATE outbox SET attempts = attempts + 1, not_before = ? WHERE id = ?",
            (not_before, outbox_id),
        )

    async def park_send(self, outbox_id: int, now: float) -> None:
        """A send refused too often: kept (sealed) and tried again at the next start."""
        await self._db.execute(
            "UPDATE outbox SET parked_at = coalesce(parked_at, ?) WHERE id = ?",
            (int(now), outbox_id),
        )

    async def discard(self, outbox_ids: Sequence[int]) -> None:
        """Someone blocked the bot: what was waiting for them will never arrive."""
        ids = list(outbox_ids)
        await self._db.run(lambda conn: _delete_sent(conn, ids))

    async def waiting(self) -> int:
        """How many sends wait (for tests and health)."""
        rows = await self._db.execute("SELECT count(*) FROM outbox")
        value = rows[0][0]
        assert isinstance(value, int)
        return value


# --- on the database thread (see `Db.run`) --------------------------------------------------


def _write_turn(conn: Conn, turn: _Turn) -> list[int]:
    """The turn's session write, its sends and its inbox delete; the sends' outbox ids."""
    if turn.key is not None and turn.state is None:
        conn.execute("DELETE FROM sessions WHERE key = ?", (turn.key,))
    elif turn.key is not None:
        conn.execute(_UPSERT, (turn.key, turn.state, turn.last_active))
    for write in turn.work:
        write(conn)
    ids = _insert_sends(conn, turn.sends)
    conn.execute("DELETE FROM inbox WHERE id = ?", (turn.inbox_id,))
    return ids


def _insert_sends(conn: Conn, rows: Sequence[tuple[str, bytes, bytes]]) -> list[int]:
    return [_inserted(conn, _INSERT_SEND, row) for row in rows]


def _inserted(conn: Conn, sql: str, row: Sequence[object]) -> int:
    """Insert one row; its id (``RETURNING id``: both databases have it, unlike lastrowid)."""
    row_id = conn.execute(sql, row).fetchone()[0]
    assert isinstance(row_id, int)
    return row_id


def _delete_sent(conn: Conn, ids: list[int]) -> None:
    conn.executemany("DELETE FROM outbox WHERE id = ?", [(row_id,) for row_id in ids])


def blob_bytes(value: object) -> bytes:
    """A BLOB column's value (sqlite3 returns bytes); anything else is unreadable."""
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    raise DecryptError
