"""One writer per database (bot.storage.lease): who may take the lease, and when."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import asdict, replace

import pytest

from bot.storage.base import Db
from bot.storage.lease import Holder, LeaseHeldError, acquire, release, renew


@pytest.fixture
async def db(any_db: Db) -> Db:
    """Every lease test runs on SQLite and on PostgreSQL."""
    return any_db


def dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    return int(proc.stdout)


async def held_by(db: Db, holder: Holder) -> None:
    await db.execute(
        "INSERT INTO meta (key, value) VALUES ('writer', ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (json.dumps(asdict(holder)).encode(),),
    )


async def test_a_live_holder_is_named_and_kept(db: Db) -> None:
    me = Holder.me()
    other = replace(me, pid=os.getppid(), token="other")  # alive: pytest's parent
    await held_by(db, other)
    with pytest.raises(LeaseHeldError, match=f"pid {other.pid} on {other.host}, running since"):
        await acquire(db, me)
    assert await renew(db, other)


async def test_a_dead_holder_in_this_pid_namespace_is_taken_over_at_once(db: Db) -> None:
    me = Holder.me()
    await held_by(db, replace(me, pid=dead_pid(), token="crashed"))
    await acquire(db, me)
    assert await renew(db, me)


async def test_in_another_pid_namespace_only_the_heartbeat_counts(db: Db) -> None:
    me = Holder.me()
    container = replace(me, pid=dead_pid(), token="container", ns=me.ns + 1)
    await held_by(db, container)
    with pytest.raises(LeaseHeldError):
        await acquire(db, me)
    await held_by(db, replace(container, beat=time.time() - 31))
    await acquire(db, me)
    # The stalled holder finds out at its next beat, and must stop.
    assert not await renew(db, container)


async def test_a_clean_stop_gives_the_lease_up(db: Db) -> None:
    first, second = Holder.me(), replace(Holder.me(), host="elsewhere")
    await acquire(db, first)
    with pytest.raises(LeaseHeldError):
        await acquire(db, second)
    await release(db, first)
    await acquire(db, second)
