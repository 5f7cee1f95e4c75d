"""A local Telegram Bot API server for end-to-end tests: real HTTP on 127.0.0.1, scripted users.

async with BotApiServer() as server:
    anna = server.user(1001, "Anna", language_code="nl")
    async with telegram.Bot(server.token, base_url=server.base_url) as bot:
        anna.send_text("/start")
        ...
        [reply] = await server.wait_sent(anna.id, count=1)
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Any, Self, TypeVar

from aiohttp import web

from tests.auxil.botapi_faults import Faults, FloodLimits, Hold
from tests.auxil.botapi_methods import Methods
from tests.auxil.botapi_state import BotState, Topic
from tests.auxil.botapi_updates import UpdateQueue, Webhook
from tests.auxil.botapi_users import Group, Member, User, make_user
from tests.auxil.botapi_wire import (
    ApiError,
    JSONDict,
    RecordedRequest,
    UploadedFile,
    error_body,
    parse_params,
)

__all__ = [
    "DEFAULT_TOKEN",
    "BotApiServer",
    "FloodLimits",
    "Group",
    "Hold",
    "Member",
    "RecordedRequest",
    "Topic",
    "User",
]

DEFAULT_TOKEN = "123456789:AAE-omarmt-test-token_0123456789abcdef"
_API_PATH = re.compile(r"/bot([^/]*)/([^/]*)")
_FILE_PATH = re.compile(r"/file/bot([^/]*)/(.+)")
_TOKEN_SHAPE = re.compile(r"[1-9][0-9]{0,15}:[A-Za-z0-9_-]+")
_T = TypeVar("_T")


class BotApiServer:
    """One bot's Telegram on a random loopback port; use as `async with BotApiServer() as s:`."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        bot_username: str = "omarmt_test_bot",
        bot_first_name: str = "Omarmt",
        first_update_id: int = 1,
        record: bool = True,
        webhook_retry_delay: float = 0.05,
        webhook_max_retry_delay: float = 1.0,
        flood_limits: FloodLimits | None = None,
    ) -> None:
        if not _TOKEN_SHAPE.fullmatch(token):
            raise ValueError("a bot token looks like 123456:ABC-def")
        self.token = token
        self.bot_id = int(token.split(":", 1)[0])
        self.state = BotState(self.bot_id, username=bot_username, first_name=bot_first_name)
        self.errors: list[BaseException] = []
        self._record = record
        self._log: list[RecordedRequest] = []
        self._changed = asyncio.Event()
        self._closing = asyncio.Event()
        self._queue = UpdateQueue(first_update_id, self._notify)
        self._webhook = Webhook(
            self._queue, retry_delay=webhook_retry_delay, max_retry_delay=webhook_max_retry_delay
        )
        self._methods = Methods(self.state, self._queue, self._webhook)
        self._faults = Faults()
        self._faults.set_flood_limits(flood_limits)
        self._runner: web.AppRunner | None = None
        self._port = 0

    # --- lifecycle ---

    async def start(self) -> None:
        """Listens on 127.0.0.1 at a free port."""
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self._port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        """Ends long polls and slow answers, stops webhook delivery and closes the port."""
        self._closing.set()
        self._queue.close()
        await self._webhook.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.stop()
        if exc is None and self.errors:
            raise RuntimeError("the Bot API test server failed") from self.errors[0]

    @property
    def port(self) -> int:
        """The port the server listens on."""
        return self._port

    @property
    def url(self) -> str:
        """The server root, e.g. http://127.0.0.1:40123."""
        return f"http://127.0.0.1:{self._port}"

    @property
    def base_url(self) -> str:
        """For `telegram.Bot(base_url=...)` and OMARMT_TELEGRAM_API_URL: the token follows."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """For `telegram.Bot(base_file_url=...)`."""
        return f"{self.url}/file/bot"

    # --- HTTP ---

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        arrived = time.monotonic()
        if match := _FILE_PATH.fullmatch(request.path):
            return self._serve_file(*match.groups())
        match = _API_PATH.fullmatch(request.path)
        if match is None:
            return web.json_response(error_body(ApiError(404, "Not Found")), status=404)
        token, name = match.groups()
        if token != self.token:
            error = (
                ApiError(401, "Unauthorized")
                if _TOKEN_SHAPE.fullmatch(token)
                else ApiError(404, "Not Found")
            )
            self._remember(
                RecordedRequest(name, {}, arrived, "", error.error_code, None, error.description)
            )
            return web.json_response(error_body(error), status=error.error_code)
        method, handler = self._methods.table.get(name.lower(), (name, None))
        params: JSONDict = {}
        transport, files = "", tuple[UploadedFile, ...]()
        try:
            params, transport, files = await parse_params(request)
            if handler is None:
                raise ApiError(404, "Not Found: method not found")
            if delay := self._faults.take_delay(name.lower()):
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(delay):
                        await self._closing.wait()
            if held := self._faults.take_hold(name.lower(), params):
                release = asyncio.ensure_future(held.wait_released())
                closing = asyncio.ensure_future(self._closing.wait())
                await asyncio.wait({release, closing}, return_when=asyncio.FIRST_COMPLETED)
                release.cancel()
                closing.cancel()
                if not held.carry_out or self._closing.is_set():
                    raise ApiError(500, "Internal Server Error: held and not carried out")
            if failure := self._faults.take_failure(name.lower(), params):
                raise failure
            self._faults.check_flood(name.lower(), params, arrived)
            result = await handler(params)
        except ApiError as exc:
            record = RecordedRequest(
                method, params, arrived, transport, exc.error_code, None, exc.description, files
            )
            self._remember(record)
            return web.json_response(error_body(exc), status=exc.error_code)
        except Exception as exc:  # noqa: BLE001 - a bug in the fake must fail the test, not the bot
            self.errors.append(exc)
            error = ApiError(500, "Internal Server Error")
            self._remember(
                RecordedRequest(method, params, arrived, transport, 500, None, str(exc))
            )
            return web.json_response(error_body(error), status=500)
        self._remember(
            RecordedRequest(method, params, arrived, transport, 200, result, None, files)
        )
        return web.json_response({"ok": True, "result": result})

    def _serve_file(self, token: str, path: str) -> web.Response:
        if token == self.token:
            for stored in self.state.files.values():
                if stored.path == path:
                    return web.Response(body=stored.data)
        return web.json_response(error_body(ApiError(404, "Not Found")), status=404)

    def _remember(self, record: RecordedRequest) -> None:
        if self._record:
            self._log.append(record)
        self._notify()

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    # --- what happened ---

    def requests(
        self, method: str | None = None, *, chat_id: int | str | None = None
    ) -> list[RecordedRequest]:
        """Every request answered so far, oldest first; filter by method (any case) and chat."""
        wanted = method.lower() if method else None
        return [
            record
            for record in self._log
            if (wanted is None or record.method.lower() == wanted)
            and (chat_id is None or record.params.get("chat_id") == chat_id)
        ]

    def sent_messages(
        self, chat_id: int | None = None, *, thread_id: int | None = None
    ) -> list[JSONDict]:
        """Messages the bot sent (current state: edits applied, deleted ones left out)."""
        return [dict(m) for m in self.state.sent_by_bot(chat_id, thread_id=thread_id)]

    def message(self, chat_id: int, message_id: int) -> JSONDict | None:
        """The current state of any message, or None if it does not exist or was deleted."""
        chat = self.state.chats.get(chat_id)
        message = chat.message(message_id) if chat else None
        return dict(message) if message is not None else None

    def commands(
        self, scope: Mapping[str, Any] | None = None, language_code: str = ""
    ) -> list[JSONDict]:
        """The commands set with setMyCommands for this scope and language."""
        key = self._methods.scope_key({"scope": scope, "language_code": language_code})
        return list(self.state.commands.get(key, []))

    def topics(self, chat_id: int) -> dict[int, Topic]:
        """The forum topics of a group by thread id, deleted ones included (marked)."""
        return dict(self.state.chats[chat_id].topics)

    def pinned(self, chat_id: int) -> list[int]:
        """The ids of the chat's pinned messages, the most recently pinned last."""
        return list(self.state.chats[chat_id].pinned)

    def pending_updates(self) -> list[JSONDict]:
        """Updates Telegram still holds: not confirmed by getUpdates nor delivered by webhook."""
        return self._queue.pending()

    def webhook_info(self) -> JSONDict:
        """What getWebhookInfo answers now."""
        return self._webhook.info()

    @property
    def webhook_deliveries(self) -> int:
        """How many webhook POSTs the server made, retries included."""
        return self._webhook.deliveries

    # --- people and updates ---

    def user(
        self,
        user_id: int,
        first_name: str = "Sam",
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "nl",
    ) -> User:
        """A scripted young person with a private chat with the bot."""
        if user_id <= 0:
            raise ValueError("user ids are positive")
        return make_user(
            self,
            user_id,
            first_name,
            last_name=last_name,
            username=username,
            language_code=language_code,
        )

    def group(
        self,
        chat_id: int,
        title: str = "Staff",
        *,
        is_forum: bool = True,
        username: str | None = None,
    ) -> Group:
        """A supergroup, a forum by default, with the bot as administrator."""
        if chat_id >= 0:
            raise ValueError("group chat ids are negative, e.g. -1001234567890")
        chat = self.state.add_group(chat_id, title, is_forum=is_forum, username=username)
        return Group(self, chat)

    def push_update(self, update: JSONDict) -> int:
        """Queues an update (update_id assigned, allowed_updates applied); returns its id."""
        return self._queue.push(update)

    def inject(self, update: Mapping[str, Any]) -> int:
        """Queues a raw update as given, for malformed-shape tests; keeps its update_id if any."""
        return self._queue.push(dict(update), filtered=False)

    def set_next_update_id(self, update_id: int) -> None:
        """The id the next update gets; Telegram restarts ids at random after a quiet week."""
        self._queue.next_id = update_id

    # --- trouble ---

    def fail_next(
        self,
        method: str,
        times: int = 1,
        error_code: int = 429,
        description: str | None = None,
        retry_after: int | None = None,
        *,
        chat_id: int | str | None = None,
    ) -> None:
        """The next `times` calls of `method` ("*" for any) fail; 429 carries retry_after."""
        self._faults.fail(
            method,
            times=times,
            error_code=error_code,
            description=description,
            retry_after=retry_after,
            chat_id=chat_id,
        )

    def delay_next(self, method: str, seconds: float, times: int = 1) -> None:
        """The next `times` calls of `method` are answered after `seconds` (then carried out)."""
        self._faults.delay(method, seconds, times=times)

    def set_latency(self, method: str, low: float, high: float, *, seed: int = 0) -> None:
        """Every call of `method` ("*" for any) is answered after a random `low`-`high` s.

        Scripted delays (`delay_next`) come first; `high` 0 turns the latency off.
        """
        self._faults.set_latency(method, low, high, seed=seed)

    def clear_faults(self) -> None:
        """Scripted failures, delays and holds that have not happened yet are called off."""
        self._faults.clear()

    def hold_next(self, method: str, chat_id: int | None = None) -> Hold:
        """The next call of `method` (to `chat_id`, when given) waits, before it is carried
        out, until the test releases it (`Hold.release`); `Hold.arrived` tells the test it
        came. For killing the bot in the middle of a call."""
        return self._faults.hold(method, chat_id)

    def block(self, chat_id: int, description: str | None = None) -> None:
        """Sends to this chat get 403 from now on (no update; see User.block_bot for that)."""
        default = (
            "Forbidden: bot was blocked by the user"
            if chat_id > 0
            else "Forbidden: bot was kicked from the supergroup chat"
        )
        self.state.blocked[chat_id] = description or default

    def unblock(self, chat_id: int) -> None:
        """Undoes `block`."""
        self.state.blocked.pop(chat_id, None)

    def delete_topic(self, chat_id: int, thread_id: int) -> None:
        """Staff delete a topic: later sends to it get 400 "message thread not found"."""
        chat = self.state.chats[chat_id]
        topic = chat.topics.get(thread_id)
        if topic is None:
            raise ValueError(f"no topic {thread_id} in chat {chat_id}")
        self.state.delete_topic(chat, topic)

    def set_flood_limits(self, limits: FloodLimits | None) -> None:
        """Turns Telegram's flood limits on (429 with retry_after when exceeded) or off (None)."""
        self._faults.set_flood_limits(limits)

    # --- waiting ---

    # The waits take `timeout` like asyncio.wait_for: a deadline is the whole point of them.
    async def wait_for(self, predicate: Callable[[], _T], timeout: float = 10.0) -> _T:  # noqa: ASYNC109
        """Waits until `predicate()` is truthy (checked on every change) and returns its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"the condition did not hold within {timeout} s")
            changed = self._changed
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(min(remaining, 0.05)):
                    await changed.wait()

    async def wait_sent(
        self,
        chat_id: int,
        count: int = 1,
        timeout: float = 10.0,  # noqa: ASYNC109
        *,
        thread_id: int | None = None,
    ) -> list[JSONDict]:
        """Waits until the bot has sent at least `count` messages to the chat; returns them all."""
        try:
            return await self.wait_for(
                lambda: (
                    (sent := self.sent_messages(chat_id, thread_id=thread_id))[count - 1 :]
                    and sent
                ),
                timeout,
            )
        except TimeoutError:
            texts = [m.get("text", m.get("caption")) for m in self.sent_messages(chat_id)]
            raise TimeoutError(
                f"{count} message(s) to {chat_id} expected within {timeout} s; sent: {texts}"
            ) from None

    async def wait_requests(
        self,
        method: str,
        count: int = 1,
        timeout: float = 10.0,  # noqa: ASYNC109
    ) -> list[RecordedRequest]:
        """Waits until `method` was called at least `count` times; returns those calls."""
        return await self.wait_for(
            lambda: (calls := self.requests(method))[count - 1 :] and calls, timeout
        )
