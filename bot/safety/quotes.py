"""Reported speech: "mijn vriendin appte 'ik wil niet meer leven'" is about the friend.

Inside quotes, "ik" and "me" are the speaker's, not the writer's. A sign that only the quoted
words make, quoted from someone else, is about that someone: the reply tells the writer how to
help them. Only the raw text shows quotes (normalising drops them), so this reads the raw text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from bot.safety.clauses import is_person, is_possessive_me, is_self
from bot.safety.normalize import normalise

__all__ = ["Quote", "not_said", "quoted"]

# An opening quote follows the start, a space, "(" or ":"; a closing one is followed by the end,
# a space or punctuation, so the apostrophes inside "m'n", "zo'n" and "don't" are neither; nor
# is that of "'s nachts", "'s avonds" (round BV).
_QUOTE = re.compile(
    r"(?:^|(?<=[\s(:]))[\"'\u2018\u201c\u201e\u00ab\u2039](?!s\b)(?P<said>[^\"\n]{3,}?)"
    r"[\"'\u2019\u201d\u00bb\u203a](?=$|[\s.,!?;:)\u2026])"
)
_MAX_QUOTES = 4
_BEFORE = 300


@dataclass(frozen=True, slots=True)
class Quote:
    """Words quoted (from someone other than the writer, or from a song), and the message
    without them."""

    said: str
    rest: str


def quoted(text: str) -> list[Quote]:
    """The quotes in `text` whose speaker is someone the writer names, not the writer.

    The speaker is the subject of the last verb of saying before the quote: "my little sister
    wrote 'i want to die'" quotes the sister, "ik zei tegen mn moeder 'ik wil dood'" and "mijn
    moeder vroeg wat er was en ik zei 'ik wil dood'" the writer. Speech after a colon is a
    quote too, to the end of its sentence: "ze zei letterlijk: ik wil niet meer leven".
    """
    found: list[Quote] = []
    spans = [match.span("said") for match in _QUOTE.finditer(text)]
    spans += [
        match.span("said")
        for match in _COLON.finditer(text)
        if not any(low <= match.start() < high for low, high in spans)
    ]
    for low, high in sorted(spans)[:_MAX_QUOTES]:
        # The sentence before is what names the speaker: a bounded stretch of it, so a long
        # paste costs no more than a message.
        if _speaker_is_other(text[max(0, low - _BEFORE) : low - 1]):
            rest = f"{text[: low - 1]} {text[high + 1 :]}"
            found.append(Quote(text[low:high], rest))
    return found


def not_said(text: str) -> list[Quote]:
    """The quotes in `text` that are words not said by anyone to anyone: a word of songs or of
    play and wording among the six words before the quote or the four after it, in the same
    sentence.

    A song's words ("liedje", "zingt", "lyrics", "the line": "'ik wil dood' zingt die artiest op
    de radio", "that line in the song 'i'd rather die than live without you'"). Not a
    playlist's or a thing's name ("a playlist called 'for after'"): a name is chosen, a song is
    only quoted. Not "nummer", which is as often a phone number ("van een onbekend nummer: 'ik
    zie je'").

    Words played or talked about (round BL): a role play ("ik moest iemand spelen die zegt
    'niemand zou me missen'"), example sentences ("we oefenden met zinnen als 'ik wil er niet
    meer zijn'") or a phrase as a phrase ("why 'committed suicide' is discouraged as
    phrasing"). Not "oefenen" or "practise": one rehearses a disclosure too ("ik heb geoefend
    wat ik zeg: 'ik wil dood'"); not "oefening" or "vraag": a friend speaks after an exercise
    too ("mn maat zei na de oefening 'volgende keer kom ik niet terug'"), and "quick question,
    my ex just sent '...'" asks about someone else's words."""
    frame = _not_said_words()
    found: list[Quote] = []
    for match in itertools.islice(_QUOTE.finditer(text), _MAX_QUOTES):
        start, end = match.span()
        before = normalise(text[max(0, start - 80) : start]).text.rsplit(" . ", 1)[-1]
        after = normalise(text[end : end + 60]).text.split(" . ", 1)[0]
        if any(word in frame for word in (*before.split()[-6:], *after.split()[:4])):
            found.append(Quote(match.group("said"), f"{text[:start]} {text[end:]}"))
    return found


_SONG_WORDS = (
    "song", "songs", "lied", "liedje", "liedjes", "track", "lyric", "lyrics", "line",
    "songtekst", "zingt", "zong", "zingen", "sings", "sang", "singing", "rapt", "raps",
    "rapper", "album", "refrein", "chorus", "version", "versie", "radio", "zanger",
    "zangeres", "singer", "punkliedje",
)  # fmt: skip


_MENTION_WORDS = (
    "zinnen", "uitspraken", "phrases", "sentences", "statements", "rollenspel", "rollenspellen",
    "roleplay", "spelen", "speelde",
    "phrasing", "wording", "terminologie", "terminology", "uitdrukking", "formulering",
    "woordkeuze",
)  # fmt: skip


@cache
def _not_said_words() -> frozenset[str]:
    """The words of songs, play and wording, folded as messages are; on first use, so that
    importing reads no word list (folding may ask it)."""
    return frozenset(normalise(word).text for word in (*_SONG_WORDS, *_MENTION_WORDS))


def _speaker_is_other(before: str) -> bool:
    words = normalise(before).text.rsplit(" . ", 1)[-1].split()
    # "texted my mum 'i'm going to kill myself'": a sentence that opens with a verb of saying
    # leaves out its subject, the writer.
    if words and words[0] in _saying():
        return False
    # "een screenshot van mn nichtje haar berichten: '...'", "got a text from my sister":
    # words that came from someone named.
    for index, word in enumerate(words):
        if word in _FROM and any(is_person(later) for later in words[index + 1 : index + 4]):
            return True
    # "ik voel me zelf ook niet top, maar mijn vriendin zei '...'": the nearest subject before
    # the last verb of saying is who said it; "me", "mij", "hem" and "haar" are objects ("een
    # vriendin van me stuurde", "hij heeft mij een lijst gestuurd en zei").
    said = _said()
    verbs = [index for index, word in enumerate(words) if word in said]
    before_verb = words[: verbs[-1]] if verbs else []
    for index in range(len(before_verb) - 1, -1, -1):
        word = before_verb[index]
        if word in _I:
            return False
        # "(ik heb) tegen mn beste vriendin gezegd '...'": told to someone, not by them.
        addressed = any(w in _TO for w in before_verb[max(0, index - 3) : index])
        if is_person(word) and word not in _OBJECTS and not addressed:
            return True
    if verbs:
        # Someone named right after the verb said it; else the subject left out is "ik":
        # "vandaag tegen mn vriendin gezegd '...'".
        return _named_after(words, verbs[-1])
    for index, word in enumerate(words):
        if is_self(word):
            if is_possessive_me(words, index):  # "me zus zei '...'"
                continue
            return False
        # "een bericht klaar voor mn ruman: '...'": written for someone, not by them (round AV).
        if is_person(word) and not any(w in _FOR for w in words[max(0, index - 3) : index]):
            return True
    return False


def _named_after(words: list[str], verb: int) -> bool:
    """Whether someone named right after the verb of saying at `verb` said it: "vanavond
    stuurde hij '...'", "gisteren zei mijn zus '...'" (in Dutch the subject follows the verb
    after a word of time; round BV), not "toen zei ik" or "zei tegen haar"."""
    for word in words[verb + 1 : verb + 3]:
        if word in _I or word in _TO or word in _OBJECTS:
            return False
        if is_person(word):
            return True
    return False


_SAYING_WORDS = (
    "texted", "text", "appte", "app", "stuurde", "zei", "said", "told", "wrote", "schreef",
    "sent", "messaged", "typte", "typed", "replied", "antwoordde", "riep", "screamed",
    "yelled", "posted", "postte",
)  # fmt: skip
# Every verb of saying, also those that do not drop the subject: "she told me '...'".
_SAID_WORDS = (
    "zegt", "zeggen", "gezegd", "zeg", "says", "say", "tells", "tell", "vertelde", "vertelt",
    "verteld", "schrijft", "geschreven", "roept", "geroepen", "appt", "geappt", "stuurt",
    "gestuurd", "typt", "getypt", "fluisterde", "whispered", "shouted", "texts", "posts",
    "gepost", "huilde", "cried", "writes", "written", "snauwde", "schreeuwde",
)  # fmt: skip


# Normalised on first use, not at import: normalising a word may read the word lists
# (normalize._swapped), which importing bot.safety must not do.
@cache
def _saying() -> frozenset[str]:
    return frozenset(normalise(word).text for word in _SAYING_WORDS)


@cache
def _said() -> frozenset[str]:
    return _saying() | frozenset(normalise(word).text for word in _SAID_WORDS)


_FROM = frozenset({"van", "from"})
_I = frozenset({"ik", "k", "i", "ikzelf"})
_TO = frozenset({"tegen", "to", "aan"})
_FOR = frozenset(normalise(word).text for word in ("voor", "for"))
_OBJECTS = frozenset(
    {"hem", "haar", "him", "her", "them", "hun", "hen", "zn", "zijn", "his", "their"}
)

# "ze zei letterlijk: ik wil niet meer leven, ik heb al uitgezocht hoe." A verb of saying, at
# most four words that are not a new clause ("tegen me", "gisteren", "steeds"), a colon, and
# what follows up to the end of the sentence.
_COLON = re.compile(
    r"\b(?:zei|zegt|zeiden|zeggen|gezegd|said|says|told|tells|appte|appt|schreef|schrijft|"
    r"typte|stuurde|wrote|texted|vertelde|vertelt|riep|roept)"
    r"(?:\s+(?!(?:ik|i|maar|but|dat|that|en|and|want|omdat|because|dus|so)\b)[^\s.!?:\"']+)"
    r"{0,4}\s*:\s*(?P<said>[^\s\"'\u2018\u201c\u201e\u00ab\u2039][^.!?\n\"]{2,}?)"
    r"(?=$|[.!?\n])",
    re.IGNORECASE,
)
