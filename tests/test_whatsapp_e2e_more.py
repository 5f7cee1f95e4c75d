"""More of WhatsApp end to end (issue #15): what a young person or a youth worker notices when
WhatsApp's limits bite, taps are old or forged, people send things that are not text, a wa.me
source link is used, a youth worker sends a photo, a delivery fails, the token is wrong, and
`omarmt run` is started for WhatsApp with Telegram settings present.

Each test runs `omarmt run` against the local Cloud API test server (tests/auxil/waapi.py).
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from tests.auxil.botapi import BotApiServer
from tests.auxil.e2e import texts, wait_said
from tests.auxil.wa_e2e import WaBot, shown, stopped_cleanly, stored, wait_text
from tests.auxil.waapi import WhatsAppServer
from tests.auxil.waapi_people import WaUser
from tests.test_handoff_e2e import UCENTRAAL, WEDNESDAY, handoff_in

WELCOME_NL = "Mag ik je een paar korte vragen stellen?"
TEXT_ONLY_NL = "Sorry, ik kan alleen tekst lezen. Wil je het typen?"
CRISIS = "113"
#: What a young person hears from a Telegram bot that is for youth workers only.
ELSEWHERE = "Omarmt is nu niet op Telegram"


async def welcomed(wa: WhatsAppServer, user: WaUser, text: str = "hoi") -> int:
    """The person writes and is welcomed (the bot may still be starting: a slow machine)."""
    wamid = await wa.send_text(user, text, wait=False)
    await wa.wait_delivered(wamid, timeout=30)
    return await wait_text(wa, user, WELCOME_NL)


async def tap(wa: WhatsAppServer, user: WaUser, choice: str) -> None:
    """Tap a reply button or pick a list row of the latest message that has `choice`."""
    if wa.visible(wa.received(user)[-1]).type == "list":
        await wa.pick_row(user, choice)
    else:
        await wa.tap_button(user, choice)


# --- 1. WhatsApp's rate limits --------------------------------------------------------------


async def test_quick_taps_under_a_strict_pair_rate_and_a_burst_still_get_every_reply_once(
    tmp_path: Path,
) -> None:
    """Two messages per second to one person, and a throughput burst on top: every question
    still comes, once, in order; the bot waits and retries rather than dropping any."""
    async with WhatsAppServer(pair_limit=(2, 1.0), throughput=None) as wa:
        bot = WaBot(wa, tmp_path / "bot.sqlite3")
        await bot.start()
        fenna = wa.user("Fenna")
        await welcomed(wa, fenna)
        wa.fail_next(2, code=130429)  # the number's throughput is used up for a moment
        # She taps the first answer of each question as soon as it shows, three times.
        started = time.monotonic()
        for _ in range(3):
            count = len(shown(wa, fenna))
            await tap(wa, fenna, wa.visible(wa.received(fenna)[-1]).ids[0])
            await wa.wait_received(fenna, count + 1, timeout=20)
            if count == 1:  # a moment's burst costs her a few seconds, not ten
                assert time.monotonic() - started < 7.0  # it was 15 s
        await asyncio.sleep(0.5)  # anything sent twice would have come by now
        seen = shown(wa, fenna)
        assert len(seen) == 4, seen
        assert len(set(seen)) == len(seen), seen  # no reply twice
        refused = {call.answer["error"]["code"] for call in wa.errors_answered}
        assert refused <= {130429, 131056}, refused
        await stopped_cleanly(bot)


# --- 2. Forged and stale taps ---------------------------------------------------------------


async def forged_and_stale_taps_get_a_kind_re_ask(wa: WhatsAppServer) -> None:
    mo = wa.user("Mo")
    await welcomed(wa, mo)
    welcome = wa.outbound(mo)[-1]
    await tap(wa, mo, welcome.visible.ids[0])
    await wa.wait_received(mo, 2, timeout=20)
    question = wa.outbound(mo)[-1]
    assert question.visible.type == "list", shown(wa, mo)  # how old are you: 7 choices
    asked = question.visible.text
    attempts: list[Callable[[], Awaitable[str]]] = [
        # A forged button id, on the question itself.
        lambda: wa.tap_button(mo, "1|nonsense|x", "Ja", message_id=question.id),
        # A row of the welcome, picked again now that the check is further.
        lambda: wa.pick_row(mo, welcome.visible.ids[0], "Ja", message_id=welcome.id),
        # A list row that was never offered, and one that is not even our format.
        lambda: wa.pick_row(mo, "1|nonsense|x", "Iets", message_id=question.id),
        lambda: wa.pick_row(mo, "' OR 1=1; --" * 10, "Iets", message_id=question.id),
    ]
    for attempt in attempts:
        count = len(shown(wa, mo))
        await attempt()
        await wa.wait_received(mo, count + 1, timeout=20)
        again = wa.outbound(mo)[-1].visible
        assert asked in again.text, shown(wa, mo)[count:]  # the same question, asked again
        assert again.ids == question.visible.ids, again
    # The re-asked question still works.
    count = len(shown(wa, mo))
    await wa.pick_row(mo, question.visible.ids[0])
    await wa.wait_received(mo, count + 1, timeout=20)
    assert asked not in shown(wa, mo)[-1]


# --- 3. What is not text --------------------------------------------------------------------


#: What a shared location and contact card said: never stored.
SHARED = ("Padualaan", "Hogeschool", "52.0861", "Kimberley", "98765432", "poll")


async def what_is_not_text_gets_text_only_and_a_reaction_nothing(wa: WhatsAppServer) -> None:
    """A young person who shares where they are or a friend's card is told, kindly, that the
    bot reads only text; none of it is kept. A thumbs-up on a message is not a question: it
    gets no answer (an answer to an emoji would feel like a machine that did not listen)."""
    ilse = wa.user("Ilse")
    await welcomed(wa, ilse)
    sends: list[Callable[[], Awaitable[str]]] = [
        lambda: wa.send_location(ilse, 52.0861, 5.1673, name="Hogeschool", address="Padualaan 99"),
        lambda: wa.send_contacts(ilse, "Kimberley Zonneveld", "+31 6 98765432"),
        lambda: wa.send_media(ilse, "sticker"),
        lambda: wa.send_unsupported(ilse, "poll"),
    ]
    for send in sends:
        count = len(shown(wa, ilse))
        await send()
        await wait_text(wa, ilse, TEXT_ONLY_NL, after=count)
    count = len(shown(wa, ilse))
    await wa.send_reaction(ilse, wa.outbound(ilse)[-1].id)
    await wa.send_reaction(ilse, wa.outbound(ilse)[-1].id, "")  # and takes it back
    await wa.send_text(ilse, "1")  # the conversation goes on where it was
    await wa.wait_received(ilse, count + 1, timeout=20)
    await asyncio.sleep(0.5)
    assert len(shown(wa, ilse)) == count + 1, shown(wa, ilse)[count:]
    assert TEXT_ONLY_NL not in shown(wa, ilse)[-1]


# --- 4. A wa.me source link -----------------------------------------------------------------


def _started(db: Path) -> list[dict[str, str]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT data FROM stats_events WHERE name = 'conversation_started' ORDER BY id"
        ).fetchall()
    return [json.loads(data) for (data,) in rows]


async def a_source_code_starts_once(wa: WhatsAppServer) -> None:
    """wa.me/<number>?text=poster: the poster's QR code opens WhatsApp with "poster" typed."""
    pien = wa.user("Pien")
    await welcomed(wa, pien, "poster")
    await tap(wa, pien, wa.visible(wa.received(pien)[-1]).ids[0])
    count = len(await wa.wait_received(pien, 2, timeout=20))
    asked = shown(wa, pien)[-1]
    await wa.send_text(pien, "Poster")  # the same word later is an answer, not a new start
    await wa.wait_received(pien, count + 1, timeout=20)
    await asyncio.sleep(0.3)
    assert not any(WELCOME_NL in text for text in shown(wa, pien)[count:]), shown(wa, pien)
    assert asked.split("\n")[0] in shown(wa, pien)[-1]  # still the same question


async def test_odd_taps_things_that_are_not_text_and_a_source_link_at_once(
    wa: WhatsAppServer, tmp_path: Path
) -> None:
    """Three young people at the same time on one bot (one start keeps the suite fast): Mo's
    taps are forged or stale, Ilse sends all but text, Pien came through a poster's link."""
    db = tmp_path / "bot.sqlite3"
    bot = WaBot(wa, db)
    await bot.start()
    await asyncio.gather(
        forged_and_stale_taps_get_a_kind_re_ask(wa),
        what_is_not_text_gets_text_only_and_a_reaction_nothing(wa),
        a_source_code_starts_once(wa),
    )
    log = await stopped_cleanly(bot)
    raw = stored(db)
    for needle in SHARED:
        assert needle.encode() not in raw, needle
        assert needle not in log, needle
    # After a clean stop the statistics say where each conversation began: only Pien's at
    # the poster, the same word later did not count again.
    sources = sorted((s["source"], s.get("channel")) for s in _started(db))
    assert sources == [("none", "whatsapp"), ("none", "whatsapp"), ("poster", "whatsapp")]


# --- 5. A youth worker's photo and voice note -----------------------------------------------


async def test_a_youth_workers_photo_and_voice_note_arrive_uploaded_and_a_too_big_file_is_said(
    wa: WhatsAppServer, server: BotApiServer, tmp_path: Path
) -> None:
    ucentraal = server.group(UCENTRAAL, "U Centraal")
    daan = ucentraal.member(9002, "Daan")
    bot = WaBot(
        wa,
        tmp_path / "bot.sqlite3",
        server,
        OMARMT_CLOCK=WEDNESDAY,
        OMARMT_STAFF_CHAT_UCENTRAAL=str(UCENTRAAL),
    )
    await bot.start()
    lotte = wa.user("Lotte")
    await welcomed(wa, lotte)
    count = len(shown(wa, lotte))
    await wa.send_text(lotte, "/praat")
    await wait_text(wa, lotte, "jongerenwerker van U Centraal", after=count)
    handoff = await handoff_in(server, ucentraal)
    count = len(wa.received(lotte))
    daan.send_photo("Zo ziet onze ruimte eruit", thread_id=handoff.thread_id)
    daan.send_voice(thread_id=handoff.thread_id)

    def media() -> list[dict[str, Any]]:
        got = [m for m in wa.received(lotte)[count:] if m["type"] in ("image", "audio")]
        return got if len(got) == 2 else []

    photo, voice = await wa.wait_for(media, 20)
    got = wa.received(lotte)[count:]
    assert photo["type"] == "image", photo
    assert voice["type"] == "audio", voice
    for message in (photo, voice):
        media_id = message[message["type"]]["id"]  # uploaded, not a link to Telegram
        assert media_id in wa.media, message
    assert wa.media[photo["image"]["id"]][0].startswith("image/")
    assert wa.media[voice["audio"]["id"]][0].startswith("audio/")
    caption = photo["image"]["caption"]
    assert "Zo ziet onze ruimte eruit" in caption
    assert "U Centraal" in caption  # who speaks: the organisation, as on Telegram
    for message in got:
        sent = json.dumps(message, ensure_ascii=False)
        assert "Daan" not in sent, sent
        assert "9002" not in sent, sent
        assert server.token not in sent
    # Telegram will not hand out a file over 20 MB: Daan hears that Lotte did not get it,
    # and what he writes next still arrives.
    server.fail_next("getFile", 100, 400, "Bad Request: file is too big")
    daan.send_video("Kijk deze even", thread_id=handoff.thread_id)
    await handoff.wait_said("niet doorgestuurd")
    count = len(shown(wa, lotte))
    daan.send_text("Lukt het zo wel?", thread_id=handoff.thread_id)
    await wait_text(wa, lotte, "Lukt het zo wel?", after=count)
    assert not any(m["type"] == "video" for m in wa.received(lotte))
    await stopped_cleanly(bot)


# --- 6. A failed delivery -------------------------------------------------------------------


async def test_a_retryable_failed_status_sends_again_once_and_a_final_one_does_not(
    tmp_path: Path,
) -> None:
    async with WhatsAppServer(pair_limit=None, statuses=False) as wa:
        bot = WaBot(wa, tmp_path / "bot.sqlite3")
        await bot.start()
        roos = wa.user("Roos")
        await welcomed(wa, roos)
        first = wa.outbound(roos)[-1]
        wa.status(first.id, "sent")
        wa.status(first.id, "failed", code=131000)  # something went wrong at Meta
        await wa.wait_received(roos, 2, timeout=20)
        again = wa.outbound(roos)[-1]
        assert again.visible.text == first.visible.text
        assert again.id != first.id
        wa.status(again.id, "failed", code=131000)  # a status may come twice
        wa.status(first.id, "failed", code=131000)
        await asyncio.sleep(0.8)
        assert len(wa.received(roos)) == 3  # tried again for the new failure only
        # Not on WhatsApp (any more): never again.
        last = wa.outbound(roos)[-1]
        wa.status(last.id, "failed", code=131026)
        await asyncio.sleep(0.8)
        assert len(wa.received(roos)) == 3
        await stopped_cleanly(bot)


# --- 7. A wrong access token ----------------------------------------------------------------


def _outbox_rows(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        [(count,)] = conn.execute("SELECT count(*) FROM outbox")
    return int(count)


async def test_a_wrong_token_is_one_clear_log_line_and_the_replies_wait_for_the_right_one(
    wa: WhatsAppServer, tmp_path: Path
) -> None:
    db = tmp_path / "bot.sqlite3"
    wrong = "EAAwrongTokenThatMetaRefuses0987654321"
    bot = WaBot(wa, db, OMARMT_WHATSAPP_TOKEN=wrong)
    await bot.start()
    nina, ravi = wa.user("Nina"), wa.user("Ravi")
    await wa.send_text(nina, "hoi", wait=False)
    await wa.send_text(ravi, "hallo", wait=False)
    await wa.send_text(nina, "is daar iemand?", wait=False)
    await wa.wait_for(lambda: len(wa.errors_answered) >= 3, 40)
    await asyncio.sleep(0.5)
    err = await stopped_cleanly(bot)
    assert not wa.received(nina)
    assert not wa.received(ravi)
    said = [line for line in err.splitlines() if "OMARMT_WHATSAPP_TOKEN" in line]
    assert len(said) == 1, err
    assert wrong not in err
    assert wa.token not in err
    assert _outbox_rows(db) >= 3  # kept, sealed, for the next start
    # The operator puts the right token in and starts the bot again: everything goes at once.
    bot = WaBot(wa, db)
    await bot.start()
    await wait_text(wa, nina, WELCOME_NL, within=30)
    await wait_text(wa, ravi, WELCOME_NL)
    await wa.wait_received(nina, 2, timeout=20)
    await stopped_cleanly(bot)
    assert _outbox_rows(db) == 0


# --- 8. `omarmt run --channel whatsapp` -----------------------------------------------------


async def test_run_for_whatsapp_keeps_telegram_for_youth_workers_only(
    wa: WhatsAppServer, server: BotApiServer, tmp_path: Path
) -> None:
    """The organisation moved its young people to WhatsApp; the Telegram bot stays for the
    youth workers' forums. Someone who still writes to it privately gets no check, no
    welcome: it is not their channel now. But nobody is left unanswered: a message gets the
    lines where real people listen, and a crisis sign the crisis reply (every text goes
    through the crisis check first). A plain message leaves nothing stored."""
    server.group(UCENTRAAL, "U Centraal")
    bot = WaBot(
        wa,
        tmp_path / "bot.sqlite3",
        server,
        OMARMT_CLOCK=WEDNESDAY,
        OMARMT_STAFF_CHAT_UCENTRAAL=str(UCENTRAAL),
    )
    await bot.start("--channel", "whatsapp")
    tess = server.user(7340011, "Tess", language_code="nl")
    tess.send_text("/start")
    tess.send_text("hoi")
    bo = wa.user("Bo")
    await welcomed(wa, bo)  # the bot runs
    await server.wait_sent(tess.id, 2, timeout=20)
    elsewhere = texts(server, tess.id)
    assert all(ELSEWHERE in text and CRISIS in text for text in elsewhere), elsewhere
    tess.send_text("ik wil niet meer leven")
    await wait_said(
        server, tess.id, CRISIS, after=max(m["message_id"] for m in server.sent_messages(tess.id))
    )
    await asyncio.sleep(0.5)
    assert len(texts(server, tess.id)) == 3, texts(server, tess.id)
    assert ELSEWHERE not in texts(server, tess.id)[2]
    await stopped_cleanly(bot)
    with sqlite3.connect(tmp_path / "bot.sqlite3") as conn:
        [(conversations,)] = conn.execute("SELECT count(*) FROM sessions")
    assert conversations == 2  # Bo's, and the crisis reply's (a sign is remembered); no "hoi"


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        ("OMARMT_WHATSAPP_LISTEN", "nonsense"),
        ("OMARMT_WHATSAPP_LISTEN", "127.0.0.1:99999"),
        ("OMARMT_WHATSAPP_APP_SECRET", ""),
        ("OMARMT_WHATSAPP_API_URL", "ftp://graph.example"),
    ],
)
async def test_run_for_whatsapp_with_a_missing_or_malformed_setting_says_so_in_one_line(
    wa: WhatsAppServer, server: BotApiServer, tmp_path: Path, setting: str, value: str
) -> None:
    bot = WaBot(wa, tmp_path / "bot.sqlite3", server, **{setting: value})
    if not value:
        del bot.env[setting]
    await bot.start("--channel", "whatsapp")
    assert bot.proc is not None
    _, raw = await asyncio.wait_for(bot.proc.communicate(), 30)
    err = raw.decode()
    assert bot.proc.returncode == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("omarmt: "), err
    assert setting in lines[0], err
    assert not (tmp_path / "bot.sqlite3").exists()
