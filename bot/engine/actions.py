"""The named actions a flow step can run: the result of the check, the offers, the ways out."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from bot.engine import texts
from bot.engine.content import Content, Offer
from bot.engine.model import DomainEvent, Link, Outbound, SessionState
from bot.engine.recommend import Profile, Recommendation, recommend
from bot.engine.scoring import ITEMS, score
from bot.engine.texts import Gettext

__all__ = [
    "ACTIONS",
    "ActionContext",
    "ActionResult",
    "age_band",
    "may_be_minor",
    "offer_messages",
    "profile_of",
]

#: Step ids whose answers the result reads (flows/main.yaml).
AGE_STEP, STUDENT_STEP, WISH_STEP = "age", "student", "wish"
#: The age answers and the band each counts in. 16-17 and 18-19 are asked apart (who may be
#: under 18) but stay one band 16-19 for routing, offers, staff and statistics; ``age_16_19``
#: is the single option of earlier versions, still in stored conversations.
AGE_BANDS = {
    "age_16_17": "16-19",
    "age_18_19": "16-19",
    "age_16_19": "16-19",
    "age_20_24": "20-24",
    "age_25_27": "25-27",
}
#: The age answers that say someone is 18 or older.
ADULT_ANSWERS = frozenset({"age_18_19", "age_20_24", "age_25_27", "older"})
#: The age band a handoff router and the statistics use when the bot did not ask or was not told.
OUT_OF_RANGE = {"younger": "under_16", "older": "over_27"}
#: Under this age a youth worker of JoU is the one to talk to (brief: "under 20 → JoU").
JOU_BELOW = 20


@dataclass(frozen=True, slots=True)
class ActionContext:
    """What an action may read: the texts, the content, the state, the bot's public name."""

    _: Gettext
    content: Content
    state: SessionState
    bot_username: str | None = None


@dataclass(frozen=True, slots=True)
class ActionResult:
    """What an action says and what it counts."""

    messages: tuple[Outbound, ...] = ()
    events: tuple[DomainEvent, ...] = ()


def _event(name: str, **data: str) -> DomainEvent:
    return DomainEvent(name, MappingProxyType(data))


def age_band(state: SessionState) -> str:
    """The age band for statistics and routing: 16-19, 20-24, 25-27, under_16, over_27, unknown."""
    answer = state.answers.get(AGE_STEP, "")
    return AGE_BANDS.get(answer) or OUT_OF_RANGE.get(answer) or "unknown"


def may_be_minor(state: SessionState) -> bool:
    """Whether the young person may be under 18: yes unless they said they are 18 or older
    (16-17, younger than 16, not asked, skipped, or the old 16-19 answer all may be)."""
    return state.answers.get(AGE_STEP) not in ADULT_ANSWERS


def profile_of(state: SessionState) -> Profile:
    """The check's answers as the recommender needs them."""
    student = state.answers.get(STUDENT_STEP)
    djg = {item.key: state.answers[item.key] for item in ITEMS if item.key in state.answers}
    return Profile(
        age_band=AGE_BANDS.get(state.answers.get(AGE_STEP, "")),
        student=True if student == "yes" else False if student == "no" else None,
        band=score(djg).band if djg else "unknown",
        wish=state.answers.get(WISH_STEP),
    )


def _organisation_name(content: Content, key: str | None, _: Gettext) -> str:
    org = content.organisation(key)
    if org is not None:
        return org.name
    names = [o.name for o in content.organisations]
    if len(names) == 2:
        return _("{first} or {second}").format(first=names[0], second=names[1])
    return " / ".join(names)


def _person_org(content: Content, state: SessionState) -> str | None:
    """Who a young person would talk to: under 20 JoU, otherwise the content's default."""
    band = age_band(state)
    if band in ("16-19", "under_16"):
        return "jou" if content.organisation("jou") else content.default_organisation
    return content.default_organisation


def _offer_message(ctx: ActionContext, rec: Recommendation) -> Outbound:
    _ = ctx._
    offer: Offer = rec.offer
    why = _(offer.why.get(rec.reason) or offer.why["default"])
    how = _(offer.how).format(organisation=_organisation_name(ctx.content, rec.organisation, _))
    links = (Link(offer.name, offer.url),) if offer.url else ()
    return Outbound(f"{offer.name}\n{why}\n{_(offer.what)}\n{how}", links=links)


def _person_message(ctx: ActionContext, *, first: bool) -> Outbound:
    _ = ctx._
    org = _organisation_name(ctx.content, _person_org(ctx.content, ctx.state), _)
    if first:
        text = _(
            "I think it would help to talk to someone. A youth worker of {organisation} can chat "
            "with you, anonymously. Tap 'Talk to a person' or type /praat."
        )
    else:
        text = _(
            "And you can always talk to a youth worker of {organisation}, anonymously. "
            "Type /praat."
        )
    return Outbound(text.format(organisation=org))


def _indication(_: Gettext, band: str) -> str:
    texts_by_band = {
        "not_lonely": _(
            "Thanks for answering! From your answers it sounds like you have people around you. "
            "That's good to hear."
        ),
        "moderate": _(
            "Thanks for answering honestly. From your answers it sounds like you sometimes miss "
            "people around you. Lots of young people feel that way. And there are things that "
            "help."
        ),
        "severe": _(
            "Thanks for answering honestly. From your answers it sounds like you often feel "
            "alone. That is hard. You are not the only one, and you don't have to stay alone "
            "with it."
        ),
    }
    return texts_by_band.get(band) or _("Thanks for answering! Here is what could fit you.")


def offer_messages(
    ctx: ActionContext, profile: Profile
) -> tuple[list[Outbound], list[DomainEvent]]:
    """The offers ranked for this profile, with a youth worker first when that fits best."""
    wants_person = profile.band == "severe" or profile.wish == "talk_now"
    messages: list[Outbound] = []
    shown: list[str] = []
    if wants_person:
        messages.append(_person_message(ctx, first=True))
        shown.append("person")
    for rec in recommend(ctx.content.offers, profile):
        messages.append(_offer_message(ctx, rec))
        shown.append(rec.offer.key)
    if not wants_person:
        messages.append(_person_message(ctx, first=False))
        shown.append("person")
    events = [_event("offer_shown", offer=key, rank=str(n)) for n, key in enumerate(shown, 1)]
    return messages, events


def show_result(ctx: ActionContext) -> ActionResult:
    """The indication in friendly words (never a number), then the ranked offers."""
    _ = ctx._
    profile = profile_of(ctx.state)
    intro = [Outbound(_indication(_, profile.band))]
    if profile.band == "not_lonely":
        intro.append(Outbound(_("If you ever want it, or for someone you know, this is there:")))
    messages, events = offer_messages(ctx, profile)
    done = _event("check_completed", band=profile.band, age_band=age_band(ctx.state))
    return ActionResult((*intro, *messages), (done, *events))


def show_offers(ctx: ActionContext) -> ActionResult:
    """The offers without a check, for someone who would rather not answer questions."""
    intro = Outbound(ctx._("This is what there is for young people in Utrecht:"))
    messages, events = offer_messages(ctx, Profile())
    return ActionResult((intro, *messages), tuple(events))


def start_check(ctx: ActionContext) -> ActionResult:
    """Only counts: the check begins."""
    del ctx
    return ActionResult(events=(_event("check_started"),))


def help_lines(ctx: ActionContext) -> ActionResult:
    """All help lines with their hours."""
    return ActionResult((Outbound(texts.help_lines(ctx._, ctx.content)),))


def talk_to_person(ctx: ActionContext) -> ActionResult:
    """How to reach a youth worker."""
    text, links = texts.talk_to_person(ctx._, ctx.content)
    return ActionResult((Outbound(text, links=links),), (_event("talk_requested"),))


def _lines(ctx: ActionContext, keys: tuple[str, ...]) -> str:
    return "\n\n".join(
        texts.line_text(ctx._, line) for key in keys if (line := ctx.content.line(key))
    )


def too_young(ctx: ActionContext) -> ActionResult:
    """Under 16: De Kindertelefoon, and the crisis lines all the same."""
    _ = ctx._
    text = _(
        "Omarmt is for young people from 16 to 27. For you, De Kindertelefoon is there. "
        "You can call or chat with them about anything."
    )
    body = f"{text}\n\n{_lines(ctx, ('kindertelefoon', '113', '112'))}"
    events = (
        _event("out_of_range", age_band="under_16"),
        _event("offer_shown", offer="kindertelefoon", rank="1"),
    )
    return ActionResult((Outbound(body),), events)


def too_old(ctx: ActionContext) -> ActionResult:
    """Over 27: De Luisterlijn and the municipality's general help, and the crisis lines."""
    _ = ctx._
    text = _(
        "Omarmt is for young people from 16 to 27. But you are welcome to talk to someone "
        "too. De Luisterlijn is there day and night."
    )
    parts = [text, _lines(ctx, ("luisterlijn", "113", "112"))]
    links: tuple[Link, ...] = ()
    general = ctx.content.general_help
    if general is not None:
        parts.append(f"{general.name}: {_(general.what)}")
        links = (Link(general.name, general.url),)
    events = (
        _event("out_of_range", age_band="over_27"),
        _event("offer_shown", offer="luisterlijn", rank="1"),
    )
    return ActionResult((Outbound("\n\n".join(parts), links=links),), events)


def friend_share(ctx: ActionContext) -> ActionResult:
    """The offers in short, and a link to pass Omarmt on."""
    _ = ctx._
    names = "\n".join(f"- {offer.name}: {_(offer.what)}" for offer in ctx.content.offers)
    offers = Outbound(
        _("This is what there is in Utrecht, also for your friend:") + f"\n{names}",
        links=tuple(Link(o.name, o.url) for o in ctx.content.offers if o.url),
    )
    if ctx.bot_username:
        link = f"https://t.me/{ctx.bot_username}?start=vriend"
        share = Outbound(
            _("Want to pass me on? Send your friend this link: {link}").format(link=link)
        )
    else:
        share = Outbound(_("Want to pass me on? Your friend can find Omarmt in Telegram."))
    return ActionResult((offers, share), (_event("friend_path"),))


ACTIONS: Mapping[str, Callable[[ActionContext], ActionResult]] = MappingProxyType(
    {
        "show_result": show_result,
        "show_offers": show_offers,
        "start_check": start_check,
        "help_lines": help_lines,
        "talk_to_person": talk_to_person,
        "too_young": too_young,
        "too_old": too_old,
        "friend_share": friend_share,
    }
)
