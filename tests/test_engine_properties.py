"""Whatever arrives, the engine answers and its state stays valid (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine import COMMANDS, Choice, Command, Engine, Inbound, Media, SessionState, Text
from tests.auxil.engine import Chat

_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=50),
    st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zs", "Mn", "So"]), max_size=50),
    st.sampled_from(["", " ", "\x00", "\u200b", "\ufeff", "1", "99", "👍", "/", "🙂" * 500]),
)
_events: st.SearchStrategy[Inbound] = st.one_of(
    st.builds(Text, _text, st.sampled_from([None, "nl", "en", "fr", "", "en-US", "x" * 40])),
    st.builds(Command, st.one_of(st.sampled_from(sorted(COMMANDS)), st.text(max_size=20)), _text),
    st.builds(
        Choice,
        st.one_of(st.sampled_from(["checkin", "_language", ""]), st.text(max_size=20)),
        st.one_of(
            st.sampled_from(["good", "so_so", "_help", "_talk", "_stop", "_restart", "nl"]),
            st.text(max_size=30),
        ),
    ),
    st.builds(Media, st.text(max_size=10), _text),
)


def _valid(engine: Engine, state: SessionState) -> None:
    assert state.status in ("new", "active", "ended")
    assert state.misses >= 0
    if state.status == "active" and state.step is not None:
        assert state.step in engine.flow.steps
    assert SessionState.from_json(state.to_json()) == state


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_events, min_size=1, max_size=12))
def test_any_sequence_of_events_always_gets_a_reply(engine: Engine, events: list[Inbound]) -> None:
    chat = Chat(engine)
    for event in events:
        replies = chat.send(event)
        assert replies, f"no reply to {event!r}"
        assert all(reply.text.strip() for reply in replies)
        if chat.state is not None:
            _valid(engine, chat.state)


def test_huge_text_gets_a_reply_and_keeps_state(engine: Engine) -> None:
    chat = Chat(engine)
    chat.send("hoi")
    before = chat.state
    replies = chat.send("a" * 100_000)
    assert replies
    assert chat.state is not None
    assert before is not None
    assert chat.state.step == before.step
    assert chat.state.answers == before.answers


def test_control_characters_and_empty_text(engine: Engine) -> None:
    chat = Chat(engine)
    for text in ["", "\x00\x01\x02", "\r\n\t", "\u202e\u2066", "\ud7ff", "a\u0301" * 1000]:
        assert chat.send(text)
