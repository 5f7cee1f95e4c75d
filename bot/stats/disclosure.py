"""Disclosure control: counts rounded to a base with a floor; sensitive small counts kept vague.

The rule (docs/stats.md says why), for every table:

- a count below the floor (``min_cell``, 10) is shown as SMALL ("<10"), zero included;
- every other count, row totals too, is rounded to the nearest multiple of ``base`` (5),
  halves up: 10, 12 → 10; 13, 17 → 15. The same count always rounds the same way, so a
  number shown in two tables tells no more than once;
- percentages are worked out from the rounded counts, so they show nothing the counts do not.

Sensitive tables (a trait tied to few people: loneliness band, age band, crisis) get one more
check. A reader who knows the rounding can bound every count (a shown 15 is 13..17, "<10" is
0..9) and can combine a row's cells with its total, and with the rows of tables that share the
total (band and age band both split the completed checks). The property kept:

    every count shown as "<10" in a sensitive table can still be at least ``base`` different
    values, given everything the report shows for that period in the tables that share its
    total: never less uncertain than a rounded count.

Where rounding alone leaves a "<10" narrower than that, the row total is withheld (HIDDEN,
"x") in all those tables; where that is still not enough, the whole period of those tables.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from bot.stats.model import Cell, Mark, RawTable, Row, Table

__all__ = [
    "bounds",
    "fewest_values",
    "median_bucket",
    "protect",
    "publish",
    "rounded",
]

_Bounds = tuple[float, float]


def rounded(value: int, base: int) -> int:
    """``value`` to the nearest multiple of ``base``, halves up (12 → 10, 13 → 15)."""
    return (2 * value + base) // (2 * base) * base


def publish(value: int, floor: int, base: int) -> int | Mark:
    """A count as it may be shown: SMALL below the floor, else rounded."""
    return Mark.SMALL if value < floor else rounded(value, base)


def bounds(cell: Cell | None, floor: int, base: int) -> _Bounds:
    """The true counts a reader knows a published cell can stand for."""
    if cell is Mark.SMALL:
        return 0, floor - 1
    if isinstance(cell, int) and not isinstance(cell, bool):
        return max(floor, cell - base // 2), cell + (base - 1) // 2
    return 0, math.inf


def fewest_values(
    rows: Sequence[tuple[Sequence[Cell], int | Mark | None]], floor: int, base: int
) -> float:
    """How many values the least uncertain SMALL cell can still take, over rows that split one
    total (each row: its published cells and published total).

    The total lies in its own bounds and between the sums of every row's lowest and highest
    values; a cell then lies between that total less the others' highest and less the
    others' lowest. With one sum constraint over boxes of whole numbers, that range is exact.
    """
    low, high = 0.0, math.inf
    boxes = [[bounds(cell, floor, base) for cell in cells] for cells, _ in rows]
    for (_, total), box in zip(rows, boxes, strict=True):
        total_low, total_high = bounds(total, floor, base)
        low = max(low, total_low, sum(b[0] for b in box))
        high = min(high, total_high, sum(b[1] for b in box))
    fewest = math.inf
    for (cells, _), box in zip(rows, boxes, strict=True):
        lows, highs = sum(b[0] for b in box), sum(b[1] for b in box)
        for cell, (cell_low, cell_high) in zip(cells, box, strict=True):
            if cell is not Mark.SMALL:
                continue
            least = max(cell_low, low - (highs - cell_high))
            most = min(cell_high, high - (lows - cell_low))
            fewest = min(fewest, most - least + 1)
    return fewest


def _values(raw: RawTable, period: str) -> list[int]:
    return [raw.counts.get((period, column), 0) for column in raw.columns]


def _sensitive_rows(raws: Sequence[RawTable], floor: int, base: int) -> dict[str, list[Row]]:
    """The rows of sensitive tables that share a total, protected period by period together."""
    rows: dict[str, list[Row]] = {raw.metric.key: [] for raw in raws}
    for period in raws[0].periods:
        values = [_values(raw, period) for raw in raws]
        shown: list[tuple[tuple[Cell, ...], int | Mark]] = [
            (tuple(publish(v, floor, base) for v in row), publish(sum(row), floor, base))
            for row in values
        ]
        if fewest_values(shown, floor, base) < base:
            shown = [(cells, Mark.HIDDEN) for cells, _ in shown]
        if fewest_values(shown, floor, base) < base:
            shown = [(tuple(Mark.HIDDEN for _ in cells), Mark.HIDDEN) for cells, _ in shown]
        for raw, (cells, total) in zip(raws, shown, strict=True):
            rows[raw.metric.key].append(Row(period, cells, total))
    return rows


def _share_table(funnel: Table) -> Table:
    """The funnel as whole percentages of its first column, from the rounded counts."""
    rows = []
    for row in funnel.rows:
        base = row.cells[0] if row.cells else Mark.HIDDEN
        cells: list[Cell] = []
        for cell in row.cells:
            if isinstance(cell, Mark):
                cells.append(cell)
            elif isinstance(base, int) and base > 0:
                cells.append(float((200 * int(cell) + base) // (2 * base)))  # halves up
            else:
                cells.append(Mark.HIDDEN)
        rows.append(Row(row.period, tuple(cells)))
    return Table(
        "funnel_share", "share", funnel.dimension, funnel.columns, tuple(rows), funnel.names
    )


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


def _median_cell(raw: RawTable, period: str, column: str, floor: int) -> Cell:
    buckets = raw.buckets.get((period, column), {})
    if sum(buckets.values()) < floor:
        return Mark.SMALL
    return median_bucket(buckets)


def protect(raws: Sequence[RawTable], min_cell: int, base: int = 5) -> tuple[Table, ...]:
    """Every table in publishable form, in the order given; the funnel gets a percentage twin."""
    linked: dict[str, list[RawTable]] = defaultdict(list)
    for raw in raws:
        if raw.metric.kind == "partition" and raw.metric.sensitive:
            linked[raw.metric.group or raw.metric.key].append(raw)
    sensitive: dict[str, list[Row]] = {}
    for group in linked.values():
        sensitive |= _sensitive_rows(group, min_cell, base)
    tables: list[Table] = []
    for raw in raws:
        metric = raw.metric
        rows: tuple[Row, ...]
        if metric.key in sensitive:
            rows = tuple(sensitive[metric.key])
        elif metric.kind == "median":
            rows = tuple(
                Row(period, tuple(_median_cell(raw, period, c, min_cell) for c in raw.columns))
                for period in raw.periods
            )
        else:
            rows = tuple(
                Row(
                    period,
                    tuple(publish(v, min_cell, base) for v in _values(raw, period)),
                    publish(sum(_values(raw, period)), min_cell, base)
                    if metric.kind == "partition"
                    else None,
                )
                for period in raw.periods
            )
        table = Table(metric.key, metric.kind, metric.dimension, raw.columns, rows)
        tables.append(table)
        if metric.kind == "nested" and metric.lead is not None:
            tables.append(_share_table(table))
    return tuple(tables)
