"""A local WhatsApp Cloud API for end-to-end tests: Graph API and Meta's webhook, on 127.0.0.1.

async with WhatsAppServer() as wa:
    wa.deliver_to("http://127.0.0.1:8080/whatsapp")      # the bot's webhook
    sam = wa.user("Sam")
    await wa.send_text(sam, "hoi")                       # signed webhook, waits for the 200
    [reply] = await wa.wait_received(sam, count=1)       # what the bot sent, as sent
    await wa.tap_button(sam, wa.visible(reply).ids[0])

The bot gets `wa.url` as OMARMT_WHATSAPP_API_URL and `wa.token`, `wa.phone_number_id`,
`wa.app_secret` as the other settings. See docs/whatsapp-test-server.md for what it imitates.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import time
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Any, Literal, Self, TypeVar

from aiohttp import web

from tests.auxil.waapi_graph import Book, GraphApi
from tests.auxil.waapi_people import (
    WaUser,
    envelope,
    inbound_message,
    make_user,
    media_payload,
    status_payload,
)
from tests.auxil.waapi_rules import Clock, Faults, Hold, Limits
from tests.auxil.waapi_view import Choice, Outbound, Visible, visible
from tests.auxil.waapi_webhook import Answer, WebhookSender, meta_json, signature
from tests.auxil.waapi_wire import (
    GraphError,
    JSONDict,
    RecordedCall,
    new_wamid,
)

__all__ = [
    "DEFAULT_APP_SECRET",
    "DEFAULT_PHONE_NUMBER_ID",
    "DEFAULT_TOKEN",
    "Answer",
    "Choice",
    "GraphError",
    "Hold",
    "Outbound",
    "RecordedCall",
    "Visible",
    "WaUser",
    "WhatsAppServer",
    "meta_json",
    "signature",
    "visible",
]

DEFAULT_TOKEN = "EAAomarmtTestToken0123456789abcdefZZZ"
DEFAULT_APP_SECRET = "0123456789abcdef0123456789abcdef"
DEFAULT_PHONE_NUMBER_ID = "106540352242922"
_T = TypeVar("_T")


class WhatsAppServer:
    """One business phone number's Cloud API on a random loopback port."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        app_secret: str = DEFAULT_APP_SECRET,
        phone_number_id: str = DEFAULT_PHONE_NUMBER_ID,
        *,
        display_phone_number: str = "31850001234",
        waba_id: str = "102290129340398",
        version: str = "v23.0",
        window_hours: float | None = 24.0,
        window_failure: Literal["status", "response"] = "status",
        pair_limit: tuple[int, float] | None = (6, 2.0),
        throughput: int | None = 80,
        statuses: bool = True,
        retry_delay: float = 0.05,
        max_retry_delay: float = 1.0,
        webhook_timeout: float = 10.0,
    ) -> None:
        self.token = token
        self.app_secret = app_secret
        self.phone_number_id = phone_number_id
        self.display_phone_number = display_phone_number
        self.waba_id = waba_id
        self.version = version
        self.clock = Clock()
        self.limits = Limits(
            window_hours=window_hours, pair_limit=pair_limit, throughput=throughput
        )
        self.webhook = WebhookSender(
            app_secret,
            retry_delay=retry_delay,
            max_retry_delay=max_retry_delay,
            timeout=webhook_timeout,
        )
        self._book = Book()
        self._faults = Faults()
        self._graph = GraphApi(
            token=token,
            phone_number_id=phone_number_id,
            version=version,
            book=self._book,
            clock=self.clock,
            limits=self.limits,
            faults=self._faults,
            send_status=self._status,
            on_change=self._notify,
        )
        self._graph.window_failure = window_failure
        self._graph.statuses = statuses
        self._changed = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._port = 0

    # --- lifecycle ---

    async def start(self) -> None:
        """Listens on 127.0.0.1 at a free port."""
        app = web.Application(client_max_size=100 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._graph.handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self._port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        """Stops webhook delivery, ends held answers and closes the port."""
        self._graph.closing.set()
        await self.webhook.close()
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
            raise RuntimeError("the WhatsApp test server failed") from self.errors[0]

    @property
    def port(self) -> int:
        """The port the server listens on."""
        return self._port

    @property
    def url(self) -> str:
        """The Graph API base with its version, for OMARMT_WHATSAPP_API_URL."""
        return f"http://127.0.0.1:{self._port}/{self.version}"

    @property
    def window_failure(self) -> Literal["status", "response"]:
        """How a free-form send outside the 24-hour window fails: "status" (accepted, then a
        `failed` status webhook with 131047, as Meta does) or "response" (400 131047 at once)."""
        return self._graph.window_failure

    @window_failure.setter
    def window_failure(self, value: Literal["status", "response"]) -> None:
        self._graph.window_failure = value

    @property
    def statuses(self) -> bool:
        """Whether `sent` and `delivered` status webhooks follow every accepted message."""
        return self._graph.statuses

    @statuses.setter
    def statuses(self, value: bool) -> None:
        self._graph.statuses = value

    @property
    def errors(self) -> list[BaseException]:
        """Bugs of the server itself (the test fails with the first one at exit)."""
        return self._book.errors

    @property
    def requests(self) -> list[RecordedCall]:
        """Every Graph API call answered, oldest first."""
        return self._book.requests

    @property
    def media(self) -> dict[str, tuple[str, bytes]]:
        """Uploaded media by id: (type, data)."""
        return self._book.media

    @property
    def read_marks(self) -> list[str]:
        """The wamids the bot marked as read, in order."""
        return self._book.read_marks

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    # --- webhook: people act, Meta posts ---

    def deliver_to(self, url: str) -> None:
        """The webhook URL (the bot's /whatsapp); what waited for one is delivered now."""
        self.webhook.set_url(url)

    def webhook_faults(
        self, *, delay: float = 0.0, reorder: float = 0.0, duplicate: bool = False
    ) -> None:
        """Every delivery waits `delay` s; `reorder` > 0 adds a random 0-`reorder` s and drops
        the per-user order; `duplicate` POSTs every body twice (the second after the first's 200).
        """
        self.webhook.delay = delay
        self.webhook.reorder = reorder
        self.webhook.duplicate = duplicate

    def user(
        self,
        name: str = "Sam",
        *,
        wa_id: str | None = None,
        user_id: str | None = None,
        username: str | None = None,
        shares_phone: bool = True,
    ) -> WaUser:
        """A scripted young person; wa_id and BSUID are made up when not given."""
        user = make_user(
            name, wa_id=wa_id, user_id=user_id, username=username, shares_phone=shares_phone
        )
        if user.key in self._book.users or user.wa_id in self._book.by_phone:
            raise ValueError("a user with this wa_id or user_id exists already")
        self._book.users[user.key] = user
        self._book.by_phone[user.wa_id] = user
        return user

    async def _inbound(
        self,
        user: WaUser,
        kind: str,
        content: Any,
        *,
        context: Mapping[str, str] | None = None,
        wait: bool = True,
    ) -> str:
        if self._book.users.get(user.key) is not user:
            raise ValueError("make users with wa.user()")
        if wait and not self.webhook.url:
            raise RuntimeError("no webhook URL to wait for: call deliver_to() or pass wait=False")
        wamid = new_wamid(user.wa_id)
        now = self.clock.now()
        self._book.last_inbound[user.key] = now
        message = inbound_message(user, wamid, now, kind, content, context=context)
        body = self._envelope(contacts=[user.contact()], messages=[message])
        delivery = self.webhook.send(body, user.key)
        self._book.inbound[wamid] = delivery
        if wait:
            await self.wait_delivered(wamid)
        return wamid

    def _envelope(self, **parts: Any) -> JSONDict:
        return envelope(self.waba_id, self.phone_number_id, self.display_phone_number, **parts)

    def _status(
        self,
        user: WaUser,
        to: str | None,
        wamid: str,
        status: str,
        errors: list[JSONDict] | None = None,
    ) -> None:
        entry = status_payload(user, to, wamid, status, self.clock.now(), errors=errors or ())
        contacts = [] if status == "failed" else [user.contact()]
        self.webhook.send(self._envelope(contacts=contacts, statuses=[entry]), user.key)

    async def send_text(self, user: WaUser, text: str, *, wait: bool = True) -> str:
        """The user writes; returns the message's wamid once the webhook answered 200
        (`wait=False`: at once)."""
        return await self._inbound(user, "text", {"body": text}, wait=wait)

    def _tapped(self, user: WaUser, choice_id: str, kind: str) -> tuple[Outbound, Choice]:
        for outbound in reversed(self._book.outbound.get(user.key, [])):
            shown = outbound.visible
            if shown.type == kind:
                for choice in shown.buttons or shown.rows:
                    if choice.id == choice_id:
                        return outbound, choice
        raise ValueError(f"{user.name} got no {kind} message with {choice_id!r} to tap")

    async def tap_button(
        self,
        user: WaUser,
        reply_id: str,
        title: str | None = None,
        *,
        message_id: str | None = None,
        wait: bool = True,
    ) -> str:
        """The user taps a reply button of the last message that has it. For a forged or stale
        tap give `message_id` (the message tapped) and `title`: nothing is looked up then."""
        if message_id is None:
            outbound, choice = self._tapped(user, reply_id, "button")
            message_id, title = outbound.id, title or choice.title
        reply = {"type": "button_reply", "button_reply": {"id": reply_id, "title": title or ""}}
        context = {"from": self.display_phone_number, "id": message_id}
        return await self._inbound(user, "interactive", reply, context=context, wait=wait)

    async def pick_row(
        self,
        user: WaUser,
        row_id: str,
        title: str | None = None,
        *,
        description: str | None = None,
        message_id: str | None = None,
        wait: bool = True,
    ) -> str:
        """The user opens the last list that has the row and picks it (see `tap_button`)."""
        if message_id is None:
            outbound, choice = self._tapped(user, row_id, "list")
            message_id, title = outbound.id, title or choice.title
            description = description or choice.description
        picked: JSONDict = {"id": row_id, "title": title or ""}
        if description:
            picked["description"] = description
        reply = {"type": "list_reply", "list_reply": picked}
        context = {"from": self.display_phone_number, "id": message_id}
        return await self._inbound(user, "interactive", reply, context=context, wait=wait)

    async def send_media(
        self,
        user: WaUser,
        kind: Literal["image", "audio", "document", "video", "sticker"],
        *,
        caption: str | None = None,
        filename: str | None = None,
        wait: bool = True,
    ) -> str:
        """The user sends a photo, voice note, file, video or sticker (caption where allowed)."""
        payload = media_payload(kind, caption=caption, filename=filename)
        self._book.inbound_media.add(payload["id"])
        return await self._inbound(user, kind, payload, wait=wait)

    async def send_location(
        self,
        user: WaUser,
        latitude: float = 52.0907,
        longitude: float = 5.1214,
        *,
        name: str | None = None,
        address: str | None = None,
        wait: bool = True,
    ) -> str:
        """The user shares a location (Utrecht by default)."""
        location: JSONDict = {"latitude": latitude, "longitude": longitude}
        if name:
            location["name"] = name
        if address:
            location["address"] = address
        return await self._inbound(user, "location", location, wait=wait)

    async def send_contacts(
        self, user: WaUser, name: str = "Kim", phone: str = "+31 6 12345678", *, wait: bool = True
    ) -> str:
        """The user shares a contact card."""
        digits = "".join(c for c in phone if c.isdigit())
        card = {
            "name": {"formatted_name": name, "first_name": name},
            "phones": [{"phone": phone, "type": "CELL", "wa_id": digits}],
        }
        return await self._inbound(user, "contacts", [card], wait=wait)

    async def send_reaction(
        self,
        user: WaUser,
        message_id: str,
        emoji: str = "\N{THUMBS UP SIGN}",
        *,
        wait: bool = True,
    ) -> str:
        """The user reacts to a message (emoji "" takes a reaction back)."""
        reaction = {"message_id": message_id, "emoji": emoji}
        return await self._inbound(user, "reaction", reaction, wait=wait)

    async def send_unsupported(
        self, user: WaUser, what: str | None = None, *, wait: bool = True
    ) -> str:
        """The user sends something the Cloud API does not pass on (a poll, an edit, ...);
        `what` adds Meta's newer `unsupported.type` field."""
        return await self._inbound(user, "unsupported", what, wait=wait)

    async def tap_quick_reply(
        self, user: WaUser, payload: str, text: str, *, message_id: str, wait: bool = True
    ) -> str:
        """The user taps a quick-reply button of a template (`type: button`, not interactive)."""
        button = {"payload": payload, "text": text}
        context = {"from": self.display_phone_number, "id": message_id}
        return await self._inbound(user, "button", button, context=context, wait=wait)

    async def redeliver(self, message_id: str) -> Answer:
        """POSTs the body that carried an inbound message once more, exactly, signed."""
        return await self.webhook.post(self._book.inbound[message_id].raw)

    async def deliver_twice(self, user: WaUser, text: str) -> str:
        """The user writes once and Meta delivers it twice (after the first 200)."""
        wamid = await self.send_text(user, text)
        await self.redeliver(wamid)
        return wamid

    def status(
        self, message_id: str, status: str, *, code: int | None = None, details: str | None = None
    ) -> None:
        """A status webhook for a message the bot sent: sent, delivered, read, or failed with
        `code` (e.g. 131026, or 131000 which the bot may retry)."""
        for key, outbound in self._all_outbound():
            if outbound.id == message_id:
                user = self._book.users[key]
                errors = [GraphError(code or 131000, details).webhook_error()]
                to = user.wa_id if outbound.body.get("to") is not None else None
                self._status(user, to, message_id, status, errors)
                return
        raise ValueError(f"no message {message_id} was sent")

    def read_all(self, user: WaUser) -> None:
        """The user opens the chat: a `read` status for every message they got."""
        for outbound in self._book.outbound.get(user.key, []):
            self.status(outbound.id, "read")

    async def verify(self, url: str, token: str, challenge: str = "1158201444") -> tuple[int, str]:
        """Meta's GET verification of a webhook URL; returns (status, body text)."""
        params = {"hub.mode": "subscribe", "hub.verify_token": token, "hub.challenge": challenge}
        return await self.webhook.get(url, params)

    async def post_raw(
        self,
        url: str,
        body: bytes | str | Mapping[str, Any],
        *,
        signature: str | bool | None = True,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        """One POST of an odd or forged body: `signature=True` signs it rightly, None leaves the
        header out, a str is sent as the header."""
        if isinstance(body, Mapping):
            raw = meta_json(body)
        else:
            raw = body.encode() if isinstance(body, str) else body
        return await self.webhook.post(raw, url=url, sign=signature, headers=headers)

    def text_envelope(self, user: WaUser, text: str) -> JSONDict:
        """A webhook body for a text from `user`, for `post_raw` (not sent, window unchanged)."""
        message = inbound_message(
            user, new_wamid(user.wa_id), self.clock.now(), "text", {"body": text}
        )
        return self._envelope(contacts=[user.contact()], messages=[message])

    # --- trouble ---

    def advance(self, *, hours: float = 0.0, minutes: float = 0.0, seconds: float = 0.0) -> None:
        """Moves the server's clock forward: the 24-hour window closes after `hours=25`."""
        self.clock.advance(hours=hours, minutes=minutes, seconds=seconds)

    def fail_next(
        self,
        count: int = 1,
        *,
        code: int = 131000,
        http_status: int | None = None,
        details: str | None = None,
        path: str = "messages",
    ) -> None:
        """The next `count` calls to `path` ("messages", "media", "*") fail with Graph error
        `code` (HTTP 401 for 190, 500 for 131000, else 400 unless `http_status` says)."""
        status = http_status or {190: 401, 131000: 500}.get(code, 400)
        self._faults.fail(path, count, GraphError(code, details, http_status=status))

    def set_delay(self, seconds: float) -> None:
        """Every Graph API answer comes `seconds` late (0: at once)."""
        self._faults.delay = seconds

    def hold_next(self, path: str = "messages") -> Hold:
        """The next call to `path` waits until the test releases it (`Hold.release`);
        `Hold.arrived` tells the test it came. For killing the bot in the middle of a send."""
        return self._faults.hold(path)

    def clear_faults(self) -> None:
        """Scripted failures and holds that have not happened yet are called off."""
        self._faults.clear()

    # --- what happened ---

    def _all_outbound(self) -> list[tuple[str, Outbound]]:
        return [(key, o) for key, sent in self._book.outbound.items() for o in sent]

    def outbound(self, user: WaUser) -> list[Outbound]:
        """The messages the user got, oldest first, with their wamids."""
        return list(self._book.outbound.get(user.key, []))

    def received(self, user: WaUser) -> list[JSONDict]:
        """The messages the user got, oldest first: the request bodies as the bot sent them."""
        return [dict(outbound.body) for outbound in self._book.outbound.get(user.key, [])]

    @staticmethod
    def visible(message: Mapping[str, Any]) -> Visible:
        """What a person sees of a message: text, buttons or rows with their ids."""
        return visible(message)

    def texts(self, user: WaUser) -> list[str]:
        """The visible text of every message the user got."""
        return [outbound.visible.text for outbound in self._book.outbound.get(user.key, [])]

    @property
    def errors_answered(self) -> list[RecordedCall]:
        """The Graph API calls answered with an error."""
        return [call for call in self.requests if not call.ok]

    @property
    def webhook_answers(self) -> list[Answer]:
        """Every POST to the webhook with its status and answer time, retries included."""
        return list(self.webhook.answers)

    def webhook_p99(self) -> float:
        """The 99th percentile of the webhook's answer times in seconds (0 without any)."""
        times = sorted(answer.seconds for answer in self.webhook.answers)
        return times[max(0, math.ceil(0.99 * len(times)) - 1)] if times else 0.0

    def pending_deliveries(self) -> list[JSONDict]:
        """Webhook bodies not yet answered with 200."""
        return [delivery.body for delivery in self.webhook.pending()]

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

    async def wait_received(
        self,
        user: WaUser,
        count: int = 1,
        timeout: float = 10.0,  # noqa: ASYNC109
    ) -> list[JSONDict]:
        """Waits until the user got at least `count` messages; returns them all."""
        try:
            return await self.wait_for(
                lambda: (got := self.received(user))[count - 1 :] and got, timeout
            )
        except TimeoutError:
            raise TimeoutError(
                f"{count} message(s) to {user.name} expected within {timeout} s; "
                f"got: {self.texts(user)}"
            ) from None

    async def wait_delivered(self, message_id: str, timeout: float = 10.0) -> None:  # noqa: ASYNC109
        """Waits until the webhook answered 200 to the body that carries an inbound message."""
        delivery = self._book.inbound[message_id]
        try:
            async with asyncio.timeout(timeout):
                await delivery.done.wait()
        except TimeoutError:
            statuses = [answer.status for answer in delivery.answers]
            raise TimeoutError(
                f"the webhook did not take {message_id} within {timeout} s; answers: {statuses}"
            ) from None
