"""python-telegram-bot's network seam on aiohttp: the same wire, a fraction of httpx's CPU.

Profiling `bench/telegram.py` showed most of the bot's CPU in httpx/httpcore bookkeeping per
request; python-telegram-bot accepts any `BaseRequest`, so this one speaks through an
aiohttp session (aiohttp is already here for webhooks).
"""

from __future__ import annotations

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

__all__ = ["AiohttpRequest"]


class AiohttpRequest(BaseRequest):
    """One aiohttp session with a bounded connection pool, opened in `initialize`."""

    def __init__(
        self,
        *,
        connection_pool_size: int = 64,
        read_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
    ) -> None:
        self._pool = connection_pool_size
        self._read_timeout = read_timeout
        self._connect_timeout = connect_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        """The default read timeout; getUpdates adds its long-polling time to it."""
        return self._read_timeout

    async def initialize(self) -> None:
        """Open the session (idempotent)."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool),
                headers={"User-Agent": self.USER_AGENT},
            )

    async def shutdown(self) -> None:
        """Close the session and its connections."""
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    async def do_request(  # noqa: PLR0917 - the signature is python-telegram-bot's
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = BaseRequest.DEFAULT_NONE,
        write_timeout: object = BaseRequest.DEFAULT_NONE,
        connect_timeout: object = BaseRequest.DEFAULT_NONE,
        pool_timeout: object = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Send one Bot API call: form fields, or multipart when it carries files."""
        del write_timeout, pool_timeout  # aiohttp has one total and one connect timeout
        if self._session is None or self._session.closed:
            raise RuntimeError("AiohttpRequest is not initialized")
        read = read_timeout if isinstance(read_timeout, int | float) else self._read_timeout
        connect = (
            connect_timeout if isinstance(connect_timeout, int | float) else self._connect_timeout
        )
        timeout = aiohttp.ClientTimeout(sock_read=read, sock_connect=connect)
        data: aiohttp.FormData | dict[str, str] | None = None
        if request_data is not None:
            fields = request_data.json_parameters
            files = request_data.multipart_data if request_data.contains_files else {}
            if files:
                form = aiohttp.FormData()
                for name, value in fields.items():
                    form.add_field(name, value)
                for name, (filename, content, mimetype) in files.items():
                    form.add_field(name, content, filename=filename, content_type=mimetype)
                data = form
            else:
                data = fields
        try:
            async with self._session.request(method, url, data=data, timeout=timeout) as resp:
                return resp.status, await resp.read()
        except TimeoutError as exc:
            raise TimedOut from exc
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp: {type(exc).__name__}") from exc
