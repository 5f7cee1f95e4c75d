"""Runs Omarmt on Telegram: our own getUpdates loop, per-person lanes and the outbox sender.

Why not python-telegram-bot's Updater: it confirms an update to Telegram (the next getUpdates
asks past it) before any handler ran, so a crash loses it. Here each batch is written to the
inbox first; only then does the next getUpdates confirm it.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import logging
import math
import sqlite3
import time
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from telegram import BotCommand, BotCommandScopeDefault, ReplyParameters, Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ExtBot

from bot.channels.telegram.convert import Incoming, render, sender_id, to_event, to_markup
from bot.channels.telegram.liveness import BEAT_EVERY, Liveness
from bot.channels.telegram.staff import STAFF_LANE, Desk, StaffAction
from bot.channels.telegram.staff_send import StaffSender, send_media
from bot.engine import Engine, SessionState
from bot.engine.commands import MENU
from bot.engine.hours import is_open, next_opening
from bot.engine.model import CloseHandoff, Turn
from bot.engine.texts import help_lines
from bot.service import RECENT_MAX, RECENT_SECONDS, Pseudonymize
from bot.storage import SessionStore
from bot.storage.buffered import BufferedStats
from bot.storage.queues import InboxItem, OutboxItem, Queues, Send

__all__ = ["ALLOWED_UPDATES", "StuckError", "TelegramChannel", "commands_for"]

log = logging.getLogger(__name__)

CHANNEL = "telegram"
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
POLL_TIMEOUT = 25
#: How long a closed handoff stays, so a late staff reply gets a note instead of nothing.
GRACE = timedelta(hours=1)
#: After this many failed tries a send is given up (and logged), not retried for ever.
MAX_ATTEMPTS = 12
#: After this many refusals a staff-group operation is parked (kept, tried again at start).
STAFF_TRIES = 12
#: After this many failures (other than the database's) a turn is parked and the person told.
TURN_TRIES = 5


def N_(message: str) -> str:  # noqa: N802 - gettext's marker for "translate later"
    """Marks a text for the catalogs; it is translated where it is shown."""
    return message


class StuckError(RuntimeError):
    """A loop made no progress for too long: the process should end, and be started again."""

    def __init__(self, loop: str) -> None:
        super().__init__(f"{loop} made no progress; stopped so that a supervisor restarts omarmt")
        self.loop = loop


def _backoff(failures: int, cap: float = 30.0) -> float:
    """Seconds before the next try after `failures` failures in a row: 0.5, 1, 2, ... `cap`."""
    return min(cap, 0.5 * 2.0 ** max(0, min(failures - 1, 10)))


def commands_for(lang: str, gettext: Callable[[str, str], str]) -> list[BotCommand]:
    """The command menu in one language, with the names the texts in that language use."""
    return [BotCommand(spec.name(lang), gettext(lang, spec.menu)) for spec in MENU]


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
        desk: Desk | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        handoff_wait: timedelta = timedelta(minutes=10),
        liveness: Liveness | None = None,
        housekeeping_every: float = 30.0,
        beat_every: float = BEAT_EVERY,
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
        self._stop = asyncio.Event()
        #: Per person, the updates handed on and not yet handled; a worker runs while present.
        self._lanes: dict[str, deque[tuple[InboxItem, Update | None]]] = {}
        self._lane_tasks: set[asyncio.Task[None]] = set()
        #: Per person, the outbox rows not yet sent, in order; a sender runs while present.
        self._outgoing: dict[str, deque[OutboxItem]] = {}
        self._send_tasks: set[asyncio.Task[None]] = set()
        #: The state each person's last turn committed (see `_load`), least recent first.
        self._recent: OrderedDict[str, tuple[float, SessionState]] = OrderedDict()
        #: Per person, the messages sent with answer buttons still on, as (chat, message,
        #: outbox id): a newer turn takes them off, so an old button cannot be pressed again.
        #: By outbox id, not by "the last one": while a turn waits for Telegram, its own new
        #: question may already be sent, and it must keep its buttons.
        self._keyboards: dict[str, list[tuple[int, int, int]]] = {}
        #: Per person, the first outbox id of their newest turn: a question from an older turn
        #: that is sent after it already has its answer, so it loses its buttons at once.
        self._answered_before: dict[str, int] = {}
        #: Keyboards to take off once the person's replies now being sent have gone.
        self._stale_keyboards: dict[str, list[tuple[int, int]]] = {}
        #: The highest inbox id handed to a lane, and whether the restart backlog is read.
        self._dispatched = 0
        self._backlog_read = False
        #: The staff side of handoffs (None: no staff chat configured).
        self._desk = desk
        self._clock = clock
        self._handoff_wait = handoff_wait
        self._live = liveness or Liveness()
        self._housekeeping_every = housekeeping_every
        self._beat_every = beat_every
        #: The loop that got stuck (the process then ends; see `StuckError`).
        self.stuck: str | None = None
        #: Until when (time.time) all sending waits: Telegram answered 429 with retry_after.
        self._paused_until = 0.0
        #: Inbox ids whose turn is stored: a failure after that is not a reason to redo it.
        self._finished: set[int] = set()
        self._parked = 0
        staff_language = engine.translator.languages[0]
        self._staff_sender = (
            StaffSender(bot, desk, lambda m: engine.translator.gettext(staff_language, m))
            if desk is not None
            else None
        )

    @property
    def bot(self) -> ExtBot[Any]:
        """The Telegram client this channel sends with."""
        return self._bot

    @property
    def liveness(self) -> Liveness:
        """The progress of the loops (the webhook reports its intake here)."""
        return self._live

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
        if self._desk is not None:
            await self._check_staff_groups(self._desk)

    async def _check_staff_groups(self, desk: Desk) -> None:
        """Check at start that each staff group can hold handoffs: a forum, with the bot an
        administrator that may manage topics and pin. A group that cannot is said in one log
        line and gets no new handoffs until a restart: they go to another organisation, or the
        young person hears honestly that nobody can be reached now, with the lines open."""
        for org, chat_id in desk.staff_chats.items():
            try:
                problem = await self._staff_group_problem(chat_id)
            except (BadRequest, Forbidden):
                problem = "the bot is not in it, or the chat id is wrong"
            except TelegramError as exc:  # network trouble: no verdict, so no change
                log.warning(
                    "the staff group of %s could not be checked (%s)", org, type(exc).__name__
                )
                continue
            if problem is None:
                continue
            log.error(
                "the staff group of %s cannot take handoffs: %s; until that is fixed and omarmt "
                "restarted, its handoffs go to another organisation or to the help lines",
                org,
                problem,
            )
            self._engine.staff_orgs = self._engine.staff_orgs - {org}

    async def _staff_group_problem(self, chat_id: int) -> str | None:
        """What keeps a staff group from holding handoffs, or None."""
        chat = await self._bot.get_chat(chat_id)
        if not chat.is_forum:
            return "it is not a forum (turn on topics)"
        member = await self._bot.get_chat_member(chat_id, self._bot.id)
        if member.status == "creator":
            return None
        if member.status != "administrator":
            return "the bot is not an administrator"
        if not getattr(member, "can_manage_topics", False):
            return "the bot may not manage topics"
        if not getattr(member, "can_pin_messages", False):
            return "the bot may not pin messages"
        return None

    async def run(
        self,
        stop: asyncio.Event,
        *,
        poll: bool = True,
        ready: Callable[[], Awaitable[object]] | None = None,
    ) -> None:
        """Poll (unless webhooks feed `intake`), handle, send, keep house, until `stop`.

        `ready` is called once everything that handles updates is loaded (webhook mode sets
        its webhook there). Raises `StuckError` after stopping when a loop got stuck.
        """
        self._stop = stop
        self._live.beat()
        await self.prepare()
        if self._desk is not None:
            await self._desk.load()
        await self._read_backlog()
        if ready is not None:
            await ready()
        _freeze_startup_objects()
        tasks = [
            asyncio.create_task(self._housekeeping(stop), name="housekeeping"),
            asyncio.create_task(self._watchdog(stop), name="watchdog"),
        ]
        if self._desk is not None:
            tasks.append(asyncio.create_task(self._watch_handoffs(stop), name="handoffs"))
        if poll:
            await self._bot.delete_webhook(drop_pending_updates=False)
            tasks.append(asyncio.create_task(self._poll_loop(stop), name="poll"))
        await stop.wait()
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        # Lanes finish what they hold; their replies are committed and go after a restart.
        # Stuck, they get half a minute: what they did not finish waits in the inbox.
        lanes_until = time.monotonic() + (30 if self.stuck else math.inf)
        while self._lane_tasks and (left := lanes_until - time.monotonic()) > 0:
            await asyncio.wait(list(self._lane_tasks), timeout=min(left, 3600))
        # Sends in flight finish (a cut-off send would go again after a restart, twice), and
        # the deletes they start.
        deadline = time.monotonic() + 10
        while self._send_tasks and (left := deadline - time.monotonic()) > 0:
            await asyncio.wait(list(self._send_tasks), timeout=left)
        try:
            await self._stats.flush()
        except Exception as exc:  # noqa: BLE001 - counts are not worth a traceback on the way out
            self._live.failed("flushing the counts", exc, then="they are lost")
        if self.stuck is not None:
            raise StuckError(self.stuck)

    async def _watchdog(self, stop: asyncio.Event) -> None:
        """Keep the heartbeat fresh while every loop makes progress; stop when one does not."""
        while not stop.is_set():
            stuck = self._live.stuck()
            if stuck is not None:
                log.critical(
                    "%s made no progress for %d s; omarmt stops, for its supervisor to start "
                    "it again",
                    stuck,
                    int(self._live.stall_after),
                )
                self.stuck = stuck
                stop.set()
                return
            self._live.beat()
            await self._pause(self._beat_every)

    async def _read_backlog(self) -> None:
        """What a previous run left: its unsent replies, then its unhandled updates.

        From here on `intake` hands new updates straight to the lanes; an update read both
        here and by `intake` is handed on once (`_dispatch` goes by inbox id).
        """
        inbox, outbox = await self._queues.parked()
        if inbox or outbox:
            log.warning(
                "parked: %d update(s) that failed too often, %d staff-group send(s) tried "
                "again now; retention erases them",
                inbox,
                outbox,
            )
        self._queue_sends(await self._queues.unsent())
        while items := await self._queues.pending(after=self._dispatched):
            for item in items:
                self._dispatch(item)
        self._backlog_read = True

    def _spawn(self, work: Coroutine[Any, Any, None], into: set[asyncio.Task[None]]) -> None:
        """Start a task and keep it referenced (asyncio holds tasks weakly) until it ends."""
        task = asyncio.create_task(work)
        into.add(task)
        task.add_done_callback(into.discard)

    # --- intake ------------------------------------------------------------------------------

    async def _poll_loop(self, stop: asyncio.Event) -> None:
        """getUpdates, into the inbox, again. Any failure (Telegram, the network, the
        database) is logged and tried again after a pause: the same batch comes again,
        because only a stored batch is confirmed."""
        offset: int | None = None
        failures = 0
        self._live.expect("polling")
        while not stop.is_set():
            try:
                updates = await self._bot.get_updates(
                    offset=offset, timeout=POLL_TIMEOUT, allowed_updates=ALLOWED_UPDATES
                )
                if updates:
                    await self.intake([u.to_dict() for u in updates], updates)
                    # Only now, with the batch on disk, may the next getUpdates confirm it.
                    offset = updates[-1].update_id + 1
            except RetryAfter as exc:
                await self._pause(_seconds(exc.retry_after))
                continue
            except Exception as exc:  # noqa: BLE001 - polling must go on whatever failed
                failures += 1
                backoff = _backoff(failures)
                self._live.failed("polling", exc, then=f"trying again in {backoff:.1f} s")
                await self._pause(backoff)
                continue
            failures = 0
            self._live.ok("polling")
        self._live.done("polling")

    async def intake(
        self, raw_updates: list[dict[str, object]], parsed: Sequence[Update] = ()
    ) -> None:
        """Write raw updates to the inbox (deduplicated on update_id), then hand them on.

        Handed on from memory, not read back: the rows are committed, so a crash from here on
        finds them in the inbox. Before the backlog is read, and when stopping, they wait there.
        `parsed`, the same updates as `Update`s (from getUpdates), spares parsing them again.
        """
        batch = []
        for raw in raw_updates:
            update_id = raw.get("update_id")
            if not isinstance(update_id, int):
                continue
            lane = self._desk.lane_for(raw) if self._desk is not None else None
            if lane is None:
                user = sender_id(raw)
                lane = self._pseudonymize(CHANNEL, user) if user is not None else "-"
            batch.append((update_id, lane, json.dumps(raw).encode()))
        if not batch:
            return
        stored = [
            (update_id, item)
            for (update_id, _, _), item in zip(
                batch, await self._queues.intake(batch, time.time()), strict=True
            )
            if item is not None
        ]
        if self._backlog_read and not self._stop.is_set():
            known = {update.update_id: update for update in parsed}
            for update_id, item in stored:
                self._dispatch(item, known.get(update_id))

    # --- handling ----------------------------------------------------------------------------

    def _dispatch(self, item: InboxItem, update: Update | None = None) -> None:
        """Hand an update to its person's lane, starting the lane's worker if it has none.

        Inbox ids only grow and are handed on in the order they were committed, so one at or
        below the last handed on was handed on already.
        """
        if item.id <= self._dispatched:
            return
        self._dispatched = item.id
        lane = self._lanes.get(item.lane)
        if lane is not None:
            lane.append((item, update))
        else:
            self._lanes[item.lane] = deque([(item, update)])
            self._spawn(self._lane_worker(item.lane), self._lane_tasks)

    async def _lane_worker(self, name: str) -> None:
        """One person's updates, strictly in order; other people's run meanwhile."""
        lane = self._lanes[name]
        try:
            while lane:
                item, update = lane[0]
                if not await self._handle_with_retries(item, update):
                    break  # stopping: it and what follows wait in the inbox, in order
                lane.popleft()
        finally:
            del self._lanes[name]

    async def _handle_with_retries(self, item: InboxItem, update: Update | None) -> bool:
        """Handle an update, trying again with a growing pause before this person's later
        ones. The database's trouble (a lock held elsewhere, a full disk) is waited out; any
        other failure `TURN_TRIES` times parks the update and tells the person. False: the
        channel stops meanwhile."""
        tries, storage = item.attempts, 0
        while True:
            try:
                await self._handle(item, update)
            except Exception as exc:  # noqa: BLE001 - one bad update must not stop a lane
                if item.id in self._finished:  # after its turn was stored: not redone
                    self._finished.discard(item.id)
                    self._live.failed("a turn", exc, then="its replies are stored")
                    return True
                if isinstance(exc, sqlite3.Error):
                    storage += 1
                else:
                    tries += 1
                    with contextlib.suppress(Exception):
                        await self._queues.failed(item.id)
                    if tries >= TURN_TRIES:
                        self._live.failed("a turn", exc, then=f"parked after {tries} tries")
                        return await self._park(item, update)
                backoff = _backoff(storage + tries - item.attempts)
                self._live.failed("a turn", exc, then=f"trying again in {backoff:.1f} s")
                await self._pause(backoff)
                if self._stop.is_set():
                    return False
                continue
            self._finished.discard(item.id)
            self._live.ok("a turn")
            return True

    async def _park(self, item: InboxItem, update: Update | None) -> bool:
        """Give up on an update that keeps failing: it stays sealed and is no longer replayed
        (retention erases it); a young person gets an apology with the help lines."""
        sends = self._apology(item, update)
        failures = 0
        while True:
            try:
                stored = await self._queues.park(item.id, time.time(), sends)
                break
            except Exception as exc:  # noqa: BLE001 - try again; the update is not lost
                failures += 1
                self._live.failed("parking an update", exc, then="trying again")
                await self._pause(_backoff(failures))
                if self._stop.is_set():
                    return False
        self._parked += 1
        self._live.ok("a turn")
        log.error(
            "an update failed %d times and is parked (%d parked since start)",
            TURN_TRIES,
            self._parked,
        )
        self._queue_sends(stored)
        return True

    def _apology(self, item: InboxItem, update: Update | None) -> list[Send]:
        """For a young person's own update: sorry, and the help lines, in their language."""
        if update is None:
            try:
                data = json.loads(item.payload)
                if not isinstance(data, dict) or "omarmt" in data:
                    return []
                update = Update.de_json(data, self._bot)
            except Exception:  # noqa: BLE001 - unreadable: nobody to tell
                return []
        chat = update.effective_chat if update is not None else None
        if chat is None or chat.type != "private" or item.lane == "-":
            return []
        translator = self._engine.translator
        cached = self._recent.get(item.lane)
        user = update.effective_user if update is not None else None
        lang = cached[1].lang if cached is not None else None
        if lang is None and user is not None and user.language_code in translator.languages:
            lang = user.language_code
        lang = lang or translator.languages[0]

        def _(message: str) -> str:
            return translator.gettext(lang, message)

        text = _(
            "Sorry, something went wrong on my side with your message, and I could not "
            "answer it. Please try again later."
        )
        text += "\n\n" + help_lines(_, self._engine.content)
        return [Send(item.lane, chat.id, json.dumps({"text": text}).encode())]

    async def _handle(self, item: InboxItem, update: Update | None) -> None:
        if update is None:  # read back from the inbox after a restart
            data = json.loads(item.payload)
            if isinstance(data, dict) and "omarmt" in data:
                await self._internal(item, data)
                return
            update = Update.de_json(data, self._bot)
        chat = update.effective_chat if update is not None else None
        if self._desk is not None and chat is not None and self._desk.org_of_chat(chat.id):
            assert update is not None
            await self._staff_update(item, update)
            return
        incoming = to_event(update, self._is_crisis) if update is not None else None
        if incoming is None and update is not None and update.callback_query is not None:
            # A button in a group: not answered, but its spinner must stop.
            with contextlib.suppress(TelegramError):
                await self._bot.answer_callback_query(update.callback_query.id)
        if incoming is None or item.lane == "-":
            await self._done(item)
            return
        state = await self._load(item.lane)
        turn = self._engine.handle(state, incoming.event)
        now = self._clock()
        sends = _sends(item.lane, incoming.chat_id, turn)
        work: list[Callable[[Any], None]] = []
        if turn.effects and self._desk is not None:
            assert update is not None
            plan = self._desk.plan(
                item.lane, incoming.chat_id, turn.effects, update.message, int(now.timestamp())
            )
            sends += plan.sends
            work += plan.work
            if plan.refused_file:
                sends.append(self._no_files(item.lane, incoming.chat_id, turn.state or state))
        stored = await self._commit(item, state, turn, sends, work=work, now=now)
        # Decided before any further await: the sender may send this turn's question meanwhile.
        stale = self._answered(item.lane, stored, incoming.pressed_message)
        if incoming.callback_id is not None:
            await self._acknowledge(incoming)
        if item.lane in self._outgoing:
            # After this person's replies went: the answer first, the tidying after.
            self._stale_keyboards.setdefault(item.lane, []).extend(stale)
        else:
            for message in stale:
                await self._take_keyboard_off(message)

    def _no_files(self, lane: str, chat_id: int, state: SessionState | None) -> Send:
        """Files do not go to staff (their names and metadata could say who or where)."""
        lang = (state.lang if state is not None else None) or self._engine.translator.languages[0]
        text = self._engine.translator.gettext(
            lang, N_("I can't pass files on; send it as a photo or type it.")
        )
        return Send(lane, chat_id, json.dumps({"text": text}).encode())

    async def _done(self, item: InboxItem) -> None:
        """An update that needed no turn is finished."""
        await self._queues.done(item.id)
        self._finished.add(item.id)

    def _answered(
        self, lane: str, stored: Sequence[OutboxItem], pressed: int | None
    ) -> list[tuple[int, int]]:
        """The keyboards a turn makes stale: those of questions sent before its replies.

        The pressed message is left out (`_acknowledge` takes its keyboard off). A turn
        without replies to this person changes nothing.
        """
        ids = [sent.id for sent in stored if sent.lane == lane]
        if not ids:
            return []
        first = min(ids)
        self._answered_before[lane] = max(first, self._answered_before.get(lane, 0))
        keep, stale = [], []
        for chat_id, message_id, outbox_id in self._keyboards.pop(lane, []):
            if outbox_id >= first:
                keep.append((chat_id, message_id, outbox_id))
            elif message_id != pressed:
                stale.append((chat_id, message_id))
        if keep:
            self._keyboards[lane] = keep
        return stale

    async def _take_keyboard_off(self, message: tuple[int, int]) -> None:
        """Best effort: an old question's buttons go, so they cannot be pressed again."""
        with contextlib.suppress(TelegramError):
            await self._bot.edit_message_reply_markup(chat_id=message[0], message_id=message[1])

    async def _commit(
        self,
        item: InboxItem,
        state: SessionState | None,
        turn: Turn,
        sends: list[Send],
        *,
        work: Sequence[Callable[[Any], None]] = (),
        now: datetime,
    ) -> list[OutboxItem]:
        """Store the turn (state, sends, other writes, the inbox row's end), then send, count.

        Returns the sends as stored.
        """
        stored = await self._queues.commit_turn(
            item.id, item.lane, turn.state, now, sends, work=work
        )
        self._finished.add(item.id)
        self._remember(item.lane, turn.state)
        self._queue_sends(stored)
        counted = turn.state or state
        if turn.events and counted is not None:
            events = [event.with_channel(CHANNEL) for event in turn.events]
            await self._stats.record(counted.conversation, now.date(), events)
        return stored

    # --- handoffs: the staff side ------------------------------------------------------------

    async def _staff_update(self, item: InboxItem, update: Update) -> None:
        """Staff did something in a topic: the young person hears it, in their lane."""
        assert self._desk is not None
        action = await self._desk.understand(update)
        if update.callback_query is not None:
            with contextlib.suppress(TelegramError):
                await self._bot.answer_callback_query(update.callback_query.id)
        if action is None:
            await self._done(item)
            return
        state = await self._load(item.lane)
        turn = Turn(state, ())
        if action.what is not None:
            turn = self._engine.from_staff(state, action.what, action.text)
        sends = self._to_person(item.lane, action, turn)
        sends += self._desk.staff_sends(action)
        now = self._clock()
        work: list[Callable[[Any], None]] = []
        if action.card is not None:
            close_at = int(now.timestamp()) if action.close else None
            work.append(
                self._desk.handoffs.change_work(action.row.code, action.card, close_at=close_at)
            )
        await self._commit(item, state, turn, sends, work=work, now=now)

    def _to_person(self, lane: str, action: StaffAction, turn: Turn) -> list[Send]:
        """The young person's side of a staff action: the engine's words, a copied medium."""
        chat = action.row.chat_id
        payloads = [json.loads(p) for message in turn.messages for p in render(message)]
        relay = {
            "relay": action.row.code,
            "staff_msg": action.staff_msg,
            "reply_to": action.reply_to,
        }
        if action.what == "text" and payloads:
            payloads[-1].update(relay)
        if action.media is not None:
            caption = action.caption
            if caption and turn.state is not None:
                lang = turn.state.lang or self._engine.translator.languages[0]
                label = self._engine.translator.gettext(
                    lang, "Youth worker {organisation}: {text}"
                )
                org = self._engine.content.organisation(action.row.org)
                caption = label.format(organisation=org.name if org else "", text=caption)
            kind, file_id = action.media
            payloads.append(
                {"op": "media", "kind": kind, "file_id": file_id, "caption": caption, **relay}
            )
        return [Send(lane, chat, json.dumps(p).encode()) for p in payloads]

    async def _internal(self, item: InboxItem, data: dict[str, Any]) -> None:
        """A happening inside the bot for this person: their chat is gone, or a wait ran out.
        Only for the handoff it was about, if that is still open."""
        code = self._desk.open_code(item.lane) if self._desk is not None else None
        if self._desk is None or code is None or data.get("code") != code:
            await self._done(item)
            return
        state = await self._load(item.lane)
        kind = data.get("omarmt")
        now = self._clock()
        if kind == "gone":
            turn = self._engine.from_staff(state, "gone")
            plan = self._desk.plan(
                item.lane, 0, (CloseHandoff("gone"),), None, int(now.timestamp())
            )
            await self._commit(item, state, turn, plan.sends, work=plan.work, now=now)
        elif kind == "waited":
            turn = self._engine.from_staff(state, "waited")
            row = await self._desk.handoffs.get(code)
            sends = _sends(item.lane, row.chat_id, turn) if row is not None else []
            await self._commit(item, state, turn, sends, now=now)
        else:
            await self._done(item)

    async def _inject(self, lane: str, kind: str, code: str) -> None:
        """Queue an internal happening in a person's lane, durably, behind their messages."""
        payload = json.dumps({"omarmt": kind, "code": code}).encode()
        item = await self._queues.internal(lane, payload, time.time())
        if not self._stop.is_set():
            self._dispatch(item)

    async def _watch_handoffs(self, stop: asyncio.Event) -> None:
        """Tell a young person honestly when nobody claimed their handoff in time (counting
        opening hours only), and erase closed handoffs after their grace period."""
        assert self._desk is not None
        tick = max(0.5, min(30.0, self._handoff_wait.total_seconds() / 4))
        self._live.expect("the handoff watcher")
        while not stop.is_set():
            await self._pause(tick)
            if stop.is_set():
                break
            try:
                await self._watch_once()
            except Exception as exc:  # noqa: BLE001 - the watcher goes on; next tick tries again
                self._live.failed("the handoff watcher", exc, then="trying again next tick")
                continue
            self._live.ok("the handoff watcher")
        self._live.done("the handoff watcher")

    async def _watch_once(self) -> None:
        """One look at the handoffs: erase expired ones, tell whoever waited too long."""
        assert self._desk is not None
        now = self._clock()
        rows = await self._desk.handoffs.all_known()
        cutoff = int((now - GRACE).timestamp())
        expired = [r.code for r in rows if r.closed_at is not None and r.closed_at < cutoff]
        if expired:
            await self._desk.handoffs.purge_closed(cutoff)
            for code in expired:
                self._desk.forget(code)
        for row in rows:
            if row.closed_at is not None:
                continue
            if row.waited or row.card.claimed_by is not None:
                continue
            org = self._engine.content.organisation(row.org)
            hours = org.opening_hours if org is not None else None
            opened = datetime.fromtimestamp(row.opened_at, UTC)
            start = next_opening(hours, opened) if hours is not None else opened
            if start is None or now < start + self._handoff_wait:
                continue
            if hours is not None and not is_open(hours, now):
                continue
            await self._desk.handoffs.mark_waited(row.code)
            await self._inject(row.lane, "waited", row.code)

    async def _load(self, lane: str) -> SessionState | None:
        """The person's state: from memory when their last turn was lately, else stored.

        Valid because this process is the database's only writer: what its last turn committed
        is what is stored. Kept a few minutes only, so retention never reaches a cached state.
        """
        entry = self._recent.get(lane)
        if entry is not None and time.monotonic() - entry[0] <= RECENT_SECONDS:
            return entry[1]
        return await self._sessions.load(lane)

    def _remember(self, lane: str, state: SessionState | None) -> None:
        """Keep the state a turn just committed (and forget an erased one)."""
        if state is None:
            self._recent.pop(lane, None)
            return
        self._recent[lane] = (time.monotonic(), state)
        self._recent.move_to_end(lane)
        while len(self._recent) > RECENT_MAX:
            self._recent.popitem(last=False)

    def _forget_stale(self) -> None:
        """Drop states older than `RECENT_SECONDS` (least recent first), freeing their memory."""
        cutoff = time.monotonic() - RECENT_SECONDS
        while self._recent:
            lane, (at, _) = next(iter(self._recent.items()))
            if at > cutoff:
                break
            del self._recent[lane]

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

    def _queue_sends(self, items: Sequence[OutboxItem]) -> None:
        """Line committed replies up per person, starting a sender for whoever has none.

        The sender works from memory, not by polling the outbox: every row there was either
        read at start (`_read_backlog`) or handed here by the turn that wrote it.
        """
        if self._stop.is_set():
            return  # they are in the outbox; the next run sends them
        for item in items:
            queue = self._outgoing.get(item.lane)
            if queue is not None:
                queue.append(item)
            else:
                self._outgoing[item.lane] = deque([item])
                self._spawn(self._sender(item.lane), self._send_tasks)

    async def _sender(self, lane: str) -> None:
        """One person's messages, one at a time and in order, until none wait.

        The next goes once the one before is sent; its row's delete commits meanwhile, so a
        crash resends at most the few just sent (twice, never lost). Nobody waits for someone
        else's send.
        """
        queue = self._outgoing[lane]
        failures = 0
        try:
            while not self._stop.is_set():
                try:
                    if not await self._send_next(lane, queue):
                        break
                except Exception as exc:  # noqa: BLE001 - the sender must go on: it holds the queue
                    failures += 1
                    backoff = _backoff(failures)
                    self._live.failed("sending", exc, then=f"trying again in {backoff:.1f} s")
                    await self._pause(backoff)
                    continue
                if failures:
                    failures = 0
                    self._live.ok("sending")
        finally:
            del self._outgoing[lane]
            # Nothing older is waiting to go now; later turns have higher outbox ids.
            self._answered_before.pop(lane, None)

    async def _send_next(self, lane: str, queue: deque[OutboxItem]) -> bool:
        """One step of a sender: send, wait or tidy. False: nothing is left to do."""
        if not queue:
            stale = self._stale_keyboards.pop(lane, None)
            if not stale:
                return False
            for message in stale:
                await self._take_keyboard_off(message)
            return True
        item = queue[0]
        now = time.time()
        # A 429 holds back every sender, not just the one it answered.
        wait = max(item.not_before, self._paused_until) - now
        if self._staff_sender is not None and lane.startswith(STAFF_LANE):
            wait = max(wait, self._staff_sender.wait(item, now))
        if wait > 0:
            await self._pause(wait)
            return True
        retry = await self._send(item, queue)
        if queue and queue[0] is item:  # not dropped (blocked) meanwhile
            if retry is not None:
                queue[0] = retry
            else:
                queue.popleft()
        return True

    def _flood_wait(self, exc: RetryAfter) -> float:
        """Telegram asked to wait: all sending pauses that long."""
        seconds = _seconds(exc.retry_after)
        self._paused_until = max(self._paused_until, time.time() + seconds)
        log.warning("Telegram asked to slow down; all sending waits %.0f s", seconds)
        return seconds

    async def _pause(self, seconds: float) -> None:
        """Sleep, but wake when the channel stops."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stop.wait(), timeout=seconds)

    async def _send(self, item: OutboxItem, queue: deque[OutboxItem]) -> OutboxItem | None:
        """Send one message; the item to try again later, or None when it is done with."""
        if self._staff_sender is not None and item.lane.startswith(STAFF_LANE):
            return await self._send_staff(item, queue)
        payload = json.loads(item.payload)
        buttons = payload.get("buttons", [])
        reply_to = payload.get("reply_to")
        reply = ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None
        try:
            if payload.get("op") == "media":
                sent = await send_media(
                    self._bot, item.chat_id, payload["kind"], payload["file_id"],
                    payload.get("caption", ""), reply_to=reply_to,
                )  # fmt: skip
            else:
                sent = await self._bot.send_message(
                    chat_id=item.chat_id,
                    text=payload["text"],
                    reply_markup=to_markup(buttons),
                    disable_web_page_preview=True,
                    reply_parameters=reply,
                )
        except RetryAfter as exc:
            return await self._later(item, self._flood_wait(exc))
        except Forbidden:
            # Blocked by the user: nothing waiting for them can arrive; no retry storm.
            dropped = [waiting.id for waiting in queue]
            queue.clear()
            await self._queues.discard(dropped)
            log.info("a person blocked the bot; their waiting messages were dropped")
            if self._desk is not None and (code := self._desk.open_code(item.lane)):
                await self._inject(item.lane, "gone", code)
        except BadRequest as exc:
            log.error("Telegram refused a message (%s); it is dropped", type(exc).__name__)
            await self._queues.sent(item.id)
        except (NetworkError, TelegramError) as exc:
            if item.attempts + 1 < MAX_ATTEMPTS:
                backoff = min(60.0, 0.5 * 2**item.attempts)
                log.warning("sending failed (%s); retry in %.1fs", type(exc).__name__, backoff)
                return await self._later(item, backoff)
            log.error("a message could not be sent after %d tries", MAX_ATTEMPTS)
            await self._queues.sent(item.id)
        else:
            await self._after_sent(item, payload, sent.message_id)
        return None

    async def _after_sent(self, item: OutboxItem, payload: dict[str, Any], message: int) -> None:
        """Bookkeeping for a sent message; whatever fails here, it is not sent again."""
        # The row's delete is not waited for: the person's next message goes meanwhile.
        self._spawn(self._forget_sent(item.id), self._send_tasks)
        if any("data" in button for button in payload.get("buttons", [])):
            self._sent_keyboard(item, message)
        staff_msg = payload.get("staff_msg")
        if self._desk is not None and payload.get("relay") and isinstance(staff_msg, int):
            try:
                await self._desk.handoffs.relayed(payload["relay"], [(staff_msg, message)])
            except Exception as exc:  # noqa: BLE001 - sent is sent: never send it again
                self._live.failed("noting a relayed message", exc, then="going on")

    def _sent_keyboard(self, item: OutboxItem, message_id: int) -> None:
        """Remember a question sent with answer buttons, or mark them stale at once when a
        newer turn already answered it (its buttons then go after the replies)."""
        if item.id < self._answered_before.get(item.lane, 0):
            self._stale_keyboards.setdefault(item.lane, []).append((item.chat_id, message_id))
        else:
            keyboards = self._keyboards.setdefault(item.lane, [])
            keyboards.append((item.chat_id, message_id, item.id))

    async def _forget_sent(self, outbox_id: int) -> None:
        """Delete a sent message's row. Deletes commit in the order asked for, so a crash
        leaves at most the last few sent rows, which go again after a restart: a message
        twice, never none."""
        try:
            await self._queues.sent(outbox_id)
        except Exception as exc:  # noqa: BLE001 - a send is not undone by a failed delete
            log.warning("a sent message's row stays (%s); it may go twice", type(exc).__name__)

    async def _send_staff(self, item: OutboxItem, queue: deque[OutboxItem]) -> OutboxItem | None:
        """One operation in a staff group. Never given up on: a message lost there is a young
        person unheard. Texts merged into it are done with it."""
        assert self._staff_sender is not None
        try:
            merged = await self._staff_sender.perform(item, queue, time.time())
        except RetryAfter as exc:
            return await self._later(item, self._flood_wait(exc))
        except (BadRequest, Forbidden) as exc:
            # The group refuses (rights taken away, not a forum): tried again, then parked,
            # never dropped: nobody would ever see what the young person wrote.
            if item.attempts + 1 < STAFF_TRIES:
                backoff = _backoff(item.attempts + 1, cap=60.0)
                log.warning(
                    "a staff group refused an operation (%s); retry in %.1f s",
                    type(exc).__name__,
                    backoff,
                )
                return await self._later(item, backoff)
            log.error(
                "a staff group refused an operation %d times (%s); it is parked in the outbox "
                "and tried again at the next start",
                STAFF_TRIES,
                type(exc).__name__,
            )
            await self._queues.park_send(item.id, time.time())
        except TelegramError as exc:  # network trouble
            backoff = min(60.0, 0.5 * 2 ** min(item.attempts, 7))
            log.warning(
                "staff group send failed (%s); retry in %.1fs", type(exc).__name__, backoff
            )
            return await self._later(item, backoff)
        else:
            for _ in merged:
                del queue[1]  # merged texts sit right behind the item
            await self._queues.discard([item.id, *merged])
        return None

    async def _later(self, item: OutboxItem, seconds: float) -> OutboxItem:
        """Note the failed try in the outbox (it survives a restart) and in memory."""
        not_before = time.time() + seconds
        await self._queues.later(item.id, not_before)
        return replace(item, attempts=item.attempts + 1, not_before=not_before)

    # --- housekeeping ------------------------------------------------------------------------

    async def _housekeeping(self, stop: asyncio.Event) -> None:
        """Flush counts now and then; apply retention and forget old update ids daily."""
        last_daily = 0.0
        self._live.expect("housekeeping")
        while not stop.is_set():
            await self._pause(self._housekeeping_every)
            if stop.is_set():
                break
            try:
                await self._stats.flush()
                self._forget_stale()
                if time.time() - last_daily > 86_400:
                    await self._daily_retention()
                    last_daily = time.time()
            except Exception as exc:  # noqa: BLE001 - housekeeping goes on; next round tries again
                self._live.failed("housekeeping", exc, then="trying again next round")
                continue
            self._live.ok("housekeeping")
        self._live.done("housekeeping")

    async def _daily_retention(self) -> None:
        before = datetime.now(UTC) - self._retention
        if self._desk is not None:  # before the sessions that tell quiet ones apart
            codes, orgs = await self._desk.handoffs.erase_quiet(int(before.timestamp()))
            for code in codes:
                self._desk.forget(code)
            self._queue_sends(await self._queues.enqueue(self._desk.erase_sends(orgs)))
        erased = await self._sessions.purge_inactive(before)
        await self._queues.forget_seen(time.time() - 86_400)
        parked = await self._queues.purge_parked(before.timestamp())
        for job in self._daily:
            await job()
        if erased:
            log.info("retention: erased %d inactive conversation(s)", erased)
        if parked:
            log.info("retention: erased %d parked update(s) and send(s)", parked)


def _freeze_startup_objects() -> None:
    """Take what exists after start-up out of the garbage collector's sight.

    The engine's flows and content and the libraries live as long as the process; a full
    collection walked all of them, pausing every conversation for up to 100 ms (the p99 of
    a turn). Frozen, a full collection walks only what was made since.
    """
    gc.collect()
    gc.freeze()


def _sends(lane: str, chat_id: int, turn: Turn) -> list[Send]:
    """A turn's replies as outbox rows for one chat."""
    return [
        Send(lane, chat_id, payload) for message in turn.messages for payload in render(message)
    ]


def _seconds(value: float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
