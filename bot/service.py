"""Runs one inbound event through the engine and persists the outcome: the turn of any channel."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from bot.engine import Engine, Inbound, Outbound
from bot.storage import SessionStore, StatsSink

__all__ = ["Conversations", "Pseudonymize"]

log = logging.getLogger(__name__)

Pseudonymize = Callable[[str, str | int], str]


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Conversations:
    """Load state, run the engine, save or erase, record the countable events.

    The channel's user id is turned into a keyed pseudonym at once and goes no further.
    """

    def __init__(
        self,
        engine: Engine,
        sessions: SessionStore,
        stats: StatsSink,
        pseudonymize: Pseudonymize,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._engine = engine
        self._sessions = sessions
        self._stats = stats
        self._pseudonymize = pseudonymize
        self._clock = clock

    async def handle(
        self, channel: str, user_id: str | int, event: Inbound
    ) -> tuple[Outbound, ...]:
        """One turn: the replies to send, after the new state is safely stored."""
        key = self._pseudonymize(channel, user_id)
        state = await self._sessions.load(key)
        turn = self._engine.handle(state, event)
        now = self._clock()
        if turn.state is None:
            await self._sessions.delete(key)
        else:
            await self._sessions.save(key, turn.state, now)
        # After /vergeet the erased state's id still labels the "forgotten" count.
        counted = turn.state or state
        if turn.events and counted is not None:
            await self._stats.record(counted.conversation, now.date(), turn.events)
        return turn.messages

    async def resume(
        self, channel: str, user_id: str | int, lang_hint: str | None = None
    ) -> tuple[Outbound, ...]:
        """What to show someone who comes back: where they were, or nothing if they are new."""
        state = await self._sessions.load(self._pseudonymize(channel, user_id))
        if state is None or state.status == "new":
            return ()
        return self._engine.resume(state, lang_hint).messages
