"""Handoffs to a youth worker: which topic belongs to whom, and what the staff card shows.

The young person's chat id and the card's facts are sealed; the relay table pairs message ids
only. A closed handoff stays a short grace period (late staff replies get a note, not a
silent drop), then goes with its relay pairs; its topic is remembered in `ended_topics` (code,
pseudonym, organisation, thread id), because the topic in the staff forum holds what the young
person wrote: it is deleted at /vergeet or when the retention period ends.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

from bot.crypto import Box, DecryptError
from bot.engine.model import CrisisMark
from bot.storage.base import Conn, Db, Row
from bot.storage.queues import Address, blob_bytes, parse_address

__all__ = ["Card", "EndedTopic", "HandoffRow", "Handoffs"]


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
    chat_id: Address
    card: Card
    thread_id: int | None
    card_id: int | None
    opened_at: int
    waited: bool
    closed_at: int | None


@dataclass(frozen=True, slots=True)
class EndedTopic:
    """A staff topic to delete, and why (``forgotten`` or ``retention``)."""

    code: str
    thread_id: int
    reason: str


#: Handoffs (chosen by a WHERE clause that follows) into ended_topics, marked `erase` (?).
_KEEP_TOPICS = (
    "INSERT INTO ended_topics (code, lane, org, thread_id, ended_at, erase) "
    "SELECT code, lane, org, thread_id, coalesce(closed_at, ?), ? FROM handoffs "
    "WHERE thread_id IS NOT NULL AND "
)
#: Ends `_KEEP_TOPICS` after its WHERE clause: a topic kept already is replaced.
_REPLACE_TOPIC = (
    " ON CONFLICT (code) DO UPDATE SET lane = excluded.lane, org = excluded.org, "
    "thread_id = excluded.thread_id, ended_at = excluded.ended_at, erase = excluded.erase"
)
#: A handoff is quiet when nothing happened in it since the cutoff: not opened, not closed,
#: and its person's conversation (which every message either way updates) not active.
_QUIET = (
    "SELECT h.code FROM handoffs h LEFT JOIN sessions s ON s.key = h.lane "
    "WHERE h.opened_at < ? AND coalesce(h.closed_at, 0) < ? AND coalesce(s.last_active, 0) < ?"
)
_CODES = "code IN (SELECT value FROM json_each(?))"

_SELECT = (
    "SELECT code, lane, org, chat, info, thread_id, card_id, opened_at, waited, closed_at "
    "FROM handoffs "
)
_BY_CODE = _SELECT + "WHERE code = ?"
_ALL = _SELECT + "ORDER BY opened_at"


class Handoffs:
    """The handoffs table. Methods named ``*_work`` return work for a turn's transaction."""

    def __init__(self, db: Db, box: Box) -> None:
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
            chat_id = parse_address(
                self._box.open(blob_bytes(chat), b"hchat:" + code.encode()).decode()
            )
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
        self, code: str, lane: str, org: str, *, chat_id: Address, card: Card, now: int
    ) -> Callable[[Conn], None]:
        """A new open handoff; any earlier open one of this person is closed first."""
        chat = self._box.seal(str(chat_id).encode(), b"hchat:" + code.encode())
        info = self._seal_card(code, card)

        def work(conn: Conn) -> None:
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
    ) -> Callable[[Conn], None]:
        """Change the card's facts (claimed, urgent, closed); `close_at` closes the handoff."""

        def work(conn: Conn) -> None:
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

    async def set_topic(self, code: str, thread_id: int | None, card_id: int | None) -> bool:
        """The topic (and card) made for this handoff; None clears a topic that was deleted.

        False: the handoff is gone (erased while its topic was being made).
        """
        rows = await self._db.execute(
            "UPDATE handoffs SET thread_id = ?, card_id = ? WHERE code = ? RETURNING 1",
            (thread_id, card_id, code),
        )
        return bool(rows)

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
        """Erase handoffs closed before `before`, with their relay pairs; their topics are
        remembered until they are deleted (`erase_quiet`, `forget_work`)."""
        closed = "closed_at IS NOT NULL AND closed_at < ?"
        delete = "DELETE FROM handoffs WHERE " + closed + " RETURNING 1"  # noqa: S608

        def work(conn: Conn) -> int:
            conn.execute(_KEEP_TOPICS + closed + _REPLACE_TOPIC, (0, None, before))
            return len(conn.execute(delete, (before,)).fetchall())

        return await self._db.run(work)

    # --- forgetting --------------------------------------------------------------------------

    def forget_work(self, lane: str, now: int) -> Callable[[Conn], None]:
        """/vergeet: every handoff of this person goes, open or closed, with its relay pairs;
        each topic they had is marked to be deleted from the staff forum."""

        def work(conn: Conn) -> None:
            conn.execute(_KEEP_TOPICS + "lane = ?" + _REPLACE_TOPIC, (now, "forgotten", lane))
            conn.execute("UPDATE ended_topics SET erase = 'forgotten' WHERE lane = ?", (lane,))
            conn.execute("DELETE FROM handoffs WHERE lane = ?", (lane,))

        return work

    async def erase_quiet(self, before: int) -> tuple[list[str], list[str]]:
        """Retention: handoffs quiet since `before` (open ones too) go, and every topic ended
        before it is marked to be deleted. Returns the handoffs' codes, and the organisations
        that now have topics to delete."""

        def work(conn: Conn) -> tuple[list[str], list[str]]:
            codes = [str(code) for (code,) in conn.execute(_QUIET, (before, before, before))]
            listed = json.dumps(codes)
            conn.execute(_KEEP_TOPICS + _CODES + _REPLACE_TOPIC, (before, "retention", listed))
            conn.execute(f"DELETE FROM handoffs WHERE {_CODES}", (listed,))  # noqa: S608
            conn.execute(
                "UPDATE ended_topics SET erase = 'retention' WHERE erase IS NULL AND ended_at < ?",
                (before,),
            )
            orgs = conn.execute(
                "SELECT DISTINCT org FROM ended_topics WHERE erase IS NOT NULL ORDER BY org"
            )
            return codes, [str(org) for (org,) in orgs]

        return await self._db.run(work)

    async def to_erase(self, org: str) -> list[EndedTopic]:
        """The topics of this organisation waiting to be deleted, oldest first."""
        rows = await self._db.execute(
            "SELECT code, thread_id, erase FROM ended_topics "
            "WHERE org = ? AND erase IS NOT NULL ORDER BY ended_at",
            (org,),
        )
        return [EndedTopic(str(code), int(str(thread)), str(why)) for code, thread, why in rows]

    async def erased(self, codes: Sequence[str]) -> None:
        """These topics are deleted from the forum: nothing of them is left."""
        listed = json.dumps(list(codes))
        await self._db.execute(f"DELETE FROM ended_topics WHERE {_CODES}", (listed,))  # noqa: S608
