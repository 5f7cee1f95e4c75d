"""Bot API methods that send, edit, copy and delete messages, checked as Telegram checks them."""

from __future__ import annotations

import time
import zlib
from pathlib import PurePosixPath
from typing import Any

from tests.auxil.botapi_html import parse_html
from tests.auxil.botapi_state import CONTENT_KEYS, BotState, ChatState, media_object
from tests.auxil.botapi_wire import ApiError, JSONDict, UploadedFile, utf16_len

__all__ = ["MEDIA_KINDS", "REACTION_EMOJI", "MessageMethods", "check_markup"]

_SUFFIXES = {
    "photo": ".jpg",
    "sticker": ".webp",
    "voice": ".oga",
    "document": "",
    "video": ".mp4",
    "audio": ".mp3",
    "animation": ".mp4",
}
MEDIA_KINDS = tuple(_SUFFIXES)
_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
_QUERY_TOO_OLD = (
    "Bad Request: query is too old and response timeout expired or query ID is invalid"
)
_URL_SCHEMES = ("http://", "https://", "tg://")
# The emoji a bot may react with (ReactionTypeEmoji in the Bot API documentation).
REACTION_EMOJI = frozenset(
    {
        "👍", "👎", "❤", "🔥", "🥰", "👏", "😁", "🤔", "🤯", "😱", "🤬", "😢",
        "🎉", "🤩", "🤮", "💩", "🙏", "👌", "🕊", "🤡", "🥱", "🥴", "😍", "🐳",
        "❤️\u200d🔥", "🌚", "🌭", "💯", "🤣", "⚡", "🍌", "🏆", "💔", "🤨", "😐", "🍓",
        "🍾", "💋", "🖕", "😈", "😴", "😭", "🤓", "👻", "👨\u200d💻", "👀", "🎃", "🙈",
        "😇", "😨", "🤝", "✍", "🤗", "🫡", "🎅", "🎄", "☃", "💅", "🤪", "🗿",
        "🆒", "💘", "🙉", "🦄", "😘", "💊", "🙊", "😎", "👾", "🤷\u200d♂️", "🤷", "🤷\u200d♀️",
        "😡",
    }
)  # fmt: skip


def _check_button(button: Any) -> None:
    if not isinstance(button, dict) or not isinstance(button.get("text"), str):
        raise ApiError(
            400, "Bad Request: can't parse inline keyboard button: Text must be a String"
        )
    if len(button) == 1:
        raise ApiError(400, "Bad Request: text buttons are unallowed in the inline keyboard")
    data = button.get("callback_data")
    if data is not None and (not isinstance(data, str) or not 1 <= len(data.encode()) <= 64):
        raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
    url = button.get("url")
    if url is not None and (not isinstance(url, str) or not url.startswith(_URL_SCHEMES)):
        raise ApiError(400, f"Bad Request: inline keyboard button URL '{url}' is invalid")


def check_markup(value: Any) -> JSONDict | None:
    """A reply_markup parameter, validated; the inline keyboard a message shows, if any."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")
    if "inline_keyboard" not in value:
        return None  # reply keyboards and force_reply do not show on the message
    rows = value["inline_keyboard"]
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise ApiError(400, 'Bad Request: field "inline_keyboard" must be an Array of Arrays')
    for row in rows:
        for button in row:
            _check_button(button)
    return value if any(rows) else None


def _rich_text(
    params: JSONDict, field: str, *, limit: int, too_long: str
) -> tuple[str, list[JSONDict]]:
    raw = params.get(field)
    text = raw if isinstance(raw, str) else ("" if raw is None else str(raw))
    mode = params.get("parse_mode")
    entities_field = "entities" if field == "text" else f"{field}_entities"
    entities: list[JSONDict] = []
    if isinstance(mode, str) and mode.lower() == "html":
        text, entities = parse_html(text)
    elif isinstance(mode, str) and mode.lower() in ("markdown", "markdownv2"):
        pass  # not parsed: the text is stored as given
    elif mode:
        raise ApiError(400, f'Bad Request: unsupported parse_mode "{mode}"')
    elif isinstance(params.get(entities_field), list):
        entities = list(params[entities_field])
    if utf16_len(text) > limit:
        raise ApiError(400, too_long)
    return text, entities


class MessageMethods:
    """sendMessage and friends over one BotState."""

    def __init__(self, state: BotState) -> None:
        self.state = state

    def _target(self, params: JSONDict) -> tuple[ChatState, int | None, JSONDict | None]:
        chat = self.state.chat(params.get("chat_id"))
        self.state.check_not_blocked(chat)
        thread_id = self.state.thread(chat, params.get("message_thread_id"))
        reply = params.get("reply_parameters")
        if isinstance(reply, dict):
            reply_id, allow = reply.get("message_id"), reply.get("allow_sending_without_reply")
        else:
            reply_id = params.get("reply_to_message_id")
            allow = params.get("allow_sending_without_reply")
        reply_to = chat.message(reply_id) if reply_id is not None else None
        if reply_id is not None and reply_to is None and not allow:
            raise ApiError(400, "Bad Request: message to be replied not found")
        return chat, thread_id, reply_to

    def _send(self, params: JSONDict, content: JSONDict, markup: JSONDict | None) -> JSONDict:
        chat, thread_id, reply_to = self._target(params)
        if markup is not None:
            content["reply_markup"] = markup
        if params.get("protect_content") is True:
            content["has_protected_content"] = True
        return self.state.new_message(
            chat, self.state.bot, content, thread_id=thread_id, reply_to=reply_to
        )

    async def send_message(self, params: JSONDict) -> JSONDict:
        text, entities = _rich_text(
            params, "text", limit=4096, too_long="Bad Request: message is too long"
        )
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        content: JSONDict = {"text": text}
        if entities:
            content["entities"] = entities
        return self._send(params, content, check_markup(params.get("reply_markup")))

    def _media_file(self, kind: str, params: JSONDict) -> tuple[str, str, int, str | None]:
        value = params.get(kind)
        if isinstance(value, str) and value.startswith("attach://"):
            value = params.get(value.removeprefix("attach://"))
        if isinstance(value, UploadedFile):
            suffix = _SUFFIXES[kind] or PurePosixPath(value.filename or "").suffix
            stored = self.state.add_file(kind, value.data, suffix)
            return stored.file_id, stored.file_unique_id, len(value.data), value.filename
        if not isinstance(value, str) or not value:
            raise ApiError(400, f"Bad Request: there is no {kind} in the request")
        known = self.state.files.get(value)
        if known is not None:
            return known.file_id, known.file_unique_id, len(known.data), None
        return value, f"u{zlib.crc32(value.encode()):08x}", 0, None

    async def send_media(self, kind: str, params: JSONDict) -> JSONDict:
        """sendPhoto, sendSticker, sendVoice, sendDocument, sendVideo, sendAudio, sendAnimation."""
        caption, entities = _rich_text(
            params, "caption", limit=1024, too_long="Bad Request: message caption is too long"
        )
        markup = check_markup(params.get("reply_markup"))
        self._target(params)  # a bad chat fails before the file is stored, as in Telegram
        file_id, unique_id, size, filename = self._media_file(kind, params)
        extra: JSONDict = {"file_name": filename} if kind == "document" else {}
        if kind == "sticker" and isinstance(params.get("emoji"), str):
            extra["emoji"] = params["emoji"]
        content = media_object(kind, file_id, unique_id, size, **extra)
        if caption and kind != "sticker":
            content["caption"] = caption
            if entities:
                content["caption_entities"] = entities
        return self._send(params, content, markup)

    async def send_chat_action(self, params: JSONDict) -> bool:
        self._target(params)
        return True

    def _own_message(self, params: JSONDict, missing: str) -> tuple[ChatState, JSONDict]:
        if params.get("inline_message_id"):
            raise ApiError(
                400, "Bad Request: inline messages are not supported by the test server"
            )
        chat = self.state.chat(params.get("chat_id"))
        self.state.check_not_blocked(chat)
        message = chat.message(params.get("message_id"))
        if message is None:
            raise ApiError(400, missing)
        if message["from"]["id"] != self.state.bot["id"]:
            raise ApiError(400, "Bad Request: message can't be edited")
        return chat, message

    def _edit(self, chat: ChatState, old: JSONDict, content: JSONDict) -> JSONDict:
        # Every key named in `content` is replaced; a None value removes it from the message.
        content["reply_markup"] = check_markup(content.get("reply_markup"))
        keys = set(content)
        content = {key: value for key, value in content.items() if value is not None}
        if all(old.get(key) == content.get(key) for key in keys):
            raise ApiError(400, _NOT_MODIFIED)
        edited = {key: value for key, value in old.items() if key not in keys}
        edited.update(content, edit_date=int(time.time()))
        return self.state.replace_message(chat, edited)

    async def edit_message_text(self, params: JSONDict) -> JSONDict:
        """editMessageText; without reply_markup the inline keyboard goes, as in Telegram."""
        chat, old = self._own_message(params, "Bad Request: message to edit not found")
        if "text" not in old:
            raise ApiError(400, "Bad Request: there is no text in the message to edit")
        text, entities = _rich_text(
            params, "text", limit=4096, too_long="Bad Request: message is too long"
        )
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        content = {"text": text, "entities": entities or None}
        return self._edit(chat, old, {**content, "reply_markup": params.get("reply_markup")})

    async def edit_message_caption(self, params: JSONDict) -> JSONDict:
        chat, old = self._own_message(params, "Bad Request: message to edit not found")
        caption, entities = _rich_text(
            params, "caption", limit=1024, too_long="Bad Request: message caption is too long"
        )
        content = {"caption": caption or None, "caption_entities": entities or None}
        return self._edit(chat, old, {**content, "reply_markup": params.get("reply_markup")})

    async def edit_message_reply_markup(self, params: JSONDict) -> JSONDict:
        """editMessageReplyMarkup; no reply_markup removes the keyboard."""
        chat, old = self._own_message(params, "Bad Request: message to edit not found")
        return self._edit(chat, old, {"reply_markup": params.get("reply_markup")})

    async def delete_message(self, params: JSONDict) -> bool:
        chat = self.state.chat(params.get("chat_id"))
        message = chat.message(params.get("message_id"))
        if message is None:
            raise ApiError(400, "Bad Request: message to delete not found")
        chat.deleted.add(message["message_id"])
        return True

    def _source(self, params: JSONDict, action: str, done: str) -> JSONDict:
        source_chat = self.state.chat(params.get("from_chat_id"))
        source = source_chat.message(params.get("message_id"))
        if source is None:
            raise ApiError(400, f"Bad Request: message to {action} not found")
        if not any(key in source for key in CONTENT_KEYS):
            raise ApiError(400, f"Bad Request: message can't be {done}")
        return {key: source[key] for key in ("from", "date", *CONTENT_KEYS) if key in source}

    async def copy_message(self, params: JSONDict) -> JSONDict:
        """copyMessage: the content again, without a link to the sender. Returns a MessageId."""
        source = self._source(params, "copy", "copied")
        content = {key: value for key, value in source.items() if key in CONTENT_KEYS}
        if "caption" in params and "text" not in content:
            caption, entities = _rich_text(
                params, "caption", limit=1024, too_long="Bad Request: message caption is too long"
            )
            content.pop("caption_entities", None)
            content.update({"caption": caption} if caption else {})
            content.update({"caption_entities": entities} if entities else {})
        markup = check_markup(params.get("reply_markup"))
        return {"message_id": self._send(params, content, markup)["message_id"]}

    async def forward_message(self, params: JSONDict) -> JSONDict:
        """forwardMessage: shows who sent the original, which is why tests look for it."""
        source = self._source(params, "forward", "forwarded")
        content = {key: value for key, value in source.items() if key in CONTENT_KEYS}
        content["forward_origin"] = {
            "type": "user",
            "sender_user": source["from"],
            "date": source["date"],
        }
        return self._send(params, content, None)

    async def set_message_reaction(self, params: JSONDict) -> bool:
        """setMessageReaction: a bot sets at most one reaction; none (or []) takes it away.

        The reaction is kept on the message as `reactions` (with `reaction_is_big` if asked).
        """
        chat = self.state.chat(params.get("chat_id"))
        self.state.check_not_blocked(chat)
        message = chat.message(params.get("message_id"))
        if message is None:
            raise ApiError(400, "Bad Request: message to react not found")
        reactions = params.get("reaction") or []
        if not isinstance(reactions, list):
            raise ApiError(400, "Bad Request: can't parse reaction types JSON object")
        for reaction in reactions:
            if not isinstance(reaction, dict) or reaction.get("type") not in (
                "emoji", "custom_emoji", "paid",
            ):  # fmt: skip
                raise ApiError(400, "Bad Request: can't parse reaction types JSON object")
            if reaction["type"] == "paid":
                raise ApiError(400, "Bad Request: bots can't use paid reactions")
            if reaction["type"] == "emoji" and reaction.get("emoji") not in REACTION_EMOJI:
                raise ApiError(400, "Bad Request: REACTION_INVALID")
        if len(reactions) > 1:
            raise ApiError(400, "Bad Request: REACTIONS_TOO_MANY")
        reacted = {key: value for key, value in message.items() if key != "reaction_is_big"}
        reacted["reactions"] = [dict(reaction) for reaction in reactions]
        if params.get("is_big") is True and reactions:
            reacted["reaction_is_big"] = True
        self.state.replace_message(chat, reacted)
        return True

    async def answer_callback_query(self, params: JSONDict) -> bool:
        """answerCallbackQuery: once per query, as Telegram allows."""
        query_id = params.get("callback_query_id")
        if self.state.callback_queries.get(str(query_id)) is not False:
            raise ApiError(400, _QUERY_TOO_OLD)
        self.state.callback_queries[str(query_id)] = True
        return True
