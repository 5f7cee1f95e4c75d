"""Issue 13, "ages end conversations": an answer that only seems to say "younger than 16" or
"older than 27" is asked back before the conversation ends; nonsense is asked again."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from tests.auxil.engine import Chat, make_engine

TOO_YOUNG = {"nl": "Omarmt is voor jongeren", "en": "Omarmt is for young people"}


@pytest.fixture(scope="module")
def engine(root: Path) -> Engine:
    return make_engine(root)


def _at_age(engine: Engine, lang: str) -> Chat:
    chat = Chat(engine, lang)
    chat.send("hoi")
    chat.send("ja" if lang == "nl" else "yes")
    assert chat.state is not None
    assert chat.state.step == "age"
    return chat


@pytest.mark.parametrize(
    ("typed", "asked"),
    [
        ("ik zit in 4 havo", "Ben je jonger dan 16?"),
        ("jong", "Ben je jonger dan 16?"),
        ("1 9", "Ben je jonger dan 16?"),
        ("ik ben pas 100", "Ben je ouder dan 27?"),
    ],
)
def test_a_reading_that_is_not_a_plain_age_is_asked_back(
    engine: Engine, typed: str, asked: str
) -> None:
    chat = _at_age(engine, "nl")
    said = chat.text(typed)
    assert chat.state is not None
    assert chat.state.status == "active"
    assert asked in said
    assert "1. Ja" in said
    assert "2. Nee" in said
    assert "Omarmt is voor jongeren" not in said
    # No: the age question again, and the conversation goes on.
    again = chat.text("nee")
    assert "Hoe oud ben je?" in again
    assert chat.text("17").split("\n")[0].endswith("(16 of 17)")


@pytest.mark.parametrize("yes", ["1", "ja", "Ja", "klopt"])
def test_yes_to_the_question_back_ends_as_under_16(engine: Engine, yes: str) -> None:
    chat = _at_age(engine, "nl")
    chat.send("ik zit in 4 havo")
    assert TOO_YOUNG["nl"] in chat.text(yes)
    assert chat.state is not None
    assert chat.state.status == "ended"


def test_an_age_typed_instead_of_yes_or_no_is_an_answer(engine: Engine) -> None:
    chat = _at_age(engine, "nl")
    chat.send("jong")
    assert chat.text("19").split("\n")[0].endswith("(18 of 19)")


def test_in_english(engine: Engine) -> None:
    chat = _at_age(engine, "en")
    said = chat.text("i'm in year 4")
    assert "Are you younger than 16?" in said
    assert "1. Yes" in said
    assert TOO_YOUNG["en"] in chat.text("yes")


@pytest.mark.parametrize("typed", ["<script>", "-3", "- 3", "asdfgh"])
def test_nonsense_is_asked_again(engine: Engine, typed: str) -> None:
    chat = _at_age(engine, "nl")
    said = chat.text(typed)
    assert chat.state is not None
    assert chat.state.step == "age"
    assert "age" not in chat.state.answers
    assert "Hoe oud ben je?" in said


@pytest.mark.parametrize(
    ("typed", "ends"),
    [("15", True), ("ik ben 14", True), ("Jonger dan 16", True), ("30", True), ("17", False)],
)
def test_a_plain_age_or_the_options_own_words_need_no_question_back(
    engine: Engine, typed: str, ends: bool
) -> None:
    chat = _at_age(engine, "nl")
    chat.send(typed)
    assert chat.state is not None
    assert (chat.state.status == "ended") is ends
