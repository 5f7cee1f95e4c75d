"""The HTML report opened in headless Chromium: it renders, with its charts, from one file."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from datetime import date
from pathlib import Path

import pytest

from bot.stats import Options, build_report, render
from bot.storage import Database
from tests.auxil.stats_events import write_known_events

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Without a browser the test can only be skipped on a workstation; CI installs Debian's chromium
# (.ci/run), and there a missing browser is a failure, not a skip.
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"),
    reason="chromium is not installed (apt-get install chromium); CI always runs this test",
)

# No network, no first-run work, a throwaway profile: the page must stand on its own.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
CHARTED = 10  # tables with a chart in the known report (see test_stats_report.py)


@pytest.fixture
async def report_file(tmp_path: Path) -> Path:
    async with Database.open(tmp_path / "stats.sqlite3") as db:
        await write_known_events(db)
        report = await build_report(
            db, Options(since=date(2026, 11, 16), until=date(2026, 11, 29), by="week")
        )
    page = tmp_path / "rapport.html"
    page.write_text(render(report, "html"), encoding="utf-8")
    return page


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run(  # noqa: PLW1510 - the caller checks the outcome with a message
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        timeout=120,
        cwd=tmp_path,
    )


def test_the_rendered_dom_holds_every_chart(report_file: Path, tmp_path: Path) -> None:
    done = _chromium(tmp_path, "--dump-dom", report_file.as_uri())
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    dom = done.stdout.decode()
    # The DOM is what the browser built, not the file: the SVG was parsed into elements.
    assert dom.count("<svg") == CHARTED
    assert dom.count('class="bar"') >= 6
    assert dom.count('class="line"') >= 3
    assert dom.count("<circle") >= 10
    assert dom.count("<table") == 13
    assert "Gesprekken gestart, per kanaal" in dom
    assert "Privacyregel" in dom


def _png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def test_a_screenshot_of_the_report(report_file: Path, tmp_path: Path) -> None:
    shot = tmp_path / "rapport.png"
    done = _chromium(
        tmp_path, f"--screenshot={shot}", "--window-size=1200,3000", report_file.as_uri()
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    png = shot.read_bytes()
    assert _png_size(png) == (1200, 3000)
    # A blank page compresses to a few kilobytes; text, tables and charts do not.
    assert len(png) > 50_000
