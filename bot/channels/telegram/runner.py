"""Omarmt on Telegram: our own getUpdates loop, and the Telegram side of the pipeline.

Why not python-telegram-bot's Updater: it confirms an update to Telegram (the next getUpdates
asks past it) before any handler ran, so a crash loses it. Here each batch is written to the
inbox first; only then does the next getUpdates confirm it. Everything after the inbox is the
channel-neutral pipeline (`bot.channels.pipeline`); this module reads updates into turns,
sends rows as Telegram messages, and keeps answer buttons from being pressed twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from telegram import BotCommand, BotCommandScopeDefault, ReplyParameters, Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ExtBot

from bot.channels.pipeline.channel import (
    Arrival,
    Blocked,
    Channel,
    Dropped,
    Failed,
    Later,
    Notice,
    Outcome,
    Parked,
    PersonTurn,
    Reading,
    Sent,
    StaffTurn,
)
from bot.channels.pipeline.core import GRACE, TURN_TRIES, Pipeline, StuckError
from bot.channels.pipeline.liveness import BEAT_EVERY, Liveness
from bot.channels.pipeline.outbox import MAX_ATTEMPTS, backoff
from bot.channels.telegram.convert import sender_id, to_event, to_markup
from bot.channels.telegram.staff import STAFF_LANE, Desk
from bot.channels.telegram.staff_send import StaffSender, send_media
from bot.engine import Command, Engine, Inbound, Media, Text
from bot.engine.commands import MENU
from bot.engine.texts import help_lines
from bot.service import Pseudonymize
from bot.storage import SessionStore
from bot.storage.buffered import BufferedStats
from bot.storage.lanes import LaneLeases
from bot.storage.queues import Address, InboxItem, OutboxItem, Queues

__all__ = [
    "ALLOWED_UPDATES",
    "GRACE",
    "MAX_ATTEMPTS",
    "TURN_TRIES",
    "StuckError",
    "TelegramAdapter",
    "TelegramChannel",
    "commands_for",
]

log = logging.getLogger(__name__)

CHANNEL = "telegram"
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
POLL_TIMEOUT = 25
#: After this many refusals a staff-group operation is parked (kept, tried again at start).
STAFF_TRIES = 12
#: Lanes of other channels start with a prefix and a colon ("wa:"); Telegram's are bare.
FOREIGN = ("wa:",)


def _backoff(failures: int, cap: float = 30.0) -> float:
    """Seconds before the next try after `failures` failures in a row: 0.5, 1, 2, ... `cap`."""
    return backoff(failures, cap)


def commands_for(lang: str, gettext: Callable[[str, str], str]) -> list[BotCommand]:
    """The command menu in one language, with the names the texts in that language use."""
    return [BotCommand(spec.name(lang), gettext(lang, spec.menu)) for spec in MENU]


class TelegramAdapter:
    """Telegram as a channel of the pipeline; also the staff groups' sender."""

    name = CHANNEL

    def __init__(
        self,
        bot: ExtBot[Any],
        *,
        engine: Engine,
        pseudonymize: Pseudonymize,
        is_crisis: Callable[[str], bool],
        desk: Desk | None,
        poll: bool = True,
    ) -> None:
        self._bot = bot
        self._engine = engine
        self._pseudonymize = pseudonymize
        self._is_crisis = is_crisis
        self._desk = desk
        self.poll = poll
        #: False: Telegram runs for the staff groups only (`omarmt run --channel whatsapp`).
        self.people = True
        self.pipeline: Pipeline | None = None
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

    def owns(self, lane: str) -> bool:
        """Telegram sends to its own people and to the staff groups."""
        return not lane.startswith(FOREIGN)

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

    def loops(self, stop: asyncio.Event) -> list[Coroutine[Any, Any, None]]:
        """Long polling, unless a webhook feeds `intake`: only the leading replica polls."""
        return [self._poll_loop(stop)] if self.poll else []

    def listeners(self, stop: asyncio.Event) -> list[Coroutine[Any, Any, None]]:
        """None of its own: the webhook server (`bot.channels.telegram.webhook`) is started
        by whoever runs the pipeline."""
        return []

    # --- intake ------------------------------------------------------------------------------

    async def _poll_loop(self, stop: asyncio.Event) -> None:
        """getUpdates, into the inbox, again. Any failure (Telegram, the network, the
        database) is logged and tried again after a pause: the same batch comes again,
        because only a stored batch is confirmed."""
        assert self.pipeline is not None
        live = self.pipeline.liveness
        await self._bot.delete_webhook(drop_pending_updates=False)
        offset: int | None = None
        failures = 0
        live.expect("polling")
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
                await _pause(stop, _seconds(exc.retry_after))
                continue
            except Exception as exc:  # noqa: BLE001 - polling must go on whatever failed
                failures += 1
                pause = _backoff(failures)
                live.failed("polling", exc, then=f"trying again in {pause:.1f} s")
                await _pause(stop, pause)
                continue
            failures = 0
            live.ok("polling")
        live.done("polling")

    async def intake(
        self, raw_updates: list[dict[str, object]], parsed: Sequence[Update] = ()
    ) -> None:
        """Write raw updates to the inbox (deduplicated on update_id), then hand them on.

        `parsed`, the same updates as `Update`s (from getUpdates), spares parsing them again.
        """
        assert self.pipeline is not None
        known = {update.update_id: update for update in parsed}
        arrivals = []
        for raw in raw_updates:
            update_id = raw.get("update_id")
            if not isinstance(update_id, int):
                continue
            lane = self._desk.lane_for(raw) if self._desk is not None else None
            if lane == "-" and self._desk is not None and not self.pipeline.leading:
                # Standing by, this replica's desk knows only what it read: the leader may
                # have opened the handoff since. Read the handoffs again (staff, rarely).
                await self._desk.load()
                lane = self._desk.lane_for(raw)
            if lane is None:
                user = sender_id(raw)
                lane = self._pseudonymize(CHANNEL, user) if user is not None else "-"
            arrivals.append(
                Arrival(update_id, lane, json.dumps(raw).encode(), known.get(update_id))
            )
        await self.pipeline.receive(arrivals)

    # --- reading -----------------------------------------------------------------------------

    def reads(self, item: InboxItem, parsed: object | None) -> bool:
        """Telegram's rows are its updates, as Telegram sent them: whatever another channel
        does not claim first (the pipeline asks Telegram last)."""
        return parsed is None or isinstance(parsed, Update)

    def _update(self, item: InboxItem, parsed: object | None) -> Update | None:
        if isinstance(parsed, Update):
            return parsed
        return Update.de_json(json.loads(item.payload), self._bot)

    async def read(self, item: InboxItem, parsed: object | None) -> Reading:
        """A young person's message, a youth worker's action, or nothing to do."""
        update = self._update(item, parsed)
        if update is None:
            return None
        chat = update.effective_chat
        if self._desk is not None and chat is not None and self._desk.org_of_chat(chat.id):
            if self.pipeline is not None:
                self.pipeline.leader_only()  # the desk's state is the leading replica's
            action = await self._desk.understand(update)
            if update.callback_query is not None:
                with contextlib.suppress(TelegramError):
                    await self._bot.answer_callback_query(update.callback_query.id)
            return StaffTurn(action) if action is not None else None
        incoming = to_event(update, self._is_crisis)
        if incoming is not None and not self.people and not self._crisis(incoming.event):
            # Telegram runs for youth workers only: a private message gets no check, but it is
            # never left unanswered either: a crisis sign gets the crisis reply (below),
            # anything else where real people listen now.
            if update.callback_query is not None:
                with contextlib.suppress(TelegramError):
                    await self._bot.answer_callback_query(update.callback_query.id)
            return Notice(incoming.chat_id, self._elsewhere(incoming.event.lang_hint))
        if incoming is None and update.callback_query is not None:
            # A button in a group: not answered, but its spinner must stop.
            with contextlib.suppress(TelegramError):
                await self._bot.answer_callback_query(update.callback_query.id)
        if incoming is None:
            return None
        return PersonTurn(incoming.event, incoming.chat_id, update.message, incoming)

    def _elsewhere(self, hint: str | None) -> str:
        """Omarmt is not on Telegram for young people now: the help lines instead."""
        translator = self._engine.translator
        lang = hint if hint in translator.languages else translator.languages[0]

        def _(message: str) -> str:
            return translator.gettext(lang, message)

        text = _(
            "Omarmt is not on Telegram at the moment. Do you want to talk to someone now? "
            "Real people listen at these lines:"
        )
        return f"{text}\n\n{help_lines(_, self._engine.content)}"

    def _crisis(self, event: Inbound) -> bool:
        """Whether the text an event carries shows a crisis sign."""
        if isinstance(event, Text):
            said = event.text
        elif isinstance(event, Command):
            said = event.arg
        elif isinstance(event, Media):
            said = event.caption
        else:
            return False
        return bool(said) and self._is_crisis(said)

    def apology_to(self, item: InboxItem, parsed: object | None) -> tuple[Address, str | None]:
        """The private chat of an update that keeps failing, and its sender's language."""
        update = self._update(item, parsed)
        chat = update.effective_chat if update is not None else None
        if update is None or chat is None or chat.type != "private":
            raise ValueError("not a private chat")
        user = update.effective_user
        return chat.id, user.language_code if user is not None else None

    async def after_turn(
        self, turn: PersonTurn, lane: str, stored: Sequence[OutboxItem], *, sending: bool
    ) -> None:
        """Stop a pressed button's spinner, take the buttons off that the turn answered."""
        incoming = turn.receipt
        pressed = getattr(incoming, "pressed_message", None)
        # Decided before any further await: the sender may send this turn's question meanwhile.
        stale = self._answered(lane, stored, pressed)
        callback_id = getattr(incoming, "callback_id", None)
        if callback_id is not None:
            with contextlib.suppress(TelegramError):
                await self._bot.answer_callback_query(callback_id)
            if pressed is not None:
                with contextlib.suppress(TelegramError):
                    await self._bot.edit_message_reply_markup(
                        chat_id=turn.chat, message_id=pressed
                    )
        if sending:
            # After this person's replies went: the answer first, the tidying after.
            self._stale_keyboards.setdefault(lane, []).extend(stale)
        else:
            for message in stale:
                await self._take_keyboard_off(message)

    def _answered(
        self, lane: str, stored: Sequence[OutboxItem], pressed: int | None
    ) -> list[tuple[int, int]]:
        """The keyboards a turn makes stale: those of questions sent before its replies.

        The pressed message is left out (`after_turn` takes its keyboard off). A turn
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

    # --- sending -----------------------------------------------------------------------------

    def wait(self, item: OutboxItem, now: float) -> float:
        """A staff group's own pace; a person's chat needs none."""
        if self._staff_sender is not None and item.lane.startswith(STAFF_LANE):
            return self._staff_sender.wait(item, now)
        return 0.0

    async def drain(self, lane: str) -> bool:
        """The replies went: now take off the buttons they made stale."""
        stale = self._stale_keyboards.pop(lane, None)
        if not stale:
            return False
        for message in stale:
            await self._take_keyboard_off(message)
        return True

    def sender_idle(self, lane: str) -> None:
        """Nothing older is waiting to go now; later turns have higher outbox ids."""
        self._answered_before.pop(lane, None)

    async def send(self, item: OutboxItem, queue: deque[OutboxItem]) -> Outcome:
        """Send one message to a person, or one operation in a staff group."""
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
            return Later(_seconds(exc.retry_after), everyone=True)
        except Forbidden:
            return Blocked()
        except BadRequest as exc:
            return Dropped(type(exc).__name__)
        except (NetworkError, TelegramError) as exc:
            return Failed(type(exc).__name__)
        return Sent(sent.message_id)

    def after_send(self, item: OutboxItem, payload: dict[str, Any], ref: int | str | None) -> None:
        """Remember a question sent with answer buttons, or mark them stale at once when a
        newer turn already answered it (its buttons then go after the replies)."""
        if not isinstance(ref, int) or not isinstance(item.chat_id, int):
            return
        if not any("data" in button for button in payload.get("buttons", [])):
            return
        if item.id < self._answered_before.get(item.lane, 0):
            self._stale_keyboards.setdefault(item.lane, []).append((item.chat_id, ref))
        else:
            keyboards = self._keyboards.setdefault(item.lane, [])
            keyboards.append((item.chat_id, ref, item.id))

    async def _send_staff(self, item: OutboxItem, queue: deque[OutboxItem]) -> Outcome:
        """One operation in a staff group. Never given up on: a message lost there is a young
        person unheard. Texts merged into it are done with it."""
        assert self._staff_sender is not None
        try:
            merged = await self._staff_sender.perform(item, queue, time.time())
        except RetryAfter as exc:
            return Later(_seconds(exc.retry_after), everyone=True)
        except (BadRequest, Forbidden) as exc:
            # The group refuses (rights taken away, not a forum): tried again, then parked,
            # never dropped: nobody would ever see what the young person wrote.
            if item.attempts + 1 < STAFF_TRIES:
                pause = _backoff(item.attempts + 1, cap=60.0)
                log.warning(
                    "a staff group refused an operation (%s); retry in %.1f s",
                    type(exc).__name__,
                    pause,
                )
                return Later(pause)
            log.error(
                "a staff group refused an operation %d times (%s); it is parked in the outbox "
                "and tried again at the next start",
                STAFF_TRIES,
                type(exc).__name__,
            )
            return Parked()
        except TelegramError as exc:  # network trouble
            pause = min(60.0, 0.5 * 2 ** min(item.attempts, 7))
            log.warning("staff group send failed (%s); retry in %.1fs", type(exc).__name__, pause)
            return Later(pause)
        return Sent(None, merged)


class TelegramChannel(Pipeline):
    """The pipeline with Telegram as its channel (and any others given in `others`)."""

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
        lanes: LaneLeases | None = None,
        others: Sequence[Channel] = (),
    ) -> None:
        self.telegram = TelegramAdapter(
            bot, engine=engine, pseudonymize=pseudonymize, is_crisis=is_crisis, desk=desk
        )
        super().__init__(
            (*others, self.telegram),
            engine=engine,
            sessions=sessions,
            queues=queues,
            stats=stats,
            retention_days=retention_days,
            daily=daily,
            desk=desk,
            clock=clock,
            handoff_wait=handoff_wait,
            liveness=liveness,
            housekeeping_every=housekeeping_every,
            beat_every=beat_every,
            lanes=lanes,
        )
        self.telegram.pipeline = self
        self.liveness.expect_errors(TelegramError)

    @property
    def bot(self) -> ExtBot[Any]:
        """The Telegram client this channel sends with."""
        return self.telegram.bot

    async def run(
        self,
        stop: asyncio.Event,
        *,
        poll: bool = True,
        ready: Callable[[], Awaitable[object]] | None = None,
        lead: Callable[[], Awaitable[bool]] | None = None,
        listen: Callable[[], Awaitable[object]] | None = None,
    ) -> None:
        """Poll (unless webhooks feed `intake`), handle, send, keep house, until `stop`."""
        self.telegram.poll = poll
        await super().run(stop, ready=ready, lead=lead, listen=listen)

    async def intake(
        self, raw_updates: list[dict[str, object]], parsed: Sequence[Update] = ()
    ) -> None:
        """Raw Telegram updates into the inbox (the webhook calls this)."""
        await self.telegram.intake(raw_updates, parsed)


async def _pause(stop: asyncio.Event, seconds: float) -> None:
    """Sleep, but wake when stopping."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)


def _seconds(value: float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
