"""Carrying out the staff side of handoffs: topics, cards, relayed messages, notes.

Every operation looks its handoff up again, so it works from what is stored, also after a
restart. A topic that staff deleted ("message thread not found") is made again, with the card,
before the message goes. Young people's messages go by text or file id: a copy, never a
forward, and no request to a staff group carries the young person's chat id.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, ReplyParameters
from telegram.error import BadRequest, TelegramError
from telegram.ext import ExtBot

from bot.channels.telegram.pace import GroupPace
from bot.channels.telegram.staff import CALLBACK_PREFIX, Desk
from bot.engine.handoff import card_text, crisis_note, note, topic_name
from bot.engine.hours import AMSTERDAM
from bot.engine.texts import Gettext
from bot.storage.handoffs import HandoffRow
from bot.storage.queues import OutboxItem

__all__ = ["MAX_MERGED", "StaffSender", "send_media"]

log = logging.getLogger(__name__)

#: Merged relay messages stay well inside Telegram's 4,096 characters.
MAX_MERGED = 4000
#: Messages each operation may create in the group (for the 20-a-minute pace).
_COST = {
    "open": 3,
    "text": 1,
    "media": 1,
    "note": 1,
    "urgent": 2,
    "close": 2,
    "card": 0,
    "erase": 0,
}
_NO_CAPTION = frozenset({"sticker", "video_note"})


def _thread_gone(exc: BadRequest) -> bool:
    return "thread not found" in exc.message.lower()


def _not_modified(exc: BadRequest) -> bool:
    # Telegram refuses to rename a topic to its own name ("TOPIC_NOT_MODIFIED").
    return "not_modified" in exc.message.lower().replace(" ", "_")


async def send_media(
    bot: ExtBot[Any],
    chat_id: int | str,
    kind: str,
    file_id: str,
    caption: str = "",
    *,
    thread: int | None = None,
    reply_to: int | None = None,
) -> Message:
    """Send a photo, sticker, voice, ... by its file id: a copy that shows no sender."""
    send: Callable[..., Awaitable[Message]] = getattr(bot, f"send_{kind}")
    extra: dict[str, Any] = {kind: file_id}
    if caption and kind not in _NO_CAPTION:
        extra["caption"] = caption[:1024]
    if thread is not None:
        extra["message_thread_id"] = thread
    if reply_to is not None:
        extra["reply_parameters"] = ReplyParameters(reply_to, allow_sending_without_reply=True)
    return await send(chat_id=chat_id, **extra)


class StaffSender:
    """Carries out one staff-lane outbox row at a time, at the group's pace."""

    def __init__(self, bot: ExtBot[Any], desk: Desk, gettext: Gettext) -> None:
        self._bot = bot
        self._desk = desk
        self._ = gettext
        self._paces: dict[int | str, GroupPace] = {}

    def wait(self, item: OutboxItem, now: float) -> float:
        """Seconds until this row may go without passing the group's limit."""
        pace = self._paces.setdefault(item.chat_id, GroupPace())
        return pace.wait(now, _COST.get(_op(item).get("op", ""), 1))

    async def perform(self, item: OutboxItem, queue: deque[OutboxItem], now: float) -> list[int]:
        """Carry out `item` (queue[0]); returns the ids of later rows merged into it, which
        are done too. Telegram errors other than a deleted topic propagate to the sender."""
        op = _op(item)
        if op.get("op") == "erase":
            calls = await self._erase(item.chat_id)
            self._paces.setdefault(item.chat_id, GroupPace()).record(now, calls)
            return []
        row = await self._desk.handoffs.get(str(op.get("code", "")))
        if row is None:
            return []  # erased meanwhile: nothing left to show
        kind = op.get("op")
        merged: list[int] = []
        calls = 0
        if kind == "open":
            if row.thread_id is None or row.card_id is None:
                await self._topic(row)
                calls = 3
            else:  # done before a crash cut it off: only the pin may not have gone
                await self._pin(row.org, row.card_id, quiet=not row.card.urgent)
        elif kind == "text":
            merged, texts, origins = _merge(op, queue)
            calls = await self._relay_text(row, "\n".join(texts), origins, op)
        elif kind == "media":
            calls = await self._relay_media(row, op)
        elif kind == "note":
            calls = await self._note(row, str(op.get("reason", "")))
        elif kind == "urgent":
            calls = await self._urgent(row)
        elif kind == "card":
            await self._edit_card(row)
        elif kind == "close":
            calls = await self._close(row, str(op.get("reason", "staff")))
        self._paces.setdefault(item.chat_id, GroupPace()).record(now, calls)
        return merged

    # --- topics and cards ----------------------------------------------------------------

    async def _topic(self, row: HandoffRow, *, again: bool = False) -> int:
        """The handoff's topic with its pinned card, made or finished as needed; returns the
        thread id. `again`: the stored topic was deleted by staff, so a new one is made.

        Each step is stored as soon as Telegram carried it out: the topic's thread before the
        card goes, the card before it is pinned. A crash between them (kill -9, a lost
        connection) is picked up where it was on the retry: never a second topic whose
        messages nobody reads, at most a second card in the same topic.
        """
        chat = row_chat(self._desk, row)
        thread = None if again else row.thread_id
        made = thread is None
        if thread is None:
            name = topic_name(
                self._, row.code, row.card.band, row.card.lang, urgent=row.card.urgent
            )
            thread = (await self._bot.create_forum_topic(chat, name[:128])).message_thread_id
            self._desk.topic_made(row.code, thread)  # staff may write in it from now on
            if not await self._desk.handoffs.set_topic(row.code, thread, None):
                return await self._gone(chat, thread)
        elif row.card_id is not None:
            return thread
        try:
            card = await self._bot.send_message(
                chat,
                self._card_text(row),
                message_thread_id=thread,
                reply_markup=self._card_buttons(row),
            )
        except BadRequest as exc:
            if made or not _thread_gone(exc):
                raise
            self._desk.topic_made(row.code, None)  # deleted before its card went
            return await self._topic(row, again=True)
        if not await self._desk.handoffs.set_topic(row.code, thread, card.message_id):
            return await self._gone(chat, thread)
        await self._pin(row.org, card.message_id, quiet=not row.card.urgent)
        if again:
            await self._bot.send_message(chat, note(self._, "again"), message_thread_id=thread)
        return thread

    async def _pin(self, org: str, card_id: int, *, quiet: bool) -> None:
        """Pin a card (again: pinning is idempotent). A card that stays unpinned is no loss."""
        with contextlib.suppress(TelegramError):
            await self._bot.pin_chat_message(
                self._desk.staff_chats[org], card_id, disable_notification=quiet
            )

    async def _gone(self, chat: int, thread: int) -> int:
        """Erased (/vergeet) while its topic was being made: the topic goes at once."""
        with contextlib.suppress(TelegramError):
            await self._bot.delete_forum_topic(chat, thread)
        return thread

    async def _in_topic(
        self, row: HandoffRow, send: Callable[[int], Awaitable[Message]]
    ) -> Message:
        """Send into the handoff's topic, making it (again) when it is missing or was deleted."""
        thread = await self._topic(row)
        try:
            return await send(thread)
        except BadRequest as exc:
            if not _thread_gone(exc):
                raise
        log.info("a staff topic was deleted; it is made again with its card")
        self._desk.topic_made(row.code, None)
        fresh = await self._desk.handoffs.get(row.code)
        thread = await self._topic(fresh or row, again=True)
        return await send(thread)

    def _card_text(self, row: HandoffRow) -> str:
        since = datetime.fromtimestamp(row.opened_at, UTC).astimezone(AMSTERDAM)
        card = row.card
        return card_text(
            self._,
            code=row.code,
            band=card.band,
            lang=card.lang,
            since=f"{since:%d-%m %H:%M}",
            urgent=card.urgent,
            summary=card.summary,
            claimed_by=card.claimed_by,
            closed=card.closed,
            crisis=crisis_note(self._, card.crisis, row.opened_at) if card.crisis else None,
            channel="WhatsApp" if row.lane.startswith("wa:") else "Telegram",
        )

    def _card_buttons(self, row: HandoffRow) -> InlineKeyboardMarkup | None:
        if row.card.closed:
            return None
        buttons = []
        if row.card.claimed_by is None:
            buttons.append(
                InlineKeyboardButton(
                    self._("I'll take this"), callback_data=f"{CALLBACK_PREFIX}|claim|{row.code}"
                )
            )
        buttons.append(
            InlineKeyboardButton(
                self._("Close"), callback_data=f"{CALLBACK_PREFIX}|close|{row.code}"
            )
        )
        return InlineKeyboardMarkup([[button] for button in buttons])

    async def _edit_card(self, row: HandoffRow) -> None:
        if row.card_id is None:
            return
        with contextlib.suppress(BadRequest):  # "message is not modified", or deleted
            await self._bot.edit_message_text(
                self._card_text(row),
                chat_id=row_chat(self._desk, row),
                message_id=row.card_id,
                reply_markup=self._card_buttons(row),
            )

    # --- what goes into the topic --------------------------------------------------------

    async def _relay_text(
        self, row: HandoffRow, text: str, origins: list[int], op: dict[str, Any]
    ) -> int:
        reply_to = await self._reply_in_topic(row, op)
        sent = await self._in_topic(
            row,
            lambda thread: self._bot.send_message(
                row_chat(self._desk, row),
                text[:MAX_MERGED],
                message_thread_id=thread,
                reply_parameters=reply_to,
            ),
        )
        await self._arrived(row, sent, origins)
        return 1

    async def _relay_media(self, row: HandoffRow, op: dict[str, Any]) -> int:
        reply_to = await self._reply_in_topic(row, op)
        sent = await self._in_topic(
            row,
            lambda thread: send_media(
                self._bot,
                row_chat(self._desk, row),
                str(op["kind"]),
                str(op["file_id"]),
                str(op.get("caption", "")),
                thread=thread,
                reply_to=reply_to.message_id if reply_to is not None else None,
            ),
        )
        origin = op.get("msg")
        await self._arrived(row, sent, [origin] if isinstance(origin, int) else [])
        return 1

    async def _reply_in_topic(self, row: HandoffRow, op: dict[str, Any]) -> ReplyParameters | None:
        """When the young person answered a youth worker's message, answer it in the topic."""
        replied = op.get("reply_to_person")
        if not isinstance(replied, int):
            return None
        staff_msg = await self._desk.handoffs.staff_message(row.code, replied)
        if staff_msg is None:
            return None
        return ReplyParameters(staff_msg, allow_sending_without_reply=True)

    async def _arrived(self, row: HandoffRow, sent: Message, origins: list[int]) -> None:
        """Remember the pairs for replies, and show the young person their message arrived."""
        if not origins:
            return
        await self._desk.handoffs.relayed(row.code, [(sent.message_id, o) for o in origins])
        for origin in origins:
            with contextlib.suppress(TelegramError):
                await self._bot.set_message_reaction(row.chat_id, origin, "👍")

    async def _note(self, row: HandoffRow, reason: str) -> int:
        if reason == "uncopyable":
            text = self._(
                "The young person sent something that Omarmt does not pass on (a location or "
                "a contact, for their privacy)."
            )
        elif reason == "late":
            text = self._("This conversation is closed: the young person did not get this.")
        elif reason == "window":
            text = self._(
                "The young person did not get this: WhatsApp only lets us write within 24 hours "
                "of their last message. Once they write again, your next message reaches them."
            )
        elif reason == "media":
            text = self._(
                "The young person did not get this file. It could not go to WhatsApp: too big, "
                "or a kind WhatsApp does not take. A smaller file, a link or words will reach "
                "them."
            )
        else:
            text = note(self._, reason)
        await self._in_topic(
            row,
            lambda thread: self._bot.send_message(
                row_chat(self._desk, row), text, message_thread_id=thread
            ),
        )
        return 1

    async def _urgent(self, row: HandoffRow) -> int:
        """Urgent: the topic's name says so, the card says so and is pinned."""
        if row.thread_id is None:
            await self._topic(row)
            return 3
        if row.card_id is None:  # cut off before its card went: it goes now, urgent
            await self._topic(row)
        name = topic_name(self._, row.code, row.card.band, row.card.lang, urgent=True)
        try:
            await self._bot.edit_forum_topic(row_chat(self._desk, row), row.thread_id, name=name)
        except BadRequest as exc:
            if _thread_gone(exc):
                self._desk.topic_made(row.code, None)
                await self._topic(row, again=True)
                return 4
            if not _not_modified(exc):
                raise
            # Renamed already, before a crash cut the rest off: the card and the pin go now.
        await self._edit_card(row)
        if row.card_id is not None:
            await self._pin(row.org, row.card_id, quiet=False)
        return 2

    async def _erase(self, chat_id: int | str) -> int:
        """Delete the group's topics marked to go, each after one line in the group's general
        topic saying which and why. Safe to repeat: a topic already gone counts as deleted."""
        org = self._desk.org_of_chat(chat_id)
        if org is None:
            return 0
        calls = 0
        for topic in await self._desk.handoffs.to_erase(org):
            if topic.reason == "forgotten":
                text = self._(
                    "Topic {code} is deleted: the young person asked Omarmt to forget "
                    "everything about them."
                )
            else:
                text = self._(
                    "Topic {code} is deleted: nothing was written in it for Omarmt's "
                    "retention period."
                )
            with contextlib.suppress(BadRequest):
                await self._bot.send_message(chat_id, text.format(code=topic.code))
            with contextlib.suppress(BadRequest):  # deleted by staff already
                await self._bot.delete_forum_topic(chat_id, topic.thread_id)
            await self._desk.handoffs.erased([topic.code])
            self._desk.forget(topic.code)
            calls += 2
        return calls

    async def _close(self, row: HandoffRow, reason: str) -> int:
        """A note on how it ended, the card marked closed, and the topic closed."""
        if row.thread_id is None:
            return 0  # never had a topic (or it is gone): nothing to close
        calls = 0
        if reason != "staff":
            with contextlib.suppress(BadRequest):
                await self._bot.send_message(
                    row_chat(self._desk, row),
                    note(self._, reason),
                    message_thread_id=row.thread_id,
                )
                calls += 1
        await self._edit_card(row)
        with contextlib.suppress(BadRequest):
            await self._bot.close_forum_topic(row_chat(self._desk, row), row.thread_id)
            calls += 1
        return calls


def row_chat(desk: Desk, row: HandoffRow) -> int:
    """The staff group of a handoff's organisation."""
    return desk.staff_chats[row.org]


def _op(item: OutboxItem) -> dict[str, Any]:
    try:
        op = json.loads(item.payload)
    except ValueError:
        return {}
    return op if isinstance(op, dict) else {}


def _merge(
    first: dict[str, Any], queue: deque[OutboxItem]
) -> tuple[list[int], list[str], list[int]]:
    """The texts waiting right behind `first` for the same topic, merged into one message:
    what keeps a busy group within its limit without dropping anything."""
    texts = [str(first.get("text", ""))]
    origins = [first["msg"]] if isinstance(first.get("msg"), int) else []
    merged: list[int] = []
    size = len(texts[0])
    for item in list(queue)[1:]:
        op = _op(item)
        if op.get("op") != "text" or op.get("code") != first.get("code"):
            break
        text = str(op.get("text", ""))
        if size + 1 + len(text) > MAX_MERGED or op.get("reply_to_person") is not None:
            break
        texts.append(text)
        size += 1 + len(text)
        merged.append(item.id)
        if isinstance(op.get("msg"), int):
            origins.append(op["msg"])
    return merged, texts, origins
