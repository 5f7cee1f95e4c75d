"""The command line as an operator meets it: clear one-line errors, purge, exit codes."""

from __future__ import annotations

import argparse
import os
import pty
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.cli import _parser, main
from bot.run import run
from bot.settings import Settings


def omarmt(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("OMARMT_")}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True, text=True, timeout=60, check=False, cwd=cwd, env={**clean, **env},
    )  # fmt: skip


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({}, "OMARMT_TELEGRAM_TOKEN"),
        ({"OMARMT_TELEGRAM_TOKEN": "123:abc"}, "OMARMT_SECRET"),
        ({"OMARMT_TELEGRAM_TOKEN": "123:abc", "OMARMT_SECRET": "short"}, "OMARMT_SECRET"),
        (
            {"OMARMT_TELEGRAM_TOKEN": "123:abc", "OMARMT_SECRET": "s" * 40,
             "OMARMT_RETENTION_DAYS": "soon"},
            "OMARMT_RETENTION_DAYS",
        ),
    ],
)  # fmt: skip
def test_run_refuses_to_start_half_configured(
    tmp_path: Path, env: dict[str, str], variable: str
) -> None:
    result = omarmt("run", cwd=tmp_path, **env)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert variable in lines[0]
    assert "s" * 40 not in result.stderr


def test_webhook_mode_needs_its_secret(tmp_path: Path) -> None:
    result = omarmt(
        "run", "--webhook", cwd=tmp_path,
        OMARMT_TELEGRAM_TOKEN="123:abc", OMARMT_SECRET="s" * 40,
        OMARMT_WEBHOOK_URL="https://example.org/hook",
    )  # fmt: skip
    assert result.returncode == 2
    assert "OMARMT_WEBHOOK_SECRET" in result.stderr


def test_purge_erases_only_conversations_past_retention(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--db", str(db)],
        input="hoi\n", capture_output=True, text=True, timeout=60, check=False,
        cwd=tmp_path, env={**os.environ, "OMARMT_SECRET": "old" * 20},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(db) as conn:
        # A second person, active now (one secret per database: another chat user is a copy).
        conn.execute("INSERT INTO sessions SELECT 'new-key', state, last_active FROM sessions")
        conn.execute("UPDATE sessions SET last_active = ? WHERE rowid = 1", (0,))
        assert conn.execute("SELECT count(*) FROM sessions").fetchone() == (2,)
    result = omarmt("purge", "--db", str(db), cwd=tmp_path, OMARMT_RETENTION_DAYS="30")
    assert result.returncode == 0, result.stderr
    assert "erased 1 conversation" in result.stdout
    with sqlite3.connect(db) as conn:
        (left,) = conn.execute("SELECT last_active FROM sessions").fetchone()
    assert left > time.time() - 3600


def test_every_option_of_every_command_is_explained() -> None:
    parser = _parser()
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert set(commands.choices) >= {"run", "chat", "stats", "check", "purge"}
    for name, sub in commands.choices.items():
        for action in sub._actions:
            if action.option_strings and action.dest != "help":
                assert action.help, f"omarmt {name} {action.option_strings[0]} has no help"
        assert "--help" in sub.format_help()


def test_chat_refuses_a_language_that_does_not_exist(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["chat", "--lang", "de", "--db", str(tmp_path / "c.sqlite3")]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1
    assert "'de'" in lines[0]
    assert "nl, en" in lines[0]
    assert not (tmp_path / "c.sqlite3").exists()


@pytest.mark.parametrize(
    ("lang", "banner"),
    [
        ("nl", "Typ /stop om te stoppen."),
        ("en", "Type /stop to stop."),
    ],
)
def test_the_chat_banner_says_how_to_stop_as_the_bot_does(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    banner: str,
) -> None:
    # The banner's stop line is for a person at a terminal: stdin is a tty here.
    monkeypatch.chdir(tmp_path)
    for name in [k for k in os.environ if k.startswith("OMARMT_")]:
        monkeypatch.delenv(name)
    leader, follower = pty.openpty()
    with os.fdopen(follower, "r") as tty:
        os.write(leader, b"\x04")  # Ctrl-D at the prompt: end of input
        monkeypatch.setattr(sys, "stdin", tty)
        assert main(["chat", "--lang", lang, "--db", str(tmp_path / "c.sqlite3")]) == 0
    os.close(leader)
    text = capsys.readouterr().out
    assert banner in text
    assert "Ctrl-D" in text.split(banner)[1].splitlines()[0]


def test_a_stop_asked_for_while_run_still_loads_is_a_clean_stop(tmp_path: Path) -> None:
    # `docker stop` right after `docker start`: the signal comes while the content and the
    # crisis rules load, before the event loop listens. It must stop the bot cleanly (exit 0),
    # not kill it, and hand the signals back as it found them.
    settings = Settings.from_env(
        {"OMARMT_TELEGRAM_TOKEN": "123:abc", "OMARMT_SECRET": "s" * 40,
         "OMARMT_DB": str(tmp_path / "early.sqlite3")},
        need_telegram=True, need_secret=True,
    )  # fmt: skip
    found = signal.getsignal(signal.SIGTERM)

    def ready() -> bool:
        os.kill(os.getpid(), signal.SIGTERM)
        return True

    assert run(settings, webhook=False, channel=None, ready=ready) == 0
    assert signal.getsignal(signal.SIGTERM) == found
    assert not (tmp_path / "early.sqlite3").exists()  # it never began to serve
