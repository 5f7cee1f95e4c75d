"""Disclosure control: small cells withheld, and no withheld cell can be worked out again."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.stats.disclosure import (
    exposed,
    median_bucket,
    protect,
    protect_nested,
    protect_partition,
)
from bot.stats.metrics import metric
from bot.stats.model import Mark, RawTable

N = 10
S, X = Mark.SMALL, Mark.HIDDEN


def published(values: Sequence[int], n: int = N) -> list[int | Mark]:
    hidden, ok = protect_partition(values, n)
    assert ok
    return [(S if v < n else X) if i in hidden else v for i, v in enumerate(values)]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        # nothing small: nothing withheld
        ([25, 15], [25, 15]),
        # a single small cell in a row whose total is shown forces a second, the next smallest
        ([25, 5], [X, S]),
        ([40, 12, 3, 30], [40, X, S, 30]),
        # zero is a count below the minimum too
        ([40, 0], [X, S]),
        # two small cells protect each other...
        ([20, 4, 6], [20, S, S]),
        # ...unless they are both n-1: then the total pins them (9 + 9 = 18)
        ([12, 9, 9], [X, S, S]),
        # the next smallest cell (10) would give 0..0 for the small one: take the first that works
        ([20, 10, 10, 0], [X, 10, 10, S]),
        # only zeros small: their sum 0 pins them, so one large cell goes too
        ([0, 15, 15, 0, 0], [S, X, 15, S, S]),
    ],
)
def test_partition_rows(values: list[int], expected: list[int | Mark]) -> None:
    assert published(values) == expected


def test_a_row_whose_total_is_small_is_withheld_whole() -> None:
    hidden, ok = protect_partition([3, 4, 0], N)
    assert ok
    assert hidden == {0, 1, 2}


def test_a_row_of_all_n_minus_one_cannot_be_protected_with_its_total() -> None:
    hidden, ok = protect_partition([9, 9], N)
    assert hidden == {0, 1}
    assert not ok


def test_exposed_sees_the_single_withheld_cell() -> None:
    assert exposed([25, 5], {1}, N)
    assert not exposed([25, 5], {0, 1}, N)
    # 0 and 10: the reader knows the x is at least 10, so 10 = 0 + 10 pins both
    assert exposed([0, 10, 30], {0, 1}, N)


def _possible_values(values: Sequence[int], hidden: set[int], n: int) -> dict[int, set[int]]:
    """Every value each withheld cell can take, found by trying all assignments."""
    held = sum(values[i] for i in hidden)
    ranges = [range(n) if values[i] < n else range(n, held + 1) for i in sorted(hidden)]
    possible: dict[int, set[int]] = {i: set() for i in hidden}
    for guess in itertools.product(*ranges):
        if sum(guess) == held:
            for i, value in zip(sorted(hidden), guess, strict=True):
                possible[i].add(value)
    return possible


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=12), min_size=1, max_size=4))
def test_no_withheld_cell_can_be_worked_out(values: list[int]) -> None:
    n = 4
    hidden, ok = protect_partition(values, n)
    assert {i for i, v in enumerate(values) if v < n} <= hidden
    if sum(values) < n or not hidden:
        return
    possible = _possible_values(values, hidden, n)
    if ok:
        assert all(len(options) >= 2 for options in possible.values()), (values, hidden)
    else:
        assert hidden == set(range(len(values)))


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        # drop-offs of 1..9 between shown steps are withheld as x; 0 and 10+ are not
        ([28, 27, 25, 18, 12, 5], [28, X, X, 18, X, S]),
        ([36, 36, 25, 24, 14, 12], [36, 36, 25, X, 14, X]),
        ([9, 30, 31], [S, 30, X]),
        ([50, 40, 30], [50, 40, 30]),
    ],
)
def test_funnel_rows(values: list[int], expected: list[int | Mark]) -> None:
    assert list(protect_nested(values, N)) == expected


@pytest.mark.parametrize(
    ("buckets", "expected"),
    [
        ({"0-5": 3, "5-15": 5, "15-60": 2, "60+": 1}, "5-15"),
        ({"60+": 6, "15-60": 4}, "60+"),
        ({"0-5": 5, "5-15": 5}, "0-5"),  # even count: the lower median
        ({"5-15": 1}, "5-15"),
    ],
)
def test_median_bucket(buckets: dict[str, int], expected: str) -> None:
    assert median_bucket(buckets) == expected


def test_linked_tables_withhold_a_period_they_cannot_protect_everywhere() -> None:
    # Languages 9 + 9 = 18 pins both cells whatever is withheld; channels alone would be fine.
    periods = ("2026-W47", "2026-W48")
    channels = RawTable(
        metric("started"),
        periods,
        ("telegram", "terminal"),
        {("2026-W47", "telegram"): 18, ("2026-W48", "telegram"): 30},
    )
    languages = RawTable(
        metric("languages"),
        periods,
        ("nl", "en"),
        {("2026-W47", "nl"): 9, ("2026-W47", "en"): 9, ("2026-W48", "nl"): 30},
    )
    started, langs = protect([channels, languages], N)
    assert [(r.cells, r.total) for r in started.rows] == [((X, S), X), ((X, S), 30)]
    assert [(r.cells, r.total) for r in langs.rows] == [((S, S), X), ((X, S), 30)]


def test_the_funnel_gets_percentages_of_its_first_shown_column() -> None:
    raw = RawTable(
        metric("funnel"),
        ("w1", "w2"),
        ("check_started", "a", "b"),
        {("w1", "check_started"): 40, ("w1", "a"): 30, ("w1", "b"): 3, ("w2", "a"): 12},
    )
    funnel, share = protect([raw], N)
    assert [r.cells for r in funnel.rows] == [(40, 30, S), (S, 12, S)]
    assert share.key == "funnel_share"
    assert [r.cells for r in share.rows] == [(100.0, 75.0, S), (S, X, S)]
