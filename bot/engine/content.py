"""Content the engine shows besides the flow: help lines and organisations, as plain data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from bot.engine.hours import WeeklyHours

__all__ = ["Content", "GeneralHelp", "HelpLine", "Offer", "Organisation"]


@dataclass(frozen=True, slots=True)
class HelpLine:
    """A help or crisis line; `when` and `hours` are catalog message ids."""

    key: str
    name: str
    phones: tuple[str, ...]
    free: bool
    when: str
    hours: str
    chat: str | None = None
    #: When the line is open (Amsterdam time); None where not known. `hours` is the text shown.
    opening_hours: WeeklyHours | None = None


@dataclass(frozen=True, slots=True)
class Organisation:
    """A youth work organisation; `description` is a catalog message id."""

    key: str
    name: str
    url: str
    description: str
    min_age: int | None = None
    max_age: int | None = None
    opening_hours: WeeklyHours | None = None


@dataclass(frozen=True, slots=True)
class Offer:
    """A local offer and the rules that rank it (see docs/offers.md); texts are message ids.

    `ages` are the age bands that may join (empty: everyone); `points` add up per profile:
    ``wish`` by the chosen wish, ``band`` by the loneliness band, ``student`` if a student.
    `why` maps a reason (a wish, ``band``, ``student`` or ``default``) to the line shown.
    """

    key: str
    name: str
    what: str
    how: str
    why: Mapping[str, str]
    url: str | None = None
    ages: frozenset[str] = frozenset()
    students_only: bool = False
    organisation_by_age: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    wish_points: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    band_points: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    student_points: int = 0


@dataclass(frozen=True, slots=True)
class GeneralHelp:
    """Where someone older than the bot's age range finds help; `what` is a message id."""

    name: str
    url: str
    what: str


@dataclass(frozen=True, slots=True)
class Content:
    """Everything from content/: lines by key, crisis routing by category, organisations."""

    help_lines: tuple[HelpLine, ...]
    crisis_lines: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    organisations: tuple[Organisation, ...] = ()
    default_organisation: str | None = None
    offers: tuple[Offer, ...] = ()
    general_help: GeneralHelp | None = None
    #: Deep-link codes that count by name in the statistics; any other code counts as "other".
    sources: frozenset[str] = frozenset()
    #: The lines shown, if open now, to someone waiting for a youth worker (keys, in order).
    waiting_lines: tuple[str, ...] = ()
    #: Lines a crisis reply adds when they fit the person (``sexual``, ``abuse_minor``).
    crisis_also: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    #: The lines a gentle check-in (a concern, not a crisis) picks one from: the first open now.
    concern_lines: tuple[str, ...] = ()

    def organisation(self, key: str | None) -> Organisation | None:
        """The organisation with this key, or None."""
        for org in self.organisations:
            if org.key == key:
                return org
        return None

    def line(self, key: str) -> HelpLine | None:
        """The help line with this key, or None."""
        for line in self.help_lines:
            if line.key == key:
                return line
        return None

    def lines_for(self, category: str) -> tuple[HelpLine, ...]:
        """The lines a crisis reply of this category shows, most urgent first."""
        keys = self.crisis_lines.get(category) or self.crisis_lines.get("suicide") or ()
        return tuple(line for key in keys if (line := self.line(key)) is not None)
