"""A round-robin reverse proxy on 127.0.0.1, as a load balancer in front of Omarmt's replicas.

Each POST goes to the next replica in turn; a replica that cannot be reached (killed) answers
502, as a proxy without health checks would, and Telegram (the test server) sends the update
again later, when the turn has moved on to a live replica.
"""

from __future__ import annotations

import itertools
from collections import Counter
from types import TracebackType

import aiohttp
from aiohttp import web

__all__ = ["RoundRobin"]


class RoundRobin:
    """``async with RoundRobin(ports) as lb``: `lb.url(path)` is what Telegram is given."""

    def __init__(self, ports: list[int]) -> None:
        self._ports = ports
        self._turn = itertools.cycle(range(len(ports)))
        self._runner: web.AppRunner | None = None
        self._session: aiohttp.ClientSession | None = None
        self.port = 0
        #: Per replica (index): requests forwarded, and those it could not take.
        self.forwarded: Counter[int] = Counter()
        self.refused: Counter[int] = Counter()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    async def _forward(self, request: web.Request) -> web.Response:
        assert self._session is not None
        index = next(self._turn)
        body = await request.read()
        headers = {k: v for k, v in request.headers.items() if k.lower().startswith("x-")}
        headers["Content-Type"] = request.headers.get("Content-Type", "application/json")
        target = f"http://127.0.0.1:{self._ports[index]}{request.path}"
        self.forwarded[index] += 1
        try:
            async with self._session.post(target, data=body, headers=headers) as answer:
                return web.Response(status=answer.status, body=await answer.read())
        except (aiohttp.ClientError, TimeoutError):
            self.refused[index] += 1
            return web.Response(status=502)

    async def __aenter__(self) -> RoundRobin:
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=15))
        app = web.Application()
        app.router.add_post("/{tail:.*}", self._forward)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = int(server.sockets[0].getsockname()[1])  # type: ignore[attr-defined]
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
        if self._session is not None:
            await self._session.close()
