"""Split words typed without spaces ("ikwildood", "killmyself") into the chat words they are.

A young person in a hurry or on a small keyboard leaves the spaces out: "ikwildoodikwildood",
"wanttodie", "cutmyself". No rule reads a run of words as one token. A token that is no real
Dutch or English word (bot/safety/words.py) and that splits wholly into the short words of a
crisis statement, at least one of them a sign ("dood", "kill", "cut"), is read as those words.
Real words never split ("doodmoe", "diehard", "cutlery"), and a run made of other words
("ikwilpizza") stays as it is.
"""

from __future__ import annotations

from functools import lru_cache

from bot.safety.lexicon import fold
from bot.safety.words import LONG, is_word

__all__ = ["split"]

#: The words a glued crisis statement is made of: who, wanting, the act, the object.
_WORDS = [
    "ik", "i", "im", "wil", "wl", "wel", "want", "wanna", "wants", "to", "ga", "gaan", "gonna",
    "going", "me", "mezelf", "mijzelf", "myself", "my", "zelf", "mij", "dood", "die", "dead",
    "kill", "killing", "end", "ending", "it", "all", "zelfmoord", "suicide", "plegen", "cut",
    "cutting", "snij", "snijd", "snijden", "kras", "krassen", "hang", "ophangen", "op", "te",
    "om", "van", "kant", "maken", "leven", "life", "doen", "doe", "have", "just", "gewoon",
    "gwn", "echt", "really", "niet", "meer", "not", "anymore", "hate", "haat", "hurt", "pijn",
    "springen", "jump", "off", "pills", "pillen", "overdose", "sterven", "dying", "wish", "am",
    "now", "nu", "vandaag", "today", "tonight", "vanavond", "again", "weer", "so", "zo",
    "heb", "had", "ben", "gesneden", "gekrast", "nog", "alweer", "ive", "been", "dronken", "dat",
    "alles", "stopt", "drunk", "verkracht", "aangerand", "misbruikt", "mishandeld", "geslagen",
    "raped", "abused", "word", "wordt", "werd", "got", "was",
]  # fmt: skip
_SIGNS = [
    "dood", "die", "dead", "kill", "killing", "zelfmoord", "suicide", "cut", "cutting", "snij",
    "snijd", "snijden", "kras", "krassen", "hang", "ophangen", "sterven", "dying", "overdose",
    "leven", "life", "gesneden", "gekrast", "stopt", "verkracht", "aangerand", "misbruikt",
    "mishandeld", "geslagen", "raped", "abused",
]  # fmt: skip
_PARTS = frozenset(_WORDS) | frozenset(fold(word) for word in _WORDS)
_SIGN_PARTS = frozenset(_SIGNS) | frozenset(fold(word) for word in _SIGNS)
_LONGEST = max(len(word) for word in _PARTS)
_SHORTEST_TOKEN = 6
_LONGEST_TOKEN = 48


@lru_cache(maxsize=8192)
def split(token: str) -> tuple[str, ...] | None:
    """The words a glued token is made of, or None when it is not a glued crisis statement."""
    if not (_SHORTEST_TOKEN <= len(token) <= _LONGEST_TOKEN) or not token.isalpha():
        return None
    if not any(sign in token for sign in _SIGN_PARTS):
        return None  # the common case, decided by a few substring tests
    pieces = _fewest(token)
    if pieces is None or len(pieces) < 2 or not any(piece in _SIGN_PARTS for piece in pieces):
        return None
    # A run folded to under LONG letters is judged by its pieces alone: the lists' rare short
    # words are much noise ("doodga" folds to "dodga", which they hold).
    folded = fold(token)
    return None if len(folded) >= LONG and is_word(folded) else pieces


def _fewest(token: str) -> tuple[str, ...] | None:
    """`token` cut into the fewest pieces that are all in _PARTS, or None."""
    best: list[tuple[str, ...] | None] = [None] * (len(token) + 1)
    best[0] = ()
    for end in range(1, len(token) + 1):
        for start in range(max(0, end - _LONGEST), end):
            before = best[start]
            if before is None or token[start:end] not in _PARTS:
                continue
            found = best[end]
            if found is None or len(before) + 1 < len(found):
                best[end] = (*before, token[start:end])
    return best[len(token)]
