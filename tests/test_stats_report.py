"""The report from a known set of events: exact tables in every format, options, the command."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bot.stats import Mark, Options, Report, build_report, render
from bot.stats.labels import rule_lines, title
from bot.stats.model import Format, Row
from bot.storage import Database
from tests.auxil.stats_events import WEEK_47, event, write_known_events

SINCE, UNTIL = date(2026, 11, 16), date(2026, 11, 29)
OPTIONS = Options(since=SINCE, until=UNTIL, by="week")

# Header and rows of every table, as the text and HTML formats show them. Worked out by hand
# from tests/auxil/stats_events.py; the comments say which rule made each "x".
GRIDS: dict[str, list[list[str]]] = {
    # one small cell (terminal 5, then 0) in a row whose total is shown: the next smallest goes
    "started": [
        ["Periode", "Telegram", "Terminal", "Totaal"],
        ["2026-W47", "x", "<10", "30"],
        ["2026-W48", "x", "<10", "40"],
    ],
    # W47: 9 + 9 = 18 would pin both small cells to 9, so the 12 goes too; a code that never
    # occurs ("other") gets no column, so no empty column forces suppressions
    "sources": [
        ["Periode", "poster-a", "school-b", "Geen code (direct)", "Totaal"],
        ["2026-W47", "x", "<10", "<10", "30"],
        ["2026-W48", "20", "10", "10", "40"],
    ],
    "languages": [
        ["Periode", "Nederlands", "Engels", "Totaal"],
        ["2026-W47", "20", "10", "30"],
        ["2026-W48", "x", "<10", "40"],
    ],
    # drop-offs of 1..9 from the last shown step are withheld; a repeated answer counts once
    "funnel": [
        ["Periode", "Check gestart", "checkin", "djg_1", "djg_2", "djg_3", "djg_4"],
        ["2026-W47", "28", "x", "x", "18", "x", "<10"],
        ["2026-W48", "36", "36", "25", "x", "14", "x"],
    ],
    "funnel_share": [
        ["Periode", "Check gestart", "checkin", "djg_1", "djg_2", "djg_3", "djg_4"],
        ["2026-W47", "100,0%", "x", "x", "64,3%", "x", "<10"],
        ["2026-W48", "100,0%", "100,0%", "69,4%", "x", "38,9%", "x"],
    ],
    # W47: two small cells protect each other (4 + 6 = 10, each 1..9)
    "bands": [
        ["Periode", "Niet eenzaam", "Matig eenzaam", "Ernstig eenzaam", "Totaal"],
        ["2026-W47", "<10", "10", "<10", "20"],
        ["2026-W48", "x", "11", "<10", "30"],
    ],
    # W48: the small cells are all 0, which the total would reveal: one 15 goes too
    "age_bands": [
        [
            "Periode",
            "Jonger dan 16",
            "16 t/m 19 jaar",
            "20 t/m 24 jaar",
            "25 t/m 27 jaar",
            "Ouder dan 27",
            "Totaal",
        ],
        ["2026-W47", "<10", "12", "<10", "<10", "<10", "20"],
        ["2026-W48", "<10", "x", "15", "<10", "<10", "30"],
    ],
    "offers": [
        [
            "Periode",
            "Join Us",
            "Gelukscafé",
            "Studentenzorgwijzer",
            "Praten met een jongerenwerker",
        ],
        ["2026-W47", "12", "<10", "15", "<10"],
        ["2026-W48", "20", "10", "<10", "<10"],
    ],
    "handoffs": [
        ["Periode", "JoU", "U Centraal", "Totaal"],
        ["2026-W47", "x", "<10", "13"],
        ["2026-W48", "10", "10", "20"],
    ],
    "handoff_stages": [
        [
            "Periode",
            "Aangevraagd",
            "Doorgezet naar medewerkers",
            "Opgepakt door een medewerker",
            "Afgesloten",
        ],
        ["2026-W47", "13", "13", "x", "x"],
        ["2026-W48", "20", "20", "x", "<10"],
    ],
    # W47 U Centraal: two replies, too few for a median
    "first_reply": [
        ["Periode", "JoU", "U Centraal"],
        ["2026-W47", "5\N{EN DASH}15 min", "<10"],
        ["2026-W48", "0\N{EN DASH}5 min", "60+ min"],
    ],
    "crisis": [
        ["Periode", "Zelfdoding", "Zelfbeschadiging", "Misbruik of geweld", "Acuut gevaar"],
        ["2026-W47", "<10", "<10", "<10", "<10"],
        ["2026-W48", "<10", "<10", "<10", "<10"],
    ],
    # W47: /hulp twice in one conversation counts once (14)
    "activity": [
        [
            "Periode",
            "Hulplijnen getoond",
            "Vroeg om een persoon",
            "Taal gekozen",
            "Gestopt",
            "Alles gewist (/vergeet)",
            "Einde van het gesprek bereikt",
        ],
        ["2026-W47", "14", "13", "10", "<10", "<10", "20"],
        ["2026-W48", "10", "20", "<10", "12", "<10", "30"],
    ],
}

GOLDEN_TABLE = """\
Omarmt: anonieme statistieken
Van 2026-11-16 tot en met 2026-11-29, per week.

Gesprekken gestart, per kanaal
Gesprekken die begonnen. Het totaal is het aantal gestarte gesprekken.

Periode   Telegram  Terminal  Totaal
--------  --------  --------  ------
2026-W47         x       <10      30
2026-W48         x       <10      40

Waar gesprekken vandaan komen (deeplink-code)
De code in de link of QR-code waarmee een gesprek begon: welke poster, school of partner jongeren
bereikt.

Periode   poster-a  school-b  Geen code (direct)  Totaal
--------  --------  --------  ------------------  ------
2026-W47         x       <10                 <10      30
2026-W48        20        10                  10      40

Taal bij de start
De taal waarin een gesprek begon.

Periode   Nederlands  Engels  Totaal
--------  ----------  ------  ------
2026-W47          20      10      30
2026-W48           x     <10      40

Trechter: gesprekken per vraag
Gesprekken die de check begonnen, en per vraag de gesprekken die die vraag beantwoordden of
oversloegen, in de volgorde van de vragen.

Periode   Check gestart  checkin  djg_1  djg_2  djg_3  djg_4
--------  -------------  -------  -----  -----  -----  -----
2026-W47             28        x      x     18      x    <10
2026-W48             36       36     25      x     14      x

Trechter in procenten
Elke kolom van de trechter als percentage van de eerste kolom.

Periode   Check gestart  checkin  djg_1  djg_2  djg_3  djg_4
--------  -------------  -------  -----  -----  -----  -----
2026-W47         100,0%        x      x  64,3%      x    <10
2026-W48         100,0%   100,0%  69,4%      x  38,9%      x

Uitkomst van de check (eenzaamheid)
Per afgeronde check de uitkomst van de zes vragen van De Jong Gierveld: een indicatie, geen
diagnose. Het totaal is het aantal afgeronde checks.

Periode   Niet eenzaam  Matig eenzaam  Ernstig eenzaam  Totaal
--------  ------------  -------------  ---------------  ------
2026-W47           <10             10              <10      20
2026-W48             x             11              <10      30

Leeftijdsgroep bij een afgeronde check
Het totaal is het aantal afgeronde checks.

Periode   Jonger dan 16  16 t/m 19 jaar  20 t/m 24 jaar  25 t/m 27 jaar  Ouder dan 27  Totaal
--------  -------------  --------------  --------------  --------------  ------------  ------
2026-W47            <10              12             <10             <10           <10      20
2026-W48            <10               x              15             <10           <10      30

Aanbod getoond
Gesprekken waarin dit aanbod werd getoond. Een gesprek kan meer dan één aanbod zien, daarom staat
er geen totaal.

Periode   Join Us  Gelukscafé  Studentenzorgwijzer  Praten met een jongerenwerker
--------  -------  ----------  -------------------  -----------------------------
2026-W47       12         <10                   15                            <10
2026-W48       20          10                  <10                            <10

Aanvragen voor een gesprek met een jongerenwerker, per organisatie
Elke keer dat iemand vroeg om met een jongerenwerker te praten. Het totaal is het aantal aanvragen.

Periode   JoU  U Centraal  Totaal
--------  ---  ----------  ------
2026-W47    x         <10      13
2026-W48   10          10      20

Overdracht aan een jongerenwerker, per stap
Gesprekken die elke stap van de overdracht bereikten.

Periode   Aangevraagd  Doorgezet naar medewerkers  Opgepakt door een medewerker  Afgesloten
--------  -----------  --------------------------  ----------------------------  ----------
2026-W47           13                          13                             x           x
2026-W48           20                          20                             x         <10

Wachttijd tot het eerste antwoord van een medewerker (mediaan)
De groep minuten waarin de mediaan valt. Bij minder dan het minimum aantal antwoorden wordt geen
mediaan getoond.

Periode        JoU  U Centraal
--------  --------  ----------
2026-W47  5–15 min         <10
2026-W48   0–5 min     60+ min

Signalen van crisis, per soort
Gesprekken waarin de bot een signaal herkende en meteen de crisislijnen gaf.

Periode   Zelfdoding  Zelfbeschadiging  Misbruik of geweld  Acuut gevaar
--------  ----------  ----------------  ------------------  ------------
2026-W47         <10               <10                 <10           <10
2026-W48         <10               <10                 <10           <10

Andere acties in gesprekken
Gesprekken waarin dit gebeurde; een gesprek kan in meer kolommen staan.

Periode   Hulplijnen getoond  Vroeg om een persoon  Taal gekozen  Gestopt  Alles gewist (/vergeet)  Einde van het gesprek bereikt
--------  ------------------  --------------------  ------------  -------  -----------------------  -----------------------------
2026-W47                  14                    13            10      <10                      <10                             20
2026-W48                  10                    20           <10       12                      <10                             30

Privacyregel: een aantal kleiner dan 10 staat er als "<10" (ook 0). "x" is een aantal van 10 of
meer dat is weggelaten, zodat een "<10" niet uit een totaal of verschil terug te rekenen is; bij
een trechter is ook elke stap weggelaten die minder dan 10 verschilt van de vorige getoonde stap.
Elke tabel heeft ten hoogste twee dimensies: periode en één kenmerk. Er zijn geen totalen over
perioden: kies daarvoor een grovere periode (--by).
Bewaard worden alleen de dag, categorieën en een willekeurige code per gesprek die niet van de
persoon is afgeleid: geen namen, nummers, tijden of teksten. Per gesprek ten hoogste 35 dagen;
daarna alleen als maandtotaal.
"""  # noqa: E501, RUF001 - as wide as its columns; minute ranges have an en dash


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    async with Database.open(tmp_path / "stats.sqlite3") as opened:
        await write_known_events(opened)
        yield opened


@pytest.fixture
async def report(db: Database) -> Report:
    return await build_report(db, OPTIONS)


def test_the_tables_are_in_this_order(report: Report) -> None:
    assert [t.key for t in report.tables] == list(GRIDS)
    assert report.periods == ("2026-W47", "2026-W48")


def test_table_format_is_exact(report: Report) -> None:
    assert render(report, "table") == GOLDEN_TABLE


def _csv_blocks(text: str) -> dict[str, list[list[str]]]:
    """Each table's header and rows, found under its title line."""
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    titles = {title(key): key for key in GRIDS}
    blocks: dict[str, list[list[str]]] = {}
    for n, row in enumerate(rows):
        if len(row) == 1 and row[0] in titles:
            block = blocks[titles[row[0]]] = []
            for line in rows[n + 1 :]:
                if not line:
                    break
                block.append(line)
    return blocks


def test_csv_opens_cleanly_in_dutch_excel(report: Report) -> None:
    data = render(report, "csv").encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 byte order mark: Excel reads UTF-8
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    assert "\n" not in text.replace("\r\n", "")
    expected = {
        key: [[cell.removesuffix("%") for cell in row] for row in grid]
        for key, grid in GRIDS.items()
    }
    assert _csv_blocks(text) == expected
    # percentages with a decimal comma, so Dutch Excel reads numbers
    assert "2026-W47;100,0;x;x;64,3;x;<10\r\n" in text
    assert "Gelukscafé" in text


async def test_csv_defuses_a_formula_in_a_source_code(tmp_path: Path) -> None:
    async with Database.open(tmp_path / "f.sqlite3") as db:
        turns = [
            (f"c{i}", WEEK_47, [event("conversation_started", source="=HYPERLINK(1)")])
            for i in range(12)
        ]
        await db.stats().record_many(turns)
        text = render(await build_report(db, OPTIONS), "csv")
    assert ";'=HYPERLINK(1);" in text
    assert ";=HYPERLINK" not in text


def _json_value(text: str) -> object:
    if text in {"x", "<10"}:
        return text
    if text.endswith("%"):
        return float(text.removesuffix("%").replace(",", "."))
    if text.endswith(" min"):
        return text.removesuffix(" min").replace("\N{EN DASH}", "-")
    return int(text)


def test_json_is_exact(report: Report) -> None:
    document = json.loads(render(report, "json"))
    assert document["since"] == "2026-11-16"
    assert document["until"] == "2026-11-29"
    assert document["by"] == "week"
    assert document["min_cell"] == 10
    assert document["periods"] == ["2026-W47", "2026-W48"]
    assert [t["key"] for t in document["tables"]] == list(GRIDS)
    for table in document["tables"]:
        header, *rows = GRIDS[table["key"]]
        has_total = header[-1] == "Totaal"
        labels = header[1:-1] if has_total else header[1:]
        assert [c["label"] for c in table["columns"]] == labels
        keys = [c["key"] for c in table["columns"]]
        for got, want in zip(table["rows"], rows, strict=True):
            assert got["period"] == want[0]
            cells = want[1:-1] if has_total else want[1:]
            assert got["cells"] == dict(zip(keys, map(_json_value, cells), strict=True))
            assert ("total" in got) == has_total
            if has_total:
                assert got["total"] == _json_value(want[-1])
    assert document["rule"] == list(rule_lines(10))
    assert list(document)[-1] == "rule"  # the rule at the foot


def test_json_uses_raw_keys_and_labels(report: Report) -> None:
    document = json.loads(render(report, "json"))
    sources = next(t for t in document["tables"] if t["key"] == "sources")
    assert sources["columns"][2] == {"key": "none", "label": "Geen code (direct)"}
    assert sources["rows"][0]["cells"] == {"poster-a": "x", "school-b": "<10", "none": "<10"}


class _Tables(HTMLParser):
    """The text of every table cell, per table id."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._table: list[list[str]] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._table = self.tables.setdefault(str(dict(attrs)["id"]), [])
        elif tag == "tr" and self._table is not None:
            self._table.append([])
        elif tag in {"td", "th"} and self._table is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"} and self._table is not None and self._cell is not None:
            self._table[-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def test_html_tables_are_exact(report: Report) -> None:
    parser = _Tables()
    parser.feed(render(report, "html"))
    assert parser.tables == {f"{key}-table": grid for key, grid in GRIDS.items()}


def test_html_is_one_self_contained_file_with_charts(report: Report) -> None:
    page = render(report, "html")
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="nl">' in page
    assert "default-src 'none'" in page  # the browser may load nothing at all
    for forbidden in ("<script", " src=", "<link", "@import", "url(http", "https://"):
        assert forbidden not in page
    # only the SVG namespace is a URL; every href points inside the page
    assert page.count("http://") == page.count('xmlns="http://www.w3.org/2000/svg"')
    assert all(part.startswith('"#') for part in page.split("href=")[1:])
    charted = ["started", "sources", "languages", "funnel_share", "bands", "age_bands",
               "offers", "handoffs", "handoff_stages", "activity"]  # fmt: skip
    assert page.count("<svg ") == len(charted)
    for key in charted:
        assert f'aria-labelledby="{key}-title"' in page
    assert page.count('class="bar"') > 0
    assert page.count('class="line"') > 0
    assert "Gesprekken gestart, per kanaal" in page
    # every crisis count is below 10: no chart at all rather than an empty one
    crisis = page.split('<section id="crisis">')[1].split("</section>")[0]
    assert "<svg" not in crisis
    assert "Geen grafiek: geen enkel aantal is 10 of meer." in crisis


def test_charts_draw_only_published_numbers(report: Report) -> None:
    page = render(report, "html")
    # W48 channels: telegram is withheld, so the bar is only the hatched "withheld" block
    assert "2026-W48: Telegram" not in page
    assert "2026-W48: weggelaten (&lt;10 of x) 40</title>" in page
    assert "2026-W47: Nederlands 20</title>" in page


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "html"])
def test_every_output_states_the_rule_at_its_foot(report: Report, fmt: Format) -> None:
    text = render(report, fmt)
    rule = "Privacyregel: een aantal kleiner dan 10"
    assert rule in text
    assert text.rindex(rule) > text.rindex("2026-W48")


async def test_an_empty_range_says_so(db: Database) -> None:
    report = await build_report(db, Options(since=date(2020, 1, 1), until=date(2020, 1, 31)))
    assert report.periods == ()
    assert "Geen gegevens in deze periode." in render(report, "table")
    assert json.loads(render(report, "json"))["tables"] == []
    assert "Privacyregel" in render(report, "html")


async def test_by_month_one_period_for_both_weeks(db: Database) -> None:
    report = await build_report(db, Options(by="month"))
    assert report.periods == ("2026-11",)
    # 65 on Telegram, 5 in the terminal: the single small cell takes the 65 with it
    assert report.tables[0].rows == (Row("2026-11", (Mark.HIDDEN, Mark.SMALL), 70),)
    assert "Van 2026-11 tot en met 2026-11, per maand." in render(report, "table")


async def test_since_and_until_are_inclusive_days(db: Database) -> None:
    # Sunday of W47 holds conversations 6, 13, 20, 27; Monday of W48 holds 0, 7, ..., 35.
    report = await build_report(db, Options(since=date(2026, 11, 22), until=date(2026, 11, 23)))
    assert report.periods == ("2026-W47", "2026-W48")
    assert [row.total for row in report.tables[0].rows] == [Mark.SMALL, Mark.SMALL]
    by_day = await build_report(
        db, Options(since=date(2026, 11, 22), until=date(2026, 11, 23), by="day", min_cell=2)
    )
    assert by_day.periods == ("2026-11-22", "2026-11-23")
    assert [row.total for row in by_day.tables[0].rows] == [4, 6]


async def test_a_lower_minimum_cell_shows_more(db: Database) -> None:
    report = await build_report(db, Options(since=SINCE, until=UNTIL, min_cell=5))
    text = render(report, "table")
    assert "<5" in text
    assert "<10" not in text.split("Privacyregel")[0]
    started = report.tables[0]
    assert started.rows[0].cells == (25, 5)


async def test_events_without_a_field_count_as_unknown_in_a_last_column(tmp_path: Path) -> None:
    async with Database.open(tmp_path / "u.sqlite3") as db:
        turns = [(f"c{i}", WEEK_47, [event("conversation_started")]) for i in range(12)]
        await db.stats().record_many(turns)
        report = await build_report(db, OPTIONS)
    started, sources = report.tables[:2]
    assert started.columns == ("unknown",)
    assert started.rows[0].cells == (12,)
    assert sources.columns == ("unknown",)
    bands = next(t for t in report.tables if t.key == "bands")
    assert bands.columns == ("not_lonely", "moderate", "severe")  # always all three
    assert "Onbekend" in render(report, "table")


async def test_the_funnel_follows_a_given_question_order(db: Database) -> None:
    steps = ("djg_4", "djg_3", "djg_2", "djg_1", "checkin")
    report = await build_report(db, Options(since=SINCE, until=UNTIL, steps=steps))
    funnel = next(t for t in report.tables if t.key == "funnel")
    assert funnel.columns == ("check_started", *steps)
