"""The crisis rules as data: read content/safety/*.yaml, compile each rule, check its examples.

A rule file holds one category's rules; `lists.yaml` the named word lists of the pattern
language (bot/safety/language.py) and `macros.yaml` the building blocks of rules still written
as `regex:`. Nothing is read at import: the first detection loads and compiles the rules once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal, cast, get_args

import yaml

from bot.paths import data_root
from bot.problems import Problem
from bot.safety import reach
from bot.safety.language import PatternError
from bot.safety.patterns import SEVERITY, Category
from bot.safety.rulecache import Translations, compiled

__all__ = [
    "NAMED",
    "About",
    "Rule",
    "RuleSet",
    "load_macros",
    "load_rules",
    "safety_dir",
]

About = Literal["self", "other", "any"]
_LEVELS = ("crisis", "concern")
_LANGS = ("nl", "en", "any")
_KEYS = frozenset(
    {
        "id",
        "note",
        "lang",
        "pattern",
        "regex",
        "guarded",
        "about",
        "level",
        "sexual",
        "match",
        "no_match",
    }
)
_SPECIAL = frozenset({"lists.yaml", "macros.yaml"})
#: The list of words that name the danger itself (content/safety/lists.yaml).
NAMED = "named_danger"
#: The list of words that name a means or an act against oneself (detector.NOBODYS_CALM_BELOW).
OWN_MEANS = "own_means"
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safety_dir() -> Path:
    """Where the rule files are: content/safety/ beside the package or inside it when built."""
    return data_root() / "content" / "safety"


@dataclass(frozen=True, slots=True)
class Rule:
    """One crisis sign as a reviewer reads it, translated to a regex `expression`.

    A `guarded` rule is a bare key word or a phrase that jokes and topics also use: a topic
    word or a negation in its own clause overrules it. `about` says whose danger the rule is
    about ("any": decided from the sentence). `padded` rules come from the pattern language
    and run on " " + text + " "; `regex:` rules run on the text itself.
    """

    id: str
    category: Category
    expression: str
    source: str
    padded: bool
    file: str
    line: int
    lang: str = "any"
    guarded: bool = False
    about: About = "any"
    level: Literal["crisis", "concern"] = "crisis"
    sexual: bool = False
    note: str = ""
    match: tuple[str, ...] = ()
    no_match: tuple[str, ...] = ()

    @property
    def regex(self) -> re.Pattern[str]:
        """The expression compiled, on first use: a message needs few of the 800 rules."""
        return compiled(self.expression)

    def search(
        self, text: str, padded: str, within: Sequence[tuple[int, int]] | None = None
    ) -> Iterator[tuple[int, int]]:
        """Start and end offsets (in `text`) of every match; `padded` is " " + text + " ".

        `within`: windows of `padded` that hold every match (bot/safety/reach.py), or None
        to search the whole text; the matches are the same either way.
        """
        if self.padded:
            for start, end in self._spans(padded, within):
                yield max(0, start - 1), max(0, end - 2)
        else:
            shifted = None if within is None else [(max(0, lo - 1), hi) for lo, hi in within]
            yield from self._spans(text, shifted)

    def _spans(
        self, text: str, within: Sequence[tuple[int, int]] | None
    ) -> Iterator[tuple[int, int]]:
        if within is None:
            return (match.span() for match in self.regex.finditer(text))
        split = _gated(self.expression)
        if split is None:
            return (match.span() for match in reach.search(self.regex, text, within))
        return reach.search_gated(self.regex, *split, text, within)


@cache
def _gated(expression: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """The gate and the core of a gated rule, compiled (bot/safety/reach.py, `gated`)."""
    split = reach.gated(expression)
    return None if split is None else (compiled(split[0]), compiled(split[1]))


@dataclass(frozen=True, slots=True)
class RuleSet:
    """All rules, most severe first, crisis before concern; and the problems found loading."""

    rules: tuple[Rule, ...]
    lists: Mapping[str, Sequence[str]] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    #: Idioms in the pattern language ("ik schaam me dood"): masked before any rule reads.
    idioms: re.Pattern[str] | None = None
    #: The list `named_danger` (lists.yaml) as one search on padded text: a sign without one
    #: of its words is a hint (detector.HINT_CALM_BELOW).
    named: re.Pattern[str] | None = None
    #: The list `own_means` (lists.yaml) the same way: a sign with one of its words is never
    #: turned into a check-in for want of the writer's words (detector.NOBODYS_CALM_BELOW).
    own_means: re.Pattern[str] | None = None


class _LineLoader(_Loader):  # type: ignore[misc,valid-type]
    """Records the line of every mapping, so a problem points at its rule."""


def _mapping_with_line(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = cast("dict[str, Any]", loader.construct_mapping(node, deep=True))
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def _read(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_LineLoader)  # noqa: S506  (a SafeLoader subclass)


def _show(path: Path) -> str:
    try:
        return str(path.relative_to(data_root()))
    except ValueError:
        return str(path)


def _lists(files: Mapping[Path, Any], problems: list[Problem]) -> dict[str, list[str]]:
    """Named word lists from lists.yaml and from the `lists:` of any rule file; names unique."""
    lists: dict[str, list[str]] = {}
    for path, data in files.items():
        raw = data.get("lists", {}) if isinstance(data, dict) else {}
        line = raw.get("__line__", 1) if isinstance(raw, dict) else 1
        if not isinstance(raw, dict):
            problems.append(Problem(_show(path), 1, "'lists' must be a mapping"))
            continue
        for name, entries in raw.items():
            if name == "__line__":
                continue
            if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
                problems.append(Problem(_show(path), line, f"list {name!r}: a list of text"))
            elif name in lists:
                problems.append(Problem(_show(path), line, f"list {name!r} is defined twice"))
            else:
                lists[str(name)] = [str(entry) for entry in entries]
    return lists


def _idioms(
    files: Mapping[Path, Any],
    lists: Mapping[str, Sequence[str]],
    problems: list[Problem],
    known: Translations,
) -> re.Pattern[str] | None:
    sources: list[str] = []
    for path, data in files.items():
        raw = data.get("idioms", []) if isinstance(data, dict) else []
        for idiom in raw if isinstance(raw, list) else [raw]:
            try:
                sources.append(known.pattern(str(idiom), lists))
            except PatternError as error:
                problems.append(Problem(_show(path), 1, f"idiom {idiom!r}: {error}"))
    return re.compile("|".join(f"(?:{source})" for source in sources)) if sources else None


@cache
def load_macros() -> Mapping[str, str]:
    """The regex building blocks in content/safety/macros.yaml, read once."""
    return _macros(safety_dir())


def _macros(folder: Path) -> dict[str, str]:
    path = folder / "macros.yaml"
    if not path.is_file():
        return {}
    data = _read(path)
    raw = data.get("macros", {}) if isinstance(data, dict) else {}
    return {str(k): str(v) for k, v in raw.items() if k != "__line__"}


def _texts(value: object) -> tuple[str, ...] | None:
    if value is None:
        return ()
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    return None


def _rule(
    entry: dict[str, Any],
    category: Category,
    where: tuple[str, int],
    lists: Mapping[str, Sequence[str]],
    macros: Mapping[str, str],
    *,
    known: Translations,
) -> Rule | str:
    """A compiled rule, or what is wrong with the entry."""
    unknown = sorted(set(entry) - _KEYS - {"__line__"})
    if unknown:
        return f"unknown key {unknown[0]!r}"
    rule_id = entry.get("id")
    if not isinstance(rule_id, str) or not re.fullmatch(r"[a-z0-9_]+", rule_id):
        return "a rule needs an id of a-z, 0-9 and _"
    pattern, regex = entry.get("pattern"), entry.get("regex")
    if (pattern is None) == (regex is None):
        return f"{rule_id}: give exactly one of 'pattern' and 'regex'"
    source = pattern if pattern is not None else regex
    if not isinstance(source, str):
        return f"{rule_id}: the pattern must be text"
    try:
        if pattern is not None:
            expression = known.pattern(source, lists)
        else:
            expression = known.regex(source, macros)
    except (PatternError, re.error, KeyError) as error:
        return f"{rule_id}: {error}"
    match, no_match = _texts(entry.get("match")), _texts(entry.get("no_match"))
    if match is None or no_match is None:
        return f"{rule_id}: 'match' and 'no_match' are lists of messages"
    lang, about, level = entry.get("lang", "any"), entry.get("about", "any"), entry.get("level")
    if lang not in _LANGS:
        return f"{rule_id}: lang is one of {', '.join(_LANGS)}"
    if about not in get_args(About):
        return f"{rule_id}: about is one of self, other, any"
    if level not in (None, *_LEVELS):
        return f"{rule_id}: level is crisis or concern"
    flags = {key: entry.get(key, False) for key in ("guarded", "sexual")}
    if not all(isinstance(value, bool) for value in flags.values()):
        return f"{rule_id}: guarded and sexual are true or false"
    note = entry.get("note", "")
    return Rule(
        id=rule_id,
        category=category,
        expression=expression,
        source=source,
        padded=pattern is not None,
        file=where[0],
        line=where[1],
        lang=str(lang),
        guarded=flags["guarded"],
        about=cast("About", about),
        level=level or "crisis",
        sexual=flags["sexual"],
        note=str(note) if note else "",
        match=match,
        no_match=no_match,
    )


def _rule_files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.glob("*.yaml") if path.name not in _SPECIAL)


def load_rules(folder: Path | None = None, known: Translations | None = None) -> RuleSet:
    """Every rule under `folder` (content/safety/ by default), ordered for detection.

    `known` holds translations already made for these very files (bot/safety/rulecache.py).
    """
    folder = folder or safety_dir()
    known = known or Translations("")
    problems: list[Problem] = []
    files: dict[Path, Any] = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            files[path] = _read(path)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = mark.line + 1 if mark is not None else 1
            problems.append(Problem(_show(path), line, f"not valid YAML: {error}"))
    lists = _lists(files, problems)
    idioms = _idioms(files, lists, problems, known)
    named = re.compile(known.pattern(f"@{NAMED}", lists)) if NAMED in lists else None
    own = re.compile(known.pattern(f"@{OWN_MEANS}", lists)) if OWN_MEANS in lists else None
    macros = _macros(folder)
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in _rule_files(folder):
        if path not in files:
            continue
        data = files[path]
        shown = _show(path)
        category = data.get("category") if isinstance(data, dict) else None
        if category not in SEVERITY:
            problems.append(Problem(shown, 1, f"category is one of {', '.join(SEVERITY)}"))
            continue
        entries = data.get("rules")
        if not isinstance(entries, list):
            problems.append(Problem(shown, 1, "a rule file needs a list 'rules'"))
            continue
        for entry in entries:
            line = entry.get("__line__", 1) if isinstance(entry, dict) else 1
            if not isinstance(entry, dict):
                problems.append(Problem(shown, line, "a rule must be a mapping"))
                continue
            made = _rule(entry, category, (shown, line), lists, macros, known=known)
            if isinstance(made, str):
                problems.append(Problem(shown, line, made))
            elif made.id in seen:
                problems.append(Problem(shown, line, f"{made.id}: also in {seen[made.id]}"))
            else:
                seen[made.id] = f"{shown}:{line}"
                rules.append(made)
    rank = {category: index for index, category in enumerate(SEVERITY)}
    # Crisis before concern; most severe category first; within one, personal rules first so
    # the evidence is the strongest one.
    rules.sort(key=lambda rule: (rule.level != "crisis", rank[rule.category], rule.guarded))
    return RuleSet(tuple(rules), lists, tuple(problems), idioms, named, own)
