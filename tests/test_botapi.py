"""The local Bot API server speaks Telegram's wire protocol to the real python-telegram-bot."""

from __future__ import annotations

import asyncio
import datetime as dtm
import time
from collections.abc import AsyncIterator

import aiohttp
import pytest
import telegram
from aiohttp import web
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Conflict, Forbidden, RetryAfter, TimedOut
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

from tests.auxil.botapi import BotApiServer, FloodLimits, User

STAFF = -1001234567890


@pytest.fixture(autouse=True)
def _timedelta_periods(monkeypatch: pytest.MonkeyPatch) -> None:
    # Without it python-telegram-bot 22 warns when it builds RetryAfter, and warnings are errors.
    monkeypatch.setenv("PTB_TIMEDELTA", "true")


@pytest.fixture
async def bot(server: BotApiServer) -> AsyncIterator[telegram.Bot]:
    async with telegram.Bot(
        server.token, base_url=server.base_url, base_file_url=server.base_file_url
    ) as bot:
        yield bot


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


@pytest.fixture
def anna(server: BotApiServer) -> User:
    return server.user(1001, "Anna", username="anna_u", language_code="nl")


def keyboard(*options: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(o, callback_data=o) for o in options]])


async def test_get_me(bot: telegram.Bot, server: BotApiServer) -> None:
    me = await bot.get_me()

    assert (me.id, me.username, me.is_bot) == (server.bot_id, "omarmt_test_bot", True)
    assert server.base_url.startswith("http://127.0.0.1:")
    assert [r.method for r in server.requests()] == ["getMe", "getMe"]  # initialize + ours


async def test_json_form_and_query_bodies_and_any_method_case(
    server: BotApiServer, http: aiohttp.ClientSession, anna: User
) -> None:
    api = f"{server.base_url}{server.token}"
    markup = {"inline_keyboard": [[{"text": "Ja", "callback_data": "j"}]]}

    as_json = await http.post(
        f"{api}/SENDMESSAGE", json={"chat_id": anna.id, "text": "a", "reply_markup": markup}
    )
    as_form = await http.post(
        f"{api}/sendmessage",
        data={"chat_id": str(anna.id), "text": "123", "reply_markup": '{"inline_keyboard": []}'},
    )
    as_query = await http.get(f"{api}/getMe?x=1")

    assert (await as_json.json())["result"]["reply_markup"] == markup
    assert "reply_markup" not in (await as_form.json())["result"]  # an empty keyboard shows none
    assert (await as_query.json())["ok"] is True
    sent = server.requests("sendMessage")
    assert [(r.transport, r.params["chat_id"], r.params["text"]) for r in sent] == [
        ("json", 1001, "a"),
        ("form", 1001, "123"),
    ]
    assert sent[1].params["reply_markup"] == {"inline_keyboard": []}
    assert server.requests("getme")[0].transport == "query"


async def test_wrong_token_and_unknown_method_answer_like_telegram(
    server: BotApiServer, http: aiohttp.ClientSession
) -> None:
    wrong = await http.post(f"{server.base_url}999:not-the-token/getMe")
    malformed = await http.post(f"{server.base_url}nonsense/getMe")
    unknown = await http.post(f"{server.base_url}{server.token}/sendHologram")

    assert (wrong.status, await wrong.json()) == (
        401,
        {"ok": False, "error_code": 401, "description": "Unauthorized"},
    )
    assert malformed.status == 404
    assert (unknown.status, await unknown.json()) == (
        404,
        {"ok": False, "error_code": 404, "description": "Not Found: method not found"},
    )
    assert server.requests("sendHologram")[0].status == 404


async def test_send_message_with_inline_keyboard_is_recorded(
    bot: telegram.Bot, server: BotApiServer, anna: User
) -> None:
    message = await bot.send_message(
        anna.id, "<b>Hoi</b> Anna", parse_mode=ParseMode.HTML, reply_markup=keyboard("ja", "nee")
    )

    assert (message.message_id, message.text, message.chat.id) == (1, "Hoi Anna", anna.id)
    assert message.from_user is not None
    assert message.from_user.id == server.bot_id
    assert message.entities[0].type == "bold"
    assert message.reply_markup == keyboard("ja", "nee")
    [request] = server.requests("sendMessage", chat_id=anna.id)
    assert request.transport == "form"
    assert request.params["text"] == "<b>Hoi</b> Anna"
    assert request.params["reply_markup"]["inline_keyboard"][0][1]["callback_data"] == "nee"
    assert server.sent_messages(anna.id)[0]["text"] == "Hoi Anna"
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.send_message(anna.id, "<blink>hoi</blink>", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(424242, "hoi")


async def test_get_updates_confirms_by_offset(bot: telegram.Bot, anna: User) -> None:
    ids = [anna.send_text(text) for text in ("een", "twee", "drie")]

    first = await bot.get_updates()
    again = await bot.get_updates()
    limited = await bot.get_updates(offset=ids[1], limit=1)
    rest = await bot.get_updates()
    last = await bot.get_updates(offset=-1)
    after_all = await bot.get_updates(offset=ids[2] + 1)

    assert [u.update_id for u in first] == ids  # unconfirmed updates come again
    assert [u.update_id for u in again] == ids
    assert [u.update_id for u in limited] == [ids[1]]
    assert [u.update_id for u in rest] == ids[1:]  # ids[0] was confirmed by offset=ids[1]
    assert [u.update_id for u in last] == [ids[2]]
    assert after_all == ()
    assert first[0].message is not None
    assert first[0].message.text == "een"


async def test_long_polling_answers_as_soon_as_an_update_arrives(
    bot: telegram.Bot, anna: User
) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.1)
    sent_at = time.monotonic()
    anna.send_text("hoi")
    updates = await poll

    assert time.monotonic() - sent_at < 0.5
    assert updates[0].message is not None
    assert updates[0].message.text == "hoi"


async def test_long_poll_without_updates_waits_its_timeout(bot: telegram.Bot) -> None:
    started = time.monotonic()
    assert await bot.get_updates(timeout=1) == ()
    assert 0.9 < time.monotonic() - started < 2


async def test_second_poller_ends_the_first_with_conflict(
    bot: telegram.Bot, server: BotApiServer
) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.1)
    async with telegram.Bot(server.token, base_url=server.base_url) as second_instance:
        assert await second_instance.get_updates() == ()

    with pytest.raises(Conflict, match=r"(?i)terminated by other getUpdates request"):
        await first


async def test_update_ids_may_restart_lower(
    bot: telegram.Bot, server: BotApiServer, anna: User
) -> None:
    for text in ("a", "b", "c"):
        anna.send_text(text)
    server.set_next_update_id(100)
    hundred = anna.send_text("d")
    await bot.get_updates(offset=hundred + 1)
    server.set_next_update_id(7)  # Telegram does this after a quiet week

    fresh = anna.send_text("na een week")
    updates = await bot.get_updates(offset=hundred + 1)

    assert [u.update_id for u in updates] == [fresh] == [7]


async def test_allowed_updates_and_raw_injection(
    bot: telegram.Bot, server: BotApiServer, anna: User, http: aiohttp.ClientSession
) -> None:
    message = await bot.send_message(anna.id, "kies", reply_markup=keyboard("x"))
    await bot.get_updates(allowed_updates=["callback_query"])
    anna.send_text("not wanted")
    wanted = anna.press(message, "x")
    assert [u.update_id for u in await bot.get_updates()] == [wanted]

    server.inject({"update_id": 900, "message": {"no": "chat"}})
    response = await http.get(f"{server.base_url}{server.token}/getUpdates?offset=901")
    # offset 901 confirms everything up to the injected update, which arrived unfiltered first
    assert (await response.json())["result"] == []
    server.inject({"message": {"no": "chat"}})
    response = await http.get(f"{server.base_url}{server.token}/getUpdates")
    assert (await response.json())["result"] == [{"update_id": 901, "message": {"no": "chat"}}]


async def test_scripted_user_actions_arrive_as_updates(
    bot: telegram.Bot, server: BotApiServer, anna: User
) -> None:
    text_id = anna.send_text("/start poster-utrecht")
    anna.send_sticker()
    anna.send_photo(caption="kijk")
    anna.send_voice()
    anna.send_location()
    anna.send_contact()
    anna.send_poll()
    anna.edit_text(1, "/start anders")
    anna.block_bot()

    updates = await bot.get_updates()

    assert updates[0].update_id == text_id
    messages = [u.message for u in updates[:7]]
    assert all(m is not None for m in messages)
    command, sticker, photo, voice, location, contact, poll = (m for m in messages if m)
    assert command.text == "/start poster-utrecht"
    assert command.entities[0].type == "bot_command"
    assert command.entities[0].length == 6
    assert sticker.sticker is not None
    assert photo.photo
    assert photo.caption == "kijk"
    assert voice.voice
    assert location.location
    assert contact.contact
    assert poll.poll
    edited = updates[7].edited_message
    assert edited is not None
    assert (edited.message_id, edited.text) == (1, "/start anders")
    member = updates[8].my_chat_member
    assert member is not None
    assert member.new_chat_member.status == "kicked"
    with pytest.raises(Forbidden):
        await bot.send_message(anna.id, "hoi")


async def test_callback_query_round_trip(
    bot: telegram.Bot, server: BotApiServer, anna: User
) -> None:
    question = await bot.send_message(
        anna.id, "Hoe oud ben je?", reply_markup=keyboard("16", "20")
    )
    anna.press_button(question, "20")

    [update] = await bot.get_updates()
    query = update.callback_query
    assert query is not None
    assert query.data == "20"
    assert query.from_user.id == anna.id
    assert query.message is not None
    assert query.message.message_id == question.message_id
    assert await bot.answer_callback_query(query.id, text="Top")
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_callback_query(query.id)
    await bot.edit_message_text("Hoe oud ben je? 20", anna.id, question.message_id)
    shown = server.message(anna.id, question.message_id)
    assert shown is not None
    assert "reply_markup" not in shown
    with pytest.raises(ValueError, match="no button"):
        anna.press(question, "20")  # a real client cannot press a button that is gone
    anna.press(question, "v9:forged", forge=True)
    assert server.requests("answerCallbackQuery")[0].params["text"] == "Top"


async def test_edits_and_deletes_follow_telegram_rules(
    bot: telegram.Bot, server: BotApiServer, anna: User
) -> None:
    message = await bot.send_message(anna.id, "vraag", reply_markup=keyboard("a"))
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text(
            "vraag", anna.id, message.message_id, reply_markup=keyboard("a")
        )

    edited = await bot.edit_message_reply_markup(anna.id, message.message_id)
    assert isinstance(edited, telegram.Message)
    assert edited.reply_markup is None
    assert await bot.delete_message(anna.id, message.message_id)
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("weg", anna.id, message.message_id)
    assert server.sent_messages(anna.id) == []


async def test_copy_message_and_forward_is_recorded(
    bot: telegram.Bot, server: BotApiServer, anna: User
) -> None:
    server.group(STAFF, "JoU staff")
    anna.send_text("ik voel me alleen")

    copied = await bot.copy_message(STAFF, from_chat_id=anna.id, message_id=1)
    forwarded = await bot.forward_message(STAFF, from_chat_id=anna.id, message_id=1)

    copy = server.message(STAFF, copied.message_id)
    assert copy is not None
    assert copy["text"] == "ik voel me alleen"
    assert copy["from"]["id"] == server.bot_id
    assert "forward_origin" not in copy
    assert forwarded.forward_origin is not None
    assert [r.params["from_chat_id"] for r in server.requests("forwardMessage")] == [anna.id]
    with pytest.raises(BadRequest, match=r"(?i)message to copy not found"):
        await bot.copy_message(STAFF, from_chat_id=anna.id, message_id=99)


async def test_forum_topics_and_threads(bot: telegram.Bot, server: BotApiServer) -> None:
    staff = server.group(STAFF, "JoU staff")
    worker = staff.member(2001, "Jeugdwerker")

    topic = await bot.create_forum_topic(STAFF, "Gesprek K7Q2")
    card = await bot.send_message(
        STAFF, "Nieuw gesprek", message_thread_id=topic.message_thread_id
    )
    worker.send_text("Hoi, ik ben er", thread_id=topic.message_thread_id)
    worker.send_text("/stop", thread_id=topic.message_thread_id)

    assert (card.message_thread_id, card.is_topic_message) == (topic.message_thread_id, True)
    assert server.sent_messages(STAFF, thread_id=topic.message_thread_id)[0]["text"] == (
        "Nieuw gesprek"
    )
    reply, command = [u.message for u in await bot.get_updates()]
    assert reply is not None
    assert reply.message_thread_id == topic.message_thread_id
    assert command is not None
    assert command.entities[0].type == "bot_command"
    assert await bot.edit_forum_topic(STAFF, topic.message_thread_id, name="Gesprek K7Q2 (nl)")
    assert await bot.close_forum_topic(STAFF, topic.message_thread_id)
    assert await bot.reopen_forum_topic(STAFF, topic.message_thread_id)
    assert server.topics(STAFF)[topic.message_thread_id].name == "Gesprek K7Q2 (nl)"
    assert await bot.delete_forum_topic(STAFF, topic.message_thread_id)
    with pytest.raises(BadRequest, match=r"(?i)the chat is not a forum"):
        await bot.create_forum_topic(server.group(-100999, "plain", is_forum=False).chat_id, "x")


async def test_deleted_topic_gives_message_thread_not_found(
    bot: telegram.Bot, server: BotApiServer, anna: User
) -> None:
    server.group(STAFF, "JoU staff")
    anna.send_text("relay me")
    topic = await bot.create_forum_topic(STAFF, "Gesprek")
    server.delete_topic(STAFF, topic.message_thread_id)  # a youth worker deleted it

    with pytest.raises(BadRequest, match=r"(?i)message thread not found"):
        await bot.send_message(STAFF, "relay", message_thread_id=topic.message_thread_id)
    with pytest.raises(BadRequest, match=r"(?i)message thread not found"):
        await bot.copy_message(STAFF, anna.id, 1, message_thread_id=topic.message_thread_id)


async def test_scripted_429_surfaces_as_retry_after(
    bot: telegram.Bot, server: BotApiServer, anna: User
) -> None:
    server.fail_next("sendMessage", times=2, retry_after=3)

    for _ in range(2):
        with pytest.raises(RetryAfter) as caught:
            await bot.send_message(anna.id, "hoi")
        assert caught.value.retry_after == dtm.timedelta(seconds=3)
    await bot.send_message(anna.id, "hoi")

    assert [r.status for r in server.requests("sendMessage")] == [429, 429, 200]
    assert server.requests("sendMessage")[0].description == "Too Many Requests: retry after 3"


async def test_blocked_user_gives_forbidden(
    bot: telegram.Bot, server: BotApiServer, anna: User
) -> None:
    server.block(anna.id)

    with pytest.raises(Forbidden, match=r"(?i)bot was blocked by the user"):
        await bot.send_message(anna.id, "hoi")
    server.unblock(anna.id)
    assert (await bot.send_message(anna.id, "hoi")).text == "hoi"


async def test_flood_limits_when_switched_on(
    bot: telegram.Bot, server: BotApiServer, anna: User
) -> None:
    server.set_flood_limits(FloodLimits(chat_burst=2))

    await bot.send_message(anna.id, "1")
    await bot.send_message(anna.id, "2")
    with pytest.raises(RetryAfter):
        await bot.send_message(anna.id, "3")


async def test_slow_answer_times_out_but_is_still_carried_out(
    bot: telegram.Bot, server: BotApiServer, anna: User
) -> None:
    server.delay_next("sendMessage", 0.5)

    with pytest.raises(TimedOut):
        await bot.send_message(anna.id, "hoi", read_timeout=0.1)

    [message] = await server.wait_sent(anna.id, count=1, timeout=2)
    assert message["text"] == "hoi"  # as with Telegram: a timeout does not mean "not sent"


async def test_multipart_photo_upload(bot: telegram.Bot, server: BotApiServer, anna: User) -> None:
    png = b"\x89PNG\r\n\x1a\n tiny"

    message = await bot.send_photo(anna.id, photo=png, caption="poster")
    by_file_id = await bot.send_photo(anna.id, photo=message.photo[-1].file_id)

    [upload, reuse] = server.requests("sendPhoto")
    assert upload.transport == "multipart"
    assert upload.files[0].data == png
    assert reuse.transport == "form"
    assert message.caption == "poster"
    assert by_file_id.photo[-1].file_unique_id == message.photo[-1].file_unique_id
    file = await bot.get_file(message.photo[-1].file_id)
    assert bytes(await file.download_as_bytearray()) == png


async def test_commands_per_language_and_scope(bot: telegram.Bot, server: BotApiServer) -> None:
    nl = [("start", "Begin"), ("hulp", "Hulp en crisislijnen")]
    en = [("start", "Start"), ("help", "Help and crisis lines")]

    server.group(STAFF, "JoU staff")
    staff_scope = telegram.BotCommandScopeChat(STAFF)

    assert await bot.set_my_commands(nl, language_code="nl")
    assert await bot.set_my_commands(en, language_code="en")
    assert await bot.set_my_commands([("stop", "Sluit")], scope=staff_scope)
    got = await bot.get_my_commands(language_code="en")

    assert [(c.command, c.description) for c in got] == en
    assert server.commands(language_code="nl") == [{"command": c, "description": d} for c, d in nl]
    assert server.commands({"type": "chat", "chat_id": STAFF}) == [
        {"command": "stop", "description": "Sluit"}
    ]
    assert await bot.get_my_commands() == ()  # no fallback between languages or scopes
    assert await bot.delete_my_commands(language_code="en")
    assert await bot.get_my_commands(language_code="en") == ()
    with pytest.raises(BadRequest, match=r"(?i)BOT_COMMAND_INVALID"):
        await bot.set_my_commands([("Start", "Capitals are refused")])


async def test_webhook_delivery_with_secret_header_and_retry(
    bot: telegram.Bot, server: BotApiServer, anna: User
) -> None:
    received: list[tuple[str | None, dict[str, object]]] = []
    answers = [500]

    async def receive(request: web.Request) -> web.Response:
        received.append(
            (request.headers.get("X-Telegram-Bot-Api-Secret-Token"), await request.json())
        )
        return web.Response(status=answers.pop() if answers else 200)

    receiver = web.Application()
    receiver.router.add_post("/hook", receive)
    runner = web.AppRunner(receiver, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        url = f"http://127.0.0.1:{runner.addresses[0][1]}/hook"
        assert await bot.set_webhook(url, secret_token="s3cret_token")
        update_id = anna.send_text("hoi")

        await server.wait_for(lambda: len(received) == 2 and not server.pending_updates())
        info = await bot.get_webhook_info()
        with pytest.raises(Conflict, match=r"(?i)webhook is active"):
            await bot.get_updates()
        with pytest.raises(BadRequest, match=r"127\.0\.0\.1"):
            await bot.set_webhook("https://example.org/hook")
        assert await bot.delete_webhook()
    finally:
        await runner.cleanup()

    assert [secret for secret, _ in received] == ["s3cret_token", "s3cret_token"]
    assert received[1][1]["update_id"] == update_id  # retried after the 500
    assert (info.url, info.pending_update_count) == (url, 0)
    assert info.last_error_message == "Wrong response from the webhook: 500 Internal Server Error"


async def test_application_echo_bot_by_long_polling(server: BotApiServer, anna: User) -> None:
    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        assert update.effective_message.text
        await update.effective_message.reply_text(update.effective_message.text)

    application = (
        ApplicationBuilder()
        .token(server.token)
        .base_url(server.base_url)
        .base_file_url(server.base_file_url)
        .build()
    )
    application.add_handler(MessageHandler(filters.TEXT, echo))
    async with application:
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0, timeout=dtm.timedelta(seconds=2))
        await application.start()
        anna.send_text("hoi")
        anna.send_text("nog een")
        replies = await server.wait_sent(anna.id, count=2, timeout=5)
        await application.updater.stop()
        await application.stop()

    assert sorted(reply["text"] for reply in replies) == ["hoi", "nog een"]
    assert server.pending_updates() == []  # the updater's last getUpdates confirmed them
    assert server.requests("deleteWebhook")


async def test_chat_lookups_pins_and_menu_button(
    bot: telegram.Bot, server: BotApiServer, anna: User
) -> None:
    staff = server.group(STAFF, "JoU staff")
    staff.member(2001, "Jeugdwerker")

    chat = await bot.get_chat(STAFF)
    me_in_staff = await bot.get_chat_member(STAFF, server.bot_id)
    worker = await bot.get_chat_member(STAFF, 2001)
    message = await bot.send_message(STAFF, "vastgepind")

    assert (chat.title, chat.is_forum) == ("JoU staff", True)
    assert me_in_staff.status == "administrator"
    assert worker.status == "member"
    assert await bot.pin_chat_message(STAFF, message.message_id)
    assert await bot.unpin_chat_message(STAFF)
    assert await bot.set_chat_menu_button(anna.id, telegram.MenuButtonCommands())
    assert isinstance(await bot.get_chat_menu_button(anna.id), telegram.MenuButtonCommands)


async def test_message_reactions_are_kept_on_the_message(
    bot: telegram.Bot, server: BotApiServer, anna: User
) -> None:
    anna.send_text("ik ben er nog")
    [update] = await bot.get_updates()
    assert update.message is not None
    mine = update.message.message_id

    assert await bot.set_message_reaction(anna.id, mine, "👍", is_big=False)
    assert (server.message(anna.id, mine) or {})["reactions"] == [{"type": "emoji", "emoji": "👍"}]
    with pytest.raises(BadRequest, match=r"(?i)message to react not found"):
        await bot.set_message_reaction(anna.id, 999, "👍")
    with pytest.raises(BadRequest, match=r"(?i)reaction_invalid"):
        await bot.set_message_reaction(anna.id, mine, telegram.ReactionTypeEmoji("✅"))
    with pytest.raises(BadRequest, match=r"(?i)reactions_too_many"):
        await bot.set_message_reaction(anna.id, mine, ["👍", "🙏"])
    assert await bot.set_message_reaction(anna.id, mine)  # no reaction: taken away
    assert (server.message(anna.id, mine) or {})["reactions"] == []
    server.block(anna.id)
    with pytest.raises(Forbidden):
        await bot.set_message_reaction(anna.id, mine, "👍")


async def test_bot_media_by_file_id_and_forum_admin_calls(
    bot: telegram.Bot, server: BotApiServer, anna: User
) -> None:
    staff = server.group(STAFF, "JoU staff")
    worker = staff.member(2001, "Jeugdwerker")
    topic = await bot.create_forum_topic(STAFF, "K7Q2 · 16-19 · nl")
    thread = topic.message_thread_id
    card = await bot.send_message(STAFF, "kaart", message_thread_id=thread)
    worker.send_photo(thread_id=thread)
    worker.send_sticker(thread_id=thread)
    worker.send_voice(thread_id=thread)
    photo, sticker, voice = [u.message for u in await bot.get_updates()]
    assert photo is not None
    assert sticker is not None
    assert voice is not None
    assert photo.photo
    assert sticker.sticker
    assert voice.voice

    await bot.send_photo(anna.id, photo.photo[-1].file_id)
    await bot.send_sticker(anna.id, sticker.sticker.file_id)
    await bot.send_voice(anna.id, voice.voice.file_id)
    assert await bot.pin_chat_message(STAFF, card.message_id)
    assert await bot.edit_forum_topic(STAFF, thread, name="🔴 URGENT · K7Q2 · 16-19 · nl")
    assert await bot.close_forum_topic(STAFF, thread)

    got = server.sent_messages(anna.id)
    assert got[0]["photo"][-1]["file_unique_id"] == photo.photo[-1].file_unique_id
    assert got[1]["sticker"]["file_unique_id"] == sticker.sticker.file_unique_id
    assert got[2]["voice"]["file_unique_id"] == voice.voice.file_unique_id
    assert server.pinned(STAFF) == [card.message_id]
    assert server.topics(STAFF)[thread].name.startswith("🔴 URGENT")
    assert server.topics(STAFF)[thread].closed


async def test_wait_sent_names_what_was_sent_when_it_times_out(
    bot: telegram.Bot, server: BotApiServer, anna: User
) -> None:
    await bot.send_message(anna.id, "alleen deze")

    with pytest.raises(TimeoutError, match="alleen deze"):
        await server.wait_sent(anna.id, count=2, timeout=0.2)
