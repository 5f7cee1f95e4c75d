"""The conversation graph as plain data: steps, options and where each answer leads."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

__all__ = ["ANY_LANGUAGE", "Flow", "LinkSpec", "Option", "Step", "StepKind"]

StepKind = Literal["message", "question", "action", "end"]

#: Key in `Option.synonyms` for words that count in every language (emoji, digits as words).
ANY_LANGUAGE = "*"


@dataclass(frozen=True, slots=True)
class LinkSpec:
    """A link under a step's text: `label` is a catalog message id."""

    label: str
    url: str


@dataclass(frozen=True, slots=True)
class Option:
    """One answer to a question.

    `label` is a catalog message id; `synonyms` maps a language code (or `ANY_LANGUAGE`) to the
    words that also pick this option when typed; `next` overrides the question's own `next`.
    """

    id: str
    label: str
    next: str | None = None
    synonyms: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    line: int = 0
    #: A typed whole number in this range picks the option ("17" for the option 16 or 17).
    range: tuple[int, int] | None = None
    #: The in-between answer ("min of meer"): it wins when an answer says it and one other.
    hedge: bool = False
    #: A yes/no question (message id) asked before a typed answer takes this option, unless
    #: the answer was a plain age or the option's own words: "ik zit in 4 havo" must not
    #: end a conversation as "younger than 16" unasked.
    confirm: str | None = None
    #: Earlier answers that hide this option, as (step id, option id) pairs: "information for
    #: students" is not offered to someone who just said they are not a student.
    hide_when: tuple[tuple[str, str], ...] = ()
    #: A shorter label (catalog message id) for small buttons: WhatsApp's hold 20 characters.
    short: str | None = None

    def hidden(self, answers: Mapping[str, str]) -> bool:
        """Whether the answers so far hide this option."""
        return any(answers.get(step) == answer for step, answer in self.hide_when)


@dataclass(frozen=True, slots=True)
class Step:
    """One node of the graph.

    - ``message``: says `text`, then goes on to `next`.
    - ``question``: says `text` with `options` and waits; the chosen option's `next` (or the
      step's own `next`) follows.
    - ``action``: runs the named Python action (see `bot.engine.actions`), then goes to `next`.
    - ``end``: says `text` (if any) and ends the conversation.
    """

    id: str
    kind: StepKind
    text: str | None = None
    options: tuple[Option, ...] = ()
    next: str | None = None
    action: str | None = None
    links: tuple[LinkSpec, ...] = ()
    #: A plain-language line under a question whose wording must stay as it is (a validated
    #: scale's statements); a catalog message id.
    hint: str | None = None
    file: str = "<memory>"
    line: int = 0

    def option(self, option_id: str) -> Option | None:
        """The option with this id, or None (ids from buttons are untrusted)."""
        for opt in self.options:
            if opt.id == option_id:
                return opt
        return None

    def shown(self, answers: Mapping[str, str]) -> tuple[Option, ...]:
        """The options this question offers after these answers, in order."""
        return tuple(opt for opt in self.options if not opt.hidden(answers))


@dataclass(frozen=True, slots=True)
class Flow:
    """All steps of all flow files, by id, and the step every conversation starts at."""

    start: str
    steps: Mapping[str, Step]

    def step(self, step_id: str | None) -> Step | None:
        """The step with this id, or None (a stored id may name a step removed since)."""
        if step_id is None:
            return None
        return self.steps.get(step_id)
