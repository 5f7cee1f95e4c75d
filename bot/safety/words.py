"""Which tokens are real Dutch or English words: wordfreq's lists, read once on first use.

The normaliser asks two things of a token. Is it a real word? Then it is never spell-corrected
towards a crisis word ("studeren" is as close to "sterven" as any typo). Does folding its letter
runs turn a real word into a crisis key word ("rapped" → "raped", "veerkracht" → "verkracht")?
Then it keeps its letter runs.

A word is real when wordfreq's "large" list gives it a Zipf frequency of at least ZIPF_MIN in
Dutch or in English. The lists ship inside the wordfreq wheel; they are streamed straight from
its data files with msgpack, which spares the 16 MB that importing wordfreq itself costs.
Reading takes about half a second and happens on the first call that needs it, once, so that
importing `bot.safety` stays cheap; `load()` lets a server pay for it at start-up instead.
"""

from __future__ import annotations

import gzip
import importlib.util
import io
import re
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import cast

from bot.safety import cachefile
from bot.safety.lexicon import CONFUSABLES, KEY_PREFIXES, KEY_WORDS, fold

__all__ = [
    "CLASH_MIN", "COMMON_ZIPF", "LANGUAGES", "LONG", "MIN_STORED", "SHORT_ZIPF_MIN", "ZIPF_MIN",
    "Vocabulary", "data_files", "is_common", "is_word", "load", "unfolds", "zipf_words",
]  # fmt: skip

LANGUAGES = ("nl", "en")
# Zipf 1.5 is about 3 uses per 100 million words. Below it wordfreq's tail is mostly frequent
# misspellings ("sucide" 1.41, "myslef" 1.31), names and noise; at and above it rare real words
# ("aangeland" 2.03, "aangerend" 2.03, "abased" 1.54) still count. None of the misspellings the
# detector must reach ("zelfmort", "suiside", "verkragt", "zelfmoordgedachtes") is listed at all.
ZIPF_MIN = 1.5
# A listed word keeps its letter runs (a clash) only from Zipf 2.2 up ("rapped" 2.70, "mess"
# 4.57). Under it the words that fold onto a key word are chat spelling more than words: "hitt"
# (2.16), "cutt" (1.96), "giff" (1.90); "i cutt myself agian" must read as "i cut myself".
CLASH_MIN = 2.2
# Only tokens of this many folded letters are ever corrected, so shorter words need no storing.
# Four since session 42: a swap in a short word ("voglt", "rpaed", "ehct") is as common a slip
# as in a long one; under six letters until then.
MIN_STORED = 4
# A word of under LONG folded letters counts from this Zipf frequency on, the floor of
# wordfreq's lists: their short tail holds the chat spellings that the rules read as typed and
# that no swap may turn into a word ("oding" 1.31 would read "doing", "rped" 1.06 "pred").
SHORT_ZIPF_MIN = 1.0
# Folded letters from which a word counts from ZIPF_MIN, and the lists' rare words are words
# rather than noise; the word lists held no shorter word until session 42.
LONG = 6
# From this Zipf frequency on a word is common (about 1 use in a million words): where two
# neighbouring letters swapped back give two words, a common one is the one meant ("rpaed" gives
# "raped" and the rare "praed", "makne" gives "maken" and "manke").
COMMON_ZIPF = 3.0

_WORDLIST = "large"
_FORMAT = {"format": "cB", "version": 1}
_KEYS = frozenset(KEY_WORDS)
_FOLDED_KEYS = frozenset(fold(key) for key in KEY_WORDS)
_FOLDED_PREFIXES = tuple(fold(prefix) for prefix in KEY_PREFIXES)
_JOINERS = re.compile(r"[-_*.'`\u2019\u00b4]")
_PLAIN = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The folded real words the fuzzy step may not touch, and the words folding may not merge.

    `hashes` holds, sorted, the hash of the letter-run-folded form of every listed word of
    MIN_STORED letters or more: about 290,000 words in 2.3 MB, where a set of the strings would
    take about 20 MB; `common` those of COMMON_ZIPF and up, about 46,000. Two different words
    share a 64-bit hash with odds of about 1 in 10^14 per look-up; str hashes differ between
    processes, so the array is built in the one that uses it.
    `clashes` holds the real words that folding would turn into the folded form of a crisis key
    word (or of the start of a key prefix) although they are not one themselves ("rapped",
    "mess", "veerkracht", "veerkrachtige").
    """

    hashes: array[int]
    clashes: frozenset[str]
    #: The same, of the words of COMMON_ZIPF and up only.
    common: array[int]

    def __contains__(self, folded_token: object) -> bool:
        return _holds(self.hashes, folded_token)

    def is_common(self, folded_token: str) -> bool:
        """Whether the folded token is a word of COMMON_ZIPF or more in either language."""
        return _holds(self.common, folded_token)


def _holds(hashes: array[int], token: object) -> bool:
    wanted = hash(token)
    at = bisect_left(hashes, wanted)
    return at < len(hashes) and hashes[at] == wanted


def _data_file(language: str) -> Path:
    # find_spec locates the installed package without running its __init__ (and its imports).
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        msg = "the crisis detector needs the wordfreq package for its word lists"
        raise ModuleNotFoundError(msg)
    package = Path(next(iter(spec.submodule_search_locations)))
    return package / "data" / f"{_WORDLIST}_{language}.msgpack.gz"


def data_files() -> list[Path]:
    """The wordfreq files the vocabulary is read from, one per language."""
    return [_data_file(language) for language in LANGUAGES]


def zipf_words(language: str, zipf_min: float = ZIPF_MIN) -> Iterator[tuple[float, str]]:
    """Each word of a wordfreq list with its Zipf frequency, most frequent first."""
    for zipf, bucket in _buckets(language, zipf_min):
        for word in bucket:
            yield zipf, word


def _buckets(language: str, zipf_min: float) -> Iterator[tuple[float, list[str]]]:
    # wordfreq's "cBpack" format: a gzipped msgpack list of a header and then one list of words
    # per centibel of frequency, list i holding the words at -i cB, that is Zipf (900 - i) / 100.
    # Streamed one list at a time, so the rare tail is never read into memory.
    import msgpack  # noqa: PLC0415  (only the first look-up pays for it)

    last = round((9 - zipf_min) * 100)
    with gzip.open(_data_file(language), "rb") as handle:
        unpacker = msgpack.Unpacker(handle, raw=False)
        size = cast("int", unpacker.read_array_header())
        if unpacker.unpack() != _FORMAT:
            msg = f"unknown wordfreq data format in {_data_file(language)}"
            raise ValueError(msg)
        for index in range(min(size - 1, last + 1)):
            yield (900 - index) / 100, cast("list[str]", unpacker.unpack())


def _plain(word: str) -> str | None:
    # The character folding the normaliser applies, without its word-level steps.
    if _PLAIN.fullmatch(word):
        return word  # the common case: wordfreq's words are already case-folded
    decomposed = unicodedata.normalize("NFKD", word.casefold()).translate(CONFUSABLES)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    plain = _JOINERS.sub("", stripped)
    return plain if _PLAIN.fullmatch(plain) else None


def _folds_onto_key(word: str, short: str) -> bool:
    # Whether folding alone makes `word` read as a key word (or as the start of a key prefix).
    if short == word or word in _KEYS:
        return False
    if short in _FOLDED_KEYS:
        return True
    return short.startswith(_FOLDED_PREFIXES) and not word.startswith(KEY_PREFIXES)


def _fold_lists() -> tuple[list[str], list[str], list[str]]:
    # The folded forms to store, the common ones among them, and the clashes, straight from
    # wordfreq's lists.
    stored: set[str] = set()
    common: set[str] = set()
    clashes: set[str] = set()
    for language in LANGUAGES:
        for zipf, bucket in _buckets(language, SHORT_ZIPF_MIN):
            for listed in bucket:
                word = listed if _PLAIN.fullmatch(listed) else _plain(listed)
                if word is None:
                    continue
                short = fold(word)
                if len(short) >= MIN_STORED and (zipf >= ZIPF_MIN or len(short) < LONG):
                    stored.add(short)
                    if zipf >= COMMON_ZIPF:
                        common.add(short)
                if zipf >= CLASH_MIN and short != word and _folds_onto_key(word, short):
                    clashes.add(word)
    return sorted(stored), sorted(common), sorted(clashes)


def _kept(payload: bytes) -> tuple[Iterator[str], list[str], list[str]] | None:
    # The cache file's payload: the clashes on the first line, the common forms on the second,
    # then one stored form a line. Read line by line: a list of 290,000 strings would double
    # the memory start-up peaks at.
    try:
        text = payload.decode("ascii")
    except UnicodeDecodeError:
        return None
    clashes, _, rest = text.partition("\n")
    common, _, stored = rest.partition("\n")
    return (line.rstrip("\n") for line in io.StringIO(stored)), common.split(), clashes.split()


@cache
def load() -> Vocabulary:
    """Read both word lists once; later calls return the same vocabulary.

    Folding the 2 x 500,000 listed words takes about 0.4 s; the folded forms are kept in a
    cache file (bot/safety/cachefile.py), from which hashing them again takes about 0.1 s.
    """
    key = cachefile.fingerprint("words", stamps=data_files())
    path = cachefile.cache_path("words", key)
    payload = cachefile.read(path, key)
    found = _kept(payload) if payload is not None else None
    if found is None:
        stored, common, clashes = _fold_lists()
        lines = [" ".join(clashes), " ".join(common), *stored]
        cachefile.write(path, key, "\n".join(lines).encode("ascii"))
        found = iter(stored), common, clashes
    # The stored forms are unique, so no set is needed (a clash of two hashes only repeats one).
    return Vocabulary(
        array("q", sorted(hash(short) for short in found[0])),
        frozenset(found[2]),
        array("q", sorted(map(hash, found[1]))),
    )


def is_word(folded_token: str) -> bool:
    """Whether a letter-run-folded token is the folded form of a real Dutch or English word.

    Folded forms are compared, so an elongated word ("stuuuderen") counts as the word. Tokens
    shorter than MIN_STORED are not stored and always answer False.
    """
    return folded_token in load()


def is_common(folded_token: str) -> bool:
    """Whether a letter-run-folded token is a common word (COMMON_ZIPF) in Dutch or English."""
    return load().is_common(folded_token)


def unfolds(token: str) -> bool:
    """Whether a real word must keep its letter runs, since folded it would read as a key word.

    "rapped" folds to "raped" and "veerkracht" to "verkracht"; the crisis rules are compiled
    with the same folding, so only the unfolded spelling keeps them apart.
    """
    if not _folds_onto_key(token, fold(token)):
        return False  # the common case, answered without reading the word lists
    return token in load().clashes
