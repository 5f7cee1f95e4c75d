"""One writer per database: a lease row in `meta`, renewed by a heartbeat.

`omarmt run` keeps recent states in memory on the promise that it is the database's only
writer; two processes on one database would answer twice and make topics twice. A row (not
a lock file) works wherever the database is, also on another host and in a later database
server. The holder renews it every `BEAT` seconds; a lease not renewed for `STALE` seconds
belongs to a process that died. On the same host and in the same pid namespace a dead holder
is seen at once (its pid is gone). Across pid namespaces (containers, also two sharing the
host's name) a pid says nothing, so there only the heartbeat counts.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from bot.storage.base import Conn, Db, LeaseLostError, serialize

__all__ = [
    "BEAT",
    "STALE",
    "Holder",
    "LeaseHeldError",
    "Timing",
    "acquire",
    "fence",
    "release",
    "renew",
]

_NAME = "writer"


@dataclass(frozen=True, slots=True)
class Timing:
    """How often the holder renews, and after how long without renewal another takes over."""

    beat: float
    stale: float


#: One process on a file: a takeover is rare and waits out a stall generously. Replicas on a
#: database server: a standby takes over ten seconds after the leader's last beat.
SINGLE = Timing(5.0, 30.0)
REPLICAS = Timing(2.0, 10.0)
_PUT = (
    "INSERT INTO meta (key, value) VALUES (?, ?) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)
#: Seconds between renewals, and after which a lease not renewed is taken over.
BEAT = 5.0
STALE = 30.0


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds the lease: enough for an operator to find the process."""

    pid: int
    host: str
    started: float
    token: str
    beat: float = 0.0
    #: The pid namespace (its inode; 0 where unknown): pids compare only within one.
    ns: int = 0

    @classmethod
    def me(cls, now: float | None = None) -> Holder:
        """This process. Its token is unique per process and starts with the pid, so whoever
        reads the `lanes` table can tell which replica holds a person's lane."""
        moment = time.time() if now is None else now
        pid = os.getpid()
        token = f"{pid}-{secrets.token_hex(8)}"
        return cls(pid, socket.gethostname(), moment, token, moment, _pid_ns())

    def describe(self) -> str:
        since = datetime.fromtimestamp(self.started, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        return f"pid {self.pid} on {self.host}, running since {since}"


class LeaseHeldError(Exception):
    """Another process writes to this database."""

    def __init__(self, other: Holder) -> None:
        super().__init__(
            f"another omarmt run uses this database ({other.describe()}); stop it first, "
            "or point OMARMT_DB at another file"
        )
        self.other = other


def fence(token: str) -> Callable[[Conn, str], None]:
    """Work for the start of a turn's transaction (on any lane): raises `LeaseLostError`
    unless the lease is still `token`'s. Holds the lease's lock to the commit, so a takeover
    waits for it."""

    def work(conn: Conn, lane: str = "") -> None:
        other = _holder(conn)
        if other is None or other.token != token:
            raise LeaseLostError

    return work


async def acquire(db: Db, me: Holder, *, stale: float = STALE) -> None:
    """Take the lease, or raise `LeaseHeldError` naming the live process that holds it."""

    def work(conn: Conn) -> None:
        other = _holder(conn)
        if other is not None and other.token != me.token and _alive(other, me, stale):
            raise LeaseHeldError(other)
        _write(conn, me, time.time())

    await db.run(work)


async def renew(db: Db, me: Holder) -> bool:
    """The heartbeat; False when the lease is no longer ours (taken over after a stall)."""

    def work(conn: Conn) -> bool:
        other = _holder(conn)
        if other is None or other.token != me.token:
            return False
        _write(conn, me, time.time())
        return True

    return await db.run(work)


async def release(db: Db, me: Holder) -> None:
    """Give the lease up on a clean stop, so the next start need not wait."""

    def work(conn: Conn) -> None:
        other = _holder(conn)
        if other is not None and other.token == me.token:
            conn.execute("DELETE FROM meta WHERE key = ?", (_NAME,))

    await db.run(work)


def _holder(conn: Conn) -> Holder | None:
    serialize(conn, "omarmt.lease")  # two replicas must not both read "free" and both take it
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (_NAME,)).fetchone()
    if row is None:
        return None
    try:
        value = row[0].decode() if isinstance(row[0], bytes) else str(row[0])
        return Holder(**json.loads(value))
    except (ValueError, TypeError):
        return None  # unreadable: nobody can be named, so nobody holds it


def _write(conn: Conn, me: Holder, now: float) -> None:
    value = json.dumps({**asdict(me), "beat": now})
    conn.execute(_PUT, (_NAME, value.encode()))


def _pid_ns() -> int:
    try:
        return Path("/proc/self/ns/pid").stat().st_ino
    except OSError:
        return 0


def _alive(other: Holder, me: Holder, stale: float) -> bool:
    """Whether the holder still runs, as far as can be told from here."""
    if time.time() - other.beat > stale:
        return False
    if other.host != me.host or other.ns != me.ns or not me.ns:
        return True
    if other.pid == me.pid:
        return False  # an earlier process of this pid, in this namespace: gone
    try:
        os.kill(other.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
