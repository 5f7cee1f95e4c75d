"""The ranking rules from content/offers.yaml, applied to profiles."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine.content import Offer
from bot.engine.recommend import Profile, recommend
from bot.loader import load_content


@pytest.fixture(scope="module")
def offers(root: Path) -> tuple[Offer, ...]:
    return load_content(root / "content").offers


def keys(offers: tuple[Offer, ...], profile: Profile) -> list[str]:
    return [r.offer.key for r in recommend(offers, profile)]


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        (Profile("16-19", False, "moderate", "with_others"), ["join_us", "gelukscafe"]),
        (Profile("20-24", True, "moderate", "calmer"),
         ["gelukscafe", "studentenzorgwijzer", "join_us"]),
        (Profile("25-27", False, "severe", "with_others"), ["gelukscafe"]),
        (Profile("16-19", True, "not_lonely", "student_info"),
         ["studentenzorgwijzer", "join_us", "gelukscafe"]),
        (Profile(), ["join_us", "gelukscafe", "studentenzorgwijzer"]),
    ],
)  # fmt: skip
def test_ranking(offers: tuple[Offer, ...], profile: Profile, expected: list[str]) -> None:
    assert keys(offers, profile) == expected


def test_join_us_is_routed_by_age(offers: tuple[Offer, ...]) -> None:
    young = recommend(offers, Profile("16-19", False, "moderate", "with_others"))
    older = recommend(offers, Profile("20-24", False, "moderate", "with_others"))
    assert young[0].organisation == "jou"
    assert older[0].organisation == "ucentraal"


def test_reason_follows_the_wish_then_the_band(offers: tuple[Offer, ...]) -> None:
    (join_us, gelukscafe) = recommend(offers, Profile("16-19", False, "severe", "with_others"))
    assert join_us.reason == "with_others"
    assert gelukscafe.reason == "with_others"
    (only,) = recommend(offers, Profile("25-27", False, "severe", None))
    assert only.reason == "band"
