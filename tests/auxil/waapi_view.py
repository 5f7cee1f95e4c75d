"""What a person sees of a message the bot sent: its text, and the buttons or rows to tap."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["Choice", "Outbound", "Visible", "visible"]


@dataclass(frozen=True)
class Choice:
    """A reply button or a list row: what is tapped (`id`) and what is shown."""

    id: str
    title: str
    description: str | None = None


@dataclass(frozen=True)
class Visible:
    """A message as it shows on the phone."""

    type: str  # "text", "button", "list", "template", or the media type
    text: str  # body text, caption, or "" (header and footer are apart)
    header: str | None = None
    footer: str | None = None
    buttons: tuple[Choice, ...] = ()  # reply buttons
    list_button: str | None = None  # the label that opens a list
    rows: tuple[Choice, ...] = ()  # list rows, all sections in order
    media: str | None = None  # link or media id

    @property
    def titles(self) -> list[str]:
        """The titles of the buttons or rows, in order."""
        return [choice.title for choice in self.buttons or self.rows]

    @property
    def ids(self) -> list[str]:
        """The ids of the buttons or rows, in order."""
        return [choice.id for choice in self.buttons or self.rows]


@dataclass(frozen=True)
class Outbound:
    """A message the server accepted: the request body, its wamid, the server-clock time."""

    id: str
    body: Mapping[str, Any]
    time: float

    @property
    def visible(self) -> Visible:
        """What the person sees of it."""
        return visible(self.body)


def _interactive(interactive: Mapping[str, Any]) -> Visible:
    header = interactive.get("header") or {}
    footer = interactive.get("footer") or {}
    action = interactive.get("action") or {}
    common: dict[str, Any] = {
        "text": str(interactive.get("body", {}).get("text", "")),
        "header": header.get("text"),
        "footer": footer.get("text"),
    }
    if interactive.get("type") == "button":
        buttons = tuple(
            Choice(b["reply"]["id"], b["reply"]["title"]) for b in action.get("buttons", [])
        )
        return Visible("button", buttons=buttons, **common)
    rows = tuple(
        Choice(row["id"], row["title"], row.get("description"))
        for section in action.get("sections", [])
        for row in section.get("rows", [])
    )
    return Visible("list", list_button=action.get("button"), rows=rows, **common)


def visible(body: Mapping[str, Any]) -> Visible:
    """What a person sees of a message request body."""
    kind = str(body.get("type", "text"))
    if kind == "text":
        return Visible("text", str(body["text"]["body"]))
    if kind == "interactive":
        return _interactive(body["interactive"])
    if kind == "template":
        return Visible("template", str(body["template"]["name"]))
    media = body.get(kind) or {}
    return Visible(kind, str(media.get("caption", "")), media=media.get("link") or media.get("id"))
