"""Maps a typed answer to one of a question's options, or says it could not."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz import fuzz, process

__all__ = ["Candidate", "MatchResult", "match_answer", "normalise"]

How = Literal["exact", "synonym", "number", "emoji", "phrase", "fuzzy"]

#: Fuzzy matches must score at least this (rapidfuzz 0-100) ...
FUZZY_CUTOFF = 80.0
#: ... and beat the best other option by this much, or the answer counts as ambiguous.
FUZZY_MARGIN = 6.0
#: Longer answers are not guessed at: a sentence is not a typo of "ja".
MAX_FUZZY_LENGTH = 40
#: Only this much of a message is looked at; answers are short, and huge input stays cheap.
MAX_ANSWER_LENGTH = 200

_NUMBER = re.compile(
    r"^(?:nr|nummer|optie|keuze|antwoord|option|number|no|choice)?\s*#?\s*(\d{1,2})\s*[.):]?$"
)
_NUMBER_WORDS = {
    "een": 1, "eén": 1, "één": 1, "eerste": 1, "one": 1, "first": 1,
    "twee": 2, "tweede": 2, "two": 2, "second": 2,
    "drie": 3, "derde": 3, "three": 3, "third": 3,
    "vier": 4, "vierde": 4, "four": 4, "fourth": 4,
    "vijf": 5, "vijfde": 5, "five": 5, "fifth": 5,
    "zes": 6, "zesde": 6, "six": 6, "sixth": 6,
}  # fmt: skip
_NEGATIONS = frozenset({"niet", "nie", "niets", "geen", "nooit", "not", "no", "never", "nt"})
_INTENSIFIERS = frozenset(
    {"echt", "helemaal", "totaal", "zeker", "really", "totally", "absolutely", "at", "all"}
)
#: A lone negation is not an answer in a sentence of this many words or more.
BARE_NEGATION_WORDS = 4
#: How many words before a phrase a negation still counts.
NEGATION_REACH = 2
_NON_WORD = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")
_REPEAT = re.compile(r"(\w)\1{2,}")
# Variation selectors and skin tones change how an emoji looks, not what it means.
_EMOJI_MODIFIERS = re.compile("[\ufe0e\ufe0f\u200d\U0001f3fb-\U0001f3ff]")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A word or phrase that picks `option`; `primary` marks words in the user's language.

    The normalised forms are computed once, when the candidate is made: a turn compares the
    answer against every candidate, so they must be cheap to reuse.
    """

    option: str
    term: str
    primary: bool = True
    is_label: bool = False
    norm: str = field(init=False, compare=False)
    emoji: str = field(init=False, compare=False)
    first: str = field(init=False, compare=False)

    def __post_init__(self) -> None:
        norm = normalise(self.term)
        object.__setattr__(self, "norm", norm)
        # Only a term with no letters or digits is an emoji term.
        object.__setattr__(self, "emoji", "" if norm else _emoji_key(self.term))
        # The first word: a phrase can only stand in an answer that contains it.
        object.__setattr__(self, "first", norm.split(" ", 1)[0])


@dataclass(frozen=True, slots=True)
class MatchResult:
    """The chosen option (None if none or ambiguous), how it was found, and the near misses."""

    option: str | None
    how: How | None = None
    ambiguous: tuple[str, ...] = ()


def normalise(text: str) -> str:
    """Lower case, no accents or punctuation, single spaces; 'jaaaa' becomes 'jaa'."""
    text = unicodedata.normalize("NFKD", text[:MAX_ANSWER_LENGTH].casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _NON_WORD.sub(" ", text)
    text = _REPEAT.sub(r"\1\1", text)
    return _SPACE.sub(" ", text).strip()


def _emoji_key(text: str) -> str:
    return _EMOJI_MODIFIERS.sub("", text).strip()


def match_answer(
    text: str,
    option_ids: Sequence[str],
    candidates: Sequence[Candidate],
    hedge: str | None = None,
) -> MatchResult:
    """Find the option a typed answer means.

    Order: the label or a synonym typed exactly; a number ("2", "nr 2", "twee"); an emoji; one
    option's phrase inside a longer answer ("ja hoor"); then a fuzzy match for typos. Words of
    the user's own language win over words of another language at each stage.
    """
    raw = text[:MAX_ANSWER_LENGTH]
    norm = normalise(raw)

    same = [c for c in candidates if c.norm == norm] if norm else []
    for primary_only in (True, False):
        for how in ("exact", "synonym"):
            hits = {
                c.option
                for c in same
                if (c.primary or not primary_only) and (c.is_label == (how == "exact"))
            }
            if len(hits) == 1:
                return MatchResult(hits.pop(), how)
            if len(hits) > 1:
                return MatchResult(None, None, tuple(sorted(hits)))

    number = _number(norm)
    if number is not None:
        if 1 <= number <= len(option_ids):
            return MatchResult(option_ids[number - 1], "number")
        return MatchResult(None)

    emoji_text = _emoji_key(raw)
    emoji_hits = {c.option for c in candidates if c.emoji and c.emoji in emoji_text}
    if len(emoji_hits) == 1 and not norm:
        return MatchResult(emoji_hits.pop(), "emoji")

    phrase = _phrase(norm, candidates, hedge)
    if phrase is not None:
        return phrase

    if len(emoji_hits) == 1:
        return MatchResult(emoji_hits.pop(), "emoji")
    if len(emoji_hits) > 1:
        return MatchResult(None, None, tuple(sorted(emoji_hits)))
    return _fuzzy(norm, candidates)


def _number(norm: str) -> int | None:
    if norm in _NUMBER_WORDS:
        return _NUMBER_WORDS[norm]
    found = _NUMBER.match(norm)
    return int(found.group(1)) if found else None


def _phrase(norm: str, candidates: Sequence[Candidate], hedge: str | None) -> MatchResult | None:
    """Options whose words stand whole inside the answer.

    A longer phrase hides a shorter one inside it ("niet echt" hides "echt"). A negation right
    before or after a phrase cancels it ("niet vaak", "zeker niet"), unless a longer phrase
    holds that negation ("soms niet"). When the hedge ("min of meer") and one other option are
    left, the hedge wins: "ja, maar niet altijd" is "min of meer", never a plain yes. A bare
    negation in a longer sentence ("ik weet het nog niet") is too thin to answer on.
    """
    if not norm:
        return None
    padded = f" {norm} "
    words = set(norm.split())
    spans: list[tuple[int, int, str, str]] = []
    for c in candidates:
        term = c.norm
        if not term or c.first not in words:
            continue
        start = padded.find(f" {term} ")
        while start != -1:
            spans.append((start, start + len(term) + 1, c.option, term))
            start = padded.find(f" {term} ", start + 1)
    if not spans:
        return None
    outer = [
        (s, e, option, term)
        for (s, e, option, term) in spans
        if not any(s2 <= s and e <= e2 and (e2 - s2) > (e - s) for (s2, e2, _, _) in spans)
    ]
    kept = {
        option
        for (s, e, option, _term) in outer
        if not _negated(padded, s) and not _negated_after(padded, e, outer)
    }
    if not kept:
        return None
    if len(kept) == 1:
        (option,) = kept
        bare = all(term in _NEGATIONS for (_, _, o, term) in outer if o == option)
        if bare and len(norm.split()) >= BARE_NEGATION_WORDS:
            return MatchResult(None, None, (option,))
        return MatchResult(option, "phrase")
    if hedge is not None and hedge in kept and len(kept) == 2:
        return MatchResult(hedge, "phrase")
    return MatchResult(None, None, tuple(sorted(kept)))


def _negated(padded: str, start: int) -> bool:
    """A negation just before a phrase turns it around: "niet vaak" is not "vaak"."""
    before = padded[:start].split()[-NEGATION_REACH:]
    return any(word in _NEGATIONS for word in before)


def _negated_after(padded: str, end: int, outer: Sequence[tuple[int, int, str, str]]) -> bool:
    """ "zeker niet", "klopt echt niet": a negation just after, maybe past one intensifier."""
    words = padded[end:].split()[:2]
    if not words:
        return False
    if words[0] in _INTENSIFIERS and len(words) > 1:
        words = words[1:]
    if words[0] not in _NEGATIONS:
        return False
    at = padded.find(f" {words[0]} ", end)
    # The negation belongs to a longer phrase of its own ("soms niet"): that phrase decides.
    return not any(s < at < e and (e - s) > len(words[0]) + 2 for (s, e, _, _) in outer)


def _fuzzy(norm: str, candidates: Sequence[Candidate]) -> MatchResult:
    if len(norm) < 2 or len(norm) > MAX_FUZZY_LENGTH:
        return MatchResult(None)
    terms = [c.norm for c in candidates]
    scored = process.extract(
        norm, terms, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF - 20, limit=None
    )
    best: dict[str, float] = {}
    for _term, score, index in scored:
        option = candidates[index].option
        best[option] = max(best.get(option, 0.0), score)
    ranked = sorted(best.items(), key=lambda item: item[1], reverse=True)
    if not ranked or ranked[0][1] < FUZZY_CUTOFF:
        return MatchResult(None)
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < FUZZY_MARGIN:
        return MatchResult(None, None, tuple(option for option, _ in ranked[:2]))
    return MatchResult(ranked[0][0], "fuzzy")
