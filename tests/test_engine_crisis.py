"""Signs of crisis and concern as a young person and a youth worker meet them: first in every
state, urgent only while recent, remembered without the text, old stored states still read.

The detector is a fake that knows a few fixed texts (see `tests/auxil/engine.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.engine import Choice, Command, Engine, Media, SessionState, Text
from bot.engine.crisis import is_recent, remember
from bot.engine.engine import HANDOFF_STEP, LANGUAGE_STEP
from bot.engine.handoff import card_text, crisis_note
from bot.engine.model import CrisisMark, Handoff, MarkUrgent, OpenHandoff, RelayToStaff
from tests.auxil.engine import TO_DJG1, Chat, Clock, fake_detector, make_engine, make_sign, render

# A Wednesday morning: both organisations are open.
MORNING = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
T0 = int(MORNING.timestamp())
CRISIS, CONCERN, OTHER = "<crisis>", "<concern>", "<friend in crisis>"
SIGNS = {
    CRISIS: make_sign("suicide"),
    CONCERN: make_sign("suicide", level="concern"),
    OTHER: make_sign("suicide", subject="other"),
}
CRISIS_LINE = "0800-0113"
BOTH = ("jou", "ucentraal")


@pytest.fixture
def clock() -> Clock:
    return Clock(MORNING)


@pytest.fixture
def engine(root: Path, clock: Clock) -> Engine:
    """Real flow, content and catalogs; staff chats for both; a fake detector; a hand clock."""
    return make_engine(root, detector=fake_detector(SIGNS), staff_orgs=BOTH, clock=clock)


def opened(chat: Chat) -> OpenHandoff:
    assert chat.last is not None
    found = [e for e in chat.last.effects if isinstance(e, OpenHandoff)]
    assert len(found) == 1, chat.last.effects
    return found[0]


def event_names(chat: Chat) -> list[str]:
    assert chat.last is not None
    return [e.name for e in chat.last.events]


# --- a crisis comes first, in every state ----------------------------------------------------


def _new(chat: Chat) -> None:
    del chat


def _at_consent(chat: Chat) -> None:
    chat.send("hoi")


def _at_age(chat: Chat) -> None:
    chat.send("hoi")
    chat.tap(("consent", "yes"))


def _at_djg1(chat: Chat) -> None:
    chat.send("hoi")
    chat.tap(*TO_DJG1)


def _in_a_reask(chat: Chat) -> None:
    _at_djg1(chat)
    chat.send("appeltaart")


def _choosing_a_language(chat: Chat) -> None:
    chat.send("hoi")
    chat.send(Command("taal"))


def _after_stop(chat: Chat) -> None:
    chat.send("hoi")
    chat.send(Command("stop"))


def _after_the_end(chat: Chat) -> None:
    chat.send("hoi")
    chat.tap(("consent", "offers"))


STATES: dict[str, Callable[[Chat], None]] = {
    "new": _new,
    "consent": _at_consent,
    "age": _at_age,
    "djg1": _at_djg1,
    "reask": _in_a_reask,
    "language": _choosing_a_language,
    "stopped": _after_stop,
    "ended": _after_the_end,
}


@pytest.mark.parametrize("state", sorted(STATES))
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_crisis_comes_first_in_every_state(engine: Engine, state: str, lang: str) -> None:
    chat = Chat(engine, lang_hint=lang)
    STATES[state](chat)
    replies = chat.send(Text(CRISIS, lang))
    assert len(replies) == 1
    assert replies[0].urgent
    assert CRISIS_LINE in replies[0].text
    assert event_names(chat) == ["crisis"]
    assert chat.state is not None
    assert chat.state.crisis == CrisisMark(T0, "suicide")


@pytest.mark.parametrize("state", sorted(STATES))
def test_a_concern_comes_first_in_every_state_and_is_no_crisis(engine: Engine, state: str) -> None:
    chat = Chat(engine)
    STATES[state](chat)
    replies = chat.send(CONCERN)
    assert len(replies) == 1
    assert not replies[0].urgent
    assert "Luisterlijn" in replies[0].text
    assert event_names(chat) == ["concern"]
    assert chat.state is not None
    assert chat.state.crisis is None


def test_a_sign_in_a_command_argument_or_a_caption_counts(engine: Engine) -> None:
    chat = Chat(engine)
    chat.send("hoi")
    assert chat.send(Command("start", CRISIS))[0].urgent
    assert chat.send(Media("photo", caption=CRISIS))[0].urgent
    assert not chat.send(Media("photo", caption=CONCERN))[0].urgent


def test_a_level_the_engine_does_not_know_counts_as_a_crisis(root: Path) -> None:
    @dataclass(frozen=True)
    class Strange:
        category: str = "suicide"
        subject: str = "self"
        level: str = "something new"
        sexual: bool = False
        armed: bool = False

    chat = Chat(make_engine(root, detector=lambda text: Strange() if text == "x" else None))
    assert chat.send("x")[0].urgent


# --- during a handoff -----------------------------------------------------------------------


def in_handoff(engine: Engine) -> Chat:
    chat = Chat(engine)
    chat.send("hoi")
    chat.send(Command("praat"))  # no answers yet: it opens at once
    assert not opened(chat).urgent
    return chat


def asked_for_consent(engine: Engine) -> Chat:
    chat = Chat(engine)
    chat.send("hoi")
    chat.tap(("consent", "yes"), ("age", "age_20_24"), ("student", "no"))
    question = chat.send(Command("praat"))[-1]
    assert question.step == HANDOFF_STEP
    return chat


def test_a_crisis_mid_handoff_is_answered_first_and_the_card_learns_when(engine: Engine) -> None:
    chat = in_handoff(engine)
    replies = chat.send(CRISIS)
    assert chat.last is not None
    assert replies[0].urgent
    assert CRISIS_LINE in replies[0].text
    assert chat.last.effects == (RelayToStaff(CRISIS), MarkUrgent(CrisisMark(T0, "suicide")))
    assert event_names(chat) == ["crisis", "handoff_urgent"]


def test_a_crisis_at_the_consent_question_puts_them_through_urgent(engine: Engine) -> None:
    chat = asked_for_consent(engine)
    replies = chat.send(CRISIS)
    assert replies[0].urgent
    effect = opened(chat)
    assert (effect.urgent, effect.summary) == (True, None)
    assert effect.crisis == CrisisMark(T0, "suicide")


def test_a_concern_mid_handoff_goes_to_the_youth_worker_and_is_not_urgent(
    engine: Engine,
) -> None:
    chat = in_handoff(engine)
    assert chat.send(CONCERN) == ()
    assert chat.last is not None
    assert chat.last.effects == (RelayToStaff(CONCERN),)
    assert event_names(chat) == ["concern"]
    assert chat.state is not None
    assert chat.state.handoff is not None
    assert not chat.state.handoff.urgent


def test_a_concern_at_the_consent_question_checks_in_and_asks_again(engine: Engine) -> None:
    chat = asked_for_consent(engine)
    replies = chat.send(CONCERN)
    assert [r.urgent for r in replies] == [False, False]
    assert "Luisterlijn" in replies[0].text
    assert replies[-1].step == HANDOFF_STEP
    assert chat.state is not None
    assert chat.state.handoff is not None
    assert chat.state.handoff.stage == "consent"
    chat.send(Choice(HANDOFF_STEP, "noshare"))
    assert not opened(chat).urgent


# --- a concern is not remembered as a crisis -------------------------------------------------


def test_after_a_concern_a_handoff_is_not_urgent(engine: Engine) -> None:
    chat = Chat(engine)
    chat.send("hoi")
    chat.send(CONCERN)
    chat.send(Command("praat"))
    effect = opened(chat)
    assert (effect.urgent, effect.crisis) == (False, None)
    assert "handoff_urgent" not in event_names(chat)


# --- the crisis flag is recent ---------------------------------------------------------------


@pytest.mark.parametrize(("hours", "urgent"), [(0, True), (23, True), (24, True), (25, False)])
def test_a_handoff_is_urgent_only_while_the_sign_is_at_most_a_day_old(
    engine: Engine, clock: Clock, hours: int, urgent: bool
) -> None:
    chat = Chat(engine)
    chat.send("hoi")
    chat.send(CRISIS)
    clock.advance(hours=hours)
    chat.send(Command("praat"))
    effect = opened(chat)
    assert effect.urgent is urgent
    assert effect.crisis == (CrisisMark(T0, "suicide") if urgent else None)
    assert ("handoff_urgent" in event_names(chat)) is urgent
    assert chat.state is not None
    assert chat.state.crisis == CrisisMark(T0, "suicide"), "the sign itself is never forgotten"


def test_an_old_sign_goes_to_staff_only_in_the_summary_they_allowed(
    engine: Engine, clock: Clock
) -> None:
    chat = Chat(engine)
    chat.send("hoi")
    chat.tap(("consent", "yes"), ("age", "age_20_24"), ("student", "no"))
    chat.send(CRISIS)
    clock.advance(days=3)
    chat.send(Command("praat"))
    chat.send(Choice(HANDOFF_STEP, "share"))
    effect = opened(chat)
    assert not effect.urgent
    assert effect.summary is not None
    assert "Crisissignaal 3 dagen voor de overdracht: zelfdoding" in effect.summary
    assert CRISIS not in effect.summary


def test_a_recent_sign_is_on_the_card_not_repeated_in_the_summary(engine: Engine) -> None:
    chat = Chat(engine)
    chat.send("hoi")
    chat.tap(("consent", "yes"), ("age", "age_20_24"), ("student", "no"))
    chat.send(CRISIS)
    chat.send(Command("praat"))
    chat.send(Choice(HANDOFF_STEP, "share"))
    effect = opened(chat)
    assert effect.urgent
    assert effect.summary is not None
    assert "Crisissignaal" not in effect.summary


def test_a_sign_about_someone_else_makes_a_handoff_urgent_too(engine: Engine) -> None:
    chat = Chat(engine)
    chat.send("hoi")
    chat.send(OTHER)
    chat.send(Command("praat"))
    effect = opened(chat)
    assert effect.urgent
    assert effect.crisis == CrisisMark(T0, "suicide", "other")


def test_the_sign_survives_starting_over_and_goes_with_forget(engine: Engine) -> None:
    chat = Chat(engine)
    chat.send("hoi")
    chat.send(CRISIS)
    chat.send(Command("opnieuw"))
    assert chat.state is not None
    assert chat.state.crisis == CrisisMark(T0, "suicide")
    chat.send(Command("vergeet"))
    assert chat.state is None


def test_someone_else_never_hides_a_recent_sign_of_their_own() -> None:
    own = CrisisMark(T0, "suicide")
    friend = CrisisMark(T0 + 3600, "abuse", "other")
    an_hour_later = datetime.fromtimestamp(T0 + 3600, UTC)
    two_days_later = datetime.fromtimestamp(T0 + 2 * 86400, UTC)
    assert remember(own, friend, an_hour_later) == own
    assert remember(own, friend, two_days_later) == friend
    assert remember(friend, own, an_hour_later) == own
    assert remember(None, friend, an_hour_later) == friend


def test_recent_means_at_most_24_hours_or_not_known() -> None:
    now = datetime.fromtimestamp(T0, UTC)
    assert is_recent(CrisisMark(T0 - 24 * 3600, "suicide"), now)
    assert not is_recent(CrisisMark(T0 - 24 * 3600 - 1, "suicide"), now)
    assert is_recent(CrisisMark(), now)
    assert not is_recent(None, now)


# --- old stored states -----------------------------------------------------------------------

#: A state as the version before this one stored it: `crisis` was a bare flag.
OLD_STATE = {
    "v": 1,
    "conversation": "c0ffee",
    "status": "active",
    "lang": None,
    "step": "djg1",
    "answers": {"consent": "yes", "age": "age_16_19", "student": "no"},
    "history": ["consent", "age", "student"],
    "misses": 0,
    "choosing_language": False,
    "crisis": True,
    "source": None,
    "handoff": None,
}


def test_an_old_state_with_the_crisis_flag_loads_as_a_recent_sign_of_unknown_time() -> None:
    state = SessionState.from_json(OLD_STATE)
    assert state.crisis == CrisisMark(None, None)
    assert is_recent(state.crisis, MORNING)
    assert SessionState.from_json(state.to_json()) == state
    assert SessionState.from_json({**OLD_STATE, "crisis": False}).crisis is None
    assert (
        SessionState.from_json({k: v for k, v in OLD_STATE.items() if k != "crisis"}).crisis
        is None
    )


def test_an_old_state_with_the_flag_gets_an_urgent_handoff(engine: Engine) -> None:
    turn = engine.handle(SessionState.from_json(OLD_STATE), Command("praat"))
    consent = engine.handle(turn.state, Choice(HANDOFF_STEP, "noshare"))
    effect = next(e for e in consent.effects if isinstance(e, OpenHandoff))
    assert effect.urgent
    assert effect.crisis == CrisisMark()
    assert effect.org == "jou", "the old 16-19 answer still routes to JoU"


def test_an_old_16_19_answer_may_be_under_18(root: Path) -> None:
    state = SessionState.from_json({**OLD_STATE, "crisis": None})
    abuse = make_engine(root, detector=fake_detector({"<abuse>": make_sign("abuse")}))
    assert "0800-0432" in render(abuse.handle(state, Text("<abuse>")).messages)


def test_a_stored_handoff_keeps_its_urgency() -> None:
    state = SessionState("c1", status="active", handoff=Handoff("open", "jou", T0, urgent=True))
    again = SessionState.from_json(state.to_json())
    assert again.handoff is not None
    assert again.handoff.urgent


# --- the language switch mid-crisis keeps the mark ------------------------------------------


def test_choosing_a_language_after_a_crisis_keeps_the_mark(engine: Engine) -> None:
    chat = Chat(engine)
    chat.send("hoi")
    chat.send(CRISIS)
    chat.send(Command("taal"))
    chat.send(Choice(LANGUAGE_STEP, "en"))
    assert chat.state is not None
    assert chat.state.crisis == CrisisMark(T0, "suicide")


# --- what the staff see ----------------------------------------------------------------------


def staff(engine: Engine) -> Callable[[str], str]:
    return lambda message: engine.translator.gettext("nl", message)


HOUR, DAY = 3600, 86400


@pytest.mark.parametrize(
    ("mark", "expected"),
    [
        (CrisisMark(T0 - 2 * HOUR, "suicide"), "2 uur voor de overdracht: zelfdoding"),
        (CrisisMark(T0 - 25 * 60, "self_harm"), "25 min voor de overdracht: zelfbeschadiging"),
        (CrisisMark(T0 - 5 * DAY, "danger"), "5 dagen voor de overdracht: acuut gevaar"),
        (CrisisMark(T0 - 10, "abuse"), "vlak voor de overdracht: misbruik of geweld"),
        (CrisisMark(T0 + 600, "suicide"), "tijdens dit gesprek: zelfdoding"),
        (
            CrisisMark(T0 - 3 * HOUR, "abuse", sexual=True),
            "3 uur voor de overdracht: seksueel geweld",
        ),
        (
            CrisisMark(T0 - 2 * HOUR, "suicide", "other"),
            "2 uur voor de overdracht: zelfdoding (over iemand anders)",
        ),
        (CrisisMark(), "eerder in dit gesprek, tijd onbekend: onbekend"),
    ],
)
def test_the_card_says_when_and_which_category(
    engine: Engine, mark: CrisisMark, expected: str
) -> None:
    assert crisis_note(staff(engine), mark, T0) == f"Crisissignaal {expected}"


def test_the_card_shows_the_sign_under_the_urgent_line(engine: Engine) -> None:
    _ = staff(engine)
    card = card_text(
        _,
        code="K7Q2",
        band="16-19",
        lang="nl",
        since="25-11 11:00",
        urgent=True,
        summary=None,
        claimed_by=None,
        closed=False,
        crisis=crisis_note(_, CrisisMark(T0 - 7200, "suicide"), T0),
    )
    lines = card.splitlines()
    assert lines[0].startswith("🔴")
    assert lines[1] == "Crisissignaal 2 uur voor de overdracht: zelfdoding"
