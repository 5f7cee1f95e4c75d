"""The bot's stored replies to WhatsApp message request bodies, within WhatsApp's limits.

A stored reply is channel-neutral: ``{"text": ..., "buttons": [{"text", "data", "short"?} |
{"text", "url"}]}`` (see `bot.channels.telegram.convert.render`). Here it becomes:

- up to 3 data buttons: reply buttons (title at most 20 characters);
- 4 to 10: a list message (row title at most 24, description at most 72, which then carries
  the full label; the button that opens the list at most 20);
- more: numbered lines, which the engine understands typed;
- link buttons: the plain URL in the text.

A title is the label where it fits, else the option's short label, and only where neither
fits a label cut at a word; reply buttons that would need that become a list instead, whose
description shows the full label. The body holds 1,024 characters in an interactive message
and 4,096 in a text; longer texts are split at paragraphs, lines or sentences.

WhatsApp lets a business send one person about one message per 6 seconds (error 131056), so
the replies of one turn are merged into as few messages as these limits allow: texts joined
with a blank line, the buttons under the last. The bodies are complete requests without the
recipient, which the client adds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.engine.texts import N_

__all__ = [
    "BUTTON_TITLE",
    "INTERACTIVE_BODY",
    "LIST_BUTTON",
    "MAX_BUTTONS",
    "MAX_ROWS",
    "ROW_DESCRIPTION",
    "ROW_TITLE",
    "TEXT_BODY",
    "render",
]

BUTTON_TITLE = 20
ROW_TITLE = 24
ROW_DESCRIPTION = 72
LIST_BUTTON = 20
MAX_BUTTONS = 3
MAX_ROWS = 10
INTERACTIVE_BODY = 1024
TEXT_BODY = 4096

# NOTE: The button that opens a WhatsApp list of answers. At most 20 characters.
_CHOOSE = N_("Choose")
_ELLIPSIS = "…"
_BOUNDS = (
    re.compile(r"\n\s*\n"),  # a paragraph
    re.compile(r"\n"),  # a line
    re.compile(r"(?<=[.!?…])\s+|(?<=[.!?…][\"')\]])\s+"),  # a sentence
    re.compile(r"\s+"),  # a word
)


@dataclass(frozen=True, slots=True)
class _Part:
    """Text and the data buttons under it (at most one set of buttons per message)."""

    text: str
    buttons: tuple[Mapping[str, str], ...] = ()


def render(
    payloads: Sequence[Mapping[str, Any]], gettext: Callable[[str], str]
) -> list[dict[str, Any]]:
    """The request bodies for one turn's stored replies, merged, in order.

    `gettext` translates into the person's language (the list button's label).
    """
    parts = [part for part in map(_part, payloads) if part.text or part.buttons]
    bodies: list[dict[str, Any]] = []
    current: _Part | None = None
    for index, part in enumerate(parts):
        if current is None:
            current = part
            continue
        # Text between two questions introduces the next one: it joins that, not the last.
        leads_on = index + 1 < len(parts) and bool(parts[index + 1].buttons)
        if not (current.buttons and (part.buttons or leads_on)):
            merged = _Part(_join(current.text, part.text), current.buttons or part.buttons)
            if len(_bodies(merged, gettext)) < (
                len(_bodies(current, gettext)) + len(_bodies(part, gettext))
            ):
                current = merged
                continue
        bodies += _bodies(current, gettext)
        current = part
    if current is not None:
        bodies += _bodies(current, gettext)
    return bodies


def _part(payload: Mapping[str, Any]) -> _Part:
    text = payload.get("text")
    text = text.strip() if isinstance(text, str) else ""
    raw = payload.get("buttons")
    buttons = [b for b in raw if isinstance(b, Mapping)] if isinstance(raw, list) else []
    # One button per id: WhatsApp refuses a message whose ids repeat.
    data: list[dict[str, str]] = []
    seen: set[str] = set()
    for b in buttons:
        if _text(b, "data") and _text(b, "text") and _text(b, "data") not in seen:
            seen.add(_text(b, "data"))
            data.append({key: value for key, value in b.items() if isinstance(value, str)})
    links = [
        f"{_text(b, 'text')}: {_text(b, 'url')}"
        for b in buttons
        if _text(b, "url") and not _text(b, "data")
    ]
    return _Part(_join(text, "\n".join(links)), tuple(data))


def _bodies(part: _Part, gettext: Callable[[str], str]) -> list[dict[str, Any]]:
    count = len(part.buttons)
    if count == 0:
        return [_text_body(chunk) for chunk in _split(part.text, TEXT_BODY)]
    if count > MAX_ROWS:
        lines = "\n".join(f"{n}. {b['text']}" for n, b in enumerate(part.buttons, 1))
        return [_text_body(chunk) for chunk in _split(_join(part.text, lines), TEXT_BODY)]
    before, body = _split_last(part.text, INTERACTIVE_BODY, TEXT_BODY)
    body = body or gettext(_CHOOSE)
    titles = [_fit(b, BUTTON_TITLE) for b in part.buttons]
    as_buttons = (
        count <= MAX_BUTTONS
        and all(
            title == b["text"].strip() or title == _short(b)
            for title, b in zip(titles, part.buttons, strict=True)
        )
        and len(set(titles)) == count
    )
    interactive = (
        _buttons(body, part.buttons, titles) if as_buttons else _list(body, part.buttons, gettext)
    )
    return [*(_text_body(chunk) for chunk in before), interactive]


def _buttons(
    body: str, buttons: Sequence[Mapping[str, str]], titles: Sequence[str]
) -> dict[str, Any]:
    replies = [
        {"type": "reply", "reply": {"id": b["data"], "title": title}}
        for b, title in zip(buttons, titles, strict=True)
    ]
    return _request(
        "interactive",
        {"type": "button", "body": {"text": body}, "action": {"buttons": replies}},
    )


def _list(
    body: str, buttons: Sequence[Mapping[str, str]], gettext: Callable[[str], str]
) -> dict[str, Any]:
    rows = []
    for b in buttons:
        label = b["text"].strip()
        row = {"id": b["data"], "title": _fit(b, ROW_TITLE)}
        if row["title"] != label:
            row["description"] = _cut(label, ROW_DESCRIPTION)
        rows.append(row)
    action = {"button": _cut(gettext(_CHOOSE), LIST_BUTTON), "sections": [{"rows": rows}]}
    return _request("interactive", {"type": "list", "body": {"text": body}, "action": action})


def _text_body(chunk: str) -> dict[str, Any]:
    return _request("text", {"body": chunk, "preview_url": "https://" in chunk})


def _request(kind: str, content: dict[str, Any]) -> dict[str, Any]:
    return {"messaging_product": "whatsapp", "recipient_type": "individual", "type": kind,
            kind: content}  # fmt: skip


def _fit(button: Mapping[str, str], limit: int) -> str:
    """The label if it fits, else the short label if that fits, else a label cut at a word."""
    label = button["text"].strip()
    if len(label) <= limit:
        return label
    short = _short(button)
    if short and len(short) <= limit:
        return short
    return _cut(short or label, limit)


def _short(button: Mapping[str, str]) -> str:
    return button.get("short", "").strip()


def _cut(text: str, limit: int) -> str:
    """`text` if it fits; else as many whole words as fit, then an ellipsis."""
    if len(text) <= limit:
        return text
    head = text[: limit - len(_ELLIPSIS) + 1]
    space = head.rfind(" ")
    head = head[:space] if space > 0 else head[:-1]
    return head.rstrip(" ,;:-") + _ELLIPSIS


def _split(text: str, limit: int) -> list[str]:
    """`text` in chunks of at most `limit` characters, cut at the best bound near the end."""
    chunks: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        cut = _last_bound(rest, limit)
        chunks.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        chunks.append(rest)
    return chunks


def _split_last(text: str, last: int, limit: int) -> tuple[list[str], str]:
    """(chunks of at most `limit`, then a final chunk of at most `last`) for `text`."""
    text = text.strip()
    if len(text) <= last:
        return [], text
    start = len(text) - last
    window = text[start:]
    cut = start
    for bound in _BOUNDS:
        if found := bound.search(window):
            cut = start + found.end()
            break
    return _split(text[:cut], limit), text[cut:].strip()


def _last_bound(text: str, limit: int) -> int:
    """Where to cut `text` to keep at most `limit` characters: the last paragraph, line,
    sentence or word end in the second half of the window, else exactly at `limit`."""
    window = text[: limit + 1]
    for bound in _BOUNDS:
        ends = [m.start() for m in bound.finditer(window) if limit // 2 <= m.start() <= limit]
        if ends:
            return ends[-1]
    return limit


def _join(first: str, second: str) -> str:
    return "\n\n".join(part for part in (first, second) if part)


def _text(button: Mapping[str, Any], key: str) -> str:
    value = button.get(key)
    return value.strip() if isinstance(value, str) else ""
