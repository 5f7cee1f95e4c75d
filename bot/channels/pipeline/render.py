"""A turn's replies as outbox rows. The stored payload is channel-neutral: ``{"text", "buttons":
[{"text", "data", "short"?} | {"text", "url"}]}``; each channel turns it into its own messages
when it sends (Telegram: an inline keyboard; WhatsApp: reply buttons, a list or numbers)."""

from __future__ import annotations

import json

from bot.channels.buttons import callback_data
from bot.engine import Outbound
from bot.engine.model import Turn
from bot.storage.queues import Address, Send

__all__ = ["MAX_TEXT", "neutral", "sends_for"]

#: The longest text one stored message holds (Telegram's limit; WhatsApp splits further).
MAX_TEXT = 4096


def neutral(message: Outbound) -> list[bytes]:
    """One reply as the JSON payloads to store (a very long text becomes several)."""
    buttons: list[dict[str, str]] = [
        {"text": option.label[:64], "data": callback_data(message.step, option.id)}
        | ({"short": option.short} if option.short else {})
        for option in message.options
    ]
    buttons += [{"text": link.label[:64], "url": link.url} for link in message.links]
    chunks = [message.text[i : i + MAX_TEXT] for i in range(0, len(message.text), MAX_TEXT)]
    chunks = chunks or [""]
    payloads = [json.dumps({"text": chunk}).encode() for chunk in chunks[:-1]]
    payloads.append(json.dumps({"text": chunks[-1], "buttons": buttons}).encode())
    return payloads


def sends_for(lane: str, chat: Address, turn: Turn) -> list[Send]:
    """A turn's replies as outbox rows for one chat."""
    return [Send(lane, chat, payload) for message in turn.messages for payload in neutral(message)]
