"""Persisted turns per second on one core, and the per-turn cost with 100 and 100,000 sessions.

A turn is what the bot does for one message: load the state, run the engine (crisis detection
included), save the state, record the countable events. Run: ``python bench/engine.py``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.crypto import Box, Pseudonymizer, derive_keys  # noqa: E402
from bot.engine import Command, SessionState, Text  # noqa: E402
from bot.service import Conversations  # noqa: E402
from bot.storage import BufferedStats, Database  # noqa: E402
from tests.auxil.engine import make_engine  # noqa: E402

SECRET = "benchmark-secret-that-is-long-enough-0123456789"
# What people type: answers, typos, small talk, commands. The mix decides the cost per turn.
MESSAGES = ["ja", "1", "nee hoor", "min of meer", "soms wel", "👍", "weet ik niet", "nie echt"]


def _populate(path: Path, count: int, box: Box, pseudonymize: Pseudonymizer) -> None:
    """Write `count` realistic sessions straight into the table: fast, same bytes as the bot."""
    now = int(time.time())
    rows = []
    for n in range(count):
        key = pseudonymize("telegram", n)
        # Someone in the middle of the check, at one of the six statements (flows/main.yaml).
        state = SessionState(conversation=f"{n:016x}", status="active", step="djg1")
        blob = box.seal(
            json.dumps(state.to_json(), separators=(",", ":")).encode(),
            key.encode(),
        )
        rows.append((key, blob, now))
    with sqlite3.connect(path) as conn:
        conn.executemany("INSERT INTO sessions (key, state, last_active) VALUES (?, ?, ?)", rows)


async def _measure(stored: int, turns: int, active: int) -> tuple[float, float, list[float]]:
    """(turns per wall second, turns per CPU second of the whole process, per-turn seconds)."""
    keys = derive_keys(SECRET)
    box = Box(keys.box_key)
    pseudonymize = Pseudonymizer(keys.pseudonym_key)
    engine = make_engine(ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        async with Database.open(path):
            pass  # creates the schema
        _populate(path, stored, box, pseudonymize)
        async with Database.open(path) as db:
            stats = BufferedStats(db.stats())
            conversations = Conversations(
                engine, db.sessions(box), stats, pseudonymize, lambda: datetime.now(UTC)
            )
            rng = random.Random(7)
            # `active` people chatting now, among everyone whose conversation is still stored.
            chatting = rng.sample(range(stored), min(active, stored))
            users = [rng.choice(chatting) for _ in range(turns)]
            # Warm up caches and the worker thread, then measure.
            for n, user in enumerate(users[:1000]):
                await conversations.handle("telegram", user, Text(MESSAGES[n % len(MESSAGES)]))
            per_turn: list[float] = []
            start = time.perf_counter()
            cpu_start = time.process_time()
            for n, user in enumerate(users):
                t0 = time.perf_counter()
                event = Command("opnieuw") if n % 50 == 0 else Text(MESSAGES[n % len(MESSAGES)])
                await conversations.handle("telegram", user, event)
                per_turn.append(time.perf_counter() - t0)
            await stats.flush()
            elapsed = time.perf_counter() - start
            cpu = time.process_time() - cpu_start
    return turns / elapsed, turns / cpu, per_turn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the best counts")
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument(
        "--active",
        type=int,
        default=100,
        help="people chatting during the run, drawn from the stored sessions "
        "(use --active 100000 for the worst case: every turn hits a cold, random session)",
    )
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target says
    print(
        f"engine benchmark: {args.turns} turns per run by {args.active} active people, "
        "pinned to one core"
    )
    results: dict[int, float] = {}
    rates: list[float] = []
    cpu_rates: list[float] = []
    for stored in (100, args.large):
        # Best of several runs: the machine's other work only ever makes a run slower.
        runs = [asyncio.run(_measure(stored, args.turns, args.active)) for _ in range(args.repeat)]
        rate, cpu_rate, per_turn = max(runs, key=lambda run: run[0])
        median = statistics.median(per_turn) * 1e6
        p99 = statistics.quantiles(per_turn, n=100)[98] * 1e6
        results[stored] = median
        rates.append(rate)
        cpu_rates.append(cpu_rate)
        print(
            f"{stored:>7} stored sessions: {rate:8.0f} persisted turns/s "
            f"({cpu_rate:.0f} per CPU second), "
            f"median {median:6.0f} µs, p99 {p99:6.0f} µs per turn"
        )
    ratio = results[args.large] / results[100]
    print(f"cost at {args.large} sessions / cost at 100: {ratio:.3f} (target ≤ 1.10)")
    verdict = "met" if min(rates) >= 2000 else "NOT met"
    print(f"slowest size {min(rates):.0f} persisted turns/s: target ≥ 2000 {verdict}")
    # On a shared machine wall time includes other tenants' work; CPU time is the cost itself.
    verdict = "met" if min(cpu_rates) >= 2000 else "NOT met"
    print(f"slowest size {min(cpu_rates):.0f} turns per CPU second: target ≥ 2000 {verdict}")


if __name__ == "__main__":
    main()
