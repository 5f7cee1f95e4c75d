"""The HTML report opened in headless Chromium: it renders, with its charts, from one file.

Set OMARMT_STATS_SCREENSHOT=docs/stats-report.png to keep the screenshot of the report at the
pilot's volume (the one docs/stats.md shows).
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import struct
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from bot.stats import Options, build_report, render
from bot.storage import Database
from tests.auxil.stats_events import write_known_events
from tests.auxil.stats_realistic import write_realistic_events

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
CHARTED = 11  # tables with a chart in the known report (see test_stats_report.py)


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
    assert dom.count('class="point"') >= 10
    assert dom.count("<table") == 14
    assert "Gesprekken gestart, per kanaal" in dom
    assert "Privacyregel" in dom


@pytest.fixture
async def pilot_file(tmp_path: Path) -> Path:
    """The weekly report over thirteen weeks at the pilot's volume."""
    async with Database.open(tmp_path / "pilot.sqlite3") as db:
        await write_realistic_events(db)
        report = await build_report(db, Options(by="week"))
    page = tmp_path / "pilot.html"
    page.write_text(render(report, "html"), encoding="utf-8")
    return page


def _section(dom: str, ident: str) -> str:
    return dom.split(f'<section id="{ident}">')[1].split("</section>", maxsplit=1)[0]


def test_the_pilot_report_in_the_browser(pilot_file: Path, tmp_path: Path) -> None:
    done = _chromium(tmp_path, "--dump-dom", pilot_file.as_uri())
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    dom = done.stdout.decode()

    # The funnel: questions in words, and numbers, not a row of "x".
    funnel = _section(dom, "funnel")
    assert "Vraag 2: Hoe oud ben je?" in funnel
    assert "Vraag 7: Ik mis mensen om me heen." in funnel
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", funnel)
    assert len(cells) == 12 * 13
    assert "x" not in cells
    assert sum(c.isdigit() for c in cells) >= 0.95 * len(cells)
    share = _section(dom, "funnel_share")
    assert 'class="bar"' in share  # a bar per step of the latest week, named in words
    assert "Vraag 10: Wat zou je nu het meeste helpen?" in share.split("<table")[0]

    # Offers over thirteen weeks: each line named once at its end, not a number at every
    # point; four lines that differ in dash as well as colour; the series that is withheld
    # in every week still has its legend entry, marked as withheld.
    offers = _section(dom, "offers")
    assert offers.count('class="end-label"') == 3
    assert "Join Us " in offers.split('class="end-label"')[1]
    assert offers.count('class="value"') == 0
    assert offers.count('class="legend"') == 3
    withheld = offers.split('class="legend withheld"')[1].split("</g>")[0]
    assert "Praten met een jongerenwerker: weggelaten" in withheld
    dashes = set(re.findall(r'class="line"[^>]*?stroke-dasharray="([^"]+)"', offers))
    assert len(dashes) >= 2
    widths = set(re.findall(r'class="line"[^>]*?stroke-width="([^"]+)"', offers))
    assert len(widths) >= 3

    # A median of too few says what is too few.
    assert "te weinig overdrachten (&lt;10)" in _section(dom, "first_reply")


def _png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


#: The tables the screenshot shows (all of the report would be some 10,000 pixels high).
SHOWN = ("funnel_share", "bands", "offers")


async def test_a_screenshot_of_the_report(tmp_path: Path) -> None:
    async with Database.open(tmp_path / "pilot.sqlite3") as db:
        await write_realistic_events(db)
        report = await build_report(db, Options(by="week"))
    shown = replace(report, tables=tuple(t for t in report.tables if t.key in SHOWN))
    page = tmp_path / "pilot.html"
    page.write_text(render(shown, "html"), encoding="utf-8")
    shot = tmp_path / "rapport.png"
    done = await asyncio.to_thread(
        _chromium, tmp_path, f"--screenshot={shot}", "--window-size=1100,3900", page.as_uri()
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    png = shot.read_bytes()
    assert _png_size(png) == (1100, 3900)
    # A blank page compresses to a few kilobytes; text, tables and charts do not.
    assert len(png) > 50_000
    keep = os.environ.get("OMARMT_STATS_SCREENSHOT")
    if keep:
        await asyncio.to_thread(Path(keep).write_bytes, png)
