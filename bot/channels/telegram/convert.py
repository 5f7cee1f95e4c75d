"""Telegram updates to engine events and engine replies to Telegram messages, both ways pure."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update

from bot.channels.buttons import CALLBACK_VERSION, MAX_CALLBACK, callback_data, parse_callback
from bot.engine import Choice, Command, Inbound, Media, Text

__all__ = [
    "CALLBACK_VERSION",
    "MAX_CALLBACK",
    "Incoming",
    "callback_data",
    "parse_callback",
    "sender_id",
    "to_event",
    "to_markup",
]

#: Telegram's limit of 4096 characters of text.
MAX_TEXT = 4096
_MEDIA = (
    "sticker", "photo", "voice", "video", "video_note", "animation", "audio", "document",
    "location", "venue", "contact", "poll", "dice", "game", "story",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Incoming:
    """One update as the bot handles it: the event, where to answer, and a pressed button."""

    event: Inbound
    chat_id: int
    callback_id: str | None = None
    pressed_message: int | None = None


def sender_id(update: dict[str, Any]) -> int | None:
    """The Telegram user id behind a raw update, before it is stored (for its lane)."""
    for kind in ("message", "edited_message", "callback_query"):
        body = update.get(kind)
        if isinstance(body, dict):
            user = body.get("from")
            if isinstance(user, dict) and isinstance(user.get("id"), int):
                return int(user["id"])
    return None


def _command(text: str, lang: str | None) -> Command:
    head, _, arg = text[1:].partition(" ")
    return Command(head.split("@")[0].lower(), arg.strip()[:4096], lang)


def to_event(update: Update, is_crisis: Callable[[str], bool]) -> Incoming | None:
    """The engine event for an update, or None for what the bot deliberately ignores.

    Only private chats are answered. An edited message is only read for safety: its text gets
    the crisis reply if it carries a sign, and is otherwise left alone (it was answered once).
    """
    if update.callback_query is not None:
        query = update.callback_query
        message = query.message
        chat_id = message.chat.id if message is not None else query.from_user.id
        if message is not None and message.chat.type != "private":
            return None
        choice = parse_callback(query.data)
        event = Choice(choice.step, choice.option, query.from_user.language_code)
        pressed = message.message_id if isinstance(message, Message) else None
        return Incoming(event, chat_id, query.id, pressed)
    message = update.message or update.edited_message
    if message is None or message.chat.type != "private" or message.from_user is None:
        return None
    if message.from_user.is_bot:
        return None
    lang = message.from_user.language_code
    text = message.text
    if update.edited_message is not None:
        if text and is_crisis(text):
            return Incoming(Text(text, lang), message.chat.id)
        return None
    if text is not None:
        if text.startswith("/") and len(text) > 1 and not text[1].isspace():
            return Incoming(_command(text, lang), message.chat.id)
        return Incoming(Text(text, lang), message.chat.id)
    for kind in _MEDIA:
        if getattr(message, kind, None):
            return Incoming(Media(kind, message.caption or "", lang), message.chat.id)
    return Incoming(Media("other", message.caption or "", lang), message.chat.id)


def to_markup(buttons: list[dict[str, str]]) -> InlineKeyboardMarkup | None:
    """Stored buttons as an inline keyboard, one button a row (easy to tap on a phone)."""
    if not buttons:
        return None
    rows = [
        [
            InlineKeyboardButton(b["text"], url=b["url"])
            if "url" in b
            else InlineKeyboardButton(b["text"], callback_data=b["data"])
        ]
        for b in buttons
    ]
    return InlineKeyboardMarkup(rows)
