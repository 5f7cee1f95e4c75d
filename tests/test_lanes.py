"""Lane leases (`bot.storage.lanes`) on both databases: per person, one replica at a time, a
replica that is gone loses its lanes, and a handoff's lanes stay with the leader."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.crypto import Box, Pseudonymizer, derive_keys
from bot.engine.model import SessionState
from bot.storage.base import Db, LeaseLostError
from bot.storage.handoffs import Card, Handoffs
from bot.storage.lanes import LaneLeases
from bot.storage.lease import REPLICAS
from bot.storage.opening import open_db
from bot.storage.queues import Queues, Send

KEYS = derive_keys("a-test-secret-that-is-long-enough-0123456789")
BOX = Box(KEYS.box_key)
PEOPLE = [Pseudonymizer(KEYS.pseudonym_key)("telegram", 7340000 + n) for n in range(30)]
TIMING = REPLICAS
STALE = TIMING.stale


class Clock:
    """Time as a replica sees it, moved by the test."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def state() -> SessionState:
    return SessionState(conversation="c0ffee", status="active", lang="nl", step="djg_1")


async def waiting_for(db: Db, lanes: list[str]) -> Queues:
    queues = Queues(db, BOX)
    await queues.intake([(n, lane, b"hoi") for n, lane in enumerate(lanes)], 1.0)
    return queues


async def test_each_lane_with_work_goes_to_one_replica_when_three_claim_at_once(
    any_db: Db, db_place: Path | str
) -> None:
    await waiting_for(any_db, PEOPLE)
    async with open_db(db_place) as two, open_db(db_place) as three:
        replicas = [
            LaneLeases(db, token, TIMING)
            for db, token in ((any_db, "a" * 16), (two, "b" * 16), (three, "c" * 16))
        ]
        free = [await r.claimable(leader=False) for r in replicas]
        assert free == [sorted(PEOPLE)] * 3
        taken = await asyncio.gather(*(r.claim(PEOPLE, leader=False) for r in replicas))
        assert sorted(lane for lanes in taken for lane in lanes) == sorted(PEOPLE)
        # Held: nobody else may take them, nor may they see them as free.
        assert [await r.claimable(leader=True) for r in replicas] == [
            sorted(lanes) for lanes in taken
        ]
        for replica in replicas:
            assert await replica.claim(PEOPLE, leader=True) == sorted(
                next(lanes for lanes, r in zip(taken, replicas, strict=True) if r is replica)
            )


async def test_a_lane_only_free_of_work_is_not_offered(any_db: Db) -> None:
    queues = await waiting_for(any_db, PEOPLE[:1])
    [item] = await queues.pending()
    leases = LaneLeases(any_db, "a" * 16, TIMING)
    await leases.claim([item.lane], leader=False)
    queues.fence = leases.fence
    await queues.commit_turn(item.id, item.lane, state(), _now(), [])
    await leases.release([item.lane])
    assert await leases.claimable(leader=True) == []
    # Sends waiting count as work: a replica that died after committing left them.
    await queues.enqueue([Send(PEOPLE[1], 7340001, b'{"text": "hoi"}')])
    assert await leases.claimable(leader=False) == [PEOPLE[1]]


async def test_a_replica_gone_silent_loses_its_lanes_and_cannot_commit_after(
    any_db: Db, db_place: Path | str
) -> None:
    clock = Clock()
    queues = await waiting_for(any_db, PEOPLE[:1])
    [item] = await queues.pending()
    async with open_db(db_place) as other_db:
        stalled = LaneLeases(any_db, "s" * 16, TIMING, clock)
        taking = LaneLeases(other_db, "t" * 16, TIMING, clock)
        assert await stalled.claim([item.lane], leader=False) == [item.lane]
        clock.now += STALE / 2
        assert await taking.claim([item.lane], leader=True) == []  # still held
        assert await stalled.renew() == {item.lane}
        clock.now += STALE + 1  # no renewal since: the replica is gone, or stalled
        assert await taking.claimable(leader=False) == [item.lane]
        assert await taking.claim([item.lane], leader=False) == [item.lane]
        assert await stalled.renew() == set()  # it learns at its next beat
        old, new = Queues(any_db, BOX), Queues(other_db, BOX)
        old.fence, new.fence = stalled.fence, taking.fence
        with pytest.raises(LeaseLostError):
            await old.commit_turn(item.id, item.lane, state(), _now(), [])
        await new.commit_turn(item.id, item.lane, state(), _now(), [])
        assert await new.pending() == []


async def test_a_turn_renews_its_lane_so_a_claim_right_after_finds_it_taken(
    any_db: Db, db_place: Path | str
) -> None:
    clock = Clock()
    queues = await waiting_for(any_db, PEOPLE[:2])
    first, second = await queues.pending()
    async with open_db(db_place) as other_db:
        mine = LaneLeases(any_db, "m" * 16, TIMING, clock)
        theirs = LaneLeases(other_db, "o" * 16, TIMING, clock)
        await mine.claim([first.lane], leader=False)
        queues.fence = mine.fence
        clock.now += STALE - 1
        await queues.commit_turn(first.id, first.lane, state(), _now(), [])
        clock.now += 2  # past the claim's lease, within the turn's renewal
        await queues.intake([(99, first.lane, b"nog een")], 2.0)
        assert await theirs.claim([first.lane], leader=True) == []
        # A lane never claimed is no one's to commit on.
        with pytest.raises(LeaseLostError):
            await queues.commit_turn(second.id, second.lane, state(), _now(), [])


async def test_a_handoff_lane_is_the_leaders_and_a_lane_handed_on_is_pinned(
    any_db: Db, db_place: Path | str
) -> None:
    clock = Clock()
    await waiting_for(any_db, PEOPLE[:3])
    handed, in_handoff, plain = PEOPLE[:3]
    store = Handoffs(any_db, BOX)
    card = Card("16-19", "nl")
    await any_db.run(store.open_work("H1", in_handoff, "jou", chat_id=7340001, card=card, now=1))
    async with open_db(db_place) as leader_db:
        worker = LaneLeases(any_db, "w" * 16, TIMING, clock)
        leader = LaneLeases(leader_db, "l" * 16, TIMING, clock)
        assert await worker.claimable(leader=False) == sorted([handed, plain])
        assert await worker.claim([handed, in_handoff], leader=False) == [handed]
        await worker.to_leader(handed)  # its turn opens a handoff
        assert await worker.renew() == set()
        assert await worker.claimable(leader=False) == [plain]
        assert await worker.claim([handed], leader=False) == []
        assert await leader.claimable(leader=True) == sorted(PEOPLE[:3])
        assert sorted(await leader.claim(PEOPLE[:3], leader=True)) == sorted(PEOPLE[:3])
        # The leader gone, a new leader takes its lanes; a replica that does not lead, not.
        clock.now += STALE + 1
        assert await worker.claim([handed, in_handoff], leader=False) == []
        assert await worker.claim([plain], leader=False) == [plain]
        await leader.release([handed])  # given up idle: the pin goes with it
        assert await worker.claim([handed], leader=False) == [handed]


async def test_renew_release_and_fence_touch_only_this_replicas_lanes(
    any_db: Db, db_place: Path | str
) -> None:
    await waiting_for(any_db, PEOPLE[:4])
    async with open_db(db_place) as other_db:
        mine = LaneLeases(any_db, "m" * 16, TIMING)
        theirs = LaneLeases(other_db, "o" * 16, TIMING)
        await mine.claim(PEOPLE[:2], leader=False)
        await theirs.claim(PEOPLE[2:4], leader=False)
        await mine.release([PEOPLE[0], PEOPLE[2]])  # the other's stays the other's
        assert await mine.renew() == {PEOPLE[1]}
        assert await theirs.renew() == set(PEOPLE[2:4])
        await mine.to_leader(PEOPLE[3])
        assert await theirs.renew() == set(PEOPLE[2:4])


def _now() -> datetime:
    return datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


async def test_an_intake_tells_the_other_replicas_which_lanes_have_news(pg_url: str) -> None:
    """So a replica wakes for its own people's rows, not for every row of every replica."""
    async with open_db(pg_url) as listening, open_db(pg_url) as taking_in:
        mark = listening.news_mark()  # starts listening; its connection says "look" once
        await listening.wait_news(mark, 10)
        assert listening.heard() is None
        mark = listening.news_mark()
        await Queues(taking_in, BOX).intake([(1, PEOPLE[0], b"hoi"), (2, PEOPLE[1], b"ha")], 1.0)
        await Queues(taking_in, BOX).internal(PEOPLE[2], b'{"omarmt": "gone"}', 2.0)
        heard: set[str] = set()
        for _ in range(50):
            await listening.wait_news(mark, 0.2)
            mark = listening.news_mark()
            lanes = listening.heard()
            assert lanes is not None
            heard |= lanes
            if len(heard) == 3:
                break
        assert heard == set(PEOPLE[:3])


async def test_retention_erases_leases_a_dead_replica_left(any_db: Db) -> None:
    clock = Clock()
    await waiting_for(any_db, PEOPLE[:3])
    dead = LaneLeases(any_db, "d" * 16, TIMING, clock)
    await dead.claim(PEOPLE[:2], leader=False)
    clock.now += 3600
    alive = LaneLeases(any_db, "a" * 16, TIMING, clock)
    await alive.claim(PEOPLE[2:3], leader=False)
    clock.now += STALE + 1
    assert await alive.forget_stale(older_than=60) == 2
    assert await any_db.execute("SELECT lane FROM lanes") == [(PEOPLE[2],)]
