"""Scripted trouble for the test server: failures, slow answers and Telegram's flood limits."""

from __future__ import annotations

import asyncio
import math
import random
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from tests.auxil.botapi_wire import ApiError

__all__ = ["SENDING_METHODS", "Faults", "FloodLimits", "Hold"]

# Methods that create a message and so count against Telegram's flood limits.
SENDING_METHODS = frozenset(
    {
        "sendmessage", "sendphoto", "sendsticker", "sendvoice", "senddocument", "sendvideo",
        "sendaudio", "sendanimation", "copymessage", "forwardmessage",
    }
)  # fmt: skip
_DESCRIPTIONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict",
    500: "Internal Server Error",
    502: "Bad Gateway",
}


@dataclass
class _Failure:
    method: str
    chat_id: Any
    remaining: int
    error: ApiError


@dataclass
class _Delay:
    method: str
    remaining: int
    seconds: float


class Hold:
    """A call the server holds before carrying it out, so a test can act in the middle of it
    (kill the bot, say): `arrived` is set when it comes; `release` lets it go on, carried out
    or not (a client that was killed never hears the answer anyway)."""

    def __init__(self, method: str, chat_id: int | None = None) -> None:
        self.method = method
        self.chat_id = chat_id
        self.arrived = asyncio.Event()
        self.params: dict[str, Any] = {}
        self._released = asyncio.Event()
        self.carry_out = True

    def release(self, *, carry_out: bool = True) -> None:
        """Let the held call go on; `carry_out=False` answers it with an error, undone."""
        self.carry_out = carry_out
        self._released.set()

    async def wait_released(self) -> None:
        await self._released.wait()


@dataclass(frozen=True)
class FloodLimits:
    """Telegram's limits as the server enforces them when asked to (off by default)."""

    global_per_second: int = 30
    chat_per_second: float = 1.0
    chat_burst: int = 3
    group_per_minute: int = 20


@dataclass
class _Flood:
    limits: FloodLimits
    sent: deque[float] = field(default_factory=deque)
    chat_tokens: dict[int, tuple[float, float]] = field(default_factory=dict)
    group_sent: dict[int, deque[float]] = field(default_factory=dict)

    def check(self, chat_id: int, now: float) -> None:
        limits = self.limits
        while self.sent and self.sent[0] <= now - 1:
            self.sent.popleft()
        if len(self.sent) >= limits.global_per_second:
            raise _too_many(self.sent[0] + 1 - now)
        tokens, last = self.chat_tokens.get(chat_id, (float(limits.chat_burst), now))
        tokens = min(float(limits.chat_burst), tokens + (now - last) * limits.chat_per_second)
        if tokens < 1:
            raise _too_many((1 - tokens) / limits.chat_per_second)
        group = self.group_sent.setdefault(chat_id, deque()) if chat_id < 0 else None
        if group is not None:
            while group and group[0] <= now - 60:
                group.popleft()
            if len(group) >= limits.group_per_minute:
                raise _too_many(group[0] + 60 - now)
            group.append(now)
        self.chat_tokens[chat_id] = (tokens - 1, now)
        self.sent.append(now)


def _too_many(wait: float) -> ApiError:
    seconds = max(1, math.ceil(wait))
    return ApiError(429, f"Too Many Requests: retry after {seconds}", retry_after=seconds)


class Faults:
    """The failures and delays a test scripted, consumed in the order they were scripted."""

    def __init__(self) -> None:
        self._failures: list[_Failure] = []
        self._delays: list[_Delay] = []
        self._latency: dict[str, tuple[float, float]] = {}
        self._random = random.Random(0)
        self._flood: _Flood | None = None
        self._holds: list[Hold] = []

    def clear(self) -> None:
        """Calls off what is scripted and has not happened yet (flood limits stay)."""
        self._failures.clear()
        self._delays.clear()
        self._holds.clear()

    def hold(self, method: str, chat_id: int | None = None) -> Hold:
        """Scripts a hold of the next call of `method` (to `chat_id`, when given)."""
        held = Hold(method.lower(), chat_id)
        self._holds.append(held)
        return held

    def take_hold(self, method: str, params: dict[str, Any]) -> Hold | None:
        """The hold scripted for this call, if any (it is then arrived)."""
        for held in self._holds:
            if held.method == method and held.chat_id in (None, params.get("chat_id")):
                self._holds.remove(held)
                held.params = params
                held.arrived.set()
                return held
        return None

    def fail(
        self,
        method: str,
        *,
        times: int,
        error_code: int,
        description: str | None,
        retry_after: int | None,
        chat_id: int | str | None,
    ) -> None:
        """Scripts `times` failures of `method` (optionally only for calls to `chat_id`)."""
        if error_code == 429 and retry_after is None:
            retry_after = 1
        if description is None:
            description = (
                f"Too Many Requests: retry after {retry_after}"
                if error_code == 429
                else _DESCRIPTIONS.get(error_code, "Error")
            )
        error = ApiError(error_code, description, retry_after=retry_after)
        self._failures.append(_Failure(method.lower(), chat_id, times, error))

    def delay(self, method: str, seconds: float, *, times: int) -> None:
        """Scripts `times` slow answers of `method`."""
        self._delays.append(_Delay(method.lower(), times, seconds))

    def set_latency(self, method: str, low: float, high: float, *, seed: int) -> None:
        """Every call of `method` from now on waits a random `low`-`high` seconds (0, 0: off).

        Real Telegram answers in tens to hundreds of milliseconds, in no fixed order; races
        that a loopback server's instant answers hide show up under this.
        """
        self._random.seed(seed)
        if high <= 0:
            self._latency.pop(method.lower(), None)
        else:
            self._latency[method.lower()] = (low, high)

    def take_delay(self, method: str) -> float:
        """The delay scripted for this call of `method`, else its latency, if any."""
        for delay in self._delays:
            if delay.method in (method, "*"):
                delay.remaining -= 1
                if delay.remaining <= 0:
                    self._delays.remove(delay)
                return delay.seconds
        span = self._latency.get(method) or self._latency.get("*")
        return self._random.uniform(*span) if span is not None else 0.0

    def take_failure(self, method: str, params: dict[str, Any]) -> ApiError | None:
        """The failure scripted for this call of `method`, if any."""
        for failure in self._failures:
            if failure.method not in (method, "*"):
                continue
            if failure.chat_id is not None and params.get("chat_id") != failure.chat_id:
                continue
            failure.remaining -= 1
            if failure.remaining <= 0:
                self._failures.remove(failure)
            return failure.error
        return None

    def set_flood_limits(self, limits: FloodLimits | None) -> None:
        """Turns the flood limit simulation on (with these limits) or off (None)."""
        self._flood = _Flood(limits) if limits is not None else None

    def check_flood(self, method: str, params: dict[str, Any], now: float) -> None:
        """429 with retry_after when a sending call goes over the limits."""
        chat_id = params.get("chat_id")
        if self._flood is None or method not in SENDING_METHODS or not isinstance(chat_id, int):
            return
        self._flood.check(chat_id, now)
