"""What `POST /{phone_number_id}/messages` accepts, checked like the Cloud API checks it.

Structure errors (missing or mistyped fields, strings too long) are code 100 with a "Param ..."
detail; interactive limits (number of buttons and rows, duplicate ids) are 131009, as Meta words
them. Only what a bot sends is checked: types it never sends are refused with 100.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tests.auxil.waapi_wire import GraphError, JSONDict, graph_error

__all__ = ["MEDIA_TYPES", "Outgoing", "check_message"]

MEDIA_TYPES = frozenset({"image", "audio", "document", "video", "sticker"})
_CAPTIONED = frozenset({"image", "document", "video"})
TEXT_MAX = 4096
INTERACTIVE_BODY_MAX = 1024
CAPTION_MAX = 1024
HEADER_TEXT_MAX = 60
FOOTER_MAX = 60
BUTTON_TITLE_MAX = 20
BUTTON_ID_MAX = 256
LIST_BUTTON_MAX = 20
ROW_TITLE_MAX = 24
ROW_DESCRIPTION_MAX = 72
ROW_ID_MAX = 200
SECTION_TITLE_MAX = 24
ROWS_MAX = 10


@dataclass(frozen=True)
class Outgoing:
    """A message the checks let through: its type and who it is for."""

    type: str  # "text", "interactive", "template", an entry of MEDIA_TYPES, or "read"
    to: str | None  # phone number / wa_id, as given
    recipient: str | None  # business-scoped user id, as given
    free_form: bool  # everything but templates needs the 24-hour window
    message_id: str | None = None  # for "read": the message marked as read


def _invalid(detail: str) -> GraphError:
    return graph_error(100, detail)


def _not_valid(detail: str) -> GraphError:
    return graph_error(131009, detail)


def _path(where: str, key: str) -> str:
    return f"{where}['{key}']" if where else key


def _object(parent: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
    value = parent.get(key)
    if not isinstance(value, Mapping):
        raise _invalid(f"The parameter {_path(where, key)} is required and must be an object.")
    return value


def _text(
    parent: Mapping[str, Any], key: str, where: str, limit: int, *, required: bool = True
) -> str | None:
    value = parent.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _invalid(f"Param {_path(where, key)} is required and must be a non-empty string.")
    if len(value) > limit:
        raise _invalid(f"Param {_path(where, key)} must be at most {limit} characters long.")
    return value


def _header_footer(interactive: Mapping[str, Any]) -> None:
    header = interactive.get("header")
    if header is not None:
        if not isinstance(header, Mapping) or header.get("type") not in (
            "text", "image", "video", "document",
        ):  # fmt: skip
            raise _invalid("Param interactive['header'] must have a valid type.")
        if header["type"] == "text":
            _text(header, "text", "interactive['header']", HEADER_TEXT_MAX)
    if interactive.get("footer") is not None:
        footer = _object(interactive, "footer", "interactive")
        _text(footer, "text", "interactive['footer']", FOOTER_MAX)


def _buttons(action: Mapping[str, Any]) -> None:
    buttons = action.get("buttons")
    if not isinstance(buttons, list) or not 1 <= len(buttons) <= 3:
        raise _not_valid("Number of buttons must be between 1 and 3.")
    ids: set[str] = set()
    for number, button in enumerate(buttons):
        where = f"interactive['action']['buttons'][{number}]"
        if not isinstance(button, Mapping) or button.get("type") != "reply":
            raise _invalid(f"Param {where}['type'] must be 'reply'.")
        reply = _object(button, "reply", where)
        _text(reply, "title", f"{where}['reply']", BUTTON_TITLE_MAX)
        button_id = _text(reply, "id", f"{where}['reply']", BUTTON_ID_MAX)
        assert button_id is not None
        if button_id in ids:
            raise _not_valid("Buttons must have unique ids.")
        ids.add(button_id)


def _list(action: Mapping[str, Any]) -> None:
    _text(action, "button", "interactive['action']", LIST_BUTTON_MAX)
    sections = action.get("sections")
    if not isinstance(sections, list) or not 1 <= len(sections) <= 10:
        raise _not_valid("Number of sections must be between 1 and 10.")
    ids: set[str] = set()
    rows_in_all = 0
    for s_number, section in enumerate(sections):
        where = f"interactive['action']['sections'][{s_number}]"
        if not isinstance(section, Mapping):
            raise _invalid(f"Param {where} must be an object.")
        _text(section, "title", where, SECTION_TITLE_MAX, required=len(sections) > 1)
        rows = section.get("rows")
        if not isinstance(rows, list) or not rows:
            raise _not_valid("Each section must have at least one row.")
        for r_number, row in enumerate(rows):
            row_where = f"{where}['rows'][{r_number}]"
            if not isinstance(row, Mapping):
                raise _invalid(f"Param {row_where} must be an object.")
            row_id = _text(row, "id", row_where, ROW_ID_MAX)
            _text(row, "title", row_where, ROW_TITLE_MAX)
            _text(row, "description", row_where, ROW_DESCRIPTION_MAX, required=False)
            assert row_id is not None
            if row_id in ids:
                raise _not_valid("Row ids must be unique across all sections.")
            ids.add(row_id)
        rows_in_all += len(rows)
    if rows_in_all > ROWS_MAX:
        raise _not_valid(f"Total row count exceed max allowed count: {ROWS_MAX}")


def _interactive(body: Mapping[str, Any]) -> None:
    interactive = _object(body, "interactive", "")
    kind = interactive.get("type")
    if kind not in ("button", "list"):
        raise _invalid("Param interactive['type'] must be one of {button, list}.")
    _header_footer(interactive)
    header = interactive.get("header")
    if kind == "list" and isinstance(header, Mapping) and header.get("type") != "text":
        raise _invalid("Param interactive['header']['type'] must be 'text' for lists.")
    body_object = _object(interactive, "body", "interactive")
    _text(body_object, "text", "interactive['body']", INTERACTIVE_BODY_MAX)
    action = _object(interactive, "action", "interactive")
    if kind == "button":
        _buttons(action)
    else:
        _list(action)


def _media(body: Mapping[str, Any], kind: str) -> None:
    media = _object(body, kind, "")
    has_link, has_id = "link" in media, "id" in media
    if has_link == has_id:
        raise _invalid(f"Param {kind} must have exactly one of 'link' or 'id'.")
    if has_link:
        link = media["link"]
        if not isinstance(link, str) or not link.startswith(("http://", "https://")):
            raise _invalid(f"Param {kind}['link'] must be a valid URL.")
    elif not isinstance(media["id"], str) or not media["id"]:
        raise _invalid(f"Param {kind}['id'] must be a non-empty string.")
    if "caption" in media:
        if kind not in _CAPTIONED:
            raise _invalid(f"Param {kind}['caption'] is not allowed for {kind}.")
        _text(media, "caption", f"{kind}", CAPTION_MAX)


def _template(body: Mapping[str, Any]) -> None:
    template = _object(body, "template", "")
    _text(template, "name", "template", 512)
    language = _object(template, "language", "template")
    _text(language, "code", "template['language']", 15)
    components = template.get("components")
    if components is not None and not isinstance(components, list):
        raise _invalid("Param template['components'] must be an array.")


def _recipients(body: JSONDict) -> tuple[str | None, str | None]:
    """`to` (phone number; wins when both are given) and `recipient` (BSUID)."""
    to, recipient = body.get("to"), body.get("recipient")
    if to is not None and (not isinstance(to, str) or not to.lstrip("+").isdigit()):
        raise _invalid("Param to must be a phone number or WhatsApp id.")
    if recipient is not None and (not isinstance(recipient, str) or "." not in recipient):
        raise _invalid("Param recipient must be a business-scoped user id.")
    if to is None and recipient is None:
        raise _invalid("The parameter to is required.")
    if body.get("recipient_type", "individual") != "individual":
        raise _invalid("Param recipient_type must be 'individual'.")
    return to, recipient


def check_message(body: JSONDict) -> Outgoing:
    """The message as the Cloud API reads it, or the GraphError it answers."""
    if body.get("messaging_product") != "whatsapp":
        raise _invalid("The parameter messaging_product is required.")
    if body.get("status") == "read":
        message_id = body.get("message_id")
        if not isinstance(message_id, str) or not message_id.startswith("wamid."):
            raise _invalid("Param message_id must be a valid WhatsApp message id.")
        return Outgoing("read", None, None, free_form=False, message_id=message_id)
    to, recipient = _recipients(body)
    kind = body.get("type", "text")
    if kind == "text":
        text = _object(body, "text", "")
        _text(text, "body", "text", TEXT_MAX)
        if not isinstance(text.get("preview_url", False), bool):
            raise _invalid("Param text['preview_url'] must be a boolean.")
    elif kind == "interactive":
        _interactive(body)
    elif kind in MEDIA_TYPES:
        _media(body, kind)
    elif kind == "template":
        _template(body)
    else:
        raise _invalid(f"Param type must be one of the supported types, not {kind!r}.")
    context = body.get("context")
    if context is not None and not (
        isinstance(context, Mapping) and str(context.get("message_id", "")).startswith("wamid.")
    ):
        raise _invalid("Param context['message_id'] must be a WhatsApp message id.")
    return Outgoing(kind, to, recipient, free_form=kind != "template")
