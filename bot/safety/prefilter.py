"""Skip the rules that cannot match: every match of a rule contains its anchor strings.

For each rule the compiled regex is read back (Python's own regex parser) and up to four sets
of literal strings are derived such that any text the rule matches contains one string of each
set ("wil " or "wou ", and "dood"). One Aho-Corasick pass over the message finds every anchor
present, and only the rules with every set present run: one set per rule let 90 of 977 rules
run on a long message, most for a common word like "wil ". A rule whose anchors would be too
short or too many runs always. The reduction is exact: it never changes a verdict, only skips work
(tests/test_safety_prefilter.py compares both ways on every data set).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import reduce
from itertools import product
from operator import itemgetter, or_
from re import _parser as sre_parse  # type: ignore[attr-defined]  # Python's own regex parser
from typing import Any, TypeVar

import ahocorasick

__all__ = ["Prefilter", "anchor_sets", "anchors"]

_MAX_EXACT = 24  # more alternatives than this are too many to spell out
_MIN_ANCHOR = 3  # shorter anchors ("ik", "me") are in almost every message: no gain
_MAX_CLASS = 8
_MAX_SETS = 4  # a rule needs at most this many anchor sets checked
_NUMBER = itemgetter(1)  # of the automaton's (end, value) pairs: the anchor's number


@dataclass(frozen=True, slots=True)
class _Info:
    """What a piece of a regex tells: `exact` (it matches exactly one of these strings) or
    `needs` (any match contains one string of *each* of these sets); neither tells nothing."""

    exact: frozenset[str] | None = None
    needs: tuple[frozenset[str], ...] = ()


_P = TypeVar("_P", re.Pattern[str], str)
_Needs = tuple[frozenset[str], ...]
_EMPTY = _Info(exact=frozenset({""}))
_NOTHING = _Info()


def _useful(found: frozenset[str]) -> bool:
    return bool(found) and all(len(item) >= _MIN_ANCHOR for item in found)


def _needs(info: _Info) -> _Needs:
    if info.exact is not None:
        return (_minimal(info.exact),) if _useful(info.exact) else ()
    return info.needs


def _minimal(found: frozenset[str]) -> frozenset[str]:
    """The set without strings that contain another of it (" pillen" holds " pille")."""
    return frozenset(item for item in found if not any(o != item and o in item for o in found))


def _score(found: frozenset[str]) -> tuple[int, int]:
    """How selective an anchor set is: longer shortest string, then fewer strings."""
    return (min(len(item) for item in found), -len(found))


def _joined(needs: Iterable[frozenset[str]]) -> _Needs:
    """A conjunction without repeats, its most selective sets first, at most _MAX_SETS."""
    unique = sorted(set(needs), key=lambda found: (_score(found), sorted(found)), reverse=True)
    return tuple(unique[:_MAX_SETS])


def _sequence(items: Iterable[tuple[Any, Any]]) -> _Info:
    run: frozenset[str] = frozenset({""})  # exact strings of the current run of exact pieces
    needs: list[frozenset[str]] = []
    broken = False  # whether some piece was not exact, so the whole is not exact either
    for op, arg in items:
        info = _node(op, arg)
        if info.exact is not None:
            joined = frozenset(a + b for a, b in product(run, info.exact))
            if len(joined) <= _MAX_EXACT:
                run = joined
                continue
        # The run ends here: it is a needed anchor set, and so is every set this piece needs.
        broken = True
        needs += _needs(_Info(exact=run))
        needs += _needs(info)
        run = info.exact if info.exact is not None else frozenset({""})
    if not broken:
        return _Info(exact=run)
    needs += _needs(_Info(exact=run))
    return _Info(needs=_joined(needs))


def _branch(branches: Sequence[Any]) -> _Info:
    infos = [_sequence(branch) for branch in branches]
    if all(info.exact is not None for info in infos):
        union = frozenset().union(*(info.exact or () for info in infos))
        if len(union) <= _MAX_EXACT:
            return _Info(exact=union)
    # A match needs one branch, so per rank the union of each branch's sets of that rank is
    # needed: each branch's most selective sets, then its next ones. One union alone let
    # "(he | she | ...) (has | met | with ...) (a | the) (knife | gun ...)" wait on "met".
    ranked = [_joined(_needs(info)) for info in infos]
    depth = min(len(sets) for sets in ranked)
    return _Info(
        needs=tuple(frozenset().union(*(sets[rank] for sets in ranked)) for rank in range(depth))
    )


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
        if high == 0:
            return _EMPTY
        inner = _sequence(sub)
        if low == 0:
            # "(?:en)?" is "en" or nothing: still exact, so "kr(?:eg(?:en)?)" keeps "kreg".
            if high == 1 and inner.exact is not None and len(inner.exact) < _MAX_EXACT:
                return _Info(exact=inner.exact | {""})
            return _NOTHING
        if low == high == 1:
            return inner
        return _Info(needs=_needs(inner))
    if name == "ASSERT":
        # A lookahead or lookbehind matches no text of its own, but the text must hold what it
        # looks for: "^(?=.*snij)(?=.*bloed)" needs "snij" and "bloed".
        needs = _needs(_sequence(arg[1]))
        return _Info(needs=needs) if needs else _EMPTY
    if name in {"AT", "ASSERT_NOT"}:
        return _EMPTY  # zero width: they match no text of their own
    return _NOTHING  # ANY, CATEGORY, GROUPREF and the rest: no literal to require


def anchor_sets(pattern: re.Pattern[str] | str) -> _Needs | None:
    """Sets of strings such that every match contains one string of each set, the most
    selective first; None when no useful set exists.

    A `str` is an expression as `re.compile` takes it without flags, read without compiling.
    """
    source, flags = (pattern, 0) if isinstance(pattern, str) else (pattern.pattern, pattern.flags)
    try:
        parsed = sre_parse.parse(source, flags)
    except (re.error, RecursionError):  # pragma: no cover - it compiled, so it parses
        return None
    return _needs(_sequence(list(parsed))) or None


def anchors(pattern: re.Pattern[str] | str) -> frozenset[str] | None:
    """Strings one of which every match contains (the most selective of `anchor_sets`)."""
    found = anchor_sets(pattern)
    return None if found is None else found[0]


class Prefilter:
    """Which of `patterns` may match a text: an index from anchor strings to patterns.

    A pattern is compiled or an expression (str); `find` gives its anchors: `anchors` itself,
    or a memo of it (bot/safety/rulecache.py).

    The automaton's value of an anchor is its number. Per anchor and per place of a needed set,
    the patterns whose set at that place holds the anchor are one bit mask (a Python int): a
    message ORs the masks of the anchors it holds, place by place, and ANDs the places. A set of
    keys per anchor, counted in Python, cost a tenth of a long message's reading time: its
    common anchors (" ik ", " me ") each name hundreds of patterns.
    """

    def __init__(
        self,
        patterns: Sequence[_P],
        find: Callable[[_P], _Needs | None] = anchor_sets,
    ) -> None:
        self._always: list[int] = []
        self._automaton = ahocorasick.Automaton()
        # A key names one needed set of one pattern: index * _MAX_SETS + the set's place.
        owners: dict[str, list[int]] = {}
        self._sets: list[int] = []
        #: Per place: the patterns that need no set there (they need fewer), as a mask.
        self._free = [0] * _MAX_SETS
        for index, pattern in enumerate(patterns):
            # Only the sets indexed count: a rule never waits for a set nobody looks for.
            found = (find(pattern) or ())[:_MAX_SETS]
            self._sets.append(len(found))
            for place in range(len(found), _MAX_SETS):
                self._free[place] |= 1 << index
            if not found:
                self._always.append(index)
                continue
            for place, needed in enumerate(found):
                for anchor in needed:
                    owners.setdefault(anchor, []).append(index * _MAX_SETS + place)
        self._sizes: list[int] = []  # per anchor number: its length
        # Per anchor: the masks of its places side by side in one int, place p shifted by p
        # times the number of patterns, so a message ORs one int per anchor found, in C
        # (`reduce`), where a loop over places ran in Python: 28 -> 21.5 µs a tuning text.
        self._width = len(patterns)
        self._packed: list[int] = []
        #: Per key: the numbers of the anchors in its set.
        members: dict[int, list[int]] = {}
        for number, (anchor, keys) in enumerate(owners.items()):
            self._automaton.add_word(anchor, number)
            self._sizes.append(len(anchor))
            masks = [0] * _MAX_SETS
            for key in keys:
                masks[key % _MAX_SETS] |= 1 << (key // _MAX_SETS)
                members.setdefault(key, []).append(number)
            self._packed.append(
                sum(mask << (place * self._width) for place, mask in enumerate(masks))
            )
        # As sets: a message's found anchors meet a set in one C-level intersection (`spans`:
        # 1.4 -> 0.8 µs a call; a long message asks it for about 25 rules).
        self._set_anchors = {key: frozenset(numbers) for key, numbers in members.items()}
        self.anchored = len(patterns) - len(self._always)
        if owners:
            self._automaton.make_automaton()
        self._empty = not owners

    @property
    def always(self) -> tuple[int, ...]:
        """Indexes of the patterns without anchors, which every text runs."""
        return tuple(self._always)

    def candidates(self, text: str) -> list[int]:
        """Indexes of the patterns that may match `text` (each needed set has a string in it),
        in their order."""
        if self._empty:
            return list(self._always)
        return self._complete(map(_NUMBER, self._automaton.iter(text)))

    def _complete(self, numbers: Iterable[int]) -> list[int]:
        width = self._width
        whole = reduce(or_, map(self._packed.__getitem__, numbers), 0)
        every = self._free[0] | (whole & ((1 << width) - 1))
        for place in range(1, _MAX_SETS):
            every &= self._free[place] | (whole >> (place * width))
        indexes: list[int] = []
        while every:
            lowest = every & -every
            indexes.append(lowest.bit_length() - 1)
            every ^= lowest
        return indexes

    def located(self, text: str) -> tuple[list[int], Located]:
        """`candidates`, and where in `text` their anchors are (`Located.spans`)."""
        if self._empty:
            return list(self._always), Located(
                {}, frozenset(), self._set_anchors, self._sets, self._sizes
            )
        ends: dict[int, list[int]] = {}
        for end, number in self._automaton.iter(text):
            found = ends.get(number)
            if found is None:
                ends[number] = [end]
            else:
                found.append(end)
        located = Located(ends, frozenset(ends), self._set_anchors, self._sets, self._sizes)
        return self._complete(ends), located


@dataclass(frozen=True, slots=True)
class Located:
    """Where a text's anchor strings end, to tell each pattern where its anchors are."""

    ends: dict[int, list[int]]  # per anchor number found
    found: frozenset[int]  # the anchor numbers found, as a set
    set_anchors: dict[int, frozenset[int]]  # per key (`Prefilter`): the numbers of its anchors
    sets: list[int]
    sizes: list[int]  # per anchor number: its length

    def spans(self, index: int) -> list[tuple[int, int]] | None:
        """Where the strings of pattern `index`'s rarest needed set are (each match holds one,
        or reads it in a lookaround); None for a pattern without anchors."""
        count = self.sets[index]
        if not count:
            return None
        first = index * _MAX_SETS
        if count == 1:  # most patterns: no choice to make
            numbers: Iterable[int] = self.found & self.set_anchors[first]
        else:
            numbers = min(
                (self.found & self.set_anchors[key] for key in range(first, first + count)),
                key=lambda found: sum(len(self.ends[number]) for number in found),
            )
        return [
            (end - self.sizes[number] + 1, end + 1)
            for number in numbers
            for end in self.ends[number]
        ]
