"""Statistics events gathered in memory and written in batches, off the path of a turn."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

from bot.engine.model import DomainEvent
from bot.storage.sqlite import StatsTurn

__all__ = ["BatchSink", "BufferedStats"]


class BatchSink(Protocol):
    """A sink that can take many turns' events in one write."""

    async def record_many(self, turns: Sequence[StatsTurn]) -> None:
        """Store all of them together."""
        ...


class BufferedStats:
    """A `StatsSink` that writes once per `batch` events instead of once per turn.

    Counts are not conversations: losing the last unflushed batch in a crash costs a few counts,
    never a message. The owner calls `flush` on shutdown (and, in a long-running bot, on a timer).
    """

    def __init__(self, sink: BatchSink, batch: int = 256) -> None:
        self._sink = sink
        self._batch = batch
        self._pending: list[StatsTurn] = []
        self._count = 0

    async def record(self, conversation: str, day: date, events: Sequence[DomainEvent]) -> None:
        """Keep the events; write them all once the batch is full."""
        if not events:
            return
        self._pending.append((conversation, day, tuple(events)))
        self._count += len(events)
        if self._count >= self._batch:
            await self.flush()

    async def flush(self) -> None:
        """Write everything kept so far."""
        pending, self._pending, self._count = self._pending, [], 0
        if pending:
            await self._sink.record_many(pending)
