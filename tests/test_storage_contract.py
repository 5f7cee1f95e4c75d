"""The storage contract, on SQLite and on a real PostgreSQL server (`any_db`): inbox, outbox,
turns, handoffs and relay, keys, sealing. Every test here runs on both backends."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.crypto import Box, Pseudonymizer, derive_keys
from bot.engine.model import SessionState
from bot.startup import sole_writer
from bot.storage.base import Conn, Db, LeaseLostError
from bot.storage.handoffs import Card, Handoffs
from bot.storage.keys import WrongSecretError, rotate, unlock
from bot.storage.lease import Holder, LeaseHeldError, acquire, fence, release
from bot.storage.opening import open_db
from bot.storage.postgres import others_connected
from bot.storage.queues import Queues, Send

SECRET = "a-test-secret-that-is-long-enough-0123456789"
KEYS = derive_keys(SECRET)
BOX = Box(KEYS.box_key)
LANE = Pseudonymizer(KEYS.pseudonym_key)("telegram", 7340001)
OTHER = Pseudonymizer(KEYS.pseudonym_key)("telegram", 7340002)
NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
WORDS = "ik voel me zo alleen sinds de verhuizing"


def state(step: str = "djg_1") -> SessionState:
    return SessionState(conversation="c0ffee", status="active", lang="nl", step=step)


async def every_value(db: Db) -> bytes:
    """Every value of every table, as bytes: what someone with the database alone can read."""
    tables = [
        "sessions", "stats_events", "inbox", "outbox", "handoffs", "relay", "meta",
        "ended_topics", "seen_updates", "seen_keys",
    ]  # fmt: skip
    found = b""
    for table in tables:
        for row in await db.execute(f"SELECT * FROM {table}"):
            for value in row:
                found += (
                    bytes(value) if isinstance(value, bytes | memoryview) else str(value).encode()
                )
    return found


async def test_intake_stores_each_key_once_and_hands_rows_back_in_order(any_db: Db) -> None:
    queues = Queues(any_db, BOX)
    first = await queues.intake(
        [(101, LANE, b"een"), ("wamid-hash", OTHER, b"twee"), (102, LANE, b"drie")], 1.0
    )
    again = await queues.intake([(101, LANE, b"een"), ("wamid-hash", OTHER, b"twee")], 2.0)
    assert [item is not None for item in first] == [True, True, True]
    assert again == [None, None]
    pending = await queues.pending()
    assert [(i.lane, i.payload) for i in pending] == [
        (LANE, b"een"),
        (OTHER, b"twee"),
        (LANE, b"drie"),
    ]
    assert [i.id for i in pending] == sorted(i.id for i in pending)


async def test_two_processes_taking_in_the_same_update_store_it_once(
    any_db: Db, db_place: Path | str
) -> None:
    """Replicas behind one load balancer may both get a retried webhook."""
    async with open_db(db_place) as one, open_db(db_place) as two:
        updates = [(n, LANE, f"bericht {n}".encode()) for n in range(40)]
        a, b = await asyncio.gather(
            Queues(one, BOX).intake(updates, 1.0), Queues(two, BOX).intake(updates, 1.0)
        )
        stored = [x or y for x, y in zip(a, b, strict=True)]
        assert all(item is not None for item in stored)
        assert sum(item is not None for item in a + b) == 40
        assert len(await Queues(one, BOX).pending()) == 40


async def test_a_turn_commits_whole_or_not_at_all(any_db: Db) -> None:
    queues = Queues(any_db, BOX)
    [item] = await queues.intake([(1, LANE, WORDS.encode())], 1.0)
    assert item is not None

    def boom(conn: Conn) -> None:
        conn.execute("SELECT 1")
        raise RuntimeError

    with pytest.raises(RuntimeError):
        await queues.commit_turn(
            item.id, LANE, state(), NOW, [Send(LANE, 7340001, b'{"text": "hoi"}')], work=[boom]
        )
    assert await any_db.sessions(BOX).load(LANE) is None
    assert await queues.waiting() == 0
    assert [i.id for i in await queues.pending()] == [item.id]

    stored = await queues.commit_turn(
        item.id, LANE, state("djg_2"), NOW, [Send(LANE, 7340001, b'{"text": "hoi"}')]
    )
    assert [(s.chat_id, s.payload) for s in stored] == [(7340001, b'{"text": "hoi"}')]
    loaded = await any_db.sessions(BOX).load(LANE)
    assert loaded is not None
    assert loaded.step == "djg_2"
    assert await queues.pending() == []
    assert [(s.id, s.payload) for s in await queues.unsent()] == [
        (stored[0].id, b'{"text": "hoi"}')
    ]


async def test_the_outbox_retries_parks_and_forgets_what_was_sent(any_db: Db) -> None:
    queues = Queues(any_db, BOX)
    first, second = await queues.enqueue(
        [Send(LANE, 7340001, b"a"), Send("wa:" + OTHER, "wa-address", b"b")]
    )
    await queues.later(first.id, 123.5)
    await queues.park_send(second.id, 200.0)
    unsent = await queues.unsent()
    assert [(u.attempts, u.not_before, u.chat_id) for u in unsent] == [
        (1, 123.5, 7340001),
        (0, 0.0, "wa-address"),  # a parked send is tried afresh at the next start
    ]
    assert await queues.parked() == (0, 1)
    await queues.sent(first.id)
    await queues.discard([second.id])
    assert await queues.waiting() == 0


async def test_a_parked_update_is_kept_sealed_then_erased_by_retention(any_db: Db) -> None:
    queues = Queues(any_db, BOX)
    [item] = await queues.intake([(5, LANE, WORDS.encode())], 1.0)
    assert item is not None
    await queues.failed(item.id)
    [apology] = await queues.park(item.id, LANE, 50.0, [Send(LANE, 7340001, b"sorry")])
    assert apology.payload == b"sorry"
    assert await queues.pending() == []
    assert await queues.parked() == (1, 0)
    assert WORDS.encode() not in await every_value(any_db)
    assert await queues.purge_parked(before=60.0) == 1
    assert await queues.parked() == (0, 0)
    assert await queues.forget_seen(before=10.0) == 1


async def test_handoffs_relay_and_their_topics_on_both_databases(any_db: Db) -> None:
    store = Handoffs(any_db, BOX)
    card = Card("16-19", "nl", "Eenzaamheidscheck: matig eenzaam")
    await any_db.run(store.open_work("K7Q2", LANE, "jou", chat_id=7340001, card=card, now=100))
    assert await store.set_topic("K7Q2", 55, 56)
    await any_db.run(store.change_work("K7Q2", lambda c: replace(c, claimed_by="Fatima")))
    await store.relayed("K7Q2", [(57, 9), (58, 10)])
    assert await store.person_message("K7Q2", 58) == 10
    assert await store.staff_message("K7Q2", 9) == 57
    await store.mark_waited("K7Q2")
    row = await store.get("K7Q2")
    assert row is not None
    assert (row.chat_id, row.thread_id, row.card.claimed_by, row.waited) == (
        7340001, 55, "Fatima", True,
    )  # fmt: skip
    # A second handoff of the same person closes the first.
    await any_db.run(store.open_work("ZZ99", LANE, "jou", chat_id=7340001, card=card, now=200))
    old = await store.get("K7Q2")
    assert old is not None
    assert old.closed_at == 200
    assert [r.code for r in await store.all_known()] == ["K7Q2", "ZZ99"]
    assert await store.purge_closed(before=300) == 1
    assert await store.person_message("K7Q2", 58) is None
    assert [(t.code, t.thread_id) for t in await store.to_erase("jou")] == []
    # /vergeet: the open one goes too, and both topics are marked for deletion.
    await store.set_topic("ZZ99", 60, 61)
    await any_db.run(store.forget_work(LANE, 400))
    assert await store.all_known() == []
    assert sorted((t.code, t.reason) for t in await store.to_erase("jou")) == [
        ("K7Q2", "forgotten"),
        ("ZZ99", "forgotten"),
    ]
    await store.erased(["K7Q2", "ZZ99"])
    assert await store.to_erase("jou") == []
    found = await every_value(any_db)
    assert b"7340001" not in found
    assert b"Fatima" not in found
    assert b"matig" not in found


async def test_quiet_handoffs_are_erased_by_retention_busy_ones_kept(any_db: Db) -> None:
    store = Handoffs(any_db, BOX)
    queues = Queues(any_db, BOX)
    card = Card("16-19", "nl")
    await any_db.run(store.open_work("QUIE", LANE, "jou", chat_id=1, card=card, now=100))
    await any_db.run(store.open_work("BUSY", OTHER, "jou", chat_id=2, card=card, now=100))
    for code, thread in (("QUIE", 11), ("BUSY", 12)):
        await store.set_topic(code, thread, None)
    [item] = await queues.intake([(9, OTHER, b"nog iets")], 1.0)
    assert item is not None
    later = datetime.fromtimestamp(9000, UTC)
    await queues.commit_turn(item.id, OTHER, state(), later, [])
    codes, orgs = await store.erase_quiet(before=5000)
    assert (codes, orgs) == (["QUIE"], ["jou"])
    assert [r.code for r in await store.all_known()] == ["BUSY"]


async def test_keys_check_the_secret_and_rotation_reseals_everything(any_db: Db) -> None:
    await unlock(any_db, KEYS)
    await any_db.sessions(BOX).save(LANE, state(), NOW)
    with pytest.raises(WrongSecretError):
        await unlock(any_db, derive_keys("another-secret-that-is-long-enough-98765"))
    new = derive_keys("the-next-secret-that-is-long-enough-555555")
    assert await rotate(any_db, KEYS, new) == 1  # the one session
    reopened = await unlock(any_db, new)
    assert reopened.pseudonym_key == KEYS.pseudonym_key  # pseudonyms carry over
    loaded = await any_db.sessions(Box(new.box_key)).load(LANE)
    assert loaded is not None
    assert loaded.step == "djg_1"


async def test_two_processes_starting_at_once_get_one_lease(
    any_db: Db, db_place: Path | str
) -> None:
    """The lease is read and written in one serialized step: never two holders."""
    async with open_db(db_place) as one, open_db(db_place) as two:
        mine, theirs = Holder.me(), replace(Holder.me(), pid=1, host="elders", token="b" * 16)
        outcomes = await asyncio.gather(
            acquire(one, mine), acquire(two, theirs), return_exceptions=True
        )
        assert sorted(type(o).__name__ for o in outcomes) == ["LeaseHeldError", "NoneType"]
        assert any(isinstance(o, LeaseHeldError) for o in outcomes)


async def test_a_replica_taken_over_cannot_commit_a_turn(any_db: Db, db_place: Path | str) -> None:
    """Fencing: a leader that stalled past its lease and was taken over must not commit the
    turn the new leader handles too (that would answer twice, or out of order)."""
    async with open_db(db_place) as one, open_db(db_place) as two:
        old = Holder.me()
        await acquire(one, old)
        new = replace(Holder.me(), pid=1, host="elders", token="n" * 16)
        await acquire(two, new, stale=-1.0)  # the old one's last beat is too old now
        stalled, leader = Queues(one, BOX), Queues(two, BOX)
        stalled.fence, leader.fence = fence(old.token), fence(new.token)
        [item] = await stalled.intake([(1, LANE, WORDS.encode())], 1.0)
        assert item is not None
        reply = [Send(LANE, 7340001, b'{"text": "hoi"}')]
        with pytest.raises(LeaseLostError):
            await stalled.commit_turn(item.id, LANE, state(), NOW, reply)
        assert await one.sessions(BOX).load(LANE) is None
        assert await stalled.waiting() == 0
        await leader.commit_turn(item.id, LANE, state(), NOW, reply)
        assert await leader.pending() == []
        assert await leader.waiting() == 1


async def test_a_standby_does_not_lead_once_the_secret_was_rotated(
    any_db: Db, db_place: Path | str
) -> None:
    """Leading with the old keys would seal with them and open nothing new: it stops instead.
    And on PostgreSQL, `rotate-secret` sees the other Omarmt processes connected."""
    async with open_db(db_place) as mine, open_db(db_place) as theirs:
        # `any_db`'s own connection and `theirs`
        assert await others_connected(mine) == (2 if mine.backend == "postgresql" else 0)
        other = replace(Holder.me(), pid=1, host="elders", token="o" * 16)
        await unlock(theirs, KEYS)
        await acquire(theirs, other)
        stop = asyncio.Event()
        async with sole_writer(mine, KEYS, stop, wait=True) as lead:
            standing = asyncio.create_task(lead.take())
            await asyncio.sleep(0.3)
            assert not standing.done()  # the other one leads
            await rotate(theirs, KEYS, derive_keys("the-next-secret-that-is-long-enough-555555"))
            await release(theirs, other)
            assert await asyncio.wait_for(standing, 10) is False
            assert lead.wrong_secret
            assert stop.is_set()
