"""`omarmt run` as a subprocess against the local Bot API server: the real wire, end to end."""

from __future__ import annotations

import asyncio
import json
import signal
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from tests.auxil.botapi import BotApiServer
from tests.auxil.e2e import (
    BotProcess,
    buttons,
    replies,
    running_bot,
    tap_through,
    texts,
    wait_said,
)


@pytest.fixture
async def bot(server: BotApiServer, tmp_path: Path) -> AsyncIterator[BotProcess]:
    async with running_bot(server, tmp_path / "bot.sqlite3") as process:
        yield process


async def test_whole_check_by_buttons_in_dutch(server: BotApiServer, bot: BotProcess) -> None:
    anna = server.user(5001, "Anna", username="anna_utrecht", language_code="nl")
    anna.send_text("hoi")
    sent = await replies(server, anna.chat_id, 2)
    assert "Ik ben Omarmt" in sent[0]["text"]
    assert buttons(sent[1])[0] == "Ja, dat is goed"
    taps = [
        "Ja, dat is goed", "16 of 17", "Nee",
        "Ja", "Ja", "Nee", "Min of meer", "Ja", "Nee",
        "Dingen doen met anderen",
    ]  # fmt: skip
    await tap_through(server, anna, taps)
    await wait_said(server, anna.chat_id, "Wat wil je nu doen?")
    all_text = "\n".join(texts(server, anna.chat_id))
    assert all_text.index("Join Us") < all_text.index("Gelukscafés")
    assert "jongerenwerker van JoU" in all_text
    # The details of an offer are one tap away.
    await tap_through(server, anna, ["Meer over Join Us"])
    await wait_said(server, anna.chat_id, "Een vaste groep jongeren")
    # Each pressed question lost its keyboard, so an old button cannot be pressed twice.
    assert len(server.requests("editMessageReplyMarkup")) >= len(taps)
    assert len(server.requests("answerCallbackQuery")) >= len(taps)
    assert not server.requests("forwardMessage")


async def test_typing_in_english(server: BotApiServer, bot: BotProcess) -> None:
    emma = server.user(5002, "Emma", language_code="en")
    for text in ["hi", "sure", "21", "yes", "yes", "yes", "no", "sort of", "yes", "no", "info"]:
        emma.send_text(text)
    await wait_said(server, emma.chat_id, "What would you like to do now?", within=30)
    all_text = "\n".join(texts(server, emma.chat_id))
    assert "(20 to 24)" in all_text
    assert all_text.index("Studentenzorgwijzer") < all_text.index("Join Us")


async def test_restart_continues_at_the_same_question(
    server: BotApiServer, bot: BotProcess
) -> None:
    sam = server.user(5003, "Sam")
    sam.send_text("hoi")
    sam.send_text("ja")
    await wait_said(server, sam.chat_id, "Hoe oud ben je?")
    code, _err = await bot.stop()
    assert code == 0
    await bot.start()
    sam.send_text("18")
    await wait_said(server, sam.chat_id, "(18 of 19)")


async def test_kill_9_after_a_batch_answers_every_message_exactly_once(
    server: BotApiServer, bot: BotProcess
) -> None:
    people = [server.user(6000 + n, f"P{n}") for n in range(8)]
    await server.wait_for(lambda: server.requests("deleteWebhook"), 20)
    for person in people:
        person.send_text("hoi")
    # The moment a getUpdates has handed the batch over, kill -9.
    await server.wait_for(lambda: any(r.result for r in server.requests("getUpdates")), 20)
    code, _ = await bot.stop(signal.SIGKILL)
    assert code == -signal.SIGKILL
    await bot.start()
    for person in people:
        await replies(server, person.chat_id, 2)
    await asyncio.sleep(1.0)  # anything duplicated would have arrived by now
    for person in people:
        welcomes = [t for t in texts(server, person.chat_id) if "Ik ben Omarmt" in t]
        assert len(welcomes) == 1, texts(server, person.chat_id)


async def test_a_stop_and_restart_send_nothing_twice(
    server: BotApiServer, bot: BotProcess
) -> None:
    people = [server.user(6100 + n, f"Q{n}") for n in range(12)]
    for person in people:
        person.send_text("hoi")
    for person in people:
        await replies(server, person.chat_id, 2)
    code, _ = await bot.stop()
    assert code == 0
    with sqlite3.connect(bot.db) as conn:
        assert conn.execute("SELECT count(*) FROM outbox").fetchone() == (0,)
    await bot.start()
    people[0].send_text("ja")
    await wait_said(server, people[0].chat_id, "Hoe oud ben je?")
    for person in people:
        welcomes = [t for t in texts(server, person.chat_id) if "Ik ben Omarmt" in t]
        assert len(welcomes) == 1, texts(server, person.chat_id)


async def test_non_text_and_forged_buttons_get_kind_replies(
    server: BotApiServer, bot: BotProcess
) -> None:
    lu = server.user(5004, "Lu")
    lu.send_text("hoi")
    await replies(server, lu.chat_id, 2)
    lu.send_sticker()
    await wait_said(server, lu.chat_id, "alleen tekst")
    last = server.sent_messages(lu.chat_id)[-1]
    lu.press(last, "1|consent|'; DROP TABLE sessions;--", forge=True)
    lu.press(last, "x" * 64, forge=True)
    await server.wait_for(
        lambda: (
            sum("Mag ik je een paar korte vragen" in t for t in texts(server, lu.chat_id)) >= 3
        ),
        20,
    )


async def test_crisis_gets_the_lines_at_once(server: BotApiServer, bot: BotProcess) -> None:
    kim = server.user(5005, "Kim")
    kim.send_text("ik wil niet meer leven")
    await wait_said(server, kim.chat_id, "113")
    crisis = next(t for t in texts(server, kim.chat_id) if "113" in t)
    assert "0800-0113" in crisis


async def test_a_429_storm_delays_but_loses_nothing(server: BotApiServer, bot: BotProcess) -> None:
    server.fail_next("sendMessage", times=4, error_code=429, retry_after=1)
    jo = server.user(5006, "Jo")
    jo.send_text("hoi")
    sent = await replies(server, jo.chat_id, 2)
    assert "Ik ben Omarmt" in sent[0]["text"]


async def test_a_blocked_user_causes_no_retry_storm(server: BotApiServer, bot: BotProcess) -> None:
    bo = server.user(5007, "Bo")
    server.block(bo.chat_id)
    bo.send_text("hoi")
    await server.wait_for(lambda: server.requests("sendMessage", chat_id=bo.chat_id), 20)
    await asyncio.sleep(2)  # a retry storm would show as many more tries by now
    tries = server.requests("sendMessage", chat_id=bo.chat_id)
    assert 1 <= len(tries) <= 2


async def test_database_holds_no_ids_usernames_or_names(
    server: BotApiServer, bot: BotProcess
) -> None:
    max_ = server.user(987654321, "Maximiliaan", username="max_from_utrecht")
    max_.send_text("hoi")
    max_.send_text("ja")
    await wait_said(server, max_.chat_id, "Hoe oud ben je?")
    code, _ = await bot.stop()
    assert code == 0
    raw = b"".join(p.read_bytes() for p in bot.db.parent.glob("bot.sqlite3*"))
    for needle in (b"987654321", b"Maximiliaan", b"max_from_utrecht"):
        assert needle not in raw


async def test_webhook_mode_refuses_a_wrong_secret(
    server: BotApiServer, tmp_path: Path, unused_tcp_port: int
) -> None:
    url = f"http://127.0.0.1:{unused_tcp_port}/telegram"
    hook = BotProcess(
        server,
        tmp_path / "hook.sqlite3",
        OMARMT_WEBHOOK_URL=url,
        OMARMT_WEBHOOK_SECRET="right-secret_123",
        OMARMT_WEBHOOK_LISTEN=f"127.0.0.1:{unused_tcp_port}",
    )
    await hook.start("--webhook")
    try:
        await server.wait_for(lambda: server.requests("setWebhook"), 20)
        async with aiohttp.ClientSession() as session:
            for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}):
                async with session.post(url, json={"update_id": 1}, headers=headers) as resp:
                    assert resp.status == 403
        vi = server.user(5008, "Vi")
        vi.send_text("hoi")  # delivered by the server's webhook, with the right secret
        await replies(server, vi.chat_id, 2)
    finally:
        code, err = await hook.stop()
        assert code == 0, err


async def test_the_friend_path_hands_out_the_bots_own_link(
    server: BotApiServer, bot: BotProcess
) -> None:
    fien = server.user(5003, "Fien", language_code="nl")
    fien.send_text("hoi")
    await replies(server, fien.chat_id, 2)
    await tap_through(server, fien, ["Iemand die ik ken is eenzaam"])
    link = "https://t.me/omarmt_test_bot?start=vriend"
    await wait_said(server, fien.chat_id, link)
    card = next(t for t in texts(server, fien.chat_id) if link in t)
    assert card.startswith("Voel je je soms alleen?")
    # The friend who follows the link is welcomed as someone a friend sent.
    friend = server.user(5004, "Vriend", language_code="nl")
    friend.send_text("/start vriend")
    await wait_said(server, friend.chat_id, "Iemand die om je geeft")


async def test_command_menus_in_dutch_and_english(server: BotApiServer, bot: BotProcess) -> None:
    await server.wait_for(lambda: len(server.requests("setMyCommands")) >= 3, 20)
    dutch = [c["command"] for c in server.commands(language_code="nl")]
    english = [c["command"] for c in server.commands(language_code="en")]
    assert {"start", "hulp", "praat", "stop", "opnieuw", "taal", "privacy", "vergeet"} <= set(
        dutch
    )
    assert {"help", "talk", "restart", "language", "forget"} <= set(english)
    descriptions = {c["command"]: c["description"] for c in server.commands(language_code="nl")}
    assert descriptions["vergeet"] == "Wis alles over mij"


async def test_deep_link_source_is_counted_by_code_or_as_other(
    server: BotApiServer, bot: BotProcess
) -> None:
    known, unknown = server.user(5101, "A"), server.user(5102, "B")
    known.send_text("/start poster")
    unknown.send_text("/start some-school-we-never-listed")
    await replies(server, known.chat_id, 2)
    await replies(server, unknown.chat_id, 2)
    code, err = await bot.stop()
    assert code == 0, err
    with sqlite3.connect(bot.db) as conn:
        rows = conn.execute(
            "SELECT data FROM stats_events WHERE name = 'conversation_started'"
        ).fetchall()
    sources = sorted(json.loads(data)["source"] for (data,) in rows)
    channels = {json.loads(data)["channel"] for (data,) in rows}
    assert sources == ["other", "poster"]
    assert channels == {"telegram"}


async def test_edited_messages_are_read_for_safety_only(
    server: BotApiServer, bot: BotProcess
) -> None:
    ed = server.user(5103, "Ed")
    ed.send_text("hoi")
    await replies(server, ed.chat_id, 2)
    ed.send_text("ja")
    await replies(server, ed.chat_id, 3)
    mine = [
        m for m in server.state.chats[ed.chat_id].messages.values() if m["from"]["id"] == ed.id
    ]
    ed.edit_text(mine[-1], "nee")  # not a crisis: ignored, it was answered once
    ed.edit_text(mine[-1], "ik wil dood")  # a crisis sign: answered at once
    await wait_said(server, ed.chat_id, "113")
    assert not any("(Nee)" in t for t in texts(server, ed.chat_id))


async def test_group_chats_are_not_answered(server: BotApiServer, bot: BotProcess) -> None:
    group = server.group(-1009876543210, "Some group")
    member = group.member(5104, "Gio")
    member.send_text("hoi bot")
    lone = server.user(5105, "Lone")
    lone.send_text("hoi")
    await replies(server, lone.chat_id, 2)  # by now the group message was handled too
    assert server.sent_messages(group.chat_id) == []


async def test_a_typed_answer_takes_the_old_keyboard_away(
    server: BotApiServer, bot: BotProcess
) -> None:
    tim = server.user(5106, "Tim")
    tim.send_text("hoi")
    sent = await replies(server, tim.chat_id, 2)
    question = sent[1]
    assert buttons(question)
    tim.send_text("ja")  # typed, not tapped
    await replies(server, tim.chat_id, 3)

    def keyboard_gone() -> bool:
        current = server.message(tim.chat_id, question["message_id"])
        return current is not None and not buttons(current)

    await server.wait_for(keyboard_gone, 20)
    # Links stay: only answer buttons go.
    assert buttons(server.sent_messages(tim.chat_id)[-1])


async def test_typing_in_dutch(server: BotApiServer, bot: BotProcess) -> None:
    noor = server.user(5107, "Noor", language_code="nl")
    typed = ["hoi", "ja hoor", "26", "nee", "ja", "nee", "nee", "ja", "nee", "ja", "1"]
    for text in typed:
        noor.send_text(text)
    await wait_said(server, noor.chat_id, "Wat wil je nu doen?", within=30)
    all_text = "\n".join(texts(server, noor.chat_id))
    assert "(25 tot en met 27)" in all_text
    assert "Join Us" not in all_text  # no Join Us band at 26
    assert all_text.index("Ik denk dat praten met iemand") < all_text.index("Gelukscafés")


async def test_whole_check_by_buttons_in_english(server: BotApiServer, bot: BotProcess) -> None:
    sam = server.user(5108, "Sam", language_code="en")
    sam.send_text("hello")
    await replies(server, sam.chat_id, 2)
    taps = [
        "Yes, that's fine", "20 to 24", "Yes",
        "No", "Yes", "Yes", "No", "Yes", "No",
        "Feeling calmer and stronger",
    ]  # fmt: skip
    await tap_through(server, sam, taps)
    await wait_said(server, sam.chat_id, "What would you like to do now?")
    all_text = "\n".join(texts(server, sam.chat_id))
    assert all_text.index("Gelukscafés") < all_text.index("Studentenzorgwijzer")
