"""Telegram's HTML parse mode: plain text and entities, or the error Telegram would give."""

from __future__ import annotations

from html.parser import HTMLParser

from tests.auxil.botapi_wire import ApiError, JSONDict, utf16_len

__all__ = ["parse_html"]

_SIMPLE = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
}
_ALL_TAGS = {*_SIMPLE, "a", "span", "tg-emoji"}


def _fail(reason: str) -> ApiError:
    return ApiError(400, f"Bad Request: can't parse entities: {reason}")


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.entities: list[JSONDict] = []
        self.stack: list[tuple[str, int, JSONDict]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag not in _ALL_TAGS:
            raise _fail(f'Unsupported start tag "{tag}"')
        entity: JSONDict
        if tag == "a":
            entity = {"type": "text_link", "url": attributes.get("href") or ""}
            if not entity["url"]:
                raise _fail("Can't find URL of the link")
        elif tag == "span":
            if attributes.get("class") != "tg-spoiler":
                raise _fail('Tag "span" must have class "tg-spoiler"')
            entity = {"type": "spoiler"}
        elif tag == "tg-emoji":
            entity = {"type": "custom_emoji", "custom_emoji_id": attributes.get("emoji-id", "")}
        elif tag == "blockquote" and "expandable" in attributes:
            entity = {"type": "expandable_blockquote"}
        else:
            entity = {"type": _SIMPLE[tag]}
        self.stack.append((tag, utf16_len(self.text), entity))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack:
            raise _fail(f'Unexpected end tag "{tag}"')
        open_tag, offset, entity = self.stack.pop()
        if open_tag != tag:
            raise _fail(f'Unmatched end tag, expected "</{open_tag}>", found "</{tag}>"')
        length = utf16_len(self.text) - offset
        if length:
            self.entities.append({**entity, "offset": offset, "length": length})

    def handle_data(self, data: str) -> None:
        self.text += data


def parse_html(source: str) -> tuple[str, list[JSONDict]]:
    """The text Telegram shows for `source` in HTML parse mode, and its entities."""
    parser = _Parser()
    parser.feed(source)
    parser.close()
    if parser.stack:
        raise _fail(f'Can\'t find end tag corresponding to start tag "{parser.stack[-1][0]}"')
    parser.entities.sort(key=lambda entity: (entity["offset"], -entity["length"]))
    return parser.text, parser.entities
