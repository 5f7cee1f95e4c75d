"""Scripted Telegram users and staff groups: each action becomes the update Telegram would send."""

from __future__ import annotations

import re
import time
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from tests.auxil.botapi_state import BotState, ChatState, chat_member, media_object
from tests.auxil.botapi_wire import ApiError, JSONDict, utf16_len

__all__ = ["Group", "Member", "MessageRef", "Sender", "User", "command_entities", "make_user"]

_COMMAND = re.compile(r"(?<!\S)/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![^\s.,!?])")


class _Hub(Protocol):
    state: BotState

    def push_update(self, update: JSONDict) -> int: ...


class _HasMessageId(Protocol):
    @property
    def message_id(self) -> int: ...


MessageRef = int | Mapping[str, Any] | _HasMessageId


def _message_id(message: MessageRef) -> int:
    if isinstance(message, int):
        return message
    if isinstance(message, Mapping):
        return int(message["message_id"])
    return int(message.message_id)


def command_entities(text: str) -> list[JSONDict]:
    """The bot_command entities Telegram adds to a text, e.g. for "/start abc"."""
    return [
        {
            "type": "bot_command",
            "offset": utf16_len(text[: match.start()]),
            "length": utf16_len(match.group()),
        }
        for match in _COMMAND.finditer(text)
    ]


class Sender:
    """A person writing in one chat: every method returns the update_id of the update made."""

    def __init__(self, hub: _Hub, user: JSONDict, chat: ChatState) -> None:
        self._hub = hub
        self.user = user
        self.chat = chat

    @property
    def id(self) -> int:
        """The user id."""
        user_id: int = self.user["id"]
        return user_id

    @property
    def chat_id(self) -> int:
        """The chat this person writes in."""
        return self.chat.id

    def _thread(self, thread_id: int | None) -> int | None:
        try:
            return self._hub.state.thread(self.chat, thread_id)
        except ApiError as exc:
            raise ValueError(f"cannot write in thread {thread_id}: {exc.description}") from exc

    def send_content(
        self,
        content: Mapping[str, Any],
        *,
        thread_id: int | None = None,
        reply_to: MessageRef | None = None,
    ) -> int:
        """A message with any content fields, e.g. `{"dice": {"emoji": "🎲", "value": 3}}`."""
        reply = None
        if reply_to is not None:
            reply = self.chat.message(_message_id(reply_to))
            if reply is None:
                raise ValueError(f"no message {_message_id(reply_to)} to reply to")
        message = self._hub.state.new_message(
            self.chat, self.user, dict(content), thread_id=self._thread(thread_id), reply_to=reply
        )
        return self._hub.push_update({"message": message})

    def send_text(
        self, text: str, *, thread_id: int | None = None, reply_to: MessageRef | None = None
    ) -> int:
        """A text message; "/commands" get their bot_command entities as in Telegram."""
        content: JSONDict = {"text": text}
        entities = command_entities(text)
        if entities:
            content["entities"] = entities
        return self.send_content(content, thread_id=thread_id, reply_to=reply_to)

    def _media(self, kind: str, suffix: str, *, thread_id: int | None, **extra: Any) -> int:
        caption = extra.pop("caption", None)
        stored = self._hub.state.add_file(kind, f"{kind} from {self.id}".encode(), suffix)
        content = media_object(
            kind, stored.file_id, stored.file_unique_id, len(stored.data), **extra
        )
        if caption:
            content["caption"] = caption
        return self.send_content(content, thread_id=thread_id)

    def send_photo(self, caption: str | None = None, *, thread_id: int | None = None) -> int:
        """A photo, optionally with a caption."""
        return self._media("photo", ".jpg", thread_id=thread_id, caption=caption)

    def send_sticker(self, emoji: str = "🙂", *, thread_id: int | None = None) -> int:
        """A sticker."""
        return self._media("sticker", ".webp", thread_id=thread_id, emoji=emoji)

    def send_voice(self, duration: int = 2, *, thread_id: int | None = None) -> int:
        """A voice note."""
        return self._media(
            "voice", ".oga", thread_id=thread_id, duration=duration, mime_type="audio/ogg"
        )

    def send_video(self, caption: str | None = None, *, thread_id: int | None = None) -> int:
        """A video."""
        return self._media("video", ".mp4", thread_id=thread_id, caption=caption)

    def send_document(self, file_name: str = "notes.pdf", *, thread_id: int | None = None) -> int:
        """A document."""
        return self._media("document", ".pdf", thread_id=thread_id, file_name=file_name)

    def send_audio(self, file_name: str = "song.mp3", *, thread_id: int | None = None) -> int:
        """An audio file (with its file name, as Telegram keeps it)."""
        return self._media(
            "audio", ".mp3", thread_id=thread_id, file_name=file_name, mime_type="audio/mpeg"
        )

    def send_location(
        self, latitude: float = 52.0907, longitude: float = 5.1214, *, thread_id: int | None = None
    ) -> int:
        """A location (Utrecht by default)."""
        location = {"latitude": latitude, "longitude": longitude}
        return self.send_content({"location": location}, thread_id=thread_id)

    def send_contact(
        self, phone_number: str = "+31600000000", first_name: str = "Kim", *,
        thread_id: int | None = None,
    ) -> int:  # fmt: skip
        """A shared contact."""
        contact = {"phone_number": phone_number, "first_name": first_name}
        return self.send_content({"contact": contact}, thread_id=thread_id)

    def send_poll(
        self,
        question: str = "Pizza?",
        options: Sequence[str] = ("ja", "nee"),
        *,
        thread_id: int | None = None,
    ) -> int:
        """A poll."""
        poll = {
            "id": str(self._hub.state.next_serial()),
            "question": question,
            "options": [
                {"text": option, "voter_count": 0, "persistent_id": str(index)}
                for index, option in enumerate(options)
            ],
            "total_voter_count": 0,
            "is_closed": False,
            "is_anonymous": True,
            "type": "regular",
            "allows_multiple_answers": False,
            "allows_revoting": False,
            "members_only": False,
        }
        return self.send_content({"poll": poll}, thread_id=thread_id)

    def edit_text(self, message: MessageRef, text: str) -> int:
        """Edits one of this person's text messages: an edited_message update."""
        old = self.chat.message(_message_id(message))
        if old is None or old["from"]["id"] != self.id or "text" not in old:
            raise ValueError(f"no text message {_message_id(message)} of user {self.id}")
        edited = {key: value for key, value in old.items() if key != "entities"}
        edited.update(text=text, edit_date=int(time.time()))
        if entities := command_entities(text):
            edited["entities"] = entities
        self._hub.state.replace_message(self.chat, edited)
        return self._hub.push_update({"edited_message": edited})

    def press(self, message: MessageRef, callback_data: str, *, forge: bool = False) -> int:
        """Presses the inline button with this callback_data on a bot message.

        A real client can only press buttons the message shows; `forge=True` sends any data,
        as a modified client could.
        """
        state = self._hub.state
        shown = self.chat.message(_message_id(message))
        if shown is None or shown["from"]["id"] != state.bot["id"]:
            raise ValueError(f"no bot message {_message_id(message)} in chat {self.chat_id}")
        keyboard = shown.get("reply_markup", {}).get("inline_keyboard", [])
        offered = [button.get("callback_data") for row in keyboard for button in row]
        if not forge and callback_data not in offered:
            raise ValueError(f"message shows no button {callback_data!r}; buttons: {offered}")
        query_id = str(4_000_000_000_000 + state.next_serial())
        state.callback_queries[query_id] = False
        query = {
            "id": query_id,
            "from": self.user,
            "message": shown,
            "chat_instance": str(abs(self.chat_id) * 31 + 7),
            "data": callback_data,
        }
        return self._hub.push_update({"callback_query": query})

    def press_button(self, message: MessageRef, text: str) -> int:
        """Presses the inline callback button labelled `text`."""
        shown = self.chat.message(_message_id(message)) or {}
        for row in shown.get("reply_markup", {}).get("inline_keyboard", []):
            for button in row:
                if button.get("text") == text and "callback_data" in button:
                    return self.press(message, button["callback_data"])
        raise ValueError(f"message {_message_id(message)} shows no callback button {text!r}")


def _bot_status_update(hub: _Hub, by: Sender, chat: ChatState, old: str, new: str) -> int:
    bot = hub.state.bot
    update = {
        "chat": chat.info,
        "from": by.user,
        "date": int(time.time()),
        "old_chat_member": chat_member(old, bot),
        "new_chat_member": chat_member(new, bot),
    }
    chat.members[bot["id"]] = new
    return hub.push_update({"my_chat_member": update})


class User(Sender):
    """A young person in their private chat with the bot (chat id = user id)."""

    def block_bot(self) -> int:
        """Blocks the bot: later sends get 403, and the bot gets a my_chat_member update."""
        self._hub.state.blocked[self.chat_id] = "Forbidden: bot was blocked by the user"
        return _bot_status_update(self._hub, self, self.chat, "member", "kicked")

    def unblock_bot(self) -> int:
        """Unblocks the bot (pressing Restart in the app)."""
        self._hub.state.blocked.pop(self.chat_id, None)
        return _bot_status_update(self._hub, self, self.chat, "kicked", "member")


class Member(Sender):
    """Someone writing in a group, for example a youth worker in the staff forum."""


class Group:
    """A supergroup (by default a forum) in which the bot is an administrator."""

    def __init__(self, hub: _Hub, chat: ChatState) -> None:
        self._hub = hub
        self.chat = chat

    @property
    def chat_id(self) -> int:
        """The group's chat id."""
        return self.chat.id

    def member(
        self,
        user_id: int,
        first_name: str = "Jeugdwerker",
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "nl",
        status: str = "member",
    ) -> Member:
        """A person in this group (registered as a Telegram user too)."""
        user = _user_dict(user_id, first_name, last_name, username, language_code)
        self._hub.state.users[user_id] = user
        self.chat.members[user_id] = status
        return Member(self._hub, user, self.chat)

    def create_topic(self, name: str, by: Sender, *, icon_color: int = 7322096) -> int:
        """A person creates a topic; the bot gets the service message. Returns the thread id."""
        topic, message = self._hub.state.new_topic(
            self.chat, name, icon_color=icon_color, emoji_id=None, by=by.user
        )
        self._hub.push_update({"message": message})
        return topic.thread_id

    def set_bot_rights(self, **rights: bool) -> None:
        """The bot's administrator rights here, e.g. `can_manage_topics=False` (then
        createForumTopic answers 400, as Telegram does)."""
        self.chat.bot_rights.update(rights)

    def add_bot(self, by: Sender) -> int:
        """Someone adds the bot as administrator: a my_chat_member update."""
        self._hub.state.blocked.pop(self.chat_id, None)
        return _bot_status_update(self._hub, by, self.chat, "left", "administrator")

    def remove_bot(self, by: Sender) -> int:
        """Someone removes the bot: later sends get 403 and the bot gets my_chat_member."""
        self._hub.state.blocked[self.chat_id] = (
            "Forbidden: bot was kicked from the supergroup chat"
        )
        old = self.chat.members.get(self._hub.state.bot["id"], "administrator")
        return _bot_status_update(self._hub, by, self.chat, old, "kicked")


def _user_dict(
    user_id: int,
    first_name: str,
    last_name: str | None,
    username: str | None,
    language_code: str | None,
) -> JSONDict:
    user: JSONDict = {"id": user_id, "is_bot": False, "first_name": first_name}
    optional = {"last_name": last_name, "username": username, "language_code": language_code}
    user.update({key: value for key, value in optional.items() if value is not None})
    return user


def make_user(
    hub: _Hub,
    user_id: int,
    first_name: str,
    *,
    last_name: str | None,
    username: str | None,
    language_code: str | None,
) -> User:
    """Registers a user and their private chat with the bot."""
    user = _user_dict(user_id, first_name, last_name, username, language_code)
    chat = hub.state.add_user(user)
    return User(hub, user, chat)
