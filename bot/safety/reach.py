"""Search a rule only near its anchors: how far a match reaches, and a search in windows.

A rule's match contains one of its anchor strings (bot/safety/prefilter.py), so on a long text
the rule only needs searching around where those strings are. How far around is its *reach*:
the most characters a match and everything its lookarounds read can span, as `fixed + per_word
* longest`, where `longest` is the longest run of non-space characters in the text (a word
matched by `[a-z]+` is never longer than that). A rule that can span any length (`.*`) has no
reach and is searched whole.

The windowed search is exact: a window's search only proposes where a match may start (a
search cut off at the window's end can see a `$` or a failing lookahead there that the whole
text does not have), and each proposal is matched again on the whole text before it counts.
Every true match lies inside a window, so the matches are those `finditer` gives on the whole
text, in the same order (tests/test_safety_reach.py compares both ways).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from re import _constants as sre  # type: ignore[attr-defined]  # Python's own regex constants
from re import _parser as sre_parse  # type: ignore[attr-defined]  # Python's own regex parser
from typing import Any

from bot.safety.prefilter import Prefilter, anchor_sets

__all__ = [
    "NEAR_ANCHORS", "Alternation", "Reach", "core", "gated", "longest_run", "reach", "search",
    "windows",
]  # fmt: skip

#: From this length on, searching near the anchors pays; on a message of a few lines it does not.
NEAR_ANCHORS = 600

#: (fixed characters, characters per longest word) a match may span; None: no bound.
Reach = tuple[int, int]

_SPACE_CATEGORIES = frozenset(
    {
        sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD, sre.CATEGORY_NOT_DIGIT,
        sre.CATEGORY_NOT_LINEBREAK, sre.CATEGORY_UNI_SPACE, sre.CATEGORY_UNI_NOT_WORD,
        sre.CATEGORY_UNI_NOT_DIGIT, sre.CATEGORY_UNI_NOT_LINEBREAK, sre.CATEGORY_LOC_NOT_WORD,
    }
)  # fmt: skip
_SPACE = ord(" ")


def _item_takes_space(op: Any, arg: Any) -> bool:
    if op is sre.LITERAL:
        return bool(arg == _SPACE)
    if op is sre.NOT_LITERAL:
        return bool(arg != _SPACE)
    if op is sre.RANGE:
        return bool(arg[0] <= _SPACE <= arg[1])
    if op is sre.CATEGORY:
        return arg in _SPACE_CATEGORIES
    return True  # anything else: assume it may


def _one_char(op: Any, arg: Any) -> bool | None:
    """Whether a one-character piece can match a space; None when it is not one character."""
    if op in (sre.LITERAL, sre.NOT_LITERAL, sre.CATEGORY):
        return _item_takes_space(op, arg)
    if op is sre.ANY:
        return True
    if op is sre.IN:
        items = list(arg)
        if items and items[0][0] is sre.NEGATE:
            return not any(_item_takes_space(kind, value) for kind, value in items[1:])
        return any(_item_takes_space(kind, value) for kind, value in items)
    return None


def _sequence(items: Iterable[tuple[Any, Any]]) -> Reach | None:
    fixed = per_word = 0
    for op, arg in items:
        found = _node(op, arg)
        if found is None:
            return None
        fixed, per_word = fixed + found[0], per_word + found[1]
    return fixed, per_word


def _node(op: Any, arg: Any) -> Reach | None:
    if _one_char(op, arg) is not None:
        return 1, 0
    if op is sre.SUBPATTERN:
        return _sequence(arg[-1])
    if op is sre.ATOMIC_GROUP:
        return _sequence(arg)
    if op is sre.BRANCH:
        found = [_sequence(branch) for branch in arg[1]]
        if any(item is None for item in found):
            return None
        return max(item[0] for item in found if item), max(item[1] for item in found if item)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        _low, high, sub = arg
        if high == sre.MAXREPEAT:
            # "[a-z]+" stays inside one word; a repeat of anything else can run on for ever.
            pieces = list(sub)
            return (0, 1) if len(pieces) == 1 and _one_char(*pieces[0]) is False else None
        inner = _sequence(sub)
        return None if inner is None else (inner[0] * high, inner[1] * high)
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        # What a lookaround reads counts as if matched: a bound on both sides at once.
        return _sequence(arg[1])
    if op is sre.AT:
        return 0, 0
    return None  # a back reference, a conditional: no bound worth the trouble


def reach(expression: str) -> Reach | None:
    """How far a match of `expression` (and what its lookarounds read) can span; None when
    there is no bound. Lookarounds count as matched text, so one figure bounds both sides."""
    try:
        parsed = sre_parse.parse(expression)
    except (re.error, RecursionError):  # pragma: no cover - it compiled, so it parses
        return None
    if parsed.getwidth()[0] == 0:
        return None  # finditer treats empty matches its own way: search such a rule whole
    return _sequence(list(parsed))


def longest_run(text: str) -> int:
    """The longest run of characters without a space in `text`."""
    return max(map(len, text.split(" ")), default=0)


def windows(
    spans: Iterable[tuple[int, int]], width: int, size: int, most: float = 0.5
) -> list[tuple[int, int]] | None:
    """Merged windows `width` characters around each anchor span, within a text of `size`;
    None when they would cover more than `most` of it (a search of the whole is then cheaper).
    """
    return _merged(((start - width, end + width) for start, end in spans), size, most)


def _merged(
    spans: Iterable[tuple[int, int]], size: int, most: float
) -> list[tuple[int, int]] | None:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        low, high = max(0, start), min(size, end)
        if merged and low <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    if sum(high - low for low, high in merged) > most * size:
        return None
    return [(low, high) for low, high in merged]


def search(
    pattern: re.Pattern[str], text: str, within: Sequence[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    """The matches `pattern.finditer(text)` gives, looking only `within` the windows (sorted,
    apart), each of which holds every match whose anchor lies in it, lookarounds and all."""
    after = 0  # finditer goes on where its last match ended
    for low, high in within:
        start = max(after, low)
        while start <= high:
            proposed = pattern.search(text, start, high)
            if proposed is None:
                break
            found = pattern.match(text, proposed.start())  # the whole text decides
            if found is None:
                start = proposed.start() + 1
                continue
            yield found
            after = start = max(found.end(), found.start() + 1)


_GATE = "^(?=.*?"
_LAZY = "(?:.*?)"


def gated(expression: str) -> tuple[str, str] | None:
    """`(gate, core)` of a rule written `^(?=.*?GATE)(?:.*?)CORE`, else None.

    Such a rule needs GATE anywhere in the message and matches from the start of the text to
    the end of CORE's first match. The whole expression has no reach (`.*?` runs across the
    text); its core may have one, so the core alone can be searched near its anchors while the
    gate is one search of the text (`search_gated`).
    """
    if not expression.startswith(_GATE):
        return None
    close = _group_end(expression, 1)
    if close is None or not expression.startswith(_LAZY, close + 1):
        return None
    gate, body = expression[len(_GATE) : close], expression[close + 1 + len(_LAZY) :]
    # "a|b" at the top would bind looser than the gate or the lazy run: not this form
    return (gate, body) if len(branches(gate)) == len(branches(body)) == 1 else None


def core(expression: str) -> str:
    """What of `expression` a match spans near its anchors: the core of a gated rule, or all."""
    split = gated(expression)
    return expression if split is None else split[1]


def search_gated(
    whole: re.Pattern[str],
    gate: re.Pattern[str],
    body: re.Pattern[str],
    text: str,
    within: Sequence[tuple[int, int]],
) -> Iterator[tuple[int, int]]:
    """The span the `whole` gated expression matches in `text` (one at most: it starts at 0),
    searching its `body` (the core) only `within` the windows that hold its matches."""
    if "\n" in text:  # "." stops at a line break: leave that to the whole expression
        yield from (found.span() for found in whole.finditer(text))
        return
    if gate.search(text) is None:
        return
    for found in search(body, text, within):
        yield 0, found.end()
        return


def _group_end(expression: str, start: int) -> int | None:
    """The index of the ")" closing the group that opens at `start`, or None."""
    for index, char, depth in _structure(expression, start):
        if char == ")" and depth == 0:
            return index
    return None


def branches(expression: str) -> list[str]:
    """The top-level alternatives of a regex source ("a|(b|c)|d" gives "a", "(b|c)", "d")."""
    pieces: list[str] = []
    start = 0
    for index, char, depth in _structure(expression):
        if char == "|" and depth == 0:
            pieces.append(expression[start:index])
            start = index + 1
    pieces.append(expression[start:])
    return pieces


def _structure(expression: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """Each "(", ")" and "|" of a regex source from `start` that is neither escaped nor in a
    character class, with the group depth after it."""
    depth, index, in_class = 0, start, False
    while index < len(expression):
        char = expression[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if expression[index + 1 : index + 2] == "]":  # "[]...]": a literal "]" first
                index += 1
        elif char in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[char]
            yield index, char, depth
        index += 1


class Alternation:
    """One large alternation (the idioms, "a|b|c" of hundreds) searched alternative by
    alternative: each has anchors and a reach of its own, where the whole has anchors so common
    that its windows would cover every text.

    `sub` gives what `pattern.sub` gives. Only the alternatives whose anchors occur in the text
    are searched, each compiled once on its own, and on a long text only near its anchors; the
    earliest place any of them matches is matched again by the whole alternation there, which
    picks its first alternative that matches, as `pattern.sub` does. Before, the alternatives a
    text needed were joined and compiled per text (kept for the next text with the same ones):
    a new combination cost 1-3 ms to compile, and a long text searched the whole alternation in
    its windows, a third of a 4 kB paste's reading time.
    """

    def __init__(
        self,
        pattern: re.Pattern[str],
        anchors_of: Callable[[str], tuple[frozenset[str], ...] | None] = anchor_sets,
        reach_of: Callable[[str], Reach | None] = reach,
    ) -> None:
        """`anchors_of` and `reach_of` give each alternative's anchor sets and reach: by
        default `anchor_sets` and `reach` themselves, or the products kept between processes
        (bot/safety/rulecache.py), which are the same and cost nothing to read."""
        pieces = branches(pattern.pattern)
        sets = [anchors_of(piece) for piece in pieces]
        reaches = [reach_of(piece) for piece in pieces]
        self._anchored = len(pieces) > 1 and all(found is not None for found in sets)
        self._usable = self._anchored and all(bound is not None for bound in reaches)
        self._reaches: list[Reach] = [bound or (0, 0) for bound in reaches]
        names = [str(index) for index in range(len(pieces))]
        self._prefilter = Prefilter(names, lambda name: sets[int(name)])
        self._pattern = pattern
        self._pieces = pieces
        self._compiled: list[re.Pattern[str] | None] = [None] * len(pieces)

    def prepare(self) -> None:
        """Compile every alternative now, so that no message waits for one."""
        for index in range(len(self._pieces)):
            self._piece(index)

    def sub(self, replace: str | Callable[[re.Match[str]], str], text: str) -> str:
        """`pattern.sub(replace, text)`, searching only the alternatives that may match."""
        if not self._anchored:
            return self._pattern.sub(replace, text)
        if len(text) < NEAR_ANCHORS or not self._usable:
            indexes, within = self._prefilter.candidates(text), [(0, len(text))]
        else:
            indexes, within = self._windows(text)
        if not indexes:
            return text
        parts: list[str] = []
        last = 0
        for found in self._matches(indexes, text, within):
            parts += [
                text[last : found.start()],
                found.expand(replace) if isinstance(replace, str) else replace(found),
            ]
            last = found.end()
        if not parts:
            return text
        parts.append(text[last:])
        return "".join(parts)

    def _piece(self, index: int) -> re.Pattern[str]:
        compiled = self._compiled[index]
        if compiled is None:
            compiled = self._compiled[index] = re.compile(self._pieces[index], self._pattern.flags)
        return compiled

    def _windows(self, text: str, most: float = 0.9) -> tuple[list[int], list[tuple[int, int]]]:
        """The alternatives that may match `text`, and windows of it that hold every match
        of them (the whole text where the windows would cover most of it)."""
        indexes, located = self._prefilter.located(text)
        longest = longest_run(text)
        spans: list[tuple[int, int]] = []
        whole = [(0, len(text))]
        for index in indexes:
            found = located.spans(index)
            if found is None:  # pragma: no cover - every alternative has anchors here
                return indexes, whole
            fixed, per_word = self._reaches[index]
            width = fixed + per_word * longest + 1
            spans += [(start - width, end + width) for start, end in found]
        return indexes, _merged(spans, len(text), most) or whole

    def _matches(
        self, indexes: list[int], text: str, within: Sequence[tuple[int, int]]
    ) -> Iterator[re.Match[str]]:
        """The whole alternation's matches in `text`, as `finditer` gives them, where only
        the alternatives `indexes` can match and only `within` the windows (sorted, apart)."""
        pieces = [self._piece(index) for index in indexes]
        after = 0  # finditer goes on where its last match ended
        for low, high in within:
            start = max(after, low)
            if start > high:
                continue
            # Per alternative: where it next matches from `start` on (None: nowhere here).
            heads = [_start(piece.search(text, start, high)) for piece in pieces]
            while True:
                place = min((head for head in heads if head is not None), default=None)
                if place is None:
                    break
                found = self._pattern.match(text, place)  # the whole text decides
                if found is None:
                    start = place + 1
                else:
                    yield found
                    after = start = max(found.end(), found.start() + 1)
                if start > high:
                    break
                for number, head in enumerate(heads):
                    if head is not None and head < start:
                        heads[number] = _start(pieces[number].search(text, start, high))


def _start(found: re.Match[str] | None) -> int | None:
    return None if found is None else found.start()
