"""Omarmt on Telegram under load, beside a bare python-telegram-bot echo bot as the floor.

Both bots run as subprocesses against the local Bot API test server (tests/auxil/botapi.py) in
this process, on 127.0.0.1 only, each against a fresh server, one after the other. N simulated
people type their way through the whole check at once (hoi, ja, an age, nee, six statements, a
wish); each sends the next message only once the bot has answered the previous one.

Latency is bot-side: from handing the update to the server (`send_text`) to the arrival at the
server of the bot's answer. Omarmt answers some messages with several (the welcome, then the
first question; the result, the offers, then what next): "full answer" is the arrival of the
message with the next question's buttons, "first reply" the arrival of the first message. The
echo bot answers with one message, so both are the same for it.

CPU seconds come from /proc/<pid>/stat (utime + stime of the bot process), RSS from
/proc/<pid>/status (VmRSS). Then M distinct people each send "hoi" and get the welcome: the RSS
growth over that run is what 10,000 people cost in memory.

Run: ``python bench/telegram.py [--users N] [--distinct M] [--profile FILE]``. With --profile
Omarmt runs under cProfile (its figures are then inflated) and the top entries are printed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import pstats
import sys
import tempfile
import time
from collections.abc import Callable, Hashable, Iterator, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# This file is named telegram.py: run as a script, its folder must not shadow python-telegram-bot.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(ROOT))

from bench._load import (  # noqa: E402
    CORES,
    Ask,
    Done,
    Figures,
    Listener,
    Person,
    ask,
    bot_env,
    kill_children,
    load_arguments,
    log_tail,
    percentile,
    pin,
    script,
    start_process,
    stop_process,
    timed_crowd,
    timed_distinct,
    verdict,
    warm_up,
)
from tests.auxil.botapi import BotApiServer, RecordedRequest  # noqa: E402

SECRET = "benchmark-secret-that-is-long-enough-0123456789"
START_TIMEOUT = 60.0  # seconds a bot may take to start polling
TARGET_CPU_RATIO = 1.5
TARGET_P99_MS = 50.0
TARGET_P99_USERS = 200
TARGET_RSS_MB = 20.0
TARGET_RSS_USERS = 10_000


def asks_a_question(message: dict[str, Any]) -> bool:
    """Omarmt's answer is complete with the message that shows the next question's buttons."""
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return any("callback_data" in button for row in rows for button in row)


def any_message(_message: dict[str, Any]) -> bool:
    """The echo bot's answer is its one message."""
    return True


class Server(BotApiServer):
    """The test server, telling each chat's waiting person about every message the bot sends.

    It keeps no request log (`record=False`): the waits here are O(1) per message, so the server
    sharing this event loop stays light and does not inflate the bot's latency.
    """

    def __init__(self) -> None:
        super().__init__(record=False)
        self.listeners: dict[Hashable, Listener] = {}
        self.first_poll = asyncio.Event()

    def _remember(self, record: RecordedRequest) -> None:
        super()._remember(record)
        if record.method == "getUpdates":
            self.first_poll.set()
        elif record.method == "sendMessage" and record.ok and isinstance(record.result, dict):
            listener = self.listeners.get(int(record.result["chat"]["id"]))
            if listener is not None:
                listener(record.time, record.result)


def people(server: Server, done: Done) -> Person:
    """People on Telegram, each told by the server of the bot's messages to their chat."""

    def person(user_id: int) -> Ask:
        user = server.user(user_id, f"P{user_id}", language_code="nl")

        async def talk(text: str) -> tuple[float, float]:
            async def send() -> None:
                user.send_text(text)

            return await ask(server.listeners, user.chat_id, send, done)

        return talk

    return person


async def measure(
    name: str,
    *,
    launch: Callable[[Server], int],
    done: Done,
    users: int,
    distinct: int,
    log: Path,
) -> Figures:
    """One bot against a fresh server: start, warm up, the crowd, the distinct people, stop."""
    figures = Figures(name, users)
    async with Server() as server:
        pid = launch(server)
        try:
            pin(pid, 1)
            await _wait_started(server, pid, log)
            person = people(server, done)
            await warm_up(person)
            await timed_crowd(pid, figures, person)
            await timed_distinct(pid, figures, person, distinct)
        finally:
            figures.exit_code = await stop_process(pid)
    return figures


async def _wait_started(server: Server, pid: int, log: Path) -> None:
    try:
        await asyncio.wait_for(server.first_poll.wait(), START_TIMEOUT)
    except TimeoutError:
        tail = await log_tail(log)
        raise RuntimeError(f"bot {pid} did not start polling; its log ends:\n{tail}") from None


def omarmt(tmp: Path, profile: Path | None) -> Callable[[Server], int]:
    """`omarmt run` against the server: rate limit off, a fresh database, no .env (cwd=tmp)."""

    def launch(server: Server) -> int:
        env = bot_env(
            OMARMT_TELEGRAM_TOKEN=server.token,
            OMARMT_TELEGRAM_API_URL=server.base_url,
            OMARMT_TELEGRAM_RATE_LIMIT="off",
            OMARMT_SECRET=SECRET,
            OMARMT_DB=str(tmp / "bench.sqlite3"),
        )
        prefix = ["-m", "cProfile", "-o", str(profile)] if profile else []
        return start_process([*prefix, "-m", "bot", "run"], env, tmp, tmp / "omarmt.log")

    return launch


def echo(tmp: Path) -> Callable[[Server], int]:
    """The bare python-telegram-bot echo bot (bench/_echo_bot.py) against the server."""

    def launch(server: Server) -> int:
        env = bot_env(ECHO_TOKEN=server.token, ECHO_API_URL=server.base_url)
        script_path = str(Path(__file__).with_name("_echo_bot.py"))
        return start_process([script_path], env, tmp, tmp / "echo.log")

    return launch


# --- report ---


def _rows(bots: Sequence[Figures]) -> Iterator[tuple[str, list[str]]]:
    def each(fmt: Callable[[Figures], str]) -> list[str]:
        return [fmt(f) for f in bots]

    lat = [f.latencies for f in bots]
    yield "updates/s", each(lambda f: f"{f.rate:.0f}")
    yield "CPU s per 1,000 updates", each(lambda f: f"{f.cpu_per_1000:.3f}")
    yield (
        "server+people CPU s per 1,000",
        each(lambda f: f"{f.server_cpu / f.updates * 1000:.3f}" if f.updates else "-"),
    )
    yield "latency p50 ms (full answer)", [f"{percentile(x.full, 50):.1f}" for x in lat]
    yield "latency p99 ms (full answer)", [f"{percentile(x.full, 99):.1f}" for x in lat]
    yield "latency p50 ms (first reply)", [f"{percentile(x.first, 50):.1f}" for x in lat]
    yield "latency p99 ms (first reply)", [f"{percentile(x.first, 99):.1f}" for x in lat]
    yield "latency max ms (full answer)", [f"{percentile(x.full, 100):.1f}" for x in lat]
    yield "updates answered / failures", [f"{len(x.full)} / {x.failures}" for x in lat]
    yield "RSS MB at start (after warm-up)", each(lambda f: f"{f.rss_start:.1f}")
    yield "RSS MB after the run", each(lambda f: f"{f.rss_after:.1f}")
    yield (
        "distinct people answered / failed",
        each(lambda f: f"{f.distinct} / {f.distinct_failures}"),
    )
    yield (
        "distinct run: updates/s",
        each(lambda f: f"{f.distinct / f.distinct_seconds:.0f}" if f.distinct_seconds else "-"),
    )
    yield (
        "distinct run: CPU s per 1,000",
        each(lambda f: f"{f.distinct_cpu / f.distinct * 1000:.3f}" if f.distinct else "-"),
    )
    yield "RSS MB after distinct people", each(lambda f: f"{f.rss_after_distinct:.1f}")
    yield "RSS growth MB over distinct", each(lambda f: f"{f.rss_growth:.1f}")
    yield "exit code after SIGTERM", each(lambda f: str(f.exit_code))


def report(bot: Figures, floor: Figures, users: int, distinct: int) -> None:
    """The table, then each target as a met / NOT met line."""
    width = 36
    print(f"\n{'':<{width}}{'omarmt':>14}{'echo (floor)':>14}")
    for label, (ours, theirs) in _rows([bot, floor]):
        print(f"{label:<{width}}{ours:>14}{theirs:>14}")

    ratio = bot.cpu_per_1000 / floor.cpu_per_1000
    print(
        f"\nCPU per update omarmt/echo: {ratio:.2f}x "
        f"(target ≤ {TARGET_CPU_RATIO}x): {verdict(ok=ratio <= TARGET_CPU_RATIO)}"
    )
    p99 = percentile(bot.latencies.full, 99)
    caveat = "" if users == TARGET_P99_USERS else f" [ran with {users} users, not 200]"
    ok = p99 <= TARGET_P99_MS and users >= TARGET_P99_USERS and not bot.latencies.failures
    print(
        f"p99 latency (full answer) with {users} users at once: {p99:.1f} ms "
        f"(target ≤ {TARGET_P99_MS:.0f} ms with {TARGET_P99_USERS}): {verdict(ok=ok)}{caveat}"
    )
    caveat = "" if distinct >= TARGET_RSS_USERS else f" [ran with {distinct:,}, not 10,000]"
    ok = bot.rss_growth <= TARGET_RSS_MB and distinct >= TARGET_RSS_USERS
    ok = ok and not bot.distinct_failures
    print(
        f"RSS growth over {distinct:,} distinct users: {bot.rss_growth:.1f} MB "
        f"(target ≤ {TARGET_RSS_MB:.0f} MB over {TARGET_RSS_USERS:,}): {verdict(ok=ok)}{caveat}"
    )


def print_profile(path: Path, top: int) -> None:
    """The functions that took the most CPU in the profiled Omarmt run."""
    if not path.exists():
        print(f"\nno profile written to {path}")
        return
    print(f"\nomarmt under cProfile ({path}), top {top} by own time:")
    pstats.Stats(str(path)).sort_stats("tottime").print_stats(top)
    print(f"top {top} by cumulative time:")
    pstats.Stats(str(path)).sort_stats("cumulative").print_stats(top)


async def run(args: argparse.Namespace) -> None:
    """Omarmt, then the echo bot, each against a fresh server; then the report."""
    with tempfile.TemporaryDirectory(prefix="omarmt-bench-") as name:
        tmp = Path(name)
        (tmp / "omarmt").mkdir()
        (tmp / "echo").mkdir()
        pin(os.getpid(), 0)
        bots = [
            ("omarmt", omarmt(tmp / "omarmt", args.profile), asks_a_question),
            ("echo", echo(tmp / "echo"), any_message),
        ]
        results: list[Figures] = []
        for label, launch, done in bots:
            started = time.monotonic()
            print(f"{label}: running ...", flush=True)
            log = tmp / label / f"{label}.log"
            results.append(
                await measure(
                    label,
                    launch=launch,
                    done=done,
                    users=args.users,
                    distinct=args.distinct,
                    log=log,
                )
            )
            print(f"{label}: done in {time.monotonic() - started:.1f} s", flush=True)
        report(results[0], results[1], args.users, args.distinct)
        if args.profile:
            print_profile(args.profile, args.top)


def main() -> None:
    """Parses the bounds, runs, and leaves no process behind."""
    args = load_arguments(
        __doc__.splitlines()[0] if __doc__ else None,
        think_help=(
            "mean seconds people take before each message (default 0: answer at once, which "
            "makes latency = people / throughput once the bot is saturated)"
        ),
        profile_help="run omarmt under cProfile, write here",
    )
    updates = args.users * len(script(0))
    print(
        f"Telegram benchmark: {args.users} people x {len(script(0))} messages "
        f"({updates:,} updates) at once, then {args.distinct:,} distinct people saying hoi; "
        f"{len(CORES)} CPUs (bot and server pinned apart); loopback test server, rate limit off",
        flush=True,
    )
    try:
        asyncio.run(run(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
    finally:
        kill_children()


if __name__ == "__main__":
    with contextlib.suppress(BrokenPipeError):
        main()
