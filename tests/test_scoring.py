"""De Jong Gierveld 6-item scale: every answer combination, every missing pattern, the bands."""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter
from math import comb

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.engine.scoring import ANSWERS, ITEMS, Band, Score, score

KEYS = ("djg1", "djg2", "djg3", "djg4", "djg5", "djg6")
OPTIONS = ("yes", "more_or_less", "no")

# The published scoring table, written out by hand from the brief and the manual, so the tests
# do not lean on the module's own item definitions: key -> (subscale, points per answer).
TABLE: dict[str, tuple[str, dict[str, int]]] = {
    "djg1": ("emotional", {"yes": 1, "more_or_less": 1, "no": 0}),
    "djg2": ("social", {"yes": 0, "more_or_less": 1, "no": 1}),
    "djg3": ("social", {"yes": 0, "more_or_less": 1, "no": 1}),
    "djg4": ("emotional", {"yes": 1, "more_or_less": 1, "no": 0}),
    "djg5": ("social", {"yes": 0, "more_or_less": 1, "no": 1}),
    "djg6": ("emotional", {"yes": 1, "more_or_less": 1, "no": 0}),
}
BANDS: dict[int, Band] = {
    0: "not_lonely",
    1: "not_lonely",
    2: "moderate",
    3: "moderate",
    4: "moderate",
    5: "severe",
    6: "severe",
}
# The answer that scores 0 on each item, for building exact totals.
CALM = {key: next(a for a, p in points.items() if p == 0) for key, (_, points) in TABLE.items()}


def reference(answers: dict[str, str]) -> Score:
    """A straightforward re-implementation of the published rule."""
    given_points = {
        key: points[answers[key]]
        for key, (_, points) in TABLE.items()
        if answers.get(key) in points
    }
    total = sum(given_points.values()) if len(given_points) >= 5 else None
    subscales: dict[str, int | None] = {}
    for name in ("emotional", "social"):
        keys = [key for key, (sub, _) in TABLE.items() if sub == name]
        complete = all(key in given_points for key in keys)
        subscales[name] = sum(given_points[key] for key in keys) if complete else None
    return Score(
        total=total,
        emotional=subscales["emotional"],
        social=subscales["social"],
        band="unknown" if total is None else BANDS[total],
        answered=len(given_points),
    )


def lonely_on(*numbers: int) -> dict[str, str]:
    """Complete answers that score 1 exactly on the given item numbers."""
    answers = dict(CALM)
    for number in numbers:
        answers[f"djg{number}"] = "more_or_less"
    return answers


ALL_COMPLETE = [
    dict(zip(KEYS, combo, strict=True)) for combo in itertools.product(OPTIONS, repeat=6)
]
ALL_MISSING_SETS = [
    frozenset(subset) for size in range(7) for subset in itertools.combinations(KEYS, size)
]


def test_items_match_the_brief() -> None:
    assert [(i.number, i.key, i.subscale) for i in ITEMS] == [
        (1, "djg1", "emotional"),
        (2, "djg2", "social"),
        (3, "djg3", "social"),
        (4, "djg4", "emotional"),
        (5, "djg5", "social"),
        (6, "djg6", "emotional"),
    ]
    for item in ITEMS:
        _, points = TABLE[item.key]
        assert item.lonely_answers == {a for a, p in points.items() if p == 1}
    assert frozenset(OPTIONS) == ANSWERS


def test_all_729_complete_answer_sets_match_the_reference() -> None:
    assert len(ALL_COMPLETE) == 729
    wrong = [(a, score(a), reference(a)) for a in ALL_COMPLETE if score(a) != reference(a)]
    assert wrong == [], wrong[:5]


def test_complete_answer_sets_are_consistent() -> None:
    for answers in ALL_COMPLETE:
        result = score(answers)
        assert result.answered == 6
        assert result.total is not None
        assert result.emotional is not None
        assert result.social is not None
        assert result.total == result.emotional + result.social


def test_distribution_of_totals_over_all_complete_answer_sets() -> None:
    # Every item has two lonely answers and one calm one, so C(6, k) * 2**k sets score k.
    totals = Counter(score(a).total for a in ALL_COMPLETE)
    assert totals == {k: comb(6, k) * 2**k for k in range(7)}
    bands = Counter(score(a).band for a in ALL_COMPLETE)
    assert bands == {"not_lonely": 1 + 12, "moderate": 60 + 160 + 240, "severe": 192 + 64}


@pytest.mark.parametrize("fill", [*OPTIONS, "mixed"])
def test_every_missing_pattern(fill: str) -> None:
    assert len(ALL_MISSING_SETS) == 64
    for missing in ALL_MISSING_SETS:
        answers = {
            key: (OPTIONS[n % 3] if fill == "mixed" else fill)
            for n, key in enumerate(KEYS)
            if key not in missing
        }
        result = score(answers)
        assert result == reference(answers), (sorted(missing), fill)
        assert result.answered == 6 - len(missing)
        assert (result.total is None) == (len(missing) > 1)
        assert (result.band == "unknown") == (len(missing) > 1)
        assert (result.emotional is None) == bool(missing & {"djg1", "djg4", "djg6"})
        assert (result.social is None) == bool(missing & {"djg2", "djg3", "djg5"})


@pytest.mark.parametrize("missing", KEYS)
def test_one_missing_item_sums_the_five_answered_items(missing: str) -> None:
    all_lonely = {key: "more_or_less" for key in KEYS if key != missing}
    assert score(all_lonely).total == 5
    assert score(all_lonely).band == "severe"
    calm = {key: value for key, value in CALM.items() if key != missing}
    assert score(calm).total == 0
    assert score(calm).band == "not_lonely"


@pytest.mark.parametrize(
    ("lonely", "total", "band"),
    [
        ((), 0, "not_lonely"),
        ((1,), 1, "not_lonely"),
        ((1, 2), 2, "moderate"),
        ((2, 3, 5), 3, "moderate"),
        ((1, 2, 3, 4), 4, "moderate"),
        ((1, 2, 3, 4, 5), 5, "severe"),
        ((1, 2, 3, 4, 5, 6), 6, "severe"),
    ],
)
def test_band_boundaries(lonely: tuple[int, ...], total: int, band: str) -> None:
    result = score(lonely_on(*lonely))
    assert result.total == total
    assert result.band == band


def test_subscales() -> None:
    assert score(lonely_on(1, 4, 6)) == Score(3, 3, 0, "moderate", 6)
    assert score(lonely_on(2, 3, 5)) == Score(3, 0, 3, "moderate", 6)
    assert score(lonely_on(6, 5)) == Score(2, 1, 1, "moderate", 6)


def test_answer_direction_per_item() -> None:
    # "yes" is lonely on the emotional items and not on the social ones; "no" the other way.
    assert score(dict.fromkeys(KEYS, "yes")) == Score(3, 3, 0, "moderate", 6)
    assert score(dict.fromkeys(KEYS, "no")) == Score(3, 0, 3, "moderate", 6)
    assert score(dict.fromkeys(KEYS, "more_or_less")) == Score(6, 3, 3, "severe", 6)


@pytest.mark.parametrize(
    "bad", ["", "ja", "nee", "Yes", "YES", " yes", "more or less", "somewhat", "1", "null"]
)
def test_unknown_answer_values_count_as_missing(bad: str) -> None:
    answers = dict.fromkeys(KEYS, "more_or_less")
    answers["djg4"] = bad
    assert score(answers) == Score(5, None, 3, "severe", 5)
    answers["djg2"] = bad
    assert score(answers) == Score(None, None, None, "unknown", 4)


def test_unrelated_keys_are_ignored() -> None:
    answers = {**lonely_on(1, 2), "age": "17", "feeling": "so_so", "djg7": "yes", "djg_1": "no"}
    assert score(answers) == Score(2, 1, 1, "moderate", 6)


def test_no_answers() -> None:
    assert score({}) == Score(None, None, None, "unknown", 0)


def test_score_is_frozen() -> None:
    result = score(lonely_on(1))
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.total = 6  # type: ignore[misc]


# --- properties ------------------------------------------------------------------------------

answer_sets = st.dictionaries(st.sampled_from(KEYS), st.sampled_from(OPTIONS))
noisy_answer_sets = st.dictionaries(
    st.one_of(st.sampled_from(KEYS), st.text(max_size=6)),
    st.one_of(st.sampled_from(OPTIONS), st.text(max_size=12)),
)


@given(answer_sets)
def test_total_is_within_range(answers: dict[str, str]) -> None:
    result = score(answers)
    assert result.answered == len(answers)
    if result.total is not None:
        assert 0 <= result.total <= 6
        assert result.total <= result.answered
        assert result.band != "unknown"
    for subscale in (result.emotional, result.social):
        assert subscale is None or 0 <= subscale <= 3


@given(st.fixed_dictionaries({key: st.sampled_from(OPTIONS) for key in KEYS}))
def test_complete_answers_have_consistent_subscales(answers: dict[str, str]) -> None:
    result = score(answers)
    assert result.emotional is not None
    assert result.social is not None
    assert result.total == result.emotional + result.social
    assert result.band == BANDS[result.emotional + result.social]


@given(noisy_answer_sets)
def test_noise_never_breaks_scoring(answers: dict[str, str]) -> None:
    result = score(answers)
    assert result == reference(answers)
    assert 0 <= result.answered <= 6


@given(
    st.fixed_dictionaries({key: st.sampled_from(OPTIONS) for key in KEYS}),
    st.sampled_from(KEYS),
)
def test_a_lonelier_answer_never_lowers_the_total(answers: dict[str, str], key: str) -> None:
    before = score(answers).total
    after = score({**answers, key: "more_or_less"}).total
    assert before is not None
    assert after is not None
    assert before <= after <= before + 1
