"""The shapes of the statistics report: what is counted, the raw counts, the protected tables."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

__all__ = [
    "Cell",
    "Format",
    "Kind",
    "Mark",
    "Metric",
    "Options",
    "Period",
    "RawTable",
    "Report",
    "Row",
    "Table",
]

Period = Literal["day", "week", "month"]
Format = Literal["table", "csv", "tidy", "json", "html"]

#: How a table's cells relate (see disclosure.py):
#: ``partition`` — every conversation falls in one column, the row total is shown;
#: ``nested`` — later columns are subsets of the first (a funnel), no total;
#: ``plain`` — independent counts, no total; ``median`` — a median bucket per cell;
#: ``share`` — percentages derived from an already protected nested table.
Kind = Literal["partition", "nested", "plain", "median", "share"]


class Mark(enum.Enum):
    """A withheld count."""

    #: below the floor (the minimum cell size): shown as "<10"
    SMALL = "small"
    #: withheld so that a sensitive SMALL cell cannot be narrowed down (a row total, or a
    #: whole row), or a percentage of a base that is itself withheld: shown as "x"
    HIDDEN = "hidden"


#: A published cell: a count, a percentage, a median bucket, or a withheld value.
Cell = int | float | str | Mark


@dataclass(frozen=True, slots=True)
class Metric:
    """One table of the report and how to count it from the events.

    The category is the JSON field ``dim`` of the events (the event name when ``dim`` is None);
    ``lead`` is the funnel's start: every other column counts only conversations that had it,
    in the period of the lead event, so no step can exceed it. ``by_name`` are events counted
    under their own name instead of their ``dim`` field (the funnel's "check started").
    ``group`` links tables whose row totals are the same number (all completed checks).
    ``sensitive`` tables tie a trait to people (loneliness, age, crisis): no count withheld in
    them may be narrowed down from what else the row shows (see disclosure.py).
    """

    key: str
    kind: Kind
    events: tuple[str, ...]
    dim: str | None = None
    extra: str | None = None
    lead: str | None = None
    by_name: tuple[str, ...] = ()
    group: str | None = None
    sensitive: bool = False
    #: the column order; other values seen go at "*" (default: after them)
    columns: tuple[str, ...] = ()
    #: show ``columns`` even when a value never occurs. Worth it where an absent column would
    #: say "nobody in this range" (loneliness bands, crisis); not where every empty column
    #: would, as a 0, force a second suppression in each row (channels, sources, languages).
    fixed: bool = True
    #: count events instead of distinct conversations
    per_event: bool = False
    #: the events carry no field but ``dim``, so counting by their raw data is exact
    single_field: bool = False

    @property
    def dimension(self) -> str:
        """The name of the category field, also used as the key in monthly totals."""
        return self.dim or "event"


@dataclass(frozen=True, slots=True)
class RawTable:
    """Unprotected counts straight from the database: never rendered."""

    metric: Metric
    periods: tuple[str, ...]
    columns: tuple[str, ...]
    #: (period, column) → count, or for a median table (period, column) → {bucket: count}
    counts: Mapping[tuple[str, str], int] = field(default_factory=dict)
    buckets: Mapping[tuple[str, str], Mapping[str, int]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Row:
    """One period of a protected table."""

    period: str
    cells: tuple[Cell, ...]
    total: int | Mark | None = None


@dataclass(frozen=True, slots=True)
class Table:
    """A table that is safe to publish: counts rounded, every small count withheld."""

    key: str
    kind: Kind
    dimension: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    #: the column headings when they are not the fixed labels (the funnel's questions)
    names: tuple[str, ...] = ()
    #: set when this table repeats another over a coarser period than the report's
    by: Period | None = None


@dataclass(frozen=True, slots=True)
class Options:
    """What the analyst asked for."""

    since: date | None = None
    until: date | None = None
    by: Period = "week"
    #: the floor: a count below it is shown as "<10"
    min_cell: int = 10
    #: every count at or above the floor is rounded to a multiple of this
    base: int = 5
    #: the funnel's question order; by default the order in which the questions first appear
    steps: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Report:
    """The protected tables and the choices that made them."""

    options: Options
    periods: tuple[str, ...]
    tables: tuple[Table, ...]
    #: monthly totals (older than the retention period) were read for these periods
    rolled_up: tuple[str, ...] = ()
    #: tables repeated over a coarser period because the report's period hides most cells
    coarser: tuple[str, ...] = ()
