"""The word sweep: frequent Dutch and English words, alone and in calm carrier sentences.

Every word of wordfreq's most frequent ones is checked with `bot.safety.detect` on its own and
inside two neutral sentences of its language. Words whose normalised form is the same read the
same in every carrier (the normaliser works token by token), so only one of them is checked and
a hit is reported for all. The checks run in one process per core.

Run as a script to write the list of words that fire:
    python -m tests.auxil.sweep [N] > sweep_hits.txt
"""

from __future__ import annotations

import os
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context

from wordfreq import top_n_list

from bot.safety import detect, normalise

__all__ = ["CARRIERS", "SWEEP_WORDS", "Hit", "Sweep", "run"]

#: How many of the most frequent words of each language are swept.
SWEEP_WORDS = 50_000
#: The word alone, then two calm sentences per language that say nothing about anyone's safety.
CARRIERS = {
    "nl": ("{w}", "ik vind {w} wel leuk", "gisteren hadden we het over {w}"),
    "en": ("{w}", "i think {w} is fine", "we talked about {w} yesterday"),
}
_CHUNK = 2_000
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz ")


@dataclass(frozen=True, slots=True)
class Hit:
    """One text of the sweep that raised a sign, and the words that read the same."""

    lang: str
    word: str
    text: str
    normalised: str
    category: str
    evidence: str
    same_as: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Sweep:
    """What a sweep found and what it cost."""

    hits: tuple[Hit, ...]
    words: int
    checked_words: int
    texts: int
    seconds: float
    cpu_seconds: float

    def words_that_fire(self) -> set[str]:
        """Every swept word one of whose texts raised a sign."""
        return {word for hit in self.hits for word in (hit.word, *hit.same_as)}


def _groups(lang: str, count: int) -> dict[str, list[str]]:
    # Words that normalise alike, keyed by the first of them; a word whose normalised form is
    # more than letters (a dot, a comma, nothing) is checked on its own.
    groups: dict[str, list[str]] = {}
    first: dict[object, str] = {}
    for word in top_n_list(lang, count):
        folded = normalise(word)
        if folded.text and set(folded.text) <= _LETTERS:
            head = first.setdefault(folded, word)
            if head != word:
                groups[head].append(word)
                continue
        groups[word] = [word]
    return groups


def _check(texts: Sequence[str]) -> tuple[list[tuple[str, str] | None], float]:
    start = time.process_time()
    signs: list[tuple[str, str] | None] = []
    for text in texts:
        found = detect(text)
        signs.append(None if found is None else (found.category, found.evidence))
    return signs, time.process_time() - start


def run(count: int = SWEEP_WORDS, workers: int | None = None) -> Sweep:
    """Sweep the `count` most frequent words of each language through the detector."""
    start = time.perf_counter()
    jobs: list[tuple[str, str, str, tuple[str, ...]]] = []
    words = 0
    for lang, carriers in CARRIERS.items():
        for head, members in _groups(lang, count).items():
            words += len(members)
            jobs += [(lang, head, c.format(w=head), tuple(members[1:])) for c in carriers]
    texts = [text for _, _, text, _ in jobs]
    chunks = [texts[at : at + _CHUNK] for at in range(0, len(texts), _CHUNK)]
    cores = workers or len(os.sched_getaffinity(0))
    if cores > 1:
        with ProcessPoolExecutor(cores, mp_context=get_context("spawn")) as pool:
            done = list(pool.map(_check, chunks))
    else:
        done = [_check(chunk) for chunk in chunks]
    signs = [sign for chunk, _ in done for sign in chunk]
    cpu = sum(seconds for _, seconds in done)
    hits = tuple(
        Hit(lang, word, text, normalise(text).text, *sign, same_as)
        for (lang, word, text, same_as), sign in zip(jobs, signs, strict=True)
        if sign is not None
    )
    checked = len({(lang, word) for lang, word, _, _ in jobs})
    return Sweep(hits, words, checked, len(texts), time.perf_counter() - start, cpu)


def report(sweep: Sweep) -> str:
    """The hits as a list to read: one line per word, then each text that fired."""
    by_word: dict[tuple[str, str], list[Hit]] = defaultdict(list)
    for hit in sweep.hits:
        by_word[(hit.lang, hit.word)].append(hit)
    lines = [
        f"# {len(by_word)} words fire ({sweep.words} swept, {sweep.checked_words} checked after "
        f"merging words that normalise alike, {sweep.texts} texts; {sweep.seconds:.0f} s, "
        f"{sweep.cpu_seconds:.0f} s of CPU in detect)",
        "# made by: python -m tests.auxil.sweep > sweep_hits.txt (tests/test_safety_sweep.py says "
        "which words may fire)",
        "# lang  word [= words that read the same]  fires in: text -> normalised  category/rule",
    ]
    for (lang, word), hits in sorted(by_word.items()):
        same = f" [= {', '.join(hits[0].same_as)}]" if hits[0].same_as else ""
        lines.append(f"{lang}  {word}{same}")
        lines += [
            f"      {hit.text!r} -> {hit.normalised!r}  {hit.category}/{hit.evidence}"
            for hit in hits
        ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(run(int(sys.argv[1]) if len(sys.argv) > 1 else SWEEP_WORDS)))  # noqa: T201
