"""The named actions a flow step can run: the result of the check, the offers, the ways out."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from bot.engine import result, texts
from bot.engine.answers import age_band, may_be_minor, profile_of
from bot.engine.content import Content
from bot.engine.model import DomainEvent, Link, Outbound, SessionState
from bot.engine.recommend import Profile
from bot.engine.texts import Gettext

__all__ = [
    "ACTIONS",
    "ActionContext",
    "ActionResult",
    "age_band",
    "may_be_minor",
    "profile_of",
]


@dataclass(frozen=True, slots=True)
class ActionContext:
    """What an action may read: the texts, the content, the state, the bot's public name
    (None where the channel has none, as in the terminal), the organisations whose youth
    workers can take over in this channel."""

    _: Gettext
    content: Content
    state: SessionState
    bot_username: str | None = None
    staff_orgs: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class ActionResult:
    """What an action says and what it counts."""

    messages: tuple[Outbound, ...] = ()
    events: tuple[DomainEvent, ...] = ()
    #: Offers whose details the menu that follows opens with one tap (their keys).
    more: tuple[str, ...] = ()


def _event(name: str, **data: str) -> DomainEvent:
    return DomainEvent(name, MappingProxyType(data))


def show_result(ctx: ActionContext) -> ActionResult:
    """What was said in friendly words (never a number), then the ranked offers."""
    _ = ctx._
    profile = profile_of(ctx.state)
    said = result.indication(ctx)
    header = (
        _("If you ever want it, or for someone you know, this is there:")
        if profile.band == "not_lonely"
        else _("This could fit you:")
    )
    screen = result.offer_screen(ctx, profile, header)
    intro = (Outbound(said),) if said else ()
    done = _event("check_completed", band=profile.band, age_band=age_band(ctx.state))
    return ActionResult((*intro, *screen.messages), (done, *screen.events), screen.more)


def show_offers(ctx: ActionContext) -> ActionResult:
    """The offers without a check, for someone who would rather not answer questions."""
    header = ctx._("This is what there is for young people in Utrecht:")
    screen = result.offer_screen(ctx, Profile(), header)
    return ActionResult(screen.messages, screen.events, screen.more)


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


#: The deep-link code of the link the friend path hands out (content/sources.yaml).
FRIEND_CODE = "vriend"


def friend_share(ctx: ActionContext) -> ActionResult:
    """The offers in one line each, and a message to pass Omarmt on: with the bot's link where
    the channel has one (Telegram), as plain words where it has none (the terminal)."""
    _ = ctx._
    names = "\n".join(f"- {o.name}: {_(o.why['default'])}" for o in ctx.content.offers)
    offers = Outbound(_("This is what there is in Utrecht, also for your friend:") + f"\n{names}")
    pass_on = _(
        "Do you feel alone sometimes? Omarmt is a chatbot for young people in Utrecht. "
        "You chat anonymously, and it shows what there is in Utrecht."
    )
    if ctx.bot_username:
        link = f"https://t.me/{ctx.bot_username}?start={FRIEND_CODE}"
        ask = _("Want to pass me on? Forward the next message to your friend.")
        card = Outbound(f"{pass_on}\n{link}")
    else:
        ask = _("Want to pass me on? Send your friend this text, in your own words if you like.")
        card = Outbound(pass_on)
    more = tuple(o.key for o in ctx.content.offers)
    return ActionResult((offers, Outbound(ask), card), (_event("friend_path"),), more)


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
