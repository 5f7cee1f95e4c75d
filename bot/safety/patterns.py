"""Categories, and the compiler of rules still written as regexes with <macros> (macros.yaml)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal

from bot.safety.language import trie
from bot.safety.normalize import collapse_pattern

__all__ = ["SEVERITY", "Category", "compile_rule"]

Category = Literal["suicide", "self_harm", "abuse", "danger"]

# Most severe first: acute danger to life needs 112 before anything else, then suicide.
SEVERITY: tuple[Category, ...] = ("danger", "suicide", "self_harm", "abuse")

_MACRO = re.compile(r"<(\w+)>")


# A group of plain words, "(?:vader|moeder|mama)": the speed-up below rewrites these only.
_WORDS = r"[a-z0-9 ]+(?:\|[a-z0-9 ]+)+"
_WORD_GROUP = re.compile(r"\(\?:(" + _WORDS + r")\)")
# A word group that is a whole alternative of its parent ("(?:a|(?:b|c)|d)") can be inlined.
_INLINE = re.compile(r"(?<=[|(:!=])(?<!\\\|)\(\?:(" + _WORDS + r")\)(?=[|)])")
_MIN_TRIE = 3


def _tries(source: str) -> str:
    """Rewrite long word alternations as tries: the same matches, about half the work.

    The regex engine tries every word of "(?:vader|pa|papa|...)" at every position; a trie
    tries one branch per first letter. Only groups of plain words are touched, and a group
    that is a whole alternative of its parent is merged into it first.
    """
    while True:
        inlined = _INLINE.sub(lambda match: match.group(1), source)
        if inlined == source:
            break
        source = inlined

    def rewrite(match: re.Match[str]) -> str:
        words = match.group(1).split("|")
        return match.group() if len(words) < _MIN_TRIE else "(?:" + trie(words) + ")"

    return _WORD_GROUP.sub(rewrite, source)


def compile_rule(source: str, macros: Mapping[str, str]) -> re.Pattern[str]:
    """Expand the <macros> and fold letter runs exactly as the normaliser folds text.

    An unknown macro raises KeyError; a macro may use another one ("<no_answer>" uses "<any>").
    """
    expanded = source
    for _ in range(10):
        if not _MACRO.search(expanded):
            break
        expanded = _MACRO.sub(lambda match: macros[match.group(1)], expanded)
    folded = collapse_pattern(expanded)
    try:
        return re.compile(_tries(folded))
    except re.error:  # a look-behind needs fixed widths; keep such a pattern as written
        return re.compile(folded)
