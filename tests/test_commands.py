"""Issue 13, "commands in the person's language": English texts name English commands, Dutch
texts Dutch ones, and every command's names work in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from bot.channels.telegram.runner import commands_for
from bot.engine import Command, Engine, Text
from bot.engine.commands import COMMANDS, MENU, CommandSpec
from bot.i18n import Catalogs
from tests.auxil.engine import Chat, fake_detector, make_engine, make_sign, render

#: A command as texts write it: a slash and a word, not part of an address.
_COMMAND = re.compile(r"(?:^|[\s('\"])/([a-z]+)\b")
LANGS = ("nl", "en")
#: The youth workers' commands in their staff group (bot/channels/telegram/staff.py): staff
#: texts are in the staff's language, whatever the young person speaks.
STAFF_COMMANDS = frozenset({"sluit", "close", "urgent", "urgentie"})


def names_in(lang: str) -> set[str]:
    return {spec.name(lang) for spec in MENU}


def commands_said(text: str) -> set[str]:
    return set(_COMMAND.findall(text))


@pytest.mark.parametrize("lang", LANGS)
def test_every_text_names_the_commands_of_its_own_language(root: Path, lang: str) -> None:
    """Every catalog text as the person reads it: the Dutch translation, or the English id."""
    with (root / "locales" / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    said = {
        (message.string or message.id) if lang != "en" else message.id
        for message in catalog
        if message.id and isinstance(message.id, str)
    }
    wrong = {
        (name, text[:60])
        for text in said
        for name in commands_said(str(text))
        if name not in names_in(lang) | STAFF_COMMANDS
    }
    assert not wrong, f"texts in {lang} naming another language's commands: {sorted(wrong)}"
    # The check itself sees the commands it looks for.
    assert any(commands_said(str(text)) for text in said)


def _screens(engine: Engine, lang: str) -> str:
    """What a person sees on the screens that name commands: the welcome, /privacy, /stop,
    an unknown command, the friend path, over 27."""
    said = []
    walks: tuple[list[str | Command], ...] = (
        ["hoi"],
        ["hoi", Command("privacy", "", lang), Command("stop", "", lang), Command("xyz", "", lang)],
        ["hoi", "3"],
        ["hoi", "1", "31"],
    )
    for steps in walks:
        chat = Chat(engine, lang)
        said += [
            chat.text(step if isinstance(step, Command) else Text(step, lang)) for step in steps
        ]
    return "\n".join(said)


@pytest.mark.parametrize("lang", LANGS)
def test_what_a_person_sees_names_only_their_own_commands(engine: Engine, lang: str) -> None:
    said = _screens(engine, lang)
    named = commands_said(said)
    assert named, said
    assert named <= names_in(lang), (named - names_in(lang), said)
    other = "en" if lang == "nl" else "nl"
    assert {"hulp", "help"} & named == ({"hulp"} if lang == "nl" else {"help"})
    assert not named & (names_in(other) - names_in(lang))


def test_the_crisis_reply_in_english_names_english_commands(root: Path) -> None:
    engine = make_engine(root, detector=fake_detector({"help me": make_sign()}))
    said = render(Chat(engine, "en").send(Text("help me", "en")))
    assert "/help" in said
    assert "/hulp" not in said


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "spec", [s for s in MENU if s.name("nl") != s.name("en")], ids=lambda s: s.action
)
def test_both_names_of_a_command_work_in_both_languages(
    engine: Engine, lang: str, spec: CommandSpec
) -> None:
    outcomes = []
    for _lang, name in spec.names:
        chat = Chat(engine, lang)
        chat.send(Text("hoi", lang))
        chat.send(Text("ja", lang))
        outcomes.append(render(chat.send(Command(name.upper(), "", lang))))
    assert outcomes[0] == outcomes[1]
    assert "Dat commando ken ik niet" not in outcomes[0]
    assert "I don't know that command" not in outcomes[0]


def test_every_name_is_one_command() -> None:
    for spec in MENU:
        for _lang, name in spec.names:
            assert COMMANDS[name] == spec.action
    assert COMMANDS["vorige"] == "back"


@pytest.mark.parametrize("lang", LANGS)
def test_the_unknown_command_reply_lists_the_commands_of_the_language(
    engine: Engine, lang: str
) -> None:
    said = Chat(engine, lang).text(Command("xyz", "", lang))
    listed = commands_said(said.split("\n\n")[0])
    assert listed == names_in(lang) - {"start"}


def test_the_telegram_command_menus_match_the_texts(catalogs: Catalogs) -> None:
    for lang in LANGS:
        menu = commands_for(lang, catalogs.gettext)
        assert {c.command for c in menu} == names_in(lang)
    dutch = {c.command: c.description for c in commands_for("nl", catalogs.gettext)}
    assert dutch["hulp"] == "Hulplijnen, altijd"
