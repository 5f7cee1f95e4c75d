"""Webhook mode: Telegram POSTs updates here; each is in the inbox before Telegram hears 200."""

from __future__ import annotations

import hmac
import logging
from urllib.parse import urlparse

from aiohttp import web

from bot.channels.telegram.runner import ALLOWED_UPDATES, TelegramChannel

__all__ = ["SECRET_HEADER", "Webhook"]

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 - a header name, not a secret
#: A Telegram update is a few kB; anything far larger is not from Telegram.
MAX_BODY = 1024 * 1024


class Webhook:
    """An aiohttp server on host:port that feeds the channel's inbox."""

    def __init__(
        self, channel: TelegramChannel, *, url: str, secret: str, host: str, port: int
    ) -> None:
        self._channel = channel
        self._url = url
        self._secret = secret.encode()
        self._host = host
        self._port = port
        self._runner: web.AppRunner | None = None

    async def _receive(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        # Constant time: the comparison must not tell an attacker how much of a guess was right.
        if not hmac.compare_digest(given, self._secret):
            return web.Response(status=403)
        try:
            update = await request.json()
        except ValueError:
            return web.Response(status=400)
        if not isinstance(update, dict):
            return web.Response(status=400)
        try:
            await self._channel.intake([update])
        except Exception as exc:  # noqa: BLE001 - not stored: Telegram must send it again
            self._channel.liveness.failed(
                "receiving an update", exc, then="Telegram sends it again"
            )
            return web.Response(status=503)
        self._channel.liveness.ok("receiving an update")
        return web.Response(status=200)

    async def start(self) -> None:
        """Listen, then tell Telegram where to send updates.

        Only once the channel is ready (`TelegramChannel.run`'s `ready`): an update that came
        before the handoff desk knew its topics would go nowhere.
        """
        await self.listen()
        await self._channel.bot.set_webhook(
            self._url, secret_token=self._secret.decode(), allowed_updates=ALLOWED_UPDATES
        )
        log.info("webhook listening on %s:%d", self._host, self._port)

    async def listen(self) -> None:
        """Listen and store what comes, without telling Telegram (a replica standing by)."""
        if self._runner is not None:
            return
        app = web.Application(client_max_size=MAX_BODY)
        app.router.add_post(urlparse(self._url).path or "/", self._receive)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, self._host, self._port).start()
        self._runner = runner

    async def stop(self) -> None:
        """Stop listening; Telegram keeps updates until the next start."""
        if self._runner is not None:
            await self._runner.cleanup()
