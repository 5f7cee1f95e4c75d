"""The handoff to a youth worker, as the engine sees it: routing, consent, relay, endings."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.engine import Choice, Command, Engine, Media, Outbound, SessionState
from bot.engine.engine import HANDOFF_STEP
from bot.engine.handoff import card_text, first_reply_bucket, new_code, route, topic_name
from bot.engine.model import CloseHandoff, CrisisMark, MarkUrgent, OpenHandoff, RelayToStaff
from tests.auxil.engine import Chat, make_engine

# A Wednesday morning inside the opening hours, and a Saturday when both are closed.
OPEN = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
CLOSED = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
BOTH = ("jou", "ucentraal")


def engine_at(root: Path, now: datetime, staff: tuple[str, ...] = BOTH) -> Engine:
    return make_engine(root, staff_orgs=staff, clock=lambda: now)


def joined(messages: tuple[Outbound, ...]) -> str:
    return "\n".join(m.text for m in messages)


def through_check(chat: Chat, age: str = "17") -> None:
    """Type through the whole check, ending on the result screen."""
    for text in ["hoi", "ja", age, "nee", "ja", "ja", "nee", "min of meer", "ja", "nee"]:
        chat.send(text)
    chat.send("dingen doen met anderen")


def opened(chat: Chat) -> OpenHandoff:
    assert chat.last is not None
    found = [e for e in chat.last.effects if isinstance(e, OpenHandoff)]
    assert len(found) == 1, chat.last.effects
    return found[0]


def test_praat_without_answers_opens_at_once_with_the_default_organisation(root: Path) -> None:
    chat = Chat(engine_at(root, OPEN))
    chat.send("hoi")
    replies = chat.send(Command("praat"))
    effect = opened(chat)
    assert effect == OpenHandoff("ucentraal", "unknown", "nl", None, urgent=False)
    assert "jongerenwerker van U Centraal" in joined(replies)
    assert "binnen een paar minuten" in joined(replies)


@pytest.mark.parametrize(
    ("age", "org", "band"), [("17", "jou", "16-19"), ("22", "ucentraal", "20-24")]
)
def test_after_the_check_consent_comes_first_and_age_routes(
    root: Path, age: str, org: str, band: str
) -> None:
    chat = Chat(engine_at(root, OPEN))
    through_check(chat, age)
    question = chat.send(Command("praat"))[-1]
    assert question.step == HANDOFF_STEP
    assert [o.label for o in question.options] == [
        "Ja, stuur mee",
        "Nee, alleen mijn leeftijd",
        "Toch niet",
    ]
    chat.send(Choice(HANDOFF_STEP, "share"))
    effect = opened(chat)
    assert (effect.org, effect.band, effect.lang) == (org, band, "nl")
    assert effect.summary is not None
    assert "Eenzaamheidscheck" in effect.summary
    assert "Aanbod getoond" in effect.summary


def test_no_to_the_summary_sends_only_age_and_language(root: Path) -> None:
    chat = Chat(engine_at(root, OPEN))
    through_check(chat)
    chat.send(Command("praat"))
    chat.send("nee")
    assert opened(chat).summary is None


def test_never_mind_goes_back_without_a_handoff(root: Path) -> None:
    chat = Chat(engine_at(root, OPEN))
    through_check(chat)
    chat.send(Command("praat"))
    replies = chat.send("toch niet")
    assert chat.state is not None
    assert chat.state.handoff is None
    assert replies[-1].options  # a way forward


def test_an_organisation_without_a_staff_chat_passes_to_the_other(root: Path) -> None:
    chat = Chat(engine_at(root, OPEN, staff=("ucentraal",)))
    for text in ["hoi", "ja", "17"]:
        chat.send(text)
    chat.send(Command("praat"))  # only the age is known: nothing to ask consent for
    assert opened(chat).org == "ucentraal"


def test_no_staff_chat_at_all_gives_an_honest_message_and_the_lines(root: Path) -> None:
    chat = Chat(engine_at(root, OPEN, staff=()))
    chat.send("hoi")
    replies = chat.send(Command("praat"))
    assert chat.last is not None
    assert not chat.last.effects
    text = joined(replies)
    assert "niet doorzetten" in text
    assert "De Luisterlijn" in text


def test_routing_reads_the_age_ranges_in_content(engine: Engine) -> None:
    content = engine.content
    assert route(content, "16-19", BOTH) == "jou"
    assert route(content, "under_16", BOTH) == "jou"
    assert route(content, "25-27", BOTH) == "ucentraal"
    assert route(content, "unknown", BOTH) == "ucentraal"
    assert route(content, "16-19", ("ucentraal",)) == "ucentraal"
    assert route(content, "16-19", ()) is None


def test_outside_opening_hours_it_says_when_and_which_lines_are_open(root: Path) -> None:
    chat = Chat(engine_at(root, CLOSED))
    chat.send("hoi")
    text = joined(chat.send(Command("praat")))
    assert opened(chat).org == "ucentraal"
    assert "U Centraal is nu gesloten" in text
    assert "maandag vanaf 09:00 uur" in text
    assert "De Luisterlijn" in text
    assert "113" in text


def in_handoff(root: Path, now: datetime = OPEN) -> Chat:
    chat = Chat(engine_at(root, now))
    chat.send("hoi")
    chat.send(Command("praat"))
    opened(chat)
    return chat


def test_while_open_text_and_media_go_to_the_youth_worker(root: Path) -> None:
    chat = in_handoff(root)
    assert chat.send("ik voel me alleen op mijn kamer") == ()
    assert chat.last is not None
    assert chat.last.effects == (RelayToStaff("ik voel me alleen op mijn kamer"),)
    assert chat.send(Media("photo")) == ()
    assert chat.last.effects == (RelayToStaff(None),)


def test_crisis_during_a_handoff_answers_at_once_and_marks_urgent(root: Path) -> None:
    chat = in_handoff(root)
    replies = chat.send("ik wil niet meer leven")
    assert chat.last is not None
    assert "113" in joined(replies)
    sign = CrisisMark(int(OPEN.timestamp()), "suicide")
    assert chat.last.effects == (RelayToStaff("ik wil niet meer leven"), MarkUrgent(sign))
    assert chat.state is not None
    assert chat.state.handoff is not None
    assert chat.state.handoff.urgent
    assert "handoff_urgent" in [e.name for e in chat.last.events]


def test_crisis_while_asked_for_consent_puts_them_through_at_once(root: Path) -> None:
    chat = Chat(engine_at(root, OPEN))
    through_check(chat)
    chat.send(Command("praat"))
    replies = chat.send("ik wil dood")
    assert chat.last is not None
    assert "113" in joined(replies)
    effect = opened(chat)
    assert effect.urgent
    assert effect.summary is None
    assert RelayToStaff("ik wil dood") in chat.last.effects


def test_staff_claim_reply_and_close(engine: Engine, root: Path) -> None:
    chat = in_handoff(root)
    staff = chat.engine
    claimed = staff.from_staff(chat.state, "claimed")
    assert "nu een jongerenwerker van U Centraal" in joined(claimed.messages)
    assert [e.name for e in claimed.events] == ["handoff_claimed"]
    reply = staff.from_staff(claimed.state, "text", "Hoi, ik ben Fatima")
    assert joined(reply.messages) == "Jongerenwerker U Centraal: Hoi, ik ben Fatima"
    assert [(e.name, dict(e.data)) for e in reply.events] == [
        ("handoff_first_reply", {"organisation": "ucentraal", "minutes": "0-5"})
    ]
    closed = staff.from_staff(reply.state, "closed")
    assert closed.state is not None
    assert closed.state.handoff is None
    assert "afgesloten" in closed.messages[0].text
    assert closed.messages[-1].options  # a way forward, not a dead end
    assert "handoff_closed" in [e.name for e in closed.events]


def test_a_first_reply_without_claim_claims_it(root: Path) -> None:
    chat = in_handoff(root)
    turn = chat.engine.from_staff(chat.state, "text", "Hallo")
    assert [e.name for e in turn.events] == ["handoff_claimed", "handoff_first_reply"]


def test_stop_and_forget_close_the_handoff(root: Path) -> None:
    chat = in_handoff(root)
    chat.send(Command("stop"))
    assert chat.last is not None
    assert chat.last.effects == (CloseHandoff("stopped"),)
    assert chat.state is not None
    assert chat.state.handoff is None
    assert chat.last.messages[-1].options
    chat = in_handoff(root)
    chat.send(Command("vergeet"))
    assert chat.last is not None
    assert chat.last.state is None
    assert chat.last.effects == (CloseHandoff("forgotten"),)


def test_waiting_too_long_is_said_honestly_with_options(root: Path) -> None:
    chat = in_handoff(root)
    turn = chat.engine.from_staff(chat.state, "waited")
    assert "nog geen jongerenwerker" in turn.messages[0].text
    assert [o.id for o in turn.messages[0].options] == ["_wait", "_help", "_stop"]
    claimed = chat.engine.from_staff(chat.state, "claimed")
    assert chat.engine.from_staff(claimed.state, "waited").messages == ()


def test_old_buttons_and_commands_during_a_handoff_get_a_reminder(root: Path) -> None:
    chat = in_handoff(root)
    replies = chat.send(Choice("age", "age_16_17"))
    assert "Typ gewoon je bericht" in joined(replies)
    replies = chat.send(Command("opnieuw"))
    assert "Typ gewoon je bericht" in joined(replies)
    replies = chat.send(Command("hulp"))
    assert "113" in joined(replies)
    assert chat.last is not None
    assert not chat.last.effects


def test_state_with_a_handoff_survives_storage(root: Path) -> None:
    chat = in_handoff(root)
    assert chat.state is not None
    assert SessionState.from_json(chat.state.to_json()) == chat.state


def test_staff_texts(engine: Engine) -> None:
    tr = engine.translator

    def nl(message: str) -> str:
        return tr.gettext("nl", message)

    code = new_code()
    assert len(code) == 4
    assert topic_name(nl, code, "16-19", "nl", urgent=False) == f"{code} · 16-19 · nl"
    assert topic_name(nl, code, "unknown", "en", urgent=True).startswith("🔴 URGENT · ")
    card = card_text(
        nl,
        code=code,
        band="16-19",
        lang="nl",
        since="10:05",
        urgent=True,
        summary=None,
        claimed_by="Fatima",
        closed=False,
    )
    for part in ("URGENT", "Leeftijd: 16-19", "Taal: nl", "Wacht sinds: 10:05", "Opgepakt door"):
        assert part in card
    assert "Samenvatting" not in card
    assert [first_reply_bucket(m) for m in (0, 4.9, 5, 30, 61)] == [
        "0-5",
        "0-5",
        "5-15",
        "15-60",
        "60+",
    ]
