"""The versioned id a tapped button carries back, the same for every channel.

Telegram puts it in a button's callback data, WhatsApp in a reply button's or list row's id;
either way it says which question and which option, and which version of this format made it,
so buttons under old messages stay understood and forged ones are answered with a kind re-ask.
"""

from __future__ import annotations

import re

from bot.engine import Choice

__all__ = ["CALLBACK_VERSION", "MAX_CALLBACK", "callback_data", "parse_callback"]

#: Callback data says which version of this format made it: old buttons stay understood.
CALLBACK_VERSION = "1"
#: The tightest channel's limit: Telegram's 64 bytes of callback data (WhatsApp allows 200).
MAX_CALLBACK = 64
_PART = re.compile(r"^[a-z0-9_]{0,40}$")


def callback_data(step: str | None, option: str) -> str:
    """Button data: version, question, option; short enough for Telegram's 64 bytes."""
    data = f"{CALLBACK_VERSION}|{step or ''}|{option}"
    return data if len(data.encode()) <= MAX_CALLBACK else f"{CALLBACK_VERSION}||{option[:40]}"


def parse_callback(data: str | None) -> Choice:
    """Untrusted button data to a choice; anything forged or old becomes an empty choice,
    which the engine answers with a kind re-ask."""
    parts = (data or "").split("|")
    if len(parts) != 3 or parts[0] != CALLBACK_VERSION:
        return Choice("", "")
    step, option = parts[1], parts[2]
    if not (_PART.match(step) and _PART.match(option)):
        return Choice("", "")
    return Choice(step, option)
