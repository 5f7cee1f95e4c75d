"""Scripted WhatsApp users, and the webhook payloads Meta makes of what they do.

Shapes follow Meta's messages-webhook reference, with the business-scoped user id (BSUID)
fields of 2026: `contacts[].user_id` and `messages[].from_user_id` on what people send,
`recipient_user_id` on statuses. A user with a username who does not share the phone number
has no `wa_id` / `from` in the payloads.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tests.auxil.waapi_wire import JSONDict, new_media_id

__all__ = [
    "WaUser",
    "envelope",
    "inbound_message",
    "make_user",
    "media_payload",
    "status_payload",
]

_numbers = itertools.count(1)
_MIME = {
    "image": "image/jpeg",
    "audio": "audio/ogg; codecs=opus",
    "document": "application/pdf",
    "video": "video/mp4",
    "sticker": "image/webp",
}


@dataclass(frozen=True)
class WaUser:
    """A young person on WhatsApp: profile name, phone number (wa_id) and BSUID (user_id)."""

    name: str
    wa_id: str
    user_id: str
    username: str | None = None
    shares_phone: bool = True

    @property
    def key(self) -> str:
        """How the server files this user: the BSUID, which every user has."""
        return self.user_id

    def contact(self) -> JSONDict:
        """The `contacts[]` entry of a webhook about this user."""
        profile: JSONDict = {"name": self.name}
        if self.username:
            profile["username"] = self.username
        contact: JSONDict = {"profile": profile}
        if self.shares_phone:
            contact["wa_id"] = self.wa_id
        contact["user_id"] = self.user_id
        return contact


def make_user(
    name: str,
    *,
    wa_id: str | None = None,
    user_id: str | None = None,
    username: str | None = None,
    shares_phone: bool = True,
    country: str = "NL",
) -> WaUser:
    """A user; phone number and BSUID are made up when not given (Dutch mobile, "NL.<digits>")."""
    number = next(_numbers)
    if wa_id is None:
        wa_id = f"3161{number:07d}"
    if not wa_id.isdigit():
        raise ValueError("a wa_id is the phone number in digits, without + or spaces")
    if user_id is None:
        digest = hashlib.sha256(f"{wa_id}/{number}".encode()).hexdigest()
        user_id = f"{country}.{int(digest[:16], 16)}"
    country_code, dot, rest = user_id.partition(".")
    if not (dot and len(country_code) == 2 and country_code.isupper() and rest.isalnum()):
        raise ValueError("a BSUID looks like NL.13491208655302741918")
    if not shares_phone and not username:
        raise ValueError("only a user with a username can hide the phone number")
    return WaUser(name, wa_id, user_id, username, shares_phone)


def media_payload(
    kind: str, *, caption: str | None = None, filename: str | None = None
) -> JSONDict:
    """The media object of an inbound image, audio, document, video or sticker."""
    media_id = new_media_id()
    payload: JSONDict = {
        "mime_type": _MIME[kind],
        "sha256": hashlib.sha256(media_id.encode()).hexdigest(),
        "id": media_id,
    }
    if caption is not None:
        payload["caption"] = caption
    if kind == "document":
        payload["filename"] = filename or "document.pdf"
    if kind == "audio":
        payload["voice"] = True
    if kind == "sticker":
        payload["animated"] = False
    return payload


def inbound_message(
    user: WaUser,
    wamid: str,
    timestamp: float,
    kind: str,
    content: Any,
    *,
    context: Mapping[str, str] | None = None,
) -> JSONDict:
    """One entry of `messages[]`: `content` goes under the key `kind` (except `unsupported`)."""
    message: JSONDict = {}
    if user.shares_phone:
        message["from"] = user.wa_id
    message["from_user_id"] = user.user_id
    message["id"] = wamid
    message["timestamp"] = str(int(timestamp))
    if context is not None:
        message["context"] = dict(context)
    message["type"] = kind
    if kind == "unsupported":
        message["errors"] = [
            {
                "code": 131051,
                "title": "Message type unknown",
                "message": "Message type unknown",
                "error_data": {"details": "Message type is currently not supported."},
            }
        ]
        if content:
            message["unsupported"] = {"type": content}
    else:
        message[kind] = content
    return message


def status_payload(
    user: WaUser | None,
    to: str | None,
    wamid: str,
    status: str,
    timestamp: float,
    *,
    errors: Sequence[JSONDict] = (),
) -> JSONDict:
    """One entry of `statuses[]` for a message the business sent."""
    entry: JSONDict = {"id": wamid, "status": status, "timestamp": str(int(timestamp))}
    if to is not None:
        entry["recipient_id"] = to
    if user is not None and (status != "failed" or to is None):
        entry["recipient_user_id"] = user.user_id
    if status == "failed":
        entry["errors"] = [dict(error) for error in errors]
    else:
        entry["pricing"] = {
            "billable": False,
            "pricing_model": "PMP",
            "category": "service",
            "type": "free_customer_service",
        }
    return entry


def envelope(
    waba_id: str,
    phone_number_id: str,
    display_phone_number: str,
    *,
    contacts: Sequence[JSONDict] = (),
    messages: Sequence[JSONDict] = (),
    statuses: Sequence[JSONDict] = (),
) -> JSONDict:
    """Meta's webhook body around messages or statuses."""
    value: JSONDict = {
        "messaging_product": "whatsapp",
        "metadata": {
            "display_phone_number": display_phone_number,
            "phone_number_id": phone_number_id,
        },
    }
    if contacts:
        value["contacts"] = list(contacts)
    if messages:
        value["messages"] = list(messages)
    if statuses:
        value["statuses"] = list(statuses)
    change = {"value": value, "field": "messages"}
    return {"object": "whatsapp_business_account", "entry": [{"id": waba_id, "changes": [change]}]}
