"""What the channel benchmarks (bench/telegram.py, bench/whatsapp.py) share.

Simulated people, each typing a script and sending the next message only once the bot answered
the previous one; the bot as a subprocess, its CPU and RSS read from /proc; the phases of a run
(warm-up, the crowd, distinct people saying "hoi"); percentiles.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Hashable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

ANSWER_TIMEOUT = 30.0  # seconds one person waits for an answer before giving up
STOP_TIMEOUT = 20.0  # seconds a bot may take to stop after SIGTERM
PHASE_TIMEOUT = 600.0  # seconds one crowd may take in all
WARM_UP_USERS = 5
DISTINCT_CONCURRENCY = 200  # people saying "hoi" at once in the RSS run
CROWD_FIRST_ID = 10_000
DISTINCT_FIRST_ID = 1_000_000

#: Mean seconds a person takes to read and type before each message (--think; 0: none).
THINK_SECONDS = [0.0]
#: Bounds of the command-line options, shared by the channel benchmarks.
MAX_USERS = 5_000
MAX_DISTINCT = 200_000
#: The cores this benchmark may use, read before it pins itself to one of them.
CORES = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
#: Every bot process started, so that nothing outlives the benchmark (also on Ctrl-C).
_CHILDREN: list[subprocess.Popen[bytes]] = []

#: A message the bot sent as the server saw it, and whether it completes the answer.
Done = Callable[[dict[str, Any]], bool]
#: Told of every message the bot sends to one person: (arrival, monotonic; the message).
Listener = Callable[[float, dict[str, Any]], None]
#: One person sends a text; returns the seconds to the first reply and to the full answer.
Ask = Callable[[str], Awaitable[tuple[float, float]]]
#: Makes the person with this id.
Person = Callable[[int], Ask]


def script(user_id: int) -> list[str]:
    """What one person types through the check: varied per person, always the same length."""
    rng = random.Random(user_id)
    statements = [rng.choice(["ja", "nee", "min of meer"]) for _ in range(6)]
    return ["hoi", "ja", rng.choice(["17", "18", "21", "23"]), "nee", *statements,
            "dingen doen met anderen"]  # fmt: skip


@dataclass
class Latencies:
    """Seconds per update, and the people who got no answer in time."""

    first: list[float] = field(default_factory=list)
    full: list[float] = field(default_factory=list)
    failures: int = 0


async def ask(
    listeners: dict[Hashable, Listener],
    key: Hashable,
    send: Callable[[], Awaitable[object]],
    done: Done,
) -> tuple[float, float]:
    """Sends (`send`) and waits for the messages the server hands to `listeners[key]`."""
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

    listeners[key] = on_message
    try:
        await send()
        complete = await asyncio.wait_for(answered, ANSWER_TIMEOUT)
    finally:
        listeners.pop(key, None)
    return first[0] - sent_at, complete - sent_at


async def converse(user_id: int, talk: Ask, texts: Sequence[str], into: Latencies) -> None:
    """One person typing `texts`, each after the bot answered the one before."""
    rng = random.Random(user_id)
    for text in texts:
        if THINK_SECONDS[0]:
            await asyncio.sleep(rng.uniform(0, 2 * THINK_SECONDS[0]))  # reading and typing
        try:
            first, full = await talk(text)
        except TimeoutError:
            into.failures += 1
            return
        into.first.append(first)
        into.full.append(full)


async def crowd(
    person: Person,
    *,
    first_id: int,
    count: int,
    texts_for: Callable[[int], Sequence[str]],
    concurrency: int,
) -> Latencies:
    """`count` distinct people, at most `concurrency` of them chatting at once."""
    result = Latencies()
    ids = iter(range(first_id, first_id + count))

    async def worker() -> None:
        for user_id in ids:
            await converse(user_id, person(user_id), texts_for(user_id), result)

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


def _stat_fields(pid: int) -> list[str]:
    """/proc/<pid>/stat after the command name: state, ppid, ... (utime is index 11)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    return stat[stat.rindex(")") + 2 :].split()


def process_tree(root: int) -> list[int]:
    """`root` and every live process descending from it."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):  # ended meanwhile
                parents[int(entry.name)] = int(_stat_fields(int(entry.name))[1])
    found = [root]
    for pid in parents:
        ancestor = pid
        while ancestor > 1 and ancestor != root:
            ancestor = parents.get(ancestor, 0)
        if ancestor == root and pid != root:
            found.append(pid)
    return found


def tree_cpu_seconds(root: int) -> float:
    """CPU seconds of `root` and every live process descending from it, with what their
    children that already ended used (cutime + cstime): a server's backends that come and go
    (PostgreSQL's) are all counted, each once."""
    ticks = 0
    for pid in process_tree(root):
        with contextlib.suppress(OSError):
            ticks += sum(int(f) for f in _stat_fields(pid)[11:15])
    return ticks / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    """VmRSS of a process in MB (MiB) from /proc/<pid>/status."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def bot_env(**extra: str) -> dict[str, str]:
    """This environment without OMARMT_/ECHO_ settings, the repository importable, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OMARMT_", "ECHO_"))}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def start_process(args: Sequence[str], env: dict[str, str], cwd: Path, log: Path) -> int:
    """Starts a bot; its output goes to `log` (a pipe nobody reads could block it)."""
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, *args], env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT
        )
    _CHILDREN.append(proc)
    return proc.pid


def running(pid: int) -> bool:
    """Whether a bot started here is still running."""
    return any(proc.pid == pid and proc.poll() is None for proc in _CHILDREN)


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


async def kill_process(pid: int) -> float | None:
    """SIGKILL, as a crash would; the CPU seconds the process used in all (read once it has
    ended, before it is reaped, so that nothing is missed), or None if it was not started here."""
    for proc in _CHILDREN:
        if proc.pid == pid and proc.poll() is None:
            proc.kill()
            # Ended but not reaped: /proc still holds its final times.
            await asyncio.to_thread(os.waitid, os.P_PID, pid, os.WEXITED | os.WNOWAIT)
            used = cpu_seconds(pid)
            await asyncio.to_thread(proc.wait)
            return used
    return None


def kill_children() -> None:
    """Last resort, outside the event loop: nothing started here keeps running."""
    for proc in _CHILDREN:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def pin(pid: int, cpu: int) -> None:
    """With two or more cores: the bot on one, this process (the server) on another."""
    if len(CORES) >= 2:
        os.sched_setaffinity(pid, {CORES[cpu % len(CORES)]})


async def log_tail(log: Path) -> str:
    """The end of a bot's log, for a message that says why it did not start."""
    text = await asyncio.to_thread(log.read_text, errors="replace")
    return text[-2000:]


# --- the phases of a run ---


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


async def warm_up(person: Person) -> None:
    """A few people through the check first: imports, caches."""
    await crowd(
        person, first_id=1, count=WARM_UP_USERS, texts_for=script, concurrency=WARM_UP_USERS
    )


async def timed_crowd(pid: int, figures: Figures, person: Person) -> None:
    """`figures.users` people through the check at once: time, CPU, latencies, RSS."""
    figures.rss_start = rss_mb(pid)
    cpu_before, started = cpu_seconds(pid), time.monotonic()
    server_before = cpu_seconds(os.getpid())
    figures.latencies = await crowd(
        person,
        first_id=CROWD_FIRST_ID,
        count=figures.users,
        texts_for=script,
        concurrency=figures.users,
    )
    figures.seconds = time.monotonic() - started
    figures.cpu = cpu_seconds(pid) - cpu_before
    figures.server_cpu = cpu_seconds(os.getpid()) - server_before
    figures.updates = len(figures.latencies.full)
    figures.rss_after = rss_mb(pid)


async def timed_distinct(pid: int, figures: Figures, person: Person, count: int) -> None:
    """`count` distinct people each say "hoi" and get the welcome: the RSS growth."""
    figures.rss_before_distinct = rss_mb(pid)
    cpu_before, started = cpu_seconds(pid), time.monotonic()
    hello = await crowd(
        person,
        first_id=DISTINCT_FIRST_ID,
        count=count,
        texts_for=lambda _: ["hoi"],
        concurrency=DISTINCT_CONCURRENCY,
    )
    figures.distinct_seconds = time.monotonic() - started
    figures.distinct_cpu = cpu_seconds(pid) - cpu_before
    figures.distinct = len(hello.full)
    figures.distinct_failures = hello.failures
    figures.rss_after_distinct = rss_mb(pid)


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile in ms (NaN for no values)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1] * 1000


def verdict(*, ok: bool) -> str:
    """How a target line ends."""
    return "met" if ok else "NOT met"


def load_arguments(
    description: str | None, *, think_help: str, profile_help: str
) -> argparse.Namespace:
    """The options both channel benchmarks take, checked; sets `THINK_SECONDS`."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--users", type=int, default=200, help="people going through the check")
    parser.add_argument(
        "--distinct", type=int, default=10_000, help="distinct people saying hoi (RSS growth)"
    )
    parser.add_argument("--think", type=float, default=0.0, help=think_help)
    parser.add_argument("--profile", type=Path, help=profile_help)
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
    return args
