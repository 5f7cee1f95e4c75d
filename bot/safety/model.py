"""A second reader for wording the rules never saw: a small network over words and letter groups.

The rules (content/safety/) are what a crisis line reviews; they catch plain statements well and
fail on new wording, most of all on indirect signs ("iedereen is beter af zonder mij"). This model
reads what the rules let pass. Its input is the folded text's words, word pairs and letter
groups; each known one adds its row of 16 numbers to the hidden units, which are cut at 0 and
read out into one score per category (a softmax). Whose danger it is stays a linear score. It is
trained by `scripts/train_safety_model.py` on the tuning sets and the rules' own examples only
(never on the measuring sets), and stored as plain numbers in `content/safety/model.json.gz`.
It speaks only above a high bar, so an everyday message stays ordinary (docs/safety.md, "The
model" and "A small network")."""

from __future__ import annotations

import base64
import gzip
import json
import math
import re
import sys
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, cast

import numpy as np
from numpy.typing import NDArray

from bot.paths import data_root
from bot.safety.grams import LetterIndex
from bot.safety.lexicon import fold
from bot.safety.normalize import Normalised
from bot.safety.patterns import Category

__all__ = [
    "FORMAT", "MODEL_FILE", "Model", "ModelError", "Verdict", "encode", "features", "load_model",
    "read_model",
]  # fmt: skip

MODEL_FILE = Path("content") / "safety" / "model.json.gz"
_TOKEN = re.compile(r"[a-z]+|\.")
_GRAMS = (3, 4, 5)
#: Word pairs, by how far apart they stand in one clause: next to each other, or with one or
#: two words between them. Those farther apart carry a sign said with a word put in between
#: ("ik wil echt dood", "i just want to die"): with them, the model caught about 1 point more
#: of the measuring signs at as many false alarms (docs/safety.md, "Model round AX").
_GAPS = (("b", 1), ("s", 2), ("t", 3))
# Fewer words than this are answers ("nee", "soms", "20 jaar") and key words the rules read.
_MIN_WORDS = 3
# Up to this many words, no single word may decide: see Model._without_worst_word.
_SHORT = 5
# How sure the model must be, reading the whole message, to give a check-in in up to _SHORT
# words, where a lower floor is asked (`detector.MODEL_CONCERN_AT`; with any one word left out
# that floor still holds): in so few words one stray word moves it far, and a check-in takes the
# place of an answer to the bot's question ("ngl a lot", how often one feels alone, read at 0.23
# by the model of round BU, not taken). On the tuning sets, every sign of up to five words that
# round BT's model alone gave a check-in it read at 0.4 or more (26); 3 of the 4 ordinary
# messages it gave one it read below ("i have hope again", "ik heb weer hoop", "ik moet weer
# sluiten vanavond"), and now get none (session 40).
_SHORT_CHECK_IN_AT = 0.4
# Nor may one decide a check-in (a verdict below the crisis bar) in up to this many words; in a
# longer message one word weighs little (each feature counts 1/sqrt(how many there are)).
_CHECK_IN_WORDS = 30
# Nor a crisis, in up to this many words (estimated in one pass, as for a check-in): the network
# of model round BF, trained with half of each message's features left out at random, leans
# on single words more, and raised "bovenbenen" and "naaktfoto's" in "gisteren hadden we het
# over ..." (the word sweep); on batches 1-25 it costs 5 signs for 1 false alarm fewer.
_ONE_WORD_CRISIS = 6
# A negation marks the words after it, up to the end of its clause: "ik heb nooit aan zelfmoord
# gedacht" reads "n:zelfmord" (and its letter groups "cn:zelf"...), features of their own, so a
# denial does not weigh as the sign.
_NEGATIONS = frozenset(fold(word) for word in (
    "niet", "nie", "geen", "nooit", "niks", "nimmer", "niemand", "not", "never", "no",
    "nothing", "nobody", "dont", "didnt", "wont", "cant", "isnt",
))  # fmt: skip
#: From how many words not in its memory a message's letter groups are read for all its words
#: at once (`Model._letter_groups_of`): about where both ways cost the same.
_NEW_WORDS_AT_ONCE = 12
#: How many words' letter groups a model remembers with their weights (`Model._letters`).
_WORDS_REMEMBERED = 32_768
_CLAUSE_ENDS = frozenset(fold(word) for word in (
    ".", "maar", "but", "want", "omdat", "because", "doordat", "though", "although", "however",
))  # fmt: skip


def _tokens(folded: Normalised) -> list[str]:
    """The words of a folded text, a "." where a sentence or clause ends."""
    text = folded.text
    for offset in reversed(folded.clauses):
        text = f"{text[:offset]} . {text[offset:]}"
    return _TOKEN.findall(text)


def _marked(folded: Normalised) -> list[str]:
    """The words of a folded text, each after a negation in its clause marked "n:", and "."
    where a clause ends."""
    marked: list[str] = []
    negated = False
    for token in _tokens(folded):
        if token in _CLAUSE_ENDS:
            negated = False
            marked.append(".")
            continue
        marked.append(f"n:{token}" if negated else token)
        negated = negated or token in _NEGATIONS
    return marked


def features(folded: Normalised) -> set[str]:
    """The features of a folded text (`normalise(text)`): words, word pairs, letter groups.

    Training calls this; reading (`Model._scores`) finds the same features, the letter groups
    word by word (`_words_and_pairs`, `Model._letters`), and a test holds the two to the same
    sums. A message's features each weigh 1/sqrt(how many it has), so a long message does not
    outvote a short one.
    """
    words, found = _words_and_pairs(_marked(folded))
    for word in words:
        found.update(_letter_groups(word))
    return found


def _words_and_pairs(marked: list[str]) -> tuple[set[str], set[str]]:
    """The distinct (marked) words of a text, and its features but the letter groups."""
    words = {word for word in marked if word != "."}
    found = {f"w:{word}" for word in words}
    for clause in _clauses(marked):  # the pairs of `_pairs`, built a list at a time: faster
        for kind, gap in _GAPS:
            later = clause[gap:]
            found.update([f"{kind}:{one}_{two}" for one, two in zip(clause, later, strict=False)])
    return words, found


def _owners(marked: list[str]) -> dict[str, str]:
    """Each feature of the marked words, with the (unmarked) word it comes from, or "" where
    more than one word gives it."""
    owners: dict[str, str] = {}

    def own(name: str, word: str) -> None:
        if owners.setdefault(name, word) != word:
            owners[name] = ""

    for word in marked:
        if word != ".":
            bare = word.rpartition(":")[2]
            own(f"w:{word}", bare)
            for name in _letter_groups(word):
                own(name, bare)
    for kind, first, second in _pairs(marked):
        one, other = first.rpartition(":")[2], second.rpartition(":")[2]
        name = f"{kind}:{first}_{second}"
        if owners.setdefault(name, one) != one or one != other:
            owners[name] = ""
    return owners


def _pairs(marked: list[str]) -> Iterator[tuple[str, str, str]]:
    """The word pairs of each clause (`_GAPS`): of "ik wil echt dood", "b:ik_wil" and the
    others next to each other, "s:ik_echt" and "s:wil_dood" one word apart, "t:ik_dood"."""
    for clause in _clauses(marked):
        for kind, gap in _GAPS:
            for first, second in zip(clause, clause[gap:], strict=False):
                yield kind, first, second


def _clauses(marked: list[str]) -> list[list[str]]:
    """The marked words clause by clause, without the "." between them."""
    if "." not in marked:
        return [marked]
    found, start = [], 0
    for index, word in enumerate(marked):
        if word == ".":
            found.append(marked[start:index])
            start = index + 1
    found.append(marked[start:])
    return found


@lru_cache(maxsize=32_768)
def _letter_groups(word: str) -> tuple[str, ...]:
    """The letter groups of one (marked) word, remembered: most words recur across messages."""
    mark, _, bare = word.rpartition(":")
    padded = f" {bare} "
    # Interned, as the model's own names are (`read_model`): a lookup then finds its key by
    # identity, without comparing the letters.
    return tuple(
        sys.intern(f"c{mark}:{padded[i : i + size]}")
        for size in _GRAMS
        for i in range(len(padded) - size + 1)
    )


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the model makes of a message: the likeliest crisis category, how sure it is that the
    message is a crisis at all, and whether it is about someone else."""

    category: Category
    crisis: float
    other: bool


@dataclass(frozen=True, slots=True)
class Model:
    """A small network over the features, and the bar to speak.

    Each known feature has a row: `embedding([row])` (how it moves each hidden unit) and
    `who[row]` (how much it says "about someone else"). A message's hidden units are the sum of
    its features' embeddings, each weighing 1/sqrt(how many features it has), plus
    `hidden_bias`, cut at 0 (ReLU); the class scores are `output` times them plus
    `output_bias`. Whose danger it is stays linear: `who_bias` plus the scaled sum of `who`.
    """

    classes: tuple[str, ...]
    rows: dict[str, int]
    #: The embeddings as the file holds them: whole steps from -127 to 127 per feature and
    #: hidden unit, and one scale per feature. Multiplied out only for the rows a message needs
    #: (`embedding`, `_summed`): held as floats they took four times the memory (41 MB).
    steps: NDArray[np.int8]
    row_scale: NDArray[np.float32]
    hidden_bias: NDArray[np.float32]
    output: NDArray[np.float32]
    output_bias: NDArray[np.float32]
    who: NDArray[np.float32]
    who_bias: float
    crisis_at: float
    data_hash: str
    #: The letter groups among `rows` as numbers (bot/safety/grams.py): for a message of many
    #: words not in the memory below, found for all its words at once.
    letters: LetterIndex
    #: Per word read: its letter groups (`_letter_groups`) with their rows, 0 where the model
    #: does not know one; see `_letters`.
    _by_word: dict[str, dict[str, int]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    #: The last message scored and its scores (`_scores`), as one pair: a rule asks whose
    #: danger it is, a hint asks how sure the model is, and then the model reads the message
    #: itself, each of the same folded text.
    _last: list[tuple[Normalised, tuple[list[float], float] | None] | None] = field(
        default_factory=lambda: [None], init=False, repr=False, compare=False
    )

    def read(
        self, folded: Normalised, floor: float | None = None, *, one_word: bool = False
    ) -> Verdict | None:
        """The verdict on a folded text, or None when the model stays silent.

        Silent below the crisis bar (`crisis_at`), or below `floor` where one is given (a
        lower bar for a gentle check-in, `detector.MODEL_CONCERN_AT`): the verdict's `crisis`
        then tells a crisis (at or above `crisis_at`) from a worry. `one_word`: no single
        word may decide a crisis either (where the rules read a key word as a topic:
        `detector._framed`).
        """
        bar = self.crisis_at if floor is None else min(floor, self.crisis_at)
        words = [word for word in _TOKEN.findall(folded.text) if word != "."]
        if len(words) < _MIN_WORDS:
            return None
        read = self._scores(folded)
        if read is None:
            return None
        scores, who = read
        crisis = _crisis(scores)
        if crisis < bar:
            return None
        if len(words) <= _SHORT:
            if crisis < min(_SHORT_CHECK_IN_AT, self.crisis_at):
                return None  # a check-in in so few words needs the model fairly sure
            # As sure as it stays with any one word left out: one word never decides.
            crisis = min(crisis, self._without_worst_word(folded, set(words), bar))
        elif len(words) <= _CHECK_IN_WORDS and (
            one_word or crisis < self.crisis_at or len(words) <= _ONE_WORD_CRISIS
        ):
            # Nor does it decide a check-in, a crisis in up to _ONE_WORD_CRISIS words, or a
            # crisis where `one_word` asks ("na de les over zelfmoord was iedereen stil": the
            # rules read "zelfmoord" as the lesson's topic; the word alone would ask how you
            # are). Estimated in one pass, not read again once per word: a tenth of the
            # messages of the tuning sets land here, and p99 is held to 1 ms.
            crisis = min(crisis, self._estimate_without_a_word(folded))
        if crisis < bar:
            return None
        best = max(range(1, len(scores)), key=scores.__getitem__)
        return Verdict(cast(Category, self.classes[best]), crisis, who > 0)

    def chance(self, folded: Normalised) -> float | None:
        """How sure the model is that the message is a crisis of any category, whether or not
        it would speak; None for a message too short or whose features it does not know."""
        if sum(word != "." for word in _TOKEN.findall(folded.text)) < _MIN_WORDS:
            return None
        read = self._scores(folded)
        return None if read is None else _crisis(read[0])

    def whose(self, folded: Normalised) -> float | None:
        """How strongly the message is about someone else (above 0) or the writer (below 0),
        whether or not the model would speak; None for a message it knows too little of."""
        if len(_TOKEN.findall(folded.text)) < _MIN_WORDS:
            return None
        read = self._scores(folded)
        if read is None:
            return None
        return read[1]

    def _scores(self, folded: Normalised) -> tuple[list[float], float] | None:
        """Each class's score, and how strongly it is about someone else; None where the model
        knows none of the message's features.

        The features of `features`, the letter groups word by word (`_letter_rows`): two-thirds
        of a message's features are letter groups, a lookup among the model's features costs
        about 0.4 µs where the memory is not at hand, and most words recur from message to
        message.
        """
        last = self._last[0]
        if last is not None and last[0] == folded:
            return last[1]
        read = self._score(folded)
        self._last[0] = (folded, read)  # one assignment: a reader sees a whole pair
        return read

    def _score(self, folded: Normalised) -> tuple[list[float], float] | None:
        words, found = _words_and_pairs(_marked(folded))
        groups, letters = self._letter_groups_of(words)
        # Row 0 is no feature, so C filters the unknown ones out (no comprehension in Python).
        known = [*filter(None, map(self.rows.get, found)), *letters]
        if not known:
            return None
        scale = 1 / math.sqrt(len(found) + groups)
        index = np.array(known, dtype=np.intp)
        return self._classes(self._summed(index), scale), float(
            self.who_bias + scale * float(self.who.take(index).sum())
        )

    def embedding(self, index: NDArray[np.intp] | list[int]) -> NDArray[np.float32]:
        """The embeddings of these rows, one per row: its whole steps times its scale (row 0,
        no feature, is all 0)."""
        # `take` rather than indexing: the same rows, a quarter less time.
        scales = self.row_scale.take(index)[:, None]
        return cast(NDArray[np.float32], self.steps.take(index, axis=0) * scales)

    def _summed(self, index: NDArray[np.intp]) -> NDArray[np.float32]:
        """The sum of the embeddings of these rows, as one product of the scales with the
        steps (made floats first: NumPy multiplies mixed types without BLAS, at twice the
        time): 6 µs for a message's 164 rows, where taking and summing float rows took 8."""
        steps = self.steps.take(index, axis=0).astype(np.float32)
        return cast(NDArray[np.float32], self.row_scale.take(index) @ steps)

    def _classes(self, summed: NDArray[np.float32], scale: float) -> list[float]:
        """The class scores for a sum of embeddings, each feature weighing `scale`."""
        hidden = np.maximum(summed * scale + self.hidden_bias, 0)
        return cast(list[float], (self.output @ hidden + self.output_bias).tolist())

    def _letter_groups_of(self, words: set[str]) -> tuple[int, list[int]]:
        """How many distinct letter groups these (marked) words have, and the rows of those
        the model knows.

        Word by word from the memory of words where it holds nearly all of them; else all at
        once (`LetterIndex.read`), which costs about as much as 10 new words word by word and
        a tenth of it for a 4 kB paste of new ones.
        """
        if len(words.difference(self._by_word)) >= _NEW_WORDS_AT_ONCE:
            return self.letters.read(words)
        letters = self._letter_rows(words)
        return len(letters), [*filter(None, letters.values())]

    def _letter_rows(self, words: Iterable[str]) -> dict[str, int]:
        """The letter groups of these (marked) words with their rows (0: unknown), merged as
        a set, as `features` does: a group two words share counts once."""
        letters: dict[str, int] = {}
        remembered = self._by_word
        for word in words:
            # One dict merged in C per word: zipping each word's names with its rows again
            # was a third of a remembered message's letter groups (session 38).
            letters.update(remembered.get(word) or self._letters(word))
        return letters

    def _letters(self, word: str) -> dict[str, int]:
        """The letter groups of one (marked) word with their rows, remembered for
        `_WORDS_REMEMBERED` words."""
        found = self._by_word.get(word)
        if found is None:
            if len(self._by_word) >= _WORDS_REMEMBERED:
                self._by_word.clear()
            get = self.rows.get
            found = self._by_word[word] = {name: get(name, 0) for name in _letter_groups(word)}
        return found

    def forget_words(self) -> None:
        """Empty the memory of `_letters` and of the last message scored (for
        `bench/safety.py`, which times a cold start)."""
        self._by_word.clear()
        self._last[0] = None

    def _estimate_without_a_word(self, folded: Normalised) -> float:
        """About how sure the model stays with any one word of the message left out.

        Estimated in one pass, for a check-in: each word's own features (those no other word
        of the message also gives) taken out of the sum and the scale, every word at once; a
        pair that leaving the word out would newly form is not counted, nor a negation's reach.
        """
        marked = _marked(folded)
        owners = _owners(marked)
        # Each known feature's row, once: the letter groups from the words' memory, the rest
        # from the model.
        letters = self._letter_rows({word for word in marked if word != "."})
        get = self.rows.get
        known = {
            name: row
            for name in owners
            if (row := letters.get(name, 0) if name[0] == "c" else get(name, 0))
        }
        if not known:
            return 0.0
        total = self._summed(np.array(list(known.values()), dtype=np.intp))
        own: dict[str, list[int]] = {}
        for name, row in known.items():
            word = owners[name]
            if word:
                own.setdefault(word, []).append(row)
        if not own:
            return 1.0
        count: dict[str, int] = {}
        for word in owners.values():
            if word:
                count[word] = count.get(word, 0) + 1
        left = np.array([len(owners) - count[word] for word in own], dtype=np.float32)
        if (left <= 0).any():
            return 0.0
        # Every word at once: the sums of each word's own rows, the hidden units and the
        # scores without it, one row per word.
        rows = [row for word in own for row in own[word]]
        starts = np.cumsum([0, *(len(own[word]) for word in own)])[:-1]
        gone = np.add.reduceat(self.embedding(np.array(rows, dtype=np.intp)), starts, axis=0)
        hidden = np.maximum((total - gone) / np.sqrt(left)[:, None] + self.hidden_bias, 0)
        scores = hidden @ self.output.T + self.output_bias
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        return min(1.0, float((1 - scores[:, 0] / scores.sum(axis=1)).min()))

    def _without_worst_word(self, folded: Normalised, words: set[str], bar: float) -> float:
        """How sure the model stays of a short message with any one of its words left out;
        the first reading below `bar` as soon as one is found.

        One word deciding is the rules' work: "i think blades is fine" is not a crisis because
        "blades" weighs heavily, and the word sweep (tests/test_safety_sweep.py) holds the
        rules to every single word. The model is for wording spread over a message.
        """
        tokens = _tokens(folded)  # clause ends as "." tokens, so they stay where they were
        least = 1.0
        for word in words:
            kept = " ".join(token for token in tokens if token != word)
            read = self._scores(Normalised(kept, folded.laughing, ()))
            if read is None:
                return 0.0
            least = min(least, _crisis(read[0]))
            if least < bar:
                break
        return least


def _crisis(scores: list[float]) -> float:
    """The chance that a message is a crisis of any category (class 0 is none)."""
    top = max(scores)
    exps = [math.exp(score - top) for score in scores]
    return 1 - exps[0] / sum(exps)


#: The file's format: 2 is the network (model round BD); 1 was a linear model in packed
#: thousandths, which this reader refuses as it does a damaged file.
FORMAT = 2


def _array(encoded: object, dtype: type[np.generic], shape: tuple[int, ...]) -> NDArray[Any]:
    """An array the file holds as base64 of its bytes; ValueError where the size is wrong."""
    data = base64.b64decode(str(encoded), validate=True)
    array = np.frombuffer(data, dtype=dtype)
    if array.size != math.prod(shape):
        msg = f"{array.size} numbers where {math.prod(shape)} belong"
        raise ValueError(msg)
    return array.reshape(shape)


def _floats(values: object, shape: tuple[int, ...]) -> NDArray[np.float32]:
    """Numbers the file holds as a (nested) list; ValueError where the shape is wrong."""
    array = np.array(values, dtype=np.float32)
    if array.shape != shape:
        msg = f"shape {array.shape} where {shape} belongs"
        raise ValueError(msg)
    return array


def encode(array: NDArray[Any]) -> str:
    """An array as the file holds it (for the training script): base64 of its bytes."""
    return base64.b64encode(np.ascontiguousarray(array).tobytes()).decode("ascii")


class ModelError(Exception):
    """The shipped model file is there but cannot be read."""


@cache
def load_model() -> Model | None:
    """The stored model, or None where none is shipped (the rules then stand alone).

    Raises ModelError when the file is damaged: `warm_up` meets it at start, before anyone
    writes, and the detector then reads with the rules alone rather than fail a message.
    """
    path = data_root() / MODEL_FILE
    if not path.is_file():
        return None
    return read_model(path)


def read_model(path: Path) -> Model:
    """The model stored at `path` (the shipped one, or another trained for comparison:
    bench/model_curve.py); raises ModelError when the file cannot be read.

    The embeddings are kept as whole numbers from -127 to 127 with one scale per feature: a
    quarter of the size of the floats, and the same verdicts to the last message of the
    measuring sets (docs/safety.md, "A small network").
    """
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            raw = json.load(handle)
        if raw.get("format") != FORMAT:
            msg = f"format {raw.get('format')}, not {FORMAT}"
            raise ValueError(msg)
        names = [sys.intern(str(name)) for name in raw["names"]]
        if names != sorted(names):
            # The training script sorts them; the letter groups ("c:", "cn:") are then one run.
            msg = "feature names out of order"
            raise ValueError(msg)
        first, end = bisect_left(names, "c"), bisect_left(names, "d")
        hidden = int(raw["hidden"])
        classes = tuple(str(name) for name in raw["classes"])
        # Row 0 is no feature (`Model._scores`): the features are rows 1 on.
        steps = np.zeros((len(names) + 1, hidden), dtype=np.int8)
        steps[1:] = _array(raw["embedding"], np.int8, (len(names), hidden))
        scales = np.zeros(len(names) + 1, dtype=np.float32)
        scales[1:] = _array(raw["row_scale"], np.float32, (len(names),))
        who = np.zeros(len(names) + 1, dtype=np.float32)
        who[1:] = _array(raw["who"], np.float32, (len(names),))
        return Model(
            classes=classes,
            rows={name: row for row, name in enumerate(names, start=1)},
            steps=steps,
            row_scale=scales,
            hidden_bias=_floats(raw["hidden_bias"], (hidden,)),
            output=_floats(raw["output"], (len(classes), hidden)),
            output_bias=_floats(raw["output_bias"], (len(classes),)),
            who=who,
            who_bias=float(raw["who_bias"]),
            crisis_at=float(raw["crisis_at"]),
            data_hash=str(raw["data_hash"]),
            letters=LetterIndex.of(names[first:end], first + 1),
        )
    except (OSError, EOFError, ValueError, KeyError, TypeError, AttributeError) as exc:
        msg = f"{path.name} does not load ({type(exc).__name__}): train it again"
        raise ModelError(msg) from exc
