"""The Bot API wire format for the test server: request bodies in, `ok`/error envelopes out."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from aiohttp import BodyPartReader, web

__all__ = [
    "ApiError",
    "JSONDict",
    "RecordedRequest",
    "UploadedFile",
    "error_body",
    "parse_params",
    "utf16_len",
]

JSONDict = dict[str, Any]

# Form values are strings; Telegram types them per parameter. Everything not named here is read
# as JSON when it parses to a number, boolean, null, object or array (python-telegram-bot sends
# `json.dumps(value)` for non-strings), so these must stay text even when they look like JSON.
_TEXT_PARAMS = frozenset(
    {
        "action", "address", "animation", "audio", "business_connection_id", "callback_query_id",
        "caption", "custom_title", "description", "document", "emoji", "explanation",
        "explanation_parse_mode", "file_id", "first_name", "foursquare_id", "icon_custom_emoji_id",
        "inline_message_id", "ip_address", "language_code", "last_name", "message_effect_id",
        "name", "parse_mode", "phone_number", "photo", "question", "question_parse_mode",
        "secret_token", "short_description", "sticker", "text", "thumbnail", "title", "url",
        "vcard", "video", "video_note", "voice",
    }
)  # fmt: skip


class ApiError(Exception):
    """A Bot API error answer: raise it from a method and the client gets the envelope."""

    def __init__(self, error_code: int, description: str, *, retry_after: int | None = None):
        super().__init__(f"{error_code} {description}")
        self.error_code = error_code
        self.description = description
        self.retry_after = retry_after


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart request (what python-telegram-bot sends for bytes/InputFile)."""

    field: str
    filename: str | None
    content_type: str | None
    data: bytes


@dataclass(frozen=True)
class RecordedRequest:
    """One call the server answered: what was asked, how it was encoded, and the answer."""

    method: str
    params: JSONDict
    time: float  # time.monotonic() at arrival
    transport: str  # "json", "form", "multipart", "query" or "empty"
    status: int
    result: Any = None
    description: str | None = None
    files: tuple[UploadedFile, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """Whether the call succeeded."""
        return self.status == 200


def error_body(error: ApiError) -> JSONDict:
    """The JSON Telegram answers for a failed call."""
    body: JSONDict = {
        "ok": False,
        "error_code": error.error_code,
        "description": error.description,
    }
    if error.retry_after is not None:
        body["parameters"] = {"retry_after": error.retry_after}
    return body


def _coerce(name: str, value: Any) -> Any:
    if not isinstance(value, str) or name in _TEXT_PARAMS:
        return value
    try:
        decoded = json.loads(value)
    except ValueError:
        return value
    return value if isinstance(decoded, str) else decoded


async def _read_multipart(
    request: web.BaseRequest, params: JSONDict, files: list[UploadedFile]
) -> None:
    # Read part by part instead of request.post(): post() spools file parts to temporary files
    # that would have to be closed by hand.
    reader = await request.multipart()
    while (part := await reader.next()) is not None:
        if not isinstance(part, BodyPartReader) or part.name is None:
            raise ApiError(400, "Bad Request: can't parse multipart/form-data body")
        data = await part.read(decode=True)
        if part.filename is None:
            params[part.name] = data.decode(part.get_charset("utf-8"))
            continue
        upload = UploadedFile(
            field=part.name,
            filename=part.filename,
            content_type=part.headers.get("Content-Type"),
            data=bytes(data),
        )
        files.append(upload)
        params[part.name] = upload


async def parse_params(request: web.BaseRequest) -> tuple[JSONDict, str, tuple[UploadedFile, ...]]:
    """Reads the query string and the body like the Bot API does; values typed per parameter."""
    params: JSONDict = dict(request.query)
    files: list[UploadedFile] = []
    transport = "query" if params else "empty"
    content_type = request.content_type
    if request.can_read_body:
        if content_type == "application/json":
            try:
                body = await request.json()
            except ValueError as exc:
                raise ApiError(400, "Bad Request: can't parse JSON request body") from exc
            if not isinstance(body, dict):
                raise ApiError(400, "Bad Request: JSON request body must be an object")
            params.update(body)
            transport = "json"
        elif content_type == "multipart/form-data":
            await _read_multipart(request, params, files)
            transport = "multipart"
        elif content_type == "application/x-www-form-urlencoded":
            form = await request.post()
            params.update({key: value for key, value in form.items() if isinstance(value, str)})
            transport = "form"
        else:
            await request.read()
    typed = {name: _coerce(name, value) for name, value in params.items()}
    return typed, transport, tuple(files)


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's entity offsets."""
    return len(text.encode("utf-16-le")) // 2
