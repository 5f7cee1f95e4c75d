"""The result screen: what was said, each offer in one line, a person; the details of an offer
one tap away ("More about ..."), each ending in a step that works in this channel.

It must fit one phone screen: tests/test_result_screen.py holds it to a word budget.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from bot.engine import handoff, reasons, texts
from bot.engine.answers import age_band, djg_answers, profile_of
from bot.engine.content import Content, Offer, Organisation
from bot.engine.model import DomainEvent, Link, Outbound
from bot.engine.recommend import Profile, Recommendation, recommend
from bot.engine.texts import TALK, Gettext

if TYPE_CHECKING:
    from bot.engine.actions import ActionContext

__all__ = [
    "MORE",
    "OfferScreen",
    "details",
    "indication",
    "more_label",
    "offer_of",
    "offer_screen",
]

#: The option id that shows one offer's details is this and the offer's key: "_more_join_us".
MORE = "_more_"


@dataclass(frozen=True, slots=True)
class OfferScreen:
    """The offers as shown: the messages, what they count, the offers one tap can open."""

    messages: tuple[Outbound, ...]
    events: tuple[DomainEvent, ...]
    more: tuple[str, ...]


def _event(name: str, **data: str) -> DomainEvent:
    return DomainEvent(name, MappingProxyType(data))


def offer_of(content: Content, option_id: str) -> Offer | None:
    """The offer a "More about ..." option opens, or None (option ids are untrusted)."""
    if not option_id.startswith(MORE):
        return None
    key = option_id.removeprefix(MORE)
    return next((offer for offer in content.offers if offer.key == key), None)


def more_label(_: Gettext, offer: Offer) -> str:
    """The label of the option that shows an offer's details."""
    return _("More about {offer}").format(offer=offer.name)


def indication(ctx: ActionContext) -> str | None:
    """The check's outcome in friendly words, built on what was said; None without a check."""
    answers = djg_answers(ctx.state)
    if not answers:
        return None
    return reasons.indication(ctx._, answers, profile_of(ctx.state).band)


def offer_screen(ctx: ActionContext, profile: Profile, header: str) -> OfferScreen:
    """The offers ranked for this profile, one line each, and a person: first when that fits
    best (severely lonely, or asked for), else last. Details are one tap away."""
    _ = ctx._
    ranked = recommend(ctx.content.offers, profile)
    lines = [f"- {rec.offer.name}: {_(_why(rec))}" for rec in ranked]
    offers = Outbound("\n".join([header, *lines]))
    wants_person = profile.band == "severe" or profile.wish == "talk_now"
    person = _person(ctx, first=wants_person)
    keys = [rec.offer.key for rec in ranked]
    shown = ["person", *keys] if wants_person else [*keys, "person"]
    events = tuple(_event("offer_shown", offer=key, rank=str(n)) for n, key in enumerate(shown, 1))
    messages = (person, offers) if wants_person else (offers, person)
    return OfferScreen(messages, events, tuple(keys))


def _why(rec: Recommendation) -> str:
    return rec.offer.why.get(rec.reason) or rec.offer.why["default"]


def _talk_label(_: Gettext) -> str:
    return _(texts.label_of(TALK))


def _person(ctx: ActionContext, *, first: bool) -> Outbound:
    """A youth worker: in this chat where a staff chat is set up, else where to find one."""
    _ = ctx._
    band = age_band(ctx.state)
    here = handoff.route(ctx.content, band, ctx.staff_orgs)
    intro = _("I think it would help to talk to someone.") + " " if first else ""
    if here is not None:
        org = ctx.content.organisation(here) if band != "unknown" else None
        if org is not None:
            text = _(
                "A youth worker of {organisation} can chat with you here, anonymously: "
                "choose '{talk}'."
            ).format(organisation=org.name, talk=_talk_label(_))
        else:
            text = _(
                "A youth worker can chat with you here, anonymously: choose '{talk}'."
            ).format(talk=_talk_label(_))
        return Outbound(intro + text)
    orgs = _person_orgs(ctx.content, band)
    names = _names(_, [o.name for o in orgs])
    if first:
        text = _("The youth workers of {organisation} are there for you, free and anonymous.")
    else:
        text = _("You can always go to a youth worker of {organisation}, free and anonymous.")
    links = tuple(Link(o.name, o.url) for o in orgs)
    return Outbound(intro + text.format(organisation=names), links=links)


def _person_orgs(content: Content, band: str) -> list[Organisation]:
    """Who a young person would talk to: the organisation for their age, or all when unknown."""
    if band == "unknown":
        return list(content.organisations)
    key = handoff.route(content, band, [o.key for o in content.organisations])
    org = content.organisation(key)
    return [org] if org is not None else list(content.organisations)


def _names(_: Gettext, names: list[str]) -> str:
    if len(names) == 2:
        return _("{first} or {second}").format(first=names[0], second=names[1])
    return " / ".join(names)


def _offer_organisations(
    _: Gettext, content: Content, by_age: Mapping[str, str], band: str
) -> str:
    """Who helps with an offer: the organisation for this age band, or each with its ages."""
    org = content.organisation(by_age.get(band))
    if org is not None:
        return org.name
    named = [
        _("{organisation} ({ages})").format(organisation=o.name, ages=ages.replace("-", "\u2013"))
        for ages, key in by_age.items()
        if (o := content.organisation(key)) is not None
    ]
    return _names(_, named)


def details(ctx: ActionContext, offer: Offer) -> Outbound:
    """One offer in full: what it is and the next step, with a link that works anywhere; and
    the way to a youth worker who helps with it, in this chat only where one can take over."""
    _ = ctx._
    band = age_band(ctx.state)
    parts = [offer.name, _(offer.what)]
    links: list[Link] = [Link(offer.name, offer.url)] if offer.url else []
    if offer.organisation_by_age:
        who = _offer_organisations(_, ctx.content, offer.organisation_by_age, band)
        parts.append(_(offer.how).format(organisation=who))
        if handoff.route(ctx.content, band, ctx.staff_orgs) is not None:
            # A youth worker can take over in this chat: that is a step that works.
            talk = _("Or choose '{talk}' to ask a youth worker here.")
            parts.append(talk.format(talk=_talk_label(_)))
        else:
            mine = offer.organisation_by_age.get(band)
            keys = [mine] if mine else list(dict.fromkeys(offer.organisation_by_age.values()))
            links += [Link(o.name, o.url) for k in keys if (o := ctx.content.organisation(k))]
    else:
        parts.append(_(offer.how))
    return Outbound("\n".join(parts), links=tuple(links))
