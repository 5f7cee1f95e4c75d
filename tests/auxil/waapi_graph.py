"""The Graph API side of the WhatsApp test server: `POST /{phone_number_id}/messages` and `/media`.

Checks the token and the path, reads the body, applies scripted trouble (delay, hold, failure),
then the checks of waapi_validate and the rules of waapi_rules, and files what was accepted in
the `Book` the webhook side shares.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from aiohttp import BodyPartReader, web

from tests.auxil.waapi_people import WaUser
from tests.auxil.waapi_rules import Clock, Faults, Limits
from tests.auxil.waapi_validate import MEDIA_TYPES, check_message
from tests.auxil.waapi_view import Outbound
from tests.auxil.waapi_webhook import Delivery
from tests.auxil.waapi_wire import (
    GraphError,
    JSONDict,
    RecordedCall,
    error_body,
    graph_error,
    new_media_id,
    new_wamid,
)

__all__ = ["Book", "GraphApi", "StatusSender"]

_PATH = re.compile(r"/(v\d+\.\d+)/([A-Za-z0-9_.]+)(?:/([a-z_]+))?/?")
# (user, recipient_id or None, wamid, status, errors of a failed status)
StatusSender = Callable[[WaUser, str | None, str, str, list[JSONDict] | None], None]


@dataclass
class Book:
    """Who the number talks to and what went each way, shared by both sides of the server."""

    users: dict[str, WaUser] = field(default_factory=dict)  # by BSUID
    by_phone: dict[str, WaUser] = field(default_factory=dict)
    last_inbound: dict[str, float] = field(default_factory=dict)  # server-clock time, by BSUID
    outbound: dict[str, list[Outbound]] = field(default_factory=dict)  # accepted, by BSUID
    inbound: dict[str, Delivery] = field(default_factory=dict)  # by wamid
    inbound_media: set[str] = field(default_factory=set)
    media: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # uploads: (type, data)
    read_marks: list[str] = field(default_factory=list)
    requests: list[RecordedCall] = field(default_factory=list)
    errors: list[BaseException] = field(default_factory=list)  # bugs of the server itself


class GraphApi:
    """Answers the bot's Graph API calls for one business phone number."""

    def __init__(
        self,
        *,
        token: str,
        phone_number_id: str,
        version: str,
        book: Book,
        clock: Clock,
        limits: Limits,
        faults: Faults,
        send_status: StatusSender,
        on_change: Callable[[], None],
    ) -> None:
        self.token = token
        self.phone_number_id = phone_number_id
        self.version = version
        self.window_failure: Literal["status", "response"] = "status"
        self.statuses = True
        self.closing = asyncio.Event()
        self._book = book
        self._clock = clock
        self._limits = limits
        self._faults = faults
        self._send_status = send_status
        self._on_change = on_change

    async def handle(self, request: web.Request) -> web.StreamResponse:
        """Any request to the server."""
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
            record = self._remember(request.method, edge, body, arrived, error)
            return web.json_response(record.answer, status=error.http_status)
        except Exception as exc:  # noqa: BLE001 - a bug in the fake must fail the test, not the bot
            self._book.errors.append(exc)
            bug = GraphError(131000, str(exc), http_status=500)
            record = self._remember(request.method, edge, body, arrived, bug)
            return web.json_response(record.answer, status=500)
        self._book.requests.append(RecordedCall(request.method, edge, body, arrived, 200, answer))
        self._on_change()
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
                    await self.closing.wait()
        if held := self._faults.take_hold(edge, body):
            release = asyncio.ensure_future(held.wait_released())
            closing = asyncio.ensure_future(self.closing.wait())
            await asyncio.wait({release, closing}, return_when=asyncio.FIRST_COMPLETED)
            release.cancel()
            closing.cancel()
            if not held.carry_out or self.closing.is_set():
                raise GraphError(131000, "held and not carried out", http_status=500)
        if failure := self._faults.take_failure(edge):
            raise failure

    async def _messages(self, body: JSONDict) -> JSONDict:
        out = check_message(body)
        if out.type == "read":
            assert out.message_id is not None
            if out.message_id not in self._book.inbound:
                raise graph_error(100, "Param message_id is not a message this number received.")
            self._book.read_marks.append(out.message_id)
            return {"success": True}
        user = self._book.by_phone.get(out.to.lstrip("+")) if out.to else None
        if out.to is None and out.recipient is not None:
            user = self._book.users.get(out.recipient)
        if user is None:
            raise graph_error(131026, "The recipient is not a WhatsApp user known to the server.")
        for kind in MEDIA_TYPES & body.keys():
            media_id = body[kind].get("id")
            if (
                media_id is not None
                and media_id not in self._book.media.keys() | self._book.inbound_media
            ):
                raise graph_error(131009, f"Param {kind}['id'] is not a valid media id.")
        self._limits.check_rates(user.key, time.monotonic())
        wamid = new_wamid(user.wa_id)
        now = self._clock.now()
        to = user.wa_id if out.to is not None else None  # statuses' recipient_id
        if out.free_form and not self._limits.window_open(
            self._book.last_inbound.get(user.key), now
        ):
            if self.window_failure == "response":
                raise GraphError(131047)
            self._send_status(user, to, wamid, "failed", [GraphError(131047).webhook_error()])
        else:
            self._book.outbound.setdefault(user.key, []).append(Outbound(wamid, body, now))
            if self.statuses:
                self._send_status(user, to, wamid, "sent", None)
                self._send_status(user, to, wamid, "delivered", None)
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
        self._book.media[media_id] = (str(body.get("type") or upload[0]), upload[1])
        body["file"] = f"<{len(upload[1])} bytes>"
        return {"id": media_id}

    def _remember(
        self, method: str, edge: str, body: JSONDict, arrived: float, error: GraphError
    ) -> RecordedCall:
        answer = error_body(error, len(self._book.requests))
        record = RecordedCall(method, edge, body, arrived, error.http_status, answer)
        self._book.requests.append(record)
        self._on_change()
        return record


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
