"""A first guess at a WhatsApp writer's language. Telegram tells the app's language; WhatsApp
does not, and the phone number's country code would say where someone lives, which we do not
want to know. So the first message's own words decide, when they clearly can: English
function words and greetings, and no Dutch ones. Otherwise there is no hint, and the engine
starts in Dutch (the person can switch with "English" or /language at any time)."""

from __future__ import annotations

import re

__all__ = ["guess"]

_WORD = re.compile(r"[a-z']+")
_ENGLISH = frozenset(
    [
        "i",
        "i'm",
        "im",
        "i've",
        "you",
        "your",
        "my",
        "me",
        "the",
        "is",
        "am",
        "are",
        "was",
        "hello",
        "hi",
        "hey",
        "what",
        "how",
        "who",
        "why",
        "when",
        "this",
        "that",
        "it's",
        "with",
        "for",
        "from",
        "and",
        "but",
        "not",
        "don't",
        "can't",
        "please",
        "thanks",
        "thank",
        "english",
        "anyone",
        "someone",
        "feel",
        "feeling",
        "lonely",
        "alone",
        "help",
        "talk",
    ]
)
_DUTCH = frozenset(
    [
        "ik",
        "je",
        "jij",
        "jou",
        "mijn",
        "me",
        "de",
        "het",
        "een",
        "is",
        "ben",
        "bent",
        "was",
        "hoi",
        "hallo",
        "hoe",
        "wat",
        "wie",
        "waarom",
        "wanneer",
        "dit",
        "dat",
        "met",
        "voor",
        "van",
        "en",
        "maar",
        "niet",
        "geen",
        "wel",
        "graag",
        "dank",
        "bedankt",
        "nederlands",
        "iemand",
        "voel",
        "eenzaam",
        "alleen",
        "hulp",
        "praten",
        "heb",
        "heeft",
        "zijn",
    ]
)


def guess(text: str) -> str | None:
    """ "en" when the words are clearly English, "nl" when clearly Dutch, else None."""
    words = _WORD.findall(text.casefold())
    english = sum(word in _ENGLISH for word in words)
    dutch = sum(word in _DUTCH for word in words)
    if english > dutch:
        return "en"
    if dutch > english:
        return "nl"
    return None
