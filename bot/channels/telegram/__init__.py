"""The Telegram channel: durable intake, per-person order, an outbox that survives restarts."""

from bot.channels.telegram.convert import CALLBACK_VERSION, callback_data, parse_callback, to_event
from bot.channels.telegram.runner import TelegramChannel

__all__ = ["CALLBACK_VERSION", "TelegramChannel", "callback_data", "parse_callback", "to_event"]
