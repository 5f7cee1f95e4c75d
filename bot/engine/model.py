"""The engine's vocabulary: inbound events, outbound messages, domain events, session state."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

__all__ = [
    "Choice",
    "CloseHandoff",
    "Command",
    "CrisisMark",
    "DomainEvent",
    "Effect",
    "Handoff",
    "Inbound",
    "Link",
    "MarkUrgent",
    "Media",
    "OpenHandoff",
    "OptionView",
    "Outbound",
    "RelayToStaff",
    "SessionState",
    "Text",
    "Turn",
]

# --- inbound ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Text:
    """Free text typed by the young person."""

    text: str
    lang_hint: str | None = None


@dataclass(frozen=True, slots=True)
class Choice:
    """A tapped option: the step it belongs to and the option id (both untrusted)."""

    step: str
    option: str
    lang_hint: str | None = None


@dataclass(frozen=True, slots=True)
class Command:
    """A slash command, already stripped of the slash and any @botname; arg is untrusted."""

    name: str
    arg: str = ""
    lang_hint: str | None = None


@dataclass(frozen=True, slots=True)
class Media:
    """Something that is not text: sticker, photo, voice, location, contact, ..."""

    kind: str
    caption: str = ""
    lang_hint: str | None = None


Inbound = Text | Choice | Command | Media

# --- outbound --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OptionView:
    """One answer the young person can tap or type; `number` is its 1-based position.

    `short` is a shorter label, already translated, for a channel whose buttons hold few
    characters (WhatsApp: 20); None where the label itself is short enough.
    """

    id: str
    label: str
    number: int
    short: str | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """A link shown under a message (offer site, help line chat)."""

    label: str
    url: str


@dataclass(frozen=True, slots=True)
class Outbound:
    """One message to the young person, already in their language.

    `step` names the question the options answer, so a channel can build button data that a
    later tap maps back to the right question.
    """

    text: str
    options: tuple[OptionView, ...] = ()
    links: tuple[Link, ...] = ()
    step: str | None = None
    urgent: bool = False


@dataclass(frozen=True, slots=True)
class DomainEvent:
    """Something worth counting: categorical values only, never text or identifiers."""

    name: str
    data: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def with_channel(self, channel: str) -> DomainEvent:
        """A conversation's start also counts where it happened; other events are unchanged."""
        if self.name != "conversation_started":
            return self
        return DomainEvent(self.name, MappingProxyType({**self.data, "channel": channel}))


# --- the crisis sign a conversation remembers ------------------------------------------------


@dataclass(frozen=True, slots=True)
class CrisisMark:
    """The crisis sign a conversation remembers: when and what, never the text.

    `at` is when (UTC, seconds since the epoch); None for a state stored before the time was
    kept, which counts as recent. `category` is the detector's (None: not known), `subject`
    whose safety it was about (``self`` or ``other``), `sexual` marks sexual violence.
    """

    at: int | None = None
    category: str | None = None
    subject: str = "self"
    sexual: bool = False

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict, part of the session state and the staff card."""
        return {
            "at": self.at,
            "category": self.category,
            "subject": self.subject,
            "sexual": self.sexual,
        }

    @classmethod
    def from_json(cls, data: object) -> CrisisMark | None:
        """Rebuild from `to_json`. ``true`` (the old flag) is a sign of unknown time and kind;
        anything else unreadable means no sign."""
        if data is True:
            return cls()
        if not isinstance(data, dict):
            return None
        at, category = data.get("at"), data.get("category")
        return cls(
            at=at if isinstance(at, int) and not isinstance(at, bool) else None,
            category=category if isinstance(category, str) else None,
            subject="other" if data.get("subject") == "other" else "self",
            sexual=data.get("sexual") is True,
        )


# --- effects: what a channel must do besides sending (the handoff to a youth worker) --------


@dataclass(frozen=True, slots=True)
class OpenHandoff:
    """Open a conversation with a youth worker of `org` in its staff group.

    `band` is the age band and `lang` the language: all staff learn without consent.
    `summary` is the check's outcome in the staff's language, only if the young person agreed.
    `crisis` is a recent crisis sign (it makes the handoff urgent), for the card.
    """

    org: str
    band: str
    lang: str
    summary: str | None = None
    urgent: bool = False
    crisis: CrisisMark | None = None


@dataclass(frozen=True, slots=True)
class RelayToStaff:
    """Pass what the young person just sent on to the youth worker: a copy, never a forward.

    `text` is what to pass; None means the channel copies the message itself (a photo, ...).
    """

    text: str | None


@dataclass(frozen=True, slots=True)
class MarkUrgent:
    """Show the staff that this conversation goes first (a crisis sign, or staff's /urgent).

    `crisis` is the sign that made it urgent, for the card (when and which category).
    """

    crisis: CrisisMark | None = None


@dataclass(frozen=True, slots=True)
class CloseHandoff:
    """The conversation with the youth worker ends; `reason` is said in the staff topic.

    Reasons: ``stopped`` (/stop), ``forgotten`` (/vergeet), ``staff`` (closed by staff),
    ``gone`` (the young person blocked the bot). ``forgotten`` comes with every /vergeet, also
    without an open handoff: every handoff of the person is erased, their topics deleted.
    """

    reason: str


Effect = OpenHandoff | RelayToStaff | MarkUrgent | CloseHandoff


# --- state -----------------------------------------------------------------------------------


Status = Literal["new", "active", "ended"]
HandoffStage = Literal["consent", "open"]


@dataclass(frozen=True, slots=True)
class Handoff:
    """A conversation with a youth worker: asked for (``consent``) or going on (``open``).

    `since` is when it opened (seconds since the epoch), for "minutes to the first reply".
    """

    stage: HandoffStage
    org: str
    since: int = 0
    claimed: bool = False
    replied: bool = False
    urgent: bool = False

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict, part of the session state."""
        return {
            "stage": self.stage,
            "org": self.org,
            "since": self.since,
            "claimed": self.claimed,
            "replied": self.replied,
            "urgent": self.urgent,
        }

    @classmethod
    def from_json(cls, data: object) -> Handoff | None:
        """Rebuild from `to_json`; anything unreadable means no handoff."""
        if not isinstance(data, dict):
            return None
        stage, org, since = data.get("stage"), data.get("org"), data.get("since")
        if stage not in ("consent", "open") or not isinstance(org, str):
            return None
        return cls(
            stage=stage,
            org=org,
            since=since if isinstance(since, int) else 0,
            claimed=bool(data.get("claimed")),
            replied=bool(data.get("replied")),
            urgent=bool(data.get("urgent")),
        )


@dataclass(frozen=True, slots=True)
class SessionState:
    """Everything the engine remembers about one conversation.

    `conversation` is a random id that is new for each conversation and never derived from the
    user. `lang` is the user's explicit choice (None until they choose). `step` is the question
    waiting for an answer. `history` holds the questions answered, newest last, for going back.
    `crisis` is the last crisis sign: once set, it stays for the whole conversation (also over
    /opnieuw), so nothing ever closes it on a timer; only /vergeet erases it. `menu` holds the
    engine's own options (help, a person, start again, ...) when the newest message with
    options was such a menu rather than a question: typed numbers and labels answer it.
    """

    conversation: str
    status: Status = "new"
    lang: str | None = None
    step: str | None = None
    answers: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    history: tuple[str, ...] = ()
    misses: int = 0
    choosing_language: bool = False
    crisis: CrisisMark | None = None
    source: str | None = None
    handoff: Handoff | None = None
    menu: tuple[str, ...] = ()
    #: The option of `step` a typed answer seemed to mean, waiting for a yes (its `confirm`).
    confirming: str | None = None

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict (the storage layer encrypts it)."""
        return {
            "v": 2,
            "conversation": self.conversation,
            "status": self.status,
            "lang": self.lang,
            "step": self.step,
            "answers": dict(self.answers),
            "history": list(self.history),
            "misses": self.misses,
            "choosing_language": self.choosing_language,
            "crisis": self.crisis.to_json() if self.crisis is not None else None,
            "source": self.source,
            "handoff": self.handoff.to_json() if self.handoff is not None else None,
            "menu": list(self.menu),
            "confirming": self.confirming,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> SessionState:
        """Rebuild a state written by `to_json`; unknown keys are ignored for forward moves."""
        answers = data.get("answers")
        history = data.get("history")
        status = data.get("status")
        misses = data.get("misses")
        menu = data.get("menu")
        return cls(
            conversation=str(data["conversation"]),
            status=status if status in ("new", "active", "ended") else "active",
            lang=_opt_str(data.get("lang")),
            step=_opt_str(data.get("step")),
            answers=MappingProxyType(
                {str(k): str(v) for k, v in answers.items()} if isinstance(answers, dict) else {}
            ),
            history=tuple(str(s) for s in history) if isinstance(history, list) else (),
            misses=misses if isinstance(misses, int) else 0,
            choosing_language=bool(data.get("choosing_language")),
            crisis=CrisisMark.from_json(data.get("crisis")),
            source=_opt_str(data.get("source")),
            handoff=Handoff.from_json(data.get("handoff")),
            menu=tuple(str(m) for m in menu) if isinstance(menu, list) else (),
            confirming=_opt_str(data.get("confirming")),
        )


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


@dataclass(frozen=True, slots=True)
class Turn:
    """What one inbound event produced.

    `state` is None when the conversation was erased (``/vergeet``): the caller deletes the stored
    session instead of saving it. `effects` are for the channel to carry out in the same
    transaction as the new state (the handoff's staff side).
    """

    state: SessionState | None
    messages: tuple[Outbound, ...]
    events: tuple[DomainEvent, ...] = ()
    effects: tuple[Effect, ...] = ()
