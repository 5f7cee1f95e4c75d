"""The Graph API client against a tiny local server: requests as Meta expects them, and every
failure mapped to what a sender must do, without the token or the address in any error."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from bot.channels.whatsapp.client import (
    DEFAULT_BACKOFF,
    OutsideWindow,
    Refused,
    RetryLater,
    Unauthorized,
    WaClient,
    WaError,
)
from tests.auxil.ports import free_port

TOKEN = "EAAG-token-never-shown"
NUMBER_ID = "106540352242922"
PHONE = "31612345678"
BSUID = "NL.1410018717833190"


@dataclass
class Graph:
    """Answers each POST with the next queued (status, json body, headers); records requests."""

    answers: list[tuple[int, Any, dict[str, str]]] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    delay: float = 0.0
    url: str = ""

    async def handle(self, request: web.Request) -> web.StreamResponse:
        record: dict[str, Any] = {
            "path": request.path,
            "auth": request.headers.get("Authorization"),
        }
        if request.content_type == "multipart/form-data":
            form = await request.post()
            upload = form["file"]
            assert isinstance(upload, web.FileField)
            record["form"] = {"messaging_product": form["messaging_product"], "type": form["type"]}
            record["file"] = (upload.file.read(), upload.content_type)
        else:
            record["json"] = await request.json()
        self.requests.append(record)
        if self.delay:
            await asyncio.sleep(self.delay)
        status, body, headers = self.answers.pop(0) if self.answers else (200, {}, {})
        if isinstance(body, str):
            return web.Response(status=status, text=body, headers=headers)
        return web.json_response(body, status=status, headers=headers)


@pytest.fixture
async def graph() -> AsyncIterator[Graph]:
    fake = Graph()
    app = web.Application()
    app.router.add_post("/v26.0/{number}/{what}", fake.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    fake.url = f"http://127.0.0.1:{port}/v26.0"
    yield fake
    await runner.cleanup()


def sent(wamid: str) -> tuple[int, Any, dict[str, str]]:
    return 200, {"messaging_product": "whatsapp", "messages": [{"id": wamid}]}, {}


def error(status: int, code: int) -> tuple[int, Any, dict[str, str]]:
    body = {"error": {"message": f"({code}) for {PHONE}", "type": "OAuthException", "code": code,
                      "error_data": {"details": f"recipient {PHONE} {BSUID}"}}}  # fmt: skip
    return status, body, {}


async def test_send_posts_to_the_number_with_the_token_and_returns_the_wamid(graph: Graph) -> None:
    graph.answers = [sent("wamid.OUT1"), sent("wamid.OUT2")]
    body = {"type": "text", "text": {"body": "Hoi!"}}
    async with WaClient(TOKEN, NUMBER_ID, graph.url) as client:
        first = await client.send(BSUID, body)
        second = await client.send(PHONE, body)

    assert (first, second) == ("wamid.OUT1", "wamid.OUT2")
    assert graph.requests[0]["path"] == f"/v26.0/{NUMBER_ID}/messages"
    assert graph.requests[0]["auth"] == f"Bearer {TOKEN}"
    assert graph.requests[0]["json"] == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "recipient": BSUID,  # a BSUID goes as `recipient`
        "type": "text",
        "text": {"body": "Hoi!"},
    }
    assert graph.requests[1]["json"]["to"] == PHONE  # a phone number as `to`
    assert "recipient" not in graph.requests[1]["json"]


async def test_mark_read_and_upload(graph: Graph) -> None:
    graph.answers = [(200, {"success": True}, {}), (200, {"id": "MEDIA77"}, {})]
    async with WaClient(TOKEN, NUMBER_ID, graph.url + "/") as client:
        await client.mark_read("wamid.IN1")
        media = await client.upload(b"\x89PNG...", "image/png")

    assert graph.requests[0]["json"] == {
        "messaging_product": "whatsapp", "status": "read", "message_id": "wamid.IN1"
    }  # fmt: skip
    assert media == "MEDIA77"
    assert graph.requests[1]["path"] == f"/v26.0/{NUMBER_ID}/media"
    assert graph.requests[1]["form"] == {"messaging_product": "whatsapp", "type": "image/png"}
    assert graph.requests[1]["file"] == (b"\x89PNG...", "image/png")


@pytest.mark.parametrize(
    ("answer", "expected", "seconds"),
    [
        (error(400, 131056), RetryLater, 6.0),  # pair rate: one message per 6 s per person
        (error(400, 130429), RetryLater, 1.0),  # throughput
        (error(400, 4), RetryLater, 60.0),
        (error(500, 131000), RetryLater, 30.0),
        (error(503, 131016), RetryLater, 60.0),
        ((502, "<html>bad gateway</html>", {}), RetryLater, DEFAULT_BACKOFF),
        ((429, {}, {"Retry-After": "42"}), RetryLater, 42.0),
        ((503, {}, {"Retry-After": "nan"}), RetryLater, DEFAULT_BACKOFF),
        (error(400, 131047), OutsideWindow, None),
        (error(401, 190), Unauthorized, None),
        (error(400, 0), Unauthorized, None),
        ((401, "", {}), Unauthorized, None),
        (error(400, 131026), Refused, None),
        (error(400, 100), Refused, None),
        (error(403, 368), Refused, None),
        ((404, {}, {}), Refused, None),
        ((200, {"messaging_product": "whatsapp"}, {}), Refused, None),  # accepted, no id
    ],
)
async def test_failures_map_to_what_a_sender_can_do(
    graph: Graph, answer: tuple[int, Any, dict[str, str]], expected: type[WaError],
    seconds: float | None,
) -> None:  # fmt: skip
    graph.answers = [answer]
    async with WaClient(TOKEN, NUMBER_ID, graph.url) as client:
        with pytest.raises(expected) as caught:
            await client.send(BSUID, {"type": "text", "text": {"body": "x"}})

    if isinstance(caught.value, RetryLater):
        assert caught.value.seconds == seconds
    for secret in (TOKEN, PHONE, BSUID):
        assert secret not in str(caught.value)
        assert secret not in repr(caught.value)


async def test_refused_carries_metas_code(graph: Graph) -> None:
    graph.answers = [error(400, 131026)]
    async with WaClient(TOKEN, NUMBER_ID, graph.url) as client:
        with pytest.raises(Refused) as caught:
            await client.send(PHONE, {"type": "text", "text": {"body": "x"}})
    assert caught.value.code == 131026


async def test_a_server_that_is_down_means_retry_later() -> None:
    port = free_port()  # nobody listens there
    async with WaClient(TOKEN, NUMBER_ID, f"http://127.0.0.1:{port}/v26.0") as client:
        with pytest.raises(RetryLater) as caught:
            await client.send(BSUID, {"type": "text", "text": {"body": "x"}})
    assert caught.value.seconds == DEFAULT_BACKOFF


async def test_a_server_that_hangs_means_retry_later(graph: Graph) -> None:
    graph.delay = 0.5
    quick = aiohttp.ClientTimeout(total=0.1)
    async with WaClient(TOKEN, NUMBER_ID, graph.url, timeout=quick) as client:
        with pytest.raises(RetryLater):
            await client.mark_read("wamid.IN1")
