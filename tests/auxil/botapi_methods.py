"""The Bot API method table of the test server, and the methods about chats, topics and setup."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Awaitable, Callable
from typing import Any

from tests.auxil.botapi_messages import MEDIA_KINDS, MessageMethods
from tests.auxil.botapi_state import TOPIC_COLORS, BotState, ChatState, Topic, chat_member
from tests.auxil.botapi_updates import UpdateQueue, Webhook
from tests.auxil.botapi_wire import ApiError, JSONDict

__all__ = ["Handler", "Methods"]

Handler = Callable[[JSONDict], Awaitable[Any]]

_COMMAND = re.compile(r"[a-z0-9_]{1,32}")
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")
_SCOPES = frozenset(
    {
        "default", "all_private_chats", "all_group_chats", "all_chat_administrators", "chat",
        "chat_administrators", "chat_member",
    }
)  # fmt: skip
_THREAD_NOT_FOUND = "Bad Request: message thread not found"


def _int(params: JSONDict, name: str, default: int) -> int:
    value = params.get(name, default)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ApiError(400, f'Bad Request: parameter "{name}" must be a Number')
    return int(value)


class Methods:
    """Every method the server knows, by lower-case name (Telegram ignores the case)."""

    def __init__(self, state: BotState, queue: UpdateQueue, webhook: Webhook) -> None:
        self.state = state
        self.queue = queue
        self.webhook = webhook
        messages = MessageMethods(state)
        handlers: dict[str, Handler] = {
            "getMe": self.get_me,
            "logOut": self.true,
            "close": self.true,
            "getUpdates": self.get_updates,
            "setWebhook": self.set_webhook,
            "deleteWebhook": self.delete_webhook,
            "getWebhookInfo": self.get_webhook_info,
            "sendMessage": messages.send_message,
            "sendChatAction": messages.send_chat_action,
            "editMessageText": messages.edit_message_text,
            "editMessageCaption": messages.edit_message_caption,
            "editMessageReplyMarkup": messages.edit_message_reply_markup,
            "deleteMessage": messages.delete_message,
            "copyMessage": messages.copy_message,
            "forwardMessage": messages.forward_message,
            "setMessageReaction": messages.set_message_reaction,
            "answerCallbackQuery": messages.answer_callback_query,
            "setMyCommands": self.set_my_commands,
            "getMyCommands": self.get_my_commands,
            "deleteMyCommands": self.delete_my_commands,
            "setMyDescription": self.true,
            "setMyShortDescription": self.true,
            "setMyName": self.true,
            "setChatMenuButton": self.set_chat_menu_button,
            "getChatMenuButton": self.get_chat_menu_button,
            "createForumTopic": self.create_forum_topic,
            "editForumTopic": self.edit_forum_topic,
            "closeForumTopic": functools.partial(self.set_topic_closed, closed=True),
            "reopenForumTopic": functools.partial(self.set_topic_closed, closed=False),
            "deleteForumTopic": self.delete_forum_topic,
            "pinChatMessage": self.pin_chat_message,
            "unpinChatMessage": self.unpin_chat_message,
            "unpinAllChatMessages": self.unpin_all_chat_messages,
            "getChat": self.get_chat,
            "getChatMember": self.get_chat_member,
            "getFile": self.get_file,
        }
        for kind in MEDIA_KINDS:
            handlers[f"send{kind.title()}"] = functools.partial(messages.send_media, kind)
        self.table: dict[str, tuple[str, Handler]] = {
            name.lower(): (name, handler) for name, handler in handlers.items()
        }

    async def true(self, params: JSONDict) -> bool:
        """Methods the server accepts and records without further effect."""
        return True

    async def get_me(self, params: JSONDict) -> JSONDict:
        return {
            **self.state.bot,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def get_updates(self, params: JSONDict) -> list[JSONDict]:
        """getUpdates with Telegram's offset, limit, timeout and allowed_updates."""
        allowed = params.get("allowed_updates")
        if allowed is not None and not isinstance(allowed, list):
            raise ApiError(400, "Bad Request: can't parse allowed updates list")
        self.queue.set_allowed(allowed)
        limit = min(max(_int(params, "limit", 100), 1), 100)
        timeout = max(_int(params, "timeout", 0), 0)
        return await self.queue.get(_int(params, "offset", 0), limit, wait=timeout)

    async def set_webhook(self, params: JSONDict) -> bool:
        """setWebhook; an empty url removes the webhook."""
        url = params.get("url") or ""
        secret = params.get("secret_token")
        if secret is not None and not _SECRET.fullmatch(str(secret)):
            raise ApiError(400, "Bad Request: secret token contains unallowed characters")
        if params.get("drop_pending_updates") is True:
            self.queue.clear()
        if not url:
            await self.webhook.delete()
            return True
        allowed = params.get("allowed_updates")
        self.queue.set_allowed(allowed if isinstance(allowed, list) else None)
        max_connections = _int(params, "max_connections", 40)
        await self.webhook.set(str(url), secret=secret, max_connections=max_connections)
        return True

    async def delete_webhook(self, params: JSONDict) -> bool:
        if params.get("drop_pending_updates") is True:
            self.queue.clear()
        await self.webhook.delete()
        return True

    async def get_webhook_info(self, params: JSONDict) -> JSONDict:
        return self.webhook.info()

    def scope_key(self, params: JSONDict) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        if not isinstance(scope, dict) or scope.get("type") not in _SCOPES:
            raise ApiError(400, "Bad Request: can't parse BotCommandScope JSON object")
        if "chat_id" in scope:
            scope = {**scope, "chat_id": self.state.chat(scope["chat_id"]).id}
        language = params.get("language_code") or ""
        if language and not re.fullmatch(r"[a-z]{2}", str(language)):
            raise ApiError(400, "Bad Request: invalid language code specified")
        return json.dumps(scope, sort_keys=True), str(language)

    async def set_my_commands(self, params: JSONDict) -> bool:
        """setMyCommands, stored per scope and language; an empty list deletes."""
        commands = params.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise ApiError(400, "Bad Request: can't parse commands JSON object")
        for command in commands:
            if not isinstance(command, dict) or not _COMMAND.fullmatch(
                str(command.get("command", ""))
            ):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            description = command.get("description")
            if not isinstance(description, str) or not 1 <= len(description.strip()) <= 256:
                raise ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        key = self.scope_key(params)
        if commands:
            self.state.commands[key] = [
                {"command": c["command"], "description": c["description"]} for c in commands
            ]
        else:
            self.state.commands.pop(key, None)
        return True

    async def get_my_commands(self, params: JSONDict) -> list[JSONDict]:
        """getMyCommands for exactly this scope and language."""
        return self.state.commands.get(self.scope_key(params), [])

    async def delete_my_commands(self, params: JSONDict) -> bool:
        self.state.commands.pop(self.scope_key(params), None)
        return True

    async def set_chat_menu_button(self, params: JSONDict) -> bool:
        """setChatMenuButton for one private chat or, without chat_id, the default."""
        button = params.get("menu_button")
        if button is not None and not isinstance(button, dict):
            raise ApiError(400, "Bad Request: can't parse menu button JSON object")
        if params.get("chat_id") is None:
            self.state.default_menu_button = button or {"type": "commands"}
        else:
            self.state.chat(params["chat_id"]).menu_button = button
        return True

    async def get_chat_menu_button(self, params: JSONDict) -> JSONDict:
        if params.get("chat_id") is not None:
            button = self.state.chat(params["chat_id"]).menu_button
            if button is not None:
                return button
        return self.state.default_menu_button

    def _forum(self, params: JSONDict) -> ChatState:
        chat = self.state.chat(params.get("chat_id"))
        self.state.check_not_blocked(chat)
        if not chat.is_forum:
            raise ApiError(400, "Bad Request: the chat is not a forum")
        return chat

    def _topic(self, params: JSONDict) -> Topic:
        thread_id = params.get("message_thread_id")
        topics = self._forum(params).topics
        topic = topics.get(thread_id) if isinstance(thread_id, int) else None
        if topic is None or topic.deleted:
            raise ApiError(400, _THREAD_NOT_FOUND)
        return topic

    async def create_forum_topic(self, params: JSONDict) -> JSONDict:
        """createForumTopic: the thread id is the id of the topic's first (service) message."""
        chat = self._forum(params)
        if chat.bot_rights.get("can_manage_topics") is False:
            raise ApiError(400, "Bad Request: not enough rights to create a topic")
        name = params.get("name")
        if not isinstance(name, str) or not 1 <= len(name) <= 128:
            raise ApiError(400, "Bad Request: TOPIC_TITLE_EMPTY")
        color = _int(params, "icon_color", 7322096)
        if color not in TOPIC_COLORS:
            raise ApiError(400, "Bad Request: TOPIC_ICON_COLOR_INVALID")
        emoji = params.get("icon_custom_emoji_id")
        topic, _ = self.state.new_topic(
            chat, name, icon_color=color, emoji_id=emoji or None, by=self.state.bot
        )
        return topic.to_dict()

    async def edit_forum_topic(self, params: JSONDict) -> bool:
        topic = self._topic(params)
        name = params.get("name", topic.name)
        emoji = params.get("icon_custom_emoji_id", topic.icon_custom_emoji_id)
        if (name, emoji) == (topic.name, topic.icon_custom_emoji_id):
            raise ApiError(400, "Bad Request: TOPIC_NOT_MODIFIED")
        topic.name, topic.icon_custom_emoji_id = str(name), emoji or None
        return True

    async def set_topic_closed(self, params: JSONDict, *, closed: bool) -> bool:
        """closeForumTopic and reopenForumTopic."""
        topic = self._topic(params)
        if topic.closed == closed:
            raise ApiError(400, "Bad Request: TOPIC_NOT_MODIFIED")
        topic.closed = closed
        return True

    async def delete_forum_topic(self, params: JSONDict) -> bool:
        """deleteForumTopic: the topic and its messages go."""
        self.state.delete_topic(self._forum(params), self._topic(params))
        return True

    async def pin_chat_message(self, params: JSONDict) -> bool:
        chat = self.state.chat(params.get("chat_id"))
        self.state.check_not_blocked(chat)
        if chat.bot_rights.get("can_pin_messages") is False:
            raise ApiError(400, "Bad Request: not enough rights to manage pinned messages")
        message = chat.message(params.get("message_id"))
        if message is None:
            raise ApiError(400, "Bad Request: message to pin not found")
        message_id: int = message["message_id"]
        chat.pinned = [pinned for pinned in chat.pinned if pinned != message_id]
        chat.pinned.append(message_id)
        return True

    async def unpin_chat_message(self, params: JSONDict) -> bool:
        """unpinChatMessage: the given message or else the most recently pinned one."""
        chat = self.state.chat(params.get("chat_id"))
        message_id = params.get("message_id")
        if message_id is None and chat.pinned:
            message_id = chat.pinned[-1]
        if message_id not in chat.pinned:
            raise ApiError(400, "Bad Request: message to unpin not found")
        chat.pinned.remove(message_id)
        return True

    async def unpin_all_chat_messages(self, params: JSONDict) -> bool:
        self.state.chat(params.get("chat_id")).pinned.clear()
        return True

    async def get_chat(self, params: JSONDict) -> JSONDict:
        """getChat: a ChatFullInfo."""
        chat = self.state.chat(params.get("chat_id"))
        gifts = {
            "unlimited_gifts": False,
            "limited_gifts": False,
            "unique_gifts": False,
            "premium_subscription": False,
            "gifts_from_channels": False,
        }
        full = {**chat.info, "accent_color_id": 0, "max_reaction_count": 11}
        full["accepted_gift_types"] = gifts
        if chat.pinned:
            full["pinned_message"] = chat.messages[chat.pinned[-1]]
        return full

    async def get_chat_member(self, params: JSONDict) -> JSONDict:
        """getChatMember: the bot is an administrator of groups, users are members or left."""
        chat = self.state.chat(params.get("chat_id"))
        user_id = params.get("user_id")
        user = self.state.bot if user_id == self.state.bot["id"] else None
        if user is None and isinstance(user_id, int):
            user = self.state.users.get(user_id)
        if user is None:
            raise ApiError(400, "Bad Request: user not found")
        member = chat_member(chat.members.get(user["id"], "left"), user)
        if user is self.state.bot and member["status"] == "administrator":
            member.update(chat.bot_rights)
        return member

    async def get_file(self, params: JSONDict) -> JSONDict:
        """getFile for files uploaded to or sent through the server."""
        stored = self.state.files.get(str(params.get("file_id")))
        if stored is None:
            raise ApiError(400, "Bad Request: invalid file_id")
        return stored.to_dict()
