"""Skip the rules that cannot match: every match of a rule contains one of its anchor strings.

For each rule the compiled regex is read back (Python's own regex parser) and a small set of
literal strings is derived such that any text the rule matches contains at least one of them
("zelfmord", "wil ", "pil"). One Aho-Corasick pass over the message finds every anchor present,
and only the rules with an anchor present run. A rule whose anchors would be too short or too
many runs always. The reduction is exact: it never changes a verdict, only skips work
(tests/test_safety_prefilter.py compares both ways on every data set).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import product
from re import _parser as sre_parse  # type: ignore[attr-defined]  # Python's own regex parser
from typing import Any, TypeVar

import ahocorasick

__all__ = ["Prefilter", "anchors"]

_MAX_EXACT = 24  # more alternatives than this are too many to spell out
_MIN_ANCHOR = 3  # shorter anchors ("ik", "me") are in almost every message: no gain
_MAX_CLASS = 8


@dataclass(frozen=True, slots=True)
class _Info:
    """What a piece of a regex tells: `exact` (it matches exactly one of these strings) or
    `need` (any match contains one of these strings); neither means it tells nothing."""

    exact: frozenset[str] | None = None
    need: frozenset[str] | None = None


_P = TypeVar("_P", re.Pattern[str], str)
_EMPTY = _Info(exact=frozenset({""}))
_NOTHING = _Info()


def _need(info: _Info) -> frozenset[str] | None:
    if info.exact is not None:
        useful = [item for item in info.exact if len(item) >= _MIN_ANCHOR]
        return frozenset(info.exact) if len(useful) == len(info.exact) else None
    return info.need


def _better(first: frozenset[str] | None, second: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two anchor sets (fewer, longer strings)."""
    if first is None:
        return second
    if second is None:
        return first

    def score(found: frozenset[str]) -> tuple[int, int]:
        return (min(len(item) for item in found), -len(found))

    return first if score(first) >= score(second) else second


def _sequence(items: Iterable[tuple[Any, Any]]) -> _Info:
    run: frozenset[str] = frozenset({""})  # exact strings of the current run of exact pieces
    best: frozenset[str] | None = None
    broken = False  # whether some piece was not exact, so the whole is not exact either
    for op, arg in items:
        info = _node(op, arg)
        if info.exact is not None:
            joined = frozenset(a + b for a, b in product(run, info.exact))
            if len(joined) <= _MAX_EXACT:
                run = joined
                continue
        # The run ends here: it is a candidate anchor set, and so is this piece.
        broken = True
        best = _better(best, _need(_Info(exact=run)))
        best = _better(best, _need(info))
        run = info.exact if info.exact is not None else frozenset({""})
    if not broken:
        return _Info(exact=run)
    best = _better(best, _need(_Info(exact=run)))
    return _Info(need=best) if best is not None else _NOTHING


def _branch(branches: Sequence[Any]) -> _Info:
    infos = [_sequence(branch) for branch in branches]
    if all(info.exact is not None for info in infos):
        union = frozenset().union(*(info.exact or () for info in infos))
        if len(union) <= _MAX_EXACT:
            return _Info(exact=union)
    needs = [_need(info) for info in infos]
    if any(need is None for need in needs):
        return _NOTHING
    return _Info(need=frozenset().union(*(need or () for need in needs)))


def _node(op: Any, arg: Any) -> _Info:
    name = str(op)
    if name == "LITERAL":
        return _Info(exact=frozenset({chr(arg)}))
    if name == "IN":
        chars = [chr(value) for kind, value in arg if str(kind) == "LITERAL"]
        if len(chars) == len(arg) and len(chars) <= _MAX_CLASS:
            return _Info(exact=frozenset(chars))
        return _NOTHING
    if name == "SUBPATTERN":
        return _sequence(arg[-1])
    if name == "BRANCH":
        return _branch(arg[1])
    if name in {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}:
        low, high, sub = arg
        if low == 0:
            return _EMPTY if high == 0 else _NOTHING
        inner = _sequence(sub)
        if low == high == 1:
            return inner
        need = _need(inner)
        return _Info(need=need) if need is not None else _NOTHING
    if name in {"AT", "ASSERT", "ASSERT_NOT"}:
        return _EMPTY  # zero width: they match no text of their own
    return _NOTHING  # ANY, CATEGORY, GROUPREF and the rest: no literal to require


def anchors(pattern: re.Pattern[str] | str) -> frozenset[str] | None:
    """Strings one of which every match contains, or None when no useful set exists.

    A `str` is an expression as `re.compile` takes it without flags, read without compiling.
    """
    source, flags = (pattern, 0) if isinstance(pattern, str) else (pattern.pattern, pattern.flags)
    try:
        parsed = sre_parse.parse(source, flags)
    except (re.error, RecursionError):  # pragma: no cover - it compiled, so it parses
        return None
    need = _need(_sequence(list(parsed)))
    if need is None or not need or any(len(item) < _MIN_ANCHOR for item in need):
        return None
    return need


class Prefilter:
    """Which of `patterns` may match a text: an index from anchor strings to patterns.

    A pattern is compiled or an expression (str); `find` gives its anchors: `anchors` itself,
    or a memo of it (bot/safety/rulecache.py).
    """

    def __init__(
        self,
        patterns: Sequence[_P],
        find: Callable[[_P], frozenset[str] | None] = anchors,
    ) -> None:
        self._always: list[int] = []
        self._automaton = ahocorasick.Automaton()
        owners: dict[str, list[int]] = {}
        for index, pattern in enumerate(patterns):
            found = find(pattern)
            if found is None:
                self._always.append(index)
                continue
            for anchor in found:
                owners.setdefault(anchor, []).append(index)
        for anchor, indexes in owners.items():
            self._automaton.add_word(anchor, tuple(indexes))
        self.anchored = len(patterns) - len(self._always)
        if owners:
            self._automaton.make_automaton()
        self._empty = not owners

    @property
    def always(self) -> tuple[int, ...]:
        """Indexes of the patterns without anchors, which every text runs."""
        return tuple(self._always)

    def candidates(self, text: str) -> list[int]:
        """Indexes of the patterns that may match `text`, in their order."""
        if self._empty:
            return list(self._always)
        found = set(self._always)
        for _end, indexes in self._automaton.iter(text):
            found.update(indexes)
        return sorted(found)
