"""Starting `omarmt run` safely (issue #14): the secret fits the database, one process writes to
it, and every configuration or start-up error is one line and exit 2 without the token.

Real processes against the local Bot API test server, real SQLite files.
"""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
from pathlib import Path

import pytest

from bot.crypto import Box, Pseudonymizer, derive_keys
from bot.storage import Database
from bot.storage.keys import unlock
from bot.storage.queues import Queues, Send
from tests.auxil.botapi import BotApiServer, User
from tests.auxil.e2e import SECRET, BotProcess, wait_said

OTHER_SECRET = "not-the-secret-this-database-was-sealed-with"
NEW_SECRET = "the-new-secret-after-rotation-0123456789abcdef"
CRISIS = "ik wil niet meer leven, echt niet"
TABLES = ("sessions", "inbox", "outbox", "meta")
#: Log lines (INFO and up) are not what is checked here: only what the operator is told.
QUIET = {"OMARMT_LOG_LEVEL": "WARNING"}


async def exited(bot: BotProcess, within: float = 60) -> tuple[int, str, str]:
    """Waits for the bot process to end by itself: its exit code, stdout and stderr."""
    assert bot.proc is not None
    out, err = await asyncio.wait_for(bot.proc.communicate(), within)
    code = bot.proc.returncode
    bot.proc = None
    assert code is not None
    return code, out.decode(), err.decode()


def counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


async def seed(db: Path, server: BotApiServer) -> User:
    """What a crash left: a crisis message not yet handled, and a reply not yet sent."""
    user = server.user(4242001, "Noor")
    keys = derive_keys(SECRET)
    lane = Pseudonymizer(keys.pseudonym_key)("telegram", user.id)
    update = {
        "update_id": 77,
        "message": {
            "message_id": 1,
            "date": 0,
            "chat": {"id": user.chat_id, "type": "private"},
            "from": {"id": user.id, "is_bot": False, "first_name": "Noor"},
            "text": CRISIS,
        },
    }
    async with Database.open(db) as database:
        await unlock(database, keys)
        queues = Queues(database, Box(keys.box_key))
        await queues.intake([(77, lane, json.dumps(update).encode())], 0)
        reply = json.dumps({"text": "Bel 113"}).encode()
        await queues.enqueue([Send(lane, user.chat_id, reply)])
    return user


async def test_another_secret_exits_2_and_deletes_nothing(
    server: BotApiServer, tmp_path: Path
) -> None:
    db = tmp_path / "bot.sqlite3"
    await seed(db, server)
    before = counts(db)
    assert before["inbox"] == before["outbox"] == 1

    bot = BotProcess(server, db, OMARMT_SECRET=OTHER_SECRET, **QUIET)
    await bot.start()
    code, out, err = await exited(bot)

    assert code == 2, err
    assert err.count("\n") == 1, err
    assert "OMARMT_SECRET does not open this database" in err
    assert counts(db) == before
    assert not server.requests("sendMessage")
    assert OTHER_SECRET not in out + err


async def test_rotate_then_start_with_the_new_secret_reads_everything(
    server: BotApiServer, tmp_path: Path
) -> None:
    db = tmp_path / "bot.sqlite3"
    sam = server.user(5003, "Sam")
    bot = BotProcess(server, db)
    await bot.start()
    sam.send_text("hoi")
    sam.send_text("ja")
    await wait_said(server, sam.chat_id, "Hoe oud ben je?")
    code, err = await bot.stop()
    assert code == 0, err
    noor = await seed(db, server)  # and an unhandled message with an unsent reply
    before = counts(db)

    rotated = BotProcess(server, db, OMARMT_NEW_SECRET=NEW_SECRET)
    code, out, err = await rotated.command("rotate-secret")
    assert code == 0, err
    assert "now under the new secret" in out
    assert {t: n for t, n in counts(db).items() if t != "meta"} == {
        t: n for t, n in before.items() if t != "meta"
    }
    # The old secret opens nothing any more.
    old = BotProcess(server, db)
    await old.start()
    code, _, err = await exited(old)
    assert code == 2, err

    bot = BotProcess(server, db, OMARMT_SECRET=NEW_SECRET)
    await bot.start()
    try:
        # The crisis message left in the inbox is answered, the waiting reply is sent ...
        await wait_said(server, noor.chat_id, "Bel 113")
        await server.wait_sent(noor.chat_id, 2, timeout=20)
        # ... and Sam carries on at the same question: state and pseudonym both survived.
        sam.send_text("18")
        await wait_said(server, sam.chat_id, "(18 of 19)")
    finally:
        code, err = await bot.stop()
    assert code == 0, err
    assert counts(db)["inbox"] == 0


REAL_LOOKING = "7123456789:AAGx9kQ2-real_looking_token_ZZ0123456789ab"


@pytest.mark.parametrize(
    ("env", "fragment"),
    [
        pytest.param({"OMARMT_TELEGRAM_TOKEN": "123:typo"}, "OMARMT_TELEGRAM_TOKEN", id="typo"),
        pytest.param(
            {"OMARMT_TELEGRAM_TOKEN": REAL_LOOKING}, "OMARMT_TELEGRAM_TOKEN", id="rejected"
        ),
        pytest.param({"OMARMT_DB": "{tmp}/no/such/folder/bot.sqlite3"}, "OMARMT_DB", id="db"),
        pytest.param({"OMARMT_RETENTION_DAYS": "dertig"}, "OMARMT_RETENTION_DAYS", id="env"),
        pytest.param(
            {"OMARMT_TELEGRAM_API_URL": "http://127.0.0.1:9/bot"},
            "OMARMT_TELEGRAM_API_URL",
            id="unreachable",
        ),
    ],
)
async def test_a_start_up_error_is_one_line_and_exit_2_without_the_token(
    server: BotApiServer, tmp_path: Path, env: dict[str, str], fragment: str
) -> None:
    settings = {name: value.format(tmp=tmp_path) for name, value in env.items()}
    bot = BotProcess(server, tmp_path / "bot.sqlite3", **{**QUIET, **settings})
    token = bot.env["OMARMT_TELEGRAM_TOKEN"]
    await bot.start()
    code, out, err = await exited(bot)

    assert code == 2, err
    assert err.count("\n") == 1, err
    assert err.startswith("omarmt: "), err
    assert fragment in err, err
    assert "Traceback" not in err
    for secret in (token, token.split(":", 1)[1], SECRET):
        assert secret not in out + err


async def test_a_second_run_on_the_same_database_exits_2_naming_the_first(
    server: BotApiServer, tmp_path: Path
) -> None:
    db = tmp_path / "bot.sqlite3"
    first = BotProcess(server, db)
    await first.start()
    try:
        await server.wait_for(lambda: server.requests("deleteWebhook"), 30)
        second = BotProcess(server, db, **QUIET)
        await second.start()
        code, _, err = await exited(second)
        assert code == 2, err
        assert err.count("\n") == 1, err
        assert first.proc is not None
        assert f"pid {first.proc.pid} on {os.uname().nodename}" in err
        # The first goes on answering.
        anna = server.user(5001, "Anna")
        anna.send_text("hoi")
        await wait_said(server, anna.chat_id, "Ik ben Omarmt")
    finally:
        code, err = await first.stop()
    assert code == 0, err
    # Stopped cleanly, the first gave the database up: a new start need not wait.
    again = BotProcess(server, db)
    await again.start()
    await server.wait_for(lambda: len(server.requests("deleteWebhook")) >= 2, 30)
    code, err = await again.stop()
    assert code == 0, err
