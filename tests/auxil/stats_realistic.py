"""Statistics events at the volume the pilot expects: about 270 conversations a month.

Thirteen ISO weeks (2026-W23 to 2026-W35: June, July and August; 40 to 80 conversations a week,
so that a week's funnel holds 15 to 58 at most steps), drawn from a fixed
seed, walked the way the flow goes: a start, the first question, the check (age, student, six
statements, the wish) with people dropping out along the way, a result with a band and an age
band, offers, now and then a youth worker or a crisis sign. Some conversations answer their
next question after midnight, a few across the Sunday-Monday boundary of two weeks.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bot.engine.model import DomainEvent
from bot.storage import Database
from bot.storage.sqlite import StatsTurn
from tests.auxil.stats_events import event

__all__ = ["FIRST_MONDAY", "QUESTIONS", "WEEKS", "Truth", "write_realistic_events"]

FIRST_MONDAY = date(2026, 6, 1)  # 2026-W23
WEEKS = 13
QUESTIONS = ("age", "student", "djg1", "djg2", "djg3", "djg4", "djg5", "djg6", "wish")
_BANDS = (("not_lonely", 0.3), ("moderate", 0.45), ("severe", 0.25))
_AGES = (("16-19", 0.38), ("20-24", 0.44), ("25-27", 0.15), ("under_16", 0.02), ("over_27", 0.01))


@dataclass
class Truth:
    """What was written, counted per conversation, for comparing with the report."""

    starts_per_week: list[int]
    conversations: int = 0


def _pick(rng: random.Random, weighted: Sequence[tuple[str, float]]) -> str:
    names, weights = zip(*weighted, strict=True)
    return str(rng.choices(names, weights)[0])


def _conversation(rng: random.Random, day: date) -> list[tuple[date, DomainEvent]]:
    """One conversation's events, each with its day (a late one moves on to the next day)."""
    channel = "telegram" if rng.random() < 0.93 else "terminal"
    source = _pick(rng, (("poster-cs", 0.35), ("school-hu", 0.25), ("none", 0.4)))
    language = "nl" if rng.random() < 0.85 else "en"
    events = [
        (day, event("conversation_started", channel=channel, source=source, language=language))
    ]
    if rng.random() < 0.12:
        return events  # left before the first question
    later = day + timedelta(days=1) if rng.random() < 0.05 else day
    if rng.random() < 0.08:
        events.append(
            (
                later,
                event(
                    "crisis",
                    category=_pick(
                        rng,
                        (("suicide", 0.5), ("self_harm", 0.3), ("abuse", 0.1), ("danger", 0.1)),
                    ),
                ),
            )
        )
    events.append((day, event("answered", step="consent")))
    if rng.random() > 0.8:
        events.append((day, event("offer_shown", offer="join_us", rank="1")))
        return events  # "just show me what there is"
    events.append((day, event("check_started")))
    for n, step in enumerate(QUESTIONS):
        if rng.random() < (0.06 if n else 0.03):
            events.append((later, event("stopped")))
            return events
        name = "skipped" if step.startswith("djg") and rng.random() < 0.04 else "answered"
        events.append((later, event(name, step=step)))
    band, age = _pick(rng, _BANDS), _pick(rng, _AGES)
    events.append((later, event("check_completed", band=band, age_band=age)))
    for rank, offer in enumerate(("join_us", "gelukscafe", "studentenzorgwijzer"), 1):
        if rng.random() < 0.7:
            events.append((later, event("offer_shown", offer=offer, rank=str(rank))))
    if rng.random() < 0.15:
        organisation = "jou" if rng.random() < 0.6 else "ucentraal"
        events.append((later, event("handoff_requested", organisation=organisation)))
        events.append((later, event("handoff_opened", organisation=organisation)))
    events.append((later, event("flow_ended")))
    return events


async def write_realistic_events(db: Database, seed: int = 13) -> Truth:
    """Thirteen weeks of conversations, through the real statistics sink."""
    rng = random.Random(seed)
    truth = Truth(starts_per_week=[])
    turns: list[StatsTurn] = []
    for week in range(WEEKS):
        starts = rng.randint(40, 80)
        truth.starts_per_week.append(starts)
        for i in range(starts):
            # Spread over the days; the last of the week on Sunday evening, so that their
            # later answers fall in the next week.
            day = FIRST_MONDAY + timedelta(days=7 * week + (6 if i == starts - 1 else i % 7))
            conversation = f"w{week}c{i}"
            for when, domain_event in _conversation(rng, day):
                turns.append((conversation, when, [domain_event]))
            truth.conversations += 1
    await db.stats().record_many(turns)
    return truth
