"""Keep the rules' translation between processes: regex sources, prefilter anchors, reaches.

Translating the pattern language and reading every rule back for its anchors costs more than a
second of CPU (Python's regex parser, twice over 900 kB of regex), yet depends only on the rule
files, this package's code, the word lists and Python. Those products are plain strings, so
they are written to a file under $XDG_CACHE_HOME/omarmt/ keyed by a hash of all four
(bot/safety/cachefile.py); `re.compile` still runs in every process (a pickled Pattern
recompiles on load anyway), and only for the rules a message needs.

A cache that is missing, stale, damaged or unwritable is ignored and the rules are translated
as before: the verdicts never depend on it.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from bot.safety import cachefile
from bot.safety.language import ListMemo, compile_pattern
from bot.safety.patterns import compile_rule
from bot.safety.prefilter import anchor_sets
from bot.safety.reach import Reach, reach
from bot.safety.words import data_files

__all__ = ["Translations", "cache_file", "compiled", "fingerprint", "keep", "recall"]

logger = logging.getLogger(__name__)


@cache
def compiled(expression: str) -> re.Pattern[str]:
    """`re.compile`, once per expression in a process (re's own cache holds only 512)."""
    return re.compile(expression)


class Translations:
    """compile_pattern, compile_rule's regex source and the anchors, each made once.

    What is not known yet is made, compiled and remembered (`changed` then says the file needs
    writing). Only expressions that compiled are remembered, so one read from a fresh cache
    compiles too and may be compiled when first needed; a rule with an error is reported
    every time.
    """

    def __init__(
        self,
        key: str,
        patterns: dict[str, str] | None = None,
        regexes: dict[str, str] | None = None,
        anchor_sets: dict[str, list[list[str]] | None] | None = None,
        reaches: dict[str, list[int] | None] | None = None,
    ) -> None:
        self.key = key
        self.changed = False
        self._patterns = patterns or {}
        self._regexes = regexes or {}
        self._anchors = anchor_sets or {}
        self._reaches = reaches or {}
        self._lists: Mapping[str, Sequence[str]] | None = None
        self._list_memo: ListMemo = {}

    def pattern(self, source: str, lists: Mapping[str, Sequence[str]]) -> str:
        """The regex source of a pattern-language `source` (compile_pattern's)."""
        found = self._patterns.get(source)
        if found is None:
            if lists is not self._lists:  # the memo holds for one mapping of lists only
                self._lists, self._list_memo = lists, {}
            found = compile_pattern(source, lists, self._list_memo)
            compiled(found)  # raises re.error: then it is not remembered
            self._patterns[source] = found
            self.changed = True
        return found

    def regex(self, source: str, macros: Mapping[str, str]) -> str:
        """The regex source compile_rule makes of a `regex:` rule's `source`."""
        found = self._regexes.get(source)
        if found is None:
            found = compiled(compile_rule(source, macros).pattern).pattern
            self._regexes[source] = found
            self.changed = True
        return found

    def anchors(self, expression: str) -> tuple[frozenset[str], ...] | None:
        """prefilter.anchor_sets of a rule's expression."""
        if expression in self._anchors:
            known = self._anchors[expression]
            return None if known is None else tuple(frozenset(found) for found in known)
        found = anchor_sets(expression)
        self._anchors[expression] = None if found is None else [sorted(item) for item in found]
        self.changed = True
        return found

    def reach(self, expression: str) -> Reach | None:
        """bot/safety/reach.py's reach of a rule's expression."""
        if expression in self._reaches:
            known = self._reaches[expression]
            return None if known is None else (known[0], known[1])
        found = reach(expression)
        self._reaches[expression] = None if found is None else list(found)
        self.changed = True
        return found

    def body(self) -> bytes:
        """The products as the cache file's payload."""
        products = {
            "patterns": self._patterns,
            "regexes": self._regexes,
            "anchors": self._anchors,
            "reaches": self._reaches,
        }
        return json.dumps(products, sort_keys=True, ensure_ascii=False).encode()


def fingerprint(folder: Path) -> str:
    """A hash of all the products depend on: the rule files under `folder`, the code of
    bot/safety/, the word-list files (words that keep their letter runs) and Python itself."""
    return cachefile.fingerprint("rules", sorted(folder.glob("*.yaml")), data_files())


def cache_file(key: str, environ: Mapping[str, str] = os.environ) -> Path:
    """Where the translations for `key` are kept."""
    return cachefile.cache_path("rules", key, environ)


def _valid(products: Any) -> bool:
    if not isinstance(products, dict):
        return False
    for name in ("patterns", "regexes"):
        table = products.get(name)
        if not isinstance(table, dict):
            return False
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
            return False
    found = products.get("anchors")
    reaches = products.get("reaches")
    return (
        isinstance(found, dict)
        and all(
            isinstance(k, str)
            and (v is None or (isinstance(v, list) and all(_strings(item) for item in v)))
            for k, v in found.items()
        )
        and isinstance(reaches, dict)
        and all(isinstance(k, str) and (v is None or _reach(v)) for k, v in reaches.items())
    )


def _reach(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(item, int) and not isinstance(item, bool) for item in value)
    )


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def recall(
    folder: Path,
    environ: Mapping[str, str] = os.environ,
    key_of: Callable[[Path], str] = fingerprint,
) -> Translations:
    """The translations kept for the rules under `folder`, or none (an empty memo)."""
    key = key_of(folder)
    payload = cachefile.read(cache_file(key, environ), key)
    try:
        products = json.loads(payload) if payload is not None else None
    except ValueError:
        products = None
    if products is None or not _valid(products):
        logger.debug("no usable rule cache; translating the rules")
        return Translations(key)
    return Translations(
        key, products["patterns"], products["regexes"], products["anchors"], products["reaches"]
    )


def keep(translations: Translations, environ: Mapping[str, str] = os.environ) -> None:
    """Write the translations if anything was added; any failure only costs the next start."""
    if not translations.changed:
        return
    path = cache_file(translations.key, environ)
    if cachefile.write(path, translations.key, translations.body()):
        translations.changed = False
