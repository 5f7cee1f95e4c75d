"""Fold any message into one plain, lower-case, letter-collapsed form the crisis rules can read."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from bot.safety import glued
from bot.safety.fuzzy import correct
from bot.safety.lexicon import CONFUSABLES, EXPANSION_SPELLINGS, EXPANSIONS, K_VERBS, fold
from bot.safety.words import LONG, MIN_STORED, is_common, is_word, unfolds

__all__ = ["MAX_CHARS", "Normalised", "collapse", "collapse_pattern", "normalise"]

# A hard bound on the work for one call; the detector reads longer texts in windows first.
MAX_CHARS = 16_384
_TAIL_CHARS = 4_096

# Zero-width and direction marks, soft hyphens, and the combining-mark blocks (diacritics and the
# "zalgo" stacks) that NFKD leaves behind: deleting them is what "strip accents" means here.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff"
    "\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\U000e0000-\U000e007f]"
)
# Laughter: one of four laughing emoji, or a word "haha", "ahaha", "hihi", "lol", "lmao",
# "xd", "jk". Written to start with one character class (the emoji and the words' first
# letters), which lets the search skip every other place at C speed; a word's start is then
# checked behind its first letter. Three times as fast as "\b(?:a?ha(?:ha)+h?|...)\b", with
# the same matches (tests/test_safety_words.py).
_LAUGH_EMOJI = "\U0001f602\U0001f923\U0001f639\U0001f606"
_LAUGH = re.compile(
    rf"[{_LAUGH_EMOJI}ahlxj](?:(?<=[{_LAUGH_EMOJI}])|(?<!\w.)(?:(?<=a)ha(?:ha)+h?"
    r"|(?<=h)(?:a(?:ha)+h?|ihi+)|(?<=l)(?:o+l+|mf?ao+)|(?<=x)d+|(?<=j)k)\b)"
)
_CONFUSABLE = re.compile("[" + "".join(re.escape(chr(key)) for key in CONFUSABLES) + "]")
# Leet symbols between letters ("k!ll", "zelf|moord") stand for an i or an l.
_INNER_BANG = re.compile(r"(?<=[a-z0-9])[!|](?=[a-z])")
_LEET_TOKEN = re.compile(r"[a-z0-9@$]*[a-z][a-z0-9@$]*")
_LEET_CHARS = re.compile(r"[0-9@$]")
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "9": "g", "@": "a", "$": "s"}
)
# Numbers with a unit or ordinal ("10x", "2e", "3am") are not leet.
_NOT_LEET = re.compile(r"\d{2,}[a-z]*|\d+(?:e|de|ste|x|st|nd|rd|th|am|pm|km|kg|mg|min|uur|jr)")
# Joiners inside a word are obfuscation or compounding ("zelf-moord", "z.e.l.f", "m'n").
_JOINER = re.compile(r"(?<=[a-z])[-_*.'`\u2019\u00b4]+(?=[a-z])")
_APOSTROPHE = re.compile(r"['`\u2019\u00b4]")
# A phrase written as one hyphenated word ("klaar-met-bestaan moe", "done-with-life tired") is
# words, not a compound: three parts or more, with a little word among them (round AV).
_HYPHEN_PHRASE = re.compile(r"\b[a-z]{2,}(?:-[a-z]{2,}){2,}\b")
_PHRASE_LINKS = frozenset(
    {"met", "van", "de", "het", "een", "te", "in", "op", "aan", "en", "voor", "meer", "niet"}
    | {"with", "of", "the", "to", "and", "on", "for", "not", "no"}
)
# Sentence ends and emoji become a boundary token "." so a phrase never spans two sentences.
# A few emoji stand for the thing itself in a disclosure ("🔪 vannacht weer"): read them as words.
_EMOJI_WORDS = re.compile("[\U0001f52a\U0001f48a\U0001faa2\U0001fa78\u26b0]")
_EMOJI_WORD = {"\U0001f52a": " mes ", "\U0001f48a": " pillen ", "\U0001faa2": " touw ",
               "\U0001fa78": " bloed ", "\u26b0": " doodskist "}  # fmt: skip
# An ellipsis before a word that carries the sentence on ("ik wil dood... van de schaamte",
# "i want to sleep forever... or at least until noon") is a pause, not a sentence end: it reads
# as a space, so what follows still qualifies what came before.
_CONTINUED = re.compile(
    r"(?:\.{2,}|\u2026)[ \t]*(?=(?:van|door|of|or|by|op|until|till|tot|behalve|except|at least)\b)"
)
_BOUNDARY = re.compile(r"[.!?;:\n\r]+|[\u2190-\u2bff\U0001f000-\U0001faff]+")
# A comma (not inside a number) ends a clause: kept as a token until the end, then dropped from
# the text and remembered as an offset, so rules read across it and context stops at it.
_DIGIT_COMMA = re.compile(r"(?<=\d),(?=\d)")
_OTHER = re.compile(r"[^a-z0-9.,]+")
_SPACES = re.compile(r" {2,}")
_DOTS = re.compile(r"(?: ?\.)+")
# Three or more lone letters in a row are a spaced-out word: "z e l f m o o r d", "k m s".
# "me zelf", "mij zelf": chat Dutch writes the reflexive in two words. Not "hem zelf": "ik
# moest hem zelf doodmaken" is a fish killed by the writer, not a boy killing himself.
_SPLIT_SELF = re.compile(r"\b(me|mij|zich) zelf\b")
_SPACED = re.compile(r"\b[a-z](?: [a-z]){2,}\b")
# Two or more one-word sentences in a row are one sentence typed word by word for weight:
# "ik. wil. niet. meer. leven." reads "ik wil niet meer leven".
_STACCATO = re.compile(r"(?:^|(?<=\.))[ ]*[a-z0-9]+(?:[ ]*\.[ .]*[a-z0-9]+)+(?=[ ]*\.|[ ]*$)")
_STACCATO_DOTS = re.compile(r"[ ]*\.[ .]*")
_PATTERN_REPEAT = re.compile(r"(?<!\\)([a-z])\1+")
_WORD_SPLIT = re.compile(r"([a-z]+)")


@dataclass(frozen=True, slots=True)
class Normalised:
    """The folded text plus what folding removes: laughter, and where each clause starts.

    `clauses` holds the offsets in `text` where a clause begins after a comma; sentence ends
    stay in the text as " . ".
    """

    text: str
    laughing: bool
    clauses: tuple[int, ...] = ()


def collapse(text: str) -> str:
    """Fold every run of one letter to a single letter ("doooood" and "dood" both read "dod")."""
    return fold(text)


def collapse_pattern(source: str) -> str:
    """Collapse the letters of a regex source the same way, leaving escapes such as \\bb alone."""
    return _PATTERN_REPEAT.sub(r"\1", source)


def _bounded(text: str) -> str:
    if len(text) <= MAX_CHARS:
        return text
    return text[: MAX_CHARS - _TAIL_CHARS] + "\n" + text[-_TAIL_CHARS:]


def _unleet(match: re.Match[str]) -> str:
    token = match.group()
    if _LEET_CHARS.search(token) is None or _NOT_LEET.fullmatch(token):
        return token
    return token.translate(_LEET)


_DRAWN_OUT = re.compile(r"(.)\1\1")


# Most words of a message were seen in earlier messages: folding one (the word lists, the typo
# check) is remembered, which halves the time to normalise a long message.
@lru_cache(maxsize=32_768)
def _fold_word(word: str) -> str:
    token = collapse(word)
    # Folding must not turn a real word into a crisis key word ("rapped" would read "raped"):
    # such a word keeps its letter runs, which no rule (compiled folded) can match.
    if token != word and unfolds(word):
        return word
    expanded = _expand(token, word)
    if expanded == token:
        # "ikwildood", "wanttodie": words typed without spaces (bot/safety/glued.py). The word as
        # typed first: folding joins the letters where two words meet ("want"+"to").
        pieces = glued.split(word) or glued.split(token)
        if pieces is not None:
            return " ".join(_fold_word(piece) for piece in pieces)
    return expanded


def _expand(token: str, word: str) -> str:
    expanded = EXPANSIONS.get(token)
    # A chat spelling expands as written ("gonna", "mn") or drawn out ("kmsss"); a word whose
    # double letters fold onto a key is another word: "uur" is not "your", "woont" not "wont".
    if expanded is not None and (
        token == word or word in EXPANSION_SPELLINGS or _DRAWN_OUT.search(word) is not None
    ):
        return expanded
    # Chat Dutch glues the "ik" onto the verb: "kwil", "kben", "ksnij".
    if len(token) > 2 and token[0] == "k" and token[1:] in K_VERBS:
        return "ik " + token[1:]
    if len(token) > 3 and token[:2] == "ik" and token[2:] in K_VERBS:
        return "ik " + token[2:]
    restored = _restored(token)
    if restored is None and token != word:
        # "leevn": the swap itself made a letter run, which folding took away ("levn").
        restored = _swapped_as_typed(word, token)
    return restored or correct(token)


_DROPPED_E = re.compile(r"[a-z]{3,}[bcdfghjklmpqrstvwxz]n")
_DROPPED_G = re.compile(r"[a-z]{4,}in")  # six letters at least (`_restored`)


def _restored(token: str) -> str | None:
    """The word a fast typist meant, where the token is no word and the word is one: a letter of
    a common ending left out ("denkn", "springn", "beeindign" for Dutch "-en"; "overdosin",
    "swallowin" for "-ing"), or two neighbouring letters swapped (`_swapped`). None for anything
    else. An "-in" token is restored from six letters only: "waarin" would read "waring", and
    the word lists' short words are much noise (the short crisis spellings, "endin" and
    "cuttin", are chat expansions)."""
    meant = None
    if _DROPPED_E.fullmatch(token):
        meant = token[:-1] + "en"
    elif _DROPPED_G.fullmatch(token):
        meant = token + "g"
    elif not _swappable(token):
        return None  # nothing to try: the word lists are not asked
    if is_word(token):
        return None
    if meant is not None and is_word(meant):
        return meant
    return _swapped(token)


def _swappable(token: str) -> bool:
    return len(token) >= MIN_STORED and token.isalpha()


def _swapped(token: str) -> str | None:
    """The one word meant by a token that is no word, typed with two neighbouring letters the
    wrong way round: "snjiden", "gesnedne", "frined", "thgihs", "wihtout", "voglt". Where two
    swaps give a word, the one common word of them ("rpaed": "raped", not the rare "praed").
    None where no swap gives a word, or none or more than one common word of several, and for
    tokens too short for the word lists to tell (under MIN_STORED letters: "hbe" stays)."""
    if not _swappable(token):
        return None
    return _one_meant(_swaps(token, str), token)


def _swapped_as_typed(word: str, token: str) -> str | None:
    """`_swapped` on a word as typed, before folding: "leevn" is "leven" with two letters the
    wrong way round, and folded ("levn") no swap gives a word. `token`: the word folded."""
    if not (_swappable(token) and word.isalpha()) or is_word(token):
        return None
    return _one_meant(_swaps(word, collapse), token)


def _swaps(letters: str, folded: Callable[[str], str]) -> set[str]:
    """The words, `folded`, that two neighbouring letters of `letters` swapped back give."""
    return {
        meant
        for at in range(len(letters) - 1)
        if letters[at] != letters[at + 1]
        and is_word(
            meant := folded(letters[:at] + letters[at + 1] + letters[at] + letters[at + 2 :])
        )
    }


def _one_meant(found: set[str], token: str) -> str | None:
    """The one word of `found` a slip in `token` meant: where there are several, or the token is
    short (under words.LONG letters), the one common word among them (words.COMMON_ZIPF): the
    lists' rare short words are much noise, and a short slip the rules know as it is typed
    ("snei" for "snij") must not become a rare word ("seni"). None where there is not exactly
    one."""
    if len(found) > 1 or len(token) < LONG:
        found = {meant for meant in found if is_common(meant)}
    return found.pop() if len(found) == 1 else None


#: "ik hebben pillen genomen", "ik kunnen niet meer": who writes Dutch as a second language
#: often leaves a verb after "ik" unconjugated. The rules are written for "ik heb", "ik kan".
#: Only where "ik" opens a sentence or follows a comma: after a verb the infinitive is right
#: ("nu moet ik doen wat hij zegt"), and after "en ik" the verb is plural ("mijn broer en ik
#: zijn bang").
#: Folded forms: "hebben" folds to "heben", "neem" to "nem".
_CONJUGATED = {
    "heben": "heb", "kunen": "kan", "moeten": "moet", "wilen": "wil", "gan": "ga", "doen": "doe",
    "zijn": "ben", "worden": "word", "zulen": "zal", "mogen": "mag", "nemen": "nem",
    "sliken": "slik", "snijden": "snij", "springen": "spring", "denken": "denk",
}  # fmt: skip
_IK_INFINITIVE = re.compile(
    r"(?:^|(?<=\. )|(?<=, ))(ik|k) (" + "|".join(_CONJUGATED) + r")(?![a-z])"
)


def _conjugated(match: re.Match[str]) -> str:
    return f"{match.group(1)} {_CONJUGATED[match.group(2)]}"


def _unhyphen(match: re.Match[str]) -> str:
    parts = match.group().split("-")
    return " ".join(parts) if _PHRASE_LINKS.intersection(parts) else match.group()


def _join_spaced(match: re.Match[str]) -> str:
    return match.group().replace(" ", "")


def _join_staccato(match: re.Match[str]) -> str:
    return _STACCATO_DOTS.sub(" ", match.group())


def normalise(text: str) -> Normalised:
    """Fold case, accents, look-alike letters, leet, spacing, repeats and chat abbreviations."""
    folded = unicodedata.normalize("NFKD", _bounded(text).casefold())
    # Each step below scans the whole text: a step that cannot apply is skipped after a
    # cheaper check of the characters it needs (most messages are plain ASCII, without "!",
    # an apostrophe or an ellipsis), a tenth of a long message's folding (session 38).
    plain = folded.isascii()
    if not plain:
        folded = _INVISIBLE.sub("", folded)
        if _CONFUSABLE.search(folded) is not None:  # translating costs 80 µs a kB with an emoji
            folded = folded.translate(CONFUSABLES)
    # A NUL in the input would read as the comma placeholder below: it is a space, like any
    # other control character.
    folded = folded.replace("\x00", " ")
    laughing = _LAUGH.search(folded) is not None
    if "!" in folded or "|" in folded:
        folded = _INNER_BANG.sub("i", folded)
    if _LEET_CHARS.search(folded) is not None:  # a token without these stays as it is
        folded = _LEET_TOKEN.sub(_unleet, folded)
    if "-" in folded:  # most messages have no hyphen at all
        folded = _HYPHEN_PHRASE.sub(_unhyphen, folded)
    folded = _JOINER.sub("", folded)
    if not plain or "'" in folded or "`" in folded:
        folded = _APOSTROPHE.sub("", folded)
    if not plain:
        folded = _EMOJI_WORDS.sub(lambda found: _EMOJI_WORD[found.group()], folded)
    if not plain or ".." in folded:
        folded = _CONTINUED.sub(" ", folded)
    folded = _BOUNDARY.sub(" . ", folded)
    if "," in folded:
        folded = _DIGIT_COMMA.sub(" ", folded).replace(",", " , ")
    folded = _OTHER.sub(" ", folded)
    folded = _SPACED.sub(_join_spaced, folded)
    folded = _STACCATO.sub(_join_staccato, folded)
    # Every other piece of the split is a word: one call per word, without a match object.
    pieces = _WORD_SPLIT.split(folded)
    pieces[1::2] = map(_fold_word, pieces[1::2])
    folded = "".join(pieces)
    if "zelf" in folded:
        folded = _SPLIT_SELF.sub(r"\1zelf", folded)
    folded = _IK_INFINITIVE.sub(_conjugated, folded)
    folded = _DOTS.sub(" .", folded)
    folded = _SPACES.sub(" ", folded).strip(" .,")
    if "," not in folded:
        return Normalised(folded, laughing)
    return _without_commas(folded, laughing=laughing)


def _without_commas(folded: str, *, laughing: bool) -> Normalised:
    words: list[str] = []
    clauses: list[int] = []
    size = 0
    for word in folded.split(" "):
        if word == "," or not word:
            if words and words[-1] != "." and (not clauses or clauses[-1] != size + 1):
                clauses.append(size + 1)
            continue
        if word == "." and words and words[-1] == ".":
            continue
        size += len(word) + (1 if words else 0)
        words.append(word)
    text = " ".join(words)
    return Normalised(text, laughing, tuple(start for start in clauses if start < len(text)))
