"""The engine's vocabulary: inbound events, outbound messages, domain events, session state."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

__all__ = [
    "Choice",
    "Command",
    "DomainEvent",
    "Inbound",
    "Link",
    "Media",
    "OptionView",
    "Outbound",
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
    """One answer the young person can tap or type; `number` is its 1-based position."""

    id: str
    label: str
    number: int


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


# --- state -----------------------------------------------------------------------------------

Status = Literal["new", "active", "ended"]


@dataclass(frozen=True, slots=True)
class SessionState:
    """Everything the engine remembers about one conversation.

    `conversation` is a random id that is new for each conversation and never derived from the
    user. `lang` is the user's explicit choice (None until they choose). `step` is the question
    waiting for an answer. `history` holds the questions answered, newest last, for going back.
    """

    conversation: str
    status: Status = "new"
    lang: str | None = None
    step: str | None = None
    answers: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    history: tuple[str, ...] = ()
    misses: int = 0
    choosing_language: bool = False
    crisis: bool = False
    source: str | None = None

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict (the storage layer encrypts it)."""
        return {
            "v": 1,
            "conversation": self.conversation,
            "status": self.status,
            "lang": self.lang,
            "step": self.step,
            "answers": dict(self.answers),
            "history": list(self.history),
            "misses": self.misses,
            "choosing_language": self.choosing_language,
            "crisis": self.crisis,
            "source": self.source,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> SessionState:
        """Rebuild a state written by `to_json`; unknown keys are ignored for forward moves."""
        answers = data.get("answers")
        history = data.get("history")
        status = data.get("status")
        misses = data.get("misses")
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
            crisis=bool(data.get("crisis")),
            source=_opt_str(data.get("source")),
        )


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


@dataclass(frozen=True, slots=True)
class Turn:
    """What one inbound event produced.

    `state` is None when the conversation was erased (``/vergeet``): the caller deletes the stored
    session instead of saving it.
    """

    state: SessionState | None
    messages: tuple[Outbound, ...]
    events: tuple[DomainEvent, ...] = ()
