"""The conversation engine: one inbound event plus the state in, new state and replies out."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Literal, Protocol

from bot.engine import crisis, handoff, result, texts
from bot.engine.actions import ACTIONS as ACTION_TABLE
from bot.engine.actions import FRIEND_CODE, ActionContext
from bot.engine.answers import age_band, may_be_minor, profile_of
from bot.engine.commands import COMMANDS, command_names
from bot.engine.content import Content, Offer
from bot.engine.crisis import Sign
from bot.engine.flow import ANY_LANGUAGE, Flow, Option, Step
from bot.engine.hours import is_open
from bot.engine.matching import Candidate, age_span, match_answer
from bot.engine.model import (
    Choice,
    CloseHandoff,
    Command,
    CrisisMark,
    DomainEvent,
    Effect,
    Handoff,
    Inbound,
    Link,
    MarkUrgent,
    Media,
    OpenHandoff,
    OptionView,
    Outbound,
    RelayToStaff,
    SessionState,
    Text,
    Turn,
)
from bot.engine.texts import BACK, CONTINUE, HELP, NO, RESTART, STOP, TALK, WAIT, YES, Gettext

__all__ = [
    "ACTIONS",
    "COMMANDS",
    "HANDOFF_STEP",
    "LANGUAGE_STEP",
    "Detector",
    "Engine",
    "Sign",
    "StaffEvent",
    "Translator",
]


#: The named actions a flow step may run (``kind: action``), see `bot.engine.actions`.
ACTIONS = frozenset(ACTION_TABLE)

#: The step id of the language question, which is not part of any flow.
LANGUAGE_STEP = "_language"
#: The step id of "may your answers go along?" before a handoff; its options.
HANDOFF_STEP = "_handoff"
_SHARE, _NO_SHARE, _CANCEL = "share", "noshare", "cancel"
#: What happened on the staff side of a handoff (see `Engine.from_staff`).
StaffEvent = Literal["claimed", "text", "media", "closed", "waited", "gone"]
#: The option id that means "skip this question": counted as skipped, scored as missing.
SKIP = "skip"
#: What a question offers besides its options once someone is stuck (after two misses).
WAYS_OUT = (HELP, TALK, STOP)
#: A flow that chains more messages than this without a question is broken; stop, don't hang.
MAX_HOPS = 50
#: An age as people type it when they mean just that: "17", "ik ben 17", "15 jaar", "i'm 15".
_PLAIN_AGE = re.compile(r"(?:ik ben |i'?m |i am )?\d{1,2}(?: jaar(?: oud)?| years?(?: old)?)?\.?")
#: "-3": no option's number and no age.
_NEGATIVE = re.compile(r"-\s*\d+")


Detector = Callable[[str], Sign | None]


class Translator(Protocol):
    """Catalog look-up: the engine needs nothing else of gettext."""

    @property
    def languages(self) -> tuple[str, ...]: ...

    def gettext(self, lang: str, message: str) -> str: ...

    def language_name(self, lang: str) -> str: ...


def _new_conversation_id() -> str:
    return secrets.token_hex(8)


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class _Ctx:
    lang: str
    _: Gettext
    #: The language came from the channel's hint (the app's language, or WhatsApp's guess from
    #: the words), not from the conversation or the default.
    hinted: bool = False


class Engine:
    """Pure: no I/O, no channel; the clock comes in. Safety runs first, in every state."""

    def __init__(
        self,
        flow: Flow,
        content: Content,
        translator: Translator,
        detector: Detector,
        *,
        retention_days: int = 30,
        stats_days: int = 35,
        new_id: Callable[[], str] = _new_conversation_id,
        bot_username: str | None = None,
        staff_orgs: Collection[str] = (),
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._flow = flow
        self._content = content
        self._tr = translator
        self._detect = detector
        self._retention_days = retention_days
        #: How long statistics keep per-conversation rows (for /privacy).
        self._stats_days = stats_days
        self._new_id = new_id
        #: The bot's public name, for links to pass it on; a channel sets it when it knows it.
        self.bot_username = bot_username
        #: Organisations whose youth workers can take over in this channel (a staff chat is
        #: configured); empty means /praat explains how to reach them instead.
        self.staff_orgs = frozenset(staff_orgs)
        #: Where "now" comes from (opening hours, waiting times); a channel may set it.
        self.clock = clock
        self._default_lang = translator.languages[0]
        self._candidate_cache: dict[tuple[str, str, tuple[str, ...]], tuple[Candidate, ...]] = {}

    @property
    def flow(self) -> Flow:
        """The conversation graph this engine runs."""
        return self._flow

    @property
    def translator(self) -> Translator:
        """The catalogs this engine speaks with (channels use them for their menus)."""
        return self._tr

    @property
    def content(self) -> Content:
        """The help lines and organisations this engine shows."""
        return self._content

    # --- entry points ------------------------------------------------------------------------

    def handle(self, state: SessionState | None, event: Inbound) -> Turn:
        """Run one inbound event. Never raises for any input; unknown input gets a kind reply."""
        if state is None:
            state = SessionState(conversation=self._new_id())
        return _track_menu(self._handle(state, event))

    def _handle(self, state: SessionState, event: Inbound) -> Turn:
        ctx = self._ctx(state, event.lang_hint)
        said = _said(event)
        sign = self._detect(said) if said else None
        if sign is not None:
            if crisis.is_concern(sign):
                return self._concern(state, ctx, sign, event)
            return self._crisis(state, ctx, sign, event)
        if state.handoff is not None:
            turn = self._in_handoff(state, state.handoff, ctx, event)
            if turn is not None:
                return turn
        if isinstance(event, Command):
            return self._command(state, ctx, event)
        if isinstance(event, Media):
            return self._media(state, ctx)
        picked = self._from_menu(state, ctx, event)
        if isinstance(picked, Turn):
            return picked
        event = picked
        if isinstance(event, Choice) and event.option.startswith("_"):
            return self._system_choice(state, ctx, event)
        if state.choosing_language:
            return self._language_answer(state, ctx, event)
        if state.status == "new":
            return self._start(state, ctx)
        if state.status == "ended":
            return self._after_end(state, ctx)
        step = self._flow.step(state.step)
        if step is None or step.kind != "question":
            # The flow changed under a stored conversation: begin again rather than guess.
            return self._start(replace(state, answers=MappingProxyType({}), history=()), ctx)
        return self._answer(state, ctx, step, event)

    def resume(self, state: SessionState, lang_hint: str | None = None) -> Turn:
        """Greets someone coming back and shows where they were, without changing anything."""
        ctx = self._ctx(state, lang_hint)
        _ = ctx._
        step = self._flow.step(state.step)
        if state.status == "active" and step is not None and step.kind == "question":
            back = Outbound(_("Welcome back! This is where we were:"))
            return Turn(state, (back, self._question(ctx, step, state)))
        return Turn(state, (self._ended_message(ctx, _("Welcome back!")),))

    # --- language ----------------------------------------------------------------------------

    def _ctx(self, state: SessionState, hint: str | None) -> _Ctx:
        hinted = state.lang is None and self._supported(hint) is not None
        lang = state.lang or self._supported(hint) or self._default_lang
        return _Ctx(lang, lambda message: self._tr.gettext(lang, message), hinted)

    def _supported(self, hint: str | None) -> str | None:
        if not hint:
            return None
        base = hint.replace("_", "-").split("-")[0].strip().lower()
        return base if base in self._tr.languages else None

    def _language_question(self, ctx: _Ctx) -> Outbound:
        options = tuple(
            OptionView(lang, self._tr.language_name(lang), n)
            for n, lang in enumerate(self._tr.languages, start=1)
        )
        return Outbound(ctx._("Which language do you want?"), options, step=LANGUAGE_STEP)

    def _language_answer(self, state: SessionState, ctx: _Ctx, event: Inbound) -> Turn:
        langs = self._tr.languages
        chosen: str | None = None
        if isinstance(event, Choice) and event.step == LANGUAGE_STEP and event.option in langs:
            chosen = event.option
        elif isinstance(event, Text):
            candidates = [Candidate(lang, lang) for lang in langs]
            candidates += [Candidate(lang, self._tr.language_name(lang)) for lang in langs]
            candidates += [Candidate("en", w) for w in ("engels", "english", "eng")]
            candidates += [Candidate("nl", w) for w in ("dutch", "nederlands", "ned")]
            candidates = [c for c in candidates if c.option in langs]
            chosen = match_answer(event.text, langs, candidates).option
        if chosen is None:
            return Turn(state, (self._language_question(ctx),))
        return self._switch_language(replace(state, choosing_language=False), chosen)

    def _switch_language(self, state: SessionState, lang: str) -> Turn:
        state = replace(state, lang=lang, choosing_language=False)
        ctx = self._ctx(state, None)
        done = Outbound(ctx._("Okay, I'll talk English with you now."))
        event = DomainEvent("language_chosen", MappingProxyType({"language": lang}))
        rest = self._where_we_were(state, ctx)
        if state.status == "new":
            turn = self._start(state, ctx)
            return Turn(turn.state, (done, *turn.messages), (event, *turn.events))
        return Turn(state, (done, *rest), (event,))

    # --- safety ------------------------------------------------------------------------------

    def _crisis(self, state: SessionState, ctx: _Ctx, sign: Sign, event: Inbound) -> Turn:
        """The crisis lines first, then the offer of a person and a way back to the question.

        The sign is remembered (when and what), so nothing ever closes this conversation on a
        timer and a handoff within a day is urgent.
        """
        if state.handoff is not None:
            return self._crisis_in_handoff(state, state.handoff, ctx, sign, event)
        reply = crisis.crisis_text(ctx._, self._content, sign, may_be_minor=may_be_minor(state))
        message = Outbound(
            f"{reply}\n\n{self._person_text(ctx)}",
            self._safety_options(state, ctx),
            step=state.step,
            urgent=True,
        )
        new_state = replace(state, crisis=self._remember(state, sign), misses=0)
        if new_state.status == "new":
            new_state = replace(new_state, status="active")
        return Turn(new_state, (message,), (_event("crisis", category=sign.category),))

    def _concern(self, state: SessionState, ctx: _Ctx, sign: Sign, event: Inbound) -> Turn:
        """A worry, not a crisis: a gentle check-in with one line open now, the offer of a
        person and a way back. Not urgent, and not remembered as a crisis sign."""
        concern = _event("concern", category=sign.category)
        desk = state.handoff
        if desk is not None and desk.stage == "open":
            # A youth worker is there: they read it, as they read everything.
            relay = RelayToStaff(None if isinstance(event, Media) else _said(event))
            return Turn(state, (), (concern,), (relay,))
        text = crisis.concern_text(ctx._, self._content, sign, self.clock())
        if desk is not None:
            # Asked whether their answers may go along: the check-in, then that question again.
            return Turn(state, (Outbound(text), self._consent_question(ctx)), (concern,))
        message = Outbound(
            f"{text}\n\n{self._person_text(ctx)}",
            self._safety_options(state, ctx),
            step=state.step,
        )
        new_state = replace(state, misses=0)
        if new_state.status == "new":
            new_state = replace(new_state, status="active")
        return Turn(new_state, (message,), (concern,))

    def _person_text(self, ctx: _Ctx) -> str:
        return ctx._(
            "You can also talk to a person. And you can carry on with me whenever you want. "
            "Type /help to see all help lines again."
        )

    def _safety_options(self, state: SessionState, ctx: _Ctx) -> tuple[OptionView, ...]:
        """Under a crisis reply or check-in: a person, and back to the question if one waits."""
        options = [texts.system_option(ctx._, TALK, 1)]
        question = self._flow.step(state.step)
        if state.status == "active" and question is not None and question.kind == "question":
            options.append(texts.system_option(ctx._, CONTINUE, 2))
        return tuple(options)

    def _remember(self, state: SessionState, sign: Sign) -> CrisisMark:
        now = self.clock()
        return crisis.remember(state.crisis, crisis.mark_of(sign, now), now)

    # --- commands ----------------------------------------------------------------------------

    def _command(self, state: SessionState, ctx: _Ctx, event: Command) -> Turn:
        _ = ctx._
        action = COMMANDS.get(event.name.lower())
        if action == "start":
            if event.arg and state.source is None:
                # A deep link's code: only codes listed in content count by name.
                code = event.arg.strip().lower()
                state = replace(state, source=code if code in self._content.sources else "other")
            if state.status == "new":
                return self._start(state, ctx)
            return Turn(state, self._where_we_were(state, ctx))
        if action == "help":
            return self._help(state, ctx)
        if action == "talk":
            return self._talk(state, ctx)
        if action == "stop":
            return self._stop(state, ctx)
        if action == "restart":
            return self._restart(state, ctx)
        if action == "language":
            chosen = self._supported(event.arg)
            if chosen is not None:
                return self._switch_language(state, chosen)
            return Turn(replace(state, choosing_language=True), (self._language_question(ctx),))
        if action == "back":
            return self._back(state, ctx)
        if action == "privacy":
            text = texts.privacy(_).format(days=self._retention_days, stats_days=self._stats_days)
            return Turn(state, (Outbound(text), *self._where_we_were(state, ctx)))
        if action == "forget":
            gone = Outbound(
                _(
                    "Done. I have erased everything about you. "
                    "If you send me a message, we start fresh."
                )
            )
            # Also without an open handoff: earlier ones may have left topics with staff.
            return Turn(None, (gone,), (DomainEvent("forgotten"),), (CloseHandoff("forgotten"),))
        unknown = Outbound(
            _("I don't know that command. These work: {commands}.").format(
                commands=", ".join(command_names(ctx.lang))
            )
        )
        return Turn(state, (unknown, *self._where_we_were(state, ctx)))

    def _help(self, state: SessionState, ctx: _Ctx) -> Turn:
        message = Outbound(texts.help_lines(ctx._, self._content))
        return Turn(
            state, (message, *self._where_we_were(state, ctx)), (DomainEvent("help_shown"),)
        )

    def _talk(self, state: SessionState, ctx: _Ctx) -> Turn:
        """A person, please: a youth worker takes over here if one can, else how to reach one."""
        band = age_band(state)
        org = handoff.route(self._content, band, self.staff_orgs)
        if org is None:
            return self._no_handoff(state, ctx)
        requested = _event("handoff_requested", organisation=org)
        profile = profile_of(state)
        if profile.band == "unknown" and profile.student is None and profile.wish is None:
            turn = self._open_handoff(state, ctx, org, share=False)
            return replace(turn, events=(requested, *turn.events))
        asking = replace(state, handoff=Handoff("consent", org), choosing_language=False)
        return Turn(asking, (self._consent_question(ctx),), (requested,))

    def _no_handoff(self, state: SessionState, ctx: _Ctx) -> Turn:
        """Nobody can take over in this chat: say so, how to reach people, the lines open now."""
        _ = ctx._
        sorry = _("I can't put you through to a youth worker in this chat right now, sorry.")
        orgs = "\n".join(f"{o.name}: {_(o.description)}" for o in self._content.organisations)
        parts = [sorry, orgs]
        lines = handoff.lines_open_now(_, self._content, self.clock())
        if lines:
            parts.append(_("Want to talk to someone right now? These lines are open now:"))
            parts.append(lines)
        links = tuple(Link(o.name, o.url) for o in self._content.organisations)
        return Turn(
            replace(state, handoff=None),
            (Outbound("\n\n".join(parts), links=links), *self._where_we_were(state, ctx)),
            (DomainEvent("talk_requested"),),
        )

    # --- the handoff to a youth worker -------------------------------------------------------

    def _consent_question(self, ctx: _Ctx, prefix: str = "") -> Outbound:
        _ = ctx._
        text = _(
            "May I send a short summary of your answers along? Then you don't have to tell "
            "everything again. Your name and number never go along."
        )
        options = (
            OptionView(_SHARE, _("Yes, send it along"), 1),
            # The short label goes on a WhatsApp button: at most 20 characters.
            OptionView(_NO_SHARE, _("No, only my age"), 2, _("Only my age")),
            OptionView(_CANCEL, _("Never mind"), 3),
        )
        return Outbound(f"{prefix}{text}", options, step=HANDOFF_STEP)

    def _consent_answer(self, state: SessionState, ctx: _Ctx, event: Inbound) -> Turn | None:
        """The answer to "may your answers go along?"; None lets a command run as usual."""
        assert state.handoff is not None
        if isinstance(event, Command) and COMMANDS.get(event.name.lower()) != "talk":
            return None  # any other command runs, and the question is dropped
        chosen: str | None = None
        if isinstance(event, Choice) and event.step == HANDOFF_STEP:
            chosen = event.option if event.option in (_SHARE, _NO_SHARE, _CANCEL) else None
        elif isinstance(event, Text):
            chosen = self._consent_typed(ctx, event.text)
        if chosen is None:
            prefix = ctx._("Tap one of the buttons, or type yes or no.") + "\n\n"
            return Turn(state, (self._consent_question(ctx, prefix),))
        if chosen == _CANCEL:
            back = replace(state, handoff=None)
            okay = Outbound(ctx._("Okay, no problem."))
            return Turn(back, (okay, *self._where_we_were(back, ctx)))
        return self._open_handoff(state, ctx, state.handoff.org, share=chosen == _SHARE)

    def _consent_typed(self, ctx: _Ctx, text: str) -> str | None:
        ids = [_SHARE, _NO_SHARE, _CANCEL]
        candidates = [
            Candidate(_SHARE, ctx._("Yes, send it along"), is_label=True),
            Candidate(_NO_SHARE, ctx._("No, only my age"), is_label=True),
            Candidate(_CANCEL, ctx._("Never mind"), is_label=True),
        ]
        words = {
            _SHARE: ("ja", "yes", "ja hoor", "is goed", "prima", "oke", "ok", "okay", "mag"),
            _NO_SHARE: ("nee", "no", "liever niet", "niet meesturen", "alleen leeftijd"),
            _CANCEL: ("toch niet", "laat maar", "never mind", "cancel", "annuleren"),
        }
        candidates += [Candidate(key, w) for key, ws in words.items() for w in ws]
        found = match_answer(text, ids, candidates)
        return found.option if found.how != "fuzzy" else None

    def _open_handoff(
        self, state: SessionState, ctx: _Ctx, org: str, *, share: bool, urgent: bool = False
    ) -> Turn:
        """Put the young person through: the staff side opens a topic, they hear about the wait."""
        _ = ctx._
        now = self.clock()
        organisation = self._content.organisation(org)
        assert organisation is not None, "routing only names organisations in content"
        # A crisis sign of the last 24 hours makes it urgent, and goes on the card (when and
        # what); an older one is told to staff only in the summary the young person allowed.
        recent = state.crisis if crisis.is_recent(state.crisis, now) else None
        urgent = urgent or recent is not None
        summary = None
        if share:
            summary = handoff.summary_text(
                self._staff_gettext, self._content, state, profile_of(state), now
            )
        opened = Handoff("open", org, since=int(now.timestamp()), urgent=urgent)
        # Typed text goes to the youth worker now, not to a menu shown before.
        state = replace(state, handoff=opened, choosing_language=False, misses=0, menu=())
        if state.status == "new":
            state = replace(state, status="active")
        intro = _(
            "I've passed you on to a youth worker of {organisation}. Everything you type now goes "
            "to them. They don't see your name or number. Type /stop to end the chat."
        ).format(organisation=organisation.name)
        wait = handoff.waiting_text(_, organisation, now, ctx.lang)
        messages = [Outbound(f"{intro}\n\n{wait}")]
        hours = organisation.opening_hours
        if hours is not None and not is_open(hours, now):
            lines = handoff.lines_open_now(_, self._content, now)
            if lines:
                now_text = _("Want to talk to someone right now? These lines are open now:")
                messages.append(Outbound(f"{now_text}\n\n{lines}"))
        effect = OpenHandoff(org, age_band(state), ctx.lang, summary, urgent, recent)
        events = [_event("handoff_opened", organisation=org)]
        if urgent:
            events.append(_event("handoff_urgent", organisation=org))
        return Turn(state, tuple(messages), tuple(events), (effect,))

    @property
    def _staff_gettext(self) -> Gettext:
        """Staff read the default language (Dutch)."""
        return lambda message: self._tr.gettext(self._default_lang, message)

    def _in_handoff(
        self, state: SessionState, desk: Handoff, ctx: _Ctx, event: Inbound
    ) -> Turn | None:
        """While asking for or talking with a youth worker; None: handle as usual."""
        if desk.stage == "consent":
            return self._consent_answer(state, ctx, event)
        if isinstance(event, Text):
            # Only the plain number or label of a menu just shown: anything else is for the
            # youth worker.
            chosen = self._menu_choice(ctx, state.menu, event.text, strict=True)
            if chosen not in (WAIT, HELP, STOP):
                return Turn(state, (), effects=(RelayToStaff(event.text),))
            event = Choice("", str(chosen))
        if isinstance(event, Media):
            return Turn(state, (), effects=(RelayToStaff(None),))
        if isinstance(event, Command):
            action = COMMANDS.get(event.name.lower())
            if action in ("stop", "forget"):
                return self._end_handoff(state, desk, ctx, forget=action == "forget")
            if action in ("help", "privacy", "language"):
                turn = self._command(state, ctx, event)
                return replace(turn, messages=(*turn.messages, self._still_with(ctx, desk)))
        elif isinstance(event, Choice):
            if event.option == HELP:
                help_turn = self._help(state, ctx)
                return replace(
                    help_turn, messages=(*help_turn.messages[:1], self._still_with(ctx, desk))
                )
            if event.option == STOP:
                return self._end_handoff(state, desk, ctx, forget=False)
            if event.step == LANGUAGE_STEP:
                return self._language_answer(state, ctx, event)
            if event.option == WAIT:
                okay = ctx._("Okay. Your messages stay, and a youth worker will see them.")
                return Turn(state, (Outbound(okay),))
        return Turn(state, (self._still_with(ctx, desk),))

    def _still_with(self, ctx: _Ctx, desk: Handoff) -> Outbound:
        return Outbound(
            ctx._(
                "You're chatting with a youth worker of {organisation}. Just type your message. "
                "Type /stop to end the chat."
            ).format(organisation=self._org_name(desk.org))
        )

    def _org_name(self, key: str) -> str:
        org = self._content.organisation(key)
        return org.name if org is not None else key

    def _end_handoff(self, state: SessionState, desk: Handoff, ctx: _Ctx, *, forget: bool) -> Turn:
        """The young person ends the chat with the youth worker, or erases everything."""
        closed = _event("handoff_closed", organisation=desk.org, by="young_person")
        if forget:
            gone = self._command(state, ctx, Command("vergeet"))
            return Turn(None, gone.messages, (*gone.events, closed), gone.effects)
        _ = ctx._
        text = _(
            "Okay, I've ended the chat with the youth worker. Thanks for talking! "
            "Type /restart to start again, or /help for help lines."
        )
        ended = replace(state, handoff=None, status="ended", step=None, misses=0)
        return Turn(
            ended, (self._ended_message(ctx, text),), (closed,), (CloseHandoff("stopped"),)
        )

    def _crisis_in_handoff(
        self, state: SessionState, desk: Handoff, ctx: _Ctx, sign: Sign, event: Inbound
    ) -> Turn:
        """A crisis sign while asking for or talking with a youth worker: the crisis reply at
        once, the message to the youth worker, and the conversation marked urgent."""
        _ = ctx._
        reply = crisis.crisis_text(_, self._content, sign, may_be_minor=may_be_minor(state))
        mark = self._remember(state, sign)
        state = replace(state, crisis=mark, misses=0)
        relay = RelayToStaff(None if isinstance(event, Media) else _said(event))
        effects: list[Effect] = []
        events = [_event("crisis", category=sign.category)]
        if desk.stage == "consent":
            # They asked for a person and now show a crisis sign: put them through at once.
            opened = self._open_handoff(state, ctx, desk.org, share=False, urgent=True)
            assert opened.state is not None
            state = opened.state
            effects += [*opened.effects, relay]
            events += opened.events
        else:
            effects += [relay, MarkUrgent(mark)]
            if not desk.urgent:
                state = replace(state, handoff=replace(desk, urgent=True))
                events.append(_event("handoff_urgent", organisation=desk.org))
        person = _(
            "A youth worker of {organisation} sees your message too, and answers you as soon "
            "as they can."
        ).format(organisation=self._org_name(desk.org))
        message = Outbound(f"{reply}\n\n{person}", urgent=True)
        return Turn(state, (message,), tuple(events), tuple(effects))

    def from_staff(self, state: SessionState | None, what: StaffEvent, text: str = "") -> Turn:
        """Something happened on the staff side of this person's handoff: what they hear.

        The channel calls this in the young person's own lane, so turns never overlap.
        """
        return _track_menu(self._from_staff(state, what, text))

    def _from_staff(self, state: SessionState | None, what: StaffEvent, text: str) -> Turn:
        desk = state.handoff if state is not None else None
        if state is None or desk is None or desk.stage != "open":
            return Turn(state, ())
        ctx = self._ctx(state, None)
        _ = ctx._
        org = self._org_name(desk.org)
        if what == "gone":
            gone = _event("handoff_closed", organisation=desk.org, by="gone")
            return Turn(replace(state, handoff=None, status="ended", step=None), (), (gone,))
        if what == "closed":
            return self._closed_by_staff(state, desk, ctx)
        if what == "waited":
            if desk.claimed:
                return Turn(state, ())
            text = _(
                "It's taking longer than I hoped: no youth worker has answered yet, sorry. Your "
                "message stays, and they will see it. You can wait, or call or chat with a help "
                "line now."
            )
            options = tuple(
                texts.system_option(_, opt, n) for n, opt in enumerate((WAIT, HELP, STOP), 1)
            )
            return Turn(state, (Outbound(text, options),))
        messages: list[Outbound] = []
        events: list[DomainEvent] = []
        if not desk.claimed:
            desk = replace(desk, claimed=True)
            here = _(
                "There is now a youth worker of {organisation} with you. Just type what you "
                "want to tell."
            )
            messages.append(Outbound(here.format(organisation=org)))
            events.append(_event("handoff_claimed", organisation=desk.org))
        if what in ("text", "media") and not desk.replied:
            desk = replace(desk, replied=True)
            minutes = max(0.0, self.clock().timestamp() - desk.since) / 60
            bucket = handoff.first_reply_bucket(minutes)
            events.append(_event("handoff_first_reply", organisation=desk.org, minutes=bucket))
        if what == "text":
            said = _("Youth worker {organisation}: {text}").format(organisation=org, text=text)
            messages.append(Outbound(said))
        return Turn(replace(state, handoff=desk), tuple(messages), tuple(events))

    def _closed_by_staff(self, state: SessionState, desk: Handoff, ctx: _Ctx) -> Turn:
        _ = ctx._
        bye = Outbound(_("The youth worker has closed the chat. Thanks for talking!"))
        ended = replace(state, handoff=None, status="ended", step=None, misses=0)
        header = _("This could fit you:")
        screen = result.offer_screen(self._action_ctx(ctx, ended), profile_of(state), header)
        closing = self._ended_message(ctx, _("What would you like to do?"), more=screen.more)
        closed = _event("handoff_closed", organisation=desk.org, by="staff")
        return Turn(ended, (bye, *screen.messages, closing), (closed, *screen.events))

    def _action_ctx(self, ctx: _Ctx, state: SessionState) -> ActionContext:
        return ActionContext(ctx._, self._content, state, self.bot_username, self.staff_orgs)

    def _stop(self, state: SessionState, ctx: _Ctx) -> Turn:
        _ = ctx._
        text = _(
            "Okay, we'll stop here. Thanks for chatting with me. "
            "Type /restart to start again, or /help for help lines. "
            "Type /forget to erase everything about you."
        )
        events = (DomainEvent("stopped"),) if state.status == "active" else ()
        stopped = replace(state, status="ended", step=None, misses=0, choosing_language=False)
        return Turn(stopped, (self._ended_message(ctx, text),), events)

    def _restart(self, state: SessionState, ctx: _Ctx) -> Turn:
        fresh = SessionState(conversation=self._new_id(), lang=state.lang, crisis=state.crisis)
        return self._start(fresh, ctx)

    def _system_choice(self, state: SessionState, ctx: _Ctx, event: Choice) -> Turn:
        offer = result.offer_of(self._content, event.option)
        if offer is not None:
            return self._offer_details(state, ctx, offer)
        if event.option == HELP:
            return self._help(state, ctx)
        if event.option == TALK:
            return self._talk(state, ctx)
        if event.option == STOP:
            return self._stop(state, ctx)
        if event.option == RESTART:
            return self._restart(state, ctx)
        if event.option == CONTINUE:
            return Turn(state, self._where_we_were(state, ctx))
        if event.option == BACK:
            return self._back(state, ctx)
        if event.option in (YES, NO) and state.confirming is not None:
            return self._confirmed(state, ctx, yes=event.option == YES)
        return self._not_understood(state, ctx)

    def _offer_details(self, state: SessionState, ctx: _Ctx, offer: Offer) -> Turn:
        """One offer in full, then the same menu again: the other offers stay one tap away."""
        shown = result.details(self._action_ctx(ctx, state), offer)
        if state.status != "ended":
            return Turn(state, (shown, *self._where_we_were(state, ctx)))
        more = [o.removeprefix(result.MORE) for o in state.menu if o.startswith(result.MORE)]
        again = self._ended_message(ctx, ctx._("Anything else?"), more=more)
        return Turn(state, (shown, again))

    def _confirmed(self, state: SessionState, ctx: _Ctx, *, yes: bool) -> Turn:
        """The answer to "are you younger than 16?": yes takes the option, no asks again."""
        step = self._flow.step(state.step)
        option = step.option(state.confirming or "") if step is not None else None
        state = replace(state, confirming=None, misses=0)
        if step is None or option is None or state.status != "active":
            return Turn(state, self._where_we_were(state, ctx))
        if yes:
            return self._take(state, ctx, step, option, typed=False)
        return Turn(state, (self._question(ctx, step, state),))

    def _from_menu(self, state: SessionState, ctx: _Ctx, event: Inbound) -> Inbound | Turn:
        """The newest message with options was a menu (under a crisis reply, at the end): it
        is the question now, whatever step waits behind it. A typed option becomes its tap; a
        number it does not have is not understood; other text goes on as before."""
        if not isinstance(event, Text) or not state.menu:
            return event
        chosen = self._menu_choice(ctx, state.menu, event.text, strict=False)
        if chosen is not None:
            return Choice(state.step or "", chosen)
        if event.text.strip().isdigit() and state.confirming is None:
            return self._not_understood(state, ctx)
        return event

    def _menu_choice(
        self, ctx: _Ctx, menu: Sequence[str], text: str, *, strict: bool
    ) -> str | None:
        """The option of the engine's own menu a typed answer means: its number, its label
        in any language, a close variant; `strict` takes only the number or the label."""
        if not menu:
            return None
        candidates = [
            Candidate(o, self._menu_label(lang, o), lang == ctx.lang, is_label=True)
            for o in menu
            for lang in self._tr.languages
        ]
        if not strict:
            candidates += [Candidate(o, w) for o in menu for w in self._menu_words(o)]
        found = match_answer(text, list(menu), candidates)
        if found.how is None or (strict and found.how not in ("exact", "number")):
            return None
        return found.option

    def _menu_label(self, lang: str, option_id: str) -> str:
        offer = result.offer_of(self._content, option_id)
        gettext = self._tr.gettext
        if offer is not None:
            return result.more_label(lambda m: gettext(lang, m), offer)
        return gettext(lang, texts.label_of(option_id))

    def _menu_words(self, option_id: str) -> tuple[str, ...]:
        """Close variants of a menu option; an offer's details also open by its name."""
        offer = result.offer_of(self._content, option_id)
        return (offer.name,) if offer is not None else texts.menu_words(option_id)

    def _back(self, state: SessionState, ctx: _Ctx) -> Turn:
        """One question back: its answer is forgotten and it is asked again."""
        questions = [
            s for s in state.history if (q := self._flow.step(s)) and q.kind == "question"
        ]
        if not questions or state.status == "new" or state.choosing_language:
            note = Outbound(ctx._("There is no earlier question to go back to."))
            return Turn(state, (note, *self._where_we_were(state, ctx)))
        previous = questions[-1]
        index = len(state.history) - 1 - state.history[::-1].index(previous)
        state = replace(
            state,
            status="active",
            step=previous,
            answers=MappingProxyType({k: v for k, v in state.answers.items() if k != previous}),
            history=state.history[:index],
            misses=0,
        )
        step = self._flow.step(previous)
        assert step is not None
        return Turn(state, (self._question(ctx, step, state),))

    def _media(self, state: SessionState, ctx: _Ctx) -> Turn:
        sorry = Outbound(ctx._("Sorry, I can only read text. Could you type it?"))
        return Turn(state, (sorry, *self._where_we_were(state, ctx)))

    # --- the flow ----------------------------------------------------------------------------

    def _start(self, state: SessionState, ctx: _Ctx) -> Turn:
        # A conversation begun in a hinted language stays in it (WhatsApp hints only once, from
        # the first words); /taal switches at any time.
        lang = ctx.lang if ctx.hinted else state.lang
        state = replace(state, status="active", step=None, misses=0, lang=lang)
        started = DomainEvent(
            "conversation_started",
            MappingProxyType({"source": state.source or "none", "language": ctx.lang}),
        )
        greeting: tuple[Outbound, ...] = ()
        if state.source == FRIEND_CODE:
            # Someone who cares passed the link on: say so, then the welcome as for anyone.
            greeting = (Outbound(ctx._("Someone who cares about you passed me on. Welcome!")),)
        return self._run(state, ctx, self._flow.start, greeting, (started,))

    def _run(
        self,
        state: SessionState,
        ctx: _Ctx,
        step_id: str | None,
        messages: tuple[Outbound, ...],
        events: tuple[DomainEvent, ...],
    ) -> Turn:
        out = list(messages)
        more: tuple[str, ...] = ()
        for _hop in range(MAX_HOPS):
            step = self._flow.step(step_id)
            if step is None:
                break
            if step.kind == "question":
                state = replace(state, step=step.id, misses=0)
                out.append(self._question(ctx, step, state))
                return Turn(state, tuple(out), events)
            if step.kind == "end":
                text = ctx._(step.text) if step.text else ctx._("That's all for now.")
                out.append(self._ended_message(ctx, text, self._links(ctx, step), more))
                ended = replace(state, status="ended", step=None, misses=0)
                return Turn(ended, tuple(out), (*events, DomainEvent("flow_ended")))
            if step.kind == "action" and step.action == "talk_to_person" and self.staff_orgs:
                # A youth worker can take over right here: that is the way to a person.
                ended = replace(state, status="ended", step=None, misses=0)
                talk = self._talk(ended, ctx)
                return Turn(
                    talk.state, (*out, *talk.messages), (*events, *talk.events), talk.effects
                )
            if step.kind == "action":
                action = ACTION_TABLE.get(step.action or "")
                if action is not None:
                    done = action(self._action_ctx(ctx, state))
                    out += done.messages
                    events = (*events, *done.events)
                    more = done.more or more
            elif step.text:
                out.append(Outbound(ctx._(step.text), links=self._links(ctx, step)))
            step_id = step.next
        # Only a broken flow gets here (`omarmt check` refuses those); never leave a dead end.
        out.append(self._ended_message(ctx, ctx._("That's all for now.")))
        return Turn(replace(state, status="ended", step=None), tuple(out), events)

    def _links(self, ctx: _Ctx, step: Step) -> tuple[Link, ...]:
        return tuple(Link(ctx._(link.label), link.url) for link in step.links)

    def _question(self, ctx: _Ctx, step: Step, state: SessionState, prefix: str = "") -> Outbound:
        """The question with its options, then the engine's own: back, and the ways out."""
        shown = step.shown(state.answers)
        options = [
            OptionView(opt.id, ctx._(opt.label), n, ctx._(opt.short) if opt.short else None)
            for n, opt in enumerate(shown, 1)
        ]
        options += [
            texts.system_option(ctx._, opt, len(options) + n)
            for n, opt in enumerate(self._extras(state, step), 1)
        ]
        text = ctx._(step.text) if step.text else ""
        if step.hint:
            text = f"{text}\n({ctx._(step.hint)})"
        return Outbound(f"{prefix}{text}", tuple(options), step=step.id)

    def _extras(self, state: SessionState, step: Step) -> tuple[str, ...]:
        """The engine's options under a question: back, once there is an earlier question;
        the ways out, once someone is stuck."""
        back = (BACK,) if any(s != step.id for s in state.history) else ()
        return back + (WAYS_OUT if state.misses >= 2 else ())

    def _ended_message(
        self, ctx: _Ctx, text: str, links: tuple[Link, ...] = (), more: Sequence[str] = ()
    ) -> Outbound:
        """The end menu: start again, help lines, a person (always these numbers, on every
        end menu), then the details of the offers just shown, one tap each."""
        options = [
            texts.system_option(ctx._, opt, n) for n, opt in enumerate((RESTART, HELP, TALK), 1)
        ]
        offers = [o for key in more if (o := result.offer_of(self._content, result.MORE + key))]
        options += [
            OptionView(result.MORE + o.key, result.more_label(ctx._, o), len(options) + n)
            for n, o in enumerate(offers, 1)
        ]
        return Outbound(text, tuple(options), links, step=None)

    def _where_we_were(self, state: SessionState, ctx: _Ctx) -> tuple[Outbound, ...]:
        """The pending question again, so nobody is left without a way forward."""
        if state.choosing_language:
            return (self._language_question(ctx),)
        step = self._flow.step(state.step)
        if state.status == "active" and step is not None and step.kind == "question":
            return (self._question(ctx, step, state),)
        if state.status == "new":
            return (Outbound(ctx._("Send me a message to begin."), (), step=None),)
        return (self._ended_message(ctx, ctx._("What would you like to do?")),)

    def _after_end(self, state: SessionState, ctx: _Ctx) -> Turn:
        text = ctx._("We're done for now. Do you want to start again?")
        return Turn(state, (self._ended_message(ctx, text),))

    # --- answers -----------------------------------------------------------------------------

    def _answer(self, state: SessionState, ctx: _Ctx, step: Step, event: Inbound) -> Turn:
        _ = ctx._
        # Waiting for a yes or no (those come as the menu): anything else answers anew.
        state = replace(state, confirming=None)
        option_id: str | None = None
        typed = False
        plain = True
        if isinstance(event, Choice):
            if event.step != step.id:
                stale = Outbound(_("That button belongs to an earlier question. We are here now:"))
                return Turn(state, (stale, self._question(ctx, step, state)))
            shown_ids = {o.id for o in step.shown(state.answers)}
            option_id = event.option if event.option in shown_ids else None
        elif isinstance(event, Text):
            typed = True
            extras = self._extras(state, step)
            shown = step.shown(state.answers)
            ids = [o.id for o in shown] + list(extras)
            own = [Candidate(x, texts.system_option(_, x, 0).label) for x in extras]
            hedge = next((o.id for o in shown if o.hedge), None)
            candidates = self._candidates(ctx, step, shown)
            found = match_answer(event.text, ids, candidates, hedge, own)
            option_id = found.option if found.how != "fuzzy" else None
            # A typed age ("17", "ik ben 22", "bijna twintig") is not a word of any option: its
            # range decides, unless the whole answer is an option's own words ("jonger dan 16").
            # An age that spans two options ("ergens in de twintig") is asked again.
            whole = found.how in ("exact", "synonym", "number")
            if found.how == "number" and _NEGATIVE.fullmatch(event.text.strip()):
                return self._not_understood(state, ctx)
            ages = () if whole else self._by_number_range(step, event.text, len(ids))
            if ages:
                option_id = ages[0] if len(ages) == 1 else None
            elif option_id is None and found.how == "fuzzy":
                option_id = found.option
            plain = whole or _PLAIN_AGE.fullmatch(" ".join(event.text.lower().split())) is not None
        if option_id is None:
            return self._not_understood(state, ctx)
        if option_id.startswith("_"):
            return self._system_choice(state, ctx, Choice(step.id, option_id))
        option = step.option(option_id)
        assert option is not None
        if option.confirm and not plain:
            # This option ends the conversation: a reading that is not a plain age is asked
            # back first ("ik zit in 4 havo" is not "younger than 16" for sure).
            yes_no = (texts.system_option(_, YES, 1), texts.system_option(_, NO, 2))
            asking = replace(state, confirming=option.id, misses=0)
            return Turn(asking, (Outbound(_(option.confirm), yes_no, step=step.id),))
        return self._take(state, ctx, step, option, typed=typed)

    def _take(
        self, state: SessionState, ctx: _Ctx, step: Step, option: Option, *, typed: bool
    ) -> Turn:
        """Record the answer and go on along the flow; a typed answer is acknowledged."""
        _ = ctx._
        answers = dict(state.answers)
        answers[step.id] = option.id
        state = replace(
            state,
            answers=MappingProxyType(answers),
            history=(*state.history, step.id)[-50:],
            misses=0,
        )
        name = "skipped" if option.id == SKIP else "answered"
        answered = DomainEvent(name, MappingProxyType({"step": step.id}))
        turn = self._run(state, ctx, option.next or step.next, (), (answered,))
        if not typed:
            return turn
        thanks = texts.acknowledgement(_, _(option.label), len(state.history))
        return _noted(turn, thanks)

    @staticmethod
    def _by_number_range(step: Step, text: str, shown: int) -> tuple[str, ...]:
        """The options whose range holds the age typed ("ik ben 17" is 16 or 17; "bijna 20"
        is 19); two or more when the age is vague ("mid twenties"); none without an age."""
        if not any(opt.range for opt in step.options):
            return ()
        span = age_span(text)
        if span is None:
            return ()
        low, high = span
        if text.strip().rstrip(".") == str(low) and low == high and low <= shown:
            return ()  # "2" is the second option
        return tuple(
            opt.id
            for opt in step.options
            if opt.range and opt.range[0] <= high and low <= opt.range[1]
        )

    def _candidates(self, ctx: _Ctx, step: Step, shown: tuple[Option, ...]) -> Sequence[Candidate]:
        """Every word that picks a shown option of `step`, memoised per step, language and
        the options shown (an option hidden by an earlier answer is not picked by typing)."""
        key = (step.id, ctx.lang, tuple(o.id for o in shown))
        cached = self._candidate_cache.get(key)
        if cached is None:
            cached = self._candidate_cache[key] = self._make_candidates(ctx, shown)
        return cached

    def _make_candidates(self, ctx: _Ctx, shown: tuple[Option, ...]) -> tuple[Candidate, ...]:
        out: list[Candidate] = []
        for opt in shown:
            for lang in self._tr.languages:
                primary = lang == ctx.lang
                out.append(
                    Candidate(opt.id, self._tr.gettext(lang, opt.label), primary, is_label=True)
                )
                out += [Candidate(opt.id, w, primary) for w in opt.synonyms.get(lang, ())]
            out += [Candidate(opt.id, w) for w in opt.synonyms.get(ANY_LANGUAGE, ())]
        return tuple(out)

    def _not_understood(self, state: SessionState, ctx: _Ctx) -> Turn:
        _ = ctx._
        misses = state.misses + 1
        state = replace(state, misses=misses)
        step = self._flow.step(state.step)
        if state.status != "active" or step is None or step.kind != "question":
            return Turn(state, self._where_we_were(state, ctx))
        if misses == 1:
            prefix = _("Sorry, I didn't quite get that. Tap an option or type its number.")
            return Turn(state, (self._question(ctx, step, state, f"{prefix}\n\n"),))
        prefix = _(
            "I still don't understand, sorry. That's my fault, not yours. "
            "You can also look at help lines, talk to a person, or stop."
        )
        return Turn(state, (self._question(ctx, step, state, f"{prefix}\n\n"),))


def _track_menu(turn: Turn) -> Turn:
    """Remember the engine's own options when the newest message with options shows them,
    and forget them when a question (or no menu) came after."""
    if turn.state is None:
        return turn
    shown = next((m for m in reversed(turn.messages) if m.options), None)
    if shown is None:
        return turn
    ids = tuple(o.id for o in shown.options)
    menu = ids if all(i.startswith("_") for i in ids) else ()
    if menu == turn.state.menu:
        return turn
    return replace(turn, state=replace(turn.state, menu=menu))


def _event(name: str, **data: str) -> DomainEvent:
    return DomainEvent(name, MappingProxyType(data))


def _said(event: Inbound) -> str:
    """The free text an event carries, if any: all of it goes through crisis detection."""
    if isinstance(event, Text):
        return event.text
    if isinstance(event, Command):
        return event.arg
    if isinstance(event, Media):
        return event.caption
    return ""


def _noted(turn: Turn, note: str) -> Turn:
    """A typed answer is acknowledged at the top of what comes next, in the same message: one
    notification instead of two. Never on top of an urgent message (a crisis reply stands
    alone and first)."""
    if turn.messages and not turn.messages[0].urgent:
        first = turn.messages[0]
        merged = replace(first, text=f"{note}\n\n{first.text}")
        return replace(turn, messages=(merged, *turn.messages[1:]))
    return replace(turn, messages=(Outbound(note), *turn.messages))
