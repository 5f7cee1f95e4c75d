"""The rules WhatsApp enforces on sending, and trouble on demand, for the test server.

- the 24-hour customer-service window, on a clock the test moves forward;
- the pair rate: at most N messages to one person within a period (131056);
- throughput: at most K messages per second in all (130429);
- scripted failures, a delay on every answer, and holds.
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass

from tests.auxil.botapi_faults import Hold
from tests.auxil.waapi_wire import GraphError

__all__ = ["Clock", "Faults", "Hold", "Limits"]


class Clock:
    """Wall-clock time plus an offset the test moves forward (`advance`)."""

    def __init__(self) -> None:
        self.offset = 0.0

    def now(self) -> float:
        """Unix time as the server sees it."""
        return time.time() + self.offset

    def advance(self, *, hours: float = 0.0, minutes: float = 0.0, seconds: float = 0.0) -> None:
        """Moves the server's clock forward (the 24-hour window follows it)."""
        step = hours * 3600 + minutes * 60 + seconds
        if step < 0:
            raise ValueError("the clock only moves forward")
        self.offset += step


class Limits:
    """The sending limits, each switchable: None turns one off."""

    def __init__(
        self,
        *,
        window_hours: float | None,
        pair_limit: tuple[int, float] | None,
        throughput: int | None,
    ) -> None:
        self.window_hours = window_hours
        self.pair_limit = pair_limit
        self.throughput = throughput
        self._pair: dict[str, deque[float]] = {}
        self._all: deque[float] = deque()

    def window_open(self, last_inbound: float | None, now: float) -> bool:
        """Whether a free-form message may go to someone who last wrote at `last_inbound`."""
        if self.window_hours is None:
            return True
        return last_inbound is not None and now - last_inbound <= self.window_hours * 3600

    def check_rates(self, person: str, now: float) -> None:
        """130429 over throughput, 131056 over the pair rate; else the message counts."""
        if self.throughput is not None:
            while self._all and self._all[0] <= now - 1.0:
                self._all.popleft()
            if len(self._all) >= self.throughput:
                raise GraphError(130429)
        sent = self._pair.setdefault(person, deque())
        if self.pair_limit is not None:
            count, period = self.pair_limit
            while sent and sent[0] <= now - period:
                sent.popleft()
            if len(sent) >= count:
                raise GraphError(131056)
        sent.append(now)
        self._all.append(now)


@dataclass
class _Failure:
    path: str
    remaining: int
    error: GraphError


class Faults:
    """Failures, delays and holds a test scripted, used in the order they were scripted."""

    def __init__(self) -> None:
        self._failures: list[_Failure] = []
        self._holds: list[Hold] = []
        self.delay = 0.0

    def fail(self, path: str, count: int, error: GraphError) -> None:
        """The next `count` calls to `path` ("messages", "media" or "*") fail with `error`."""
        self._failures.append(_Failure(path, count, error))

    def take_failure(self, path: str) -> GraphError | None:
        """The failure scripted for this call, if any."""
        for failure in self._failures:
            if failure.path in (path, "*"):
                failure.remaining -= 1
                if failure.remaining <= 0:
                    self._failures.remove(failure)
                return failure.error
        return None

    def hold(self, path: str) -> Hold:
        """The next call to `path` waits until the test releases it."""
        held = Hold(path)
        self._holds.append(held)
        return held

    def take_hold(self, path: str, body: dict[str, object]) -> Hold | None:
        """The hold scripted for this call, if any (it is then arrived)."""
        for held in self._holds:
            if held.method in (path, "*"):
                self._holds.remove(held)
                held.params = dict(body)
                held.arrived.set()
                return held
        return None

    def clear(self) -> None:
        """Calls off scripted failures and holds; the delay stays."""
        self._failures.clear()
        self._holds.clear()
