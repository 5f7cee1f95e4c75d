"""`omarmt check`: flows, content, crisis rules and catalogs are consistent, or say where not."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract
from babel.messages.pofile import read_po

from bot.channels.whatsapp.render import BUTTON_TITLE, MAX_BUTTONS, MAX_ROWS, ROW_TITLE
from bot.engine import Flow
from bot.engine.engine import ACTIONS
from bot.i18n import DOMAIN, SOURCE_LANGUAGE, CatalogError, Catalogs
from bot.i18n_extract import extract_flow
from bot.loader import LoadError, Problem, load_content, load_flow
from bot.safety.review import check_rules

__all__ = ["check", "languages_in", "title_problems"]

_PLACEHOLDER = re.compile(r"\{(\w*)\}")


def languages_in(locales: Path) -> tuple[str, ...]:
    """The languages that have a catalog."""
    return tuple(sorted(p.parent.parent.name for p in locales.glob(f"*/LC_MESSAGES/{DOMAIN}.po")))


def check(root: Path, code: Path) -> list[Problem]:
    """Every problem in `root`'s flows/, content/ and locales/, and in the texts of `code`."""
    locales = root / "locales"
    languages = languages_in(locales)
    problems: list[Problem] = []
    if not languages:
        return [Problem(_show(locales), 1, "no catalogs (<lang>/LC_MESSAGES/messages.po)")]
    flow: Flow | None = None
    try:
        flow = load_flow(root / "flows", actions=ACTIONS, languages=languages)
    except LoadError as exc:
        problems += exc.problems
    try:
        load_content(root / "content")
    except LoadError as exc:
        problems += exc.problems
    try:
        Catalogs.load(locales)
    except CatalogError as exc:
        problems.append(Problem(_show(locales), 1, str(exc)))

    problems += check_rules(root / "content" / "safety")
    catalogs = {lang: _read(locales, lang) for lang in languages}
    for file, line, message in _messages(root, code):
        for lang, catalog in catalogs.items():
            problems += _translation_problems(file, line, message, lang, catalog)
    if flow is not None:
        problems += title_problems(flow, catalogs)
    return sorted(set(problems))


def title_problems(flow: Flow, catalogs: dict[str, Catalog]) -> list[Problem]:
    """Options whose title would not fit a WhatsApp reply button (20 characters, for a
    question of up to 3 options) or list row (24), in some language, without a short label."""
    problems: list[Problem] = []
    for step in flow.steps.values():
        count = len(step.options)
        if step.kind != "question" or count > MAX_ROWS:
            continue  # more than 10 options are numbered text: no titles
        kind, limit = ("button", BUTTON_TITLE) if count <= MAX_BUTTONS else ("list row", ROW_TITLE)
        for option in step.options:
            for lang, catalog in catalogs.items():
                label = _translated(catalog, option.label)
                short = _translated(catalog, option.short) if option.short else None
                where = f"option '{option.id}' in {lang}"
                if short is not None and len(short) > BUTTON_TITLE:
                    problems.append(
                        Problem(
                            step.file,
                            option.line,
                            f"{where}: short label '{short}' has {len(short)} characters; "
                            f"a WhatsApp button holds {BUTTON_TITLE}",
                        )
                    )
                elif short is None and len(label) > limit:
                    problems.append(
                        Problem(
                            step.file,
                            option.line,
                            f"{where}: label '{label}' is too long for a WhatsApp {kind} "
                            f"({len(label)} > {limit} characters); give it a 'short' label",
                        )
                    )
    return problems


def _translated(catalog: Catalog, message: str) -> str:
    entry = catalog.get(message)
    if entry is None or not entry.string or entry.fuzzy:
        return message
    return entry.string if isinstance(entry.string, str) else entry.string[0]


def _read(locales: Path, lang: str) -> Catalog:
    with (locales / lang / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as fh:
        return read_po(fh, locale=lang)


def _messages(root: Path, code: Path) -> Iterator[tuple[str, int, str]]:
    """(file, line, message id) of every user-facing text, as ``pybabel extract`` sees them."""
    for folder in ("flows", "content"):
        for path in sorted((root / folder).glob("**/*.yaml")):
            if path.parent.name == "safety":
                continue  # crisis rules: data, not texts for translators
            with path.open("rb") as fh:
                try:
                    for line, _func, message, _comments in extract_flow(fh, (), (), {}):
                        yield _show(path), line, message
                except ValueError:
                    continue  # the loader above already reported the broken YAML
    for path in sorted(code.glob("**/*.py")):
        with path.open("rb") as fh:
            for line, found, _comments, _context in extract("python", fh, DEFAULT_KEYWORDS):
                if isinstance(found, str):
                    yield _show(path), line, found


def _translation_problems(
    file: str, line: int, message: str, lang: str, catalog: Catalog
) -> list[Problem]:
    entry = catalog.get(message)
    short = message if len(message) <= 50 else message[:47] + "..."
    if lang == SOURCE_LANGUAGE and (entry is None or not entry.string):
        return []  # the message id is the English text
    if entry is None:
        return [Problem(file, line, f"text '{short}' is not in the {lang} catalog")]
    if not entry.string or entry.fuzzy:
        state = "is only a fuzzy guess" if entry.fuzzy and entry.string else "is not translated"
        return [Problem(file, line, f"text '{short}' {state} in {lang}")]
    translated = entry.string if isinstance(entry.string, str) else entry.string[0]
    if set(_PLACEHOLDER.findall(message)) != set(_PLACEHOLDER.findall(translated)):
        return [
            Problem(
                file, line, f"text '{short}': the {lang} translation has other {{placeholders}}"
            )
        ]
    return []


def _show(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
