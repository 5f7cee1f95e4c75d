"""Handoffs to a youth worker: which topic belongs to whom, and what the staff card shows.

The young person's chat id and the card's facts are sealed; the relay table pairs message ids
only. A closed handoff stays a short grace period (late staff replies get a note, not a
silent drop), then goes with its relay pairs.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import asdict, dataclass

from bot.crypto import Box, DecryptError
from bot.engine.model import CrisisMark
from bot.storage.queues import blob_bytes
from bot.storage.sqlite import Database, Row

__all__ = ["Card", "HandoffRow", "Handoffs"]


@dataclass(frozen=True, slots=True)
class Card:
    """What the staff may know of a handoff: the facts on its card, sealed at rest.

    `crisis` is the recent crisis sign that made it urgent (when and what, never the text).
    """

    band: str
    lang: str
    summary: str | None = None
    urgent: bool = False
    claimed_by: str | None = None
    closed: bool = False
    crisis: CrisisMark | None = None


@dataclass(frozen=True, slots=True)
class HandoffRow:
    """One handoff as stored, opened."""

    code: str
    lane: str
    org: str
    chat_id: int
    card: Card
    thread_id: int | None
    card_id: int | None
    opened_at: int
    waited: bool
    closed_at: int | None


_SELECT = (
    "SELECT code, lane, org, chat, info, thread_id, card_id, opened_at, waited, closed_at "
    "FROM handoffs "
)
_BY_CODE = _SELECT + "WHERE code = ?"
_ALL = _SELECT + "ORDER BY opened_at"


class Handoffs:
    """The handoffs table. Methods named ``*_work`` return work for a turn's transaction."""

    def __init__(self, db: Database, box: Box) -> None:
        self._db = db
        self._box = box

    # --- sealing -----------------------------------------------------------------------------

    def _seal_card(self, code: str, card: Card) -> bytes:
        return self._box.seal(json.dumps(asdict(card)).encode(), b"card:" + code.encode())

    def _open_card(self, code: str, sealed: object) -> Card:
        """Raises DecryptError, ValueError or TypeError for a card that cannot be read."""
        facts = json.loads(self._box.open(blob_bytes(sealed), b"card:" + code.encode()))
        facts["crisis"] = CrisisMark.from_json(facts.get("crisis"))
        return Card(**facts)

    def _row(self, row: Row) -> HandoffRow | None:
        code, lane, org, chat, info, thread_id, card_id, opened_at, waited, closed_at = row
        code = str(code)
        try:
            chat_id = int(self._box.open(blob_bytes(chat), b"hchat:" + code.encode()))
            card = self._open_card(code, info)
        except (DecryptError, ValueError, TypeError):
            return None
        return HandoffRow(
            code=code,
            lane=str(lane),
            org=str(org),
            chat_id=chat_id,
            card=card,
            thread_id=thread_id if isinstance(thread_id, int) else None,
            card_id=card_id if isinstance(card_id, int) else None,
            opened_at=int(str(opened_at)),
            waited=bool(waited),
            closed_at=closed_at if isinstance(closed_at, int) else None,
        )

    # --- inside a turn -----------------------------------------------------------------------

    def open_work(
        self, code: str, lane: str, org: str, *, chat_id: int, card: Card, now: int
    ) -> Callable[[sqlite3.Connection], None]:
        """A new open handoff; any earlier open one of this person is closed first."""
        chat = self._box.seal(str(chat_id).encode(), b"hchat:" + code.encode())
        info = self._seal_card(code, card)

        def work(conn: sqlite3.Connection) -> None:
            conn.execute(
                "UPDATE handoffs SET closed_at = ? WHERE lane = ? AND closed_at IS NULL",
                (now, lane),
            )
            conn.execute(
                "INSERT INTO handoffs (code, lane, org, chat, info, opened_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (code, lane, org, chat, info, now),
            )

        return work

    def change_work(
        self, code: str, change: Callable[[Card], Card], *, close_at: int | None = None
    ) -> Callable[[sqlite3.Connection], None]:
        """Change the card's facts (claimed, urgent, closed); `close_at` closes the handoff."""

        def work(conn: sqlite3.Connection) -> None:
            found = conn.execute("SELECT info FROM handoffs WHERE code = ?", (code,)).fetchone()
            if found is None:
                return
            try:
                card = self._open_card(code, found[0])
            except (DecryptError, ValueError, TypeError):
                return
            conn.execute(
                "UPDATE handoffs SET info = ?, closed_at = coalesce(closed_at, ?) WHERE code = ?",
                (self._seal_card(code, change(card)), close_at, code),
            )

        return work

    # --- reading -----------------------------------------------------------------------------

    async def get(self, code: str) -> HandoffRow | None:
        """The handoff with this code, open or recently closed."""
        rows = await self._db.execute(_BY_CODE, (code,))
        return self._row(rows[0]) if rows else None

    async def all_known(self) -> list[HandoffRow]:
        """Every handoff still stored (open, or closed within the grace period)."""
        rows = await self._db.execute(_ALL)
        return [row for raw in rows if (row := self._row(raw)) is not None]

    async def person_message(self, code: str, staff_msg: int) -> int | None:
        """The young person's message that a topic message is the relay of."""
        rows = await self._db.execute(
            "SELECT person_msg FROM relay WHERE code = ? AND staff_msg = ?", (code, staff_msg)
        )
        return int(str(rows[0][0])) if rows else None

    async def staff_message(self, code: str, person_msg: int) -> int | None:
        """The topic message that relays (or was relayed as) this young person's message."""
        rows = await self._db.execute(
            "SELECT staff_msg FROM relay WHERE code = ? AND person_msg = ?", (code, person_msg)
        )
        return int(str(rows[0][0])) if rows else None

    # --- the staff side's own writes ---------------------------------------------------------

    async def set_topic(self, code: str, thread_id: int | None, card_id: int | None) -> None:
        """The topic (and card) made for this handoff; None clears a topic that was deleted."""
        await self._db.execute(
            "UPDATE handoffs SET thread_id = ?, card_id = ? WHERE code = ?",
            (thread_id, card_id, code),
        )

    async def relayed(self, code: str, pairs: list[tuple[int, int]]) -> None:
        """Remember (topic message, young person's message) pairs, for replies either way."""
        await self._db.run(
            lambda conn: conn.executemany(
                "INSERT INTO relay (code, staff_msg, person_msg) VALUES (?, ?, ?)",
                [(code, staff, person) for staff, person in pairs],
            )
        )

    async def mark_waited(self, code: str) -> None:
        """The young person was told nobody answered yet: tell them once."""
        await self._db.execute("UPDATE handoffs SET waited = 1 WHERE code = ?", (code,))

    async def purge_closed(self, before: int) -> int:
        """Erase handoffs closed before `before`, with their relay pairs."""
        rows = await self._db.execute(
            "DELETE FROM handoffs WHERE closed_at IS NOT NULL AND closed_at < ? RETURNING 1",
            (before,),
        )
        return len(rows)
