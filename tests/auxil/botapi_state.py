"""What the test server's Telegram knows: the bot, users, chats, messages, topics and files."""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from typing import Any

from tests.auxil.botapi_wire import ApiError, JSONDict

__all__ = [
    "CONTENT_KEYS",
    "BotState",
    "ChatState",
    "StoredFile",
    "Topic",
    "chat_id_of",
    "chat_member",
    "media_object",
]

TOPIC_COLORS = frozenset({7322096, 16766590, 13338331, 9367192, 16749490, 16478047})
# The fields that make up a message's content: what copyMessage copies.
CONTENT_KEYS = (
    "text", "entities", "photo", "sticker", "voice", "video", "video_note", "audio", "animation",
    "document", "caption", "caption_entities", "location", "venue", "contact", "poll", "dice",
    "has_media_spoiler", "show_caption_above_media",
)  # fmt: skip
_ADMIN_RIGHTS = {
    "can_be_edited": False, "is_anonymous": False, "can_manage_chat": True,
    "can_delete_messages": True, "can_manage_video_chats": True, "can_restrict_members": True,
    "can_promote_members": False, "can_change_info": True, "can_invite_users": True,
    "can_post_stories": False, "can_edit_stories": False, "can_delete_stories": False,
    "can_pin_messages": True, "can_manage_topics": True,
}  # fmt: skip


def chat_member(status: str, user: JSONDict) -> JSONDict:
    """A ChatMember object with the fields its status requires."""
    member: JSONDict = {"status": status, "user": user}
    if status == "administrator":
        member.update(_ADMIN_RIGHTS)
    elif status == "creator":
        member["is_anonymous"] = False
    elif status == "kicked":
        member["until_date"] = 0
    return member


def media_object(kind: str, file_id: str, unique_id: str, size: int, **extra: Any) -> JSONDict:
    """The content field of a media message: `{"photo": [...]}`, `{"voice": {...}}` and so on."""
    base: JSONDict = {"file_id": file_id, "file_unique_id": unique_id, "file_size": size}
    if kind == "photo":
        return {"photo": [{**base, "width": 320, "height": 240}]}
    if kind == "sticker":
        base.update(type="regular", width=512, height=512, is_animated=False, is_video=False)
    elif kind in ("video", "animation"):
        base.update(width=640, height=360, duration=extra.pop("duration", 3))
    elif kind in ("voice", "audio"):
        base.update(duration=extra.pop("duration", 2))
    base.update({key: value for key, value in extra.items() if value is not None})
    return {kind: base}


@dataclass
class Topic:
    """A forum topic; its thread id is the id of the service message that created it."""

    thread_id: int
    name: str
    icon_color: int = 7322096
    icon_custom_emoji_id: str | None = None
    closed: bool = False
    deleted: bool = False

    def to_dict(self) -> JSONDict:
        """The ForumTopic object."""
        topic: JSONDict = {
            "message_thread_id": self.thread_id,
            "name": self.name,
            "icon_color": self.icon_color,
        }
        if self.icon_custom_emoji_id:
            topic["icon_custom_emoji_id"] = self.icon_custom_emoji_id
        return topic


@dataclass
class ChatState:
    """One chat: its Chat object and its messages. Stored message dicts are never mutated."""

    info: JSONDict
    next_message_id: int = 1
    messages: dict[int, JSONDict] = field(default_factory=dict)
    deleted: set[int] = field(default_factory=set)
    topics: dict[int, Topic] = field(default_factory=dict)
    pinned: list[int] = field(default_factory=list)
    menu_button: JSONDict | None = None
    members: dict[int, str] = field(default_factory=dict)  # user id -> ChatMember status
    #: The bot's admin rights here that differ from full rights (`Group.set_bot_rights`).
    bot_rights: dict[str, bool] = field(default_factory=dict)

    @property
    def id(self) -> int:
        """The chat id."""
        chat_id: int = self.info["id"]
        return chat_id

    @property
    def is_forum(self) -> bool:
        """Whether the chat is a supergroup with topics."""
        return bool(self.info.get("is_forum"))

    def message(self, message_id: Any) -> JSONDict | None:
        """The current state of a message that exists and was not deleted."""
        if not isinstance(message_id, int) or message_id in self.deleted:
            return None
        return self.messages.get(message_id)


@dataclass(frozen=True)
class StoredFile:
    """A file the server can hand out with getFile and serve under the file base URL."""

    file_id: str
    file_unique_id: str
    path: str
    data: bytes

    def to_dict(self) -> JSONDict:
        """The File object."""
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
            "file_path": self.path,
        }


def chat_id_of(update: JSONDict) -> int | None:
    """The chat an update belongs to, for per-chat ordering; None when it has none."""
    for key, value in update.items():
        if key == "update_id" or not isinstance(value, dict):
            continue
        chat = value.get("chat")
        if chat is None and isinstance(value.get("message"), dict):
            chat = value["message"].get("chat")
        if isinstance(chat, dict) and isinstance(chat.get("id"), int):
            return int(chat["id"])
        sender = value.get("from")
        if isinstance(sender, dict) and isinstance(sender.get("id"), int):
            return int(sender["id"])
    return None


def _reply_snapshot(message: JSONDict) -> JSONDict:
    return {key: value for key, value in message.items() if key != "reply_to_message"}


class BotState:
    """The world one bot token sees."""

    def __init__(self, bot_id: int, *, username: str, first_name: str) -> None:
        self.bot: JSONDict = {
            "id": bot_id,
            "is_bot": True,
            "first_name": first_name,
            "username": username,
        }
        self.chats: dict[int, ChatState] = {}
        self.users: dict[int, JSONDict] = {}
        self.blocked: dict[int, str] = {}
        self.commands: dict[tuple[str, str], list[JSONDict]] = {}
        self.callback_queries: dict[str, bool] = {}
        self.files: dict[str, StoredFile] = {}
        self.bot_messages: list[tuple[int, int]] = []
        self.bot_messages_by_chat: dict[int, list[int]] = {}
        self.default_menu_button: JSONDict = {"type": "commands"}
        self._ids = itertools.count(1)

    def next_serial(self) -> int:
        """A server-wide serial for ids of callback queries, files and polls."""
        return next(self._ids)

    def add_user(self, user: JSONDict) -> ChatState:
        """Registers a user and their private chat with the bot (same id, as in Telegram)."""
        self.users[user["id"]] = user
        info = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
        info.update({k: user[k] for k in ("last_name", "username") if k in user})
        chat = self.chats.get(user["id"])
        if chat is None:
            chat = self.chats[user["id"]] = ChatState(info=info)
            chat.members = {user["id"]: "member", self.bot["id"]: "member"}
        else:
            chat.info = info
        return chat

    def add_group(
        self, chat_id: int, title: str, *, is_forum: bool, username: str | None
    ) -> ChatState:
        """Registers a supergroup in which the bot is an administrator."""
        info: JSONDict = {"id": chat_id, "type": "supergroup", "title": title}
        if is_forum:
            info["is_forum"] = True
        if username:
            info["username"] = username
        chat = self.chats.get(chat_id)
        if chat is None:
            chat = self.chats[chat_id] = ChatState(info=info)
            chat.members[self.bot["id"]] = "administrator"
        else:
            chat.info = info
        return chat

    def chat(self, chat_id: Any) -> ChatState:
        """The chat a `chat_id` parameter names, or the error Telegram gives."""
        if chat_id is None or chat_id == "":
            raise ApiError(400, "Bad Request: chat_id is empty")
        if isinstance(chat_id, str) and chat_id.startswith("@"):
            for chat in self.chats.values():
                if chat.info.get("username", "").lower() == chat_id[1:].lower():
                    return chat
        elif isinstance(chat_id, int) and not isinstance(chat_id, bool) and chat_id in self.chats:
            return self.chats[chat_id]
        raise ApiError(400, "Bad Request: chat not found")

    def check_not_blocked(self, chat: ChatState) -> None:
        """403 when the user blocked the bot or the group removed it."""
        if chat.id in self.blocked:
            raise ApiError(403, self.blocked[chat.id])

    def thread(self, chat: ChatState, thread_id: Any) -> int | None:
        """The `message_thread_id` a message goes to, checked like Telegram checks it."""
        if thread_id is None:
            return None
        if not isinstance(thread_id, int) or isinstance(thread_id, bool):
            raise ApiError(400, "Bad Request: invalid message thread identifier specified")
        if chat.is_forum:
            topic = chat.topics.get(thread_id)
            if topic is None or topic.deleted:
                raise ApiError(400, "Bad Request: message thread not found")
        elif chat.message(thread_id) is None:
            raise ApiError(400, "Bad Request: message thread not found")
        return thread_id

    def new_message(
        self,
        chat: ChatState,
        sender: JSONDict,
        content: JSONDict,
        *,
        thread_id: int | None = None,
        reply_to: JSONDict | None = None,
        service: bool = False,
    ) -> JSONDict:
        """Stores a new message in `chat` with the chat's next message id."""
        message_id = chat.next_message_id
        chat.next_message_id += 1
        message: JSONDict = {
            "message_id": message_id,
            "from": sender,
            "chat": chat.info,
            "date": int(time.time()),
        }
        if thread_id is not None:
            message["message_thread_id"] = thread_id
            if chat.is_forum:
                message["is_topic_message"] = True
        if reply_to is not None:
            message["reply_to_message"] = _reply_snapshot(reply_to)
        elif chat.is_forum and thread_id is not None and thread_id in chat.messages:
            # Telegram marks every message in a topic as a reply to the topic's first message.
            message["reply_to_message"] = _reply_snapshot(chat.messages[thread_id])
        message.update(content)
        chat.messages[message_id] = message
        if sender is self.bot and not service:
            self.bot_messages.append((chat.id, message_id))
            self.bot_messages_by_chat.setdefault(chat.id, []).append(message_id)
        return message

    def sent_by_bot(self, chat_id: int | None, *, thread_id: int | None) -> list[JSONDict]:
        """The bot's messages in send order, as they are now; deleted ones left out."""
        if chat_id is None:
            sent = self.bot_messages
        else:
            sent = [(chat_id, mid) for mid in self.bot_messages_by_chat.get(chat_id, [])]
        messages = (self.chats[chat].message(message_id) for chat, message_id in sent)
        return [
            message
            for message in messages
            if message is not None
            and (thread_id is None or message.get("message_thread_id") == thread_id)
        ]

    def replace_message(self, chat: ChatState, message: JSONDict) -> JSONDict:
        """Stores a new version of a message (an edit)."""
        chat.messages[message["message_id"]] = message
        return message

    def new_topic(
        self, chat: ChatState, name: str, *, icon_color: int, emoji_id: str | None, by: JSONDict
    ) -> tuple[Topic, JSONDict]:
        """Creates a topic and its `forum_topic_created` service message."""
        thread_id = chat.next_message_id
        topic = Topic(thread_id, name, icon_color, emoji_id)
        chat.topics[thread_id] = topic
        created: JSONDict = {"name": name, "icon_color": icon_color}
        if emoji_id:
            created["icon_custom_emoji_id"] = emoji_id
        message = self.new_message(
            chat, by, {"forum_topic_created": created}, thread_id=thread_id, service=True
        )
        return topic, message

    def delete_topic(self, chat: ChatState, topic: Topic) -> None:
        """A topic is deleted, and every message in it with it."""
        topic.deleted = True
        chat.deleted.update(
            message_id
            for message_id, message in chat.messages.items()
            if message.get("message_thread_id") == topic.thread_id
        )

    def add_file(self, kind: str, data: bytes, suffix: str) -> StoredFile:
        """Stores file content under a fresh file_id."""
        serial = self.next_serial()
        stored = StoredFile(
            file_id=f"{kind}-{serial:06d}-test",
            file_unique_id=f"u{kind[:3]}{serial:06d}",
            path=f"{kind}s/file_{serial}{suffix}",
            data=data,
        )
        self.files[stored.file_id] = stored
        return stored
