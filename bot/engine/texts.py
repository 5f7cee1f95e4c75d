"""The engine's own texts (help lines, privacy, ways out) rendered per language."""

from __future__ import annotations

from collections.abc import Callable

from bot.engine.content import Content, HelpLine
from bot.engine.model import Link, OptionView

__all__ = [
    "ACKNOWLEDGEMENTS",
    "Gettext",
    "acknowledgement",
    "help_lines",
    "label_of",
    "line_text",
    "menu_words",
    "privacy",
    "system_option",
    "talk_to_person",
]

Gettext = Callable[[str], str]

#: Ids of options the engine adds itself; flow option ids can never start with "_".
HELP, TALK, STOP, RESTART, CONTINUE = "_help", "_talk", "_stop", "_restart", "_continue"
BACK = "_back"
WAIT = "_wait"
YES, NO = "_yes", "_no"


def N_(message: str) -> str:  # noqa: N802 - gettext's marker for "translate later"
    """Marks a text for the catalogs; it is translated where it is shown."""
    return message


_SYSTEM_LABELS = {
    HELP: N_("Help lines"),
    TALK: N_("Talk to a person"),
    STOP: N_("Stop"),
    RESTART: N_("Start again"),
    CONTINUE: N_("Carry on"),
    BACK: N_("Back"),
    WAIT: N_("I'll wait"),
    YES: N_("Yes"),
    NO: N_("No"),
}


#: Close variants of the engine's own options, typed in any language (labels count anyway).
_MENU_WORDS = {
    HELP: ("hulp", "hulplijn", "help", "helplines", "help line", "hulplijnen zien"),
    TALK: ("praten", "mens", "persoon", "iemand", "jongerenwerker", "met iemand praten",
           "talk", "person", "human", "someone", "youth worker", "talk to someone"),
    STOP: ("stop", "stoppen", "klaar", "quit"),
    RESTART: ("opnieuw", "begin opnieuw", "opnieuw starten", "restart", "start over",
              "again", "nog een keer", "nog eens"),
    CONTINUE: ("verder", "doorgaan", "ga door", "ga verder", "carry on", "continue", "go on"),
    BACK: ("terug", "vorige", "back", "previous"),
    WAIT: ("wachten", "ik wacht", "wait", "i'll wait"),
    YES: ("ja", "jawel", "klopt", "ja klopt", "dat klopt", "jep", "yes", "yeah", "yep", "right",
          "correct", "that's right"),
    NO: ("nee", "neen", "nope", "klopt niet", "dat klopt niet", "no", "nah", "not true",
         "wrong"),
}  # fmt: skip


#: How a typed answer is acknowledged: warm, brief, varied, with how it was read (a typo could
#: have been read wrongly). A tapped answer gets none: the tapped button shows the choice.
#: Picked by the number of answers so far: the last question of the check (the tenth answer)
#: gets one without thanks, because the result itself opens with thanks.
ACKNOWLEDGEMENTS = (
    N_("Thanks! ({answer})"),
    N_("Okay, clear. ({answer})"),
    N_("Got it. ({answer})"),
    N_("Thank you. ({answer})"),
)


def acknowledgement(_: Gettext, answer: str, turn: int) -> str:
    """The acknowledgement of a typed answer; `turn` varies it from one question to the next."""
    return _(ACKNOWLEDGEMENTS[turn % len(ACKNOWLEDGEMENTS)]).format(answer=answer)


def label_of(option_id: str) -> str:
    """The message id of one of the engine's own options."""
    return _SYSTEM_LABELS[option_id]


def menu_words(option_id: str) -> tuple[str, ...]:
    """Close variants that pick one of the engine's own options when typed."""
    return _MENU_WORDS.get(option_id, ())


def system_option(_: Gettext, option_id: str, number: int) -> OptionView:
    """A way out that every question can offer, labelled in the user's language."""
    return OptionView(option_id, _(_SYSTEM_LABELS[option_id]), number)


def line_text(_: Gettext, line: HelpLine) -> str:
    """One help line: name, how to call or chat, for whom and when."""
    parts = [line.name]
    if line.phones:
        phones = " / ".join(line.phones)
        call = _("Call {phones} (free)") if line.free else _("Call {phones}")
        parts.append(call.format(phones=phones))
    if line.chat:
        parts.append(_("Chat: {url}").format(url=line.chat))
    parts.append(f"{_(line.when)} {_(line.hours)}")
    return "\n".join(parts)


def help_lines(_: Gettext, content: Content) -> str:
    """All help lines with their hours, for /hulp."""
    intro = _("You can always contact these lines. They are real people.")
    body = "\n\n".join(line_text(_, line) for line in content.help_lines)
    return f"{intro}\n\n{body}"


def talk_to_person(_: Gettext, content: Content) -> tuple[str, tuple[Link, ...]]:
    """How to reach a youth worker, until the in-chat handoff exists."""
    orgs = "\n".join(f"{org.name}: {_(org.description)}" for org in content.organisations)
    text = _("You can talk to a youth worker. It's free, and you don't have to give your name.")
    luisterlijn = content.line("luisterlijn")
    now = (
        "\n\n"
        + _("Want to talk to someone right now? {name} is there day and night: {phone}.").format(
            name=luisterlijn.name, phone=" / ".join(luisterlijn.phones)
        )
        if luisterlijn is not None
        else ""
    )
    links = tuple(Link(org.name, org.url) for org in content.organisations)
    return f"{text}\n\n{orgs}{now}", links


def privacy(_: Gettext) -> str:
    """What Omarmt keeps, where and for how long; the caller fills in `{days}` (the retention
    period) and `{stats_days}` (how long counts are kept per conversation)."""
    return _(
        "Your privacy:\n"
        "- I don't know your name or phone number. I only keep a code instead.\n"
        "- Your answers and where we are in the chat: locked (encrypted) on Omarmt's server, "
        "at most {days} days after your last message.\n"
        "- Your messages: locked, and only until I have answered them. My replies: only until "
        "they are sent.\n"
        "- Do you chat with a youth worker? Then your messages go to a closed group of their "
        "organisation on Telegram. They stay there at most {days} days after the last "
        "message.\n"
        "- Counts without names help the municipality. Per chat I keep them at most "
        "{stats_days} days. After that only totals per month.\n"
        "- This chat itself is in your Telegram app. You can delete it there.\n"
        "- Type /forget and I erase everything about you at once. Also in the group of the "
        "youth workers."
    )
