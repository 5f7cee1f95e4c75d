"""Issue 13, "the friend path ends with no link": on Telegram it ends with a message to pass
on that holds the bot's own link (`t.me/<bot>?start=vriend`); where there is no link (the
terminal) with the same words to pass on, and no promise of a link. The link opens Omarmt
with a welcome that fits."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Command, Engine, Text
from tests.auxil.engine import Chat, make_engine, render

FRIEND = {"nl": "Iemand die ik ken is eenzaam", "en": "Someone I know feels lonely"}


@pytest.fixture(scope="module")
def telegram_engine(root: Path) -> Engine:
    """As the Telegram channel sets it up: the bot's name is known after getMe."""
    engine = make_engine(root)
    engine.bot_username = "omarmt_bot"
    return engine


def friend_path(engine: Engine, lang: str) -> str:
    chat = Chat(engine, lang)
    chat.send("hoi")
    return chat.text(Text(FRIEND[lang], lang))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_on_telegram_the_friend_path_ends_with_a_message_to_forward(
    telegram_engine: Engine, lang: str
) -> None:
    chat = Chat(telegram_engine, lang)
    chat.send("hoi")
    replies = chat.send(Text(FRIEND[lang], lang))
    link = "https://t.me/omarmt_bot?start=vriend"
    # One message of its own, to forward as it is: the words and the link.
    card = next(m for m in replies if link in m.text)
    assert card.text.endswith(link)
    assert len(card.text.split()) > 10
    assert not card.options
    assert "Telegram" not in render(replies)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_in_the_terminal_the_friend_path_gives_the_words_to_pass_on(
    engine: Engine, lang: str
) -> None:
    assert engine.bot_username is None
    said = friend_path(engine, lang)
    assert "t.me" not in said
    assert "Telegram" not in said  # no promise of something it cannot give
    words = {"nl": "Voel je je soms alleen? Omarmt is een chatbot", "en": "Do you feel alone"}
    assert words[lang] in said


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_shared_link_opens_with_a_fitting_welcome(engine: Engine, lang: str) -> None:
    chat = Chat(engine, lang)
    replies = chat.send(Command("start", "vriend", lang))
    greeting = {"nl": "Iemand die om je geeft", "en": "Someone who cares about you"}
    assert replies[0].text.startswith(greeting[lang])
    # Then the welcome as for anyone, and the first question.
    assert {"nl": "Ik ben Omarmt", "en": "I'm Omarmt"}[lang] in replies[1].text
    assert replies[-1].step == "consent"
    assert chat.last is not None
    started = next(e for e in chat.last.events if e.name == "conversation_started")
    assert started.data["source"] == "vriend"
    # Any other start has no such line.
    other = Chat(engine, lang).send(Command("start", "poster", lang))
    assert not other[0].text.startswith(greeting[lang])
