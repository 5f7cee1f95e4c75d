"""A known set of statistics events, written through the real sink, for exact report tests.

Two ISO weeks, 2026-W47 and 2026-W48. Within a week, conversation i (0-based) takes part in an
event when i is below that event's count, so every count below is the number of distinct
conversations; a few events are repeated in one conversation to check they count once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import MappingProxyType

from bot.engine.model import DomainEvent
from bot.storage.base import Db
from bot.storage.sqlite import StatsTurn

__all__ = ["WEEK_47", "WEEK_48", "WeekSpec", "event", "known_turns", "write_known_events"]

WEEK_47 = date(2026, 11, 16)  # a Monday
WEEK_48 = date(2026, 11, 23)
STEPS = ("age", "student", "djg1", "djg2", "djg3")


def event(name: str, **data: str) -> DomainEvent:
    """A domain event as the engine would emit it."""
    return DomainEvent(name, MappingProxyType(dict(data)))


def spread(counts: Mapping[str, int]) -> list[str]:
    """{"a": 2, "b": 1} → ["a", "a", "b"]: values for conversations 0, 1, 2, ..."""
    return [value for value, n in counts.items() for _ in range(n)]


@dataclass(frozen=True)
class WeekSpec:
    """How many conversations had each event, and with which values, in one week."""

    monday: date
    channel: Mapping[str, int]
    source: Mapping[str, int]
    language: Mapping[str, int]
    check_started: int
    answered: Mapping[str, int]
    skipped: Mapping[str, tuple[int, int]]  # step → (first conversation, how many)
    band: Mapping[str, int]
    age_band: Mapping[str, int]
    offers: Mapping[str, int]
    organisation: Mapping[str, int]
    stages: Mapping[str, int]  # opened, claimed, closed (requested = all with organisation)
    first_reply: Mapping[str, Mapping[str, int]]  # organisation → minutes bucket → replies
    crisis: Mapping[str, int]
    activity: Mapping[str, int] = field(default_factory=dict)


SPECS = (
    WeekSpec(
        monday=WEEK_47,
        channel={"telegram": 25, "terminal": 5},
        source={"poster-a": 12, "school-b": 9, "none": 9},
        language={"nl": 20, "en": 10},
        check_started=28,
        answered={"age": 27, "student": 25, "djg1": 18, "djg2": 10, "djg3": 5},
        skipped={"djg2": (10, 2)},
        band={"not_lonely": 4, "moderate": 10, "severe": 6},
        age_band={"16-19": 12, "20-24": 8},
        offers={"join_us": 12, "gelukscafe": 9, "studentenzorgwijzer": 15, "person": 3},
        organisation={"jou": 11, "ucentraal": 2},
        stages={"handoff_opened": 13, "handoff_claimed": 12, "handoff_closed": 10},
        first_reply={
            "jou": {"0-5": 3, "5-15": 5, "15-60": 2, "60+": 1},
            "ucentraal": {"5-15": 1, "15-60": 1},
        },
        crisis={"suicide": 2, "self_harm": 1},
        activity={
            "help_shown": 14,
            "talk_requested": 13,
            "language_chosen": 10,
            "stopped": 3,
            "forgotten": 1,
            "flow_ended": 20,
        },
    ),
    WeekSpec(
        monday=WEEK_48,
        channel={"telegram": 40},
        source={"poster-a": 20, "school-b": 10, "none": 10},
        language={"nl": 31, "en": 9},
        check_started=36,
        answered={"age": 36, "student": 25, "djg1": 24, "djg2": 14, "djg3": 12},
        skipped={},
        band={"not_lonely": 10, "moderate": 11, "severe": 9},
        age_band={"16-19": 15, "20-24": 15},
        offers={"join_us": 20, "gelukscafe": 10, "person": 9},
        organisation={"jou": 10, "ucentraal": 10},
        stages={"handoff_opened": 20, "handoff_claimed": 18, "handoff_closed": 9},
        first_reply={"jou": {"0-5": 5, "5-15": 5}, "ucentraal": {"15-60": 4, "60+": 6}},
        crisis={"abuse": 1},
        activity={"help_shown": 10, "talk_requested": 20, "stopped": 12, "flow_ended": 30},
    ),
)


def _conversation_events(spec: WeekSpec, i: int) -> list[DomainEvent]:
    """Everything conversation i of the week did, in the order the engine would emit it."""
    events = [
        event(
            "conversation_started",
            channel=spread(spec.channel)[i],
            source=spread(spec.source)[i],
            language=spread(spec.language)[i],
        )
    ]
    if i < spec.check_started:
        events.append(event("check_started"))
    for step in STEPS:
        first, many = spec.skipped.get(step, (0, 0))
        if i < spec.answered.get(step, 0):
            events.append(event("answered", step=step))
            if i == 0:  # went back and answered again: still one conversation
                events.append(event("answered", step=step))
        elif first <= i < first + many:
            events.append(event("skipped", step=step))
    bands, ages = spread(spec.band), spread(spec.age_band)
    if i < len(bands):
        events.append(event("check_completed", band=bands[i], age_band=ages[i]))
    for rank, (offer, n) in enumerate(spec.offers.items(), 1):
        if i < n:
            events.append(event("offer_shown", offer=offer, rank=str(rank)))
    events += _handoff_events(spec, i)
    for category, n in spec.crisis.items():
        if i < n:
            events.append(event("crisis", category=category))
    events += [event(name) for name, n in spec.activity.items() if i < n]
    if i == 1:  # a second /hulp in one conversation: still one conversation
        events.append(event("help_shown"))
    return events


def _handoff_events(spec: WeekSpec, i: int) -> list[DomainEvent]:
    organisations = spread(spec.organisation)
    if i >= len(organisations):
        return []
    organisation = organisations[i]
    events = [event("handoff_requested", organisation=organisation)]
    events += [
        event(stage, organisation=organisation) for stage, n in spec.stages.items() if i < n
    ]
    buckets = spread(spec.first_reply.get(organisation, {}))
    nth = organisations[:i].count(organisation)  # i's place among its organisation's
    if nth < len(buckets):
        events.append(
            event("handoff_first_reply", organisation=organisation, minutes=buckets[nth])
        )
    return events


def known_turns(specs: Sequence[WeekSpec] = SPECS, *, prefix: str = "") -> list[StatsTurn]:
    """One turn per conversation: a random-looking id, a day in its week, its events."""
    turns: list[StatsTurn] = []
    for spec in specs:
        for i in range(sum(spec.channel.values())):
            day = spec.monday + timedelta(days=i % 7)
            conversation = f"{prefix}{spec.monday:%V}-{i:02d}-7f3a"
            turns.append((conversation, day, tuple(_conversation_events(spec, i))))
    return turns


async def write_known_events(db: Db, specs: Sequence[WeekSpec] = SPECS) -> None:
    """Write the known events through the database's stats sink, as the bot does."""
    await db.stats().record_many(known_turns(specs))
