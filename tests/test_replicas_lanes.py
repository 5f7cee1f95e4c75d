"""Two replicas in this process on one PostgreSQL database: a replica that does not lead
handles people's turns itself, and hands a turn that opens a handoff to the leader, not
committed, so the staff side (topics, cards, the groups' pace) stays on one replica."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
from telegram.ext import ExtBot

from bot.channels.telegram.runner import TelegramChannel
from bot.channels.telegram.staff import Desk
from bot.channels.telegram.webhook import Webhook
from bot.crypto import Box, Pseudonymizer, derive_keys
from bot.engine import Engine
from bot.safety import detect
from bot.storage import BufferedStats
from bot.storage.handoffs import Handoffs
from bot.storage.lanes import LaneLeases
from bot.storage.lease import REPLICAS
from bot.storage.postgres import PgDatabase
from bot.storage.queues import Queues
from tests.auxil.botapi import BotApiServer
from tests.auxil.engine import make_engine
from tests.auxil.ports import free_port

KEYS = derive_keys("a-replicas-test-secret-long-enough-for-omarmt")
JOU = -1001110000001
SECRET = "a-webhook-secret-of-enough-length"


@dataclass
class Replica:
    channel: TelegramChannel
    stop: asyncio.Event
    task: asyncio.Task[None]


@asynccontextmanager
async def replica(
    server: BotApiServer,
    url: str,
    engine: Engine,
    token: str,
    *,
    lead: Callable[[], Awaitable[bool]] | None,
    webhook_port: int | None = None,
) -> AsyncIterator[Replica]:
    """`TelegramChannel.run` on the shared database, as `omarmt run` starts it there; with
    `lead` (a replica that does not lead until it returns True), else leading at once."""
    async with PgDatabase.open(url) as db:
        bot: ExtBot[None] = ExtBot(server.token, base_url=server.base_url)
        async with bot:
            box = Box(KEYS.box_key)
            queues = Queues(db, box)
            lanes = LaneLeases(db, token, REPLICAS)
            queues.fence = lanes.fence
            channel = TelegramChannel(
                bot,
                engine=engine,
                sessions=db.sessions(box),
                queues=queues,
                stats=BufferedStats(db.stats()),
                pseudonymize=Pseudonymizer(KEYS.pseudonym_key),
                is_crisis=lambda text: detect(text) is not None,
                desk=Desk(Handoffs(db, box), {"jou": JOU}),
                lanes=lanes,
            )
            hook = None
            if webhook_port is not None:
                hook = Webhook(
                    channel,
                    url=f"http://127.0.0.1:{webhook_port}/telegram",
                    secret=SECRET,
                    host="127.0.0.1",
                    port=webhook_port,
                )
            if hook is not None:
                await hook.start()  # Telegram posts to this replica only
            stop = asyncio.Event()

            async def until_stopped() -> bool:
                """`lead`, or False once stopped (as `Leadership.take` does)."""
                assert lead is not None
                taking = asyncio.ensure_future(lead())
                await asyncio.wait([taking, asyncio.ensure_future(stop.wait())], timeout=None,
                                   return_when=asyncio.FIRST_COMPLETED)  # fmt: skip
                if not taking.done():
                    taking.cancel()
                    return False
                return taking.result()

            leads = until_stopped if lead is not None else None
            task = asyncio.create_task(channel.run(stop, poll=False, lead=leads))
            try:
                yield Replica(channel, stop, task)
            finally:
                stop.set()
                await asyncio.wait_for(task, 30)
                if hook is not None:
                    await hook.stop()


async def test_a_replica_that_does_not_lead_hands_a_handoff_to_the_leader(
    server: BotApiServer, pg_url: str, root: Path
) -> None:
    engine = make_engine(root)
    engine.staff_orgs = frozenset({"jou"})
    group = server.group(JOU, "JoU")

    async def not_now() -> bool:  # another replica leads (here: none yet)
        await asyncio.Event().wait()
        return False

    sam = server.user(8701, "Sam", language_code="nl")
    async with replica(
        server, pg_url, engine, "w" * 16, lead=not_now, webhook_port=free_port()
    ) as worker:
        sam.send_text("hoi")
        await server.wait_for(lambda: _said(server, sam.chat_id, "Mag ik je een paar"), 20)
        sam.send_text("/praat")

        def handed_on() -> bool:
            with psycopg.connect(pg_url) as conn:
                row = conn.execute("SELECT holder, pinned FROM lanes").fetchone()
            return row == ("", 1)

        await server.wait_for(handed_on, 20)
        await asyncio.sleep(0.5)
        # Nothing of the handoff happened on this replica: no topic, no answer, and the
        # message still waits in the inbox for the leader.
        assert not server.requests("createForumTopic")
        assert not _said(server, sam.chat_id, "jongerenwerker")
        with psycopg.connect(pg_url) as conn:
            assert conn.execute("SELECT count(*) FROM inbox").fetchone() == (1,)
        assert worker.channel.turns == 1  # "hoi": its own to answer

        async with replica(server, pg_url, engine, "l" * 16, lead=None) as leader:
            await server.wait_for(lambda: _said(server, sam.chat_id, "jongerenwerker van JoU"), 20)
            await server.wait_for(lambda: server.topics(group.chat_id), 20)
            # The leader holds Sam's lane now: what Sam says next goes to the topic from there.
            sam.send_text("ik ben er nog")
            await server.wait_for(
                lambda: any(
                    r.params.get("text") == "ik ben er nog"
                    for r in server.requests("sendMessage", chat_id=JOU)
                ),
                20,
            )
            leader_turns = leader.channel.turns
        assert leader_turns == 2  # "/praat", and the message relayed
        assert worker.channel.turns == 1


def _said(server: BotApiServer, chat_id: int, fragment: str) -> bool:
    return any(fragment in (m.get("text") or "") for m in server.sent_messages(chat_id))
