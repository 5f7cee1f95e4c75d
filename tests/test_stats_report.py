"""The report from a known set of events: exact tables in every format, options, the command."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bot.stats import Mark, Options, Report, build_report, render
from bot.stats.labels import rule_lines, table_title
from bot.stats.model import Format, Row, Table
from bot.stats.query import read_counts
from bot.stats.questions import funnel_steps
from bot.storage import Database
from bot.storage.base import Db
from tests.auxil.stats_events import STEPS, WEEK_47, event, write_known_events

SINCE, UNTIL = date(2026, 11, 16), date(2026, 11, 29)
OPTIONS = Options(since=SINCE, until=UNTIL, by="week")

# The funnel's questions in words, as the installed flow and Dutch catalog word them.
QUESTIONS = [funnel_steps().name(step) for step in STEPS]

# Header and rows of every table, as the text and HTML formats show them. Worked out by hand
# from tests/auxil/stats_events.py: a count below 10 is "<10", every other count is rounded to
# a multiple of 5 (12 → 10, 13 → 15), totals too; percentages come from the rounded counts.
# Nothing of 10 or more is withheld: no sensitive "<10" here can be narrowed below 5 values.
GRIDS: dict[str, list[list[str]]] = {
    "started": [
        ["Periode", "Telegram", "Terminal", "Totaal"],
        ["2026-W47", "25", "<10", "30"],
        ["2026-W48", "40", "<10", "40"],
    ],
    "sources": [
        ["Periode", "poster-a", "school-b", "Geen code (direct)", "Totaal"],
        ["2026-W47", "10", "<10", "<10", "30"],
        ["2026-W48", "20", "10", "10", "40"],
    ],
    "languages": [
        ["Periode", "Nederlands", "Engels", "Totaal"],
        ["2026-W47", "20", "10", "30"],
        ["2026-W48", "30", "<10", "40"],
    ],
    # a conversation counts in the week it started; 28 checks started round to 30 = 100 %;
    # Vraag 5 is 10 answers and 2 skips (12 → 10)
    "funnel": [
        ["Periode", "Gesprek gestart", "Check begonnen (ja op vraag 1)", *QUESTIONS],
        ["2026-W47", "30", "30", "25", "25", "20", "10", "<10"],
        ["2026-W48", "40", "35", "35", "25", "25", "15", "10"],
    ],
    "funnel_share": [
        ["Periode", "Gesprek gestart", "Check begonnen (ja op vraag 1)", *QUESTIONS],
        ["2026-W47", "100%", "100%", "83%", "83%", "67%", "33%", "<10"],
        ["2026-W48", "100%", "88%", "88%", "63%", "63%", "38%", "25%"],
    ],
    "bands": [
        ["Periode", "Niet eenzaam", "Matig eenzaam", "Ernstig eenzaam", "Totaal"],
        ["2026-W47", "<10", "10", "<10", "20"],
        ["2026-W48", "10", "10", "<10", "30"],
    ],
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
        ["2026-W47", "<10", "10", "<10", "<10", "<10", "20"],
        ["2026-W48", "<10", "15", "15", "<10", "<10", "30"],
    ],
    # the weeks show fewer than half of the age bands, so the month follows right under them
    "age_bands-month": [
        [
            "Periode",
            "Jonger dan 16",
            "16 t/m 19 jaar",
            "20 t/m 24 jaar",
            "25 t/m 27 jaar",
            "Ouder dan 27",
            "Totaal",
        ],
        ["2026-11", "<10", "25", "25", "<10", "<10", "50"],
    ],
    "offers": [
        [
            "Periode",
            "Join Us",
            "Gelukscafé",
            "Studentenzorgwijzer",
            "Praten met een jongerenwerker",
        ],
        ["2026-W47", "10", "<10", "15", "<10"],
        ["2026-W48", "20", "10", "<10", "<10"],
    ],
    "handoffs": [
        ["Periode", "JoU", "U Centraal", "Totaal"],
        ["2026-W47", "10", "<10", "15"],
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
        ["2026-W47", "15", "15", "10", "10"],
        ["2026-W48", "20", "20", "20", "<10"],
    ],
    "first_reply": [
        ["Periode", "JoU", "U Centraal"],
        ["2026-W47", "5\N{EN DASH}15 min", "te weinig overdrachten (<10)"],
        ["2026-W48", "0\N{EN DASH}5 min", "60+ min"],
    ],
    "crisis": [
        ["Periode", "Zelfdoding", "Zelfbeschadiging", "Misbruik of geweld", "Acuut gevaar"],
        ["2026-W47", "<10", "<10", "<10", "<10"],
        ["2026-W48", "<10", "<10", "<10", "<10"],
    ],
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
        ["2026-W47", "15", "15", "10", "<10", "<10", "20"],
        ["2026-W48", "10", "20", "<10", "10", "<10", "30"],
    ],
}

GOLDEN_TABLE = """\
Omarmt: anonieme statistieken
Van 2026-11-16 tot en met 2026-11-29, per week.
Per week zou van deze tabellen meer dan de helft van de cellen weglaten; daarom staan ze er ook per
langere periode (de titel zegt welke), direct eronder: Leeftijdsgroep bij een afgeronde check.

Gesprekken gestart, per kanaal
Gesprekken die begonnen. Het totaal is het aantal gestarte gesprekken.

Periode   Telegram  Terminal  Totaal
--------  --------  --------  ------
2026-W47        25       <10      30
2026-W48        40       <10      40

Waar gesprekken vandaan komen (deeplink-code)
De code in de link of QR-code waarmee een gesprek begon: welke poster, school of partner jongeren
bereikt.

Periode   poster-a  school-b  Geen code (direct)  Totaal
--------  --------  --------  ------------------  ------
2026-W47        10       <10                 <10      30
2026-W48        20        10                  10      40

Taal bij de start
De taal waarin een gesprek begon.

Periode   Nederlands  Engels  Totaal
--------  ----------  ------  ------
2026-W47          20      10      30
2026-W48          30     <10      40

Trechter: gesprekken per vraag
Alle gesprekken die in de periode begonnen, en hoeveel daarvan elke vraag bereikten (beantwoord of
overgeslagen), in de volgorde van de vragen. Een gesprek telt in de periode waarin het begon, ook
als het later verder ging.

Periode   Gesprek gestart  Check begonnen (ja op vraag 1)  Vraag 2  Vraag 3  Vraag 4  Vraag 5  Vraag 6
--------  ---------------  ------------------------------  -------  -------  -------  -------  -------
2026-W47               30                              30       25       25       20       10      <10
2026-W48               40                              35       35       25       25       15       10

{age}
{student}
{djg1}
{djg2}
{djg3}

Trechter in procenten
Elke stap als percentage van de gestarte gesprekken (de eerste kolom), berekend uit de afgeronde
aantallen; nooit meer dan 100%.

Periode   Gesprek gestart  Check begonnen (ja op vraag 1)  Vraag 2  Vraag 3  Vraag 4  Vraag 5  Vraag 6
--------  ---------------  ------------------------------  -------  -------  -------  -------  -------
2026-W47             100%                            100%      83%      83%      67%      33%      <10
2026-W48             100%                             88%      88%      63%      63%      38%      25%

{age}
{student}
{djg1}
{djg2}
{djg3}

Uitkomst van de check (eenzaamheid)
Per afgeronde check de uitkomst van de zes vragen van De Jong Gierveld: een indicatie, geen
diagnose. Het totaal is het aantal afgeronde checks.

Periode   Niet eenzaam  Matig eenzaam  Ernstig eenzaam  Totaal
--------  ------------  -------------  ---------------  ------
2026-W47           <10             10              <10      20
2026-W48            10             10              <10      30

Leeftijdsgroep bij een afgeronde check
Het totaal is het aantal afgeronde checks.

Periode   Jonger dan 16  16 t/m 19 jaar  20 t/m 24 jaar  25 t/m 27 jaar  Ouder dan 27  Totaal
--------  -------------  --------------  --------------  --------------  ------------  ------
2026-W47            <10              10             <10             <10           <10      20
2026-W48            <10              15              15             <10           <10      30

Leeftijdsgroep bij een afgeronde check (per maand)
Het totaal is het aantal afgeronde checks.

Periode  Jonger dan 16  16 t/m 19 jaar  20 t/m 24 jaar  25 t/m 27 jaar  Ouder dan 27  Totaal
-------  -------------  --------------  --------------  --------------  ------------  ------
2026-11            <10              25              25             <10           <10      50

Aanbod getoond
Gesprekken waarin dit aanbod werd getoond. Een gesprek kan meer dan één aanbod zien, daarom staat
er geen totaal.

Periode   Join Us  Gelukscafé  Studentenzorgwijzer  Praten met een jongerenwerker
--------  -------  ----------  -------------------  -----------------------------
2026-W47       10         <10                   15                            <10
2026-W48       20          10                  <10                            <10

Aanvragen voor een gesprek met een jongerenwerker, per organisatie
Elke keer dat iemand vroeg om met een jongerenwerker te praten. Het totaal is het aantal aanvragen.

Periode   JoU  U Centraal  Totaal
--------  ---  ----------  ------
2026-W47   10         <10      15
2026-W48   10          10      20

Overdracht aan een jongerenwerker, per stap
Gesprekken die elke stap van de overdracht bereikten.

Periode   Aangevraagd  Doorgezet naar medewerkers  Opgepakt door een medewerker  Afgesloten
--------  -----------  --------------------------  ----------------------------  ----------
2026-W47           15                          15                            10          10
2026-W48           20                          20                            20         <10

Wachttijd tot het eerste antwoord van een medewerker (mediaan)
De groep minuten waarin de mediaan valt. Met minder dan 10 overdrachten met een antwoord staat er
geen mediaan, maar “te weinig overdrachten”.

Periode        JoU                    U Centraal
--------  --------  ----------------------------
2026-W47  5–15 min  te weinig overdrachten (<10)
2026-W48   0–5 min                       60+ min

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
2026-W47                  15                    15            10      <10                      <10                             20
2026-W48                  10                    20           <10       10                      <10                             30

Privacyregel: een aantal kleiner dan 10 staat er als "<10" (ook 0). Alle andere aantallen, ook
totalen, zijn afgerond op een veelvoud van 5 (12 wordt 10, 13 wordt 15), dus een getoonde 15 is 13
tot en met 17. Percentages zijn berekend uit de afgeronde aantallen.
Bij eenzaamheid, leeftijd en crisis is een "<10" nooit nauwkeuriger terug te rekenen dan op 5
mogelijke waarden; waar dat met het totaal wel zou kunnen, staat het totaal (of de hele periode) er
als "x".
Elke tabel heeft ten hoogste twee dimensies: periode en één kenmerk. Er zijn geen totalen over
perioden: kies daarvoor een grovere periode (--by).
Bewaard worden alleen de dag, categorieën en een willekeurige code per gesprek die niet van de
persoon is afgeleid: geen namen, nummers, tijden of teksten. Per gesprek ten hoogste 35 dagen;
daarna alleen als maandtotaal.
"""  # noqa: E501, RUF001 - as wide as its columns; minute ranges have an en dash


@pytest.fixture
async def db(any_db: Db) -> Db:
    """The known events, on SQLite and on PostgreSQL: the report must read the same."""
    await write_known_events(any_db)
    return any_db


@pytest.fixture
async def report(db: Db) -> Report:
    return await build_report(db, OPTIONS)


def _key(table: Table) -> str:
    return f"{table.key}-{table.by}" if table.by else table.key


def _json_key(table: dict[str, str]) -> str:
    return f"{table['key']}-{table['by']}" if table["by"] else table["key"]


def test_the_tables_are_in_this_order(report: Report) -> None:
    assert [_key(t) for t in report.tables] == list(GRIDS)
    assert report.periods == ("2026-W47", "2026-W48")


def test_table_format_is_exact(report: Report) -> None:
    assert render(report, "table") == GOLDEN_TABLE.format(
        **dict(zip(STEPS, QUESTIONS, strict=True))
    )


def _csv_blocks(text: str, tables: Sequence[Table]) -> dict[str, list[list[str]]]:
    """Each table's header and rows, found under its title line."""
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    titles = {table_title(t): _key(t) for t in tables}
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
    assert _csv_blocks(text, report.tables) == expected
    # whole percentages as bare numbers, so Excel reads numbers
    assert "2026-W47;100;100;83;83;67;33;<10\r\n" in text
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
    if text == "te weinig overdrachten (<10)":
        return "<10"
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
    assert [_json_key(t) for t in document["tables"]] == list(GRIDS)
    for table in document["tables"]:
        header, *rows = GRIDS[_json_key(table)]
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
    assert document["coarser"] == ["age_bands"]
    assert list(document)[-1] == "rule"  # the rule at the foot


def test_json_uses_raw_keys_and_labels(report: Report) -> None:
    document = json.loads(render(report, "json"))
    sources = next(t for t in document["tables"] if t["key"] == "sources")
    assert sources["columns"][2] == {"key": "none", "label": "Geen code (direct)"}
    assert sources["rows"][0]["cells"] == {"poster-a": 10, "school-b": "<10", "none": "<10"}


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


def _on_its_side(grid: list[list[str]]) -> list[list[str]]:
    turned = [list(column) for column in zip(*grid, strict=True)]
    turned[0][0] = "Stap"
    return turned


def test_html_tables_are_exact(report: Report) -> None:
    parser = _Tables()
    parser.feed(render(report, "html"))
    # the funnel turned on its side: a row per question in words, a column per period
    expected = {
        f"{key}-table": _on_its_side(grid) if key.startswith("funnel") else grid
        for key, grid in GRIDS.items()
    }
    assert parser.tables == expected


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
               "age_bands-month", "offers", "handoffs", "handoff_stages", "activity"]  # fmt: skip
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
    # W47 channels: the terminal is "<10", so its part is the hatched block: 30 - 25
    assert "2026-W47: Terminal" not in page
    assert "2026-W47: weggelaten (&lt;10 of x) 5</title>" in page
    assert "2026-W48: Telegram 40</title>" in page
    assert "2026-W47: Nederlands 20</title>" in page


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "html"])
def test_every_output_states_the_rule_at_its_foot(report: Report, fmt: Format) -> None:
    text = render(report, fmt)
    rule = "Privacyregel: een aantal kleiner dan 10"
    assert rule in text
    assert text.rindex(rule) > text.rindex("2026-W48")


async def test_an_empty_range_says_so(db: Db) -> None:
    report = await build_report(db, Options(since=date(2020, 1, 1), until=date(2020, 1, 31)))
    assert report.periods == ()
    assert "Geen gegevens in deze periode." in render(report, "table")
    assert json.loads(render(report, "json"))["tables"] == []
    assert "Privacyregel" in render(report, "html")


async def test_by_month_one_period_for_both_weeks(db: Db) -> None:
    report = await build_report(db, Options(by="month"))
    assert report.periods == ("2026-11",)
    # 65 on Telegram, 5 in the terminal: the small cell no longer takes the 65 with it
    assert report.tables[0].rows == (Row("2026-11", (65, Mark.SMALL), 70),)
    assert "Van 2026-11 tot en met 2026-11, per maand." in render(report, "table")


async def test_since_and_until_are_inclusive_days(db: Db) -> None:
    # Sunday of W47 holds conversations 6, 13, 20, 27; Monday of W48 holds 0, 7, ..., 35.
    report = await build_report(db, Options(since=date(2026, 11, 22), until=date(2026, 11, 23)))
    assert report.periods == ("2026-W47", "2026-W48")
    assert [row.total for row in report.tables[0].rows] == [Mark.SMALL, Mark.SMALL]
    counts = await read_counts(
        db, Options(since=date(2026, 11, 22), until=date(2026, 11, 23), by="day")
    )
    assert counts.periods == ("2026-11-22", "2026-11-23")
    started = counts.tables[0]
    totals = [sum(started.counts.get((p, c), 0) for c in started.columns) for p in counts.periods]
    assert totals == [4, 6]


async def test_a_lower_minimum_cell_shows_more(db: Db) -> None:
    report = await build_report(db, Options(since=SINCE, until=UNTIL, min_cell=5))
    text = render(report, "table")
    assert "<5" in text
    assert "<10" not in text.split("Privacyregel")[0]
    started = report.tables[0]
    assert started.rows[0].cells == (25, 5)
    assert "te weinig overdrachten (<5)" in text


async def test_events_without_a_field_count_as_unknown_in_a_last_column(tmp_path: Path) -> None:
    async with Database.open(tmp_path / "u.sqlite3") as db:
        turns = [(f"c{i}", WEEK_47, [event("conversation_started")]) for i in range(12)]
        await db.stats().record_many(turns)
        report = await build_report(db, OPTIONS)
    started, sources = report.tables[:2]
    assert started.columns == ("unknown",)
    assert started.rows[0].cells == (10,)  # 12, rounded
    assert sources.columns == ("unknown",)
    bands = next(t for t in report.tables if t.key == "bands")
    assert bands.columns == ("not_lonely", "moderate", "severe")  # always all three
    assert "Onbekend" in render(report, "table")


async def test_the_funnel_follows_a_given_question_order(db: Db) -> None:
    steps = ("djg3", "djg2", "djg1", "student", "age", "check_started")
    report = await build_report(db, Options(since=SINCE, until=UNTIL, steps=steps))
    funnel = next(t for t in report.tables if t.key == "funnel")
    assert funnel.columns == ("conversation_started", *steps)


def test_tidy_csv_is_one_value_per_line(report: Report) -> None:
    text = render(report, "tidy")
    assert not text.startswith("\ufeff")  # plain UTF-8: pandas and R read it as it is
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == ["period", "measure", "group", "value"]
    got = {(r["period"], r["measure"], r["group"]): r["value"] for r in rows}
    assert got["2026-W47", "started", "telegram"] == "25"
    assert got["2026-W47", "started", "terminal"] == "NA"  # withheld: missing, not text
    assert got["2026-W47", "started", "total"] == "30"
    assert got["2026-W48", "funnel", "djg3"] == "10"
    assert got["2026-W48", "funnel_share", "age"] == "88.0"
    assert got["2026-11", "age_bands", "20-24"] == "25"  # the coarser table, by its period
    assert got["2026-W47", "first_reply_minutes_from", "jou"] == "5"
    assert got["2026-W47", "first_reply_minutes_to", "jou"] == "15"
    assert got["2026-W48", "first_reply_minutes_to", "ucentraal"] == "NA"  # 60+
    assert got["2026-W47", "first_reply_minutes_from", "ucentraal"] == "NA"  # too few
    # one line per published cell and total, nothing else: every value a number or NA
    cells = sum(
        len(row.cells) * (2 if t.kind == "median" else 1) + (row.total is not None)
        for t in report.tables
        for row in t.rows
    )
    assert len(rows) == cells == len(got)
    for value in got.values():
        assert value == "NA" or float(value) >= 0
