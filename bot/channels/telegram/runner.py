"""Runs Omarmt on Telegram: our own getUpdates loop, per-person lanes and the outbox sender.

Why not python-telegram-bot's Updater: it confirms an update to Telegram (the next getUpdates
asks past it) before any handler ran, so a crash loses it. Here each batch is written to the
inbox first; only then does the next getUpdates confirm it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
import traceback
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from telegram import BotCommand, BotCommandScopeDefault, Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ExtBot

from bot.channels.telegram.convert import Incoming, render, sender_id, to_event, to_markup
from bot.engine import Engine
from bot.service import Pseudonymize
from bot.storage import SessionStore
from bot.storage.buffered import BufferedStats
from bot.storage.queues import InboxItem, OutboxItem, Queues, Send

__all__ = ["ALLOWED_UPDATES", "TelegramChannel", "commands_for"]

log = logging.getLogger(__name__)

CHANNEL = "telegram"
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
POLL_TIMEOUT = 25
#: After this many failed tries a send is given up (and logged), not retried for ever.
MAX_ATTEMPTS = 12


def N_(message: str) -> str:  # noqa: N802 - gettext's marker for "translate later"
    """Marks a text for the catalogs; it is translated where it is shown."""
    return message


#: The command menu: the Dutch name, the English name, and what it does (a catalog message).
_COMMANDS = (
    ("start", "start", N_("Start or carry on")),
    ("hulp", "help", N_("Help lines, always")),
    ("praat", "talk", N_("Talk to a person")),
    ("terug", "back", N_("One question back")),
    ("opnieuw", "restart", N_("Start again")),
    ("stop", "stop", N_("Stop")),
    ("taal", "language", N_("Choose a language")),
    ("privacy", "privacy", N_("What I keep")),
    ("vergeet", "forget", N_("Erase everything about me")),
)


def commands_for(lang: str, gettext: Callable[[str, str], str]) -> list[BotCommand]:
    """The command menu in one language: Dutch names in Dutch, English names otherwise."""
    index = 0 if lang == "nl" else 1
    return [BotCommand(names[index], gettext(lang, names[2])) for names in _COMMANDS]


class TelegramChannel:
    """One bot, one database. `run` returns when `stop` is set, with nothing in flight lost."""

    def __init__(
        self,
        bot: ExtBot[Any],
        *,
        engine: Engine,
        sessions: SessionStore,
        queues: Queues,
        stats: BufferedStats,
        pseudonymize: Pseudonymize,
        is_crisis: Callable[[str], bool],
        retention_days: int = 30,
        daily: Sequence[Callable[[], Awaitable[object]]] = (),
    ) -> None:
        self._bot = bot
        self._engine = engine
        self._sessions = sessions
        self._queues = queues
        self._stats = stats
        self._pseudonymize = pseudonymize
        self._is_crisis = is_crisis
        self._retention = timedelta(days=retention_days)
        self._daily = tuple(daily)
        self._inbox_ready = asyncio.Event()
        self._outbox_ready = asyncio.Event()
        self._lanes: dict[str, asyncio.Queue[InboxItem]] = {}
        self._lane_tasks: set[asyncio.Task[None]] = set()
        self._sending: set[str] = set()
        #: Per person, the last message sent with answer buttons: its keyboard goes when they
        #: answer some other way (typing), so an old button cannot be pressed again.
        self._keyboards: dict[str, tuple[int, int]] = {}
        self._send_tasks: set[asyncio.Task[None]] = set()
        self._dispatched = 0

    @property
    def bot(self) -> ExtBot[Any]:
        """The Telegram client this channel sends with."""
        return self._bot

    # --- lifecycle ---------------------------------------------------------------------------

    async def prepare(self) -> None:
        """Learn the bot's name (for links to pass it on) and set the command menus."""
        me = await self._bot.get_me()
        self._engine.bot_username = me.username
        gettext = self._engine.translator.gettext
        for lang in self._engine.translator.languages:
            await self._bot.set_my_commands(commands_for(lang, gettext), language_code=lang)
        default = self._engine.translator.languages[0]
        await self._bot.set_my_commands(
            commands_for(default, gettext), scope=BotCommandScopeDefault()
        )

    async def run(self, stop: asyncio.Event, *, poll: bool = True) -> None:
        """Poll (unless webhooks feed `intake`), handle, send, keep house, until `stop`."""
        await self.prepare()
        self._inbox_ready.set()  # what a previous run left in the inbox goes first
        self._outbox_ready.set()
        tasks = [
            asyncio.create_task(self._dispatch_loop(stop), name="dispatch"),
            asyncio.create_task(self._send_loop(stop), name="send"),
            asyncio.create_task(self._housekeeping(stop), name="housekeeping"),
        ]
        if poll:
            await self._bot.delete_webhook(drop_pending_updates=False)
            tasks.append(asyncio.create_task(self._poll_loop(stop), name="poll"))
        await stop.wait()
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        for task in list(self._lane_tasks):
            with contextlib.suppress(asyncio.CancelledError):
                await task
        # Sends in flight finish (a cut-off send would go again after a restart, twice).
        if self._send_tasks:
            await asyncio.wait(list(self._send_tasks), timeout=10)
        await self._stats.flush()

    # --- intake ------------------------------------------------------------------------------

    async def _poll_loop(self, stop: asyncio.Event) -> None:
        offset: int | None = None
        while not stop.is_set():
            try:
                updates = await self._bot.get_updates(
                    offset=offset, timeout=POLL_TIMEOUT, allowed_updates=ALLOWED_UPDATES
                )
            except RetryAfter as exc:
                await asyncio.sleep(_seconds(exc.retry_after))
                continue
            except (NetworkError, TelegramError) as exc:
                log.warning("getUpdates failed (%s); trying again", type(exc).__name__)
                await asyncio.sleep(1)
                continue
            if not updates:
                continue
            await self.intake([u.to_dict() for u in updates])
            # Only now, with the batch on disk, may the next getUpdates confirm it.
            offset = updates[-1].update_id + 1

    async def intake(self, raw_updates: list[dict[str, object]]) -> None:
        """Write raw updates to the inbox (deduplicated on update_id), then wake the handler."""
        batch = []
        for raw in raw_updates:
            update_id = raw.get("update_id")
            if not isinstance(update_id, int):
                continue
            user = sender_id(raw)
            lane = self._pseudonymize(CHANNEL, user) if user is not None else "-"
            batch.append((update_id, lane, json.dumps(raw).encode()))
        if batch:
            await self._queues.intake(batch, time.time())
            self._inbox_ready.set()

    # --- handling ----------------------------------------------------------------------------

    async def _dispatch_loop(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            await self._inbox_ready.wait()
            self._inbox_ready.clear()
            for item in await self._queues.pending(after=self._dispatched):
                self._dispatched = item.id
                lane = self._lanes.get(item.lane)
                if lane is None:
                    lane = self._lanes[item.lane] = asyncio.Queue()
                    task = asyncio.create_task(self._lane_worker(item.lane, lane))
                    self._lane_tasks.add(task)
                    task.add_done_callback(self._lane_tasks.discard)
                lane.put_nowait(item)

    async def _lane_worker(self, name: str, lane: asyncio.Queue[InboxItem]) -> None:
        """One person's updates, strictly in order; other people's run meanwhile."""
        try:
            while not lane.empty():
                item = lane.get_nowait()
                try:
                    await self._handle(item)
                except Exception as exc:  # noqa: BLE001 - one bad update must not stop a lane
                    # Type and place only: an exception's message may quote what was written.
                    where = traceback.extract_tb(exc.__traceback__)[-1]
                    log.error(
                        "an update could not be handled (%s at %s:%d); it stays in the inbox",
                        type(exc).__name__,
                        where.filename.rsplit("/", 1)[-1],
                        where.lineno or 0,
                    )
        finally:
            self._lanes.pop(name, None)

    async def _handle(self, item: InboxItem) -> None:
        data = json.loads(item.payload)
        update = Update.de_json(data, self._bot)
        incoming = to_event(update, self._is_crisis) if update is not None else None
        if incoming is None or item.lane == "-":
            await self._queues.done(item.id)
            return
        state = await self._sessions.load(item.lane)
        turn = self._engine.handle(state, incoming.event)
        now = datetime.now(UTC)
        sends = [
            Send(item.lane, incoming.chat_id, payload)
            for message in turn.messages
            for payload in render(message)
        ]
        await self._queues.commit_turn(item.id, item.lane, turn.state, now, sends)
        self._outbox_ready.set()
        counted = turn.state or state
        if turn.events and counted is not None:
            events = [event.with_channel(CHANNEL) for event in turn.events]
            await self._stats.record(counted.conversation, now.date(), events)
        if incoming.callback_id is not None:
            await self._acknowledge(incoming)
        previous = self._keyboards.pop(item.lane, None)
        if previous is not None and previous[1] != incoming.pressed_message:
            with contextlib.suppress(TelegramError):
                await self._bot.edit_message_reply_markup(
                    chat_id=previous[0], message_id=previous[1]
                )

    async def _acknowledge(self, incoming: Incoming) -> None:
        """Stop the button's spinner and take the keyboard off, so it cannot be pressed twice.

        Best effort: a failure here loses nothing, the reply is already in the outbox.
        """
        assert incoming.callback_id is not None
        with contextlib.suppress(TelegramError):
            await self._bot.answer_callback_query(incoming.callback_id)
        if incoming.pressed_message is not None:
            with contextlib.suppress(TelegramError):
                await self._bot.edit_message_reply_markup(
                    chat_id=incoming.chat_id, message_id=incoming.pressed_message
                )

    # --- sending -----------------------------------------------------------------------------

    async def _send_loop(self, stop: asyncio.Event) -> None:
        """Start a send for every person whose next message is due and who has none in flight.

        A person's messages go one at a time, in order; nobody waits for someone else's send.
        """
        while not stop.is_set():
            self._outbox_ready.clear()
            due = [item for item in await self._queues.due() if item.lane not in self._sending]
            for item in due:
                self._sending.add(item.lane)
                task = asyncio.create_task(self._send_next(item))
                self._send_tasks.add(task)
                task.add_done_callback(self._send_tasks.discard)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._outbox_ready.wait(), timeout=1.0)

    async def _send_next(self, item: OutboxItem) -> None:
        try:
            await self._send(item)
        finally:
            self._sending.discard(item.lane)
            self._outbox_ready.set()  # that person's next message may be due now

    async def _send(self, item: OutboxItem) -> None:
        payload = json.loads(item.payload)
        buttons = payload.get("buttons", [])
        try:
            sent = await self._bot.send_message(
                chat_id=item.chat_id,
                text=payload["text"],
                reply_markup=to_markup(buttons),
                disable_web_page_preview=True,
            )
        except RetryAfter as exc:
            await self._queues.later(item.id, time.time() + _seconds(exc.retry_after))
        except Forbidden:
            # Blocked by the user: nothing waiting for them can arrive; no retry storm.
            await self._queues.drop_lane(item.lane)
            log.info("a person blocked the bot; their waiting messages were dropped")
        except BadRequest as exc:
            log.error("Telegram refused a message (%s); it is dropped", type(exc).__name__)
            await self._queues.sent(item.id)
        except (NetworkError, TelegramError) as exc:
            if item.attempts + 1 >= MAX_ATTEMPTS:
                log.error("a message could not be sent after %d tries", MAX_ATTEMPTS)
                await self._queues.sent(item.id)
            else:
                backoff = min(60.0, 0.5 * 2**item.attempts)
                log.warning("sending failed (%s); retry in %.1fs", type(exc).__name__, backoff)
                await self._queues.later(item.id, time.time() + backoff)
        else:
            await self._queues.sent(item.id)
            if any("data" in button for button in buttons):
                self._keyboards[item.lane] = (item.chat_id, sent.message_id)

    # --- housekeeping ------------------------------------------------------------------------

    async def _housekeeping(self, stop: asyncio.Event) -> None:
        """Flush counts now and then; apply retention and forget old update ids daily."""
        last_daily = 0.0
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=30)
            await self._stats.flush()
            if time.time() - last_daily > 86_400:
                last_daily = time.time()
                erased = await self._sessions.purge_inactive(datetime.now(UTC) - self._retention)
                await self._queues.forget_seen(time.time() - 86_400)
                for job in self._daily:
                    await job()
                if erased:
                    log.info("retention: erased %d inactive conversation(s)", erased)


def _seconds(value: float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
