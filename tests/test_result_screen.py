"""Issue 13, "the result must fit one phone screen": at most about 120 words before the buttons,
nothing said twice, a person offered once; the details of each offer one tap away, each ending
in a step that works in this channel (with and without a staff chat); "Informatie voor
studenten" only for students; "just show me" names who you would talk to as it happens."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.engine import Choice, Engine, Outbound, Text, Turn
from bot.engine.model import OpenHandoff
from tests.auxil.engine import Chat, Clock, make_engine
from tests.test_reasons import at_wish, combinations

WORD_BUDGET = 120
NOON = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)  # a Wednesday: staff at work
_URL = re.compile(r"https?://\S+")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
TALK_COMMANDS = ("/praat", "/talk")
LANGS = ("nl", "en")


@pytest.fixture(scope="module", params=["staff", "no staff"])
def any_engine(request: pytest.FixtureRequest, root: Path) -> Engine:
    staff = ("jou", "ucentraal") if request.param == "staff" else ()
    return make_engine(root, new_id=lambda: "c", staff_orgs=staff, clock=Clock(NOON))


@pytest.fixture(scope="module")
def staffed(root: Path) -> Engine:
    return make_engine(
        root, new_id=lambda: "c", staff_orgs=("jou", "ucentraal"), clock=Clock(NOON)
    )


@pytest.fixture(scope="module")
def unstaffed(root: Path) -> Engine:
    return make_engine(root, new_id=lambda: "c", clock=Clock(NOON))


def words(messages: tuple[Outbound, ...]) -> int:
    """Words a person reads before the buttons: every text, and the link buttons' labels."""
    said = " ".join(
        [m.text for m in messages] + [link.label for m in messages for link in m.links]
    )
    return len(_WORD.findall(_URL.sub(" ", said)))


_SCREENS: dict[tuple[int, str], list[tuple[str, Turn]]] = {}


def result_screens(engine: Engine, lang: str) -> list[tuple[str, Turn]]:
    """Every result: all 729 answer sets tapped, a sample typed, and "just show me"; made
    once per engine and language (the engine is pure: the same input, the same turn)."""
    key = (id(engine), lang)
    if key not in _SCREENS:
        _SCREENS[key] = list(_result_screens(engine, lang))
    return _SCREENS[key]


def _result_screens(engine: Engine, lang: str) -> Iterator[tuple[str, Turn]]:
    for n, answers in enumerate(combinations()):
        state = at_wish(answers, lang)
        yield str(answers), engine.handle(state, Choice("wish", answers["wish"], lang))
        if n % 9 == 0:  # typed: the acknowledgement counts too
            typed = {"with_others": "1", "calmer": "2"}.get(answers["wish"])
            if typed is not None:
                yield f"typed {answers}", engine.handle(state, Text(typed, lang))
    chat = Chat(engine, lang)
    chat.send("hoi")
    yield "just show me", chat.engine.handle(chat.state, Text("2", lang))


def details_taps(engine: Engine, turn: Turn, lang: str) -> Iterator[Turn]:
    assert turn.state is not None
    end = turn.messages[-1]
    for option in end.options:
        if option.id.startswith("_more_"):
            yield engine.handle(turn.state, Choice("", option.id, lang))


@pytest.mark.parametrize("lang", LANGS)
def test_the_result_fits_one_phone_screen(any_engine: Engine, lang: str) -> None:
    worst = (0, "")
    for name, turn in result_screens(any_engine, lang):
        counted = words(turn.messages)
        worst = max(worst, (counted, name))
        assert counted <= WORD_BUDGET, (name, counted, [m.text for m in turn.messages])
        said = "\n".join(m.text for m in turn.messages)
        lines = [s for s in re.split(r"(?<=[.!?])\s+|\n", said) if s.strip()]
        assert len(lines) == len(set(lines)), f"said twice in {name}: {said}"
        assert said.lower().count("vaste groep") + said.lower().count("fixed group") <= 1
        assert sum(said.count(c) for c in TALK_COMMANDS) <= 1, said
    assert worst[0] > 60, worst  # the budget is measured on real screens


@pytest.mark.parametrize("lang", LANGS)
def test_each_offer_has_its_details_one_tap_away(any_engine: Engine, lang: str) -> None:
    content = any_engine.content
    for name, turn in result_screens(any_engine, lang)[::40]:
        said = "\n".join(m.text for m in turn.messages)
        shown = [o for o in content.offers if f"- {o.name}:" in said]
        assert shown, said
        more = [o.label for o in turn.messages[-1].options if o.id.startswith("_more_")]
        assert len(more) == len(shown), (name, more)
        for offer in shown:
            assert any_engine.translator.gettext(lang, offer.what) not in said
        for tapped in details_taps(any_engine, turn, lang):
            details = tapped.messages[0]
            offer = next(o for o in content.offers if details.text.startswith(o.name))
            assert any_engine.translator.gettext(lang, offer.what) in details.text
            # The same menu again: the other offers stay one tap away.
            assert [o.label for o in tapped.messages[-1].options] == [
                o.label for o in turn.messages[-1].options
            ]


@pytest.mark.parametrize("lang", LANGS)
def test_every_offer_ends_in_a_step_that_works(
    staffed: Engine, unstaffed: Engine, lang: str
) -> None:
    talk_label = {"nl": "Praten met een mens", "en": "Talk to a person"}[lang]
    for engine in (staffed, unstaffed):
        chat = Chat(engine, lang)
        chat.send("hoi")
        shown = chat.engine.handle(chat.state, Text("2", lang))  # just show me
        for tapped in details_taps(engine, shown, lang):
            details = tapped.messages[0]
            said = details.text
            # A link of the offer's own: works in every channel. The Gelukscafés have one.
            assert any(link.url.startswith("https://") for link in details.links), said
            assert not any(c in said for c in TALK_COMMANDS), said
            if talk_label in said:
                # Only offered where a youth worker can take over, and it does.
                assert engine is staffed, said
                assert tapped.state is not None
                talked = engine.handle(tapped.state, Text(talk_label, lang))
                assert talked.state is not None
                # With answers to send along it asks first; without, it opens at once.
                opened = [e for e in talked.effects if isinstance(e, OpenHandoff)]
                assert opened or talked.state.handoff is not None
        gelukscafe = next(o for o in engine.content.offers if o.key == "gelukscafe")
        assert gelukscafe.url is not None
        assert gelukscafe.url.startswith("https://")


@pytest.mark.parametrize("lang", LANGS)
def test_without_a_staff_chat_the_person_is_a_link_not_a_command(
    unstaffed: Engine, lang: str
) -> None:
    for _name, turn in result_screens(unstaffed, lang)[::30]:
        person = [m for m in turn.messages if m.links and not m.options]
        assert person, [m.text for m in turn.messages]
        urls = {link.url for m in person for link in m.links}
        orgs = {o.url: o.name for o in unstaffed.content.organisations}
        assert urls <= set(orgs)
        # Each organisation linked is named, and no other.
        text = "\n".join(m.text for m in person)
        assert {name for url, name in orgs.items() if url in urls} == {
            name for name in orgs.values() if name in text
        }


@pytest.mark.parametrize("lang", LANGS)
def test_just_show_me_names_who_you_would_talk_to(staffed: Engine, lang: str) -> None:
    """Without an age the person line names no one organisation with a staff chat, and the
    chat opened names the one routing chose; Join Us names each organisation with its ages."""
    chat = Chat(staffed, lang)
    chat.send("hoi")
    shown = staffed.handle(chat.state, Text("2", lang))
    said = "\n".join(m.text for m in shown.messages)
    assert "JoU" not in said
    assert "U Centraal" not in said
    join_us = next(
        t for t in details_taps(staffed, shown, lang) if t.messages[0].text.startswith("Join Us")
    )
    assert "JoU (16\u201319)" in join_us.messages[0].text
    assert "U Centraal (20\u201324)" in join_us.messages[0].text


@pytest.mark.parametrize("lang", LANGS)
def test_student_information_is_only_offered_to_students(engine: Engine, lang: str) -> None:
    label = {"nl": "Informatie voor studenten", "en": "Information for students"}[lang]
    for student, shown in (("no", False), ("yes", True)):
        chat = Chat(engine, lang)
        for said in ("hoi", "1", "17", student, *["2"] * 6):
            replies = chat.send(said)
        question = replies[-1]
        assert question.step == "wish"
        assert (label in [o.label for o in question.options]) is shown
        if shown:
            continue
        # Typed, it is not taken either; a number means what is shown.
        for typed in (label, "info voor studenten"):
            again = chat.engine.handle(chat.state, Text(typed, lang))
            assert again.state is not None
            assert again.state.step == "wish", typed
        for option in question.options:
            tapped = chat.engine.handle(chat.state, Choice("wish", option.id, lang))
            assert "Studentenzorgwijzer" not in "\n".join(m.text for m in tapped.messages)
        forged = chat.engine.handle(chat.state, Choice("wish", "student_info", lang))
        assert forged.state is not None
        assert forged.state.step == "wish"
