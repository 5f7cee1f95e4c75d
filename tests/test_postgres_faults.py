"""Faults of a database server, made to happen: `omarmt run` on PostgreSQL when the server
restarts, when another session holds a table lock, and when it cannot be reached at all."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from bot.settings import db_setting
from bot.storage.pg_schema import PG_MIGRATIONS
from tests.auxil.botapi import BotApiServer
from tests.auxil.e2e import BotProcess, wait_said
from tests.auxil.pg import PgServer, require


@pytest.fixture
def own_server() -> Iterator[PgServer]:
    """A server of this test's own, to restart without touching the others' databases."""
    require()
    server = PgServer()
    server.start()
    yield server
    server.stop()


def test_a_url_stays_a_url_and_a_path_or_sqlite_url_is_a_file() -> None:
    url = "postgresql://omarmt@db.internal:5432/omarmt"
    assert db_setting(url) == url  # a Path would fold the "//"
    assert db_setting("postgres://u@h/d") == "postgres://u@h/d"
    assert db_setting("sqlite:///var/lib/omarmt/x.sqlite3") == Path("/var/lib/omarmt/x.sqlite3")
    assert db_setting("omarmt.sqlite3") == Path("omarmt.sqlite3")


async def test_a_restarted_database_server_costs_a_retry_not_a_message(
    server: BotApiServer, own_server: PgServer, tmp_path: Path
) -> None:
    url = own_server.new_database()
    bot = BotProcess(server, tmp_path / "unused.sqlite3", OMARMT_DB=url)
    await bot.start()
    sam = server.user(5201, "Sam", language_code="nl")
    sam.send_text("hoi")
    await wait_said(server, sam.chat_id, "Mag ik je een paar korte vragen stellen?", 60)
    # Every connection is cut; the bot's next statements fail until it connects again.
    await asyncio.to_thread(own_server.restart)
    sam.send_text("ja")
    await wait_said(server, sam.chat_id, "Hoe oud ben je?", 60)
    sam.send_text("21")
    await wait_said(server, sam.chat_id, "Ben je student?", 30)
    code, err = await bot.stop()
    assert code == 0, err
    assert "connecting again" in err


async def test_a_table_lock_held_by_another_session_is_waited_out(
    server: BotApiServer, pg_url: str, tmp_path: Path
) -> None:
    bot = BotProcess(server, tmp_path / "unused.sqlite3", OMARMT_DB=pg_url)
    await bot.start()
    noor = server.user(5202, "Noor", language_code="nl")
    noor.send_text("hoi")
    await wait_said(server, noor.chat_id, "Mag ik je een paar korte vragen stellen?", 60)
    # An operator's long transaction locks the inbox for 12 s: longer than a lease lasts.
    held = await psycopg.AsyncConnection.connect(pg_url)
    try:
        await held.execute("BEGIN")
        await held.execute("LOCK TABLE inbox IN ACCESS EXCLUSIVE MODE")
        noor.send_text("ik wil niet meer leven")
        await asyncio.sleep(12)
        assert "113" not in " ".join(m.get("text", "") for m in server.sent_messages(noor.chat_id))
        await held.execute("COMMIT")
    finally:
        await held.close()
    await wait_said(server, noor.chat_id, "113", 30)
    code, err = await bot.stop()
    assert code == 0, err


async def test_a_database_that_cannot_be_reached_is_said_in_one_line(
    server: BotApiServer, tmp_path: Path
) -> None:
    password = "hunter2-not-for-logs"
    url = f"postgresql://omarmt:{password}@127.0.0.1:1/omarmt"
    bot = BotProcess(server, tmp_path / "unused.sqlite3", OMARMT_DB=url)
    for command in (["purge"], ["stats"]):
        code, out, err = await bot.command(*command)
        assert code == 2, (command, err)
        assert "127.0.0.1:1/omarmt cannot be used" in err
        assert password not in out + err
        assert "Traceback" not in err
    await bot.start()
    assert bot.proc is not None
    code = await asyncio.wait_for(bot.proc.wait(), 60)
    _, err_bytes = await bot.proc.communicate()
    err = err_bytes.decode()
    assert code == 2, err
    assert "127.0.0.1:1/omarmt cannot be used" in err
    assert password not in err
    assert "Traceback" not in err


async def test_what_the_url_leaves_out_comes_from_libpqs_variables(
    server: BotApiServer, pg_server: PgServer, tmp_path: Path
) -> None:
    """`postgresql:///name` with PGHOST, PGPORT and PGUSER set: the operator's usual way to keep
    a password (PGPASSWORD) out of the URL."""
    url = pg_server.new_database()
    name = url.rsplit("/", 1)[1]
    bot = BotProcess(
        server,
        tmp_path / "unused.sqlite3",
        OMARMT_DB=f"postgresql:///{name}",
        PGHOST="127.0.0.1",
        PGPORT=str(pg_server.port),
        PGUSER="omarmt",
    )
    code, out, err = await bot.command("purge")
    assert code == 0, err
    assert "erased 0 conversation(s)" in out
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT max(version) FROM omarmt_schema").fetchone() == (
            len(PG_MIGRATIONS),
        )
