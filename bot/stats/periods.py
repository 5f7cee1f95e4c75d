"""Time buckets: days, ISO weeks and months, in SQL and in Python, with the same labels."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from types import MappingProxyType

from bot.stats.model import Period

__all__ = [
    "PERIOD_SQL",
    "label",
    "month_start",
    "period_label",
    "periods_between",
    "start_of",
]

# Weeks are grouped by a cheap integer key, the Julian day number of the day divided by 7: Julian
# day 0 was a Monday, so days Monday..Sunday share a key. strftime-based ISO labels per row cost
# four date parses per event; the key costs one, and Python turns each key into a label.
# As text: the report's tables also hold month labels in that column (monthly totals), and
# PostgreSQL, unlike SQLite, keeps one type per column.
_WEEK_KEY = "CAST(CAST(julianday(day) + 0.5 AS INTEGER) / 7 AS TEXT)"
_JDN_OF_ORDINAL_ZERO = 1721425  # date.fromordinal(1) (0001-01-01) has Julian day number 1721426

#: SQL expressions over the ``day`` column (an ISO date) giving a period key; `period_label`
#: turns a key into the label.
PERIOD_SQL: Mapping[Period, str] = MappingProxyType(
    {"day": "day", "week": _WEEK_KEY, "month": "substr(day, 1, 7)"}
)


def period_label(key: object, by: Period) -> str:
    """The label for a period key from `PERIOD_SQL` (month labels pass through unchanged)."""
    if isinstance(key, str) and key.isdigit():
        key = int(key)
    if isinstance(key, int):
        return label(date.fromordinal(key * 7 - _JDN_OF_ORDINAL_ZERO), "week")
    return str(key)


def label(day: date, by: Period) -> str:
    """The label of the period holding ``day``: 2026-11-27, 2026-W48 or 2026-11."""
    if by == "day":
        return day.isoformat()
    if by == "month":
        return f"{day.year:04d}-{day.month:02d}"
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def start_of(period: str) -> date:
    """The first day of a period label of any kind (used to sort mixed labels)."""
    if "-W" in period:
        year, week = period.split("-W")
        return date.fromisocalendar(int(year), int(week), 1)
    if len(period) == 7:
        return date.fromisoformat(f"{period}-01")
    return date.fromisoformat(period)


def month_start(day: date) -> date:
    """The first day of the month holding ``day``."""
    return day.replace(day=1)


def _next(day: date, by: Period) -> date:
    if by == "day":
        return day + timedelta(days=1)
    if by == "week":
        return day - timedelta(days=day.weekday()) + timedelta(days=7)
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)


def periods_between(first: date, last: date, by: Period) -> Iterator[str]:
    """Every period label from the one holding ``first`` to the one holding ``last``."""
    day = first
    while day <= last:
        yield label(day, by)
        day = _next(day, by)
