"""The handoff to a youth worker, pure: who takes it, what the young person hears about the
wait, and what the staff see (topic name, card, notes). The channel carries it out.

Staff texts go through the catalogs too, in the staff's language (the default, Dutch).
"""

from __future__ import annotations

import secrets
from collections.abc import Collection
from datetime import datetime

from bot.engine import texts
from bot.engine.content import Content, Organisation
from bot.engine.crisis import is_recent
from bot.engine.hours import describe_next, is_open, next_opening
from bot.engine.model import CrisisMark, SessionState
from bot.engine.recommend import Profile, recommend
from bot.engine.texts import Gettext

__all__ = [
    "CODE_ALPHABET",
    "card_text",
    "crisis_note",
    "first_reply_bucket",
    "lines_open_now",
    "new_code",
    "note",
    "route",
    "summary_text",
    "topic_name",
    "waiting_text",
]


def N_(message: str) -> str:  # noqa: N802 - gettext's marker for "translate later"
    """Marks a text for the catalogs; it is translated where it is shown."""
    return message


#: A topic's code: short, random, easy to say aloud (no 0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 4
#: The ages each age band stands for, to compare with an organisation's age range.
_BAND_AGES = {
    "under_16": (0, 15),
    "16-19": (16, 19),
    "20-24": (20, 24),
    "25-27": (25, 27),
    "over_27": (28, 200),
}
#: Minutes to the first staff reply, bucketed as the statistics report reads them.
_REPLY_BUCKETS = ((5, "0-5"), (15, "5-15"), (60, "15-60"))

_SCORE_BANDS = {
    "not_lonely": N_("not lonely"),
    "moderate": N_("moderately lonely"),
    "severe": N_("severely lonely"),
    "unknown": N_("not known"),
}
#: The detector's categories as staff read them (a sign of sexual violence says so instead).
_CATEGORIES = {
    "suicide": N_("suicide"),
    "self_harm": N_("self-harm"),
    "abuse": N_("abuse or violence"),
    "danger": N_("acute danger"),
}
_REASONS = {
    "stopped": N_("The young person stopped the chat. This conversation is closed."),
    "forgotten": N_("The young person asked to erase everything. This conversation is closed."),
    "staff": N_("This conversation was closed by staff."),
    "gone": N_("The young person has blocked the bot. This conversation is closed."),
    "again": N_("The topic was gone, so the conversation continues here."),
}


def new_code() -> str:
    """A fresh random code for a topic; it says nothing about the person."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _fits(org: Organisation, ages: tuple[int, int]) -> bool:
    low, high = ages
    return (org.min_age is None or low >= org.min_age) and (
        org.max_age is None or high <= org.max_age
    )


def route(content: Content, band: str, available: Collection[str]) -> str | None:
    """The organisation for this age band: the first whose age range holds it, else the
    content's default; one without a staff chat passes to another; None if none has one."""
    ages = _BAND_AGES.get(band)
    preferred = content.default_organisation
    if ages is not None:
        preferred = next((o.key for o in content.organisations if _fits(o, ages)), preferred)
    if preferred in available:
        return preferred
    return next((o.key for o in content.organisations if o.key in available), None)


def first_reply_bucket(minutes: float) -> str:
    """The statistics bucket for minutes until the first staff reply."""
    for limit, bucket in _REPLY_BUCKETS:
        if minutes < limit:
            return bucket
    return "60+"


def lines_open_now(_: Gettext, content: Content, now: datetime) -> str:
    """The waiting lines that answer right now, as text (empty if none do)."""
    shown = []
    for key in content.waiting_lines:
        line = content.line(key)
        if line is not None and (line.opening_hours is None or is_open(line.opening_hours, now)):
            shown.append(texts.line_text(_, line))
    return "\n\n".join(shown)


def waiting_text(_: Gettext, org: Organisation, now: datetime, lang: str) -> str:
    """What the young person hears about when someone answers: honest about closing times."""
    hours = org.opening_hours
    if hours is None or is_open(hours, now):
        return _("Usually someone answers within a few minutes.")
    closed = _("{organisation} is closed right now.").format(organisation=org.name)
    moment = next_opening(hours, now)
    if moment is None:
        when = _("Someone will read your message as soon as they are back.")
    else:
        info = describe_next(moment, now, lang)
        sentences = {
            "today": _("Someone will read your message today from {time}."),
            "tomorrow": _("Someone will read your message tomorrow from {time}."),
            "weekday": _("Someone will read your message on {weekday} from {time}."),
            "date": _("Someone will read your message on {date} from {time}."),
        }
        when = sentences.get(info.when, sentences["today"]).format(
            time=info.time, weekday=info.weekday_name, date=info.date_text
        )
    typing = _("You can already type: your message will wait for them.")
    return f"{closed} {when} {typing}"


def summary_text(
    _: Gettext, content: Content, state: SessionState, profile: Profile, now: datetime
) -> str:
    """The check's outcome for the youth worker (only with consent): never a raw score.

    A crisis sign older than a day is told here; a recent one is on the card anyway.
    """
    parts = [_("Loneliness check: {band}").format(band=_(_SCORE_BANDS[profile.band]))]
    if profile.student is not None:
        parts.append(_("Student: yes") if profile.student else _("Student: no"))
    shown = [rec.offer.name for rec in recommend(content.offers, profile)]
    if shown:
        parts.append(_("Offers shown: {offers}").format(offers=", ".join(shown)))
    if state.crisis is not None and not is_recent(state.crisis, now):
        parts.append(crisis_note(_, state.crisis, int(now.timestamp())))
    return "\n".join(parts)


def _duration(_: Gettext, seconds: float) -> str:
    # Minutes up to 89, then hours up to 47, then days: never a "1 hours" to pluralise.
    minutes = max(1, round(seconds / 60))
    if minutes < 90:
        return _("{n} min").format(n=minutes)
    hours = round(minutes / 60)
    if hours < 48:
        return _("{n} hours").format(n=hours)
    return _("{n} days").format(n=round(hours / 24))


def crisis_note(_: Gettext, mark: CrisisMark, handoff_at: int) -> str:
    """When the last crisis sign was, counted from the handoff (the card stays, so "ago" would
    go stale), and its category; never what was written."""
    if mark.sexual:
        what = _("sexual violence")
    else:
        what = _(_CATEGORIES.get(mark.category or "", _SCORE_BANDS["unknown"]))
    time = ""
    if mark.at is None:
        template = _("Crisis sign earlier in this conversation, time not known: {category}")
    elif mark.at >= handoff_at:
        template = _("Crisis sign during this chat: {category}")
    elif handoff_at - mark.at < 60:
        template = _("Crisis sign just before the handoff: {category}")
    else:
        template = _("Crisis sign {time} before the handoff: {category}")
        time = _duration(_, handoff_at - mark.at)
    note = template.format(time=time, category=what)
    if mark.subject == "other":
        about = _("(about someone else)")
        note = f"{note} {about}"
    return note


def _band_label(_: Gettext, band: str) -> str:
    return band if band in ("16-19", "20-24", "25-27") else _("unknown")


def topic_name(_: Gettext, code: str, band: str, lang: str, *, urgent: bool) -> str:
    """The topic's name in the staff group: code, age band, language; urgent first."""
    name = f"{code} · {_band_label(_, band)} · {lang}"
    return f"🔴 URGENT · {name}" if urgent else name


def card_text(
    _: Gettext,
    *,
    code: str,
    band: str,
    lang: str,
    since: str,
    urgent: bool,
    summary: str | None,
    claimed_by: str | None,
    closed: bool,
    crisis: str | None = None,
    channel: str | None = None,
) -> str:
    """The card at the top of a topic: what staff may know, and what happened so far.

    `crisis` is the `crisis_note` of a recent sign, shown under the urgent line.
    """
    lines = []
    if urgent:
        lines.append(_("🔴 URGENT: signs of crisis. Please answer first."))
    if crisis:
        lines.append(crisis)
    lines += [
        _("Conversation {code}").format(code=code),
        _("Age: {band}").format(band=_band_label(_, band)),
        _("Language: {lang}").format(lang=lang),
        _("Waiting since: {time}").format(time=since),
    ]
    if channel:
        lines.append(_("Writes via: {channel}").format(channel=channel))
    if summary:
        lines.append(_("Summary (shared with consent):") + "\n" + summary)
    else:
        lines.append(_("No summary: the young person chose not to share it."))
    if claimed_by is not None:
        lines.append(_("Taken by {name}").format(name=claimed_by))
    if closed:
        lines.append(_("Closed."))
    else:
        lines.append(
            _("Whatever you write in this topic goes to the young person. /sluit closes it.")
        )
    return "\n".join(lines)


def note(_: Gettext, reason: str) -> str:
    """A line in the topic about how the conversation ended (or moved)."""
    return _(_REASONS.get(reason, _REASONS["staff"]))
