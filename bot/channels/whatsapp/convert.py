"""WhatsApp message payloads (from `wire`) to engine events, and statuses to what they mean."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from bot.channels.buttons import parse_callback
from bot.channels.whatsapp.codes import retry_after
from bot.engine import Choice, Command, Inbound, Media, Text

__all__ = ["IGNORED", "MEDIA", "WaStatus", "status_of", "to_event"]

#: Message types the bot cannot read: answered with "I can only read text" (captions are
#: checked for crisis signs first, by the engine).
MEDIA = (
    "image", "video", "audio", "document", "sticker", "location", "contacts", "unsupported",
)  # fmt: skip
#: An emoji on a message (or one taken back) is not something said to the bot: no answer.
#: "I can only read text" after a thumbs-up would read as a machine that did not listen.
IGNORED = frozenset({"reaction"})
_MAX_ARGUMENT = 4096


@dataclass(frozen=True, slots=True)
class WaStatus:
    """What a delivery status says about a message the bot sent."""

    wamid: str
    status: str
    error_code: int | None
    #: Whether a failed message should go back to the outbox (see `codes.RETRY_AFTER`).
    retryable: bool


def to_event(payload: Mapping[str, Any], is_crisis: Callable[[str], bool]) -> Inbound | None:
    """The engine event for a message payload, or None for what the bot ignores.

    A message of a type this code does not know is ignored, unless it carries text with a
    crisis sign: that text then goes to the engine, which answers it with the crisis reply.
    """
    kind = payload.get("type")
    inner = payload.get(kind) if isinstance(kind, str) else None
    inner = inner if isinstance(inner, Mapping) else {}
    if kind == "text":
        text = _str(inner.get("body"))
        if text.startswith("/") and len(text) > 1 and not text[1].isspace():
            head, _, arg = text[1:].partition(" ")
            return Command(head.split("@")[0].lower(), arg.strip()[:_MAX_ARGUMENT], None)
        return Text(text, None)
    if kind == "interactive":
        reply = inner.get(_str(inner.get("type")))
        if inner.get("type") in ("button_reply", "list_reply") and isinstance(reply, Mapping):
            choice = parse_callback(_str(reply.get("id")))
            return Choice(choice.step, choice.option, None)
        return None
    if kind == "button":
        return Text(_str(inner.get("text")), None)
    if kind in IGNORED:
        return None
    if kind in MEDIA:
        return Media(kind, _str(inner.get("caption")), None)
    text = _str(inner.get("body")) or _str(inner.get("caption"))
    return Text(text, None) if text and is_crisis(text) else None


def status_of(payload: Mapping[str, Any]) -> WaStatus:
    """The status of a sent message; a failed one says its error code and whether to retry."""
    status = _str(payload.get("status"))
    errors = payload.get("errors")
    code = None
    if isinstance(errors, list) and errors and isinstance(errors[0], Mapping):
        first = errors[0].get("code")
        code = first if isinstance(first, int) and not isinstance(first, bool) else None
    retryable = status == "failed" and retry_after(code) is not None
    return WaStatus(_str(payload.get("id")), status, code, retryable)


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""
