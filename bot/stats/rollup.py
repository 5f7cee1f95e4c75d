"""Retention for statistics: old events become monthly totals per table, then are deleted."""

from __future__ import annotations

import logging
from datetime import date, timedelta

from bot.stats.metrics import METRICS
from bot.stats.model import Metric
from bot.stats.periods import month_start
from bot.stats.query import count_sql
from bot.storage.base import Conn, Db

__all__ = ["KEEP_DAYS", "MAX_EVENT_DAYS", "roll_up", "rollup_cutoff"]

logger = logging.getLogger(__name__)

#: A month's events (one row per conversation and event) become monthly totals this many days
#: after the month ended. A month's counts are final when it ends (a day's events belong to
#: that day); the few days let the report show the month just ended by week for a while.
KEEP_DAYS = 4
#: So no per-conversation row is older than this many days (promised in /privacy).
MAX_EVENT_DAYS = KEEP_DAYS + 31


def rollup_cutoff(today: date, keep_days: int = KEEP_DAYS) -> date:
    """The first day whose events are kept: the start of the month ``keep_days`` ago. An
    event is at most ``keep_days + 31`` days old when its month is rolled up.

    Only whole months are rolled up, so a month's totals are computed once, from all its events.
    """
    return month_start(today - timedelta(days=keep_days))


def _insert_sql(metric: Metric, days: tuple[str, str]) -> tuple[str, list[object]]:
    """Counts one table per month, exactly as the report would, into stats_monthly."""
    counted, params = count_sql(metric, "month", days)
    if metric.extra is None:
        data = "json_object(?, category)"
        data_params: list[object] = [metric.dimension]
    else:
        data = "json_object(?, category, ?, extra)"
        data_params = [metric.dimension, metric.extra]
    sql = (
        "INSERT INTO stats_monthly (month, name, data, count) "  # noqa: S608 - constants
        f"SELECT period, ?, {data}, n FROM ({counted}) AS counted WHERE true "
        "ON CONFLICT (month, name, data) "
        "DO UPDATE SET count = stats_monthly.count + excluded.count"
    )
    return sql, [metric.key, *data_params, *params]


async def roll_up(db: Db, before: date) -> int:
    """Replace the events of every whole month before ``before`` by monthly totals.

    One transaction per month: a month's totals and the deletion of its events are committed
    together, so a crash neither loses nor doubles a count. Returns the events deleted.
    """
    cutoff = month_start(before).isoformat()
    months = await db.execute(
        "SELECT DISTINCT substr(day, 1, 7) FROM stats_events WHERE day < ? ORDER BY 1", (cutoff,)
    )
    deleted = 0
    for (month,) in months:
        first = f"{month}-01"
        after = min(
            (date.fromisoformat(first) + timedelta(days=32)).replace(day=1).isoformat(), cutoff
        )
        statements = [_insert_sql(metric, (first, after)) for metric in METRICS]

        def work(conn: Conn, statements: list[tuple[str, list[object]]] = statements) -> int:
            for sql, params in statements:
                conn.execute(sql, params)
            erase = "DELETE FROM stats_events WHERE day >= ? AND day < ?"
            return conn.execute(erase, (first, after)).rowcount  # noqa: B023 - run at once

        deleted += await db.run(work)
        logger.info("statistics of %s rolled up into monthly totals", month)
    return deleted
