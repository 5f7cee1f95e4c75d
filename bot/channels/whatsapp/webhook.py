"""The WhatsApp webhook: Meta's verification handshake, and signed deliveries into the inbox.

A delivery is answered 200 only once it is stored (sealed, deduplicated): anything else makes
Meta deliver it again, for days. A missing or wrong signature is refused before anything in the
body is read or stored.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from aiohttp import web

from bot.channels.whatsapp.signature import valid_signature

if TYPE_CHECKING:
    from bot.channels.whatsapp.adapter import WhatsAppAdapter

__all__ = ["MAX_BODY", "PATH", "webhook_server"]

log = logging.getLogger(__name__)

PATH = "/whatsapp"
#: Meta's deliveries are small; a larger body is refused before it is read whole.
MAX_BODY = 1024 * 1024
SIGNATURE_HEADER = "X-Hub-Signature-256"


def webhook_server(
    *, host: str, port: int, app_secret: str, verify_token: str
) -> Callable[[WhatsAppAdapter, asyncio.Event], Coroutine[Any, Any, None]]:
    """The webhook as a loop of the pipeline: listens from the start until `stop`."""

    async def serve(adapter: WhatsAppAdapter, stop: asyncio.Event) -> None:
        app = web.Application(client_max_size=MAX_BODY)
        app.router.add_get(PATH, lambda request: _verify(request, verify_token))
        app.router.add_post(PATH, lambda request: _receive(request, adapter, app_secret))
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        try:
            await web.TCPSite(runner, host, port).start()
            log.info("WhatsApp webhook listening on %s:%d%s", host, port, PATH)
            await stop.wait()
        finally:
            await runner.cleanup()

    return serve


async def _verify(request: web.Request, verify_token: str) -> web.Response:
    """Meta's subscription check: echo the challenge when the token is ours."""
    query = request.query
    given = query.get("hub.verify_token", "").encode()
    if query.get("hub.mode") != "subscribe" or not hmac.compare_digest(
        given, verify_token.encode()
    ):
        return web.Response(status=403)
    return web.Response(text=query.get("hub.challenge", ""), content_type="text/plain")


async def _receive(
    request: web.Request, adapter: WhatsAppAdapter, app_secret: str
) -> web.Response:
    """Check the signature over the raw bytes, store, then answer 200."""
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge:
        return web.Response(status=413)
    if not valid_signature(app_secret, raw, request.headers.get(SIGNATURE_HEADER)):
        return web.Response(status=401)
    try:
        body = json.loads(raw)
    except ValueError:
        return web.Response(status=400)
    live = adapter.pipeline.liveness if adapter.pipeline is not None else None
    try:
        await adapter.receive(body)
    except Exception as exc:  # noqa: BLE001 - not stored: Meta must deliver it again
        if live is not None:
            live.failed("receiving a WhatsApp delivery", exc, then="Meta delivers it again")
        return web.Response(status=503)
    if live is not None:
        live.ok("receiving a WhatsApp delivery")
    return web.Response(status=200)
