"""The command line as an operator meets it: clear one-line errors, purge, exit codes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest


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
