"""A thin async client for the WhatsApp Cloud API (Graph API) on aiohttp.

aiohttp, as Telegram's requests (`bot/channels/telegram/request.py`): httpx cost twice the CPU
per update of the Telegram path in `bench/whatsapp.py` (its pool scans every connection for
each queued request, and httpcore retries a failed import on every request).

Three calls: send a message, mark one read, upload media. Every failure becomes one of four
exceptions a sender can act on, and none of them (nor anything here) carries the token or
the address a message went to. docs/whatsapp.md says why this is not pywa.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from types import TracebackType
from typing import Any, Self

import aiohttp

from bot.channels.whatsapp.codes import AUTH, OUTSIDE_WINDOW, retry_after

__all__ = [
    "DEFAULT_BACKOFF",
    "OutsideWindow",
    "Refused",
    "RetryLater",
    "Unauthorized",
    "WaClient",
    "WaError",
    "recipient_field",
]

#: Seconds to wait after a network failure or a server error that names no code of its own.
DEFAULT_BACKOFF = 10.0
_TIMEOUT = aiohttp.ClientTimeout(total=15.0, connect=5.0)
_HTTP_OK = 200
_HTTP_REDIRECT = 300
_HTTP_UNAUTHORIZED = 401
_HTTP_TOO_MANY = 429
_HTTP_SERVER = 500


class WaError(Exception):
    """A Cloud API call that did not succeed."""


class RetryLater(WaError):  # noqa: N818 - the name says what the caller must do
    """Try again after `seconds`: a rate limit, a server error or the network."""

    def __init__(self, seconds: float, code: int | None = None) -> None:
        self.seconds = seconds
        self.code = code
        super().__init__(f"retry in {seconds:g} s (code {code})")


class OutsideWindow(WaError):  # noqa: N818 - the name says what happened
    """131047: more than 24 hours since the person last wrote; free text cannot go. Never
    retry it: only the person writing first, or an approved template, opens the window."""

    def __init__(self) -> None:
        super().__init__(f"outside the 24-hour window (code {OUTSIDE_WINDOW})")


class Unauthorized(WaError):  # noqa: N818 - the name says what happened
    """The access token is wrong, expired or lacks a permission: the operator must act."""

    def __init__(self, code: int | None) -> None:
        self.code = code
        super().__init__(f"the access token was refused (code {code})")


class Refused(WaError):  # noqa: N818 - the name says what happened
    """Meta refused this request; sending it again fails the same way. `code` is Meta's
    error code, or the HTTP status where the answer named none."""

    def __init__(self, code: int) -> None:
        self.code = code
        super().__init__(f"refused (code {code})")


def recipient_field(address: str) -> dict[str, str]:
    """Where a message goes: a phone number as ``to``, a business-scoped user id (BSUID,
    such as ``NL.1234567890``) as ``recipient``."""
    if address.isascii() and address.isdigit():
        return {"to": address}
    return {"recipient": address}


class WaClient:
    """The calls the channel makes for one business phone number."""

    def __init__(
        self,
        token: str,
        phone_number_id: str,
        api_url: str,
        *,
        timeout: aiohttp.ClientTimeout = _TIMEOUT,
    ) -> None:
        self._base = f"{api_url.rstrip('/')}/{phone_number_id}/"
        self._http = aiohttp.ClientSession(
            headers={"Authorization": f"Bearer {token}"},
            timeout=timeout,
            connector=aiohttp.TCPConnector(limit=64),
        )

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connections."""
        await self._http.close()

    async def send(self, address: str, body: dict[str, Any]) -> str:
        """Send one message (a `render` body) to `address`; return its wamid."""
        request = {"messaging_product": "whatsapp", "recipient_type": "individual", **body}
        request.pop("to", None)
        request.pop("recipient", None)
        answer = await self._post("messages", json={**request, **recipient_field(address)})
        messages = answer.get("messages")
        if isinstance(messages, list) and messages and isinstance(messages[0], dict):
            wamid = messages[0].get("id")
            if isinstance(wamid, str) and wamid:
                return wamid
        raise Refused(200)  # accepted without an id: nothing to follow; do not send twice

    async def mark_read(self, wamid: str) -> None:
        """Show the person's message as read (the blue ticks)."""
        await self._post(
            "messages",
            json={"messaging_product": "whatsapp", "status": "read", "message_id": wamid},
        )

    async def upload(self, data: bytes, mime: str) -> str:
        """Upload media for a later message; return its media id."""
        form = aiohttp.FormData()
        form.add_field("messaging_product", "whatsapp")
        form.add_field("type", mime)
        form.add_field("file", data, filename="file", content_type=mime)
        answer = await self._post("media", data=form)
        media_id = answer.get("id")
        if isinstance(media_id, str) and media_id:
            return media_id
        raise Refused(200)

    async def _post(self, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            async with self._http.post(
                self._base + path, allow_redirects=False, **kwargs
            ) as response:
                raw = await response.read()
                status, headers = response.status, response.headers
        except (aiohttp.ClientError, TimeoutError, OSError):
            # Connection refused, reset, timed out: whether Meta got it is unknown, the sender
            # decides (it keeps the message in the outbox).
            raise RetryLater(DEFAULT_BACKOFF) from None
        try:
            answer = json.loads(raw) if raw else None
        except ValueError:
            answer = None
        answer = answer if isinstance(answer, dict) else {}
        if _HTTP_OK <= status < _HTTP_REDIRECT:
            return answer
        raise _error(status, headers, answer)


def _error(status: int, headers: Mapping[str, str], answer: dict[str, Any]) -> WaError:
    error = answer.get("error")
    code = error.get("code") if isinstance(error, dict) else None
    code = code if isinstance(code, int) and not isinstance(code, bool) else None
    if code in AUTH or status == _HTTP_UNAUTHORIZED:
        return Unauthorized(code)
    if code == OUTSIDE_WINDOW:
        return OutsideWindow()
    if (seconds := retry_after(code)) is not None:
        return RetryLater(max(seconds, _header_seconds(headers)), code)
    if status >= _HTTP_SERVER or status == _HTTP_TOO_MANY:
        return RetryLater(max(DEFAULT_BACKOFF, _header_seconds(headers)), code)
    return Refused(code if code is not None else status)


def _header_seconds(headers: Mapping[str, str]) -> float:
    """A Retry-After header in seconds, where one was sent (0 otherwise)."""
    value = headers.get("Retry-After", "")
    try:
        seconds = float(value)
    except ValueError:
        return 0.0
    return min(seconds, 3600.0) if math.isfinite(seconds) and seconds > 0 else 0.0
