"""Scoring of the De Jong Gierveld 6-item loneliness scale: total, subscales and band.

Source: J. de Jong Gierveld & T. van Tilburg (2006), "A 6-item scale for overall, emotional,
and social loneliness: confirmatory tests on survey data", Research on Aging 28(5), 582-598.
The scoring and missing-value rules follow the SPSS syntax in section 8 ("A short scale") of
their Manual of the Loneliness Scale (1999, updated 2022).

The result is a survey indication, never a diagnosis: show it in friendly words, not as a number
to judge (see the brief).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

__all__ = ["ANSWERS", "ITEMS", "Band", "Item", "Score", "Subscale", "score"]

Subscale = Literal["emotional", "social"]
Band = Literal["not_lonely", "moderate", "severe", "unknown"]

#: The option ids of the three answers (ja / min of meer / nee); anything else counts as missing.
ANSWERS: frozenset[str] = frozenset({"yes", "more_or_less", "no"})


@dataclass(frozen=True, slots=True)
class Item:
    """One statement of the scale; an answer in `lonely_answers` scores 1 point."""

    number: int
    key: str
    subscale: Subscale
    lonely_answers: frozenset[str]


# Emotional items are worded negatively ("I miss people"), social items positively ("there are
# enough people"): agreeing is lonely on the first, disagreeing on the second. "More or less"
# counts as lonely on both, as the authors prescribe.
_EMOTIONAL = frozenset({"yes", "more_or_less"})
_SOCIAL = frozenset({"no", "more_or_less"})

ITEMS: tuple[Item, ...] = (
    Item(1, "djg1", "emotional", _EMOTIONAL),
    Item(2, "djg2", "social", _SOCIAL),
    Item(3, "djg3", "social", _SOCIAL),
    Item(4, "djg4", "emotional", _EMOTIONAL),
    Item(5, "djg5", "social", _SOCIAL),
    Item(6, "djg6", "emotional", _EMOTIONAL),
)


@dataclass(frozen=True, slots=True)
class Score:
    """The scored scale.

    `total` is 0-6 (None when more than one item is missing); `emotional` and `social` are 0-3
    (None when any of their three items is missing; 0 means not lonely on it, 1-3 lonely).
    `band` follows the total: 0-1 not lonely, 2-4 moderately, 5-6 severely lonely, "unknown"
    without a total. `answered` counts the items with a valid answer.
    """

    total: int | None
    emotional: int | None
    social: int | None
    band: Band
    answered: int


def score(answers: Mapping[str, str]) -> Score:
    """Score the answers, keyed "djg1".."djg6" with the option ids in `ANSWERS`.

    Missing items (absent, or any value outside `ANSWERS`) follow the published rule: with at
    most one item missing the total is the plain sum of the points of the answered items, so
    with one item missing it is a sum over five items (0-5), neither imputed nor rescaled; with
    two or more missing the total and band are unknown. A subscale needs all three of its items.
    """
    points: dict[int, int] = {}
    for item in ITEMS:
        answer = answers.get(item.key)
        if answer in ANSWERS:
            points[item.number] = int(answer in item.lonely_answers)
    missing = len(ITEMS) - len(points)
    total = sum(points.values()) if missing <= 1 else None
    return Score(
        total=total,
        emotional=_subscale(points, "emotional"),
        social=_subscale(points, "social"),
        band=_band(total),
        answered=len(points),
    )


def _subscale(points: Mapping[int, int], subscale: Subscale) -> int | None:
    numbers = [item.number for item in ITEMS if item.subscale == subscale]
    if any(number not in points for number in numbers):
        return None
    return sum(points[number] for number in numbers)


def _band(total: int | None) -> Band:
    if total is None:
        return "unknown"
    if total <= 1:
        return "not_lonely"
    if total <= 4:
        return "moderate"
    return "severe"
