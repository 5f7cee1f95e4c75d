"""Whether the bot's loops make progress: a heartbeat file for the health check, and an end to
a process that is stuck, so its supervisor (Docker, systemd) starts a fresh one.

A loop that goes round (polling, housekeeping, the handoff watcher) says `ok` every round; a
loop that fails says `failed` and tries again. Stuck is: failing without a success for
`stall_after` seconds, or an expected loop that has not come round in that time. Until then the
heartbeat file's modification time is kept fresh; `omarmt health` reads only that.
"""

from __future__ import annotations

import logging
import os
import time
import traceback
from collections.abc import Callable
from pathlib import Path

__all__ = ["HEALTHY_WITHIN", "STALL_AFTER", "Liveness", "heartbeat_age", "heartbeat_path"]

log = logging.getLogger(__name__)

#: A loop failing (or not coming round) this long makes the process exit, non-zero.
STALL_AFTER = 300.0
#: How often the heartbeat file is touched while all is well.
BEAT_EVERY = 15.0
#: `omarmt health` calls a heartbeat older than this dead.
HEALTHY_WITHIN = 90.0


def heartbeat_path(db: Path | str, alive: Path | None = None) -> Path:
    """The heartbeat file: `alive` (``OMARMT_ALIVE``) when set; else beside a SQLite file
    (``omarmt.sqlite3.alive``), or ``omarmt.alive`` in the working directory for a database
    server, whose replicas each have their own."""
    if alive is not None:
        return alive
    if isinstance(db, str):
        return Path("omarmt.alive")
    return db.with_name(db.name + ".alive")


def heartbeat_age(path: Path, now: float | None = None) -> float | None:
    """Seconds since the heartbeat file was touched; None when there is none."""
    try:
        touched = path.stat().st_mtime
    except OSError:
        return None
    return (time.time() if now is None else now) - touched


class Liveness:
    """The progress of each loop, by name."""

    def __init__(
        self,
        path: Path | None = None,
        *,
        stall_after: float = STALL_AFTER,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._path = path
        self.stall_after = stall_after
        self._clock = clock
        #: Errors that happen now and then (a channel's network trouble): logged as warnings.
        self._expected: tuple[type[BaseException], ...] = (OSError, TimeoutError)
        #: Loops that must come round: when each last did, and the pause it takes between.
        self._rounds: dict[str, float] = {}
        self._pauses: dict[str, float] = {}
        #: Loops (or kinds of work) failing now: since when.
        self._failing: dict[str, float] = {}

    def expect(self, name: str, pause: float = 0.0) -> None:
        """`name` goes round from now on, pausing `pause` s between rounds, and must say `ok`
        at least every `pause` + `stall_after` s (a loop that rests longer than `stall_after`
        between rounds is not stuck for resting)."""
        self._rounds[name] = self._clock()
        self._pauses[name] = pause

    def done(self, name: str) -> None:
        """`name` ended on purpose (the channel stops)."""
        self._rounds.pop(name, None)
        self._pauses.pop(name, None)
        self._failing.pop(name, None)

    def ok(self, name: str) -> None:
        """`name` made progress."""
        self._failing.pop(name, None)
        if name in self._rounds:
            self._rounds[name] = self._clock()

    def failed(self, name: str, exc: BaseException, *, then: str = "trying again") -> None:
        """`name` failed: logged by type and place only (an exception's message may quote what
        someone wrote, and ids), and noted for `stuck`."""
        self._failing.setdefault(name, self._clock())
        # A channel's and the network's trouble is expected now and then; anything else is not.
        level = logging.WARNING if isinstance(exc, self._expected) else logging.ERROR
        log.log(level, "%s failed (%s); %s", name, where(exc), then)

    def expect_errors(self, *kinds: type[BaseException]) -> None:
        """Errors of these kinds (a channel's own network errors) are logged as warnings."""
        self._expected = (*self._expected, *kinds)

    def stuck(self) -> str | None:
        """The first loop that made no progress for `stall_after` seconds, if any."""
        now = self._clock()
        for name, since in self._failing.items():
            if now - since > self.stall_after:
                return name
        for name, last in self._rounds.items():
            if now - last > self.stall_after + self._pauses.get(name, 0.0):
                return name
        return None

    def beat(self) -> None:
        """Touch the heartbeat file (best effort: a full disk shows as a stale heartbeat)."""
        if self._path is None:
            return
        try:
            self._path.touch()
            os.utime(self._path)
        except OSError as exc:
            log.warning("the heartbeat file cannot be touched (%s)", type(exc).__name__)


def where(exc: BaseException) -> str:
    """An exception as its type and the file and line it came from: nothing it says."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return type(exc).__name__
    last = frames[-1]
    return f"{type(exc).__name__} at {last.filename.rsplit('/', 1)[-1]}:{last.lineno or 0}"
