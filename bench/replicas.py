"""The same crowd on one replica on SQLite, one on PostgreSQL, and three on PostgreSQL.

`omarmt run --webhook` replicas; the three share one PostgreSQL server.

Three set-ups, one after the other, each on a fresh database:

a. one replica on SQLite (a file);
b. one replica on PostgreSQL;
c. three replicas on PostgreSQL: each stores the updates it is given in the shared inbox and
   handles the people whose lanes it holds (`bot.storage.lanes`); one also leads (polling,
   the staff desk, retention). "turns handled per replica" shows the share of each.

In each, the local Bot API test server (tests/auxil/botapi.py) delivers every update as a
webhook through a round-robin balancer (tests/auxil/balancer.py), both in this process on
127.0.0.1, and N simulated people go through the whole check at once (bench/_load.py `script`:
hoi, ja, an age, nee, six statements, a wish), each sending the next message once the bot
answered the previous one. Latency, throughput and failures as in bench/telegram.py: "first
reply" is the arrival of the bot's first message, "full answer" that of the next question.

CPU: utime + stime of every omarmt process, and of the PostgreSQL server (the postmaster and
every process descending from it, with the backends that ended meanwhile), from /proc, before
and after the crowd. RSS: VmRSS of each omarmt process after the crowd. With two or more
cores this process (test server, balancer, people) runs on one core and the system under test
(every omarmt replica and the PostgreSQL server) on another, the same in every set-up.

With --kill, in c. the leader gets SIGKILL once a third of the crowd's updates are answered:
the takeover gap is the longest any person waited for an answer; a duplicate is a question
sent to a chat twice in a row (a send the kill cut off before it was marked sent).

Run: ``python bench/replicas.py [--users N] [--kill]``. Needs Debian's postgresql package (as
the tests do). It prints figures, not verdicts.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import shlex
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# bench/telegram.py must not shadow python-telegram-bot when this runs as a script.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(ROOT))

from bench._load import (  # noqa: E402
    CORES,
    MAX_USERS,
    THINK_SECONDS,
    Ask,
    Latencies,
    Person,
    bot_env,
    cpu_seconds,
    crowd,
    kill_children,
    kill_process,
    log_tail,
    percentile,
    pin,
    process_tree,
    rss_mb,
    running,
    script,
    start_process,
    stop_process,
    tree_cpu_seconds,
    warm_up,
)
from bench.telegram import SECRET, START_TIMEOUT, asks_a_question, people  # noqa: E402
from bench.telegram import Server as CrowdServer  # noqa: E402
from bot.channels.buttons import parse_callback  # noqa: E402
from tests.auxil.balancer import RoundRobin  # noqa: E402
from tests.auxil.botapi_wire import RecordedRequest  # noqa: E402
from tests.auxil.pg import PgServer, binaries, leader_pid, missing_reason  # noqa: E402
from tests.auxil.ports import free_port  # noqa: E402

WEBHOOK_SECRET = "a-benchmark-webhook-secret-of-enough-length"
CROWD_FIRST_ID = 10_000


class Server(CrowdServer):
    """bench/telegram.py's server, also counting questions sent to a chat twice in a row and
    noting when the first message after a kill arrived."""

    def __init__(self) -> None:
        super().__init__()
        self.last_question: dict[int, tuple[str, str]] = {}
        #: Per chat: questions sent again right after themselves.
        self.duplicates: Counter[int] = Counter()
        self.killed_at: float | None = None
        self.first_after_kill: float | None = None

    def _remember(self, record: RecordedRequest) -> None:
        if record.method == "sendMessage" and record.ok and isinstance(record.result, dict):
            message = record.result
            if self.killed_at is not None and self.first_after_kill is None:
                self.first_after_kill = record.time
            rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
            data = [b["callback_data"] for row in rows for b in row if "callback_data" in b]
            if data:
                chat = int(message["chat"]["id"])
                question = (parse_callback(data[0]).step, str(message.get("text", "")))
                if self.last_question.get(chat) == question:
                    self.duplicates[chat] += 1
                self.last_question[chat] = question
        super()._remember(record)


@dataclass
class Setup:
    """One set-up to measure, and what it did."""

    name: str
    replicas: int
    postgres: bool
    kill: bool = False
    latencies: Latencies = field(default_factory=Latencies)
    updates: int = 0
    seconds: float = 0.0
    omarmt_cpu: float = 0.0
    postgres_cpu: float = 0.0
    load_cpu: float = 0.0
    #: Per replica: RSS in MB after the crowd (None: killed), and whether it leads then.
    rss: list[float | None] = field(default_factory=list)
    leader: int | None = None
    killed: int | None = None
    kill_after: int = 0
    first_after_kill: float | None = None
    duplicates: Counter[int] = field(default_factory=Counter)
    exit_codes: list[int | None] = field(default_factory=list)
    #: Per replica: the turns it committed, as its log says at a clean stop (None: killed).
    turns: list[int | None] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.updates / self.seconds if self.seconds else float("nan")

    def per_1000(self, seconds: float) -> float:
        return seconds / self.updates * 1000 if self.updates else float("nan")


async def _listening(port: int, pid: int, log: Path) -> None:
    """Waits until a replica accepts connections on its webhook port."""
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        with contextlib.suppress(OSError):
            _reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.close()
            await writer.wait_closed()
            return
        if not running(pid) or time.monotonic() > deadline:
            tail = await log_tail(log)
            raise RuntimeError(f"replica {pid} did not listen on {port}; its log ends:\n{tail}")
        await asyncio.sleep(0.1)


def counted(person: Person, answered: list[int], reached: Callable[[], None]) -> Person:
    """The same people, counting the answers they got (`reached` after each)."""

    def each(user_id: int) -> Ask:
        talk = person(user_id)

        async def counted_talk(text: str) -> tuple[float, float]:
            result = await talk(text)
            answered[0] += 1
            reached()
            return result

        return counted_talk

    return each


async def measure(setup: Setup, users: int, db: str, tmp: Path, pg: PgServer | None) -> None:
    """Starts the replicas behind the balancer, warms up, runs the crowd, stops them."""
    ports = [free_port() for _ in range(setup.replicas)]
    async with Server() as server, RoundRobin(ports) as balancer:
        pids: list[int] = []
        logs: list[Path] = []
        for index, port in enumerate(ports):
            home = tmp / f"replica{index}"
            home.mkdir()
            env = bot_env(
                OMARMT_TELEGRAM_TOKEN=server.token,
                OMARMT_TELEGRAM_API_URL=server.base_url,
                OMARMT_TELEGRAM_RATE_LIMIT="off",
                OMARMT_SECRET=SECRET,
                OMARMT_DB=db,
                OMARMT_WEBHOOK_URL=balancer.url("/telegram"),
                OMARMT_WEBHOOK_SECRET=WEBHOOK_SECRET,
                OMARMT_WEBHOOK_LISTEN=f"127.0.0.1:{port}",
            )
            logs.append(home / "omarmt.log")
            pids.append(start_process(["-m", "bot", "run", "--webhook"], env, home, logs[-1]))
            pin(pids[-1], 1)
        try:
            for pid, port, log in zip(pids, ports, logs, strict=True):
                await _listening(port, pid, log)
            try:
                await server.wait_for(lambda: server.webhook_info()["url"], START_TIMEOUT)
            except TimeoutError:
                tail = await log_tail(logs[0])
                raise RuntimeError(f"no webhook was set; the first log ends:\n{tail}") from None
            await warm_up(people(server, asks_a_question))
            await _crowd(setup, users, server, pids=pids, db=db, pg=pg)
        finally:
            for pid in pids:
                setup.exit_codes.append(None if pid == setup.killed else await stop_process(pid))
            setup.turns = [
                None if pid == setup.killed else _turns(log.read_text(errors="replace"))
                for pid, log in zip(pids, logs, strict=True)
            ]


def _turns(log: str) -> int | None:
    """The turns a replica committed (`Pipeline.turns`, logged at a clean stop)."""
    found = re.search(r"lanes: (\d+) turn\(s\) handled here", log)
    return int(found.group(1)) if found else None


async def _crowd(
    setup: Setup, users: int, server: Server, *, pids: list[int], db: str, pg: PgServer | None
) -> None:
    """The timed crowd: CPU of omarmt and PostgreSQL before and after; the kill, if asked."""
    total = users * len(script(0))
    answered = [0]
    third = asyncio.Event()

    def reached() -> None:
        if answered[0] >= total // 3:
            third.set()

    final_cpu: dict[int, float] = {}

    async def kill_leader() -> None:
        await third.wait()
        victim = await asyncio.to_thread(leader_pid, db)
        setup.killed, setup.kill_after = victim, answered[0]
        server.killed_at = time.monotonic()
        used = await kill_process(victim)
        if used is not None:
            final_cpu[victim] = used

    def omarmt_cpu() -> float:
        return sum(final_cpu[p] if p in final_cpu else cpu_seconds(p) for p in pids)

    def postgres_cpu() -> float:
        return tree_cpu_seconds(pg.pid) if pg is not None and pg.pid is not None else 0.0

    person = counted(people(server, asks_a_question), answered, reached)
    omarmt_before, pg_before = omarmt_cpu(), postgres_cpu()
    load_before, started = cpu_seconds(os.getpid()), time.monotonic()
    killer = asyncio.create_task(kill_leader()) if setup.kill else None
    try:
        setup.latencies = await crowd(
            person, first_id=CROWD_FIRST_ID, count=users, texts_for=script, concurrency=users
        )
    finally:
        if killer is not None and not killer.done():
            killer.cancel()
    if killer is not None and not killer.cancelled():
        await killer
    setup.seconds = time.monotonic() - started
    setup.load_cpu = cpu_seconds(os.getpid()) - load_before
    setup.omarmt_cpu = omarmt_cpu() - omarmt_before
    setup.postgres_cpu = postgres_cpu() - pg_before
    setup.updates = len(setup.latencies.full)
    setup.rss = [None if p == setup.killed else rss_mb(p) for p in pids]
    setup.leader = await asyncio.to_thread(leader_pid, db) if setup.postgres else pids[0]
    if setup.leader not in pids:
        setup.leader = None
    else:
        setup.leader = pids.index(setup.leader)
    setup.duplicates = server.duplicates
    if server.killed_at is not None and server.first_after_kill is not None:
        setup.first_after_kill = server.first_after_kill - server.killed_at


# --- report ---


def _ms(values: Sequence[float], pct: float) -> str:
    return f"{percentile(values, pct):.0f}" if values else "-"


def _rss(setup: Setup) -> str:
    cells = []
    for index, mb in enumerate(setup.rss):
        mark = " (leader)" if index == setup.leader and len(setup.rss) > 1 else ""
        cells.append("killed" if mb is None else f"{mb:.0f}{mark}")
    return ", ".join(cells) or "-"


def _shares(setup: Setup) -> str:
    """Each replica's turns: on a shared database every replica handles its people's."""
    if not setup.postgres:
        return "-"
    return ", ".join("killed" if t is None else f"{t:,}" for t in setup.turns) or "-"


def _duplicates(setup: Setup) -> str:
    total = setup.duplicates.total()
    if not total:
        return "0"
    chats, most = len(setup.duplicates), max(setup.duplicates.values())
    return f"{total} in {chats} chats, at most {most} in one"


def _rows(setups: Sequence[Setup], users: int) -> Iterator[tuple[str, list[str]]]:
    def each(fmt: Callable[[Setup], str]) -> list[str]:
        return [fmt(s) for s in setups]

    yield "updates answered", each(lambda s: f"{s.updates:,} of {users * len(script(0)):,}")
    yield "failures (people with no answer)", each(lambda s: str(s.latencies.failures))
    yield "turns handled per replica", each(_shares)
    yield "throughput, updates/s", each(lambda s: f"{s.rate:.0f}")
    yield (
        "first reply p50 / p99, ms",
        each(lambda s: f"{_ms(s.latencies.first, 50)} / {_ms(s.latencies.first, 99)}"),
    )
    yield (
        "full answer p50 / p99, ms",
        each(lambda s: f"{_ms(s.latencies.full, 50)} / {_ms(s.latencies.full, 99)}"),
    )
    yield "full answer max, ms", each(lambda s: _ms(s.latencies.full, 100))
    yield (
        "omarmt CPU s per 1,000 updates (all replicas)",
        each(lambda s: f"{s.per_1000(s.omarmt_cpu):.2f}"),
    )
    yield (
        "PostgreSQL CPU s per 1,000 updates",
        each(lambda s: f"{s.per_1000(s.postgres_cpu):.2f}" if s.postgres else "-"),
    )
    yield (
        "omarmt + PostgreSQL CPU s per 1,000",
        each(lambda s: f"{s.per_1000(s.omarmt_cpu + s.postgres_cpu):.2f}"),
    )
    yield (
        "load (server, balancer, people) CPU s per 1,000",
        each(lambda s: f"{s.per_1000(s.load_cpu):.2f}"),
    )
    yield "RSS MB per omarmt process, after", each(_rss)
    if any(s.kill for s in setups):
        yield (
            "leader killed after (updates answered)",
            each(lambda s: f"{s.kill_after:,}" if s.killed is not None else "-"),
        )
        yield (
            "takeover gap: longest wait, ms",
            each(lambda s: _ms(s.latencies.full, 100) if s.kill else "-"),
        )
        yield (
            "kill to next message sent, ms",
            each(lambda s: f"{s.first_after_kill * 1000:.0f}" if s.first_after_kill else "-"),
        )
    yield "duplicates (a question twice in a row)", each(_duplicates)
    yield (
        "exit codes after SIGTERM",
        each(lambda s: ", ".join("killed" if c is None else str(c) for c in s.exit_codes)),
    )


def report(setups: Sequence[Setup], users: int, argv: Sequence[str]) -> None:
    """The Markdown table, with the command line and the machine."""
    updates = users * len(script(0))
    print(f"\n`{shlex.join(['python', 'bench/replicas.py', *argv])}`")
    print(
        f"\n{users} people x {len(script(0))} messages ({updates:,} updates) at once, webhooks "
        f"through a round-robin balancer; {os.cpu_count()} cores on the machine, "
        f"{len(CORES)} usable"
        + (
            " (load on one, all omarmt replicas and PostgreSQL on the other)"
            if len(CORES) >= 2
            else ""
        )
        + f"; think time {THINK_SECONDS[0]:g} s; Python {sys.version.split()[0]}\n"
    )
    header = ["", *(s.name for s in setups)]
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join(["---", *("---:" for _ in setups)]) + "|")
    for label, cells in _rows(setups, users):
        print("| " + " | ".join([label, *cells]) + " |")


async def run(args: argparse.Namespace, argv: Sequence[str]) -> None:
    setups = [
        Setup("a. SQLite, 1 replica", 1, postgres=False),
        Setup("b. PostgreSQL, 1 replica", 1, postgres=True),
        Setup(
            "c. PostgreSQL, 3 replicas" + (", leader killed" if args.kill else ""),
            3,
            postgres=True,
            kill=args.kill,
        ),
    ]
    if args.only:
        setups = [s for s in setups if s.name[0] in args.only]
    pin(os.getpid(), 0)
    pg = PgServer()
    try:
        pg.start()
        if pg.pid is not None:
            # Backends started later inherit the postmaster's core.
            for pid in process_tree(pg.pid):
                pin(pid, 1)
        with contextlib.nullcontext(tempfile.mkdtemp(prefix="dbg-")) as name:
            tmp = Path(name)
            for index, setup in enumerate(setups):
                home = tmp / f"setup{index}"
                home.mkdir()
                db = pg.new_database() if setup.postgres else str(home / "bench.sqlite3")
                started = time.monotonic()
                print(f"{setup.name}: running ...", flush=True)
                await measure(setup, args.users, db, home, pg if setup.postgres else None)
                print(f"{setup.name}: done in {time.monotonic() - started:.1f} s", flush=True)
    finally:
        pg.stop()
    report(setups, args.users, argv)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--users", type=int, default=200, help="people going through the check")
    parser.add_argument(
        "--kill", action="store_true", help="in c., SIGKILL the leader a third of the way"
    )
    parser.add_argument(
        "--think", type=float, default=0.0, help="mean seconds people take before each message"
    )
    parser.add_argument(
        "--only", action="append", choices="abc", help="run only this set-up (repeatable)"
    )
    args = parser.parse_args()
    if not 1 <= args.users <= MAX_USERS:
        parser.error(f"--users must be 1 to {MAX_USERS}")
    if not 0 <= args.think <= 60:
        parser.error("--think must be 0 to 60")
    if binaries() is None or missing_reason() is not None:
        parser.error(f"no PostgreSQL server can be started here: {missing_reason()}")
    THINK_SECONDS[0] = args.think
    updates = args.users * len(script(0))
    print(
        f"Replicas benchmark: {args.users} people x {len(script(0))} messages ({updates:,} "
        f"updates) at once on a. SQLite, b. PostgreSQL, c. three replicas on PostgreSQL"
        + (" (leader killed a third of the way)" if args.kill else ""),
        flush=True,
    )
    try:
        asyncio.run(run(args, sys.argv[1:]))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
    finally:
        kill_children()


if __name__ == "__main__":
    with contextlib.suppress(BrokenPipeError):
        main()
