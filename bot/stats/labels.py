"""The Dutch words of the analyst report: table titles, category names and the disclosure rule.

The report is read by the municipality's analysts, not by young people, so these texts live here
and not in the gettext catalogs (see docs/stats.md). A value without a label is shown as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from bot.stats.model import Cell, Kind, Mark, Period, Report, Table
from bot.stats.rollup import MAX_EVENT_DAYS

__all__ = [
    "PERIOD_NAMES",
    "REPORT_TITLE",
    "cell_text",
    "column_label",
    "column_names",
    "describe",
    "heading_lines",
    "mark_label",
    "rule_lines",
    "table_title",
    "title",
]

REPORT_TITLE = "Omarmt: anonieme statistieken"

UNKNOWN = "Onbekend"
EN_DASH = "\N{EN DASH}"

# One mapping per dimension; `column_label` falls back to the raw value (deep-link codes, steps).
_LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "channel": {"telegram": "Telegram", "terminal": "Terminal", "whatsapp": "WhatsApp"},
        "language": {"nl": "Nederlands", "en": "Engels"},
        "source": {"none": "Geen code (direct)", "other": "Onbekende code"},
        "band": {
            "not_lonely": "Niet eenzaam",
            "moderate": "Matig eenzaam",
            "severe": "Ernstig eenzaam",
        },
        "age_band": {
            "under_16": "Jonger dan 16",
            "16-19": "16 t/m 19 jaar",
            "20-24": "20 t/m 24 jaar",
            "25-27": "25 t/m 27 jaar",
            "over_27": "Ouder dan 27",
        },
        "offer": {
            "join_us": "Join Us",
            "gelukscafe": "Gelukscafé",
            "studentenzorgwijzer": "Studentenzorgwijzer",
            "person": "Praten met een jongerenwerker",
            "kindertelefoon": "De Kindertelefoon",
            "luisterlijn": "De Luisterlijn",
        },
        "category": {
            "suicide": "Zelfdoding",
            "self_harm": "Zelfbeschadiging",
            "abuse": "Misbruik of geweld",
            "danger": "Acuut gevaar",
        },
        "organisation": {"jou": "JoU", "ucentraal": "U Centraal"},
        "event": {
            "handoff_requested": "Aangevraagd",
            "handoff_opened": "Doorgezet naar medewerkers",
            "handoff_claimed": "Opgepakt door een medewerker",
            "handoff_closed": "Afgesloten",
            "help_shown": "Hulplijnen getoond",
            "talk_requested": "Vroeg om een persoon",
            "language_chosen": "Taal gekozen",
            "stopped": "Gestopt",
            "forgotten": "Alles gewist (/vergeet)",
            "flow_ended": "Einde van het gesprek bereikt",
        },
    }
)

# Table key → (title, one line on what is counted).
_TITLES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "started": (
            "Gesprekken gestart, per kanaal",
            "Gesprekken die begonnen. Het totaal is het aantal gestarte gesprekken.",
        ),
        "sources": (
            "Waar gesprekken vandaan komen (deeplink-code)",
            "De code in de link of QR-code waarmee een gesprek begon: welke poster, school of "
            "partner jongeren bereikt.",
        ),
        "languages": ("Taal bij de start", "De taal waarin een gesprek begon."),
        "funnel": (
            "Trechter: gesprekken per vraag",
            "Alle gesprekken die in de periode begonnen, en hoeveel daarvan elke vraag "
            "bereikten (beantwoord of overgeslagen), in de volgorde van de vragen. Een gesprek "
            "telt in de periode waarin het begon, ook als het later verder ging.",
        ),
        "funnel_share": (
            "Trechter in procenten",
            "Elke stap als percentage van de gestarte gesprekken (de eerste kolom), berekend "
            "uit de afgeronde aantallen; nooit meer dan 100%.",
        ),
        "bands": (
            "Uitkomst van de check (eenzaamheid)",
            "Per afgeronde check de uitkomst van de zes vragen van De Jong Gierveld: een "
            "indicatie, geen diagnose. Het totaal is het aantal afgeronde checks.",
        ),
        "age_bands": (
            "Leeftijdsgroep bij een afgeronde check",
            "Het totaal is het aantal afgeronde checks.",
        ),
        "offers": (
            "Aanbod getoond",
            "Gesprekken waarin dit aanbod werd getoond. Een gesprek kan meer dan één aanbod "
            "zien, daarom staat er geen totaal.",
        ),
        "handoffs": (
            "Aanvragen voor een gesprek met een jongerenwerker, per organisatie",
            "Elke keer dat iemand vroeg om met een jongerenwerker te praten. Het totaal is het "
            "aantal aanvragen.",
        ),
        "handoff_stages": (
            "Overdracht aan een jongerenwerker, per stap",
            "Gesprekken die elke stap van de overdracht bereikten.",
        ),
        "first_reply": (
            "Wachttijd tot het eerste antwoord van een medewerker (mediaan)",
            "De groep minuten waarin de mediaan valt. Met minder dan 10 overdrachten met "
            "een antwoord staat er geen mediaan, maar \u201cte weinig overdrachten\u201d.",
        ),
        "crisis": (
            "Signalen van crisis, per soort",
            "Gesprekken waarin de bot een signaal herkende en meteen de crisislijnen gaf.",
        ),
        "activity": (
            "Andere acties in gesprekken",
            "Gesprekken waarin dit gebeurde; een gesprek kan in meer kolommen staan.",
        ),
    }
)

PERIOD_NAMES: Mapping[Period, str] = MappingProxyType(
    {"day": "per dag", "week": "per week", "month": "per maand"}
)


def title(key: str) -> str:
    """The heading of a table."""
    return _TITLES[key][0]


def describe(key: str) -> str:
    """One sentence on what a table counts."""
    return _TITLES[key][1]


def column_label(dimension: str, value: str) -> str:
    """The Dutch name of one category value."""
    if value == "unknown":
        return UNKNOWN
    if dimension == "minutes":
        return f"{value.replace('-', EN_DASH)} min"
    return _LABELS.get(dimension, {}).get(value, value)


def mark_label(mark: Mark, min_cell: int) -> str:
    """How a withheld cell reads in every format."""
    return f"<{min_cell}" if mark is Mark.SMALL else "x"


def withheld_label(mark: Mark, min_cell: int, kind: Kind) -> str:
    """A withheld cell in a table of this kind: a median of too few says what is too few."""
    if kind == "median" and mark is Mark.SMALL:
        return f"te weinig overdrachten (<{min_cell})"
    return mark_label(mark, min_cell)


def cell_text(cell: Cell, min_cell: int, *, percent: str = "%", kind: Kind = "plain") -> str:
    """A cell as Dutch text: counts as digits, whole percentages, minutes as a range."""
    if isinstance(cell, Mark):
        return withheld_label(cell, min_cell, kind)
    if isinstance(cell, float):
        return f"{cell:.0f}" + percent
    if isinstance(cell, str):
        return column_label("minutes", cell)
    return str(cell)


def column_names(table: Table) -> tuple[str, ...]:
    """The headings of a table's columns."""
    if table.names:
        return table.names
    return tuple(column_label(table.dimension, c) for c in table.columns)


def table_title(table: Table) -> str:
    """The heading of a table, with its period when it repeats a table over a coarser one."""
    base = title(table.key)
    return f"{base} ({PERIOD_NAMES[table.by]})" if table.by else base


def heading_lines(report: Report) -> tuple[str, ...]:
    """What the report covers: the days, the periods, and any months read as monthly totals."""
    options = report.options
    if not report.periods:
        return ("Geen gegevens in deze periode.",)
    first = options.since.isoformat() if options.since else report.periods[0]
    last = options.until.isoformat() if options.until else report.periods[-1]
    lines = [f"Van {first} tot en met {last}, {PERIOD_NAMES[options.by]}."]
    if report.rolled_up:
        months = ", ".join(report.rolled_up)
        lines.append(f"Alleen als maandtotaal bewaard (voorbije maanden): {months}.")
    if report.coarser:
        names = "; ".join(title(key) for key in report.coarser)
        lines.append(
            f"{PERIOD_NAMES[options.by].capitalize()} zou van deze tabellen meer dan de helft "
            f"van de cellen weglaten; daarom staan ze er ook per langere periode (de titel zegt "
            f"welke), direct eronder: {names}."
        )
    return tuple(lines)


def rule_lines(min_cell: int, base: int = 5) -> tuple[str, ...]:
    """The disclosure rule, stated at the foot of every output."""
    return (
        f'Privacyregel: een aantal kleiner dan {min_cell} staat er als "<{min_cell}" (ook 0). '
        f"Alle andere aantallen, ook totalen, zijn afgerond op een veelvoud van {base} "
        f"(12 wordt 10, 13 wordt 15), dus een getoonde 15 is 13 tot en met 17. Percentages "
        "zijn berekend uit de afgeronde aantallen.",
        f'Bij eenzaamheid, leeftijd en crisis is een "<{min_cell}" nooit nauwkeuriger terug '
        f"te rekenen dan op {base} mogelijke waarden; waar dat met het totaal wel zou kunnen, "
        'staat het totaal (of de hele periode) er als "x".',
        "Elke tabel heeft ten hoogste twee dimensies: periode en één kenmerk. Er zijn geen "
        "totalen over perioden: kies daarvoor een grovere periode (--by).",
        "Bewaard worden alleen de dag, categorieën en een willekeurige code per gesprek die "
        "niet van de persoon is afgeleid: geen namen, nummers, tijden of teksten. Per gesprek "
        f"ten hoogste {MAX_EVENT_DAYS} dagen; daarna alleen als maandtotaal.",
    )
