"""Issue 13, "typed choices are ignored": the newest message with numbered options is the
question, whatever screen it is. Typing an option's number or its label does what tapping it
does, on every screen with options, in both languages."""

from __future__ import annotations

import re
from collections import deque
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.engine import Choice, Command, Engine, Outbound, SessionState, Text, Turn
from tests.auxil.engine import Clock, make_engine

NOON = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)  # a Wednesday: staff at work
#: The acknowledgement of a typed answer ("Dank je! (Ja)"): a tap has none.
_NOTED = re.compile(r"^[^\n(]{2,30} \([^\n)]+\)\n\n")


@pytest.fixture(scope="module", params=[None, ()], ids=["with staff", "without staff"])
def engine(request: pytest.FixtureRequest, root: Path) -> Engine:
    staff = ("jou", "ucentraal") if request.param is None else ()
    return make_engine(root, new_id=lambda: "c", staff_orgs=staff, clock=Clock(NOON))


@pytest.fixture(scope="module")
def staffed(root: Path) -> Engine:
    """An engine with both staff groups: a handoff needs someone to hand off to."""
    return make_engine(
        root, new_id=lambda: "c", staff_orgs=("jou", "ucentraal"), clock=Clock(NOON)
    )


def _screen(turn: Turn) -> Outbound | None:
    """The newest message with options: the question as the young person sees it."""
    return next((m for m in reversed(turn.messages) if m.options), None)


def _outcome(turn: Turn) -> tuple[object, ...]:
    """What a turn did, with the acknowledgement of a typed answer left out."""
    texts = [m.text for m in turn.messages]
    if texts:
        texts[0] = _NOTED.sub("", texts[0])
    state = replace(turn.state, misses=0) if turn.state is not None else None
    return state, [t for t in texts if t], turn.effects


def _check_typing(engine: Engine, state: SessionState, screen: Outbound, lang: str) -> list[Turn]:
    """Each option typed as its number and as its label does what tapping it does."""
    taps = []
    for option in screen.options:
        tapped = engine.handle(state, Choice(screen.step or "", option.id, lang))
        for typed in (str(option.number), option.label):
            got = engine.handle(state, Text(typed, lang))
            assert _outcome(got) == _outcome(tapped), (
                f"typing {typed!r} under {screen.text[-60:]!r} did not do {option.label!r}: "
                f"{[m.text[:60] for m in got.messages]}"
            )
        taps.append(tapped)
    return taps


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_screen_with_options_takes_its_numbers_and_labels(engine: Engine, lang: str) -> None:
    """Every question of the flow, the end menus (after a result, the friend path, under 16,
    over 27), the handoff's question: found by tapping every option from the start."""
    first = engine.handle(None, Text("hoi", lang))
    assert first.state is not None
    todo = deque([first])
    seen: set[tuple[str | None, tuple[str, ...], str]] = set()
    while todo:
        turn = todo.popleft()
        screen = _screen(turn)
        if screen is None or turn.state is None:
            continue
        said = "\n".join(m.text for m in turn.messages)  # which result, which end
        key = (screen.step, tuple(o.id for o in screen.options), said)
        if key in seen or len(seen) > 400:
            continue
        seen.add(key)
        todo.extend(_check_typing(engine, turn.state, screen, lang))
    ended = {key[2] for key in seen if key[0] is None}
    assert len(seen) > 20, sorted(map(str, seen))
    assert len(ended) >= 4, sorted(ended)
    everything = "\n".join(str(key[2]) for key in seen)
    for end in ("16", "27", "Join Us"):  # under 16, over 27, a result
        assert end in everything


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("before", [[], ["hoi"], ["hoi", "ja", "17", "nee"]])
def test_the_crisis_reply_takes_its_numbers_and_labels(
    engine: Engine, lang: str, before: list[str]
) -> None:
    state = None
    for said in before:
        state = engine.handle(state, Text(said, lang)).state
    crisis = engine.handle(state, Text("ik wil dood", lang))
    screen = _screen(crisis)
    assert screen is not None
    assert crisis.state is not None
    assert crisis.messages[0].urgent
    _check_typing(engine, crisis.state, screen, lang)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_menu_after_stop_takes_its_numbers_and_labels(engine: Engine, lang: str) -> None:
    state = engine.handle(None, Text("hoi", lang)).state
    stopped = engine.handle(state, Command("stop", "", lang))
    screen = _screen(stopped)
    assert screen is not None
    assert stopped.state is not None
    _check_typing(engine, stopped.state, screen, lang)


def test_one_after_a_first_crisis_message_is_a_person_not_the_welcome(engine: Engine) -> None:
    crisis = engine.handle(None, Text("ik wil dood", "nl"))
    after = engine.handle(crisis.state, Text("1", "nl"))
    said = "\n".join(m.text for m in after.messages)
    assert "Ik ben Omarmt" not in said
    talked = engine.handle(crisis.state, Choice(crisis.messages[0].step or "", "_talk", "nl"))
    assert _outcome(after) == _outcome(talked)


def test_one_under_the_crisis_reply_records_no_answer(engine: Engine) -> None:
    state = engine.handle(None, Text("hoi", "nl")).state
    for said in ("ja", "17", "nee"):
        state = engine.handle(state, Text(said, "nl")).state
    assert state is not None
    assert state.step == "djg1"
    crisis = engine.handle(state, Text("ik wil dood", "nl"))
    after = engine.handle(crisis.state, Text("1", "nl"))
    assert after.state is not None
    assert "djg1" not in after.state.answers


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_waiting_menu_in_a_handoff_takes_its_numbers_and_labels(
    staffed: Engine, lang: str
) -> None:
    engine = staffed
    state = engine.handle(None, Text("hoi", lang)).state
    opened = engine.handle(state, Command("praat", "", lang))
    assert opened.state is not None
    assert opened.state.handoff is not None
    waited = engine.from_staff(opened.state, "waited")
    screen = _screen(waited)
    assert screen is not None
    assert waited.state is not None
    _check_typing(engine, waited.state, screen, lang)
    # Anything else is for the youth worker, also a number no option has.
    for said in ("4", "ik wacht wel even maar het duurt lang"):
        relayed = engine.handle(waited.state, Text(said, lang))
        assert [type(e).__name__ for e in relayed.effects] == ["RelayToStaff"]
