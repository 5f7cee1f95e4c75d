"""Issue 13, "buttons vanish": under real Telegram's latency every new question keeps its
buttons, and no old question keeps buttons. Measured from outside, through the Bot API server."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests.auxil.botapi import BotApiServer, User
from tests.auxil.e2e import BotProcess, running_bot

PEOPLE = 20
WALKS_EACH = 5  # 100 tap-only walks in all
END_MENU = "Wat wil je nu doen?"


@pytest.fixture
async def bot(server: BotApiServer, tmp_path: Path) -> AsyncIterator[BotProcess]:
    async with running_bot(server, tmp_path / "bot.sqlite3") as process:
        yield process


def _callbacks(message: dict[str, Any] | None) -> list[str]:
    rows = ((message or {}).get("reply_markup") or {}).get("inline_keyboard", [])
    return [b["callback_data"] for row in rows for b in row if "callback_data" in b]


def _questions_sent(server: BotApiServer, chat_id: int) -> list[int]:
    """Ids of the messages the bot sent with answer buttons, as sent (before any edit)."""
    return [
        record.result["message_id"]
        for record in server.requests("sendMessage", chat_id=chat_id)
        if record.ok and _callbacks(record.result)
    ]


async def _walk(server: BotApiServer, user: User, problems: list[str]) -> int:
    """Tap the first button of each new question until WALKS_EACH end menus were reached."""
    user.send_text("hoi")
    await server.wait_for(lambda: _questions_sent(server, user.chat_id), 20)
    walks = taps = 0
    while True:
        question = _questions_sent(server, user.chat_id)[-1]
        shown = server.message(user.chat_id, question)
        if not _callbacks(shown):
            problems.append(f"{user.chat_id}: question {question} lost its buttons")
            return taps
        assert shown is not None
        if END_MENU in shown.get("text", ""):
            walks += 1
            if walks == WALKS_EACH:
                return taps
        answered = len(server.requests("answerCallbackQuery"))
        user.press(shown, _callbacks(shown)[0])
        taps += 1

        def turn_over(pressed: int = question) -> bool:
            # The next question is there and the pressed one's buttons are gone.
            return _questions_sent(server, user.chat_id)[-1] != pressed and not _callbacks(
                server.message(user.chat_id, pressed)
            )

        await server.wait_for(turn_over, 20)

        def acknowledged(n: int = answered) -> bool:
            return len(server.requests("answerCallbackQuery")) > n

        await server.wait_for(acknowledged, 20)
        # Whatever the bot does after a tap, it does within this; then the buttons must be on.
        await asyncio.sleep(0.2)


async def test_buttons_stay_on_the_new_question_under_telegram_latency(
    server: BotApiServer, bot: BotProcess
) -> None:
    server.set_latency("answerCallbackQuery", 0.05, 0.2, seed=13)
    server.set_latency("sendMessage", 0.05, 0.2, seed=13)
    people = [server.user(13_000 + n, f"P{n}", language_code="nl") for n in range(PEOPLE)]
    problems: list[str] = []
    taps = await asyncio.gather(*(_walk(server, person, problems) for person in people))
    assert problems == [], f"{len(problems)} questions without buttons in {sum(taps)} taps"
    assert sum(taps) >= PEOPLE * WALKS_EACH * 5
    await asyncio.sleep(1.0)
    for person in people:
        with_buttons = [
            m["message_id"] for m in server.sent_messages(person.chat_id) if _callbacks(m)
        ]
        # Only the question now asked has buttons; every older one lost them.
        assert with_buttons == [_questions_sent(server, person.chat_id)[-1]]
