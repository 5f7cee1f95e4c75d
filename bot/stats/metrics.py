"""The tables of the report, each defined by the events it counts and the field it groups by."""

from __future__ import annotations

from bot.stats.model import Metric

__all__ = ["CHECK_STARTED", "FUNNEL_START", "HANDOFF_STAGES", "METRICS", "metric"]

#: The funnel's one starting point: every conversation begins with it.
FUNNEL_START = "conversation_started"
#: The "yes" to the first question: counted as a step of the funnel.
CHECK_STARTED = "check_started"
HANDOFF_STAGES = ("handoff_requested", "handoff_opened", "handoff_claimed", "handoff_closed")
ACTIVITY = (
    "help_shown",
    "talk_requested",
    "language_chosen",
    "stopped",
    "forgotten",
    "flow_ended",
)

# Order matters: it is the order of the report. Partition tables count events, so every event
# falls in exactly one column and the row total is the number of events; tables of one `group`
# count the same events (a conversation starts once, in one channel, one language, from one
# source; a check completes once, in one band and one age band), share their row total, and
# sensitive ones are protected together (see disclosure.py). The other tables count distinct
# conversations: a question answered twice is one conversation.
METRICS: tuple[Metric, ...] = (
    Metric(
        "started",
        "partition",
        ("conversation_started",),
        dim="channel",
        group="started",
        columns=("telegram", "whatsapp", "terminal"),
        fixed=False,
        per_event=True,
    ),
    Metric(
        "sources",
        "partition",
        ("conversation_started",),
        dim="source",
        group="started",
        columns=("*", "none", "other"),
        fixed=False,
        per_event=True,
    ),
    Metric(
        "languages",
        "partition",
        ("conversation_started",),
        dim="language",
        group="started",
        columns=("nl", "en"),
        fixed=False,
        per_event=True,
    ),
    Metric(
        "funnel",
        "nested",
        (FUNNEL_START, CHECK_STARTED, "answered", "skipped"),
        dim="step",
        lead=FUNNEL_START,
        by_name=(FUNNEL_START, CHECK_STARTED),
    ),
    Metric(
        "bands",
        "partition",
        ("check_completed",),
        dim="band",
        group="completed",
        columns=("not_lonely", "moderate", "severe"),
        per_event=True,
        sensitive=True,
    ),
    Metric(
        "age_bands",
        "partition",
        ("check_completed",),
        dim="age_band",
        group="completed",
        columns=("under_16", "16-19", "20-24", "25-27", "over_27"),
        per_event=True,
        sensitive=True,
    ),
    Metric(
        "offers",
        "plain",
        ("offer_shown",),
        dim="offer",
        columns=("join_us", "gelukscafe", "studentenzorgwijzer", "person"),
    ),
    Metric(
        "handoffs",
        "partition",
        ("handoff_requested",),
        dim="organisation",
        columns=("jou", "ucentraal"),
        per_event=True,
    ),
    Metric("handoff_stages", "nested", HANDOFF_STAGES, columns=HANDOFF_STAGES),
    Metric(
        "first_reply",
        "median",
        ("handoff_first_reply",),
        dim="organisation",
        extra="minutes",
        columns=("jou", "ucentraal"),
        per_event=True,
    ),
    Metric(
        "crisis",
        "plain",
        ("crisis",),
        dim="category",
        columns=("suicide", "self_harm", "abuse", "danger"),
        single_field=True,
        sensitive=True,
    ),
    Metric("activity", "plain", ACTIVITY, columns=ACTIVITY),
)

_BY_KEY = {m.key: m for m in METRICS}


def metric(key: str) -> Metric:
    """The metric with this key."""
    return _BY_KEY[key]
