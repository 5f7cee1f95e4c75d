"""Content the engine shows besides the flow: help lines and organisations, as plain data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

__all__ = ["Content", "HelpLine", "Organisation"]


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


@dataclass(frozen=True, slots=True)
class Organisation:
    """A youth work organisation; `description` is a catalog message id."""

    key: str
    name: str
    url: str
    description: str
    min_age: int | None = None
    max_age: int | None = None


@dataclass(frozen=True, slots=True)
class Content:
    """Everything from content/: lines by key, crisis routing by category, organisations."""

    help_lines: tuple[HelpLine, ...]
    crisis_lines: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    organisations: tuple[Organisation, ...] = ()
    default_organisation: str | None = None

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
