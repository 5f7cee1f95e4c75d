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
import math
import os
import pstats
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# This file is named telegram.py: run as a script, its folder must not shadow python-telegram-bot.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(ROOT))

from tests.auxil.botapi import BotApiServer, RecordedRequest, User  # noqa: E402

SECRET = "benchmark-secret-that-is-long-enough-0123456789"
MAX_USERS = 5_000
MAX_DISTINCT = 200_000
ANSWER_TIMEOUT = 30.0  # seconds one person waits for an answer before giving up
START_TIMEOUT = 60.0  # seconds a bot may take to start polling
STOP_TIMEOUT = 20.0  # seconds a bot may take to stop after SIGTERM
PHASE_TIMEOUT = 600.0  # seconds one crowd may take in all
WARM_UP_USERS = 5
DISTINCT_CONCURRENCY = 200  # people saying "hoi" at once in the RSS run
TARGET_CPU_RATIO = 1.5
TARGET_P99_MS = 50.0
TARGET_P99_USERS = 200
TARGET_RSS_MB = 20.0
TARGET_RSS_USERS = 10_000

#: Mean seconds a person takes to read and type before each message (--think; 0: none).
THINK_SECONDS = [0.0]
#: The cores this benchmark may use, read before it pins itself to one of them.
_CORES = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
#: Every bot process started, so that nothing outlives the benchmark (also on Ctrl-C).
_CHILDREN: list[subprocess.Popen[bytes]] = []

Done = Callable[[dict[str, Any]], bool]


def script(user_id: int) -> list[str]:
    """What one person types through the check: varied per person, always the same length."""
    rng = random.Random(user_id)
    statements = [rng.choice(["ja", "nee", "min of meer"]) for _ in range(6)]
    return ["hoi", "ja", rng.choice(["17", "18", "21", "23"]), "nee", *statements,
            "dingen doen met anderen"]  # fmt: skip


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
        self.listeners: dict[int, Callable[[float, dict[str, Any]], None]] = {}
        self.first_poll = asyncio.Event()

    def _remember(self, record: RecordedRequest) -> None:
        super()._remember(record)
        if record.method == "getUpdates":
            self.first_poll.set()
        elif record.method == "sendMessage" and record.ok and isinstance(record.result, dict):
            listener = self.listeners.get(int(record.result["chat"]["id"]))
            if listener is not None:
                listener(record.time, record.result)


@dataclass
class Latencies:
    """Seconds per update, and the people who got no answer in time."""

    first: list[float] = field(default_factory=list)
    full: list[float] = field(default_factory=list)
    failures: int = 0


async def ask(server: Server, user: User, text: str, done: Done) -> tuple[float, float]:
    """Sends `text`; returns the seconds to the bot's first reply and to its full answer."""
    answered: asyncio.Future[float] = asyncio.get_running_loop().create_future()
    first: list[float] = []
    sent_at = time.monotonic()

    def on_message(arrived: float, message: dict[str, Any]) -> None:
        if arrived < sent_at:
            return
        if not first:
            first.append(arrived)
        if done(message) and not answered.done():
            answered.set_result(arrived)

    server.listeners[user.chat_id] = on_message
    try:
        user.send_text(text)
        complete = await asyncio.wait_for(answered, ANSWER_TIMEOUT)
    finally:
        server.listeners.pop(user.chat_id, None)
    return first[0] - sent_at, complete - sent_at


async def converse(
    server: Server, user: User, texts: Sequence[str], done: Done, into: Latencies
) -> None:
    """One person typing `texts`, each after the bot answered the one before."""
    rng = random.Random(user.id)
    for text in texts:
        if THINK_SECONDS[0]:
            await asyncio.sleep(rng.uniform(0, 2 * THINK_SECONDS[0]))  # reading and typing
        try:
            first, full = await ask(server, user, text, done)
        except TimeoutError:
            into.failures += 1
            return
        into.first.append(first)
        into.full.append(full)


async def crowd(
    server: Server,
    *,
    first_id: int,
    count: int,
    done: Done,
    texts_for: Callable[[int], Sequence[str]],
    concurrency: int,
) -> Latencies:
    """`count` distinct people, at most `concurrency` of them chatting at once."""
    result = Latencies()
    ids = iter(range(first_id, first_id + count))

    async def worker() -> None:
        for user_id in ids:
            user = server.user(user_id, f"P{user_id}", language_code="nl")
            await converse(server, user, texts_for(user_id), done, result)

    try:
        async with asyncio.timeout(PHASE_TIMEOUT):
            await asyncio.gather(*(worker() for _ in range(min(concurrency, count))))
    except TimeoutError:
        result.failures += 1
        print(f"  gave up after {PHASE_TIMEOUT:.0f} s: the figures are partial", flush=True)
    return result


# --- the bot process ---


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process (all its threads) from /proc/<pid>/stat."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    """VmRSS of a process in MB (MiB) from /proc/<pid>/status."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def start_process(args: Sequence[str], env: dict[str, str], cwd: Path, log: Path) -> int:
    """Starts a bot; its output goes to `log` (a pipe nobody reads could block it)."""
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, *args], env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT
        )
    _CHILDREN.append(proc)
    return proc.pid


async def stop_process(pid: int) -> int | None:
    """SIGTERM, then SIGKILL if it does not stop in time; returns the exit code."""
    for proc in _CHILDREN:
        if proc.pid == pid:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    await asyncio.to_thread(proc.wait, STOP_TIMEOUT)
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            return proc.returncode
    return None


def kill_children() -> None:
    """Last resort, outside the event loop: nothing started here keeps running."""
    for proc in _CHILDREN:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def pin(pid: int, cpu: int) -> None:
    """With two or more cores: the bot on one, this process (the server) on another."""
    if len(_CORES) >= 2:
        os.sched_setaffinity(pid, {_CORES[cpu % len(_CORES)]})


@dataclass
class Figures:
    """What one bot did."""

    name: str
    users: int
    updates: int = 0
    seconds: float = 0.0
    cpu: float = 0.0
    server_cpu: float = 0.0
    latencies: Latencies = field(default_factory=Latencies)
    rss_start: float = 0.0
    rss_after: float = 0.0
    distinct: int = 0
    distinct_seconds: float = 0.0
    distinct_cpu: float = 0.0
    rss_before_distinct: float = 0.0
    rss_after_distinct: float = 0.0
    distinct_failures: int = 0
    exit_code: int | None = None

    @property
    def rate(self) -> float:
        return self.updates / self.seconds if self.seconds else math.nan

    @property
    def cpu_per_1000(self) -> float:
        return self.cpu / self.updates * 1000 if self.updates else math.nan

    @property
    def rss_growth(self) -> float:
        return self.rss_after_distinct - self.rss_before_distinct


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile in ms (NaN for no values)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1] * 1000


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
            await crowd(
                server,
                first_id=1,
                count=WARM_UP_USERS,
                done=done,
                texts_for=script,
                concurrency=WARM_UP_USERS,
            )  # imports, caches

            figures.rss_start = rss_mb(pid)
            cpu_before, started = cpu_seconds(pid), time.monotonic()
            server_before = cpu_seconds(os.getpid())
            figures.latencies = await crowd(
                server,
                first_id=10_000,
                count=users,
                done=done,
                texts_for=script,
                concurrency=users,
            )
            figures.seconds = time.monotonic() - started
            figures.cpu = cpu_seconds(pid) - cpu_before
            figures.server_cpu = cpu_seconds(os.getpid()) - server_before
            figures.updates = len(figures.latencies.full)
            figures.rss_after = rss_mb(pid)

            figures.rss_before_distinct = rss_mb(pid)
            cpu_before, started = cpu_seconds(pid), time.monotonic()
            hello = await crowd(
                server,
                first_id=1_000_000,
                count=distinct,
                done=done,
                texts_for=lambda _: ["hoi"],
                concurrency=DISTINCT_CONCURRENCY,
            )
            figures.distinct_seconds = time.monotonic() - started
            figures.distinct_cpu = cpu_seconds(pid) - cpu_before
            figures.distinct = len(hello.full)
            figures.distinct_failures = hello.failures
            figures.rss_after_distinct = rss_mb(pid)
        finally:
            figures.exit_code = await stop_process(pid)
    return figures


async def _wait_started(server: Server, pid: int, log: Path) -> None:
    try:
        await asyncio.wait_for(server.first_poll.wait(), START_TIMEOUT)
    except TimeoutError:
        text = await asyncio.to_thread(log.read_text, errors="replace")
        tail = text[-2000:]
        raise RuntimeError(f"bot {pid} did not start polling; its log ends:\n{tail}") from None


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OMARMT_", "ECHO_"))}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def omarmt(tmp: Path, profile: Path | None) -> Callable[[Server], int]:
    """`omarmt run` against the server: rate limit off, a fresh database, no .env (cwd=tmp)."""

    def launch(server: Server) -> int:
        env = _env(
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
        env = _env(ECHO_TOKEN=server.token, ECHO_API_URL=server.base_url)
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
        f"(target ≤ {TARGET_CPU_RATIO}x): {_verdict(ok=ratio <= TARGET_CPU_RATIO)}"
    )
    p99 = percentile(bot.latencies.full, 99)
    caveat = "" if users == TARGET_P99_USERS else f" [ran with {users} users, not 200]"
    ok = p99 <= TARGET_P99_MS and users >= TARGET_P99_USERS and not bot.latencies.failures
    print(
        f"p99 latency (full answer) with {users} users at once: {p99:.1f} ms "
        f"(target ≤ {TARGET_P99_MS:.0f} ms with {TARGET_P99_USERS}): {_verdict(ok=ok)}{caveat}"
    )
    caveat = "" if distinct >= TARGET_RSS_USERS else f" [ran with {distinct:,}, not 10,000]"
    ok = bot.rss_growth <= TARGET_RSS_MB and distinct >= TARGET_RSS_USERS
    ok = ok and not bot.distinct_failures
    print(
        f"RSS growth over {distinct:,} distinct users: {bot.rss_growth:.1f} MB "
        f"(target ≤ {TARGET_RSS_MB:.0f} MB over {TARGET_RSS_USERS:,}): {_verdict(ok=ok)}{caveat}"
    )


def _verdict(*, ok: bool) -> str:
    return "met" if ok else "NOT met"


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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--users", type=int, default=200, help="people going through the check")
    parser.add_argument(
        "--distinct", type=int, default=10_000, help="distinct people saying hoi (RSS growth)"
    )
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="mean seconds people take before each message (default 0: answer at once, which "
        "makes latency = people / throughput once the bot is saturated)",
    )
    parser.add_argument("--profile", type=Path, help="run omarmt under cProfile, write here")
    parser.add_argument("--top", type=int, default=25, help="profile entries to print")
    args = parser.parse_args()
    if not 1 <= args.users <= MAX_USERS:
        parser.error(f"--users must be 1 to {MAX_USERS}")
    if not 1 <= args.distinct <= MAX_DISTINCT:
        parser.error(f"--distinct must be 1 to {MAX_DISTINCT}")
    if not 0 <= args.think <= 60:
        parser.error("--think must be 0 to 60")
    THINK_SECONDS[0] = args.think
    if args.profile:
        args.profile = args.profile.resolve()
    updates = args.users * len(script(0))
    print(
        f"Telegram benchmark: {args.users} people x {len(script(0))} messages "
        f"({updates:,} updates) at once, then {args.distinct:,} distinct people saying hoi; "
        f"{len(_CORES)} CPUs (bot and server pinned apart); loopback test server, rate limit off",
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
