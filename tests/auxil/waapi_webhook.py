"""Meta's side of the webhook: signed POSTs, redelivery until 200, duplicates, reordering.

Bodies are serialized the way Meta does it (compact, non-ASCII as \\uXXXX, "/" as "\\/"), so a
receiver that checks the signature over re-serialized JSON instead of the raw bytes fails.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import random
import time
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from tests.auxil.waapi_wire import JSONDict

__all__ = ["Answer", "Delivery", "WebhookSender", "meta_json", "signature"]


def meta_json(body: Any) -> bytes:
    """JSON as Meta's webhooks carry it."""
    return json.dumps(body, separators=(",", ":"), ensure_ascii=True).replace("/", "\\/").encode()


def signature(app_secret: str, raw: bytes) -> str:
    """The X-Hub-Signature-256 header value for a raw body."""
    return "sha256=" + hmac.new(app_secret.encode(), raw, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Answer:
    """One POST to the webhook and how it was answered (status 0: no answer, connection failed)."""

    status: int
    seconds: float
    body: bytes = b""


@dataclass
class Delivery:
    """One webhook body on its way: delivered when a POST of it got 200."""

    body: JSONDict
    key: str  # the user it is about: deliveries of one user go in order unless reordering
    raw: bytes = b""
    answers: list[Answer] = field(default_factory=list)
    done: asyncio.Event = field(default_factory=asyncio.Event)


class WebhookSender:
    """Posts deliveries to the URL the test gave, retrying with backoff until 200."""

    def __init__(
        self, app_secret: str, *, retry_delay: float, max_retry_delay: float, timeout: float
    ) -> None:
        self.app_secret = app_secret
        self.url = ""
        self.retry_delay = retry_delay
        self.max_retry_delay = max_retry_delay
        self.timeout = timeout
        self.duplicate = False  # every body is POSTed twice (Meta does it now and then)
        self.delay = 0.0  # seconds before each delivery
        self.reorder = 0.0  # > 0: a random extra delay up to this, and no per-user order
        self.answers: list[Answer] = []
        self.deliveries: list[Delivery] = []
        self._random = random.Random(0)
        self._session: aiohttp.ClientSession | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._locks: dict[str, asyncio.Lock] = {}
        self._waiting: list[Delivery] = []

    def set_url(self, url: str) -> None:
        """Delivers to `url` from now on; what waited for a URL goes now."""
        self.url = url
        waiting, self._waiting = self._waiting, []
        for delivery in waiting:
            self._start(delivery)

    def send(self, body: JSONDict, key: str) -> Delivery:
        """Queues a body for delivery (held until there is a URL)."""
        delivery = Delivery(body, key, meta_json(body))
        self.deliveries.append(delivery)
        if self.url:
            self._start(delivery)
        else:
            self._waiting.append(delivery)
        return delivery

    def pending(self) -> list[Delivery]:
        """Deliveries not yet answered with 200."""
        return [d for d in self.deliveries if not d.done.is_set()]

    def _start(self, delivery: Delivery) -> None:
        task = asyncio.get_running_loop().create_task(self._deliver(delivery))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _deliver(self, delivery: Delivery) -> None:
        wait = self.delay + (self._random.uniform(0, self.reorder) if self.reorder else 0.0)
        if self.reorder:
            await asyncio.sleep(wait)
            await self._until_ok(delivery)
            return
        # Tasks start in creation order and asyncio.Lock wakes waiters first-in first-out, so one
        # user's deliveries arrive in order while other users go ahead.
        async with self._locks.setdefault(delivery.key, asyncio.Lock()):
            if wait:
                await asyncio.sleep(wait)
            await self._until_ok(delivery)

    async def _until_ok(self, delivery: Delivery) -> None:
        backoff = self.retry_delay
        while True:
            answer = await self.post(delivery.raw)
            delivery.answers.append(answer)
            if answer.status == 200:
                break
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, self.max_retry_delay)
        delivery.done.set()
        if self.duplicate:
            delivery.answers.append(await self.post(delivery.raw))

    async def post(
        self,
        raw: bytes,
        *,
        url: str | None = None,
        sign: str | bool | None = True,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        """One POST: signed by default, `sign=None` without the header, a str as given."""
        if self._session is None:
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=self.timeout)
            )
        sent = {"Content-Type": "application/json", "User-Agent": "facebookexternalua"}
        if sign is True:
            sent["X-Hub-Signature-256"] = signature(self.app_secret, raw)
        elif isinstance(sign, str):
            sent["X-Hub-Signature-256"] = sign
        sent.update(headers or {})
        started = time.monotonic()
        try:
            async with self._session.post(url or self.url, data=raw, headers=sent) as response:
                body = await response.read()
                answer = Answer(response.status, time.monotonic() - started, body)
        except (aiohttp.ClientError, TimeoutError):
            answer = Answer(0, time.monotonic() - started)
        self.answers.append(answer)
        return answer

    async def get(self, url: str, params: dict[str, str]) -> tuple[int, str]:
        """A GET like Meta's verification request."""
        if self._session is None:
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=self.timeout)
            )
        async with self._session.get(url, params=params) as response:
            return response.status, await response.text()

    async def close(self) -> None:
        """Stops delivering and closes the HTTP client."""
        tasks, self._tasks = self._tasks, set()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if self._session is not None:
            await self._session.close()
            self._session = None
