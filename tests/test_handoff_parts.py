"""The staff side's parts on their own: the group's pace and the stored handoffs."""

from __future__ import annotations

import itertools
import json
from collections import deque
from dataclasses import replace
from pathlib import Path

from telegram.ext import ExtBot

from bot.channels.telegram.pace import GroupPace
from bot.channels.telegram.staff import Desk
from bot.channels.telegram.staff_send import StaffSender
from bot.crypto import Box, derive_keys
from bot.engine.model import CrisisMark
from bot.i18n import Catalogs
from bot.storage import Database
from bot.storage.handoffs import Card, Handoffs
from bot.storage.queues import OutboxItem
from tests.auxil.botapi import BotApiServer

SECRET = "a-test-secret-that-is-long-enough-0123456789"
JOU = -1001110000001


def sends_in_windows(times: list[float], window: float = 60.0) -> int:
    """The most sends in any window of `window` seconds."""
    return max(sum(1 for t in times if start <= t < start + window) for start in times)


def test_the_pace_never_lets_more_than_20_a_minute_through() -> None:
    pace = GroupPace()
    now, sent = 0.0, []
    for _ in range(100):
        wait = pace.wait(now)
        now += wait
        pace.record(now)
        sent.append(now)
    assert sends_in_windows(sent) <= 20
    # A burst goes at once, then the sends are spaced rather than stopped for a minute.
    assert sent[9] == 0.0
    assert max(b - a for a, b in itertools.pairwise(sent)) <= 60.0
    assert sent[-1] < 100 * 3.0 + 1


def test_the_pace_counts_operations_that_make_several_messages() -> None:
    pace = GroupPace()
    pace.record(0.0, 19)
    assert pace.wait(0.0, cost=3) > 0
    assert pace.wait(60.0, cost=3) == 0.0


async def test_handoffs_are_sealed_and_found_again(tmp_path: Path) -> None:
    box = Box(derive_keys(SECRET).box_key)
    path = tmp_path / "h.sqlite3"
    async with Database.open(path) as db:
        store = Handoffs(db, box)
        card = Card("16-19", "nl", "Eenzaamheidscheck: matig eenzaam", urgent=False)
        await db.run(store.open_work("K7Q2", "lane-a", "jou", chat_id=7340001, card=card, now=100))
        await store.set_topic("K7Q2", 55, 56)
        row = await store.get("K7Q2")
        assert row is not None
        assert (row.code, row.chat_id, row.thread_id, row.card_id) == ("K7Q2", 7340001, 55, 56)
        assert row.card == card
        await db.run(store.change_work("K7Q2", lambda c: replace(c, claimed_by="Fatima")))
        await store.relayed("K7Q2", [(57, 9)])
        assert await store.person_message("K7Q2", 57) == 9
        assert await store.staff_message("K7Q2", 9) == 57
        # A new handoff of the same person closes the old one.
        await db.run(store.open_work("ZZ99", "lane-a", "jou", chat_id=7340001, card=card, now=200))
        old = await store.get("K7Q2")
        assert old is not None
        assert old.closed_at == 200
        assert old.card.claimed_by == "Fatima"
        # After the grace period the closed one goes, with its relay pairs; its topic is
        # remembered (no chat id, no card) until it is deleted from the forum.
        assert await store.purge_closed(before=300) == 1
        assert await store.get("K7Q2") is None
        assert await store.person_message("K7Q2", 57) is None
        assert await db.execute("SELECT code, thread_id, erase FROM ended_topics") == [
            ("K7Q2", 55, None)
        ]
        await db.checkpoint()
    data = path.read_bytes()
    assert b"7340001" not in data
    assert b"Fatima" not in data
    assert b"matig" not in data


async def test_a_card_keeps_its_crisis_sign_and_old_cards_still_open(tmp_path: Path) -> None:
    box = Box(derive_keys(SECRET).box_key)
    async with Database.open(tmp_path / "h.sqlite3") as db:
        store = Handoffs(db, box)
        sign = CrisisMark(1_795_600_800, "abuse", "other", sexual=True)
        card = Card("16-19", "nl", None, urgent=True, crisis=sign)
        await db.run(store.open_work("K7Q2", "lane-a", "jou", chat_id=7, card=card, now=100))
        row = await store.get("K7Q2")
        assert row is not None
        assert row.card == card
        # A mid-handoff sign replaces the card's, as MarkUrgent asks.
        later = CrisisMark(1_795_604_400, "suicide")
        await db.run(store.change_work("K7Q2", lambda c: replace(c, crisis=later)))
        row = await store.get("K7Q2")
        assert row is not None
        assert row.card.crisis == later
        # A card sealed before cards had a crisis sign opens without one.
        old = json.dumps({"band": "20-24", "lang": "en", "summary": None, "urgent": True,
                          "claimed_by": None, "closed": False})  # fmt: skip
        await db.run(store.open_work("ZZ99", "lane-b", "jou", chat_id=8, card=card, now=200))
        await db.execute(
            "UPDATE handoffs SET info = ? WHERE code = ?",
            (box.seal(old.encode(), b"card:ZZ99"), "ZZ99"),
        )
        again = await store.get("ZZ99")
        assert again is not None
        assert again.card == Card("20-24", "en", None, urgent=True)


async def test_retention_deletes_the_topics_of_quiet_handoffs_open_ones_too(
    tmp_path: Path, server: BotApiServer, catalogs: Catalogs
) -> None:
    server.group(JOU, "JoU")
    box = Box(derive_keys(SECRET).box_key)
    card = Card("16-19", "nl")
    async with (
        Database.open(tmp_path / "h.sqlite3") as db,
        ExtBot(server.token, base_url=server.base_url) as bot,
    ):
        store = Handoffs(db, box)
        desk = Desk(store, {"jou": JOU})
        threads = {}
        # QUIE: open, nothing since 100. BUSY: open, its person wrote at 9000. ENDS: closed
        # at 150, past its grace period. All have a topic.
        for code, lane in (("QUIE", "lane-q"), ("BUSY", "lane-b"), ("ENDS", "lane-e")):
            await db.run(store.open_work(code, lane, "jou", chat_id=7, card=card, now=100))
            topic = await bot.create_forum_topic(JOU, code)
            threads[code] = topic.message_thread_id
            assert await store.set_topic(code, threads[code], None)
        await db.execute("INSERT INTO sessions VALUES ('lane-b', x'00', 9000)")
        await db.run(store.change_work("ENDS", lambda c: c, close_at=150))
        assert await store.purge_closed(before=200) == 1
        await desk.load()

        codes, orgs = await store.erase_quiet(before=5000)

        assert (codes, orgs) == (["QUIE"], ["jou"])
        assert [row.code for row in await store.all_known()] == ["BUSY"]
        [erase] = desk.erase_sends(orgs)
        sender = StaffSender(bot, desk, lambda m: catalogs.gettext("nl", m))
        item = OutboxItem(1, erase.lane, erase.chat_id, erase.payload)
        assert await sender.perform(item, deque([item]), 0.0) == []

        topics = server.topics(JOU)
        assert {code: topics[thread].deleted for code, thread in threads.items()} == {
            "QUIE": True, "BUSY": False, "ENDS": True,
        }  # fmt: skip
        notes = [m["text"] for m in server.sent_messages(JOU) if "message_thread_id" not in m]
        assert len(notes) == 2
        assert all("bewaartermijn" in note for note in notes)
        assert await db.execute("SELECT * FROM ended_topics") == []
        # Done once: a second erase finds nothing left to do.
        assert await sender.perform(item, deque([item]), 0.0) == []
        assert len(server.requests("deleteForumTopic")) == 2
