"""The Graph API wire format of the WhatsApp test server: error envelopes, ids, the request log."""

from __future__ import annotations

import base64
import itertools
from dataclasses import dataclass
from typing import Any

__all__ = [
    "ERRORS",
    "GraphError",
    "JSONDict",
    "RecordedCall",
    "error_body",
    "graph_error",
    "new_media_id",
    "new_wamid",
]

JSONDict = dict[str, Any]

# code -> (title, details) as Meta's error-code reference and its webhooks word them.
ERRORS: dict[int, tuple[str, str]] = {
    100: ("Invalid parameter", "Invalid parameter"),
    190: ("Invalid OAuth access token - Cannot parse access token", ""),
    130429: ("Rate limit hit", "Cloud API message throughput has been reached."),
    131000: ("Something went wrong", "Something went wrong."),
    131005: ("Access denied", "Permission is either not granted or has been removed."),
    131008: ("Required parameter is missing", "Required parameter is missing."),
    131009: ("Parameter value is not valid", "Parameter value is not valid."),
    131026: ("Message undeliverable", "Unable to deliver message."),
    131047: (
        "Re-engagement message",
        "Message failed to send because more than 24 hours have passed since the customer "
        "last replied to this number.",
    ),
    131048: (
        "Spam rate limit hit",
        "Message failed to send because there are restrictions on how many messages can be "
        "sent from this phone number.",
    ),
    131056: (
        "(Business Account, Consumer Account) pair rate limit hit",
        "Message failed to send because there were too many messages sent from this phone "
        "number to the same phone number in a short period of time.",
    ),
    131051: ("Message type unknown", "Message type is currently not supported."),
    133010: ("Phone number not registered", "The phone number is not registered."),
}
_HREF = "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"
_wamids = itertools.count(1)
_media_ids = itertools.count(1)


class GraphError(Exception):
    """A Graph API error: raise it while handling a call and the client gets the envelope."""

    def __init__(
        self,
        code: int,
        details: str | None = None,
        *,
        http_status: int = 400,
        message: str | None = None,
        subcode: int | None = None,
    ) -> None:
        title, default_details = ERRORS.get(code, ("Error", ""))
        self.code = code
        self.title = title
        self.details = default_details if details is None else details
        self.http_status = http_status
        self.message = message or f"(#{code}) {title}"
        self.subcode = subcode
        super().__init__(f"{http_status} {self.message}: {self.details}")

    def webhook_error(self) -> JSONDict:
        """The form the error takes in a `failed` status webhook."""
        return {
            "code": self.code,
            "title": self.title,
            "message": self.title,
            "error_data": {"details": self.details},
            "href": _HREF,
        }


def graph_error(code: int, details: str | None = None) -> GraphError:
    """The error with Meta's usual HTTP status for it (190 is 401, the rest 400)."""
    return GraphError(code, details, http_status=401 if code == 190 else 400)


def error_body(error: GraphError, trace: int = 0) -> JSONDict:
    """The JSON the Graph API answers for a failed call."""
    inner: JSONDict = {
        "message": error.message,
        "type": "OAuthException",
        "code": error.code,
        "fbtrace_id": f"Aomarmt{trace:09d}",
    }
    if error.details:
        inner["error_data"] = {"messaging_product": "whatsapp", "details": error.details}
    if error.subcode is not None:
        inner["error_subcode"] = error.subcode
    return {"error": inner}


def new_wamid(phone: str) -> str:
    """A message id in Meta's shape: "wamid." and base64 of an opaque, unique key."""
    raw = f"\x15\x02\x00\x11\x18\x12{phone}{next(_wamids):020X}".encode()
    return "wamid." + base64.b64encode(raw).decode()


def new_media_id() -> str:
    """A media id in Meta's shape: a long decimal number."""
    return str(1_000_000_000_000_000 + next(_media_ids))


@dataclass(frozen=True)
class RecordedCall:
    """One Graph API call the server answered: what was asked, and the answer."""

    method: str  # "POST" or "GET"
    path: str  # e.g. "messages" or "media"
    body: JSONDict
    time: float  # time.monotonic() at arrival
    status: int
    answer: JSONDict

    @property
    def ok(self) -> bool:
        """Whether the call succeeded."""
        return self.status == 200

    @property
    def error_code(self) -> int | None:
        """The Graph error code of a failed call."""
        error = self.answer.get("error")
        return int(error["code"]) if isinstance(error, dict) else None
