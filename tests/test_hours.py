"""Opening hours: Amsterdam time, Dutch holidays, the clock switches, help lines open now."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine.hours import (
    WEEKDAYS,
    HelpLineHours,
    WeeklyHours,
    describe_next,
    is_open,
    is_public_holiday,
    next_opening,
    open_now,
    parse_interval,
)

AMS = ZoneInfo("Europe/Amsterdam")
OFFICE = (time(9), time(17))
#: The placeholder hours of JoU and U Centraal: Monday to Friday 09:00-17:00.
WORKDAYS = WeeklyHours(mon=(OFFICE,), tue=(OFFICE,), wed=(OFFICE,), thu=(OFFICE,), fri=(OFFICE,))
LINES = (
    HelpLineHours("113", WeeklyHours.always()),
    HelpLineHours("luisterlijn", WeeklyHours.always()),
    HelpLineHours("allesoke", WeeklyHours.daily((time(14), time(22)))),
    HelpLineHours("kindertelefoon", WeeklyHours.daily((time(11), time(21)))),
)


def ams(  # noqa: PLR0917  # the fields of datetime(), in its order
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    """A wall-clock time in Utrecht."""
    return datetime(year, month, day, hour, minute, second, tzinfo=AMS)


# --- weekdays and weekends -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (ams(2026, 6, 3, 8, 59, 59), False),  # a Wednesday, just before opening
        (ams(2026, 6, 3, 9), True),  # opening time is inside
        (ams(2026, 6, 3, 12, 30), True),
        (ams(2026, 6, 3, 16, 59, 59), True),
        (ams(2026, 6, 3, 17), False),  # closing time is outside
        (ams(2026, 6, 6, 12), False),  # Saturday
        (ams(2026, 6, 7, 12), False),  # Sunday
    ],
)
def test_weekday_hours_and_closed_weekends(moment: datetime, expected: bool) -> None:
    assert is_open(WORKDAYS, moment) is expected


def test_several_intervals_a_day() -> None:
    split = WeeklyHours(tue=((time(9), time(12)), (time(13), time(17))))
    assert is_open(split, ams(2026, 6, 2, 11))
    assert not is_open(split, ams(2026, 6, 2, 12, 30))
    assert next_opening(split, ams(2026, 6, 2, 12, 30)) == ams(2026, 6, 2, 13)


def test_close_at_midnight_means_until_the_end_of_the_day() -> None:
    evening = WeeklyHours(fri=((time(18), time(0)),))
    assert is_open(evening, ams(2026, 6, 5, 23, 59, 59))
    assert not is_open(evening, ams(2026, 6, 6, 0))


# --- public holidays -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2026, 4, 27), "Koningsdag on a Monday"),
        (date(2025, 4, 26), "Koningsdag moved to Saturday when 27 April is a Sunday"),
        (date(2026, 4, 3), "Good Friday"),
        (date(2026, 4, 6), "Easter Monday"),
        (date(2026, 5, 14), "Ascension Day"),
        (date(2026, 5, 25), "Whit Monday"),
        (date(2026, 12, 25), "Christmas Day"),
        (date(2026, 12, 26), "Boxing Day"),
        (date(2027, 1, 1), "New Year's Day"),
        (date(2025, 5, 5), "Liberation Day in a lustrum year"),
    ],
)
def test_dutch_public_holidays(day: date, name: str) -> None:
    assert is_public_holiday(day), name


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 5, 5),  # Liberation Day outside a lustrum year is no day off here
        date(2025, 4, 27),  # Koningsdag 2025 was moved to the 26th
        date(2026, 12, 24),  # Christmas Eve is an ordinary day
        date(2026, 12, 31),
    ],
)
def test_not_public_holidays(day: date) -> None:
    assert not is_public_holiday(day)


def test_closed_on_koningsdag_and_christmas() -> None:
    assert not is_open(WORKDAYS, ams(2026, 4, 27, 12))  # a Monday
    assert not is_open(WORKDAYS, ams(2026, 12, 25, 12))  # a Friday
    assert is_open(WORKDAYS, ams(2026, 4, 28, 12))
    assert next_opening(WORKDAYS, ams(2026, 4, 27, 12)) == ams(2026, 4, 28, 9)


def test_hours_that_ignore_holidays_stay_open() -> None:
    daily = WeeklyHours.daily((time(14), time(22)))
    assert not daily.closed_on_public_holidays
    assert is_open(daily, ams(2026, 12, 25, 15))


# --- the clock switches ----------------------------------------------------------------------


def test_spring_switch_day_2026_03_29() -> None:
    # 02:00 CET jumps to 03:00 CEST; UTC+1 before, UTC+2 after.
    always = WeeklyHours.always()
    assert is_open(always, ams(2026, 3, 29, 1, 59))
    assert is_open(always, ams(2026, 3, 29, 3))
    night = WeeklyHours.daily((time(2, 30), time(4)))
    # 02:30 never happens that night: the line is there from the jump, when the clock says 03:00.
    start = next_opening(night, ams(2026, 3, 29, 1))
    assert start == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)
    assert start is not None
    assert f"{start.astimezone(AMS):%H:%M%z}" == "03:00+0200"
    # A wall time given in the gap stands for the instant it names with the winter offset.
    till_two = WeeklyHours(sun=((time(0), time(2, 1)),), closed_on_public_holidays=False)
    assert not is_open(till_two, ams(2026, 3, 29, 2, 0))  # that is 03:00 summer time
    assert is_open(till_two, ams(2026, 3, 29, 1, 59))
    skipped = WeeklyHours.daily((time(2, 15), time(2, 45)))
    assert next_opening(skipped, ams(2026, 3, 29, 1)) == ams(2026, 3, 30, 2, 15)


def test_spring_switch_day_office_hours_in_utc() -> None:
    # Monday after the switch: 09:00 is 07:00 UTC, the Friday before it was 08:00 UTC.
    assert next_opening(WORKDAYS, ams(2026, 3, 27, 18)) == datetime(2026, 3, 30, 7, tzinfo=UTC)
    assert is_open(WORKDAYS, datetime(2026, 3, 27, 8, tzinfo=UTC))
    assert not is_open(WORKDAYS, datetime(2026, 3, 30, 6, 59, tzinfo=UTC))


def test_autumn_switch_day_2026_10_25() -> None:
    # 03:00 CEST falls back to 02:00 CET: 02:00-03:00 happens twice.
    first = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 CEST
    second = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # 02:30 CET
    night = WeeklyHours.daily((time(2), time(2, 45)))
    assert is_open(night, first)
    assert is_open(night, second)
    assert not is_open(night, datetime(2026, 10, 25, 0, 50, tzinfo=UTC))  # 02:50 CEST
    # Between the two passes the next opening is the second 02:00, not the next night.
    assert next_opening(night, datetime(2026, 10, 25, 0, 50, tzinfo=UTC)) == datetime(
        2026, 10, 25, 1, tzinfo=UTC
    )
    early = WeeklyHours.daily((time(1), time(2, 15)))
    assert next_opening(early, datetime(2026, 10, 25, 0, 40, tzinfo=UTC)) == datetime(
        2026, 10, 25, 1, tzinfo=UTC
    )
    # Office hours on the Monday after: 09:00 CET is 08:00 UTC.
    assert next_opening(WORKDAYS, ams(2026, 10, 23, 18)) == datetime(2026, 10, 26, 8, tzinfo=UTC)


# --- next opening ----------------------------------------------------------------------------


def test_next_opening_over_the_easter_weekend() -> None:
    # Thursday evening: Good Friday 3 April and Easter Monday 6 April are public holidays.
    assert next_opening(WORKDAYS, ams(2026, 4, 2, 18)) == ams(2026, 4, 7, 9)
    # Friday evening before Easter Monday.
    assert next_opening(WORKDAYS, ams(2026, 4, 3, 18)) == ams(2026, 4, 7, 9)


def test_next_opening_when_open_is_now() -> None:
    now = ams(2026, 6, 3, 10, 15)
    assert next_opening(WORKDAYS, now) == now


def test_next_opening_later_today_and_tomorrow() -> None:
    assert next_opening(WORKDAYS, ams(2026, 6, 3, 7)) == ams(2026, 6, 3, 9)
    assert next_opening(WORKDAYS, ams(2026, 6, 3, 17)) == ams(2026, 6, 4, 9)


def test_next_opening_never() -> None:
    assert next_opening(WeeklyHours(), ams(2026, 6, 3, 10)) is None


def test_next_opening_looks_at_most_fourteen_days_ahead() -> None:
    christmas_friday = WeeklyHours(fri=(OFFICE,))
    # From Christmas Eve both Fridays are holidays (25 Dec, 1 Jan); 8 Jan is too far ahead.
    assert next_opening(christmas_friday, ams(2026, 12, 24, 18)) is None
    assert next_opening(christmas_friday, ams(2026, 12, 25, 10)) == ams(2027, 1, 8, 9)
    assert next_opening(WORKDAYS, ams(2026, 6, 3, 18), within=timedelta(hours=6)) is None


def test_a_time_in_utc_is_judged_by_the_amsterdam_clock() -> None:
    # 07:30 UTC in summer is 09:30 in Utrecht; 16:30 UTC is 18:30.
    assert is_open(WORKDAYS, datetime(2026, 6, 3, 7, 30, tzinfo=UTC))
    assert not is_open(WORKDAYS, datetime(2026, 6, 3, 16, 30, tzinfo=UTC))
    # 08:30 UTC in winter is 09:30 in Utrecht; 22:30 UTC on Sunday is already Monday there.
    assert is_open(WORKDAYS, datetime(2026, 1, 14, 8, 30, tzinfo=UTC))
    new_york = timezone(timedelta(hours=-4))
    assert is_open(WORKDAYS, datetime(2026, 6, 3, 4, tzinfo=new_york))  # 10:00 in Utrecht
    start = next_opening(WORKDAYS, datetime(2026, 6, 7, 22, 30, tzinfo=UTC))
    assert start == ams(2026, 6, 8, 9)


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        is_open(WORKDAYS, datetime(2026, 6, 3, 10))  # naive on purpose


# --- the pieces of the sentence --------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "lang", "when", "name", "clock"),
    [
        (ams(2026, 6, 3, 10), "nl", "now", "woensdag", "10:00"),
        (ams(2026, 6, 3, 7), "en", "today", "Wednesday", "09:00"),
        (ams(2026, 6, 3, 18), "nl", "tomorrow", "donderdag", "09:00"),
        (ams(2026, 6, 5, 18), "nl", "weekday", "maandag", "09:00"),
        (ams(2026, 4, 2, 18), "en", "weekday", "Tuesday", "09:00"),
    ],
)
def test_describe_next(now: datetime, lang: str, when: str, name: str, clock: str) -> None:
    start = next_opening(WORKDAYS, now)
    assert start is not None
    told = describe_next(start, now, lang)
    assert (told.when, told.weekday_name, told.time) == (when, name, clock)
    assert told.weekday == WEEKDAYS[told.at.weekday()]


def test_describe_next_far_ahead_gives_a_date() -> None:
    now = ams(2026, 12, 25, 10)
    start = next_opening(WeeklyHours(fri=(OFFICE,)), now)
    assert start is not None
    told = describe_next(start, now, "nl")
    assert (told.when, told.date_text, told.time) == ("date", "vrijdag 8 januari", "09:00")


def test_describe_next_uses_the_amsterdam_day_of_a_utc_time() -> None:
    now = datetime(2026, 6, 3, 21, 30, tzinfo=UTC)  # 23:30 on Wednesday in Utrecht
    told = describe_next(datetime(2026, 6, 4, 7, tzinfo=UTC), now, "en")
    assert (told.when, told.weekday, told.time) == ("tomorrow", "thu", "09:00")


# --- help lines ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (ams(2026, 6, 3, 3), ("113", "luisterlijn")),
        (ams(2026, 6, 3, 12), ("113", "luisterlijn", "kindertelefoon")),
        (ams(2026, 6, 3, 15), ("113", "luisterlijn", "allesoke", "kindertelefoon")),
        (ams(2026, 6, 3, 21, 30), ("113", "luisterlijn", "allesoke")),
        (ams(2026, 12, 25, 15), ("113", "luisterlijn", "allesoke", "kindertelefoon")),
        (ams(2026, 3, 29, 2, 30), ("113", "luisterlijn")),  # a time that does not exist
    ],
)
def test_lines_open_now(moment: datetime, expected: tuple[str, ...]) -> None:
    assert open_now(LINES, moment) == expected


@pytest.mark.parametrize(
    "moment",
    [
        ams(2026, 3, 29, 2, 30),
        ams(2026, 10, 25, 2, 30),
        ams(2026, 4, 27, 0),
        ams(2026, 12, 31, 23),
    ],
)
def test_always_is_open_around_the_clock(moment: datetime) -> None:
    always = WeeklyHours.always()
    assert is_open(always, moment)
    assert next_opening(always, moment) == moment.astimezone(UTC)


# --- building hours --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:00-17:00", (time(9), time(17))),
        ("14:00 - 22:00", (time(14), time(22))),
        ("00:00-24:00", (time(0), time(0))),
        ("18:30-24:00", (time(18, 30), time(0))),
    ],
)
def test_parse_interval(text: str, expected: tuple[time, time]) -> None:
    assert parse_interval(text) == expected


@pytest.mark.parametrize(
    "text",
    ["9-17", "09:00", "17:00-09:00", "09:00-09:00", "25:00-26:00", "09:60-10:00", "24:00-24:00"],
)
def test_parse_interval_refuses(text: str) -> None:
    with pytest.raises(ValueError, match=text.split("-", maxsplit=1)[0]):
        parse_interval(text)


def test_overlapping_or_unordered_intervals_are_refused() -> None:
    with pytest.raises(ValueError, match="overlap"):
        WeeklyHours(mon=((time(9), time(12)), (time(11), time(17))))
    with pytest.raises(ValueError, match="overlap"):
        WeeklyHours(mon=((time(13), time(17)), (time(9), time(12))))
    with pytest.raises(ValueError, match="unknown weekday"):
        WeeklyHours.from_days({"monday": [OFFICE]}, closed_on_public_holidays=True)


# --- properties ------------------------------------------------------------------------------

_minutes = st.integers(min_value=0, max_value=24 * 60)


@st.composite
def _day(draw: st.DrawFn) -> tuple[tuple[time, time], ...]:
    bounds = sorted(set(draw(st.lists(_minutes, max_size=6))))
    pairs = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds) - 1, 2)]
    return tuple((time(a // 60, a % 60), time(b // 60 % 24, b % 60)) for a, b in pairs)


_hours = st.builds(
    WeeklyHours.from_days,
    st.fixed_dictionaries({name: _day() for name in WEEKDAYS}),
    closed_on_public_holidays=st.booleans(),
)
# Around the clock switches and the holidays of 2026 and 2027, in any offset.
_now = st.datetimes(
    min_value=datetime(2026, 1, 1),  # hypothesis wants naive bounds
    max_value=datetime(2027, 12, 31),
    timezones=st.sampled_from([AMS, UTC, timezone(timedelta(hours=-5, minutes=-30))]),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hours=_hours, now=_now, fraction=st.floats(min_value=0, max_value=1, exclude_max=True))
def test_next_opening_is_the_next_moment_it_is_open(
    hours: WeeklyHours, now: datetime, fraction: float
) -> None:
    start = next_opening(hours, now)
    now = now.astimezone(UTC)  # arithmetic in UTC: Amsterdam datetimes add wall-clock time
    if start is None:
        assert not is_open(hours, now)
        return
    assert start >= now
    assert start - now <= timedelta(days=14)
    assert is_open(hours, start)
    if start > now:
        assert not is_open(hours, start - timedelta(microseconds=1))
        between = min((start - now) * fraction, start - now - timedelta(microseconds=1))
        assert not is_open(hours, now + between)
