"""Keep the rules' translation between processes: their regex sources and prefilter anchors.

Translating the pattern language and reading every rule back for its anchors costs more than a
second of CPU (Python's regex parser, twice over 900 kB of regex), yet depends only on the rule
files, this package's code, the word lists and Python. Those products are plain strings, so
they are written to a file under $XDG_CACHE_HOME/omarmt/ named and keyed by a hash of all four;
`re.compile` still runs in every process (a pickled Pattern recompiles on load anyway).

A cache file carries the SHA-256 of its own body. One that is missing, stale, damaged or
unwritable is ignored and the rules are translated as before: the verdicts never depend on it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from bot.safety.language import compile_pattern
from bot.safety.patterns import compile_rule
from bot.safety.prefilter import anchors
from bot.safety.words import data_files

__all__ = ["Translations", "cache_file", "compiled", "fingerprint", "keep", "recall"]

logger = logging.getLogger(__name__)

_FORMAT = b"omarmt rule cache 1"
_PREFIX = "rules-"
_KEEP_FILES = 4  # caches of other rule versions (other checkouts) kept beside the current one
_MAX_BYTES = 64 * 2**20


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
        anchor_sets: dict[str, list[str] | None] | None = None,
    ) -> None:
        self.key = key
        self.changed = False
        self._patterns = patterns or {}
        self._regexes = regexes or {}
        self._anchors = anchor_sets or {}

    def pattern(self, source: str, lists: Mapping[str, Sequence[str]]) -> str:
        """The regex source of a pattern-language `source` (compile_pattern's)."""
        found = self._patterns.get(source)
        if found is None:
            found = compile_pattern(source, lists)
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

    def anchors(self, expression: str) -> frozenset[str] | None:
        """prefilter.anchors of a rule's expression."""
        if expression in self._anchors:
            known = self._anchors[expression]
            return None if known is None else frozenset(known)
        found = anchors(expression)
        self._anchors[expression] = None if found is None else sorted(found)
        self.changed = True
        return found

    def body(self) -> bytes:
        """The products as the cache file's body."""
        products = {
            "key": self.key,
            "patterns": self._patterns,
            "regexes": self._regexes,
            "anchors": self._anchors,
        }
        return json.dumps(products, sort_keys=True, ensure_ascii=False).encode()


def _code_files() -> list[Path]:
    return sorted(Path(__file__).resolve().parent.glob("*.py"))


def fingerprint(folder: Path) -> str:
    """A hash of all the products depend on: the rule files under `folder`, the code of
    bot/safety/, the word-list files (words that keep their letter runs) and Python itself."""
    digest = hashlib.sha256(_FORMAT)
    digest.update(sys.version.encode())
    parts: list[tuple[str, Path]] = [("code", path) for path in _code_files()]
    parts += [("rules", path) for path in sorted(folder.glob("*.yaml"))]
    for kind, path in parts:
        digest.update(f"\0{kind}\0{path.name}\0".encode())
        digest.update(path.read_bytes())
    for path in data_files():
        stat = path.stat()  # 15 MB of word lists: their size and time stand for their content
        digest.update(f"\0words\0{path}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def _cache_dir(environ: Mapping[str, str]) -> Path:
    # XDG: an unset, empty or relative XDG_CACHE_HOME means ~/.cache.
    base = environ.get("XDG_CACHE_HOME", "")
    root = Path(base) if Path(base).is_absolute() else Path(environ.get("HOME", "~")) / ".cache"
    return root.expanduser() / "omarmt"


def cache_file(key: str, environ: Mapping[str, str] = os.environ) -> Path:
    """Where the translations for `key` are kept."""
    return _cache_dir(environ) / f"{_PREFIX}{key[:32]}.json"


def _valid(products: Any, key: str) -> bool:
    if not isinstance(products, dict) or products.get("key") != key:
        return False
    for name in ("patterns", "regexes"):
        table = products.get(name)
        if not isinstance(table, dict):
            return False
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
            return False
    found = products.get("anchors")
    return isinstance(found, dict) and all(
        isinstance(k, str)
        and (v is None or (isinstance(v, list) and all(isinstance(item, str) for item in v)))
        for k, v in found.items()
    )


def _read(path: Path, key: str) -> Translations | None:
    try:
        with path.open("rb") as handle:
            data = handle.read(_MAX_BYTES + 1)
    except OSError:
        return None
    digest, _, body = data.partition(b"\n")
    if len(data) > _MAX_BYTES or digest != hashlib.sha256(body).hexdigest().encode():
        return None
    try:
        products = json.loads(body)
    except ValueError:
        return None
    if not _valid(products, key):
        return None
    return Translations(key, products["patterns"], products["regexes"], products["anchors"])


def recall(
    folder: Path,
    environ: Mapping[str, str] = os.environ,
    key_of: Callable[[Path], str] = fingerprint,
) -> Translations:
    """The translations kept for the rules under `folder`, or none (an empty memo)."""
    key = key_of(folder)
    found = _read(cache_file(key, environ), key)
    if found is None:
        logger.debug("no usable rule cache; translating the rules")
        return Translations(key)
    return found


def keep(translations: Translations, environ: Mapping[str, str] = os.environ) -> None:
    """Write the translations if anything was added; any failure only costs the next start."""
    if not translations.changed:
        return
    path = cache_file(translations.key, environ)
    body = translations.body()
    written: Path | None = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        written = Path(name)
        with os.fdopen(handle, "wb") as out:
            out.write(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
        written.replace(path)  # readers see the old file or the whole new one, never half
    except OSError as error:
        logger.debug("rule cache not written: %s", error.strerror)
        if written is not None:
            written.unlink(missing_ok=True)
        return
    translations.changed = False
    _prune(path.parent)


def _prune(folder: Path) -> None:
    try:
        files = sorted(
            folder.glob(f"{_PREFIX}*.json"), key=lambda item: item.stat().st_mtime, reverse=True
        )
        for old in files[_KEEP_FILES:]:
            old.unlink()
    except OSError:
        pass  # another process pruned first, or the folder is not ours to tidy
