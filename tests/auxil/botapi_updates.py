"""The update queue behind getUpdates (offsets, long polling) and webhook delivery."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

import aiohttp

from tests.auxil.botapi_state import chat_id_of
from tests.auxil.botapi_wire import ApiError, JSONDict

__all__ = ["DEFAULT_UPDATES", "UpdateQueue", "Webhook", "update_type"]

# What Telegram sends when allowed_updates is empty or was never given.
DEFAULT_UPDATES = frozenset(
    {
        "message", "edited_message", "channel_post", "edited_channel_post",
        "business_connection", "business_message", "edited_business_message",
        "deleted_business_messages", "inline_query", "chosen_inline_result", "callback_query",
        "shipping_query", "pre_checkout_query", "purchased_paid_media", "poll", "poll_answer",
        "my_chat_member", "chat_join_request", "chat_boost", "removed_chat_boost",
    }
)  # fmt: skip
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
_CONFLICT_POLL = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)


def update_type(update: JSONDict) -> str:
    """The kind of an update: the name of its one field beside update_id."""
    return next((key for key in update if key != "update_id"), "")


class UpdateQueue:
    """Unconfirmed updates in id order, confirmed by a later getUpdates offset as in Telegram."""

    def __init__(self, first_update_id: int, on_change: Callable[[], None]) -> None:
        self.next_id = first_update_id
        self.allowed: frozenset[str] = DEFAULT_UPDATES
        self.polling_conflict: str | None = None  # set while a webhook is active
        self._pending: list[JSONDict] = []
        self._on_change = on_change
        self._event = asyncio.Event()
        self._generation = 0
        self._closed = False
        self.listeners: list[Callable[[JSONDict], None]] = []

    def notify(self) -> None:
        """Wakes every long poll and waiter so it looks at the state again."""
        self._event.set()
        self._event = asyncio.Event()
        self._on_change()

    def push(self, update: JSONDict, *, filtered: bool = True) -> int:
        """Queues an update, giving it the next update_id unless it brings its own."""
        if "update_id" not in update:
            update = {"update_id": self.next_id, **update}
        update_id: int = update["update_id"]
        self.next_id = max(self.next_id, update_id + 1)
        if filtered and update_type(update) not in self.allowed:
            return update_id  # Telegram does not even create updates the bot did not ask for
        self._pending.append(update)
        self._pending.sort(key=lambda queued: int(queued["update_id"]))
        for listener in self.listeners:
            listener(update)
        self.notify()
        return update_id

    def pending(self) -> list[JSONDict]:
        """Updates not yet confirmed (polling) or delivered (webhook)."""
        return list(self._pending)

    def remove(self, update_id: int) -> None:
        """Drops one update: the webhook delivered it."""
        self._pending = [u for u in self._pending if u["update_id"] != update_id]
        self.notify()

    def clear(self) -> None:
        """Drops every pending update (drop_pending_updates)."""
        self._pending.clear()
        self.notify()

    def set_allowed(self, allowed: Iterable[str] | None) -> None:
        """Applies an allowed_updates parameter: None keeps, empty means the default set."""
        if allowed is None:
            return
        names = frozenset(allowed)
        self.allowed = names or DEFAULT_UPDATES

    def confirm(self, offset: int) -> None:
        """Forgets updates as the getUpdates `offset` parameter says."""
        if offset < 0:
            self._pending = self._pending[offset:]
        elif offset > self.next_id + 10:
            # Telegram answers an offset "in the future" from the head of the queue; this is what
            # lets a bot continue when update ids restart lower after a quiet week.
            return
        else:
            self._pending = [u for u in self._pending if u["update_id"] >= offset]

    async def get(self, offset: int, limit: int, wait: float) -> list[JSONDict]:
        """getUpdates: confirm, then answer at once or as soon as an update arrives."""
        self._generation += 1
        generation = self._generation
        self.notify()  # an older long poll of this bot now ends with 409
        if offset:
            self.confirm(offset)
        deadline = time.monotonic() + wait
        while True:
            if self.polling_conflict is not None:
                raise ApiError(409, self.polling_conflict)
            if generation != self._generation:
                raise ApiError(409, _CONFLICT_POLL)
            if self._pending or self._closed:
                return self._pending[:limit]
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return []
            event = self._event
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(remaining):
                    await event.wait()

    def close(self) -> None:
        """Ends every long poll now (server shutdown)."""
        self._closed = True
        self.notify()


class Webhook:
    """Delivers queued updates by POST like Telegram: in order per chat, retrying failures."""

    def __init__(self, queue: UpdateQueue, *, retry_delay: float, max_retry_delay: float) -> None:
        self.queue = queue
        self.url = ""
        self.secret: str | None = None
        self.max_connections = 40
        self.last_error_date: int | None = None
        self.last_error_message: str | None = None
        self.deliveries = 0
        self._retry_delay = retry_delay
        self._max_retry_delay = max_retry_delay
        self._session: aiohttp.ClientSession | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._chat_locks: dict[Any, asyncio.Lock] = {}
        self._slots = asyncio.Semaphore(40)
        queue.listeners.append(self._on_update)

    @property
    def active(self) -> bool:
        """Whether a webhook URL is set."""
        return bool(self.url)

    async def set(self, url: str, *, secret: str | None, max_connections: int) -> None:
        """setWebhook: only to loopback hosts; starts delivering what is pending."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.hostname not in _LOOPBACK:
            raise ApiError(
                400, "Bad Request: bad webhook: the test server delivers only to 127.0.0.1"
            )
        if not 1 <= max_connections <= 100:
            raise ApiError(400, "Bad Request: bad webhook: invalid max_connections")
        await self.delete()
        self.url, self.secret, self.max_connections = url, secret, max_connections
        self._slots = asyncio.Semaphore(max_connections)
        self.queue.polling_conflict = (
            "Conflict: can't use getUpdates method while webhook is active; "
            "use deleteWebhook to delete the webhook first"
        )
        self.queue.notify()
        for update in self.queue.pending():
            self._on_update(update)

    async def delete(self) -> None:
        """deleteWebhook: stops delivering; undelivered updates stay for getUpdates."""
        self.url = ""
        self.queue.polling_conflict = None
        tasks, self._tasks = self._tasks, set()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._chat_locks.clear()

    async def close(self) -> None:
        """Stops delivery and closes the HTTP client."""
        await self.delete()
        if self._session is not None:
            await self._session.close()
            self._session = None

    def info(self) -> JSONDict:
        """The WebhookInfo object."""
        info: JSONDict = {
            "url": self.url,
            "has_custom_certificate": False,
            "pending_update_count": len(self.queue.pending()),
        }
        if self.url:
            info["max_connections"] = self.max_connections
            info["allowed_updates"] = sorted(self.queue.allowed)
        if self.last_error_date is not None:
            info["last_error_date"] = self.last_error_date
            info["last_error_message"] = self.last_error_message
        return info

    def _on_update(self, update: JSONDict) -> None:
        if not self.active:
            return
        key = chat_id_of(update)
        lock = self._chat_locks.setdefault(key if key is not None else object(), asyncio.Lock())
        task = asyncio.get_running_loop().create_task(self._deliver(update, lock))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _deliver(self, update: JSONDict, lock: asyncio.Lock) -> None:
        # Tasks start in creation order and asyncio.Lock wakes waiters first-in first-out, so
        # updates of one chat are delivered in order while other chats go ahead.
        async with lock, self._slots:
            delay = self._retry_delay
            while not await self._post(update):
                await asyncio.sleep(delay)
                delay = min(delay * 2, self._max_retry_delay)
            self.queue.remove(update["update_id"])

    async def _post(self, update: JSONDict) -> bool:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))
        headers = {"X-Telegram-Bot-Api-Secret-Token": self.secret} if self.secret else {}
        self.deliveries += 1
        try:
            async with self._session.post(self.url, json=update, headers=headers) as response:
                await response.read()
                if 200 <= response.status <= 299:
                    return True
                error = f"Wrong response from the webhook: {response.status} {response.reason}"
        except (aiohttp.ClientError, TimeoutError) as exc:
            error = f"Connection failed: {type(exc).__name__}"
        self.last_error_date = int(time.time())
        self.last_error_message = error
        return False
