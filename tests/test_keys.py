"""The secret and the database (bot.storage.keys): the check value and rotating the secret."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.crypto import Box, DecryptError, Keys, Pseudonymizer, derive_keys
from bot.engine.model import SessionState
from bot.storage import Database
from bot.storage.handoffs import Card, Handoffs
from bot.storage.keys import WrongSecretError, rotate, unlock
from bot.storage.queues import Queues, Send

OLD = derive_keys("the-old-secret-of-this-database-0123456789")
NEW = derive_keys("the-new-secret-of-this-database-9876543210")
NOW = datetime(2026, 11, 25, 11, 0, tzinfo=UTC)
LANE = Pseudonymizer(OLD.pseudonym_key)("telegram", 7340001)


async def fill(db: Database) -> None:
    """One of everything sealed: a session, an inbox row, an outbox row, a handoff."""
    box = Box(OLD.box_key)
    await db.sessions(box).save(LANE, SessionState(conversation="c1", lang="nl"), NOW)
    queues = Queues(db, box)
    await queues.intake([(1, LANE, b'{"text": "ik wil dood"}')], 0)
    await queues.enqueue([Send(LANE, 7340001, b'{"text": "Bel 113"}')])
    card = Card("16-19", "nl", "matig eenzaam")
    await db.run(
        Handoffs(db, box).open_work("K7Q2", LANE, "jou", chat_id=7340001, card=card, now=1)
    )


async def everything(db: Database, keys: Keys) -> tuple[object, ...]:
    box = Box(keys.box_key)
    lane = Pseudonymizer(keys.pseudonym_key)("telegram", 7340001)
    queues = Queues(db, box)
    handoffs = await Handoffs(db, box).all_known()
    return (
        await db.sessions(box).load(lane),
        [(i.lane, i.payload) for i in await queues.pending()],
        [(i.lane, i.chat_id, i.payload) for i in await queues.unsent()],
        [(h.code, h.lane, h.chat_id, h.card) for h in handoffs],
    )


async def test_a_database_from_before_the_check_is_checked_against_its_rows(
    tmp_path: Path,
) -> None:
    async with Database.open(tmp_path / "db.sqlite3") as db:
        await fill(db)
        with pytest.raises(WrongSecretError):
            await unlock(db, NEW)
        assert await db.execute("SELECT * FROM meta") == []
        assert await unlock(db, OLD) == OLD
        # From now on the check value decides, whatever the rows.
        with pytest.raises(WrongSecretError):
            await unlock(db, NEW)


async def test_rotating_reseals_everything_and_keeps_the_pseudonyms(tmp_path: Path) -> None:
    async with Database.open(tmp_path / "db.sqlite3") as db:
        await fill(db)
        keys = await unlock(db, OLD)
        before = await everything(db, keys)
        assert all(before)

        assert await rotate(db, keys, NEW) == 6

        with pytest.raises(WrongSecretError):
            await unlock(db, OLD)
        after = await unlock(db, NEW)
        assert after.box_key == NEW.box_key
        assert after.pseudonym_key == OLD.pseudonym_key
        assert await everything(db, after) == before
        # Rotating on: the carried pseudonym key is carried again.
        third = derive_keys("a-third-secret-for-this-database-000000000")
        await rotate(db, after, third)
        assert await everything(db, await unlock(db, third)) == before


async def test_a_value_that_does_not_open_stops_the_rotation_with_nothing_changed(
    tmp_path: Path,
) -> None:
    async with Database.open(tmp_path / "db.sqlite3") as db:
        await fill(db)
        keys = await unlock(db, OLD)
        await db.execute("UPDATE outbox SET payload = x'0100'")
        rows = await db.execute("SELECT * FROM sessions")
        with pytest.raises(DecryptError):
            await rotate(db, keys, NEW)
        assert await db.execute("SELECT * FROM sessions") == rows
        assert await unlock(db, OLD) == keys
