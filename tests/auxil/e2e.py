"""Helpers for the end-to-end tests: `omarmt run` as a subprocess against the local Bot API server.

BotProcess starts and stops the real program; the functions read what the bot said in a chat.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from tests.auxil.botapi import BotApiServer, User

__all__ = [
    "SECRET",
    "BotProcess",
    "buttons",
    "replies",
    "running_bot",
    "tap_through",
    "texts",
    "wait_said",
]

SECRET = "an-end-to-end-test-secret-of-enough-length"


class BotProcess:
    """`python -m bot run` pointed at the test server, started and stopped at will.

    `env` adds OMARMT_* settings or overrides the defaults below.
    """

    def __init__(self, server: BotApiServer | None, db: Path, **env: str) -> None:
        self.db = db
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("OMARMT_")}
        if server is not None:  # None: no Telegram (a WhatsApp-only bot)
            self.env.update(
                OMARMT_TELEGRAM_TOKEN=server.token,
                OMARMT_TELEGRAM_API_URL=server.base_url,
                OMARMT_TELEGRAM_RATE_LIMIT="off",
            )
        self.env.update(OMARMT_SECRET=SECRET, OMARMT_DB=str(db), OMARMT_LOG_LEVEL="INFO")
        self.env.update(env)
        self.proc: asyncio.subprocess.Process | None = None
        self.args: list[str] = []

    async def start(self, *args: str) -> None:
        self.args = list(args)
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", *args,
            env=self.env, cwd=self.db.parent,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip

    async def stop(self, sig: int = signal.SIGTERM) -> tuple[int, str]:
        assert self.proc is not None
        if self.proc.returncode is None:
            self.proc.send_signal(sig)
        _out, err = await asyncio.wait_for(self.proc.communicate(), 20)
        code = self.proc.returncode
        self.proc = None
        assert code is not None
        return code, err.decode()

    async def command(self, *args: str) -> tuple[int, str, str]:
        """Another `python -m bot` command (e.g. `stats`) with the same settings and database."""
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", *args,
            env=self.env, cwd=self.db.parent,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        out, err = await asyncio.wait_for(proc.communicate(), 60)
        assert proc.returncode is not None
        return proc.returncode, out.decode(), err.decode()


def texts(server: BotApiServer, chat_id: int, *, after: int = 0) -> list[str]:
    """The text (or caption) of every message the bot sent to the chat, after message id `after`.

    Media without a caption show as "".
    """
    return [
        m.get("text") or m.get("caption") or ""
        for m in server.sent_messages(chat_id)
        if m["message_id"] > after
    ]


def buttons(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return [button["text"] for row in rows for button in row]


async def replies(server: BotApiServer, chat_id: int, count: int) -> list[dict[str, Any]]:
    await server.wait_sent(chat_id, count, timeout=20)
    return list(server.sent_messages(chat_id))


async def wait_said(
    server: BotApiServer, chat_id: int, fragment: str, within: float = 20, *, after: int = 0
) -> None:
    """Wait until a message the bot sent to this chat after message id `after` has `fragment`."""
    try:
        await server.wait_for(
            lambda: any(fragment in t for t in texts(server, chat_id, after=after)), within
        )
    except TimeoutError:
        said = texts(server, chat_id, after=after)
        raise TimeoutError(
            f"{fragment!r} not said to {chat_id} within {within} s: {said}"
        ) from None


async def tap_through(server: BotApiServer, user: User, labels: list[str]) -> None:
    """Tap each label on the latest question, waiting for the next question each time."""
    for label in labels:
        last = server.sent_messages(user.chat_id)[-1]
        assert label in buttons(last), (label, last["text"])
        before = len(server.sent_messages(user.chat_id))
        user.press_button(last, label)

        def next_question(n: int = before) -> bool:
            sent = server.sent_messages(user.chat_id)
            return len(sent) > n and bool(buttons(sent[-1]))

        await server.wait_for(next_question, 20)


@asynccontextmanager
async def running_bot(server: BotApiServer, db: Path) -> AsyncIterator[BotProcess]:
    """`omarmt run` against the test server; afterwards it must have stopped cleanly."""
    process = BotProcess(server, db)
    await process.start()
    yield process
    if process.proc is not None:
        code, err = await process.stop()
        assert code == 0, err
        assert "Traceback" not in err, err
