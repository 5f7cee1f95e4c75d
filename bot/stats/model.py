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
Format = Literal["table", "csv", "json", "html"]

#: How a table's cells relate, which decides how it is protected (see disclosure.py):
#: ``partition`` — every conversation falls in one column, the row total is shown;
#: ``nested`` — later columns are subsets of earlier ones (a funnel), no total;
#: ``plain`` — independent counts, no total; ``median`` — a median bucket per cell;
#: ``share`` — percentages derived from an already protected nested table.
Kind = Literal["partition", "nested", "plain", "median", "share"]


class Mark(enum.Enum):
    """A withheld count."""

    #: below the minimum cell size: shown as "<10"
    SMALL = "small"
    #: large enough, but withheld so that a SMALL cell cannot be worked out: shown as "x"
    HIDDEN = "hidden"


#: A published cell: a count, a percentage, a median bucket, or a withheld value.
Cell = int | float | str | Mark


@dataclass(frozen=True, slots=True)
class Metric:
    """One table of the report and how to count it from the events.

    The category is the JSON field ``dim`` of the events (the event name when ``dim`` is None);
    ``lead`` is an event counted as a column of its own before the others (the funnel's start).
    ``group`` links tables whose row totals are the same number (all conversations started).
    """

    key: str
    kind: Kind
    events: tuple[str, ...]
    dim: str | None = None
    extra: str | None = None
    lead: str | None = None
    group: str | None = None
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
    """A table that is safe to publish: every small count is withheld."""

    key: str
    kind: Kind
    dimension: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True)
class Options:
    """What the analyst asked for."""

    since: date | None = None
    until: date | None = None
    by: Period = "week"
    min_cell: int = 10
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
