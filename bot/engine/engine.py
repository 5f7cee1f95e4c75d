"""The conversation engine: one inbound event plus the state in, new state and replies out."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Protocol

from bot.engine import texts
from bot.engine.actions import ACTIONS as ACTION_TABLE
from bot.engine.actions import ActionContext
from bot.engine.content import Content
from bot.engine.flow import ANY_LANGUAGE, Flow, Step
from bot.engine.matching import Candidate, match_answer
from bot.engine.model import (
    Choice,
    Command,
    DomainEvent,
    Inbound,
    Link,
    Media,
    OptionView,
    Outbound,
    SessionState,
    Text,
    Turn,
)
from bot.engine.texts import BACK, CONTINUE, HELP, RESTART, STOP, TALK, Gettext

__all__ = ["ACTIONS", "COMMANDS", "LANGUAGE_STEP", "Detector", "Engine", "Sign", "Translator"]

#: Command names (with English aliases) mapped to what they do.
COMMANDS = {
    "start": "start",
    "hulp": "help", "help": "help",
    "praat": "talk", "talk": "talk",
    "stop": "stop",
    "opnieuw": "restart", "restart": "restart",
    "taal": "language", "language": "language",
    "privacy": "privacy",
    "vergeet": "forget", "forget": "forget",
    "terug": "back", "back": "back", "vorige": "back",
}  # fmt: skip

#: The named actions a flow step may run (``kind: action``), see `bot.engine.actions`.
ACTIONS = frozenset(ACTION_TABLE)

#: The step id of the language question, which is not part of any flow.
LANGUAGE_STEP = "_language"
#: The option id that means "skip this question": counted as skipped, scored as missing.
SKIP = "skip"
_NUMBER = re.compile(r"(?<!\d)(\d{1,3})(?!\d)")
#: What a question offers besides its options once someone is stuck (after two misses).
WAYS_OUT = (HELP, TALK, STOP)
#: A flow that chains more messages than this without a question is broken; stop, don't hang.
MAX_HOPS = 50


class Sign(Protocol):
    """What the crisis detector found: its category is all the engine needs."""

    @property
    def category(self) -> str: ...


Detector = Callable[[str], Sign | None]


class Translator(Protocol):
    """Catalog look-up: the engine needs nothing else of gettext."""

    @property
    def languages(self) -> tuple[str, ...]: ...

    def gettext(self, lang: str, message: str) -> str: ...

    def language_name(self, lang: str) -> str: ...


def _new_conversation_id() -> str:
    return secrets.token_hex(8)


@dataclass(frozen=True, slots=True)
class _Ctx:
    lang: str
    _: Gettext


class Engine:
    """Pure: no I/O, no clock, no channel. Safety runs before anything else, in every state."""

    def __init__(
        self,
        flow: Flow,
        content: Content,
        translator: Translator,
        detector: Detector,
        *,
        retention_days: int = 30,
        new_id: Callable[[], str] = _new_conversation_id,
        bot_username: str | None = None,
    ) -> None:
        self._flow = flow
        self._content = content
        self._tr = translator
        self._detect = detector
        self._retention_days = retention_days
        self._new_id = new_id
        #: The bot's public name, for links to pass it on; a channel sets it when it knows it.
        self.bot_username = bot_username
        self._default_lang = translator.languages[0]
        self._candidate_cache: dict[tuple[str, str], tuple[Candidate, ...]] = {}

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
        ctx = self._ctx(state, event.lang_hint)
        said = _said(event)
        if said:
            sign = self._detect(said)
            if sign is not None:
                return self._crisis(state, ctx, sign.category)
        if isinstance(event, Command):
            return self._command(state, ctx, event)
        if isinstance(event, Media):
            return self._media(state, ctx)
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
        lang = state.lang or self._supported(hint) or self._default_lang
        return _Ctx(lang, lambda message: self._tr.gettext(lang, message))

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

    def _crisis(self, state: SessionState, ctx: _Ctx, category: str) -> Turn:
        _ = ctx._
        intro = texts.crisis_intro(_, category)
        lines = texts.crisis_lines(_, self._content, category)
        person = _(
            "You can also talk to a person. And you can carry on with me whenever you want. "
            "Type /hulp to see all help lines again."
        )
        options = [texts.system_option(_, TALK, 1)]
        question = self._flow.step(state.step)
        if state.status == "active" and question is not None and question.kind == "question":
            options.append(texts.system_option(_, CONTINUE, 2))
        message = Outbound(
            f"{intro}\n\n{lines}\n\n{person}", tuple(options), step=state.step, urgent=True
        )
        # A crisis sign is remembered so nothing ever closes this conversation on a timer.
        new_state = replace(state, crisis=True, misses=0)
        if new_state.status == "new":
            new_state = replace(new_state, status="active")
        event = DomainEvent("crisis", MappingProxyType({"category": category}))
        return Turn(new_state, (message,), (event,))

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
            text = texts.privacy(_).format(days=self._retention_days)
            return Turn(state, (Outbound(text), *self._where_we_were(state, ctx)))
        if action == "forget":
            gone = Outbound(
                _(
                    "Done. I have erased everything about you. "
                    "If you send me a message, we start fresh."
                )
            )
            return Turn(None, (gone,), (DomainEvent("forgotten"),))
        unknown = Outbound(
            _(
                "I don't know that command. These work: "
                "/hulp, /praat, /stop, /opnieuw, /taal, /privacy, /vergeet."
            )
        )
        return Turn(state, (unknown, *self._where_we_were(state, ctx)))

    def _help(self, state: SessionState, ctx: _Ctx) -> Turn:
        message = Outbound(texts.help_lines(ctx._, self._content))
        return Turn(
            state, (message, *self._where_we_were(state, ctx)), (DomainEvent("help_shown"),)
        )

    def _talk(self, state: SessionState, ctx: _Ctx) -> Turn:
        text, links = texts.talk_to_person(ctx._, self._content)
        return Turn(
            state,
            (Outbound(text, links=links), *self._where_we_were(state, ctx)),
            (DomainEvent("talk_requested"),),
        )

    def _stop(self, state: SessionState, ctx: _Ctx) -> Turn:
        _ = ctx._
        text = _(
            "Okay, we'll stop here. Thanks for chatting with me. "
            "Type /opnieuw to start again, or /hulp for help lines. "
            "Type /vergeet to erase everything about you."
        )
        events = (DomainEvent("stopped"),) if state.status == "active" else ()
        stopped = replace(state, status="ended", step=None, misses=0, choosing_language=False)
        return Turn(stopped, (self._ended_message(ctx, text),), events)

    def _restart(self, state: SessionState, ctx: _Ctx) -> Turn:
        fresh = SessionState(conversation=self._new_id(), lang=state.lang, crisis=state.crisis)
        return self._start(fresh, ctx)

    def _system_choice(self, state: SessionState, ctx: _Ctx, event: Choice) -> Turn:
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
        return self._not_understood(state, ctx)

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
        state = replace(state, status="active", step=None, misses=0)
        started = DomainEvent(
            "conversation_started",
            MappingProxyType({"source": state.source or "none", "language": ctx.lang}),
        )
        return self._run(state, ctx, self._flow.start, (), (started,))

    def _run(
        self,
        state: SessionState,
        ctx: _Ctx,
        step_id: str | None,
        messages: tuple[Outbound, ...],
        events: tuple[DomainEvent, ...],
    ) -> Turn:
        out = list(messages)
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
                out.append(self._ended_message(ctx, text, self._links(ctx, step)))
                ended = replace(state, status="ended", step=None, misses=0)
                return Turn(ended, tuple(out), (*events, DomainEvent("flow_ended")))
            if step.kind == "action":
                action = ACTION_TABLE.get(step.action or "")
                if action is not None:
                    result = action(ActionContext(ctx._, self._content, state, self.bot_username))
                    out += result.messages
                    events = (*events, *result.events)
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
        options = [
            OptionView(opt.id, ctx._(opt.label), n) for n, opt in enumerate(step.options, 1)
        ]
        options += [
            texts.system_option(ctx._, opt, len(options) + n)
            for n, opt in enumerate(self._extras(state, step), 1)
        ]
        text = ctx._(step.text) if step.text else ""
        return Outbound(f"{prefix}{text}", tuple(options), step=step.id)

    def _extras(self, state: SessionState, step: Step) -> tuple[str, ...]:
        """The engine's options under a question: back, once there is an earlier question;
        the ways out, once someone is stuck."""
        back = (BACK,) if any(s != step.id for s in state.history) else ()
        return back + (WAYS_OUT if state.misses >= 2 else ())

    def _ended_message(self, ctx: _Ctx, text: str, links: tuple[Link, ...] = ()) -> Outbound:
        options = tuple(
            texts.system_option(ctx._, opt, n) for n, opt in enumerate((RESTART, HELP, TALK), 1)
        )
        return Outbound(text, options, links, step=None)

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
        option_id: str | None = None
        typed = False
        if isinstance(event, Choice):
            if event.step != step.id:
                stale = Outbound(_("That button belongs to an earlier question. We are here now:"))
                return Turn(state, (stale, self._question(ctx, step, state)))
            option_id = event.option if step.option(event.option) is not None else None
        elif isinstance(event, Text):
            typed = True
            extras = self._extras(state, step)
            ids = [o.id for o in step.options] + list(extras)
            candidates = [
                *self._candidates(ctx, step),
                *(Candidate(x, texts.system_option(_, x, 0).label) for x in extras),
            ]
            hedge = next((o.id for o in step.options if o.hedge), None)
            found = match_answer(event.text, ids, candidates, hedge)
            option_id = found.option if found.how != "fuzzy" else None
            # A typed age ("17", "ik ben 22") is not a word of any option: its range decides.
            # Words first, so "jonger dan 16" stays "younger" and is not read as the number 16.
            option_id = option_id or self._by_number_range(step, event.text, len(ids))
            if option_id is None and found.how == "fuzzy":
                option_id = found.option
        if option_id is None:
            return self._not_understood(state, ctx)
        if option_id.startswith("_"):
            return self._system_choice(state, ctx, Choice(step.id, option_id))
        option = step.option(option_id)
        assert option is not None
        answers = dict(state.answers)
        answers[step.id] = option.id
        state = replace(
            state,
            answers=MappingProxyType(answers),
            history=(*state.history, step.id)[-50:],
            misses=0,
        )
        noted = (Outbound(_("Noted: {answer}").format(answer=_(option.label))),) if typed else ()
        name = "skipped" if option.id == SKIP else "answered"
        answered = DomainEvent(name, MappingProxyType({"step": step.id}))
        return self._run(state, ctx, option.next or step.next, noted, (answered,))

    @staticmethod
    def _by_number_range(step: Step, text: str, shown: int) -> str | None:
        """A typed number that is not an option's position but falls in an option's range
        ("ik ben 17" picks 16 to 19)."""
        if not any(opt.range for opt in step.options):
            return None
        numbers = _NUMBER.findall(text[:200])
        if len(numbers) != 1:
            return None
        value = int(numbers[0])
        if text.strip().rstrip(".") == numbers[0] and value <= shown:
            return None  # "2" is the second option
        for opt in step.options:
            if opt.range and opt.range[0] <= value <= opt.range[1]:
                return opt.id
        return None

    def _candidates(self, ctx: _Ctx, step: Step) -> Sequence[Candidate]:
        """Every word that picks an option of `step`, memoised per step and language."""
        key = (step.id, ctx.lang)
        cached = self._candidate_cache.get(key)
        if cached is None:
            cached = self._candidate_cache[key] = self._make_candidates(ctx, step)
        return cached

    def _make_candidates(self, ctx: _Ctx, step: Step) -> tuple[Candidate, ...]:
        out: list[Candidate] = []
        for opt in step.options:
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


def _said(event: Inbound) -> str:
    """The free text an event carries, if any: all of it goes through crisis detection."""
    if isinstance(event, Text):
        return event.text
    if isinstance(event, Command):
        return event.arg
    if isinstance(event, Media):
        return event.caption
    return ""
