"""`omarmt chat`: the try-out mode, scripted through a pipe as a tester would."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.channels.terminal import parse_line, render
from bot.engine import Command, Link, OptionView, Outbound, Text


def chat(db: Path, stdin: str, *args: str, **settings: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OMARMT_")} | settings
    return subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--db", str(db), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=db.parent,
        env=env,
    )


def test_scripted_chat_prints_welcome_and_question_and_exits_0(tmp_path: Path) -> None:
    result = chat(tmp_path / "x.sqlite3", "hoi\n1\n/stop\n")
    assert result.returncode == 0, result.stderr
    assert "Ik ben Omarmt" in result.stdout
    assert "Mag ik je een paar korte vragen stellen?" in result.stdout
    assert "  1. Ja, dat is goed\n  2. Laat me gewoon zien wat er is" in result.stdout
    assert "(Ja, dat is goed)" in result.stdout
    assert "Hoe oud ben je?" in result.stdout
    assert "Traceback" not in result.stderr


def test_second_run_continues_where_the_first_stopped(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite3"
    first = chat(db, "hoi\nja\n")
    assert first.returncode == 0
    assert "Hoe oud ben je?" in first.stdout
    second = chat(db, "19\n")
    assert second.returncode == 0
    assert "Welkom terug! Hier waren we gebleven:\n\nHoe oud ben je?" in second.stdout
    assert "(18 of 19)" in second.stdout
    assert "Ik ben Omarmt" not in second.stdout


def test_another_secret_stops_with_one_line_and_keeps_the_conversation(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite3"
    assert chat(db, "hoi\nja\n").returncode == 0
    other = chat(db, "19\n", OMARMT_SECRET="another-secret-than-the-local-one-0123456789")
    assert other.returncode == 2
    assert other.stderr.startswith("omarmt: OMARMT_SECRET does not open this database")
    assert other.stderr.count("\n") == 1, other.stderr
    again = chat(db, "19\n")
    assert "(18 of 19)" in again.stdout


def test_english_by_flag(tmp_path: Path) -> None:
    result = chat(tmp_path / "x.sqlite3", "hi\nsure\n", "--lang", "en")
    assert "I'm Omarmt" in result.stdout
    assert "(Yes, that's fine)" in result.stdout


def test_language_switch_and_commands_in_the_terminal(tmp_path: Path) -> None:
    result = chat(tmp_path / "x.sqlite3", "hoi\n/taal\n2\n/hulp\n/privacy\n/vergeet\n")
    assert result.returncode == 0
    assert "Okay, I'll talk English with you now." in result.stdout
    assert "113 Zelfmoordpreventie" in result.stdout
    assert "Type /forget" in result.stdout  # English commands in the English texts
    assert "I have erased everything about you" in result.stdout


def test_empty_input_ends_cleanly(tmp_path: Path) -> None:
    result = chat(tmp_path / "x.sqlite3", "")
    assert result.returncode == 0
    assert "Traceback" not in result.stderr


def test_ctrl_c_ends_cleanly_and_keeps_what_was_said(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite3"
    env = {k: v for k, v in os.environ.items() if not k.startswith("OMARMT_")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "chat", "--db", str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert proc.stdin is not None
    assert proc.stdout is not None
    proc.stdin.write("hoi\n")
    proc.stdin.flush()
    deadline = time.monotonic() + 30
    seen = ""
    while "4. Ik wil met een mens praten" not in seen and time.monotonic() < deadline:
        seen += proc.stdout.readline()
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0
    assert "Traceback" not in err
    again = chat(db, "1\n")
    assert "Welkom terug" in again.stdout


def test_local_secret_is_created_private_with_a_warning(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite3"
    result = chat(db, "hoi\n")
    assert "for trying out only" in result.stderr
    secret = tmp_path / "x.sqlite3.secret"
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600


def test_database_holds_no_user_id_and_no_answers_in_the_clear(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite3"
    chat(db, "hoi\nja\n17\nnee\nmin of meer\n")
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("x.sqlite3*") if p.suffix != ".secret")
    # Step ids may stand in the anonymous statistics; answers and identities may not.
    for needle in (b"terminal:local", b"local", b"more_or_less", b"age_16_17", b"min of meer"):
        assert needle not in raw
    with sqlite3.connect(db) as conn:
        keys = [row[0] for row in conn.execute("SELECT key FROM sessions")]
    assert len(keys) == 1
    assert len(keys[0]) == 64  # an HMAC-SHA256 pseudonym, nothing readable


@pytest.mark.parametrize(
    ("line", "event"),
    [
        ("hoi", Text("hoi")),
        ("  /hulp  ", Command("hulp")),
        ("/start vriend", Command("start", "vriend")),
        ("/taal@omarmt_bot en", Command("taal", "en")),
        ("/ ik wil", Text("/ ik wil")),
        ("/", Text("/")),
    ],
)
def test_parse_line(line: str, event: object) -> None:
    assert parse_line(line, None) == event


def test_blank_line_is_nothing() -> None:
    assert parse_line("   \n", None) is None


def test_render_numbers_options_and_shows_links() -> None:
    message = Outbound(
        "Vraag?",
        (OptionView("a", "Ja", 1), OptionView("b", "Nee", 2)),
        (Link("JoU", "https://www.jou-utrecht.nl"),),
    )
    assert render(message) == "Vraag?\n  1. Ja\n  2. Nee\n  → JoU: https://www.jou-utrecht.nl"
