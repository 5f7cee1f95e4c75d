"""The staff side of a handoff on Telegram: which update belongs to whom, and what to do.

Each organisation's staff group is a forum; each handoff gets a topic there. Everything that
changes a young person's conversation runs in that person's lane, in order: their own
messages, and what staff do in their topic (routed here by thread, or by the code in a card's
button). The staff-side sends are outbox rows on the group's lane (``staff:<org>``), as
operations carried out by `bot.channels.telegram.staff_send`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from telegram import Message, Update

from bot.engine.engine import StaffEvent
from bot.engine.handoff import new_code
from bot.engine.model import CloseHandoff, Effect, MarkUrgent, OpenHandoff, RelayToStaff
from bot.storage.handoffs import Card, HandoffRow, Handoffs
from bot.storage.queues import Address, Send

__all__ = [
    "CALLBACK_PREFIX",
    "COPYABLE",
    "STAFF_LANE",
    "TO_STAFF",
    "Desk",
    "Plan",
    "StaffAction",
    "media_of",
    "staff_lane",
]

#: Card buttons carry ``h1|claim|CODE`` or ``h1|close|CODE``.
CALLBACK_PREFIX = "h1"
#: Media passed on by file id (a copy shows no sender). Locations and contacts are not passed
#: on: they could say who or where the young person is.
COPYABLE = ("photo", "sticker", "voice", "video", "video_note", "animation", "audio", "document")
#: What a young person may pass on to staff: Telegram recompresses photos (dropping EXIF, GPS
#: included); voice and stickers carry no file name or tags. Documents, audio and videos keep
#: their file name and metadata, so they are not passed on (the young person is told why).
TO_STAFF = frozenset({"photo", "sticker", "voice"})
_CLOSE_COMMANDS = frozenset({"sluit", "close"})
_URGENT_COMMANDS = frozenset({"urgent", "urgentie"})


#: Outbox lanes of staff groups start with this; a young person's lane is a pseudonym.
STAFF_LANE = "staff:"


def staff_lane(org: str) -> str:
    """The outbox lane of an organisation's staff group: its sends stay in order."""
    return f"{STAFF_LANE}{org}"


def media_of(message: Message) -> tuple[str, str] | None:
    """(kind, file_id) of a message that can be passed on as a copy, else None."""
    for kind in COPYABLE:
        value = getattr(message, kind, None)
        if value is None or value == ():
            continue
        if kind == "photo":
            return kind, message.photo[-1].file_id  # the largest size
        file_id = getattr(value, "file_id", None)
        if isinstance(file_id, str):
            return kind, file_id
    return None


@dataclass
class Plan:
    """What a turn adds besides the young person's replies: staff sends and handoff writes."""

    sends: list[Send] = field(default_factory=list)
    work: list[Callable[[Any], None]] = field(default_factory=list)
    #: The young person sent a file that is not passed on: they are to be told so.
    refused_file: bool = False


@dataclass(frozen=True, slots=True)
class StaffAction:
    """An update in a staff topic, understood: what the young person's engine must hear
    (`what`, `text`), what the topic needs, and the handoff it belongs to."""

    row: HandoffRow
    what: StaffEvent | None = None
    text: str = ""
    media: tuple[str, str] | None = None
    caption: str = ""
    card: Callable[[Card], Card] | None = None
    ops: tuple[dict[str, Any], ...] = ()
    close: bool = False
    reply_to: int | None = None
    staff_msg: int | None = None


@dataclass
class _Route:
    lane: str
    org: str
    thread: int | None
    closed: bool


class Desk:
    """Routes staff updates to young people's lanes and plans the staff side of turns."""

    #: How the staff groups' lanes begin (their sends keep the groups' pace).
    lane_prefix = STAFF_LANE

    def __init__(
        self, handoffs: Handoffs, staff_chats: Mapping[str, int], *, staff_name: str = ""
    ) -> None:
        self._handoffs = handoffs
        self.staff_chats = dict(staff_chats)
        self._orgs_by_chat: dict[int | str, str] = {chat: org for org, chat in staff_chats.items()}
        self._staff_name = staff_name
        #: Every stored handoff by code, and the open one of each young person by lane.
        self._routes: dict[str, _Route] = {}
        self._open: dict[str, str] = {}
        self._threads: dict[tuple[int, int], str] = {}

    @property
    def handoffs(self) -> Handoffs:
        """The stored handoffs."""
        return self._handoffs

    async def load(self) -> None:
        """Learn the stored handoffs (after a restart an open one keeps relaying)."""
        for row in await self._handoffs.all_known():
            self._learn(row.code, row.lane, row.org, closed=row.closed_at is not None)
            if row.thread_id is not None:
                self.topic_made(row.code, row.thread_id)

    def _learn(self, code: str, lane: str, org: str, *, closed: bool) -> None:
        self._routes[code] = _Route(lane, org, None, closed)
        if not closed:
            self._open[lane] = code

    def topic_made(self, code: str, thread: int | None) -> None:
        """A topic now belongs to this handoff (None: its topic is gone)."""
        route = self._routes.get(code)
        if route is None:
            return
        chat = self.staff_chats.get(route.org)
        if route.thread is not None and chat is not None:
            self._threads.pop((chat, route.thread), None)
        route.thread = thread
        if thread is not None and chat is not None:
            self._threads[(chat, thread)] = code

    def forget(self, code: str) -> None:
        """A closed handoff past its grace period."""
        route = self._routes.pop(code, None)
        if route is None:
            return
        chat = self.staff_chats.get(route.org)
        if route.thread is not None and chat is not None:
            self._threads.pop((chat, route.thread), None)
        if self._open.get(route.lane) == code:
            del self._open[route.lane]

    def open_code(self, lane: str) -> str | None:
        """The code of this person's open handoff."""
        return self._open.get(lane)

    def org_of_chat(self, chat_id: int | str) -> str | None:
        """The organisation whose staff group this is."""
        return self._orgs_by_chat.get(chat_id)

    # --- intake: whose lane --------------------------------------------------------------

    def lane_for(self, raw: Mapping[str, Any]) -> str | None:
        """For an update from a staff group: the young person's lane it belongs to, or "-"
        (ignored). None: not from a staff group."""
        message = raw.get("message") or raw.get("edited_message")
        query = raw.get("callback_query")
        if isinstance(query, dict):
            message = query.get("message")
        if not isinstance(message, dict):
            return None
        chat = message.get("chat")
        chat_id = chat.get("id") if isinstance(chat, dict) else None
        if not isinstance(chat_id, int) or chat_id not in self._orgs_by_chat:
            return None
        code: str | None = None
        if isinstance(query, dict):
            parts = str(query.get("data") or "").split("|")
            code = parts[2] if len(parts) == 3 and parts[0] == CALLBACK_PREFIX else None
        else:
            thread = message.get("message_thread_id")
            if isinstance(thread, int):
                code = self._threads.get((chat_id, thread))
        route = self._routes.get(code) if code is not None else None
        return route.lane if route is not None else "-"

    # --- a young person's turn -----------------------------------------------------------

    def plan(
        self,
        lane: str,
        chat_id: Address,
        effects: tuple[Effect, ...],
        message: Message | None,
        now: int,
    ) -> Plan:
        """The staff sends and handoff writes a young person's turn asks for."""
        plan = Plan()
        for effect in effects:
            if isinstance(effect, OpenHandoff):
                self._plan_open(plan, lane, chat_id, effect, now)
                continue
            if isinstance(effect, CloseHandoff) and effect.reason == "forgotten":
                self._plan_forget(plan, lane, now)
                continue
            code = self._open.get(lane)
            route = self._routes.get(code) if code is not None else None
            if code is None or route is None:
                continue
            if isinstance(effect, RelayToStaff):
                self._plan_relay(plan, code, route.org, effect, message)
            elif isinstance(effect, MarkUrgent):
                plan.work.append(self._handoffs.change_work(code, _urgent(effect)))
                plan.sends.append(self._op(route.org, {"op": "urgent", "code": code}))
            elif isinstance(effect, CloseHandoff):
                self._plan_close(plan, code, route, effect.reason, now)
        return plan

    def _plan_open(
        self, plan: Plan, lane: str, chat_id: Address, effect: OpenHandoff, now: int
    ) -> None:
        code = new_code()
        while code in self._routes:
            code = new_code()
        previous = self._open.get(lane)
        if previous is not None and previous in self._routes:
            self._routes[previous].closed = True
        card = Card(effect.band, effect.lang, effect.summary, effect.urgent, crisis=effect.crisis)
        plan.work.append(
            self._handoffs.open_work(code, lane, effect.org, chat_id=chat_id, card=card, now=now)
        )
        self._learn(code, lane, effect.org, closed=False)
        plan.sends.append(self._op(effect.org, {"op": "open", "code": code}))

    def _plan_relay(
        self, plan: Plan, code: str, org: str, effect: RelayToStaff, message: Message | None
    ) -> None:
        origin = message.message_id if message is not None else None
        reply_to = None
        if message is not None and message.reply_to_message is not None:
            reply_to = message.reply_to_message.message_id
        op: dict[str, Any] = {"code": code, "msg": origin, "reply_to_person": reply_to}
        if effect.text is not None:
            op.update(op="text", text=effect.text)
        elif message is not None and (media := media_of(message)) is not None:
            if media[0] not in TO_STAFF:
                plan.refused_file = True
                return
            op.update(op="media", kind=media[0], file_id=media[1], caption=message.caption or "")
        else:
            op.update(op="note", reason="uncopyable")
        plan.sends.append(self._op(org, op))

    def _plan_close(self, plan: Plan, code: str, route: _Route, reason: str, now: int) -> None:
        plan.work.append(
            self._handoffs.change_work(code, lambda c: replace(c, closed=True), close_at=now)
        )
        plan.sends.append(self._op(route.org, {"op": "close", "code": code, "reason": reason}))
        route.closed = True
        if self._open.get(route.lane) == code:
            del self._open[route.lane]

    def _plan_forget(self, plan: Plan, lane: str, now: int) -> None:
        """/vergeet: all of this person's handoffs go now; each group deletes their topics
        (an "erase" op finds what is marked for it, and does nothing when there is none)."""
        plan.work.append(self._handoffs.forget_work(lane, now))
        for code in [code for code, route in self._routes.items() if route.lane == lane]:
            self.forget(code)
        for org in self.staff_chats:
            plan.sends.append(self._op(org, {"op": "erase"}))

    def erase_sends(self, orgs: Iterable[str]) -> list[Send]:
        """The "erase" ops that delete the topics marked in these organisations' groups."""
        return [self._op(org, {"op": "erase"}) for org in orgs if org in self.staff_chats]

    def note_send(self, code: str, reason: str) -> Send | None:
        """A line in a handoff's topic (say, a reply that could not reach the young person)."""
        route = self._routes.get(code)
        if route is None or route.org not in self.staff_chats:
            return None
        return self._op(route.org, {"op": "note", "code": code, "reason": reason})

    def _op(self, org: str, op: dict[str, Any]) -> Send:
        return Send(staff_lane(org), self.staff_chats[org], json.dumps(op).encode())

    # --- an update from a staff group ----------------------------------------------------

    async def understand(self, update: Update) -> StaffAction | None:
        """What a staff update means for its handoff; None: nothing to do."""
        query = update.callback_query
        if query is not None:
            return await self._button(query.data or "", query.from_user.first_name)
        message = update.message
        if message is None or message.from_user is None or message.from_user.is_bot:
            return None
        thread = message.message_thread_id
        code = self._threads.get((message.chat.id, thread)) if thread is not None else None
        row = await self._handoffs.get(code) if code is not None else None
        if row is None:
            return None
        if row.closed_at is not None:
            return StaffAction(row, ops=({"op": "note", "code": row.code, "reason": "late"},))
        name = message.from_user.first_name
        text = message.text or ""
        if text.startswith("/"):
            command = text[1:].split(maxsplit=1)[0].split("@")[0].lower() if text[1:] else ""
            if command in _CLOSE_COMMANDS:
                return self._closing(row, name)
            if command in _URGENT_COMMANDS:
                return StaffAction(
                    row,
                    card=lambda c: replace(c, urgent=True),
                    ops=({"op": "urgent", "code": row.code},),
                )
            return None  # other commands in the topic are for the staff themselves
        reply_to = None
        if message.reply_to_message is not None and message.reply_to_message.message_id != thread:
            reply_to = await self._handoffs.person_message(
                row.code, message.reply_to_message.message_id
            )
        claim = self._claim(row, name)
        if text:
            return StaffAction(
                row, "text", text, card=claim[0], ops=claim[1], reply_to=reply_to,
                staff_msg=message.message_id,
            )  # fmt: skip
        media = media_of(message)
        if media is None:
            return None
        return StaffAction(
            row, "media", media=media, caption=message.caption or "", card=claim[0],
            ops=claim[1], reply_to=reply_to, staff_msg=message.message_id,
        )  # fmt: skip

    async def _button(self, data: str, name: str) -> StaffAction | None:
        parts = data.split("|")
        if len(parts) != 3 or parts[0] != CALLBACK_PREFIX:
            return None
        row = await self._handoffs.get(parts[2])
        if row is None or row.closed_at is not None:
            return None
        if parts[1] == "claim":
            card, ops = self._claim(row, name)
            return StaffAction(row, "claimed", card=card, ops=ops)
        if parts[1] == "close":
            return self._closing(row, name)
        return None

    def _claim(
        self, row: HandoffRow, name: str
    ) -> tuple[Callable[[Card], Card] | None, tuple[dict[str, Any], ...]]:
        if row.card.claimed_by is not None:
            return None, ()
        taker = name or self._staff_name
        return (
            lambda c: replace(c, claimed_by=taker),
            ({"op": "card", "code": row.code, "claimed_by": taker},),
        )

    def _closing(self, row: HandoffRow, name: str) -> StaffAction:
        taker = row.card.claimed_by or name
        route = self._routes.get(row.code)
        if route is not None:
            route.closed = True
            if self._open.get(route.lane) == row.code:
                del self._open[route.lane]
        return StaffAction(
            row,
            "closed",
            card=lambda c: replace(c, claimed_by=c.claimed_by or taker, closed=True),
            ops=({"op": "close", "code": row.code, "reason": "staff"},),
            close=True,
        )

    def staff_sends(self, action: StaffAction) -> list[Send]:
        """The topic's sends an action needs, on the group's lane."""
        return [self._op(action.row.org, op) for op in action.ops]


def _urgent(effect: MarkUrgent) -> Callable[[Card], Card]:
    """The card made urgent; a crisis sign that came with it replaces the one it showed."""
    return lambda card: replace(card, urgent=True, crisis=effect.crisis or card.crisis)
