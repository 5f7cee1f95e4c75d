"""The storage seams the rest of the bot depends on, whatever database sits behind them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol

from bot.engine.model import DomainEvent, SessionState

__all__ = ["SessionStore", "StatsSink"]


class SessionStore(Protocol):
    """Keeps each conversation's state between turns and across restarts.

    ``key`` is the pseudonym of the user (never a raw channel id). Implementations keep the state
    unreadable at rest, and treat a state they cannot read as absent rather than failing the turn.
    """

    async def load(self, key: str) -> SessionState | None:
        """The state to continue from, or None to start a new conversation."""
        ...

    async def save(self, key: str, state: SessionState, now: datetime) -> None:
        """Persist the state after a turn; ``now`` (timezone-aware) marks the last activity."""
        ...

    async def delete(self, key: str) -> bool:
        """Erase a conversation on request; True if there was something to erase."""
        ...

    async def purge_inactive(self, before: datetime) -> int:
        """Apply the retention period: erase sessions last active before ``before``."""
        ...

    async def count(self) -> int:
        """How many sessions are stored, for health checks and operators."""
        ...


class StatsSink(Protocol):
    """Receives the countable events of a turn for the anonymous statistics."""

    async def record(self, conversation: str, day: date, events: Sequence[DomainEvent]) -> None:
        """Store one turn's events under the random conversation id and the day (no time)."""
        ...
