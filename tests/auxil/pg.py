"""A real PostgreSQL server for the tests, started from Debian's binaries on 127.0.0.1.

`.ci/run` installs Debian's ``postgresql`` package; on a workstation without it the tests that
need the server are skipped, and in CI (``CI`` set) they fail instead. The server is one per
test session (about a second to start); each test gets a fresh database of its own.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg
import pytest

from tests.auxil.ports import free_port

__all__ = ["PgServer", "binaries", "leader_pid", "missing_reason"]


def binaries() -> Path | None:
    """The directory holding initdb and postgres (Debian keeps them off PATH), or None."""
    found = shutil.which("initdb")
    if found is not None and shutil.which("postgres") is not None:
        return Path(found).resolve().parent
    for place in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if Path(place, "initdb").exists() and Path(place, "postgres").exists():
            return Path(place)
    return None


def missing_reason() -> str | None:
    """Why no server can be started here (None: it can)."""
    if binaries() is None:
        return "PostgreSQL is not installed (apt-get install postgresql); CI always runs these"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser, and PostgreSQL refuses to run as root"
    return None


def require() -> None:
    """Skip the test where no server can be started; in CI (``CI`` set) fail it instead."""
    reason = missing_reason()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


class PgServer:
    """``initdb`` in a temporary directory, then ``postgres`` listening on a free port of
    127.0.0.1 (and a socket in that directory). Trust authentication: loopback only."""

    def __init__(self) -> None:
        self._root = Path(tempfile.mkdtemp(prefix="omarmt-pg-"))
        self._process: subprocess.Popen[bytes] | None = None
        self._names = itertools.count(1)
        self.port = 0

    def _as_owner(self, argv: list[str]) -> list[str]:
        # PostgreSQL refuses root; CI runs as root, so the server runs as Debian's postgres user.
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--", *argv]
        return argv

    def start(self) -> None:
        bindir = binaries()
        assert bindir is not None, missing_reason()
        if os.geteuid() == 0:
            shutil.chown(self._root, "postgres", "postgres")
        data = self._root / "data"
        subprocess.run(
            self._as_owner(
                [
                    str(bindir / "initdb"),
                    "-D",
                    str(data),
                    "-U",
                    "omarmt",
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--locale=C",
                    "--no-sync",
                ]
            ),
            check=True,
            capture_output=True,
        )
        self.port = free_port()
        self._serve()

    def _serve(self) -> None:
        bindir = binaries()
        assert bindir is not None
        data = self._root / "data"
        # No fsync: a test server's data need not survive the machine; the replicas' kill -9
        # tests kill Omarmt, not the server.
        log = (self._root / "server.log").open("wb")
        self._process = subprocess.Popen(
            self._as_owner(
                [
                    str(bindir / "postgres"),
                    "-D",
                    str(data),
                    "-k",
                    str(self._root),
                    "-p",
                    str(self.port),
                    "-c",
                    "listen_addresses=127.0.0.1",
                    "-c",
                    "fsync=off",
                    "-c",
                    "synchronous_commit=off",
                    "-c",
                    "full_page_writes=off",
                    "-c",
                    "max_connections=200",
                ]
            ),
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        log.close()  # the server holds its own copy
        deadline = time.monotonic() + 30
        while True:
            try:
                with psycopg.connect(self.url("postgres"), connect_timeout=2):
                    return
            except psycopg.OperationalError:
                if self._process.poll() is not None or time.monotonic() > deadline:
                    said = (self._root / "server.log").read_text(errors="replace")
                    msg = f"the test PostgreSQL server did not start:\n{said[-2000:]}"
                    raise RuntimeError(msg) from None
                time.sleep(0.1)

    @property
    def pid(self) -> int | None:
        """The process started (the postmaster, or runuser as its parent); None before start."""
        return None if self._process is None else self._process.pid

    def url(self, database: str) -> str:
        return f"postgresql://omarmt@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh, empty database; its URL."""
        name = f"t{next(self._names)}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")  # a name of our own making
        return self.url(name)

    def restart(self) -> None:
        """Stop the server (fast shutdown: every connection is cut) and start it again on the
        same port with the same data, as an operator's restart or a failover does."""
        self._halt()
        self._serve()

    def _halt(self) -> None:
        """SIGTERM, then wait until the server has really gone: runuser may return before the
        postmaster it started has finished its shutdown (its pid file says it has not)."""
        if self._process is None:
            return
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(15)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        pid_file = self._root / "data" / "postmaster.pid"
        deadline = time.monotonic() + 30
        while pid_file.exists() and time.monotonic() < deadline:
            time.sleep(0.05)

    def stop(self) -> None:
        self._halt()
        with contextlib.suppress(OSError):
            shutil.rmtree(self._root)


def leader_pid(url: str) -> int:
    """The pid of the replica holding the writer lease on this database (the leader)."""
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = 'writer'").fetchone()
    assert row is not None
    return int(json.loads(bytes(row[0]))["pid"])
