"""Shared fixtures: the real flows, content and catalogs of this repository."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.i18n import Catalogs
from bot.safety.detector import warm_up
from bot.storage.base import Db
from bot.storage.opening import open_db
from tests.auxil.botapi import BotApiServer
from tests.auxil.engine import make_engine
from tests.auxil.pg import PgServer
from tests.auxil.pg import require as require_pg
from tests.auxil.waapi import WhatsAppServer

ROOT = Path(__file__).resolve().parent.parent
# python-telegram-bot 22 warns (an error under filterwarnings) unless `retry_after` is a timedelta.
os.environ.setdefault("PTB_TIMEDELTA", "true")


@pytest.fixture(scope="session", autouse=True)
def _rules_compiled() -> None:
    """Compile the crisis rules once, before any test starts a bot process.

    The compiled rules are cached per user (bot/safety/rulecache.py), so a bot an end-to-end
    test starts answers its first message at once instead of first compiling them cold (5 s
    alone, far more while both cores run other tests: a 20 s wait for a first reply once ran out
    that way on a loaded machine).
    """
    warm_up()


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository root, with flows/, content/ and locales/."""
    return ROOT


@pytest.fixture(scope="session")
def catalogs(root: Path) -> Catalogs:
    """The compiled catalogs (the install step or scripts/check compiles them)."""
    return Catalogs.load(root / "locales")


@pytest.fixture(scope="session")
def engine(root: Path) -> Engine:
    """The engine with the real flow, content, catalogs and crisis detector."""
    return make_engine(root)


@pytest.fixture
async def server() -> AsyncIterator[BotApiServer]:
    """A fresh local Bot API test server on 127.0.0.1, stopped after the test."""
    async with BotApiServer() as srv:
        yield srv


@pytest.fixture
async def wa() -> AsyncIterator[WhatsAppServer]:
    """A fresh local WhatsApp Cloud API test server on 127.0.0.1, with Meta's documented pair
    rate (a burst of 45 to one person, then one per 6 s)."""
    async with WhatsAppServer(pair_limit=(45, 6.0)) as srv:
        yield srv


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A real PostgreSQL server for the session, started on first use (about a second).

    Skipped on a workstation without Debian's postgresql package; in CI a failure instead.
    """
    require_pg()
    srv = PgServer()
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """The URL of a fresh, empty PostgreSQL database for this test."""
    return pg_server.new_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_place(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """Where `any_db` is: a SQLite file, then a real PostgreSQL server's fresh database (a test
    that asks for both may open it a second time, as another process would)."""
    if request.param == "postgresql":
        url: str = request.getfixturevalue("pg_url")
        return url
    return tmp_path / "omarmt.sqlite3"


@pytest.fixture
async def any_db(db_place: Path | str) -> AsyncIterator[Db]:
    """The bot's database on each backend in turn. The storage contract holds on both."""
    async with open_db(db_place) as db:
        yield db
