"""Counting in SQL: one GROUP BY per table over the events and the monthly totals."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bot.stats.metrics import METRICS
from bot.stats.model import Metric, Options, Period, RawTable
from bot.stats.periods import PERIOD_SQL, period_label, periods_between, start_of
from bot.storage.base import Db

__all__ = ["OTHERS", "UNKNOWN", "Counts", "count_sql", "read_counts"]

UNKNOWN = "unknown"
#: In a metric's fixed columns: where the other values seen go.
OTHERS = "*"
_FAR_PAST = "0000-01-01"
_FAR_FUTURE = "9999-12-31"


@dataclass(frozen=True, slots=True)
class Counts:
    """The raw counts of every table, and the periods they cover."""

    periods: tuple[str, ...]
    tables: tuple[RawTable, ...]
    rolled_up: tuple[str, ...]


def _path(key: str) -> str:
    return f"$.{key}"


@dataclass(frozen=True, slots=True)
class _Sql:
    """A query fragment and its bound parameters, in the order they appear in the text."""

    text: str
    params: tuple[object, ...] = ()


def _raw(metric: Metric) -> bool:
    """Whether the table can be counted by grouping events by their raw ``data`` string.

    Reading a field once per group instead of once per event is what keeps a report over a
    million events fast. It is exact for event counts (they add up), and for conversation
    counts when the events carry no other field than the one grouped by.
    """
    return metric.dim is not None and (metric.per_event or metric.single_field)


def _inner(metric: Metric, by: Period) -> _Sql:
    """Events grouped by period and key, before the bounds (first day, first day not counted).

    Columns: period, k1, k2, n, first (the lowest event id, to order funnel steps).
    """
    params: list[object] = []
    if metric.dim is None:
        keys = "name AS k1, NULL AS k2"
    elif _raw(metric):
        keys = "NULL AS k1, data AS k2"
    elif metric.extra is None:
        keys = "coalesce(json_extract(data, ?), ?) AS k1, NULL AS k2"
        params += [_path(metric.dim), UNKNOWN]
    else:
        msg = f"metric {metric.key}: an extra field needs single_field or per_event"
        raise ValueError(msg)
    count = "count(*)" if metric.per_event else "count(DISTINCT conversation)"
    names = ", ".join("?" for _ in metric.events)
    text = (
        f"SELECT {PERIOD_SQL[by]} AS period, {keys}, {count} AS n, min(id) AS first "  # noqa: S608 - constants
        f"FROM stats_events WHERE name IN ({names}) AND day >= ? AND day < ? GROUP BY 1, 2, 3"
    )
    return _Sql(text, (*params, *metric.events))


def _outer(metric: Metric) -> _Sql:
    """The category and extra columns computed from an inner query's k1 and k2."""
    if not _raw(metric):
        return _Sql("k1 AS category, k2 AS extra")
    assert metric.dim is not None
    category = "coalesce(json_extract(k2, ?), ?)"
    params: list[object] = [_path(metric.dim), UNKNOWN]
    extra = "NULL"
    if metric.extra is not None:
        extra = "coalesce(json_extract(k2, ?), ?)"
        params += [_path(metric.extra), UNKNOWN]
    return _Sql(f"{category} AS category, {extra} AS extra", tuple(params))


def _share_key(metric: Metric) -> tuple[object, ...]:
    """Tables with equal keys can share one pass over the events (e.g. three per start)."""
    if _raw(metric) and metric.lead is None:
        return ("raw", metric.events, metric.per_event)
    return ("own", metric.key)


def _anchored_sql(metric: Metric, by: Period, days: tuple[str, str]) -> tuple[str, list[object]]:
    """A funnel: each column counts conversations that had the lead event, in its period.

    The lead events in the days counted give each conversation its start day; every other
    event is joined to it by conversation and counted in that start's period, whenever it
    happened. Conversations without a start in those days are left out: so no column can
    count a conversation the first column does not, and no step can be more than 100 %.
    Events are grouped by their raw ``data`` first, then the step is read once per group.
    """
    assert metric.lead is not None
    assert metric.dim is not None
    names = ", ".join("?" for _ in metric.events)
    own = ", ".join("?" for _ in metric.by_name) or "NULL"
    period = re.sub(r"\bday\b", "starts.day", PERIOD_SQL[by])
    inner = (
        f"SELECT {period} AS period, "  # noqa: S608 - constants
        f"CASE WHEN e.name IN ({own}) THEN e.name END AS k1, "
        f"CASE WHEN e.name IN ({own}) THEN NULL ELSE e.data END AS k2, "
        "count(DISTINCT e.conversation) AS n, min(e.id) AS first "
        "FROM (SELECT conversation, min(day) AS day FROM stats_events "
        "WHERE name = ? AND day >= ? AND day < ? GROUP BY conversation) AS starts "
        "JOIN stats_events AS e ON e.conversation = starts.conversation "
        f"WHERE e.name IN ({names}) AND e.day >= ? GROUP BY 1, 2, 3"
    )
    sql = (
        "SELECT period, coalesce(k1, json_extract(k2, ?), ?) AS category, NULL AS extra, "  # noqa: S608 - constants
        f"sum(n) AS n, min(first) AS first FROM ({inner}) AS steps GROUP BY 1, 2"
    )
    first, after = days
    params: list[object] = [_path(metric.dim), UNKNOWN, *metric.by_name, *metric.by_name]
    return sql, [*params, metric.lead, first, after, *metric.events, first]


def count_sql(metric: Metric, by: Period, days: tuple[str, str]) -> tuple[str, list[object]]:
    """One table's counts over stats_events in the days ``[first, after)``, as SQL and its
    parameters.

    Rows are (period key, category, extra category or NULL, count, first event id). Every
    fragment is a constant of this module; values travel as bound parameters.
    """
    if metric.lead is not None:
        return _anchored_sql(metric, by, days)
    inner, outer = _inner(metric, by), _outer(metric)
    sql = (
        f"SELECT period, {outer.text}, sum(n) AS n, min(first) AS first "  # noqa: S608 - constants
        f"FROM ({inner.text}) AS counts GROUP BY 1, 2, 3"
    )
    return sql, [*outer.params, *inner.params, *days]


def _monthly(index: int, metric: Metric, first_month: str, last_month: str) -> _Sql:
    extra = "NULL" if metric.extra is None else "json_extract(data, ?)"
    params: list[object] = [index, _path(metric.dimension)]
    if metric.extra is not None:
        params.append(_path(metric.extra))
    text = (
        f"SELECT ?, month, json_extract(data, ?), {extra}, count, NULL "  # noqa: S608 - constants
        "FROM stats_monthly WHERE name = ? AND month >= ? AND month <= ?"
    )
    return _Sql(text, (*params, metric.key, first_month, last_month))


def _shared_sql(
    metrics: Sequence[Metric], by: Period, days: tuple[str, str], months: tuple[str, str]
) -> _Sql:
    """One statement for tables that read the same events: one pass, one branch per table.

    Rows are (index into ``metrics``, period key, category, extra, count, first event id).
    """
    if metrics[0].lead is not None:
        [metric] = metrics
        counted, params = count_sql(metric, by, days)
        monthly = _monthly(0, metric, *months)
        return _Sql(
            f"SELECT 0, * FROM ({counted}) AS counted UNION ALL {monthly.text}",  # noqa: S608 - constants
            (*params, *monthly.params),
        )
    inner = _inner(metrics[0], by)
    branches: list[_Sql] = []
    for index, metric in enumerate(metrics):
        outer = _outer(metric)
        branches.append(
            _Sql(
                f"SELECT ?, period, {outer.text}, sum(n), min(first) "  # noqa: S608 - constants
                "FROM grouped GROUP BY 2, 3, 4",
                (index, *outer.params),
            )
        )
        branches.append(_monthly(index, metric, *months))
    text = f"WITH grouped AS MATERIALIZED ({inner.text}) " + " UNION ALL ".join(
        branch.text for branch in branches
    )
    params = [*inner.params, *days, *(p for branch in branches for p in branch.params)]
    return _Sql(text, tuple(params))


async def read_counts(db: Db, options: Options, metrics: Sequence[Metric] = METRICS) -> Counts:
    """Count every table of the report (or only ``metrics``) over the chosen days, events and
    monthly totals alike."""
    first = options.since.isoformat() if options.since else _FAR_PAST
    after = (options.until + timedelta(days=1)).isoformat() if options.until else _FAR_FUTURE
    months = (first[:7], options.until.isoformat()[:7] if options.until else _FAR_FUTURE[:7])

    [(low, high)] = await db.execute(
        "SELECT min(day), max(day) FROM stats_events WHERE day >= ? AND day < ?", (first, after)
    )
    found = await db.execute(
        "SELECT DISTINCT month FROM stats_monthly WHERE month >= ? AND month <= ?", months
    )
    rolled_up = tuple(str(month) for (month,) in found)
    live: Iterable[str] = ()
    if isinstance(low, str) and isinstance(high, str):
        live = periods_between(date.fromisoformat(low), date.fromisoformat(high), options.by)
    periods = tuple(sorted({*rolled_up, *live}, key=lambda p: (start_of(p), p)))

    shared: dict[tuple[object, ...], list[Metric]] = defaultdict(list)
    for metric in metrics:
        shared[_share_key(metric)].append(metric)
    rows: dict[str, list[tuple[object, ...]]] = defaultdict(list)
    for together in shared.values():
        sql = _shared_sql(together, options.by, (first, after), months)
        for index, period, *rest in await db.execute(sql.text, sql.params):
            assert isinstance(index, int)
            rows[together[index].key].append((period_label(period, options.by), *rest))
    tables = tuple(_raw_table(m, periods, rows[m.key], options.steps) for m in metrics)
    return Counts(periods, tables, rolled_up)


def _raw_table(
    metric: Metric,
    periods: tuple[str, ...],
    rows: Sequence[tuple[object, ...]],
    steps: Sequence[str],
) -> RawTable:
    counts: dict[tuple[str, str], int] = defaultdict(int)
    buckets: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    first_seen: dict[str, int] = {}
    volume: dict[str, int] = defaultdict(int)
    for period, category, extra, count, first_id in rows:
        column = UNKNOWN if category is None else str(category)
        n = int(str(count))
        counts[str(period), column] += n
        volume[column] += n
        if extra is not None:
            buckets[str(period), column][str(extra)] += n
        if isinstance(first_id, int):
            first_seen[column] = min(first_id, first_seen.get(column, first_id))
    if metric.lead is not None:
        columns = _funnel_columns(metric.lead, volume, first_seen, steps)
    else:
        columns = _columns(metric.columns, volume, fixed=metric.fixed)
    return RawTable(
        metric,
        periods,
        columns,
        dict(counts),
        {key: dict(value) for key, value in buckets.items()},
    )


def _columns(known: Sequence[str], seen: Collection[str], *, fixed: bool) -> tuple[str, ...]:
    """The known columns in their order, the other values seen (sorted) at "*" or after them.

    Known columns that never occur are left out unless ``fixed``. "unknown" (events without
    the field) comes last, and only when it occurs.
    """
    layout = list(known) if OTHERS in known else [*known, OTHERS]
    if not fixed:
        layout = [c for c in layout if c == OTHERS or c in seen]
    listed = set(known) - {OTHERS}
    others = sorted(set(seen) - listed - {UNKNOWN})
    at = layout.index(OTHERS)
    tail = [UNKNOWN] if UNKNOWN in seen and UNKNOWN not in listed else []
    return (*layout[:at], *others, *layout[at + 1 :], *tail)


def _funnel_columns(
    lead: str, volume: dict[str, int], first_seen: dict[str, int], steps: Sequence[str]
) -> tuple[str, ...]:
    """The start of the check, then the questions: in the given order, else as first seen.

    Questions only in monthly totals have no event id left; they follow, most reached first.
    """
    rest = set(volume) - {lead}
    ordered = [step for step in steps if step in rest]
    ordered += sorted(
        rest - set(ordered),
        key=lambda s: (s not in first_seen, first_seen.get(s, 0), -volume[s], s),
    )
    head = (lead,) if lead in volume else ()
    return (*head, *ordered)
