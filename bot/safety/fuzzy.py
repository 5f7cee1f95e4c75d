"""Spell-correct single tokens towards the few long key terms a misspelling must still reach."""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz, process

from bot.safety.lexicon import FUZZY_STEMS, FUZZY_TERMS
from bot.safety.words import is_word

__all__ = ["CUTOFF", "correct"]

# fuzz.ratio is the normalised Indel similarity (0-100). At 80 a key term of 8+ letters survives
# two slips ("zelfmort", "suiside", "verkragt"); tokens under 6 letters are never touched because
# there one slip is a different word. Only a token that is not a real Dutch or English word is
# corrected (bot/safety/words.py): "studeren", "verwachtingen" and "gisteren" are as close to
# "sterven" and "verkrachting" as any typo, and only a dictionary tells them apart.
CUTOFF = 80.0
_MIN_LEN = 6
_COMPOUND_MIN_LEN = 11


def _nearest(token: str) -> str:
    if token.startswith(FUZZY_STEMS):
        # A compound whose head is spelled right is no typo of a key term: the rules read the
        # head as a prefix ("zelfmoord*"), and its tail may be any word: "zelfmoordopening"
        # (chess) read "zelfmoordpoging".
        return token
    candidates = [term for term in FUZZY_TERMS if abs(len(term) - len(token)) <= 2]
    if candidates:
        hit = process.extractOne(token, candidates, scorer=fuzz.ratio, score_cutoff=CUTOFF)
        if hit is not None:
            return hit[0]
    if len(token) >= _COMPOUND_MIN_LEN:
        # A misspelled compound: compare only its head with the stem ("zelfmoortgedachten").
        for stem in FUZZY_STEMS:
            for cut in (len(stem) - 1, len(stem), len(stem) + 1):
                if fuzz.ratio(token[:cut], stem, score_cutoff=CUTOFF):
                    return stem + " " + token[cut:]
    return token


@lru_cache(maxsize=4096)
def correct(token: str) -> str:
    """The key term a letter-run-folded token was probably meant to be, or the token itself."""
    if len(token) < _MIN_LEN:
        return token
    nearest = _nearest(token)
    # The word lists are asked only when a token comes near a key term: most tokens never do.
    if nearest == token or is_word(token):
        return token
    return nearest
