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
import re
import time
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Any, Literal, Self, TypeVar

from aiohttp import BodyPartReader, web

from tests.auxil.waapi_people import (
    WaUser,
    envelope,
    inbound_message,
    make_user,
    media_payload,
    status_payload,
)
from tests.auxil.waapi_rules import Clock, Faults, Hold, Limits
from tests.auxil.waapi_validate import MEDIA_TYPES, check_message
from tests.auxil.waapi_view import Choice, Outbound, Visible, visible
from tests.auxil.waapi_webhook import Answer, Delivery, WebhookSender, meta_json, signature
from tests.auxil.waapi_wire import (
    GraphError,
    JSONDict,
    RecordedCall,
    error_body,
    graph_error,
    new_media_id,
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
_PATH = re.compile(r"/(v\d+\.\d+)/([A-Za-z0-9_.]+)(?:/([a-z_]+))?/?")
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
        self.window_failure = window_failure
        self.statuses = statuses
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
        self.errors: list[BaseException] = []  # bugs of the server itself
        self.requests: list[RecordedCall] = []
        self.media: dict[str, tuple[str, bytes]] = {}  # id -> (mime type, data), uploaded
        self.read_marks: list[str] = []  # wamids the bot marked as read, in order
        self._faults = Faults()
        self._users: dict[str, WaUser] = {}
        self._by_phone: dict[str, WaUser] = {}
        self._last_inbound: dict[str, float] = {}
        self._outbound: dict[str, list[Outbound]] = {}
        self._inbound_ids: dict[str, Delivery] = {}
        self._inbound_media: set[str] = set()
        self._changed = asyncio.Event()
        self._closing = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._port = 0

    # --- lifecycle ---

    async def start(self) -> None:
        """Listens on 127.0.0.1 at a free port."""
        app = web.Application(client_max_size=100 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self._port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        """Stops webhook delivery, ends held answers and closes the port."""
        self._closing.set()
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

    # --- Graph API ---

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        arrived = time.monotonic()
        body: JSONDict = {}
        edge = ""
        try:
            match = _PATH.fullmatch(request.path)
            edge = (match.group(3) or "") if match else ""
            self._authorize(request)
            if match is None or match.group(1) != self.version:
                raise GraphError(100, "Unknown path components", subcode=2500)
            if match.group(2) != self.phone_number_id or request.method != "POST":
                raise GraphError(
                    100,
                    f"Unsupported {request.method.lower()} request. Object with ID "
                    f"'{match.group(2)}' does not exist, cannot be loaded due to missing "
                    "permissions, or does not support this operation.",
                    subcode=33,
                )
            if edge not in ("messages", "media"):
                raise GraphError(100, "Unknown path components", subcode=2500)
            body = await self._read(request, edge)
            await self._trouble(edge, body)
            answer = await (self._messages(body) if edge == "messages" else self._upload(body))
        except GraphError as error:
            self._remember(request.method, edge, body, arrived, error)
            return web.json_response(
                error_body(error, len(self.requests)), status=error.http_status
            )
        except Exception as exc:  # noqa: BLE001 - a bug in the fake must fail the test, not the bot
            self.errors.append(exc)
            bug = GraphError(131000, str(exc), http_status=500)
            self._remember(request.method, edge, body, arrived, bug)
            return web.json_response(error_body(bug), status=500)
        self.requests.append(RecordedCall(request.method, edge, body, arrived, 200, answer))
        self._notify()
        return web.json_response(answer)

    def _authorize(self, request: web.Request) -> None:
        header = request.headers.get("Authorization", "")
        token = header[7:] if header.startswith("Bearer ") else request.query.get("access_token")
        if token != self.token:
            message = "Invalid OAuth access token - Cannot parse access token"
            raise GraphError(190, "", http_status=401, message=message)

    async def _read(self, request: web.Request, edge: str) -> JSONDict:
        if edge == "media":
            if request.content_type != "multipart/form-data":
                raise graph_error(100, "Upload media as multipart/form-data.")
            return await _read_upload(request)
        try:
            body = await request.json()
        except ValueError as exc:
            raise graph_error(100, "The request body is not valid JSON.") from exc
        if not isinstance(body, dict):
            raise graph_error(100, "The request body must be a JSON object.")
        return body

    async def _trouble(self, edge: str, body: JSONDict) -> None:
        if self._faults.delay:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self._faults.delay):
                    await self._closing.wait()
        if held := self._faults.take_hold(edge, body):
            release = asyncio.ensure_future(held.wait_released())
            closing = asyncio.ensure_future(self._closing.wait())
            await asyncio.wait({release, closing}, return_when=asyncio.FIRST_COMPLETED)
            release.cancel()
            closing.cancel()
            if not held.carry_out or self._closing.is_set():
                raise GraphError(131000, "held and not carried out", http_status=500)
        if failure := self._faults.take_failure(edge):
            raise failure

    async def _messages(self, body: JSONDict) -> JSONDict:
        out = check_message(body)
        if out.type == "read":
            assert out.message_id is not None
            if out.message_id not in self._inbound_ids:
                raise graph_error(100, "Param message_id is not a message this number received.")
            self.read_marks.append(out.message_id)
            return {"success": True}
        user = self._by_phone.get(out.to.lstrip("+")) if out.to else None
        if out.to is None and out.recipient is not None:
            user = self._users.get(out.recipient)
        if user is None:
            raise graph_error(131026, "The recipient is not a WhatsApp user known to the server.")
        for kind in MEDIA_TYPES & body.keys():
            media_id = body[kind].get("id")
            if media_id is not None and media_id not in self.media.keys() | self._inbound_media:
                raise graph_error(131009, f"Param {kind}['id'] is not a valid media id.")
        self.limits.check_rates(user.key, time.monotonic())
        wamid = new_wamid(user.wa_id)
        now = self.clock.now()
        to = user.wa_id if out.to is not None else None  # statuses' recipient_id
        if out.free_form and not self.limits.window_open(self._last_inbound.get(user.key), now):
            if self.window_failure == "response":
                raise GraphError(131047)
            self._status(user, to, wamid, "failed", errors=[GraphError(131047).webhook_error()])
        else:
            self._outbound.setdefault(user.key, []).append(Outbound(wamid, body, now))
            if self.statuses:
                self._status(user, to, wamid, "sent")
                self._status(user, to, wamid, "delivered")
        contact: JSONDict = {"input": out.to} if out.to is not None else {"input": out.recipient}
        contact.update({"wa_id": user.wa_id} if out.to is not None else {"user_id": user.user_id})
        message: JSONDict = {"id": wamid}
        if out.type == "template":
            message["message_status"] = "accepted"
        return {"messaging_product": "whatsapp", "contacts": [contact], "messages": [message]}

    async def _upload(self, body: JSONDict) -> JSONDict:
        if body.get("messaging_product") != "whatsapp":
            raise graph_error(100, "The parameter messaging_product is required.")
        upload = body.get("file")
        if not isinstance(upload, tuple) or not upload[1]:
            raise graph_error(100, "The parameter file is required.")
        media_id = new_media_id()
        self.media[media_id] = (str(body.get("type") or upload[0]), upload[1])
        body["file"] = f"<{len(upload[1])} bytes>"
        return {"id": media_id}

    def _remember(
        self, method: str, edge: str, body: JSONDict, arrived: float, error: GraphError
    ) -> None:
        answer = error_body(error, len(self.requests))
        self.requests.append(RecordedCall(method, edge, body, arrived, error.http_status, answer))
        self._notify()

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
        if user.key in self._users or user.wa_id in self._by_phone:
            raise ValueError("a user with this wa_id or user_id exists already")
        self._users[user.key] = user
        self._by_phone[user.wa_id] = user
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
        if self._users.get(user.key) is not user:
            raise ValueError("make users with wa.user()")
        if wait and not self.webhook.url:
            raise RuntimeError("no webhook URL to wait for: call deliver_to() or pass wait=False")
        wamid = new_wamid(user.wa_id)
        now = self.clock.now()
        self._last_inbound[user.key] = now
        message = inbound_message(user, wamid, now, kind, content, context=context)
        body = self._envelope(contacts=[user.contact()], messages=[message])
        delivery = self.webhook.send(body, user.key)
        self._inbound_ids[wamid] = delivery
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
        *,
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
        for outbound in reversed(self._outbound.get(user.key, [])):
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
        self._inbound_media.add(payload["id"])
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
        return await self.webhook.post(self._inbound_ids[message_id].raw)

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
                user = self._users[key]
                errors = [GraphError(code or 131000, details).webhook_error()]
                to = user.wa_id if outbound.body.get("to") is not None else None
                self._status(user, to, message_id, status, errors=errors)
                return
        raise ValueError(f"no message {message_id} was sent")

    def read_all(self, user: WaUser) -> None:
        """The user opens the chat: a `read` status for every message they got."""
        for outbound in self._outbound.get(user.key, []):
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
        return [(key, o) for key, sent in self._outbound.items() for o in sent]

    def outbound(self, user: WaUser) -> list[Outbound]:
        """The messages the user got, oldest first, with their wamids."""
        return list(self._outbound.get(user.key, []))

    def received(self, user: WaUser) -> list[JSONDict]:
        """The messages the user got, oldest first: the request bodies as the bot sent them."""
        return [dict(outbound.body) for outbound in self._outbound.get(user.key, [])]

    @staticmethod
    def visible(message: Mapping[str, Any]) -> Visible:
        """What a person sees of a message: text, buttons or rows with their ids."""
        return visible(message)

    def texts(self, user: WaUser) -> list[str]:
        """The visible text of every message the user got."""
        return [outbound.visible.text for outbound in self._outbound.get(user.key, [])]

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
        delivery = self._inbound_ids[message_id]
        try:
            async with asyncio.timeout(timeout):
                await delivery.done.wait()
        except TimeoutError:
            statuses = [answer.status for answer in delivery.answers]
            raise TimeoutError(
                f"the webhook did not take {message_id} within {timeout} s; answers: {statuses}"
            ) from None


async def _read_upload(request: web.Request) -> JSONDict:
    # Part by part: request.post() spools files to temporary files that must be closed by hand.
    body: JSONDict = {}
    reader = await request.multipart()
    while (part := await reader.next()) is not None:
        if not isinstance(part, BodyPartReader) or part.name is None:
            raise graph_error(100, "The multipart body could not be read.")
        data = await part.read(decode=True)
        if part.filename is None:
            body[part.name] = data.decode(part.get_charset("utf-8"))
        else:
            body[part.name] = (part.headers.get("Content-Type", ""), bytes(data))
    return body
