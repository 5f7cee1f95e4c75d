"""`omarmt stats` as an operator runs it: options, files, standard output, clear errors."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

import pytest

from bot.cli import main
from bot.stats import Options, Report, build_report, render
from bot.stats.model import Format
from bot.storage import Database
from tests.auxil.stats_events import write_known_events

# The command runs its own event loop, so these tests are plain functions.


async def _report(path: Path) -> Report:
    async with Database.open(path) as db:
        options = Options(since=date(2026, 11, 16), until=date(2026, 11, 29), by="week")
        return await build_report(db, options)


@pytest.fixture
def known_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "omarmt.sqlite3"

    async def fill() -> None:
        async with Database.open(path) as db:
            await write_known_events(db)

    asyncio.run(fill())
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("OMARMT_DB", str(path))
    return path


@pytest.mark.parametrize("fmt", ["table", "csv", "tidy", "json", "html"])
def test_omarmt_stats_writes_each_format_to_a_file(
    known_db: Path, tmp_path: Path, fmt: Format, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"report.{fmt}"
    argv = ["stats", "--since", "2026-11-16", "--until", "2026-11-29", "--by", "week"]
    assert main([*argv, "--format", fmt, "--output", str(out)]) == 0
    assert out.read_bytes() == render(asyncio.run(_report(known_db)), fmt).encode()
    assert f"wrote {out}" in capsys.readouterr().err


def test_omarmt_stats_prints_to_stdout_by_default(
    known_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", "--since", "2026-11-16", "--until", "2026-11-29"]) == 0
    assert capsys.readouterr().out == render(asyncio.run(_report(known_db)), "table")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--since", "27-11-2026"], "--since must be a date like 2026-11-27"),
        (["--since", "2026-12-01", "--until", "2026-11-01"], "--since is after --until"),
        (["--min-cell", "2"], "--min-cell must be at least 3"),
    ],
)
def test_omarmt_stats_refuses_bad_options(
    known_db: Path, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", *argv]) == 2
    assert message in capsys.readouterr().err


def test_omarmt_stats_needs_an_existing_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("OMARMT_DB", str(tmp_path / "missing.sqlite3"))
    assert main(["stats"]) == 2
    assert "no database" in capsys.readouterr().err
    assert not (tmp_path / "missing.sqlite3").exists()
    assert list(tmp_path.iterdir()) == []


def test_omarmt_stats_takes_the_database_as_chat_and_purge_do(
    known_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("OMARMT_DB", str(tmp_path / "elsewhere.sqlite3"))
    argv = ["stats", "--db", str(known_db), "--since", "2026-11-16", "--until", "2026-11-29"]
    assert main(argv) == 0
    assert capsys.readouterr().out == render(asyncio.run(_report(known_db)), "table")
    assert not (tmp_path / "elsewhere.sqlite3").exists()


def test_omarmt_stats_help_explains_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["stats", "--help"])
    assert done.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    for option, words in {
        "--db": "SQLite file",
        "--since": "first day counted",
        "--until": "last day counted",
        "--by": "day, ISO week or month",
        "--format": "pandas or R",
        "--output": "instead of standard output",
        "--min-cell": "rounded to a multiple of 5",
    }.items():
        assert option in text
        assert words in text, option
