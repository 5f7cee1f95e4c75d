"""Sending: one sender per person (and per staff group) works through their committed outbox
rows in order, whatever the channel; the channel says what each try came to."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import replace
from typing import Any

from bot.channels.pipeline.channel import (
    Blocked,
    Channel,
    Dropped,
    Failed,
    Later,
    Outcome,
    Parked,
    Sent,
)
from bot.channels.pipeline.liveness import Liveness
from bot.storage.queues import OutboxItem, Queues

__all__ = ["MAX_ATTEMPTS", "Outbox", "backoff"]

log = logging.getLogger(__name__)

#: After this many failed tries a send is given up (and logged), not retried for ever.
MAX_ATTEMPTS = 12


def backoff(failures: int, cap: float = 30.0) -> float:
    """Seconds before the next try after `failures` failures in a row: 0.5, 1, 2, ... `cap`."""
    return min(cap, 0.5 * 2.0 ** max(0, min(failures - 1, 10)))


class Outbox:
    """The senders. Rows come from the turns that wrote them, or from the backlog at start."""

    def __init__(
        self,
        queues: Queues,
        channels: Sequence[Channel],
        live: Liveness,
        *,
        pause: Callable[[float], Awaitable[None]],
        stopping: Callable[[], bool],
        spawn: Callable[[Coroutine[Any, Any, None]], None],
        on_blocked: Callable[[str], Awaitable[None]],
        on_relayed: Callable[[str, int, int], Awaitable[None]],
    ) -> None:
        self._queues = queues
        self._channels = tuple(channels)
        self._live = live
        self._pause = pause
        self._stopping = stopping
        self._spawn = spawn
        self._on_blocked = on_blocked
        self._on_relayed = on_relayed
        #: Per lane, the rows not yet sent, in order; a sender runs while present.
        self._outgoing: dict[str, deque[OutboxItem]] = {}
        #: Until when (time.time) all sending waits: a channel asked everyone to slow down.
        self._paused_until = 0.0

    def sending(self, lane: str) -> bool:
        """Whether rows to `lane` are still going out."""
        return lane in self._outgoing

    def queued(self, outbox_id: int) -> bool:
        """Whether a row is lined up here already."""
        return any(item.id == outbox_id for queue in self._outgoing.values() for item in queue)

    def drop(self, lane: str) -> None:
        """Stop sending a lane's rows (it went to another replica, which sends them): its
        sender ends after the send under way, if any."""
        queue = self._outgoing.get(lane)
        if queue is not None:
            queue.clear()

    def channel_of(self, lane: str) -> Channel | None:
        """The channel that sends a lane's rows."""
        for channel in self._channels:
            if channel.owns(lane):
                return channel
        return None

    def queue(self, items: Sequence[OutboxItem]) -> None:
        """Line committed rows up per lane, starting a sender for whoever has none.

        The senders work from memory, not by polling the outbox: every row there was either
        read at start or handed here by the turn that wrote it.
        """
        if self._stopping():
            return  # they are in the outbox; the next run sends them
        for item in items:
            queue = self._outgoing.get(item.lane)
            if queue is not None:
                queue.append(item)
            else:
                self._outgoing[item.lane] = deque([item])
                self._spawn(self._sender(item.lane))

    async def _sender(self, lane: str) -> None:
        """One lane's rows, one at a time and in order, until none wait.

        The next goes once the one before is sent; its row's delete commits meanwhile, so a
        crash resends at most the few just sent (twice, never lost). Nobody waits for someone
        else's send.
        """
        queue = self._outgoing[lane]
        channel = self.channel_of(lane)
        failures = 0
        try:
            while channel is not None and not self._stopping():
                try:
                    if not await self._send_next(channel, lane, queue):
                        break
                except Exception as exc:  # noqa: BLE001 - the sender must go on: it holds the queue
                    failures += 1
                    pause = backoff(failures)
                    self._live.failed("sending", exc, then=f"trying again in {pause:.1f} s")
                    await self._pause(pause)
                    continue
                if failures:
                    failures = 0
                    self._live.ok("sending")
            if channel is None:
                log.error("outbox rows of a channel that is not running wait for its next start")
        finally:
            del self._outgoing[lane]
            if channel is not None:
                channel.sender_idle(lane)

    async def _send_next(self, channel: Channel, lane: str, queue: deque[OutboxItem]) -> bool:
        """One step of a sender: send, wait or tidy. False: nothing is left to do."""
        if not queue:
            return await channel.drain(lane)
        item = queue[0]
        now = time.time()
        # A 429 holds back every sender, not just the one it answered.
        wait = max(item.not_before, self._paused_until, now + channel.wait(item, now)) - now
        if wait > 0:
            await self._pause(wait)
            return True
        outcome = await channel.send(item, queue)
        retry = await self._settle(channel, item, queue, outcome)
        if queue and queue[0] is item:  # not dropped (blocked) meanwhile
            if retry is not None:
                queue[0] = retry
            else:
                queue.popleft()
        return True

    async def _settle(
        self, channel: Channel, item: OutboxItem, queue: deque[OutboxItem], outcome: Outcome
    ) -> OutboxItem | None:
        """Act on what a try came to; the row to try again later, or None when done with."""
        if isinstance(outcome, Sent):
            for _ in outcome.merged:
                del queue[1]  # merged rows sit right behind the item
            # The rows' delete is not waited for: the person's next message goes meanwhile.
            self._spawn(self._forget_sent([item.id, *outcome.merged]))
            await self._after_sent(channel, item, outcome.ref)
            return None
        if isinstance(outcome, Later):
            if outcome.everyone:
                self._paused_until = max(self._paused_until, time.time() + outcome.seconds)
                log.warning("%s asked to slow down; all sending waits %.0f s", channel.name,
                            outcome.seconds)  # fmt: skip
            return await self.later(item, outcome.seconds)
        if isinstance(outcome, Failed):
            if item.attempts + 1 < MAX_ATTEMPTS:
                pause = min(60.0, 0.5 * 2**item.attempts)
                log.warning("sending failed (%s); retry in %.1fs", outcome.reason, pause)
                return await self.later(item, pause)
            log.error("a message could not be sent after %d tries", MAX_ATTEMPTS)
            await self._queues.sent(item.id)
        elif isinstance(outcome, Dropped):
            log.error("%s refused a message (%s); it is dropped", channel.name, outcome.reason)
            await self._queues.sent(item.id)
        elif isinstance(outcome, Blocked):
            # Blocked by the person: nothing waiting for them can arrive; no retry storm.
            dropped = [waiting.id for waiting in queue]
            queue.clear()
            await self._queues.discard(dropped)
            log.info("a person blocked the bot; their waiting messages were dropped")
            await self._on_blocked(item.lane)
        elif isinstance(outcome, Parked):
            await self._queues.park_send(item.id, time.time())
        return None

    async def _after_sent(self, channel: Channel, item: OutboxItem, ref: int | str | None) -> None:
        """Bookkeeping for a sent message; whatever fails here, it is not sent again."""
        try:
            payload = json.loads(item.payload)
        except ValueError:
            return
        if not isinstance(payload, dict):
            return
        channel.after_send(item, payload, ref)
        staff_msg = payload.get("staff_msg")
        code = payload.get("relay")
        if isinstance(code, str) and isinstance(staff_msg, int) and isinstance(ref, int):
            try:
                await self._on_relayed(code, staff_msg, ref)
            except Exception as exc:  # noqa: BLE001 - sent is sent: never send it again
                self._live.failed("noting a relayed message", exc, then="going on")

    async def _forget_sent(self, outbox_ids: list[int]) -> None:
        """Delete sent rows. Deletes commit in the order asked for, so a crash leaves at most
        the last few sent rows, which go again after a restart: a message twice, never none."""
        try:
            if len(outbox_ids) == 1:
                await self._queues.sent(outbox_ids[0])
            else:
                await self._queues.discard(outbox_ids)
        except Exception as exc:  # noqa: BLE001 - a send is not undone by a failed delete
            log.warning("a sent message's row stays (%s); it may go twice", type(exc).__name__)

    async def later(self, item: OutboxItem, seconds: float) -> OutboxItem:
        """Note the failed try in the outbox (it survives a restart) and in memory."""
        not_before = time.time() + seconds
        await self._queues.later(item.id, not_before)
        return replace(item, attempts=item.attempts + 1, not_before=not_before)

    async def wait_idle(self, tasks: set[asyncio.Task[None]], seconds: float) -> None:
        """Let sends in flight finish (a cut-off send would go again after a restart)."""
        deadline = time.monotonic() + seconds
        while tasks and (left := deadline - time.monotonic()) > 0:
            with contextlib.suppress(Exception):
                await asyncio.wait(list(tasks), timeout=left)
