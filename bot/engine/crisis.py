"""The replies to a crisis sign or a concern: words and lines that fit whose safety it is about.

Safe messaging (113 / Trimbos): warm and short, never a method or place, never a label, never
an echo of what was written. Which lines go with which sign is content (`helplines.yaml`).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Protocol

from bot.engine.content import Content, HelpLine
from bot.engine.hours import is_open
from bot.engine.model import CrisisMark
from bot.engine.texts import Gettext, line_text

__all__ = [
    "ABUSE_MINOR",
    "RECENT",
    "SEXUAL",
    "Sign",
    "concern_line",
    "concern_text",
    "crisis_intro",
    "crisis_lines",
    "crisis_text",
    "is_concern",
    "is_recent",
    "mark_of",
    "remember",
]

#: Keys of ``crisis_also`` in content: lines added for sexual violence, and for abuse of someone
#: who may be under 18.
SEXUAL, ABUSE_MINOR = "sexual", "abuse_minor"
#: How long a crisis sign makes a handoff urgent.
RECENT = timedelta(hours=24)


class Sign(Protocol):
    """What the crisis detector found (`bot.safety.Detection` is one).

    `category`: danger, suicide, self_harm or abuse; `subject`: ``self``, or ``other`` when
    someone else is in danger; `level`: ``crisis``, or ``concern`` for ambiguous distress;
    `sexual`: sexual violence; `armed`: acute danger where a weapon is named. Any other level
    counts as a crisis, any other subject as self.
    """

    @property
    def category(self) -> str: ...

    @property
    def subject(self) -> str: ...

    @property
    def level(self) -> str: ...

    @property
    def sexual(self) -> bool: ...

    @property
    def armed(self) -> bool: ...


def is_concern(sign: Sign) -> bool:
    """A worry, not a crisis: a gentle check-in instead of the crisis reply."""
    return sign.level == "concern"


def _about_other(sign: Sign) -> bool:
    return sign.subject == "other"


# --- what the conversation remembers --------------------------------------------------------


def mark_of(sign: Sign, now: datetime) -> CrisisMark:
    """The sign as the state keeps it: when and what, never the text."""
    subject = "other" if _about_other(sign) else "self"
    return CrisisMark(int(now.timestamp()), sign.category, subject, sign.sexual)


def is_recent(mark: CrisisMark | None, now: datetime) -> bool:
    """Whether this sign still makes a handoff urgent: at most 24 hours old, or of unknown
    time (a state stored before the time was kept)."""
    if mark is None:
        return False
    return mark.at is None or now.timestamp() - mark.at <= RECENT.total_seconds()


def remember(old: CrisisMark | None, new: CrisisMark, now: datetime) -> CrisisMark:
    """The sign to keep: the newest, except that a sign about someone else never hides a
    recent sign about the young person themselves."""
    if old is not None and old.subject == "self" and new.subject == "other":
        return old if is_recent(old, now) else new
    return new


# --- the crisis reply ------------------------------------------------------------------------


def crisis_intro(
    _: Gettext, category: str, *, other: bool = False, sexual: bool = False, armed: bool = False
) -> str:
    """The first, warm words of a crisis reply; never a detail, never a label.

    About someone else (`other`): how to help them, not the writer's own feelings. Danger
    with a weapon (`armed`): the writer's own safety first, and never "stay with them"; the
    weapon itself is not named (no echo of what was written).
    """
    if category == "danger" and armed:
        if other:
            return _(
                "This sounds like someone is in danger right now. Please call 112 now. Keep "
                "yourself safe first: keep your distance, and go to a safe place if you can. "
                "You don't have to solve this yourself."
            )
        return _(
            "This sounds like you need help right now. Go to a safe place if you can, and "
            "call 112 now."
        )
    if other:
        return _other_intro(_, category)
    if category == "danger":
        return _("This sounds like you need help right now. Please call 112 now.")
    if category == "abuse" and sexual:
        return _(
            "Thank you for telling me. That takes courage. What happened to you is not okay, "
            "and it is not your fault. Whether it was recent or long ago, you can get help."
        )
    if category == "abuse":
        return _(
            "Thank you for telling me. That takes courage. What happens to you is not okay, "
            "and it is not your fault. You deserve to be safe."
        )
    return _(
        "Thank you for telling me. I'm worried about you. You don't have to carry this alone. "
        "Please talk to someone about it now."
    )


def _other_intro(_: Gettext, category: str) -> str:
    if category == "danger":
        return _(
            "This sounds like someone is in danger right now. Please call 112 now. Stay with "
            "them if that is safe for you. Don't promise to keep it a secret. 113 also talks "
            "with friends and family who are worried. Call together, if you can."
        )
    if category == "abuse":
        return _(
            "Thank you for telling me. It's good that you want to help. Take it seriously: "
            "what happens to them is not okay. Stay close to them, if that is safe for you. "
            "Don't promise to keep it a secret. Veilig Thuis also gives advice if you are "
            "worried about someone. Call together, if you can."
        )
    return _(
        "Thank you for telling me. It's good that you want to help. Take it seriously, and "
        "stay with them if you can. Don't promise to keep it a secret: you don't have to carry "
        "this alone. 113 also talks with friends and family who are worried. Call together, "
        "if you can."
    )


def crisis_lines(content: Content, sign: Sign, *, may_be_minor: bool) -> tuple[HelpLine, ...]:
    """The lines for this sign, most urgent first: the category's lines, with the lines that
    fit the person right after the first one (Centrum Seksueel Geweld after sexual violence;
    De Kindertelefoon when the one abused may be under 18, or is someone else)."""
    lines = list(content.lines_for(sign.category))
    also: list[str] = []
    if sign.sexual:
        also += content.crisis_also.get(SEXUAL, ())
    if sign.category == "abuse" and (may_be_minor or _about_other(sign)):
        also += content.crisis_also.get(ABUSE_MINOR, ())
    shown = {line.key for line in lines}
    extra = []
    for key in also:
        line = content.line(key)
        if line is not None and line.key not in shown:
            extra.append(line)
            shown.add(line.key)
    return tuple(lines[:1] + extra + lines[1:])


def crisis_text(_: Gettext, content: Content, sign: Sign, *, may_be_minor: bool) -> str:
    """The warm words, then the lines for this sign."""
    intro = crisis_intro(
        _, sign.category, other=_about_other(sign), sexual=sign.sexual, armed=sign.armed
    )
    lines = crisis_lines(content, sign, may_be_minor=may_be_minor)
    return "\n\n".join((intro, *(line_text(_, line) for line in lines)))


# --- the gentle check-in ---------------------------------------------------------------------


def concern_line(content: Content, now: datetime) -> HelpLine | None:
    """The one line a check-in offers: the first of content's ``concern`` lines that is open
    now, else the first of them."""
    lines = [line for key in content.concern_lines if (line := content.line(key)) is not None]
    for line in lines:
        if line.opening_hours is None or is_open(line.opening_hours, now):
            return line
    return lines[0] if lines else None


def concern_text(_: Gettext, content: Content, sign: Sign, now: datetime) -> str:
    """A short, warm check-in with one line that answers now; no label, no diagnosis."""
    line = concern_line(content, now)
    if _about_other(sign):
        text = _(
            "It sounds like someone you care about is having a hard time. It's good that you "
            "notice. Ask how they are doing, and listen. You don't have to solve it."
        )
        where = _("Want to talk about it yourself? You can, for example here:")
    else:
        text = _(
            "Thank you for telling me. It sounds like things are heavy for you right now. "
            "You don't have to carry that alone."
        )
        where = _("Talking to someone can help, for example here:")
    if line is None:
        return text
    return f"{text} {where}\n\n{line_text(_, line)}"
