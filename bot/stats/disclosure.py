"""Disclosure control: small counts withheld, and nothing that lets one be worked out again.

Rules, per kind of table (every table is period by one category, rows are independent because
no total over periods is published):

- every count below ``min_cell`` is withheld as SMALL ("<10"), zero included;
- ``partition`` rows show their total, so withholding one cell is not enough: cells are added as
  HIDDEN ("x") until no withheld cell can be pinned to one value from the total, the shown cells
  and the published bounds (SMALL is 0..n-1, HIDDEN is n or more). The cell added is the smallest
  shown cell that does the job alone, else the smallest shown cell, and the check repeats;
- tables that share a row total (all conversations started, all checks completed) are checked
  together: a period that cannot be protected with its total shown is withheld in all of them;
- ``nested`` rows (a funnel) have no total, but the difference between two steps counts people
  too: a step less than ``min_cell`` away from the last shown step is HIDDEN;
- ``plain`` rows only withhold small counts; ``median`` cells need ``min_cell`` observations.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from bot.stats.model import Cell, Mark, RawTable, Row, Table

__all__ = ["exposed", "median_bucket", "protect", "protect_nested", "protect_partition"]


def exposed(values: Sequence[int], hidden: set[int], min_cell: int) -> bool:
    """Whether a reader could work out any withheld cell of a row whose total is shown.

    The reader knows the sum of the withheld cells (the total minus the shown ones), and that
    a SMALL cell lies in 0..n-1 and a HIDDEN one in n..sum. With one linear constraint over
    boxes, a cell's possible values are exactly [max(lo, sum - others' highs),
    min(hi, sum - others' lows)]: exposed when that range is a single value.
    """
    if not hidden:
        return False
    held = sum(values[i] for i in hidden)
    bounds = {i: (0, min_cell - 1) if values[i] < min_cell else (min_cell, held) for i in hidden}
    lows = sum(low for low, _ in bounds.values())
    highs = sum(high for _, high in bounds.values())
    for low, high in bounds.values():
        least = max(low, held - (highs - high))
        most = min(high, held - (lows - low))
        if least >= most:
            return True
    return False


def protect_partition(values: Sequence[int], min_cell: int) -> tuple[set[int], bool]:
    """The cells to withhold in a row whose total is shown, and whether that suffices.

    False means even withholding every cell leaves one determined (all cells n-1): the
    caller must withhold the total as well.
    """
    if sum(values) < min_cell:
        return set(range(len(values))), True
    hidden = {i for i, value in enumerate(values) if value < min_cell}
    while exposed(values, hidden, min_cell):
        shown = sorted((i for i in range(len(values)) if i not in hidden), key=lambda i: values[i])
        if not shown:
            return hidden, False
        enough = [i for i in shown if not exposed(values, hidden | {i}, min_cell)]
        hidden.add(enough[0] if enough else shown[0])
    return hidden, True


def protect_nested(values: Sequence[int], min_cell: int) -> tuple[Cell, ...]:
    """A funnel row: small steps withheld, and steps 1..n-1 away from the last shown step."""
    cells: list[Cell] = []
    last: int | None = None
    for value in values:
        if value < min_cell:
            cells.append(Mark.SMALL)
        elif last is not None and 0 < abs(value - last) < min_cell:
            cells.append(Mark.HIDDEN)
        else:
            cells.append(value)
            last = value
    return tuple(cells)


def _bucket_order(bucket: str) -> tuple[int, str]:
    match = re.match(r"\d+", bucket)
    return (int(match.group()) if match else 1 << 30, bucket)


def median_bucket(buckets: Mapping[str, int]) -> str:
    """The bucket holding the lower median observation (buckets ordered by their first number)."""
    ordered = sorted(buckets, key=_bucket_order)
    middle = (sum(buckets.values()) + 1) // 2
    seen = 0
    for bucket in ordered:
        seen += buckets[bucket]
        if seen >= middle:
            return bucket
    msg = "median of no observations"
    raise ValueError(msg)


def _mark(value: int, min_cell: int) -> Mark:
    return Mark.SMALL if value < min_cell else Mark.HIDDEN


def _values(raw: RawTable, period: str) -> list[int]:
    return [raw.counts.get((period, column), 0) for column in raw.columns]


def _partition_rows(raw: RawTable, min_cell: int, blank: set[str]) -> tuple[Row, ...]:
    rows = []
    for period in raw.periods:
        values = _values(raw, period)
        total = sum(values)
        hidden, _ = protect_partition(values, min_cell)
        if period in blank:
            hidden = set(range(len(values)))
        cells: list[Cell] = [
            _mark(value, min_cell) if i in hidden else value for i, value in enumerate(values)
        ]
        shown_total: int | Mark = total
        if total < min_cell or period in blank:
            shown_total = _mark(total, min_cell)
        rows.append(Row(period, tuple(cells), shown_total))
    return tuple(rows)


def _unprotectable(raw: RawTable, min_cell: int) -> set[str]:
    return {
        period
        for period in raw.periods
        if not protect_partition(_values(raw, period), min_cell)[1]
    }


def _share_table(funnel: Table) -> Table:
    """The funnel as percentages of its first column, for shown counts over a shown base."""
    rows = []
    for row in funnel.rows:
        base = row.cells[0] if row.cells else Mark.HIDDEN
        cells: list[Cell] = []
        for cell in row.cells:
            if isinstance(cell, Mark):
                cells.append(cell)
            elif isinstance(base, int) and base > 0:
                cells.append(round(100 * int(cell) / base, 1))
            else:
                cells.append(Mark.HIDDEN)
        rows.append(Row(row.period, tuple(cells)))
    return Table("funnel_share", "share", funnel.dimension, funnel.columns, tuple(rows))


def protect(raws: Sequence[RawTable], min_cell: int) -> tuple[Table, ...]:
    """Every table in publishable form, in the order given; the funnel gets a percentage twin."""
    blank: dict[str, set[str]] = defaultdict(set)
    for raw in raws:
        if raw.metric.kind == "partition":
            blank[raw.metric.group or raw.metric.key] |= _unprotectable(raw, min_cell)
    tables: list[Table] = []
    for raw in raws:
        metric = raw.metric
        rows: tuple[Row, ...]
        if metric.kind == "partition":
            rows = _partition_rows(raw, min_cell, blank[metric.group or metric.key])
        elif metric.kind == "nested":
            rows = tuple(
                Row(period, protect_nested(_values(raw, period), min_cell))
                for period in raw.periods
            )
        elif metric.kind == "median":
            rows = tuple(
                Row(period, tuple(_median_cell(raw, period, c, min_cell) for c in raw.columns))
                for period in raw.periods
            )
        else:
            rows = tuple(_plain_row(raw, period, min_cell) for period in raw.periods)
        table = Table(metric.key, metric.kind, metric.dimension, raw.columns, rows)
        tables.append(table)
        if metric.kind == "nested" and metric.lead is not None:
            tables.append(_share_table(table))
    return tuple(tables)


def _plain_row(raw: RawTable, period: str, min_cell: int) -> Row:
    values = _values(raw, period)
    return Row(period, tuple(v if v >= min_cell else Mark.SMALL for v in values))


def _median_cell(raw: RawTable, period: str, column: str, min_cell: int) -> Cell:
    buckets = raw.buckets.get((period, column), {})
    if sum(buckets.values()) < min_cell:
        return Mark.SMALL
    return median_bucket(buckets)
