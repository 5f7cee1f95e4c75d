"""A turn's replies as outbox rows. The stored payload is channel-neutral ({"text", "buttons"}):
each channel turns it into its own messages when it sends (see `Channel.send`)."""

from __future__ import annotations

from bot.channels.telegram.convert import render as neutral
from bot.engine.model import Turn
from bot.storage.queues import Address, Send

__all__ = ["neutral", "sends_for"]


def sends_for(lane: str, chat: Address, turn: Turn) -> list[Send]:
    """A turn's replies as outbox rows for one chat."""
    return [Send(lane, chat, payload) for message in turn.messages for payload in neutral(message)]
