"""Maps a typed answer to one of a question's options, or says it could not."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz import fuzz, process

__all__ = ["Candidate", "MatchResult", "age_span", "match_answer", "normalise"]

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
#: Phrases that answer nothing but hide the answer words inside them: "no one" is not "no".
#: An option's own phrase of the same words still counts ("no one" can mean "no" at
#: "there are people I can trust"); these only stop the shorter word from deciding.
_NOT_ANSWERS = ("no one", "no idea", "no clue", "no problem", "no worries", "no matter")
#: "a lot of friends" is an amount of something, not the answer "a lot".
_QUANTITIES = frozenset({"lot", "lots", "loads", "plenty", "bit", "few", "little", "couple"})
#: Two options with one of these between them are offered side by side: "ja of min of meer".
_COORDINATORS = frozenset({"of", "or", "en", "and", "ofwel", "either"})
#: A bare no that, next to another named option, only declines the question: at "may I ask
#: you questions?", "nee, ik wil met een mens praten" is "talk to a person".
_DECLINES = frozenset({"nee", "neen", "neej", "nope", "no", "nah", "nee hoor", "nee joh"})
#: Terms that make an option the plain yes: a no never yields to it.
_AFFIRMS = frozenset({"ja", "yes"})
#: A question back or confusion is no answer, whatever words it holds ("wat bedoel je
#: precies" is not "precies").
_ASKS_BACK = (
    "wat bedoel", "hoe bedoel", "wat betekent", "wat houdt dat in", "wat is de vraag",
    "snap ik niet", "snap het niet", "snap de vraag niet", "snap je vraag niet",
    "snap er niks van", "begrijp ik niet", "begrijp het niet", "begrijp de vraag niet",
    "begrijp je niet", "vraag herhalen", "herhaal de vraag", "kun je dat herhalen",
    "kan niet kiezen", "weet niet wat ik moet kiezen",
    "what do you mean", "what do u mean", "what does that mean", "what does it mean",
    "what is meant", "wdym", "wym", "huh", "dont understand", "don t understand",
    "do not understand", "dont get it", "don t get it", "repeat the question",
    "say that again", "come again", "cant choose", "can t choose", "cannot choose",
    "cant decide", "can t decide",
)  # fmt: skip
_ASKS_BACK_RE = re.compile(r"\b(?:" + "|".join(map(re.escape, _ASKS_BACK)) + r")\b")
#: A message with a question mark that starts with one of these asks something back.
_QUESTION_WORDS = frozenset(
    {"wat", "hoe", "hoezo", "waarom", "wie", "welke", "welk", "waar", "wanneer", "what", "how",
     "why", "who", "which", "where", "when", "wut"}
)  # fmt: skip
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


@dataclass(frozen=True, slots=True)
class _Index:
    """A set of candidates arranged for the lookups of a turn; built once per set."""

    source: Sequence[Candidate]
    size: int
    by_norm: Mapping[str, tuple[Candidate, ...]]
    by_first: Mapping[str, tuple[Candidate, ...]]
    emoji: tuple[Candidate, ...]
    terms: tuple[str, ...]
    options: tuple[str, ...]
    affirmative: frozenset[str]


#: Indexes by the identity of their candidate sequence. The engine matches against the same
#: memoised tuple every turn, so a turn costs a few lookups instead of a pass over every word.
_INDEXES: dict[int, _Index] = {}
MAX_INDEXES = 512
#: Smaller sets (a prompt's three options) are cheaper to index again than to remember.
MIN_REMEMBERED = 32


def _index(candidates: Sequence[Candidate]) -> _Index:
    """The index of `candidates`, made once for a tuple (which cannot change afterwards);
    other sequences are indexed afresh each time."""
    found = _INDEXES.get(id(candidates))
    if found is not None and found.source is candidates:
        return found
    by_norm: dict[str, list[Candidate]] = {}
    by_first: dict[str, list[Candidate]] = {}
    for c in candidates:
        by_norm.setdefault(c.norm, []).append(c)
        if c.norm:
            by_first.setdefault(c.first, []).append(c)
    index = _Index(
        source=candidates,
        size=len(candidates),
        by_norm={k: tuple(v) for k, v in by_norm.items()},
        by_first={k: tuple(v) for k, v in by_first.items()},
        emoji=tuple(c for c in candidates if c.emoji),
        terms=tuple(c.norm for c in candidates),
        options=tuple(c.option for c in candidates),
        affirmative=frozenset(c.option for c in candidates if c.norm in _AFFIRMS),
    )
    if index.size < MIN_REMEMBERED or not isinstance(candidates, tuple):
        return index
    if len(_INDEXES) >= MAX_INDEXES:
        _INDEXES.clear()
    _INDEXES[id(candidates)] = index  # holds `candidates`, so the id is not reused meanwhile
    return index


def match_answer(
    text: str,
    option_ids: Sequence[str],
    candidates: Sequence[Candidate],
    hedge: str | None = None,
    extra: Sequence[Candidate] = (),
) -> MatchResult:
    """Find the option a typed answer means.

    Order: the label or a synonym typed exactly; a question back ("wat bedoel je?") is no
    answer; a number ("2", "nr 2", "twee"); an emoji; one option's phrase inside a longer
    answer ("ja hoor"); then a fuzzy match for typos. Words of the user's own language win over
    words of another language at each stage. `candidates` is indexed once and must not change
    afterwards; `extra` holds the few candidates that change from turn to turn (the engine's
    own options), matched the same way.
    """
    raw = text[:MAX_ANSWER_LENGTH]
    norm = normalise(raw)
    index = _index(candidates)

    same = [*index.by_norm.get(norm, ()), *(c for c in extra if c.norm == norm)] if norm else []
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

    if _asks_back(raw, norm):
        return MatchResult(None)

    number = _number(norm)
    if number is not None:
        if 1 <= number <= len(option_ids):
            return MatchResult(option_ids[number - 1], "number")
        return MatchResult(None)

    emoji_text = _emoji_key(raw)
    emoji_hits = {c.option for c in (*index.emoji, *extra) if c.emoji and c.emoji in emoji_text}
    if len(emoji_hits) == 1 and not norm:
        return MatchResult(emoji_hits.pop(), "emoji")

    phrase = _phrase(norm, index, extra, hedge)
    if phrase is not None:
        return phrase

    if len(emoji_hits) == 1:
        return MatchResult(emoji_hits.pop(), "emoji")
    if len(emoji_hits) > 1:
        return MatchResult(None, None, tuple(sorted(emoji_hits)))
    return _fuzzy(norm, index, extra)


def _number(norm: str) -> int | None:
    if norm in _NUMBER_WORDS:
        return _NUMBER_WORDS[norm]
    found = _NUMBER.match(norm)
    return int(found.group(1)) if found else None


def _phrase(
    norm: str, index: _Index, extra: Sequence[Candidate], hedge: str | None
) -> MatchResult | None:
    """Options whose words stand whole inside the answer.

    A longer phrase hides a shorter one inside it ("niet echt" hides "echt"; "no one", no
    answer itself, hides "no"). A negation right before or after a phrase cancels it ("niet
    vaak", "zeker niet"), unless a longer phrase holds that negation ("soms niet"). Two options
    joined by "of", "or", "en" or "and" are both offered: ask again. Otherwise, when the hedge
    ("min of meer") and one other option are left, the hedge wins: "ja, maar niet altijd" is
    "min of meer", never a plain yes; and a bare "nee" next to another option that is not the
    yes only declines ("nee, voor een vriend"). A bare negation in a longer sentence ("ik weet
    het nog niet") is too thin to answer on.
    """
    if not norm:
        return None
    padded = f" {norm} "
    spans = _spans(padded, set(norm.split()), index, extra)
    if not spans:
        return None
    # A negation that is itself a word of the phrase's option agrees with it: "no, never".
    agrees = {(term, option) for (_, _, option, term) in spans if term in _NEGATIONS}
    outer = [
        (s, e, option, term)
        for (s, e, option, term) in spans
        if not any(s2 <= s and e <= e2 and (e2 - s2) > (e - s) for (s2, e2, _, _) in spans)
    ]
    # A negation reaches over a run of phrases of one option: "not a uni student".
    run: dict[tuple[int, str], int] = {}
    ends: dict[tuple[int, str], int] = {}
    for s, e, option, _ in sorted(outer):
        run[s, option] = ends[e, option] = ends.get((s, option), s)
    standing = sorted(
        (s, e, option, term)
        for (s, e, option, term) in outer
        if option
        and not _negated(padded, run[s, option], option, agrees)
        and not _negated_after(padded, e, option, agrees, outer)
    )
    kept = {option for (_, _, option, _) in standing}
    if not kept:
        return None
    if len(kept) == 1:
        (option,) = kept
        bare = all(term in _NEGATIONS for (_, _, o, term) in outer if o == option)
        if bare and len(norm.split()) >= BARE_NEGATION_WORDS:
            return MatchResult(None, None, (option,))
        return MatchResult(option, "phrase")
    affirmative = index.affirmative | {c.option for c in extra if c.norm in _AFFIRMS}
    return _two_or_more(padded, standing, kept, hedge, affirmative)


def _spans(
    padded: str, words: Set[str], index: _Index, extra: Sequence[Candidate]
) -> list[tuple[int, int, str, str]]:
    """Where each candidate's words stand whole in the answer, and the non-answers around."""
    spans: list[tuple[int, int, str, str]] = []
    for word in words:
        for c in index.by_first.get(word, ()):
            _find(padded, c.norm, c.option, spans)
    for c in extra:
        if c.first in words and c.norm:
            _find(padded, c.norm, c.option, spans)
    if spans:
        for term in _NOT_ANSWERS:
            if term.split(" ", 1)[0] in words:
                _find(padded, term, "", spans)
    return spans


def _two_or_more(
    padded: str,
    standing: Sequence[tuple[int, int, str, str]],
    kept: Set[str],
    hedge: str | None,
    affirmative: Set[str],
) -> MatchResult:
    """Two options named: side by side they are ambiguous; else the hedge, or what a bare
    "nee" yields to; three or more are always ambiguous."""
    ambiguous = MatchResult(None, None, tuple(sorted(kept)))
    if len(kept) > 2 or _side_by_side(padded, standing):
        return ambiguous
    if hedge is not None and hedge in kept:
        return MatchResult(hedge, "phrase")
    declined = {o for o in kept if all(t in _DECLINES for (_, _, o2, t) in standing if o2 == o)}
    if len(declined) == 1:
        (other,) = kept - declined
        if other not in affirmative:
            return MatchResult(other, "phrase")
    return ambiguous


def _find(padded: str, term: str, option: str, spans: list[tuple[int, int, str, str]]) -> None:
    """Add every place `term` stands whole in the answer; "a lot" before "of" is no answer."""
    start = padded.find(f" {term} ")
    while start != -1:
        end = start + len(term) + 1
        quantity = padded.startswith(" of ", end) and term.rsplit(" ", 1)[-1] in _QUANTITIES
        spans.append((start, end, "" if quantity else option, term))
        start = padded.find(f" {term} ", start + 1)


def _side_by_side(padded: str, standing: Sequence[tuple[int, int, str, str]]) -> bool:
    """Two different options with "of", "or", "en" or "and" between them: "ja of min of meer"."""
    for (_, end, option, _), (start, _, other, _) in itertools.pairwise(standing):
        if option != other and _COORDINATORS & set(padded[end:start].split()):
            return True
    return False


def _asks_back(raw: str, norm: str) -> bool:
    """A question back or confusion: "wat bedoel je precies", "what do you mean?", "huh?"."""
    if _ASKS_BACK_RE.search(norm):
        return True
    return "?" in raw and norm.split(" ", 1)[0] in _QUESTION_WORDS


def _negated(padded: str, start: int, option: str, agrees: Set[tuple[str, str]]) -> bool:
    """A negation just before a phrase turns it around: "niet vaak" is not "vaak"; but not
    across "of", "or", "en" or "and" ("no or maybe" is two answers)."""
    before = padded[:start].split()[-NEGATION_REACH:]
    cut = max((n + 1 for n, word in enumerate(before) if word in _COORDINATORS), default=0)
    return any(word in _NEGATIONS and (word, option) not in agrees for word in before[cut:])


def _negated_after(
    padded: str,
    end: int,
    option: str,
    agrees: Set[tuple[str, str]],
    outer: Sequence[tuple[int, int, str, str]],
) -> bool:
    """ "zeker niet", "klopt echt niet": a negation just after, maybe past one intensifier."""
    words = padded[end:].split()[:2]
    if not words:
        return False
    if words[0] in _INTENSIFIERS and len(words) > 1:
        words = words[1:]
    if words[0] not in _NEGATIONS or (words[0], option) in agrees:
        return False
    at = padded.find(f" {words[0]} ", end)
    # The negation belongs to a longer phrase of its own ("soms niet"): that phrase decides.
    return not any(s < at < e and (e - s) > len(words[0]) + 2 for (s, e, _, _) in outer)


def _fuzzy(norm: str, index: _Index, extra: Sequence[Candidate]) -> MatchResult:
    if len(norm) < 2 or len(norm) > MAX_FUZZY_LENGTH:
        return MatchResult(None)
    terms = [*index.terms, *(c.norm for c in extra)]
    options = [*index.options, *(c.option for c in extra)]
    scored = process.extract(
        norm, terms, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF - 20, limit=None
    )
    best: dict[str, float] = {}
    for _term, score, at in scored:
        option = options[at]
        best[option] = max(best.get(option, 0.0), score)
    ranked = sorted(best.items(), key=lambda item: item[1], reverse=True)
    if not ranked or ranked[0][1] < FUZZY_CUTOFF:
        return MatchResult(None)
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < FUZZY_MARGIN:
        return MatchResult(None, None, tuple(option for option, _ in ranked[:2]))
    return MatchResult(ranked[0][0], "fuzzy")


# --- ages ----------------------------------------------------------------------------------

#: The oldest age a typed number can mean; bigger numbers (years, amounts) are not ages.
MAX_AGE = 130
_UNITS = {
    "een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
    "negen": 9,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}  # fmt: skip
#: Number words that are an age on their own; a lone unit ("een", "one") is a word, not an age.
_AGE_WORDS = {
    "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
    "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
}  # fmt: skip
_COMPOUND = re.compile(
    # "tweeentwintig" loses an e to normalise(): "tweentwintig".
    r"(een|twee?|drie|vier|vijf|zes|zeven|acht|negen)en(twintig|dertig|veertig|vijftig|zestig)"
    r"|(twenty|thirty|forty|fifty|sixty)(one|two|three|four|five|six|seven|eight|nine)"
)
#: Words that are a whole decade: "twenties", "twintigers", "20s", "teens" (13 to 19).
_DECADES = {
    "twenties": 20, "thirties": 30, "forties": 40, "twintiger": 20, "twintigers": 20,
    "dertiger": 30, "dertigers": 30, "20s": 20, "30s": 30, "40s": 40,
    "teen": 10, "teens": 10, "teenager": 10, "tiener": 10, "tieners": 10,
}  # fmt: skip
#: Part of a decade, as years after its start: "begin twintig", "mid twenties", "late teens".
_DECADE_PARTS = {
    "begin": (0, 3), "early": (0, 3), "midden": (3, 6), "mid": (3, 6), "middle": (3, 6),
    "eind": (7, 9), "einde": (7, 9), "late": (7, 9),
}  # fmt: skip
#: "in de twintig", "in my twenties": a tens word after these is a decade, not an age.
_IN_DECADE = frozenset({"de", "mijn", "mn", "my", "the", "her", "his"})
#: "bijna 20": one year younger than the number.
_ALMOST = frozenset({"bijna", "almost", "nearly", "haast"})
#: "ik word volgende maand 20", "turning 20": anywhere before the number, one year younger.
_BECOMING = frozenset({"word", "wordt", "turning", "turn", "will", "ll", "gonna", "binnenkort"})
#: "20 next month", "20 volgende week": just after the number, also one year younger.
_SOON = frozenset({"next", "volgende", "volgend", "soon", "binnenkort", "straks"})
_UNDER = frozenset({"jonger", "younger", "onder", "under", "below", "beneden"})
_OVER = frozenset({"ouder", "older", "boven", "over", "above"})
_ABOUT = frozenset({"ongeveer", "rond", "around", "about", "circa", "ca", "zon"})
#: A number before one of these is a time, not an age: "over 2 weken word ik 18".
_TIME_UNITS = frozenset(
    {"dag", "dagen", "week", "weken", "maand", "maanden", "uur", "day", "days", "weeks",
     "month", "months", "hours", "keer", "times", "x", "minuten", "minutes"}
)  # fmt: skip
_FRACTION = re.compile(r"(\d)[.,]5\b")


def age_span(text: str) -> tuple[int, int] | None:
    """The youngest and oldest age a typed answer can mean, or None if it names no age.

    "17" and "ik ben zeventien" are (17, 17); "bijna 20" and "ik word volgende maand 20" are
    (19, 19); "jonger dan 16" is (0, 15); "begin twintig" is (20, 23), "eind twintig" (27, 29)
    and "in de twintig" (20, 29); "16 of 17" is (16, 17). The caller decides: a span inside
    one option's range picks it, a span over two asks again.
    """
    words = normalise(_FRACTION.sub(r"\1", text[:MAX_ANSWER_LENGTH])).split()
    spans: list[tuple[int, int]] = []
    later = False  # "over 2 weken ben ik 18": a time to wait, so one year younger now
    i = 0
    while i < len(words):
        found = _age_at(words, i)
        if found is None:
            i += 1
            continue
        kind, value, used = found
        before = words[max(0, i - 2) : i]
        after = words[i + used : i + used + 3]
        if kind == "decade":
            spans.append(_decade(value, before))
        elif after[:1] and after[0] in _TIME_UNITS:
            later = later or (bool(before) and before[-1] in {"over", "in"})
        elif value <= MAX_AGE:
            soon = later or _BECOMING & set(words[:i]) or _SOON & set(after)
            if soon or _ALMOST & set(before):
                value -= 1
            if _UNDER & set(before):
                spans.append((0, value - 1))
            elif _OVER & set(before):
                spans.append((value + 1, MAX_AGE))
            elif _ABOUT & set(before):
                spans.append((value - 1, value + 1))
            else:
                spans.append((value, value))
        i += used
    if not spans:
        return None
    return min(lo for lo, _ in spans), max(hi for _, hi in spans)


def _age_at(words: Sequence[str], i: int) -> tuple[Literal["age", "decade"], int, int] | None:
    """The age or decade that starts at words[i]: its kind, value and how many words it takes."""
    word = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    before = words[i - 1] if i else ""
    in_decade = before in _DECADE_PARTS or (
        before in _IN_DECADE and i >= 2 and (words[i - 2] == "in" or words[i - 2] in _DECADE_PARTS)
    )
    if word in _DECADES:
        return "decade", _DECADES[word], 1
    if word.isdigit() and len(word) <= 3:
        value = int(word)
        if value >= 20 and value % 10 == 0 and (in_decade or nxt == "s"):
            return "decade", value, 2 if nxt == "s" else 1
        return "age", value, 1
    if word in _TENS:
        if nxt in _UNITS:
            return "age", _TENS[word] + _UNITS[nxt], 2
        return ("decade" if in_decade else "age"), _TENS[word], 1
    if word in _AGE_WORDS:
        return "age", _AGE_WORDS[word], 1
    if word in _UNITS and nxt == "en" and i + 2 < len(words) and words[i + 2] in _TENS:
        return "age", _TENS[words[i + 2]] + _UNITS[word], 3
    compound = _COMPOUND.fullmatch(word)
    if compound is not None:
        if compound[1]:
            return "age", _TENS[compound[2]] + _UNITS.get(compound[1], 2), 1
        return "age", _TENS[compound[3]] + _UNITS[compound[4]], 1
    return None


def _decade(start: int, before: Sequence[str]) -> tuple[int, int]:
    """The ages a decade means, narrowed by "begin", "mid" or "eind" just before it."""
    first, last = (13, 19) if start == 10 else (start, start + 9)
    part = next((_DECADE_PARTS[w] for w in reversed(before) if w in _DECADE_PARTS), None)
    if part is None:
        return first, last
    if start == 10:  # teens: early 13-14, mid 14-16, late 17-19
        return {0: (13, 14), 3: (14, 16), 7: (17, 19)}[part[0]]
    return start + part[0], start + part[1]
