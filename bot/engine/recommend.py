"""Ranks the local offers for one young person's answers, with the reason for each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.engine.content import Offer

__all__ = ["Profile", "Recommendation", "recommend"]


@dataclass(frozen=True, slots=True)
class Profile:
    """What the check learned; None where the young person skipped or was not asked.

    `band` is the De Jong Gierveld band, or ``unknown`` when there is no score.
    """

    age_band: str | None = None
    student: bool | None = None
    band: str = "unknown"
    wish: str | None = None


@dataclass(frozen=True, slots=True)
class Recommendation:
    """One offer to show: the offer, the reason key in its `why`, who helps, how strong a fit."""

    offer: Offer
    reason: str
    organisation: str | None
    points: int


def _eligible(offer: Offer, profile: Profile) -> bool:
    if offer.ages and profile.age_band is not None and profile.age_band not in offer.ages:
        return False
    # Unknown student status still shows a students' offer: it says itself who it is for.
    return not (offer.students_only and profile.student is False)


def _reason(offer: Offer, profile: Profile) -> str:
    wish = profile.wish
    if wish is not None and offer.wish_points.get(wish, 0) > 0 and wish in offer.why:
        return wish
    if offer.band_points.get(profile.band, 0) > 0 and "band" in offer.why:
        return "band"
    if profile.student and offer.student_points > 0 and "student" in offer.why:
        return "student"
    return "default"


def _points(offer: Offer, profile: Profile) -> int:
    points = offer.wish_points.get(profile.wish or "", 0)
    points += offer.band_points.get(profile.band, 0)
    if profile.student:
        points += offer.student_points
    return points


def recommend(offers: Sequence[Offer], profile: Profile) -> tuple[Recommendation, ...]:
    """The eligible offers, best fit first; ties keep the order of content/offers.yaml.

    Offers that fit no answer (zero points) are still listed after the others: a young person
    who is not lonely gets them "for later", and nobody gets an empty list.
    """
    ranked = [
        Recommendation(
            offer,
            _reason(offer, profile),
            offer.organisation_by_age.get(profile.age_band or ""),
            _points(offer, profile),
        )
        for offer in offers
        if _eligible(offer, profile)
    ]
    order = {offer.key: n for n, offer in enumerate(offers)}
    ranked.sort(key=lambda r: (-r.points, order[r.offer.key]))
    return tuple(ranked)
