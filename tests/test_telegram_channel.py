"""The Telegram channel in-process: people run concurrently, one person's updates in order."""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

import pytest
from telegram.ext import ExtBot

from bot.channels.telegram.runner import TelegramChannel
from bot.crypto import Box, Pseudonymizer, derive_keys
from bot.engine import Engine, SessionState
from bot.safety import detect
from bot.storage import BufferedStats, Database, SqliteSessionStore
from bot.storage.queues import Queues
from tests.auxil.botapi import BotApiServer

KEYS = derive_keys("a-channel-test-secret-long-enough-for-omarmt")
PSEUDONYMIZE = Pseudonymizer(KEYS.pseudonym_key)
SLOW_USER = 7001

#: The acknowledgement of a typed answer on top of the next question: "Dank je! (Ja)".
_ACK = re.compile(r"^[^\n(]{2,30} \(([^\n)]+)\)\n\n")


class SlowFor:
    """A session store whose reads for one person take a while (a slow disk, a lock)."""

    def __init__(self, inner: SqliteSessionStore, slow_key: str, delay: float) -> None:
        self._inner = inner
        self._slow_key = slow_key
        self._delay = delay

    async def load(self, key: str) -> SessionState | None:
        if key == self._slow_key:
            await asyncio.sleep(self._delay)
        return await self._inner.load(key)

    async def save(self, key: str, state: SessionState, now: datetime) -> None:
        await self._inner.save(key, state, now)

    async def delete(self, key: str) -> bool:
        return await self._inner.delete(key)

    async def purge_inactive(self, before: datetime) -> int:
        return await self._inner.purge_inactive(before)

    async def count(self) -> int:
        return await self._inner.count()


@pytest.fixture
async def running(
    tmp_path: Path, engine: Engine
) -> AsyncIterator[tuple[BotApiServer, asyncio.Event]]:
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    async with BotApiServer() as server, Database.open(tmp_path / "c.sqlite3") as db:
        bot: ExtBot[None] = ExtBot(server.token, base_url=server.base_url)
        async with bot:
            box = Box(KEYS.box_key)
            sessions = SlowFor(db.sessions(box), PSEUDONYMIZE("telegram", SLOW_USER), 1.5)
            channel = TelegramChannel(
                bot,
                engine=engine,
                sessions=sessions,
                queues=Queues(db, box),
                stats=BufferedStats(db.stats()),
                pseudonymize=PSEUDONYMIZE,
                is_crisis=lambda text: detect(text) is not None,
            )
            stop = asyncio.Event()
            task = asyncio.create_task(channel.run(stop))
            yield server, stop
            stop.set()
            await asyncio.wait_for(task, 20)


async def test_one_slow_person_does_not_delay_another(
    running: tuple[BotApiServer, asyncio.Event],
) -> None:
    server, _stop = running
    slow, fast = server.user(SLOW_USER, "Slow"), server.user(7002, "Fast")
    slow.send_text("hoi")
    fast.send_text("hoi")
    await server.wait_sent(fast.chat_id, 2, timeout=10)
    assert server.sent_messages(slow.chat_id) == []  # still busy, and nobody waited for it
    await server.wait_sent(slow.chat_id, 2, timeout=10)


async def test_one_persons_messages_are_handled_in_order(
    running: tuple[BotApiServer, asyncio.Event],
) -> None:
    server, _stop = running
    sam = server.user(7003, "Sam")
    for text in ("hoi", "ja", "17", "nee", "ja", "nee"):
        sam.send_text(text)
    await server.wait_for(
        lambda: (
            sum(_ACK.match(m["text"]) is not None for m in server.sent_messages(sam.chat_id)) >= 5
        ),
        15,
    )
    noted = [
        found[1]
        for m in server.sent_messages(sam.chat_id)
        if (found := _ACK.match(m["text"])) is not None
    ]
    assert noted == ["Ja, dat is goed", "16 of 17", "Nee", "Ja", "Nee"]
