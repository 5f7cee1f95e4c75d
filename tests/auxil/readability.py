"""Flesch-Douma reading ease for Dutch, and the translated texts of a gettext catalog.

Douma's adaptation of Flesch's reading ease to Dutch::

    RE = 206.84 - 0.77 * syllables per 100 words - 0.93 * average words per sentence

Higher is easier. See docs/readability.md for the thresholds the tests apply and why.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyphen  # type: ignore[import-untyped]  # pyphen ships no type information
from babel.messages.pofile import read_po

__all__ = [
    "CatalogText",
    "Counts",
    "Sentence",
    "clean",
    "flesch_douma",
    "measure",
    "sentences",
    "syllables",
    "translated_texts",
    "words",
]

BASE = 206.84
PER_SYLLABLE = 0.77  # per syllable per 100 words
PER_WORD = 0.93  # per word of average sentence length

# What a reader does not read as Dutch words. Each is replaced by a space, so words either side
# stay apart; a URL keeps the punctuation that ends its sentence ("... op 113.nl.").
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_URL = re.compile(
    r"(?:https?://|www\.)\S+"  # a full address
    r"|\S+@\S+"  # an e-mail address
    r"|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b(?:/\S*)?"  # a bare domain: 113.nl, join-us.nu
)
_COMMAND = re.compile(r"(?<!\S)/\w+(?:@\w+)?")
# Phone numbers, times and other numbers; the separators matter because "14.00" or "0800.0113"
# would otherwise end a sentence. Words are letters only, so digits never count as words anyway.
_NUMBER = re.compile(r"\+?\d+(?:[ .:/-]\d+)*")
_TRAILING_PUNCTUATION = re.compile(r"[.!?,;:)]+$")

_SENTENCE_END = re.compile(r"[.!?…]+|\n")
# A word is a run of letters; letters joined by an apostrophe or hyphen ("zo'n", "e-mail") are
# one word, as a Dutch reader reads them.
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
_LETTERS = re.compile(r"[^\W\d_]+")
_APOSTROPHE = re.compile(r"['\u2019]")


@dataclass(frozen=True, slots=True)
class Counts:
    """Words, sentences and syllables of a text; they add up over texts."""

    words: int = 0
    sentences: int = 0
    syllables: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.words + other.words,
            self.sentences + other.sentences,
            self.syllables + other.syllables,
        )

    @property
    def words_per_sentence(self) -> float:
        """Average sentence length in words."""
        return self.words / self.sentences

    @property
    def syllables_per_100_words(self) -> float:
        """Word length, as Douma measures it."""
        return 100 * self.syllables / self.words

    @property
    def score(self) -> float:
        """The Flesch-Douma reading ease; ValueError for a text without words."""
        if self.words == 0:
            raise ValueError("a text without words has no reading ease")
        return flesch_douma(self.words, self.sentences, self.syllables)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence as the formula sees it (cleaned), with its own counts."""

    text: str
    counts: Counts


@dataclass(frozen=True, slots=True)
class CatalogText:
    """One translated string; `msgid` tells a failing test's reader which message it is."""

    msgid: str
    text: str


def flesch_douma(words: int, sentences: int, syllables: int) -> float:
    """The formula itself, from raw counts."""
    return BASE - PER_SYLLABLE * (100 * syllables / words) - PER_WORD * (words / sentences)


@cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL")


def syllables(word: str) -> int:
    """Syllables of one word: hyphenation points in pyphen's nl_NL dictionary, plus one.

    A hyphenated word counts per part, so the hyphen itself is not taken for a syllable break;
    an apostrophe (straight or typographic) joins: "zo'n" is one syllable, "auto's" two.
    """
    dictionary = _dictionary()
    joined = _APOSTROPHE.sub("", word)
    return sum(len(dictionary.positions(part)) + 1 for part in _LETTERS.findall(joined))


def clean(text: str) -> str:
    """The text without placeholders, URLs, commands and numbers."""
    text = _PLACEHOLDER.sub(" ", text)
    text = _URL.sub(_keep_sentence_end, text)
    text = _COMMAND.sub(" ", text)
    return _NUMBER.sub(" ", text)


def _keep_sentence_end(match: re.Match[str]) -> str:
    tail = _TRAILING_PUNCTUATION.search(match.group())
    return " " + (tail.group() if tail else "")


def words(text: str) -> list[str]:
    """The words of an already cleaned text."""
    return _WORD.findall(text)


def sentences(text: str) -> list[Sentence]:
    """The sentences of a text, split on . ! ? … and line breaks; pieces without words drop."""
    found = []
    for piece in _SENTENCE_END.split(clean(text)):
        piece_words = words(piece)
        if piece_words:
            counts = Counts(len(piece_words), 1, sum(syllables(w) for w in piece_words))
            found.append(Sentence(" ".join(piece.split()), counts))
    return found


def measure(text: str) -> Counts:
    """The counts of a whole text (zero counts when it has no words)."""
    return sum((s.counts for s in sentences(text)), Counts())


def translated_texts(po_file: Path) -> Iterator[CatalogText]:
    """Every non-empty, non-fuzzy translation in a .po file (each plural form separately)."""
    with po_file.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if not message.id or message.fuzzy:  # the header, or a guess nobody checked
            continue
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        forms = (message.string,) if isinstance(message.string, str) else message.string or ()
        for form in forms:
            if form:
                yield CatalogText(msgid, form)
