"""What the check's answers said, told back in one sentence: a result never claims what the
young person did not say ("no" to "I miss having people around" never gives "you miss people").
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.engine.texts import N_, Gettext

__all__ = ["indication", "what_you_said"]

#: What a lonely answer to a statement says, the most telling first: a plain answer before an
#: in-between one, a feeling (missing people, emptiness, rejection) before the number of people.
#: Each sentence is said only after exactly that answer to exactly that statement.
_LONELY: tuple[tuple[str, str, str], ...] = (
    ("djg4", "yes", N_("You said you miss having people around.")),
    ("djg1", "yes", N_("You said it feels empty around you.")),
    ("djg6", "yes", N_("You said you often feel left on your own.")),
    ("djg2", "no", N_("You said there aren't enough people you can lean on.")),
    ("djg5", "no", N_("You said there aren't enough people you feel close to.")),
    ("djg3", "no", N_("You said there aren't many people you trust completely.")),
    ("djg4", "more_or_less", N_("You said you sometimes miss having people around.")),
    ("djg1", "more_or_less", N_("You said it sometimes feels a bit empty around you.")),
    ("djg6", "more_or_less", N_("You said you sometimes feel left on your own.")),
    ("djg2", "more_or_less", N_("You said there aren't always people you can lean on.")),
    ("djg5", "more_or_less", N_("You said there aren't always people you feel close to.")),
    ("djg3", "more_or_less", N_("You said there aren't so many people you trust completely.")),
)
#: What a "yes" to a statement about having people says, for someone who is not lonely.
_CONNECTED: tuple[tuple[str, str, str], ...] = (
    ("djg2", "yes", N_("You said there are enough people you can lean on.")),
    ("djg5", "yes", N_("You said there are enough people you feel close to.")),
    ("djg3", "yes", N_("You said there are many people you trust completely.")),
)


def what_you_said(answers: Mapping[str, str], band: str) -> str | None:
    """The message id of the one sentence that tells back an answer fitting `band`, or None."""
    said = _CONNECTED if band == "not_lonely" else _LONELY
    return next((text for step, answer, text in said if answers.get(step) == answer), None)


def indication(_: Gettext, answers: Mapping[str, str], band: str) -> str:
    """The check's outcome in friendly words, never a number, built on what was said."""
    said = what_you_said(answers, band)
    if band == "unknown" or said is None:
        return _("Thanks for answering! Here is what could fit you.")
    if band == "not_lonely":
        parts = [_("Thanks for answering!"), _(said), _("That's good to hear.")]
    elif band == "severe":
        parts = [
            _("Thanks for answering honestly."),
            _(said),
            _("That is hard. You are not alone in this."),
        ]
    else:
        parts = [
            _("Thanks for answering honestly."),
            _(said),
            _("Lots of young people feel that way. And there are things that help."),
        ]
    return " ".join(parts)
