"""The terminal chat: the same conversation as on Telegram, typed at a prompt or piped in."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import TextIO

from bot.engine import Command, Inbound, Outbound, Text
from bot.service import Conversations

__all__ = ["CHANNEL", "parse_line", "render", "run_terminal"]

CHANNEL = "terminal"
#: The terminal has one user; the pseudonym keeps even that out of the database.
USER = "local"
#: A line longer than this is cut: the engine needs no more, and a paste of a book stays cheap.
MAX_LINE = 100_000


def parse_line(line: str, lang_hint: str | None) -> Inbound | None:
    """A typed line as an engine event; a blank line is nothing."""
    line = line.strip()[:MAX_LINE]
    if not line:
        return None
    if line.startswith("/") and len(line) > 1 and not line[1].isspace():
        name, _, arg = line[1:].partition(" ")
        return Command(name.split("@")[0], arg.strip(), lang_hint)
    return Text(line, lang_hint)


def render(message: Outbound) -> str:
    """Options become numbered lines, since a terminal has no buttons."""
    lines = [message.text]
    lines += [f"  {opt.number}. {opt.label}" for opt in message.options]
    lines += [f"  → {link.label}: {link.url}" for link in message.links]
    return "\n".join(lines)


async def run_terminal(
    conversations: Conversations,
    *,
    lang_hint: str | None,
    stdin: TextIO,
    stdout: TextIO,
    banner: Callable[[bool], str],
) -> int:
    """Chat until end of input; returns the exit code. Ctrl-C is handled by the caller."""
    interactive = stdin.isatty()

    def show(messages: tuple[Outbound, ...]) -> None:
        for message in messages:
            stdout.write(render(message) + "\n\n")
        stdout.flush()

    resumed = await conversations.resume(CHANNEL, USER, lang_hint)
    if interactive or not resumed:
        stdout.write(banner(interactive) + "\n\n")
    show(resumed)
    lines = _LineReader(stdin)
    while True:
        if interactive:
            stdout.write("> ")
            stdout.flush()
        line = await lines.next()
        if line is None:
            return 0
        event = parse_line(line, lang_hint)
        if event is not None:
            show(await conversations.handle(CHANNEL, USER, event))


class _LineReader:
    """Lines from a daemon thread, so waiting for input stays cancellable (Ctrl-C ends at once).

    The thread reads at most one line ahead, so nothing typed is read and then dropped.
    """

    def __init__(self, stdin: TextIO) -> None:
        self._loop = asyncio.get_running_loop()
        self._queue: asyncio.Queue[str | None] = asyncio.Queue()
        self._wanted = threading.Semaphore(0)
        self._stdin = stdin
        threading.Thread(target=self._pump, name="terminal-input", daemon=True).start()

    def _pump(self) -> None:
        while True:
            self._wanted.acquire()
            line = self._stdin.readline()
            self._loop.call_soon_threadsafe(self._queue.put_nowait, line or None)
            if not line:
                return

    async def next(self) -> str | None:
        """The next line, or None at end of input."""
        self._wanted.release()
        return await self._queue.get()
