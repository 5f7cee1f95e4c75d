"""The slash commands: one name per language, every name working in every language."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.texts import N_

__all__ = ["COMMANDS", "MENU", "CommandSpec", "command_names", "name_in"]


@dataclass(frozen=True, slots=True)
class CommandSpec:
    """One command: what it does, its name per language, and a line for the command menu.

    The texts name commands in the reader's language (the Dutch catalog says /hulp, the English
    texts /help); `tests/test_commands.py` checks that every catalog does.
    """

    action: str
    names: tuple[tuple[str, str], ...]
    menu: str
    #: More names that work but are not shown ("/vorige" for /terug).
    aliases: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        """The name shown to someone reading `lang`; English where the language has none."""
        named = dict(self.names)
        return named.get(lang) or named["en"]


#: In the order of the command menu.
MENU: tuple[CommandSpec, ...] = (
    CommandSpec("start", (("nl", "start"), ("en", "start")), N_("Start or carry on")),
    CommandSpec("help", (("nl", "hulp"), ("en", "help")), N_("Help lines, always")),
    CommandSpec("talk", (("nl", "praat"), ("en", "talk")), N_("Talk to a person")),
    CommandSpec("back", (("nl", "terug"), ("en", "back")), N_("One question back"), ("vorige",)),
    CommandSpec("restart", (("nl", "opnieuw"), ("en", "restart")), N_("Start again")),
    CommandSpec("stop", (("nl", "stop"), ("en", "stop")), N_("Stop")),
    CommandSpec("language", (("nl", "taal"), ("en", "language")), N_("Choose a language")),
    CommandSpec("privacy", (("nl", "privacy"), ("en", "privacy")), N_("What I keep")),
    CommandSpec("forget", (("nl", "vergeet"), ("en", "forget")), N_("Erase everything about me")),
)

#: Every name (all languages, and the aliases) mapped to what it does.
COMMANDS: dict[str, str] = {
    name: spec.action for spec in MENU for name in (*(n for _lang, n in spec.names), *spec.aliases)
}


def name_in(action: str, lang: str) -> str:
    """The command for `action` as someone reading `lang` types it, with the slash."""
    spec = next(s for s in MENU if s.action == action)
    return f"/{spec.name(lang)}"


def command_names(lang: str) -> tuple[str, ...]:
    """All commands in `lang`, with the slash, in menu order (for "these work: ...")."""
    return tuple(f"/{spec.name(lang)}" for spec in MENU if spec.action != "start")
