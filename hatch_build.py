"""Build hook: compile the gettext catalogs so every install carries its .mo files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hatchling.builders.config import BuilderConfig
from hatchling.builders.hooks.plugin.interface import BuildHookInterface

__all__ = ["CatalogError", "CustomBuildHook", "compile_catalogs"]

#: Where the installed package looks for its catalogs (pyproject force-includes locales/ there).
WHEEL_LOCALES = "bot/_data/locales"


class CatalogError(Exception):
    """A catalog that must not be shipped: fuzzy as a whole, or with broken placeholders."""


def compile_catalogs(locales: Path) -> list[Path]:
    """Compile each ``<lang>/LC_MESSAGES/*.po`` under `locales` to a ``.mo`` beside it.

    Like ``pybabel compile`` without ``--use-fuzzy``: fuzzy entries are left out. Where
    ``pybabel compile`` skips a catalog marked fuzzy as a whole, or only logs placeholder errors,
    this raises: a wheel silently missing a language is worse than a failed build.
    Returns the written ``.mo`` files, sorted.
    """
    written: list[Path] = []
    for po_path in sorted(locales.glob("*/LC_MESSAGES/*.po")):
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file, locale=po_path.parent.parent.name)
        if catalog.fuzzy:
            raise CatalogError(
                f"{po_path}: the catalog is marked fuzzy; review it, then unmark it"
            )
        problems = [
            f"{po_path}:{message.lineno}: {error}"
            for message, errors in catalog.check()
            for error in errors
        ]
        if problems:
            raise CatalogError("; ".join(problems))
        mo_path = po_path.with_suffix(".mo")
        with mo_path.open("wb") as mo_file:
            write_mo(mo_file, catalog, use_fuzzy=False)
        written.append(mo_path)
    return written


class CustomBuildHook(BuildHookInterface[BuilderConfig]):
    """Hatchling's hook (found by this class name): compiles catalogs for wheels and editables."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile the catalogs; for a real wheel also ship the .mo files, which git ignores."""
        if self.target_name != "wheel":
            # An sdist ships the .po sources; its own wheel build compiles them.
            return
        root = Path(self.root)
        locales = root / "locales"
        written = compile_catalogs(locales)
        if version == "editable":
            # An editable install reads locales/ in the tree, where the .mo files now are.
            return
        # A force-included directory (pyproject maps locales/ to bot/_data/locales) is copied
        # whole, ignored files too; naming a .mo inside it again would add it twice and hatchling
        # refuses that. Only .mo files no configured directory covers are named one by one.
        covered = [Path(source) for source in self.build_config.force_include]
        force_include: dict[str, str] = build_data.setdefault("force_include", {})
        for mo_path in written:
            if not any(mo_path.is_relative_to(source) for source in covered):
                target = f"{WHEEL_LOCALES}/{mo_path.relative_to(locales).as_posix()}"
                force_include[str(mo_path)] = target
