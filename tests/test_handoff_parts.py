"""The staff side's parts on their own: the group's pace and the stored handoffs."""

from __future__ import annotations

import itertools
import json
from dataclasses import replace
from pathlib import Path

from bot.channels.telegram.pace import GroupPace
from bot.crypto import Box, derive_keys
from bot.engine.model import CrisisMark
from bot.storage import Database
from bot.storage.handoffs import Card, Handoffs

SECRET = "a-test-secret-that-is-long-enough-0123456789"


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
        # After the grace period the closed one goes, with its relay pairs.
        assert await store.purge_closed(before=300) == 1
        assert await store.get("K7Q2") is None
        assert await store.person_message("K7Q2", 57) is None
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
