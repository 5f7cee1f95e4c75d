"""Opening hours in Utrecht time: open now, the next opening, and which help lines answer now."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Literal
from zoneinfo import ZoneInfo

import holidays
from babel.dates import format_date

__all__ = [
    "AMSTERDAM",
    "WEEKDAYS",
    "HelpLineHours",
    "Interval",
    "NextOpening",
    "WeeklyHours",
    "check_day",
    "describe_next",
    "is_open",
    "is_public_holiday",
    "next_opening",
    "open_now",
    "parse_interval",
]

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
#: Weekday keys as content writes them, Monday first (``date.weekday()`` order).
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: An (open, close) pair of wall-clock times; a close of 00:00 means the end of the day (24:00).
Interval = tuple[time, time]

_MIDNIGHT = time(0)
_SEARCH = timedelta(days=14)
_INTERVAL = re.compile(r"^(\d\d):(\d\d)\s*-\s*(\d\d):(\d\d)$")


def _closes_at(close: time) -> tuple[int, time]:
    """Sort key of a close time, so that 00:00 (end of day) comes after every other time."""
    return (1, close) if close == _MIDNIGHT else (0, close)


def check_day(name: str, intervals: Sequence[Interval]) -> None:
    """Raises ValueError, naming `name`, unless the intervals are in order and do not overlap."""
    previous_close: tuple[int, time] | None = None
    for open_, close in intervals:
        if open_.tzinfo is not None or close.tzinfo is not None:
            raise ValueError(f"{name}: opening times are Amsterdam wall-clock times, without zone")
        if _closes_at(close) <= (0, open_):
            raise ValueError(f"{name}: {open_:%H:%M} must come before {close:%H:%M}")
        if previous_close is not None and (0, open_) < previous_close:
            raise ValueError(f"{name}: intervals must be in order and must not overlap")
        previous_close = _closes_at(close)


@dataclass(frozen=True, slots=True)
class WeeklyHours:
    """When someone is there, per weekday, in Europe/Amsterdam wall-clock time.

    Each day holds (open, close) intervals in order; a close of 00:00 means until midnight.
    An interval never crosses midnight: write 22:00-02:00 as 22:00-00:00 and, on the next
    day, 00:00-02:00. On a Dutch public holiday (see `is_public_holiday`) nobody is there when
    `closed_on_public_holidays` is set, whatever the weekday says.
    """

    mon: tuple[Interval, ...] = ()
    tue: tuple[Interval, ...] = ()
    wed: tuple[Interval, ...] = ()
    thu: tuple[Interval, ...] = ()
    fri: tuple[Interval, ...] = ()
    sat: tuple[Interval, ...] = ()
    sun: tuple[Interval, ...] = ()
    closed_on_public_holidays: bool = True

    def __post_init__(self) -> None:
        for name in WEEKDAYS:
            check_day(name, getattr(self, name))

    @classmethod
    def from_days(
        cls,
        days: Mapping[str, Iterable[Interval]],
        *,
        closed_on_public_holidays: bool,
    ) -> WeeklyHours:
        """Hours from a mapping of weekday keys (``mon``..``sun``); a missing day is closed."""
        unknown = sorted(set(days) - set(WEEKDAYS))
        if unknown:
            raise ValueError(f"unknown weekday {unknown[0]!r} (expected {', '.join(WEEKDAYS)})")
        return cls(
            **{name: tuple(days.get(name, ())) for name in WEEKDAYS},
            closed_on_public_holidays=closed_on_public_holidays,
        )

    @classmethod
    def daily(cls, *intervals: Interval, closed_on_public_holidays: bool = False) -> WeeklyHours:
        """The same intervals every day of the week."""
        return cls.from_days(
            dict.fromkeys(WEEKDAYS, intervals),
            closed_on_public_holidays=closed_on_public_holidays,
        )

    @classmethod
    def always(cls) -> WeeklyHours:
        """Day and night, every day of the year (24/7)."""
        return cls.daily((_MIDNIGHT, _MIDNIGHT))

    def on(self, day: date) -> tuple[Interval, ...]:
        """The intervals of this calendar day, after public holidays are taken into account."""
        if self.closed_on_public_holidays and is_public_holiday(day):
            return ()
        intervals: tuple[Interval, ...] = getattr(self, WEEKDAYS[day.weekday()])
        return intervals


def parse_interval(text: str) -> Interval:
    """``"09:00-17:00"`` as an interval; ``24:00`` is accepted as a close (end of the day)."""
    match = _INTERVAL.match(text.strip())
    if match is None:
        raise ValueError(f"'{text}' is not an interval like 09:00-17:00")
    oh, om, ch, cm = (int(g) for g in match.groups())
    if (ch, cm) == (24, 0):
        ch = 0
    try:
        open_, close = time(oh, om), time(ch, cm)
    except ValueError:
        raise ValueError(f"'{text}' has a time that does not exist") from None
    check_day(f"'{text}'", [(open_, close)])
    return open_, close


@lru_cache(maxsize=64)
def _holidays_of(year: int) -> frozenset[date]:
    # The `holidays` library is the source; its results are kept as plain dates so that a
    # lookup never depends on the library's lazy, mutable dict.
    return frozenset(holidays.country_holidays("NL", years=year))


def is_public_holiday(day: date) -> bool:
    """Whether `day` is a Dutch public holiday according to the `holidays` library.

    That includes Good Friday, King's Day (moved to Saturday when 27 April is a Sunday) and
    Liberation Day only in lustrum years (2025, 2030, ...); see docs/hours.md.
    """
    return day in _holidays_of(day.year)


def _local(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("opening hours need a timezone-aware datetime")
    # Through UTC: an Amsterdam time the clocks skip becomes the real instant it stands for.
    return moment.astimezone(UTC).astimezone(AMSTERDAM)


def _within(at: time, interval: Interval) -> bool:
    open_, close = interval
    return open_ <= at and (close == _MIDNIGHT or at < close)


def is_open(hours: WeeklyHours, now: datetime) -> bool:
    """Whether someone is there at `now` (any timezone; judged by the Amsterdam clock)."""
    local = _local(now)
    at = local.time()
    return any(_within(at, interval) for interval in hours.on(local.date()))


def _moments(day: date, at: time) -> set[datetime]:
    """The instants (in UTC) when the Amsterdam clock reads `at` on `day`.

    Usually one; two on the October switch (the hour 02:00-03:00 is repeated); none for a time
    the clocks skip on the March switch (02:00-03:00 does not exist).
    """
    wall = datetime.combine(day, at)
    found = set()
    for fold in (0, 1):
        instant = wall.replace(tzinfo=AMSTERDAM, fold=fold).astimezone(UTC)
        if instant.astimezone(AMSTERDAM).replace(tzinfo=None) == wall:
            found.add(instant)
    return found


def _utc_offset(instant: datetime) -> timedelta | None:
    return instant.astimezone(AMSTERDAM).utcoffset()


@lru_cache(maxsize=64)
def _switch(day: date) -> datetime | None:
    """The instant (in UTC) on `day` when the Amsterdam clocks change, if they do."""
    low = datetime.combine(day, _MIDNIGHT, tzinfo=AMSTERDAM).astimezone(UTC)
    high = datetime.combine(day + timedelta(days=1), _MIDNIGHT, tzinfo=AMSTERDAM).astimezone(UTC)
    after = _utc_offset(high)
    if _utc_offset(low) == after:
        return None
    while high - low > timedelta(microseconds=1):
        middle = low + (high - low) // 2
        if _utc_offset(middle) == after:
            high = middle
        else:
            low = middle
    return high


def next_opening(
    hours: WeeklyHours, now: datetime, *, within: timedelta = _SEARCH
) -> datetime | None:
    """When someone is next there, as an instant in UTC: `now` itself if open now.

    Public holidays are skipped when the hours say so. Looks at most `within` ahead (14 days)
    and returns None if nothing opens in that time. UTC, because an Amsterdam datetime in the
    repeated October hour compares by wall clock (PEP 495); `describe_next` shows it locally.
    """
    local = _local(now)
    now = now.astimezone(UTC)
    if is_open(hours, now):
        return now
    horizon = now + within
    for offset in range(within.days + 2):
        day = local.date() + timedelta(days=offset)
        intervals = hours.on(day)
        if not intervals:
            continue
        # Someone can only become available when the clock reaches an opening time, or when
        # the clock itself jumps (03:00 in March skips into an interval, 02:00 in October
        # falls back into one).
        candidates = {moment for open_, _close in intervals for moment in _moments(day, open_)}
        if (switch := _switch(day)) is not None:
            candidates.add(switch)
        for start in sorted(candidates):
            if start > horizon:
                return None
            if start > now and is_open(hours, start):
                return start
    return None


@dataclass(frozen=True, slots=True)
class NextOpening:
    """The pieces of an honest "someone answers ..." sentence; the engine adds the words.

    `when` picks the catalog sentence: ``now``, ``today``, ``tomorrow``, ``weekday`` (within
    the coming week: use `weekday_name`) or ``date`` (further ahead: use `date_text`).
    `weekday` is the content key (``mon``..``sun``); `time` is 24-hour ``HH:MM`` local time.
    """

    when: Literal["now", "today", "tomorrow", "weekday", "date"]
    weekday: str
    weekday_name: str
    date_text: str
    time: str
    at: datetime


def describe_next(next_open: datetime, now: datetime, lang: str) -> NextOpening:
    """How to tell the young person when `next_open` is, seen from `now`, in language `lang`."""
    local, today = _local(next_open), _local(now).date()
    days = (local.date() - today).days
    when: Literal["now", "today", "tomorrow", "weekday", "date"]
    if next_open <= now:
        when = "now"
    elif days == 0:
        when = "today"
    elif days == 1:
        when = "tomorrow"
    elif days < 7:
        when = "weekday"
    else:
        when = "date"
    return NextOpening(
        when=when,
        weekday=WEEKDAYS[local.weekday()],
        weekday_name=format_date(local.date(), "EEEE", locale=lang),
        date_text=format_date(local.date(), "EEEE d MMMM", locale=lang),
        time=f"{local:%H:%M}",
        at=local,
    )


@dataclass(frozen=True, slots=True)
class HelpLineHours:
    """When a help line answers; `key` is the line's key in content/helplines.yaml."""

    key: str
    hours: WeeklyHours


def open_now(lines: Iterable[HelpLineHours], now: datetime) -> tuple[str, ...]:
    """The keys of the lines that answer at `now`, in the order given."""
    return tuple(line.key for line in lines if is_open(line.hours, now))
