"""What a channel adapter is to the pipeline: how it reads what arrived, and how it sends.

The pipeline (`bot.channels.pipeline.core`) does everything that must be the same whatever app
a young person uses: the sealed inbox, one lane per person, the turn's transaction, the outbox
and its retries. A channel (Telegram, WhatsApp) only receives and parses, renders and sends,
and says what its errors mean, in the words below.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Coroutine, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from bot.engine import Inbound
from bot.storage.queues import Address, InboxItem, OutboxItem

if TYPE_CHECKING:
    from bot.channels.telegram.staff import StaffAction

__all__ = [
    "Arrival",
    "Blocked",
    "Channel",
    "Dropped",
    "Failed",
    "Later",
    "Notice",
    "Outcome",
    "Parked",
    "PersonTurn",
    "Reading",
    "Sent",
    "StaffTurn",
]


@dataclass(frozen=True, slots=True)
class Arrival:
    """Something received, before it is stored: its key for deduplication (an update id, or a
    keyed hash of a channel's message id), the lane it belongs to, and its payload."""

    key: int | str
    lane: str
    payload: bytes
    #: The same, already parsed by the channel (spares parsing it again in the lane).
    parsed: object | None = None


@dataclass(frozen=True, slots=True)
class PersonTurn:
    """A young person's message as the engine hears it, and where the replies go."""

    event: Inbound
    chat: Address
    #: The channel's own message, for the staff desk (a photo passed on by copy), if any.
    source: Any = None
    #: The channel's note for after the turn (Telegram: the pressed button), if any.
    receipt: Any = None


@dataclass(frozen=True, slots=True)
class StaffTurn:
    """A youth worker did something in a handoff's topic."""

    action: StaffAction


@dataclass(frozen=True, slots=True)
class Notice:
    """A reply that needs no conversation (the channel is not for young people now): sent,
    and nothing stored about the person."""

    chat: Address
    text: str


#: What a lane makes of an inbox row: a turn, a notice, or None when nothing is to be done.
Reading = PersonTurn | StaffTurn | Notice | None


@dataclass(frozen=True, slots=True)
class Sent:
    """Sent. `ref` is the channel's id of the message (for relays), `merged` the outbox ids of
    later rows that went with it (they sit right behind it in the queue)."""

    ref: int | str | None = None
    merged: Sequence[int] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Later:
    """Try again in `seconds`; `everyone`: the channel asked all sending to wait (a 429)."""

    seconds: float
    everyone: bool = False


@dataclass(frozen=True, slots=True)
class Failed:
    """A passing failure (the network): tried again with a growing pause, a few times."""

    reason: str


@dataclass(frozen=True, slots=True)
class Dropped:
    """Refused for good (the message itself is wrong): logged, not tried again."""

    reason: str


@dataclass(frozen=True, slots=True)
class Blocked:
    """The person can no longer be reached (blocked the bot): nothing waiting for them goes."""


@dataclass(frozen=True, slots=True)
class Parked:
    """Refused too often, but never to be dropped (a staff group): kept, tried at next start."""


Outcome = Sent | Later | Failed | Dropped | Blocked | Parked


class Channel(Protocol):
    """A chat app. One instance per process; the pipeline calls it from its lanes and senders."""

    #: The channel's name in statistics and logs ("telegram", "whatsapp").
    name: str

    def owns(self, lane: str) -> bool:
        """Whether this channel sends the outbox rows of `lane`."""
        ...

    async def prepare(self) -> None:
        """Before anything is handled: check settings with the service, set menus."""
        ...

    def loops(self, stop: asyncio.Event) -> list[Coroutine[Any, Any, None]]:
        """Intake that runs until `stop` (polling, a webhook server), started once the
        backlog is read."""
        ...

    def listeners(self, stop: asyncio.Event) -> list[Coroutine[Any, Any, None]]:
        """Intake that only stores what arrives (a webhook server): on a shared database it
        runs from the start, also while this replica stands by (docs/postgresql.md)."""
        ...

    def reads(self, item: InboxItem, parsed: object | None) -> bool:
        """Whether an inbox row came in through this channel. A youth worker's reply (from
        Telegram) runs in the lane of a young person who may be on another channel."""
        ...

    async def read(self, item: InboxItem, parsed: object | None) -> Reading:
        """What an inbox row of this channel asks for."""
        ...

    async def after_turn(
        self, turn: PersonTurn, lane: str, stored: Sequence[OutboxItem], *, sending: bool
    ) -> None:
        """After a young person's turn is stored (Telegram: stop the button's spinner).
        `sending`: replies to this lane are still going out."""
        ...

    def apology_to(self, item: InboxItem, parsed: object | None) -> tuple[Address, str | None]:
        """Where to say sorry for a row that keeps failing, and a language hint; raises
        ValueError when there is nobody to tell."""
        ...

    def wait(self, item: OutboxItem, now: float) -> float:
        """Seconds before this row may go without passing the channel's limits."""
        ...

    async def send(self, item: OutboxItem, queue: deque[OutboxItem]) -> Outcome:
        """Send `item` (queue[0]); the channel may merge rows behind it (see `Sent`)."""
        ...

    def after_send(self, item: OutboxItem, payload: dict[str, Any], ref: int | str | None) -> None:
        """Bookkeeping after a row went."""
        ...

    async def drain(self, lane: str) -> bool:
        """The lane's queue is empty: tidy up (Telegram: take old buttons off). False: nothing
        was left to do, and the lane's sender ends."""
        ...

    def sender_idle(self, lane: str) -> None:
        """The lane's sender ended: nothing is waiting to be sent to `lane` any more."""
        ...
