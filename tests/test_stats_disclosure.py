"""Disclosure control: counts rounded to 5 with a floor of 10; sensitive small counts stay vague.

The property guaranteed (docs/stats.md): every count shown as "<10" in a sensitive table can
still be at least 5 different values, given everything published for that period in the
tables that share its total. Tested by brute force over generated rows.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.stats.disclosure import bounds, median_bucket, protect, publish, rounded
from bot.stats.metrics import metric
from bot.stats.model import Cell, Mark, Metric, RawTable, Row

N, BASE = 10, 5
S, X = Mark.SMALL, Mark.HIDDEN


def test_rounding_is_to_the_nearest_five_halves_up() -> None:
    assert [rounded(v, BASE) for v in (10, 12, 13, 17, 18, 25, 27, 28)] == [
        10, 10, 15, 15, 20, 25, 25, 30,
    ]  # fmt: skip
    assert [publish(v, N, BASE) for v in (0, 9, 10, 12, 59)] == [S, S, 10, 10, 60]


def test_a_published_cell_says_what_a_reader_knows() -> None:
    # every count lies within the bounds of what is shown for it, and the bounds are tight
    for value in range(200):
        low, high = bounds(publish(value, N, BASE), N, BASE)
        assert low <= value <= high
    assert bounds(15, N, BASE) == (13, 17)
    assert bounds(10, N, BASE) == (10, 12)  # a shown 10 is not 8 or 9: those are "<10"
    assert bounds(S, N, BASE) == (0, 9)


def _raw(key: str, columns: Sequence[str], rows: Sequence[Sequence[int]]) -> RawTable:
    periods = tuple(f"p{i}" for i in range(len(rows)))
    counts = {
        (period, column): value
        for period, row in zip(periods, rows, strict=True)
        for column, value in zip(columns, row, strict=True)
    }
    return RawTable(metric(key), periods, tuple(columns), counts)


def test_non_sensitive_tables_never_withhold_a_large_count() -> None:
    # the old rule made the 25 an "x" so that the 5 could not be worked out; starts by
    # channel are not sensitive, and every count of 10 or more is shown, rounded
    started = _raw("started", ("telegram", "terminal"), [[25, 5], [43, 0], [57, 12]])
    [table] = protect([started], N, BASE)
    assert [(r.cells, r.total) for r in table.rows] == [
        ((25, S), 30),
        ((45, S), 45),
        ((55, 10), 70),
    ]


def test_funnel_steps_are_rounded_and_never_hidden_for_their_difference() -> None:
    # the old rule hid every step 1..9 away from the last shown one: 28, x, x, 18, x, <10
    funnel = _raw("funnel", ("conversation_started", "age", "student", "djg1", "djg2"),
                  [[28, 27, 25, 18, 5]])  # fmt: skip
    table, share = protect([funnel], N, BASE)
    assert table.rows[0].cells == (30, 25, 25, 20, S)
    assert share.rows[0].cells == (100.0, 83.0, 83.0, 67.0, S)


def test_a_sensitive_row_keeps_its_total_when_the_small_cells_stay_vague() -> None:
    bands = _raw("bands", ("not_lonely", "moderate", "severe"), [[4, 10, 6], [10, 11, 9]])
    [table] = protect([bands], N, BASE)
    assert [(r.cells, r.total) for r in table.rows] == [((S, 10, S), 20), ((10, 10, S), 30)]


def test_a_sensitive_total_that_would_pin_a_small_cell_is_withheld() -> None:
    # 0 + 10 + 10 = 20: shown as <10, 10, 10 with the total 20, the reader knows the two 10s
    # are at least 10 each and the total at most 22, so the "<10" is 0, 1 or 2. The total goes.
    bands = _raw("bands", ("not_lonely", "moderate", "severe"), [[0, 10, 10], [4, 10, 6]])
    [table] = protect([bands], N, BASE)
    assert [(r.cells, r.total) for r in table.rows] == [((S, 10, 10), X), ((S, 10, S), 20)]


def test_tables_that_share_a_total_are_protected_together() -> None:
    # Bands alone may keep the total 25: their "<10" is then 0..4. But the age bands (10 and 10,
    # so 20..24 in all) pin the same completed checks to 23 or 24, and the "<10" to 0 or 1
    # even without the total: the whole period goes, in both tables.
    bands = _raw("bands", ("not_lonely", "moderate", "severe"), [[0, 10, 13]])
    [alone] = protect([bands], N, BASE)
    assert (alone.rows[0].cells, alone.rows[0].total) == ((S, 10, 15), 25)
    ages = _raw("age_bands", ("16-19", "20-24"), [[11, 12]])
    table, age_table = protect([bands, ages], N, BASE)
    assert (table.rows[0].cells, table.rows[0].total) == ((X, X, X), X)
    assert (age_table.rows[0].cells, age_table.rows[0].total) == ((X, X), X)


def _feasible(
    rows: Sequence[tuple[Sequence[Cell], Cell | None]], floor: int, base: int
) -> dict[tuple[int, int], set[int]]:
    """Every value each "<floor" cell can take, found by trying every true assignment.

    The rows split one total; a true assignment gives every cell a value within what its
    published form allows, and the same sum in every row, within the published total.
    """
    if not any(cell is Mark.SMALL for cells, _ in rows for cell in cells):
        return {}  # the whole period withheld: nothing to narrow down
    per_row: list[dict[int, list[tuple[int, ...]]]] = []
    for cells, _ in rows:
        boxes = [range(int(low), int(high) + 1) for low, high in
                 (bounds(c, floor, base) for c in cells)]  # fmt: skip
        by_sum: dict[int, list[tuple[int, ...]]] = {}
        for guess in itertools.product(*boxes):
            by_sum.setdefault(sum(guess), []).append(guess)
        per_row.append(by_sum)
    sums = set.intersection(*(set(by_sum) for by_sum in per_row))
    for _, total in rows:
        low, high = bounds(total, floor, base)
        sums = {s for s in sums if low <= s <= high}
    possible: dict[tuple[int, int], set[int]] = {}
    for r, ((cells, _), by_sum) in enumerate(zip(rows, per_row, strict=True)):
        for i, cell in enumerate(cells):
            if cell is Mark.SMALL:
                possible[r, i] = {g[i] for s in sums for g in by_sum[s]}
    return possible


_ROW = st.lists(st.integers(min_value=0, max_value=30), min_size=1, max_size=3)


@settings(max_examples=250, deadline=None)
@given(
    st.lists(_ROW, min_size=1, max_size=2).filter(lambda rows: len({sum(r) for r in rows}) == 1)
)
def test_no_sensitive_small_count_can_be_narrowed_below_five_values(
    rows: list[list[int]],
) -> None:
    # One or two sensitive tables over the same completed checks (same total), any counts.
    keys = ("bands", "age_bands")
    raws = [
        RawTable(
            Metric(keys[n], "partition", ("check_completed",), dim="x", group="completed",
                   per_event=True, sensitive=True),
            ("p",),
            tuple(f"c{i}" for i in range(len(row))),
            {("p", f"c{i}"): v for i, v in enumerate(row)},
        )
        for n, row in enumerate(rows)
    ]  # fmt: skip
    tables = protect(raws, N, BASE)
    shown = [(t.rows[0].cells, t.rows[0].total) for t in tables]
    for (cells, total), row in zip(shown, rows, strict=True):
        # what is shown is the rule: small below the floor, the rest rounded, or withheld
        for cell, value in zip(cells, row, strict=True):
            assert cell in (publish(value, N, BASE), X)
        assert total in (publish(sum(row), N, BASE), X)
    for where, values in _feasible(shown, N, BASE).items():
        assert len(values) >= BASE, (rows, shown, where, values)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=300), min_size=1, max_size=5))
def test_no_large_count_is_withheld_where_rounding_already_protects(values: list[int]) -> None:
    # Outside sensitive tables nothing of 10 or more is ever withheld.
    columns = [f"s{i}" for i in range(len(values))]
    [table] = protect([_raw("sources", columns, [values])], N, BASE)
    assert all(isinstance(c, int) for c, v in zip(table.rows[0].cells, values, strict=True)
               if v >= N)  # fmt: skip


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


def test_the_funnel_gets_whole_percentages_of_its_start_from_rounded_counts() -> None:
    raw = RawTable(
        metric("funnel"),
        ("w1", "w2"),
        ("conversation_started", "a", "b"),
        {
            ("w1", "conversation_started"): 40,
            ("w1", "a"): 30,
            ("w1", "b"): 3,
            ("w2", "a"): 12,
        },
    )
    funnel, share = protect([raw], N, BASE)
    assert [r.cells for r in funnel.rows] == [(40, 30, S), (S, 10, S)]
    assert share.key == "funnel_share"
    assert [r.cells for r in share.rows] == [(100.0, 75.0, S), (S, X, S)]
    assert share.rows == (Row("w1", (100.0, 75.0, S)), Row("w2", (S, X, S)))
