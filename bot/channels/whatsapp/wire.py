"""One verified webhook body to the items the bot handles: messages and delivery statuses.

Meta's envelope is ``{"object": "whatsapp_business_account", "entry": [{"changes": [{"field":
"messages", "value": {"metadata": {"phone_number_id": ...}, "contacts": [...], "messages":
[...], "statuses": [...]}}]}]}``. Every field is checked before it is used: a body of any
shape gives a list of items (maybe empty) and never an exception.

Identity. Since 2026 each person has a business-scoped user id ("BSUID", ``user_id`` in
``contacts``, ``from_user_id`` on a message, ``recipient_user_id`` on a status, such as
``NL.1234567890``); the phone number (``wa_id``, ``from``, ``recipient_id``) may be missing
for people with a username. `WaItem.user` is the BSUID where given, else the phone number: it
only feeds the pseudonym and is never stored in the clear. `WaItem.address` is what a reply
goes to: the BSUID where given (sent as ``recipient``), else the phone number (sent as
``to``) — the only case in which a phone number travels on, and only to answer.

`WaItem.payload` is a trimmed copy of the one message or status: the profile name, username,
phone numbers, shared contact cards, coordinates, media ids and file names are left out; what
stays is what the bot needs to answer (see `_message_payload` and `_status_payload`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["WaItem", "split"]

_MEDIA_WITH_CAPTION = ("image", "video", "document")
_KNOWN = frozenset(
    {
        "text", "interactive", "button", "image", "video", "audio", "document", "sticker",
        "location", "contacts", "reaction", "unsupported", "system", "order", "request_welcome",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class WaItem:
    """One message from a person, or one status of a message the bot sent."""

    kind: Literal["message", "status"]
    #: The message's wamid; a status's ``wamid:status`` (each status is its own event).
    key: str
    #: The BSUID, else the phone number: input for the pseudonym only.
    user: str
    #: Where a reply goes: the BSUID, else the phone number ("" if a status names no one).
    address: str
    payload: dict[str, Any]


def split(body: object, phone_number_id: str) -> list[WaItem]:
    """The items in one webhook body for our business number, in order, each key once.

    Changes for another phone number id (an app may serve several numbers) are dropped.
    """
    root = _dict(body)
    if root.get("object") != "whatsapp_business_account":
        return []
    items: list[WaItem] = []
    seen: set[str] = set()
    for entry in _dicts(root.get("entry")):
        for change in _dicts(entry.get("changes")):
            if change.get("field") != "messages":
                continue
            value = _dict(change.get("value"))
            if _str(_dict(value.get("metadata")).get("phone_number_id")) != phone_number_id:
                continue
            for item in _items(value):
                if item.key not in seen:
                    seen.add(item.key)
                    items.append(item)
    return items


def _items(value: dict[str, Any]) -> list[WaItem]:
    contacts = _dicts(value.get("contacts"))
    items: list[WaItem] = []
    for message in _dicts(value.get("messages")):
        wamid = _str(message.get("id"))
        user = _sender(message, contacts)
        if wamid and user and _str(message.get("type")):
            items.append(WaItem("message", wamid, user, user, _message_payload(message)))
    for status in _dicts(value.get("statuses")):
        wamid, state = _str(status.get("id")), _str(status.get("status"))
        if wamid and state:
            user = _str(status.get("recipient_user_id")) or _str(status.get("recipient_id"))
            items.append(WaItem("status", f"{wamid}:{state}", user, user, _status_payload(status)))
    return items


def _sender(message: dict[str, Any], contacts: list[dict[str, Any]]) -> str:
    """The BSUID of the sender where known, else the phone number; "" if neither."""
    bsuid, phone = _str(message.get("from_user_id")), _str(message.get("from"))
    if bsuid:
        return bsuid
    for contact in contacts:
        if phone and _str(contact.get("wa_id")) == phone and _str(contact.get("user_id")):
            return _str(contact.get("user_id"))
    if not phone and len(contacts) == 1:
        return _str(contacts[0].get("user_id")) or _str(contacts[0].get("wa_id"))
    return phone


def _message_payload(message: dict[str, Any]) -> dict[str, Any]:
    """Only what answering needs: the id, the type, and per type:

    text → its body; interactive → the reply's type, id and title; button (a template's quick
    reply) → its text and payload; image, video, document → the caption; a type this code does
    not know → its text, if any (for the crisis check). Everything else (location, contacts,
    sticker, audio, reaction, ...) keeps only its type.
    """
    kind = _str(message.get("type"))
    payload: dict[str, Any] = {"id": _str(message.get("id")), "type": kind}
    if (stamp := _str(message.get("timestamp"))).isdigit():
        payload["timestamp"] = stamp
    inner = _dict(message.get(kind))
    if kind == "text":
        payload["text"] = {"body": _str(inner.get("body"))}
    elif kind == "interactive":
        reply_kind = _str(inner.get("type"))
        reply = _dict(inner.get(reply_kind))
        payload["interactive"] = {
            "type": reply_kind,
            reply_kind: {"id": _str(reply.get("id")), "title": _str(reply.get("title"))},
        }
    elif kind == "button":
        payload["button"] = {
            "text": _str(inner.get("text")),
            "payload": _str(inner.get("payload")),
        }
    elif kind in _MEDIA_WITH_CAPTION and (caption := _str(inner.get("caption"))):
        payload[kind] = {"caption": caption}
    elif kind not in _KNOWN and (text := _str(inner.get("body")) or _str(inner.get("caption"))):
        payload[kind] = {"body": text}  # a type new to us: its text is still checked for crisis
    return payload


def _status_payload(status: dict[str, Any]) -> dict[str, Any]:
    """The wamid, the status, our own callback data and the error codes; no recipient."""
    payload: dict[str, Any] = {"id": _str(status.get("id")), "status": _str(status.get("status"))}
    if (stamp := _str(status.get("timestamp"))).isdigit():
        payload["timestamp"] = stamp
    if opaque := _str(status.get("biz_opaque_callback_data")):
        payload["biz_opaque_callback_data"] = opaque
    errors = [
        {"code": error["code"], "title": _str(error.get("title"))}
        for error in _dicts(status.get("errors"))
        if isinstance(error.get("code"), int) and not isinstance(error.get("code"), bool)
    ]
    if errors:
        payload["errors"] = errors
    return payload


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _dicts(value: object) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""
