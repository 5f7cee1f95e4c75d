"""The Telegram channel in operation (issue #14): loops that survive faults, failed turns retried
in order and then parked, 429s that pause all sending, staff groups that refuse, files that do
not go to staff. In-process against the local Bot API server, on real SQLite files."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, ClassVar

import pytest
from telegram.ext import ExtBot

from bot import cli
from bot.channels.pipeline import core
from bot.channels.pipeline.liveness import Liveness, heartbeat_path
from bot.channels.telegram import runner
from bot.channels.telegram.runner import StuckError, TelegramChannel
from bot.channels.telegram.staff import Desk
from bot.crypto import Box, Pseudonymizer, derive_keys
from bot.engine import Engine
from bot.safety import detect
from bot.storage import BufferedStats, Database
from bot.storage.handoffs import Handoffs
from bot.storage.queues import Queues
from tests.auxil.botapi import BotApiServer, Group, User
from tests.auxil.engine import make_engine

KEYS = derive_keys("a-faults-test-secret-long-enough-for-omarmt")
PSEUDONYMIZE = Pseudonymizer(KEYS.pseudonym_key)
JOU, UCENTRAAL = -1001110000001, -1002220000002
WELCOME = "Mag ik je een paar korte vragen"
NO_FILES = "Ik kan geen bestanden doorgeven; stuur het als foto of typ het."


@dataclass
class Running:
    """A channel running in this process, and what a test needs to poke at it."""

    server: BotApiServer
    channel: TelegramChannel
    db: Database
    queues: Queues
    stop: asyncio.Event
    task: asyncio.Task[None]
    groups: dict[str, Group] = field(default_factory=dict)

    async def finish(self) -> None:
        self.stop.set()
        await asyncio.wait_for(self.task, 20)


@asynccontextmanager
async def channel_on(
    server: BotApiServer,
    path: Path,
    engine: Engine,
    *,
    staff: dict[str, int] | None = None,
    queues: Callable[[Database, Box], Queues] = Queues,
    **options: Any,
) -> AsyncIterator[Running]:
    """`TelegramChannel.run` on the database at `path`, stopped (cleanly) at the end."""
    async with Database.open(path) as db:
        bot: ExtBot[None] = ExtBot(server.token, base_url=server.base_url)
        async with bot:
            box = Box(KEYS.box_key)
            store = queues(db, box)
            desk = Desk(Handoffs(db, box), staff) if staff else None
            engine.staff_orgs = frozenset(staff or ())
            channel = TelegramChannel(
                bot,
                engine=engine,
                sessions=db.sessions(box),
                queues=store,
                stats=BufferedStats(db.stats()),
                pseudonymize=PSEUDONYMIZE,
                is_crisis=lambda text: detect(text) is not None,
                desk=desk,
                **options,
            )
            stop = asyncio.Event()
            task = asyncio.create_task(channel.run(stop))
            running = Running(server, channel, db, store, stop, task)
            yield running
            if not task.done():
                await running.finish()


@pytest.fixture
def fresh_engine(root: Path) -> Engine:
    """An engine of this test's own (tests change its staff organisations)."""
    return make_engine(root)


@pytest.fixture
def fast_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retries after 50 ms instead of 0.5, 1, 2, ... s."""
    monkeypatch.setattr(runner, "_backoff", lambda failures, cap=30.0: 0.05)
    monkeypatch.setattr(core, "_backoff", lambda failures, cap=30.0: 0.05)


def texts_to(server: BotApiServer, user: User) -> list[str]:
    return [m.get("text") or "" for m in server.sent_messages(user.chat_id)]


def count(server: BotApiServer, user: User, fragment: str) -> int:
    return sum(fragment in text for text in texts_to(server, user))


async def said(server: BotApiServer, user: User, fragment: str, within: float = 15) -> None:
    try:
        await server.wait_for(lambda: count(server, user, fragment) > 0, within)
    except TimeoutError:
        pytest.fail(f"{fragment!r} not said within {within} s: {texts_to(server, user)}")


class FailingOnce(Queues):
    """Queues whose named methods raise once, as a full disk or a bug would."""

    failing: ClassVar[set[str]] = set()

    def __getattribute__(self, name: str) -> Any:
        value = super().__getattribute__(name)
        failing = type(self).failing
        if name in failing:
            failing.discard(name)

            async def fail(*_args: object, **_kwargs: object) -> Any:
                raise RuntimeError("injected fault with a secret text: ik wil niet meer leven")

            return fail
        return value


# --- 1. every loop survives any exception --------------------------------------------------


async def test_a_fault_in_polling_in_a_turn_and_in_sending_stops_none_of_them(
    server: BotApiServer,
    tmp_path: Path,
    fresh_engine: Engine,
    fast_retries: None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    FailingOnce.failing = {"intake", "commit_turn", "later"}
    server.fail_next("sendMessage", 1, error_code=500)  # the retry's `later` then fails too
    async with channel_on(server, tmp_path / "f.sqlite3", fresh_engine, queues=FailingOnce) as r:
        anna = server.user(8101, "Anna")
        anna.send_text("hoi")  # intake fails once, then its turn, then its send's retry note
        await said(server, anna, WELCOME)
        assert FailingOnce.failing == set()
        bo = server.user(8102, "Bo")
        bo.send_text("hoi")  # polling, lanes and senders all still go
        await said(server, bo, WELCOME)
        await asyncio.sleep(0.3)
        assert count(server, anna, WELCOME) == 1
        await r.finish()
    logged = caplog.text
    for place in ("polling failed (RuntimeError", "a turn failed (RuntimeError"):
        assert place in logged, logged
    assert "sending failed (RuntimeError" in logged, logged
    assert "niet meer leven" not in logged
    assert str(anna.id) not in logged


async def test_housekeeping_and_the_handoff_watcher_go_on_after_a_fault(
    server: BotApiServer,
    tmp_path: Path,
    fresh_engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = {"flush": 0, "all_known": 0}
    flush, all_known = BufferedStats.flush, Handoffs.all_known

    async def flaky_flush(self: BufferedStats) -> None:
        calls["flush"] += 1
        if calls["flush"] == 1:
            raise OSError("disk full")
        await flush(self)

    async def flaky_all_known(self: Handoffs) -> Any:
        calls["all_known"] += 1
        if calls["all_known"] == 2:  # the first call is the desk's load at start
            raise OSError("disk full")
        return await all_known(self)

    monkeypatch.setattr(BufferedStats, "flush", flaky_flush)
    monkeypatch.setattr(Handoffs, "all_known", flaky_all_known)
    server.group(UCENTRAAL, "U Centraal")
    async with channel_on(
        server,
        tmp_path / "h.sqlite3",
        fresh_engine,
        staff={"ucentraal": UCENTRAAL},
        housekeeping_every=0.05,
        handoff_wait=timedelta(seconds=1),
    ):
        await server.wait_for(lambda: calls["flush"] >= 3 and calls["all_known"] >= 4, 10)


async def test_a_loop_that_makes_no_progress_ends_the_run_and_the_heartbeat_stops(
    server: BotApiServer, tmp_path: Path, fresh_engine: Engine
) -> None:
    beat = heartbeat_path(tmp_path / "s.sqlite3")
    server.fail_next("getUpdates", times=10_000, error_code=502)
    started = time.monotonic()
    async with channel_on(
        server,
        tmp_path / "s.sqlite3",
        fresh_engine,
        liveness=Liveness(beat, stall_after=1.5),
        beat_every=0.1,
    ) as running:
        with pytest.raises(StuckError, match="polling"):
            await asyncio.wait_for(running.task, 15)
    assert time.monotonic() - started < 10
    assert beat.exists()  # touched while it was still trying


def test_the_health_command_reads_the_heartbeat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("OMARMT_DB", str(tmp_path / "omarmt.sqlite3"))
    beat = heartbeat_path(tmp_path / "omarmt.sqlite3")
    assert cli.main(["health"]) == 1  # never started
    beat.touch()
    assert cli.main(["health"]) == 0
    old = time.time() - 600
    os.utime(beat, (old, old))
    assert cli.main(["health"]) == 1  # stuck, or gone


# --- 2. a failed turn: retried before later updates, then parked ---------------------------


def failing_on(engine: Engine, text: str, times: int) -> list[str]:
    """Make the engine fail on `text` `times` times (a bug); returns the texts it was given."""
    handle = engine.handle
    seen: list[str] = []

    def flaky(state: Any, event: Any) -> Any:
        said = str(getattr(event, "text", ""))
        seen.append(said)
        if said == text and seen.count(text) <= times:
            raise ValueError("a bug")
        return handle(state, event)

    engine.handle = flaky  # type: ignore[method-assign]
    return seen


async def test_a_failed_turn_is_tried_again_before_the_persons_next_message(
    server: BotApiServer, tmp_path: Path, fresh_engine: Engine
) -> None:
    seen = failing_on(fresh_engine, "hoi", times=2)
    async with channel_on(server, tmp_path / "r.sqlite3", fresh_engine):
        sam = server.user(8201, "Sam")
        sam.send_text("hoi")
        sam.send_text("ja")
        await said(server, sam, "(Ja, dat is goed)")
    assert seen == ["hoi", "hoi", "hoi", "ja"]
    sent = texts_to(server, sam)
    asked = next(i for i, text in enumerate(sent) if WELCOME in text)
    noted = next(i for i, text in enumerate(sent) if "(Ja, dat is goed)" in text)
    assert asked < noted  # "hoi" was answered first, though it failed twice
    assert count(server, sam, WELCOME) == 1


async def test_a_turn_that_always_fails_is_parked_with_an_apology_and_not_replayed(
    server: BotApiServer, tmp_path: Path, fresh_engine: Engine, fast_retries: None
) -> None:
    seen = failing_on(fresh_engine, "kapot", times=1_000)
    path = tmp_path / "p.sqlite3"
    sam = server.user(8301, "Sam")
    async with channel_on(server, path, fresh_engine) as running:
        sam.send_text("kapot")
        sam.send_text("hoi")
        await said(server, sam, "er ging bij mij iets mis")
        await said(server, sam, WELCOME)
        assert seen.count("kapot") == runner.TURN_TRIES
        sorry = next(t for t in texts_to(server, sam) if "er ging bij mij iets mis" in t)
        assert "113" in sorry  # the help lines
        assert await running.queues.parked() == (1, 0)
        assert await running.queues.pending() == []
    async with channel_on(server, path, fresh_engine) as running:  # a restart
        sam.send_text("ja")
        await said(server, sam, "(Ja, dat is goed)")
        assert seen.count("kapot") == runner.TURN_TRIES  # not replayed
        # Retention erases it: sealed until then, gone after.
        assert await running.queues.purge_parked(time.time() + 1) == 1
        assert await running.queues.parked() == (0, 0)


# --- 6. a 429 pauses all sending; buttons in groups are answered -------------------------


async def test_a_429_pauses_all_sending_not_just_that_persons(
    server: BotApiServer, tmp_path: Path, fresh_engine: Engine
) -> None:
    anna, bo = server.user(8401, "Anna"), server.user(8402, "Bo")
    async with channel_on(server, tmp_path / "q.sqlite3", fresh_engine):
        server.fail_next("sendMessage", 1, error_code=429, retry_after=2, chat_id=anna.chat_id)
        anna.send_text("hoi")
        refused = await server.wait_for(
            lambda: [r for r in server.requests("sendMessage") if r.status == 429]
        )
        bo.send_text("hoi")
        await said(server, bo, WELCOME)
        await said(server, anna, WELCOME)
    bo_first = next(r for r in server.requests("sendMessage", chat_id=bo.chat_id) if r.ok)
    assert bo_first.time - refused[0].time >= 1.8  # Bo waited out Anna's 429 too


async def test_a_button_pressed_in_a_group_is_answered_and_otherwise_ignored(
    server: BotApiServer, tmp_path: Path, fresh_engine: Engine
) -> None:
    member = server.user(8501, "Kim")
    server.state.callback_queries["77"] = False
    group = {"id": -1009990000001, "type": "supergroup", "title": "Ergens"}
    server.inject(
        {
            "callback_query": {
                "id": "77",
                "from": member.user,
                "chat_instance": "5",
                "data": "1|consent|yes",
                "message": {"message_id": 3, "date": 1, "chat": group, "text": "?"},
            }
        }
    )
    async with channel_on(server, tmp_path / "g.sqlite3", fresh_engine):
        await server.wait_for(lambda: server.state.callback_queries["77"], 10)
    assert not server.requests("sendMessage")


# --- 3 and 5. staff groups that refuse; files -------------------------------------------


async def ask_for_a_person(server: BotApiServer, user: User) -> None:
    user.send_text("hoi")
    await said(server, user, WELCOME)
    user.send_text("/praat")


async def test_a_staff_group_without_topic_rights_is_named_at_start_and_skipped(
    server: BotApiServer,
    tmp_path: Path,
    fresh_engine: Engine,
    caplog: pytest.LogCaptureFixture,
) -> None:
    jou = server.group(JOU, "JoU")
    server.group(UCENTRAAL, "U Centraal").set_bot_rights(can_manage_topics=False)
    staff = {"jou": JOU, "ucentraal": UCENTRAAL}
    async with channel_on(server, tmp_path / "c.sqlite3", fresh_engine, staff=staff):
        sam = server.user(8601, "Sam")
        await ask_for_a_person(server, sam)  # no age: U Centraal's, were it available
        await said(server, sam, "jongerenwerker van JoU")
        await server.wait_for(lambda: server.topics(jou.chat_id), 10)
    assert not server.requests("createForumTopic", chat_id=UCENTRAAL)
    lines = [r.getMessage() for r in caplog.records if "staff group of ucentraal" in r.message]
    assert lines == [
        "the staff group of ucentraal cannot take handoffs: the bot may not manage topics; "
        "until that is fixed and omarmt restarted, its handoffs go to another organisation "
        "or to the help lines"
    ]


async def test_with_no_staff_group_able_the_young_person_hears_so_honestly(
    server: BotApiServer, tmp_path: Path, fresh_engine: Engine
) -> None:
    server.group(UCENTRAAL, "U Centraal", is_forum=False)
    staff = {"ucentraal": UCENTRAAL}
    async with channel_on(server, tmp_path / "n.sqlite3", fresh_engine, staff=staff):
        sam = server.user(8701, "Sam")
        await ask_for_a_person(server, sam)
        await said(server, sam, "Ik kan je in deze chat nu niet doorzetten")
    assert not server.requests("createForumTopic")


async def test_a_refused_topic_is_retried_then_parked_and_made_after_a_restart(
    server: BotApiServer,
    tmp_path: Path,
    fresh_engine: Engine,
    fast_retries: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(runner, "STAFF_TRIES", 3)
    group = server.group(UCENTRAAL, "U Centraal")
    staff = {"ucentraal": UCENTRAAL}
    path = tmp_path / "t.sqlite3"
    sam = server.user(8801, "Sam")
    server.fail_next("createForumTopic", times=1_000, error_code=400)
    async with channel_on(server, path, fresh_engine, staff=staff) as running:
        await ask_for_a_person(server, sam)
        await said(server, sam, "jongerenwerker van U Centraal")
        sam.send_text("is daar iemand")
        await server.wait_for(lambda: len(server.requests("createForumTopic")) >= 3, 10)
        for _ in range(100):
            if (await running.queues.parked())[1] >= 1:
                break
            await asyncio.sleep(0.05)
        assert (await running.queues.parked())[1] >= 1
        assert await running.queues.waiting() >= 2  # the opening and the message: kept
    server.clear_faults()  # the admin fixed the rights
    async with channel_on(server, path, fresh_engine, staff=staff):
        await server.wait_for(lambda: server.topics(group.chat_id), 10)
        [thread] = server.topics(group.chat_id)
        await server.wait_for(
            lambda: any(
                "is daar iemand" in (m.get("text") or "")
                for m in server.sent_messages(group.chat_id, thread_id=thread)
            ),
            10,
        )


async def test_documents_and_audio_do_not_go_to_staff_and_the_young_person_is_told(
    server: BotApiServer, tmp_path: Path, fresh_engine: Engine
) -> None:
    group = server.group(UCENTRAAL, "U Centraal")
    staff = {"ucentraal": UCENTRAAL}
    async with channel_on(server, tmp_path / "d.sqlite3", fresh_engine, staff=staff):
        sam = server.user(8901, "Sam")
        await ask_for_a_person(server, sam)
        await server.wait_for(lambda: server.topics(group.chat_id), 10)
        sam.send_document("adres en foto's.pdf")
        await said(server, sam, NO_FILES)
        sam.send_audio("opname bij mij thuis.mp3")
        sam.send_video()
        await server.wait_for(lambda: count(server, sam, NO_FILES) == 3, 10)
        sam.send_voice()
        await server.wait_for(lambda: server.requests("sendVoice", chat_id=UCENTRAAL), 10)
    kinds = {r.method for r in server.requests(chat_id=UCENTRAAL) if r.ok}
    assert not kinds & {"sendDocument", "sendAudio", "sendVideo"}
    sent = json.dumps([r.params for r in server.requests(chat_id=UCENTRAAL)])
    assert "adres" not in sent
    assert "thuis" not in sent
