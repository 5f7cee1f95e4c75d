"""What the check's answers mean for the rest of the bot: the age band, a possible minor, the
profile the offers are ranked for."""

from __future__ import annotations

from bot.engine.model import SessionState
from bot.engine.recommend import Profile
from bot.engine.scoring import ITEMS, score

__all__ = [
    "ADULT_ANSWERS",
    "AGE_BANDS",
    "AGE_STEP",
    "OUT_OF_RANGE",
    "STUDENT_STEP",
    "WISH_STEP",
    "age_band",
    "djg_answers",
    "may_be_minor",
    "profile_of",
]

#: Step ids whose answers the result reads (flows/main.yaml).
AGE_STEP, STUDENT_STEP, WISH_STEP = "age", "student", "wish"
#: The age answers and the band each counts in. 16-17 and 18-19 are asked apart (who may be
#: under 18) but stay one band 16-19 for routing, offers, staff and statistics; ``age_16_19``
#: is the single option of earlier versions, still in stored conversations.
AGE_BANDS = {
    "age_16_17": "16-19",
    "age_18_19": "16-19",
    "age_16_19": "16-19",
    "age_20_24": "20-24",
    "age_25_27": "25-27",
}
#: The age answers that say someone is 18 or older.
ADULT_ANSWERS = frozenset({"age_18_19", "age_20_24", "age_25_27", "older"})
#: The age band a handoff router and the statistics use when the bot did not ask or was not told.
OUT_OF_RANGE = {"younger": "under_16", "older": "over_27"}


def age_band(state: SessionState) -> str:
    """The age band for statistics and routing: 16-19, 20-24, 25-27, under_16, over_27, unknown."""
    answer = state.answers.get(AGE_STEP, "")
    return AGE_BANDS.get(answer) or OUT_OF_RANGE.get(answer) or "unknown"


def may_be_minor(state: SessionState) -> bool:
    """Whether the young person may be under 18: yes unless they said they are 18 or older
    (16-17, younger than 16, not asked, skipped, or the old 16-19 answer all may be)."""
    return state.answers.get(AGE_STEP) not in ADULT_ANSWERS


def djg_answers(state: SessionState) -> dict[str, str]:
    """The answers to the De Jong Gierveld statements, by step id."""
    return {item.key: state.answers[item.key] for item in ITEMS if item.key in state.answers}


def profile_of(state: SessionState) -> Profile:
    """The check's answers as the recommender needs them."""
    student = state.answers.get(STUDENT_STEP)
    djg = djg_answers(state)
    return Profile(
        age_band=AGE_BANDS.get(state.answers.get(AGE_STEP, "")),
        student=True if student == "yes" else False if student == "no" else None,
        band=score(djg).band if djg else "unknown",
        wish=state.answers.get(WISH_STEP),
    )
