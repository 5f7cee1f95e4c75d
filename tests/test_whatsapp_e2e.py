"""WhatsApp end to end (issue #15): `omarmt run` against the local Cloud API test server, with
Telegram's Bot API test server for the youth workers' forums where a handoff needs them.

Young people here tap and type as on a phone. After each test nothing that says who they are
(phone number, business-scoped id, profile name) may be in the database file, its WAL, the
log, or anything the bot sent to a staff group.
"""

from __future__ import annotations

import asyncio
import json
import signal
import sqlite3
from pathlib import Path

import pytest

from bot.channels.whatsapp.signature import sign
from tests.auxil.botapi import BotApiServer
from tests.auxil.wa_e2e import VERIFY, WaBot, shown, stopped_cleanly, stored, wait_text
from tests.auxil.waapi import WhatsAppServer
from tests.auxil.waapi_people import WaUser
from tests.test_handoff_e2e import JOU, UCENTRAAL, WEDNESDAY, handoff_in

RESULT_NL = "Wat wil je nu doen?"
RESULT_EN = "What would you like to do now?"
CRISIS = "113"


def private(people: list[WaUser], db: Path, log: str) -> None:
    """No phone number, business-scoped id or profile name in the files or the log."""
    raw = stored(db)
    for person in people:
        for needle in (person.wa_id, person.user_id, person.name):
            assert needle.encode() not in raw, needle
            assert needle not in log, needle


async def tap_first_until(wa: WhatsAppServer, user: WaUser, fragment: str) -> None:
    """Tap the first choice of the latest message until a message shows `fragment`."""
    for _ in range(30):
        seen = shown(wa, user)
        if any(fragment in text for text in seen):
            return
        last = wa.visible(wa.received(user)[-1])
        assert last.ids, f"no choices on {last.text!r}"
        count = len(seen)
        if last.type == "list":
            await wa.pick_row(user, last.ids[0])
        else:
            await wa.tap_button(user, last.ids[0])
        await wa.wait_received(user, count + 1, timeout=20)
    pytest.fail(f"{fragment!r} never came: {shown(wa, user)[-3:]}")


async def type_until(wa: WhatsAppServer, user: WaUser, answer: str, fragment: str) -> None:
    """Type `answer` to each question until a message shows `fragment`."""
    for _ in range(30):
        seen = shown(wa, user)
        if any(fragment in text for text in seen):
            return
        await wa.send_text(user, answer)
        await wa.wait_received(user, len(seen) + 1, timeout=20)
    pytest.fail(f"{fragment!r} never came: {shown(wa, user)[-3:]}")


async def test_the_whole_check_by_tapping_in_dutch_and_by_typing_in_english(
    wa: WhatsAppServer, tmp_path: Path
) -> None:
    db = tmp_path / "bot.sqlite3"
    bot = WaBot(wa, db)
    await bot.start()
    sam = wa.user("Sammie van Oudwijk")
    alex = wa.user("Alexandra Whitfield", username="alexw", shares_phone=False)
    await wa.send_text(sam, "hoi")
    await wait_text(wa, sam, "Mag ik je een paar korte vragen stellen?")
    await tap_first_until(wa, sam, RESULT_NL)
    await wa.send_text(alex, "hi, I'm new in Utrecht and feel a bit alone")
    await wait_text(wa, alex, "Can I ask you a few short questions?")
    await type_until(wa, alex, "1", RESULT_EN)
    for person in (sam, alex):
        for message in wa.received(person):  # within WhatsApp's limits, or it would be refused
            assert wa.visible(message).type in ("text", "button", "list"), message
    assert not wa.errors_answered
    private([sam, alex], db, await stopped_cleanly(bot))


async def test_a_crisis_mid_check_gets_the_lines_at_once(
    wa: WhatsAppServer, tmp_path: Path
) -> None:
    bot = WaBot(wa, tmp_path / "bot.sqlite3")
    await bot.start()
    noor = wa.user("Noor")
    await wa.send_text(noor, "hoi")
    await wait_text(wa, noor, "Mag ik je een paar korte vragen stellen?")
    await wa.send_text(noor, "1")
    count = len(await wa.wait_received(noor, 2, timeout=20))
    await wa.send_text(noor, "ik weet het niet meer. zelfmoord lijkt de enige uitweg")
    await wait_text(wa, noor, CRISIS, after=count)
    # A photo's caption is read for safety first; a photo alone gets a kind "text only".
    count = len(shown(wa, noor))
    await wa.send_media(noor, "image", caption="ik wil dood")
    await wait_text(wa, noor, CRISIS, after=count)
    await stopped_cleanly(bot)


async def test_a_forged_or_missing_signature_is_refused_and_nothing_is_stored(
    wa: WhatsAppServer, tmp_path: Path
) -> None:
    db = tmp_path / "bot.sqlite3"
    bot = WaBot(wa, db)
    await bot.start()
    ria = wa.user("Ria")
    await wa.send_text(ria, "hoi")  # the bot is up once this is answered
    await wait_text(wa, ria, "Mag ik")
    await asyncio.sleep(0.5)  # the statuses of the welcome are in too
    stored = _rows(db)
    body = wa.text_envelope(ria, "dit mag nergens heen")
    raw = json.dumps(body).encode()
    forged = await wa.post_raw(bot.url, raw, signature=sign("not-the-app-secret", raw))
    missing = await wa.post_raw(bot.url, raw, signature=None)
    assert forged.status == 401
    assert missing.status == 401
    assert await wa.verify(bot.url, VERIFY, "4242") == (200, "4242")
    assert (await wa.verify(bot.url, "a wrong token", "4242"))[0] == 403
    await asyncio.sleep(0.5)
    assert _rows(db) == stored
    await stopped_cleanly(bot)
    assert len(shown(wa, ria)) == 1


def _rows(db: Path) -> tuple[int, int]:
    """Deliveries ever stored (their keys) and inbox rows ever made."""
    with sqlite3.connect(db) as conn:
        [(keys,)] = conn.execute("SELECT count(*) FROM seen_keys")
        [(inbox,)] = conn.execute(
            "SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'inbox'"
        )
    return int(keys), int(inbox)


async def test_a_message_delivered_twice_is_answered_once(
    wa: WhatsAppServer, tmp_path: Path
) -> None:
    bot = WaBot(wa, tmp_path / "bot.sqlite3")
    await bot.start()
    kim = wa.user("Kim")
    await wa.deliver_twice(kim, "hoi")
    await wait_text(wa, kim, "Mag ik")
    wa.webhook_faults(duplicate=True)
    await wa.send_text(kim, "1")
    await wa.wait_received(kim, 2, timeout=20)
    await asyncio.sleep(1.0)  # a second answer would have come by now
    assert len(shown(wa, kim)) == 2, shown(wa, kim)
    await stopped_cleanly(bot)


async def test_kill_9_in_the_middle_of_a_send_loses_nothing(
    wa: WhatsAppServer, tmp_path: Path
) -> None:
    db = tmp_path / "bot.sqlite3"
    bot = WaBot(wa, db)
    await bot.start()
    jip = wa.user("Jip")
    hold = wa.hold_next("messages")
    await wa.send_text(jip, "hoi")
    await asyncio.wait_for(hold.arrived.wait(), 20)
    code, _ = await bot.stop(signal.SIGKILL)
    assert code == -signal.SIGKILL
    hold.release(carry_out=False)  # the killed send never got through
    bot = WaBot(wa, db)
    await bot.start()
    await wait_text(wa, jip, "Mag ik je een paar korte vragen stellen?")
    await wa.send_text(jip, "1")
    await wa.wait_received(jip, 2, timeout=20)
    await stopped_cleanly(bot)


async def test_a_handoff_is_relayed_both_ways_through_the_staff_forum(
    wa: WhatsAppServer, server: BotApiServer, tmp_path: Path
) -> None:
    db = tmp_path / "bot.sqlite3"
    server.group(JOU, "JoU")
    ucentraal = server.group(UCENTRAAL, "U Centraal")
    daan = ucentraal.member(9002, "Daan")
    bot = WaBot(
        wa,
        db,
        server,
        OMARMT_CLOCK=WEDNESDAY,
        OMARMT_STAFF_CHAT_JOU=str(JOU),
        OMARMT_STAFF_CHAT_UCENTRAAL=str(UCENTRAAL),
    )
    await bot.start()
    lotte = wa.user("Lotte Vredenburg-Bakhuis")
    await wa.send_text(lotte, "hoi")
    await wait_text(wa, lotte, "Mag ik")
    count = len(shown(wa, lotte))
    await wa.send_text(lotte, "/praat")
    await wait_text(wa, lotte, "jongerenwerker van U Centraal", after=count)
    handoff = await handoff_in(server, ucentraal)
    assert handoff.card_says("WhatsApp")
    count = len(shown(wa, lotte))
    await wa.send_text(lotte, "hallo, is daar iemand?")
    await handoff.wait_said("hallo, is daar iemand?")
    daan.send_text("Hoi! Ik ben Daan. Vertel maar.", thread_id=handoff.thread_id)
    await wait_text(wa, lotte, "Ik ben Daan", after=count)
    # A day later the young person has not written: WhatsApp refuses free text now, and
    # the youth worker hears so in the topic instead of believing it arrived.
    wa.advance(hours=25)
    daan.send_text("Hoe gaat het nu met je?", thread_id=handoff.thread_id)
    await handoff.wait_said("24 uur")
    err = await stopped_cleanly(bot)
    private([lotte], db, err)
    for record in server.requests():
        sent = json.dumps(record.params, ensure_ascii=False, default=str)
        for needle in (lotte.wa_id, lotte.user_id, lotte.name):
            assert needle not in sent, (record.method, needle)


async def test_slow_answers_and_late_deliveries_still_give_one_reply_per_message(
    wa: WhatsAppServer, tmp_path: Path
) -> None:
    """Meta answers slowly, and webhooks come late and out of order (statuses among them):
    someone typing through the check still gets each reply once, and reaches the end."""
    wa.set_delay(0.3)
    wa.webhook_faults(delay=0.2, reorder=0.3)
    bot = WaBot(wa, tmp_path / "bot.sqlite3")
    await bot.start()
    ivo = wa.user("Ivo")
    await wa.send_text(ivo, "hoi")
    await wait_text(wa, ivo, "Mag ik je een paar korte vragen stellen?", within=30)
    await type_until(wa, ivo, "1", RESULT_NL)
    answered = len(shown(wa, ivo))
    await asyncio.sleep(1.5)  # a doubled reply would have come by now
    assert len(shown(wa, ivo)) == answered, shown(wa, ivo)[answered - 1 :]
    assert not wa.errors_answered
    await stopped_cleanly(bot)
