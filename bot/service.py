"""Runs one inbound event through the engine and persists the outcome: the turn of any channel."""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from datetime import UTC, datetime

from bot.engine import Engine, Inbound, Outbound, SessionState
from bot.storage import SessionStore, StatsSink

__all__ = ["Conversations", "Pseudonymize"]

log = logging.getLogger(__name__)

#: States of people who wrote in the last few minutes stay in memory, so their next turn needs
#: no database read. Short enough that the retention period can never reach a cached state.
RECENT_SECONDS = 300.0
RECENT_MAX = 10_000

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
        self._recent: OrderedDict[str, tuple[float, SessionState]] = OrderedDict()

    async def handle(
        self, channel: str, user_id: str | int, event: Inbound
    ) -> tuple[Outbound, ...]:
        """One turn: the replies to send, after the new state is safely stored."""
        key = self._pseudonymize(channel, user_id)
        now = self._clock()
        state = self._recall(key, now.timestamp())
        if state is None:
            state = await self._sessions.load(key)
        turn = self._engine.handle(state, event)
        if turn.state is None:
            self._recent.pop(key, None)
            await self._sessions.delete(key)
        else:
            await self._sessions.save(key, turn.state, now)
            self._remember(key, turn.state, now.timestamp())
        # After /vergeet the erased state's id still labels the "forgotten" count.
        counted = turn.state or state
        if turn.events and counted is not None:
            events = [event.with_channel(channel) for event in turn.events]
            await self._stats.record(counted.conversation, now.date(), events)
        return turn.messages

    async def resume(
        self, channel: str, user_id: str | int, lang_hint: str | None = None
    ) -> tuple[Outbound, ...]:
        """What to show someone who comes back: where they were, or nothing if they are new."""
        state = await self._sessions.load(self._pseudonymize(channel, user_id))
        if state is None or state.status == "new":
            return ()
        return self._engine.resume(state, lang_hint).messages

    def _recall(self, key: str, at: float) -> SessionState | None:
        """The state saved by this process's last turn for `key`, if it is recent."""
        entry = self._recent.get(key)
        if entry is None or at - entry[0] > RECENT_SECONDS:
            return None
        return entry[1]

    def _remember(self, key: str, state: SessionState, at: float) -> None:
        self._recent[key] = (at, state)
        self._recent.move_to_end(key)
        while len(self._recent) > RECENT_MAX:
            self._recent.popitem(last=False)
