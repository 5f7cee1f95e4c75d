"""The durable walk of a message, the same for every channel: inbox, lane, turn, outbox.

1. A channel stores what it received in the sealed inbox (`intake`), deduplicated, before it
   confirms receipt to its service (Telegram's next getUpdates, WhatsApp's 200).
2. Each person's rows run in their own lane, strictly in order; other people's run meanwhile.
3. The channel reads a row into a turn; the engine decides; the new state, the replies and the
   handoff's writes commit in one transaction with the inbox row's end.
4. Senders (`bot.channels.pipeline.outbox`) send the committed rows, through the channel the
   lane belongs to: a youth worker's reply reaches a young person on WhatsApp as on Telegram.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import logging
import math
import random
import time
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot.channels.pipeline.channel import (
    Arrival,
    Channel,
    Notice,
    PersonTurn,
    Reading,
    StaffTurn,
)
from bot.channels.pipeline.liveness import BEAT_EVERY, Liveness
from bot.channels.pipeline.outbox import Outbox, backoff
from bot.channels.pipeline.render import neutral, sends_for
from bot.engine import Engine, SessionState
from bot.engine.hours import is_open, next_opening
from bot.engine.model import CloseHandoff, Turn
from bot.engine.texts import help_lines
from bot.service import RECENT_MAX, RECENT_SECONDS
from bot.storage import SessionStore
from bot.storage.base import LeaseLostError, is_storage_error
from bot.storage.buffered import BufferedStats
from bot.storage.queues import InboxItem, OutboxItem, Queues, Send

if TYPE_CHECKING:
    from bot.channels.telegram.staff import Desk, StaffAction
    from bot.storage.lanes import LaneLeases

__all__ = ["GRACE", "TURN_TRIES", "HandToLeaderError", "Pipeline", "StuckError"]

log = logging.getLogger(__name__)

#: How long a closed handoff stays, so a late staff reply gets a note instead of nothing.
GRACE = timedelta(hours=1)
#: How a row of the bot's own begins (`Pipeline.inject` writes ``{"omarmt": kind, ...}``).
INTERNAL = b'{"omarmt": '
#: After this many failures (other than the database's) a turn is parked and the person told.
TURN_TRIES = 5
#: Seconds between looks at a shared database's inbox when no replica announced new rows
#: (a look follows every announcement at once).
FOLLOW_EVERY = 0.5
#: Seconds a finished row is remembered, so a look at the inbox that began before its end
#: does not hand it on again.
FINISHED_LATELY = 60.0
#: Replicas: seconds a lane with nothing to do stays with its replica (its state stays in
#: memory meanwhile) before it is given up for any replica to take.
LINGER = 30.0
#: Replicas: seconds between looks for lanes to claim when no row of a lane unknown here
#: waits (a replica gone: its lanes run out; sends left without rows).
CLAIM_LOOK = 1.0
#: Replicas: a look claims half of the free lanes it sees, or this many if more; the next
#: look follows at once.
CLAIM_BATCH = 4
#: Replicas: seconds a lane seen held by another replica is taken to be still its own, so
#: news of it wakes nobody else (a lane that runs out is found by the looks in any case).
ELSEWHERE = 10.0


class HandToLeaderError(Exception):
    """A replica that does not lead met a turn that is the leader's (a handoff's): the lane
    goes to the leader, the turn not committed (the engine is pure: nothing happened yet)."""


class StuckError(RuntimeError):
    """A loop made no progress for too long: the process should end, and be started again."""

    def __init__(self, loop: str) -> None:
        super().__init__(f"{loop} made no progress; stopped so that a supervisor restarts omarmt")
        self.loop = loop


def N_(message: str) -> str:  # noqa: N802 - gettext's marker for "translate later"
    """Marks a text for the catalogs; it is translated where it is shown."""
    return message


class Pipeline:
    """One database, the channels of this process. `run` returns when `stop` is set, with
    nothing in flight lost."""

    def __init__(
        self,
        channels: Sequence[Channel],
        *,
        engine: Engine,
        sessions: SessionStore,
        queues: Queues,
        stats: BufferedStats,
        retention_days: int = 30,
        daily: Sequence[Callable[[], Awaitable[object]]] = (),
        desk: Desk | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        handoff_wait: timedelta = timedelta(minutes=10),
        liveness: Liveness | None = None,
        housekeeping_every: float = 30.0,
        beat_every: float = BEAT_EVERY,
        lanes: LaneLeases | None = None,
        follow_every: float = FOLLOW_EVERY,
        linger: float = LINGER,
    ) -> None:
        #: Asked in this order which one reads a row: Telegram, which reads any update, last.
        self.channels = tuple(channels)
        self._engine = engine
        self._sessions = sessions
        self._queues = queues
        self._stats = stats
        self._retention = timedelta(days=retention_days)
        self._daily = tuple(daily)
        self._stop = asyncio.Event()
        #: Per person, the rows handed on and not yet handled; a worker runs while present.
        self._lanes: dict[str, deque[tuple[InboxItem, object | None]]] = {}
        self._lane_tasks: set[asyncio.Task[None]] = set()
        self._send_tasks: set[asyncio.Task[None]] = set()
        #: The state each person's last turn committed (see `_load`), least recent first.
        self._recent: OrderedDict[str, tuple[float, SessionState]] = OrderedDict()
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
        #: Inbox ids whose turn is stored: a failure after that is not a reason to redo it.
        self._finished: set[int] = set()
        self._parked = 0
        #: A database other replicas write to as well (PostgreSQL): every replica takes in,
        #: and handles the lanes it holds (`LaneLeases`); their rows reach the lanes through
        #: `_follow_inbox`, in inbox order, the intake of this replica's own too.
        self._leases = lanes
        self._shared = lanes is not None
        self._follow_every = follow_every
        self._linger = linger
        #: The lanes this replica holds, each with the number of its claim, and when each
        #: last had something to do (monotonic).
        self._held: dict[str, int] = {}
        self._claims = 0
        self._touched: dict[str, float] = {}
        #: Lanes seen held by another replica, and when (monotonic): their rows are that
        #: replica's, so a look does not ask for them again until `CLAIM_LOOK` has passed.
        self._elsewhere: dict[str, float] = {}
        self._next_claim_look = 0.0
        #: Claims, renewals and releases of lanes take turns (see `_keep_lanes`).
        self._lane_lock = asyncio.Lock()
        #: Turns this process committed (the log says at the end how the work was shared).
        self.turns = 0
        #: On a shared database: rows handed to a lane and not finished, rows finished lately
        #: (a look at the inbox may still have seen them), and rows that do not open.
        self._inflight: set[int] = set()
        self._finished_lately: OrderedDict[int, float] = OrderedDict()
        self._unreadable: set[int] = set()
        self._listening: list[asyncio.Task[None]] = []
        #: Whether this process leads: polls, runs the staff desk and its watcher, applies
        #: retention (False: not started, or another replica leads; on a shared database every
        #: replica handles and sends its lanes' work either way).
        self.leading = False
        self.outbox = Outbox(
            queues,
            self.channels,
            self._live,
            pause=self._pause,
            # Not `self._stop.is_set`: `run` puts the caller's event in `_stop`, and a bound
            # method of the first one never saw the stop (a waiting sender spun for ever).
            stopping=self.stopping,
            spawn=lambda work: self._spawn(work, self._send_tasks),
            on_blocked=self._blocked,
            on_relayed=self._relayed,
        )

    @property
    def liveness(self) -> Liveness:
        """The progress of the loops (webhooks report their intake here)."""
        return self._live

    @property
    def engine(self) -> Engine:
        """The conversation engine every channel's turns go through."""
        return self._engine

    @property
    def desk(self) -> Desk | None:
        """The staff side of handoffs, if staff chats are configured."""
        return self._desk

    def stopping(self) -> bool:
        """Whether the pipeline is stopping (`receive` then leaves new rows in the inbox)."""
        return self._stop.is_set()

    def recent_lang(self, lane: str) -> str | None:
        """The language of a person's recent conversation, if known here."""
        cached = self._recent.get(lane)
        return cached[1].lang if cached is not None else None

    # --- lifecycle ---------------------------------------------------------------------------

    async def run(
        self,
        stop: asyncio.Event,
        *,
        ready: Callable[[], Awaitable[object]] | None = None,
        lead: Callable[[], Awaitable[bool]] | None = None,
        listen: Callable[[], Awaitable[object]] | None = None,
    ) -> None:
        """Receive, handle, send, keep house, until `stop`.

        `ready` is called once everything that handles updates is loaded (Telegram's webhook
        mode sets its webhook there). Raises `StuckError` after stopping when a loop got stuck.

        `lead` (a shared database): wait until this replica may handle and send, meanwhile
        taking in what arrives (the channels' `listeners`, and `listen`, Telegram's webhook
        server); False: stopped while standing by.
        """
        self._stop = stop
        self._live.beat()
        tasks: list[asyncio.Task[None]] = []
        try:
            if lead is not None:
                self._listen(stop)
                if listen is not None:
                    await listen()
                if self._shared:
                    # Every replica handles the lanes it holds, leading or not.
                    _freeze_startup_objects()
                    tasks = self._start(self._worker_loops(stop))
                if not await lead():
                    return
            tasks += await self._start_leading(stop, ready, workers=not tasks)
            await stop.wait()
        finally:
            await self._wind_down(tasks)
            for task in self._listening:
                task.cancel()
            for task in self._listening:
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        if self.stuck is not None:
            raise StuckError(self.stuck)

    def _worker_loops(self, stop: asyncio.Event) -> list[Coroutine[Any, Any, None]]:
        """What every process runs: counts and memory kept, the watchdog; on a shared
        database also the inbox followed and the lanes kept."""
        work = [self._housekeeping(stop), self._watchdog(stop)]
        if self._shared:
            work += [self._follow_inbox(stop), self._keep_lanes(stop)]
        return work

    def _start(self, work: Sequence[Coroutine[Any, Any, None]]) -> list[asyncio.Task[None]]:
        return [asyncio.create_task(job) for job in work]

    def _listen(self, stop: asyncio.Event) -> None:
        """Start the intake that only stores (webhook servers), once."""
        if not self._listening:
            for channel in self.channels:
                self._listening += [asyncio.create_task(job) for job in channel.listeners(stop)]

    async def _start_leading(
        self,
        stop: asyncio.Event,
        ready: Callable[[], Awaitable[object]] | None,
        *,
        workers: bool,
    ) -> list[asyncio.Task[None]]:
        """Take up what only the leading process does: the channels' setup and polling, the
        staff desk and its watcher, retention; and (`workers`) what every process does."""
        for channel in self.channels:
            await channel.prepare()
        if self._desk is not None:
            await self._desk.load()
        await self._read_backlog()
        # Only now, with the desk read: from here on this replica claims handoffs' lanes.
        self.leading = True
        if ready is not None:
            await ready()
        _freeze_startup_objects()
        work = self._worker_loops(stop) if workers else []
        if self._desk is not None:
            work.append(self._watch_handoffs(stop))
        self._listen(stop)
        for channel in self.channels:
            work += channel.loops(stop)
        return self._start(work)

    async def _wind_down(self, tasks: Sequence[asyncio.Task[None]]) -> None:
        """Stop the loops, let lanes and sends finish, flush the counts, give lanes up."""
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if not tasks and not self._lane_tasks and not self._send_tasks:
            return  # nothing was started
        # Lanes finish what they hold; their replies are committed and go after a restart.
        # Stuck, they get half a minute: what they did not finish waits in the inbox.
        lanes_until = time.monotonic() + (30 if self.stuck else math.inf)
        while self._lane_tasks and (left := lanes_until - time.monotonic()) > 0:
            await asyncio.wait(list(self._lane_tasks), timeout=min(left, 3600))
        # Sends in flight finish (a cut-off send would go again after a restart, twice), and
        # the deletes they start.
        await self.outbox.wait_idle(self._send_tasks, 10)
        try:
            await self._stats.flush()
        except Exception as exc:  # noqa: BLE001 - counts are not worth a traceback on the way out
            self._live.failed("flushing the counts", exc, then="they are lost")
        if self._leases is not None:
            held = sorted(self._held)
            log.info("lanes: %d turn(s) handled here; %d lane(s) given up", self.turns, len(held))
            with contextlib.suppress(Exception):  # the server's trouble: they run out instead
                await self._leases.release(held)

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
        """What a previous run left: its unsent replies, then its unhandled rows.

        From here on `receive` hands new rows straight to the lanes; a row read both here and
        by `receive` is handed on once (`_dispatch` goes by inbox id).
        """
        inbox, outbox = await self._queues.parked()
        if inbox or outbox:
            log.warning(
                "parked: %d update(s) that failed too often, %d staff-group send(s) tried "
                "again now; retention erases them",
                inbox,
                outbox,
            )
        if self._shared:
            # The inbox is followed (`_follow_inbox`), and each lane's sends go with the lane;
            # the staff groups' sends are the leader's.
            if self._desk is not None:
                self.outbox.queue(await self._queues.unsent(prefix=self._desk.lane_prefix))
            self._backlog_read = True
            return
        self.outbox.queue(await self._queues.unsent())
        while items := await self._queues.pending(after=self._dispatched):
            for item in items:
                self._dispatch(item)
        self._backlog_read = True

    def _spawn(self, work: Coroutine[Any, Any, None], into: set[asyncio.Task[None]]) -> None:
        """Start a task and keep it referenced (asyncio holds tasks weakly) until it ends."""
        task = asyncio.create_task(work)
        into.add(task)
        task.add_done_callback(into.discard)

    async def _pause(self, seconds: float) -> None:
        """Sleep, but wake when the pipeline stops."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stop.wait(), timeout=seconds)

    # --- intake ------------------------------------------------------------------------------

    async def receive(self, arrivals: Sequence[Arrival]) -> None:
        """Write what arrived to the inbox (each key once), then hand it on.

        Handed on from memory, not read back: the rows are committed, so a crash from here on
        finds them in the inbox. Before the backlog is read, and when stopping, they wait there.
        """
        if not arrivals:
            return
        stored = await self._queues.intake(
            [(a.key, a.lane, a.payload) for a in arrivals], time.time()
        )
        # Replicas: every row goes on through `_follow_inbox`, in inbox order, even one of a
        # lane held here: an earlier row of the same person may have reached another replica.
        if self._backlog_read and not self._stop.is_set() and not self._shared:
            for arrival, item in zip(arrivals, stored, strict=True):
                if item is not None:
                    self._dispatch(item, arrival.parsed)

    # --- handling ----------------------------------------------------------------------------

    def _dispatch(self, item: InboxItem, parsed: object | None = None) -> None:
        """Hand a row to its person's lane, starting the lane's worker if it has none.

        One process: inbox ids only grow and are handed on in the order they were committed, so
        one at or below the last handed on was handed on already. A shared database: other
        replicas' rows may commit out of id order, so each row is remembered by its id instead
        (in flight, or finished lately).
        """
        if self._shared:
            if item.id in self._inflight or item.id in self._finished_lately:
                return
            self._inflight.add(item.id)
            self._touched[item.lane] = time.monotonic()
        elif item.id <= self._dispatched:
            return
        self._dispatched = max(self._dispatched, item.id)
        lane = self._lanes.get(item.lane)
        if lane is not None:
            lane.append((item, parsed))
        else:
            self._lanes[item.lane] = deque([(item, parsed)])
            self._spawn(self._lane_worker(item.lane), self._lane_tasks)

    async def _lane_worker(self, name: str) -> None:
        """One person's rows, strictly in order; other people's run meanwhile."""
        lane = self._lanes[name]
        try:
            while lane:
                if self._shared and name not in self._held:
                    break  # the lane went to another replica: its rows are that one's
                item, parsed = lane[0]
                if not await self._handle_with_retries(item, parsed):
                    break  # stopping: it and what follows wait in the inbox, in order
                lane.popleft()
                if self._shared:
                    self._inflight.discard(item.id)
                    self._finished_lately[item.id] = time.monotonic()
                    self._touched[name] = time.monotonic()
        finally:
            del self._lanes[name]
            if self._shared and not self._stop.is_set():
                # Not handled here: whoever holds the lane next reads them again.
                self._inflight.difference_update(item.id for item, _ in lane)

    async def _handle_with_retries(self, item: InboxItem, parsed: object | None) -> bool:
        """Handle a row, trying again with a growing pause before this person's later ones.
        The database's trouble (a lock held elsewhere, a full disk) is waited out; any other
        failure `TURN_TRIES` times parks the row and tells the person. False: stopping."""
        tries, storage = item.attempts, 0
        while True:
            try:
                await self._handle(item, parsed)
            except HandToLeaderError:
                await self._to_leader(item.lane)
                return False
            except LeaseLostError:
                if not self._shared:
                    raise
                log.warning("a lane was taken over by another replica; it goes on there")
                self._let_go(item.lane)
                return False
            except Exception as exc:  # noqa: BLE001 - one bad update must not stop a lane
                if item.id in self._finished:  # after its turn was stored: not redone
                    self._finished.discard(item.id)
                    self._live.failed("a turn", exc, then="its replies are stored")
                    return True
                if is_storage_error(exc):
                    storage += 1
                else:
                    tries += 1
                    with contextlib.suppress(Exception):
                        await self._queues.failed(item.id)
                    if tries >= TURN_TRIES:
                        self._live.failed("a turn", exc, then=f"parked after {tries} tries")
                        return await self._park(item, parsed)
                pause = _backoff(storage + tries - item.attempts)
                self._live.failed("a turn", exc, then=f"trying again in {pause:.1f} s")
                await self._pause(pause)
                if self._stop.is_set():
                    return False
                continue
            self._finished.discard(item.id)
            self._live.ok("a turn")
            return True

    async def _park(self, item: InboxItem, parsed: object | None) -> bool:
        """Give up on a row that keeps failing: it stays sealed and is no longer replayed
        (retention erases it); a young person gets an apology with the help lines."""
        sends = self._apology(item, parsed)
        failures = 0
        while True:
            try:
                stored = await self._queues.park(item.id, item.lane, time.time(), sends)
                break
            except Exception as exc:  # noqa: BLE001 - try again; the row is not lost
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
        self.outbox.queue(stored)
        return True

    def _apology(self, item: InboxItem, parsed: object | None) -> list[Send]:
        """For a young person's own row: sorry, and the help lines, in their language."""
        channel = self.outbox.channel_of(item.lane)
        if channel is None or item.lane == "-" or _internal_data(item, parsed) is not None:
            return []
        try:
            chat, hint = channel.apology_to(item, parsed)
        except Exception:  # noqa: BLE001 - unreadable, or not a person: nobody to tell
            return []
        translator = self._engine.translator
        lang = self.recent_lang(item.lane)
        if lang is None and hint in translator.languages:
            lang = hint
        lang = lang or translator.languages[0]

        def _(message: str) -> str:
            return translator.gettext(lang, message)

        text = _(
            "Sorry, something went wrong on my side with your message, and I could not "
            "answer it. Please try again later."
        )
        text += "\n\n" + help_lines(_, self._engine.content)
        return [Send(item.lane, chat, json.dumps({"text": text}).encode())]

    def leader_only(self) -> None:
        """Before a turn that is the leader's (a youth worker's, a handoff's): on a replica
        that does not lead, raises `HandToLeaderError`, and the lane goes to the leader."""
        if self._shared and not self.leading:
            raise HandToLeaderError

    async def _handle(self, item: InboxItem, parsed: object | None) -> None:
        data = _internal_data(item, parsed)
        if data is not None:
            if self._desk is not None:
                self.leader_only()
            await self._internal(item, data)
            return
        reader = next((c for c in self.channels if c.reads(item, parsed)), None)
        reading: Reading = None
        if reader is not None:
            reading = await reader.read(item, parsed)
        if isinstance(reading, StaffTurn):
            self.leader_only()
            await self._staff_turn(item, reading.action)
        elif isinstance(reading, PersonTurn) and reader is not None and item.lane != "-":
            await self._person_turn(item, reader, reading)
        elif isinstance(reading, Notice) and item.lane != "-":
            payload = json.dumps({"text": reading.text}).encode()
            send = Send(item.lane, reading.chat, payload)
            stored = await self._queues.answer(item.id, item.lane, [send])
            self._finished.add(item.id)
            self.outbox.queue(stored)
        else:
            await self._done(item)

    async def _person_turn(self, item: InboxItem, channel: Channel, incoming: PersonTurn) -> None:
        """A young person's message: the engine's turn, committed with its replies."""
        state = await self._load(item.lane)
        turn = self._engine.handle(state, incoming.event)
        now = self._clock()
        sends = sends_for(item.lane, incoming.chat, turn)
        work: list[Callable[[Any], None]] = []
        if turn.effects and self._desk is not None:
            self.leader_only()  # the handoff's side is the leader's
            plan = self._desk.plan(
                item.lane, incoming.chat, turn.effects, incoming.source, int(now.timestamp())
            )
            sends += plan.sends
            work += plan.work
            if plan.refused_file:
                sends.append(self._no_files(item.lane, incoming, turn.state or state))
        stored = await self._commit(item, state, turn, sends, work=work, now=now, channel=channel)
        await channel.after_turn(
            incoming, item.lane, stored, sending=self.outbox.sending(item.lane)
        )

    def _no_files(self, lane: str, incoming: PersonTurn, state: SessionState | None) -> Send:
        """Files do not go to staff (their names and metadata could say who or where)."""
        lang = (state.lang if state is not None else None) or self._engine.translator.languages[0]
        text = self._engine.translator.gettext(
            lang, N_("I can't pass files on; send it as a photo or type it.")
        )
        return Send(lane, incoming.chat, json.dumps({"text": text}).encode())

    async def _done(self, item: InboxItem) -> None:
        """A row that needed no turn is finished."""
        await self._queues.done(item.id, item.lane)
        self._finished.add(item.id)

    async def _commit(
        self,
        item: InboxItem,
        state: SessionState | None,
        turn: Turn,
        sends: list[Send],
        *,
        work: Sequence[Callable[[Any], None]] = (),
        now: datetime,
        channel: Channel | None = None,
    ) -> list[OutboxItem]:
        """Store the turn (state, sends, other writes, the inbox row's end), then send, count.

        Returns the sends as stored.
        """
        stored = await self._queues.commit_turn(
            item.id, item.lane, turn.state, now, sends, work=work
        )
        self._finished.add(item.id)
        self.turns += 1
        self._remember(item.lane, turn.state)
        self.outbox.queue(stored)
        counted = turn.state or state
        if turn.events and counted is not None:
            channel = channel or self.outbox.channel_of(item.lane)
            name = channel.name if channel is not None else "unknown"
            events = [event.with_channel(name) for event in turn.events]
            await self._stats.record(counted.conversation, now.date(), events)
        return stored

    # --- handoffs: the staff side ------------------------------------------------------------

    async def _staff_turn(self, item: InboxItem, action: StaffAction) -> None:
        """Staff did something in a topic: the young person hears it, in their lane."""
        assert self._desk is not None
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
        payloads = [json.loads(p) for message in turn.messages for p in neutral(message)]
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
            sends = sends_for(item.lane, row.chat_id, turn) if row is not None else []
            await self._commit(item, state, turn, sends, now=now)
        else:
            await self._done(item)

    async def inject(self, lane: str, kind: str, code: str) -> None:
        """Queue an internal happening in a person's lane, durably, behind their messages."""
        payload = json.dumps({"omarmt": kind, "code": code}).encode()
        item = await self._queues.internal(lane, payload, time.time())
        if not self._stop.is_set() and not self._shared:
            self._dispatch(item)

    async def known(self, lane: str) -> bool:
        """Whether this person has a conversation stored (or just had one)."""
        return await self._load(lane) is not None

    async def outbox_again(self, sends: Sequence[Send]) -> list[OutboxItem]:
        """Rows to send once more (a channel reported a message undelivered)."""
        stored = await self._queues.enqueue(sends)
        self.outbox.queue(stored)
        return stored

    async def staff_note(self, code: str, reason: str) -> None:
        """A line in a handoff's staff topic, through the outbox."""
        send = self._desk.note_send(code, reason) if self._desk is not None else None
        if send is not None:
            await self.outbox_again([send])

    async def _blocked(self, lane: str) -> None:
        """A person blocked the bot: an open handoff of theirs ends."""
        if self._desk is not None and (code := self._desk.open_code(lane)):
            await self.inject(lane, "gone", code)

    async def _relayed(self, code: str, staff_msg: int, message: int) -> None:
        if self._desk is not None:
            await self._desk.handoffs.relayed(code, [(staff_msg, message)])

    async def _watch_handoffs(self, stop: asyncio.Event) -> None:
        """Tell a young person honestly when nobody claimed their handoff in time (counting
        opening hours only), and erase closed handoffs after their grace period."""
        tick = max(0.5, min(30.0, self._handoff_wait.total_seconds() / 4))
        await self._every(stop, tick, "the handoff watcher", self._watch_once, "next tick")

    async def _every(
        self,
        stop: asyncio.Event,
        seconds: float,
        loop: str,
        step: Callable[[], Awaitable[None]],
        again: str,
    ) -> None:
        """Run `step` every `seconds` until `stop`, its progress reported as `loop`. A step
        that fails is logged and tried again at the next round: the loop goes on."""
        self._live.expect(loop, seconds)
        while not stop.is_set():
            await self._pause(seconds)
            if stop.is_set():
                break
            try:
                await step()
            except Exception as exc:  # noqa: BLE001 - the loop goes on; the next round tries again
                self._live.failed(loop, exc, then=f"trying again {again}")
                continue
            self._live.ok(loop)
        self._live.done(loop)

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
            await self.inject(row.lane, "waited", row.code)

    # --- a shared database ------------------------------------------------------------------

    async def _follow_inbox(self, stop: asyncio.Event) -> None:
        """On a shared database every replica takes in, and each handles the lanes it holds:
        look at the inbox often, claim free lanes with work, and hand what is new to the
        lanes held here, in inbox order."""
        self._live.expect("following the inbox")
        failures = 0
        looked = -math.inf
        while not stop.is_set():
            mark = self._queues.news_mark()
            heard = self._queues.heard()
            # A look when rows came for a lane that may be this replica's, and every
            # `follow_every` seconds in any case; news of other replicas' lanes is theirs.
            if (
                heard is None
                or self._concerns(heard)
                or time.monotonic() - looked >= self._follow_every
            ):
                looked = time.monotonic()
                try:
                    more = await self._follow_once(heard or set())
                except Exception as exc:  # noqa: BLE001 - the database's trouble: look again
                    failures += 1
                    pause = _backoff(failures)
                    self._live.failed("following the inbox", exc, then=f"again in {pause:.1f} s")
                    await self._pause(pause)
                    continue
                failures = 0
                if more:  # free lanes were left for the next look: it comes at once
                    looked = -math.inf
                    await asyncio.sleep(0)
                    continue
            self._live.ok("following the inbox")
            # Woken by the next announcement (another replica's intake, or this one's), or
            # after a while in any case.
            await self._queues.wait_news(mark, self._follow_every)
        self._live.done("following the inbox")

    def _concerns(self, lanes: set[str]) -> bool:
        """Whether news of these lanes may be for this replica: one it holds, or one not
        seen lately as another replica's."""
        lately = time.monotonic() - ELSEWHERE
        return any(
            lane in self._held or self._elsewhere.get(lane, -math.inf) < lately for lane in lanes
        )

    async def _follow_once(self, heard: set[str]) -> bool:
        """One look: take some of the lanes with work that are free (or whose replica is
        gone), then hand the new rows of the lanes held here to their lanes, in inbox order.
        Of the lanes `heard` of, those with no row to read here are another replica's. True:
        free lanes were left for the next look."""
        lately = time.monotonic() - FINISHED_LATELY
        while self._finished_lately:
            row_id, at = next(iter(self._finished_lately.items()))
            if at > lately:
                break
            del self._finished_lately[row_id]
        assert self._leases is not None
        known = self._inflight.union(self._finished_lately, self._unreadable)
        # Only the rows of lanes held here or free: another replica's are not even read.
        waiting = [(i, lane) for i, lane in await self._leases.waiting() if i not in known]
        now = time.monotonic()
        lately = now - CLAIM_LOOK
        free = {
            lane
            for _, lane in waiting
            if lane not in self._held and self._elsewhere.get(lane, -math.inf) < lately
        }
        for lane in heard.difference(lane for _, lane in waiting).difference(self._held):
            self._elsewhere[lane] = now
        more = bool(free) and await self._claim_lanes(free)
        if now >= self._next_claim_look:
            # Now and then also the lanes with sends only (their replica died after its turn).
            self._next_claim_look = now + CLAIM_LOOK
            free = set(await self._leases.claimable(leader=self.leading))
            more = await self._claim_lanes(free) or more
        new = [row_id for row_id, lane in waiting if lane in self._held]
        if not new:
            return more
        items = await self._queues.rows(new)
        # Gone meanwhile (handled) or not opening: either way never handed on.
        self._unreadable.update(set(new) - {item.id for item in items})
        for item in items:
            if self._stop.is_set():
                return False
            if item.lane in self._held:
                self._dispatch(item)
        return more

    # --- lanes: per person, one replica at a time ---------------------------------------

    async def _claim_lanes(self, lanes: set[str]) -> bool:
        """Take some of these lanes (with work waiting) where their lease is free or ran out;
        what the replica before left unsent on them goes now. The replica that leads takes any
        lane; the others leave the leader's (a handoff's) alone. Those not taken are noted as
        another replica's for a while (`CLAIM_LOOK`).

        At most half of them (or `CLAIM_BATCH`), picked at random: a replica that hears of many
        new people at once (a batch of getUpdates, a crowd) leaves the others their share, and
        alone it has them all after a few looks. True: some were left for the next look."""
        assert self._leases is not None
        async with self._lane_lock:
            wanted = [lane for lane in lanes if lane not in self._held and not self._staffs(lane)]
            batch = max(CLAIM_BATCH, math.ceil(len(wanted) / 2))
            left = len(wanted) > batch
            if left:
                wanted = random.sample(wanted, batch)
            now = time.monotonic()
            if len(self._elsewhere) > RECENT_MAX:
                self._elsewhere = {k: t for k, t in self._elsewhere.items() if t > now - ELSEWHERE}
            if not wanted or self._stop.is_set():
                return False
            taken = await self._leases.claim(wanted, leader=self.leading)
            for lane in set(wanted).difference(taken):
                self._elsewhere[lane] = now
            for lane in taken:
                self._elsewhere.pop(lane, None)
                self._claims += 1
                self._held[lane] = self._claims
                self._touched[lane] = time.monotonic()
                self._recent.pop(lane, None)  # another replica may have changed it
        if taken:
            self.outbox.queue(
                [i for i in await self._queues.unsent(taken) if not self.outbox.queued(i.id)]
            )
        return left

    def _staffs(self, lane: str) -> bool:
        """A staff group's lane: its sends are the leader's (one sender keeps the pace)."""
        return self._desk is not None and lane.startswith(self._desk.lane_prefix)

    def _let_go(self, lane: str) -> None:
        """Forget a lane here (given up, handed on, or taken over): its queue stops, its
        state leaves memory, its sends stop (the next holder reads the outbox again)."""
        self._held.pop(lane, None)
        self._touched.pop(lane, None)
        self._recent.pop(lane, None)
        self.outbox.drop(lane)

    async def _to_leader(self, lane: str) -> None:
        """A turn that is the leader's: the lane goes there, pinned; nothing is committed."""
        assert self._leases is not None
        try:
            await self._leases.to_leader(lane)
        except Exception as exc:  # noqa: BLE001 - the lane then runs out, and is taken again
            self._live.failed("handing a lane on", exc, then="it runs out instead")
        self._let_go(lane)

    async def _keep_lanes(self, stop: asyncio.Event) -> None:
        """Renew this replica's lanes; give up those idle for `linger` seconds; drop those
        another replica took over (this one stalled)."""
        # A failed renewal is the server's trouble: the fence in every turn still holds.
        assert self._leases is not None
        beat = self._leases.timing.beat
        await self._every(stop, beat, "keeping lanes", self._keep_lanes_once, "soon")

    async def _keep_lanes_once(self) -> None:
        assert self._leases is not None
        async with self._lane_lock:
            held = dict(self._held)
            ours = await self._leases.renew()
            lost = [lane for lane, claim in held.items() if lane not in ours]
            for lane in lost:
                if self._held.get(lane) == held[lane]:
                    self._let_go(lane)
            if lost:
                log.warning("%d lane(s) were taken over by another replica", len(lost))
            idle_since = time.monotonic() - self._linger
            idle = [
                lane
                for lane in self._held
                if lane not in self._lanes
                and not self.outbox.sending(lane)
                and self._touched.get(lane, 0.0) < idle_since
            ]
            for lane in idle:
                self._let_go(lane)
            # Given up, and any left over from a release that failed.
            await self._leases.release([*idle, *(ours - set(self._held) - set(idle))])

    # --- the state cache ---------------------------------------------------------------------

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

    # --- housekeeping ------------------------------------------------------------------------

    async def _housekeeping(self, stop: asyncio.Event) -> None:
        """Flush counts now and then; apply retention and forget old update ids daily."""
        last_daily = 0.0

        async def once() -> None:
            nonlocal last_daily
            await self._stats.flush()
            self._forget_stale()
            if self.leading and time.time() - last_daily > 86_400:
                await self._daily_retention()
                last_daily = time.time()

        await self._every(stop, self._housekeeping_every, "housekeeping", once, "next round")

    async def _daily_retention(self) -> None:
        before = datetime.now(UTC) - self._retention
        if self._desk is not None:  # before the sessions that tell quiet ones apart
            codes, orgs = await self._desk.handoffs.erase_quiet(int(before.timestamp()))
            for code in codes:
                self._desk.forget(code)
            self.outbox.queue(await self._queues.enqueue(self._desk.erase_sends(orgs)))
        erased = await self._sessions.purge_inactive(before)
        await self._queues.forget_seen(time.time() - 86_400)
        if self._leases is not None:
            await self._leases.forget_stale()
        parked = await self._queues.purge_parked(before.timestamp())
        for job in self._daily:
            await job()
        if erased:
            log.info("retention: erased %d inactive conversation(s)", erased)
        if parked:
            log.info("retention: erased %d parked update(s) and send(s)", parked)


def _backoff(failures: int, cap: float = 30.0) -> float:
    """The pause before a turn is tried again (tests shorten it)."""
    return backoff(failures, cap)


def _internal_data(item: InboxItem, parsed: object | None) -> dict[str, Any] | None:
    """The bot's own happening in a row (see `Pipeline.inject`), or None for what a person or
    a channel sent. Told by how `inject` writes it, so other rows are not parsed twice."""
    if parsed is not None or not item.payload.startswith(INTERNAL):
        return None
    try:
        data = json.loads(item.payload)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _freeze_startup_objects() -> None:
    """Take what exists after start-up out of the garbage collector's sight.

    The engine's flows and content and the libraries live as long as the process; a full
    collection walked all of them, pausing every conversation for up to 100 ms (the p99 of
    a turn). Frozen, a full collection walks only what was made since.
    """
    gc.collect()
    gc.freeze()
