"""The model's letter groups as whole numbers, read for many words at once.

A letter group is three to five letters of a word padded with a space at either end (" wil "
gives " wi", "wil", "il ", " wil", "wil ", " wil "), marked where a negation went before it in
its clause (bot/safety/model.py, `_marked`). The model names one "c:wil" or "cn:wil". Built as
strings word by word, they cost a new word about 15 µs: a 4 kB paste of new words spent a third
of its time there. A folded word has only the letters a to z, so a group is a number in base 28
(a space 1, "a" 2 to "z" 27; 0 is no letter, so groups of different sizes never meet) plus
28**5 where it is marked; numpy finds every group of every word in one pass, and the model's
groups, kept sorted, give their rows with one `searchsorted`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

__all__ = ["SIZES", "LetterIndex"]

#: The sizes of a letter group, as the model's features have them (`model._GRAMS`).
SIZES = (3, 4, 5)
_BASE = 28
_MARKED = _BASE ** max(SIZES)
#: Each byte's digit: a space 1, "a" to "z" 2 to 27, anything else 0 (a folded word has none).
_DIGIT = np.zeros(256, dtype=np.int64)
_DIGIT[ord(" ")] = 1
_DIGIT[ord("a") : ord("z") + 1] = np.arange(2, 28)


@dataclass(frozen=True, slots=True)
class LetterIndex:
    """The model's letter groups as sorted numbers, each with its row."""

    keys: NDArray[np.int64]
    rows: NDArray[np.intp]

    @classmethod
    def of(cls, names: Sequence[str], first: int) -> LetterIndex:
        """The index of a model's letter groups: `names`, each "c:" or "cn:" and the group,
        whose rows run on from `first`."""
        if not names:
            return cls(np.zeros(0, np.int64), np.zeros(0, np.intp))
        # Each name's letters as numbers, one row per name, 0 after its end.
        width = max(map(len, names))
        points = np.array(names, dtype=f"U{width}").view(np.uint32).reshape(len(names), width)
        marked = points[:, 1] == ord("n")
        start = 2 + marked.astype(np.intp)
        keys = marked.astype(np.int64) * _MARKED
        every = np.arange(len(names))
        for place in range(max(SIZES)):
            letter = points[every, np.minimum(start + place, width - 1)]
            inside = start + place < width
            keys += np.where(inside, _DIGIT[np.minimum(letter, 255)], 0) * _BASE**place
        order = np.argsort(keys, kind="stable")
        return cls(keys[order], (first + every)[order])

    def read(self, words: Iterable[str]) -> tuple[int, list[int]]:
        """How many distinct letter groups these (marked) words have, and the rows of those
        the model knows: a group two words share counts once, as in training.

        The words are joined, each padded with its own spaces; a group is kept where its
        first and last letter lie in the same word.
        """
        bare: list[str] = []
        marks: list[bool] = []
        for word in words:
            mark, _, letters = word.rpartition(":")
            bare.append(letters)
            marks.append(bool(mark))
        if not bare:
            return 0, []
        joined = "".join(f" {letters} " for letters in bare).encode("ascii", "replace")
        digits = _DIGIT[np.frombuffer(joined, dtype=np.uint8)]
        lengths = np.fromiter((len(letters) + 2 for letters in bare), np.intp, len(bare))
        owner = np.repeat(np.arange(len(bare)), lengths)
        marked = np.repeat(np.array(marks, dtype=np.int64) * _MARKED, lengths)
        found = []
        value = digits
        for size in range(2, max(SIZES) + 1):
            count = len(digits) - size + 1
            if count <= 0:
                break
            value = value[:count] + digits[size - 1 :] * _BASE ** (size - 1)
            if size in SIZES:
                whole = owner[:count] == owner[size - 1 :]
                found.append(value[whole] + marked[:count][whole])
        groups = np.unique(np.concatenate(found)) if found else np.zeros(0, np.int64)
        where = np.searchsorted(self.keys, groups)
        where[where == len(self.keys)] = 0
        known = self.keys[where] == groups if len(self.keys) else np.zeros(len(groups), bool)
        return len(groups), self.rows[where[known]].tolist()
