"""Read a normalised message clause by clause: idioms, negations and topics count only in their
own clause, and the words around a sign tell whose danger it is."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Literal

from bot.safety.context import is_negated, mask_idioms, on_topic
from bot.safety.normalize import Normalised

__all__ = ["Reading", "read_clauses"]

# Words that start a new clause for context: "ik wil niet meer naar school maar ik wil dood".
_JOINS = re.compile(r" (?:maar|but|want|omdat|because|doordat|though|although|however|\.) ")
# Who a sentence is about. A first-person word in the sign itself decides ("hij slaat me");
# otherwise the nearest person word before it ("mijn vriendin wil zelfmoord plegen").
_SELF = frozenset(
    ["ik", "k", "i", "ikzelf", "me", "mij", "mezelf", "mijzelf", "myself", "meself", "mn"]
)  # fmt: skip
_OTHER = frozenset(
    [
        "hij",
        "zij",
        "ze",
        "he",
        "she",
        "they",
        "them",
        "him",
        "her",
        "hem",
        "haar",
        "zichzelf",
        "himself",
        "herself",
        "themselves",
        "themself",
        "vriend",
        "vriendin",
        "vriendje",
        "vriendinnetje",
        "friend",
        "friends",
        "bestie",
        "bff",
        "maat",
        "broer",
        "broertje",
        "zus",
        "zusje",
        "brother",
        "sister",
        "bro",
        "sis",
        "neef",
        "nicht",
        "cousin",
        "klasgenoot",
        "klasgenote",
        "classmate",
        "huisgenoot",
        "roommate",
        "housemate",
        "collega",
        "colleague",
        "teammate",
        "vrienden",
        "buddy",
    ]
)
_LOOK_BACK = 8


@dataclass(frozen=True, slots=True)
class Reading:
    """The message with idioms masked per clause, and where each context clause lies."""

    text: str
    breaks: tuple[int, ...]

    def context(self, position: int) -> tuple[int, int]:
        """The clause around `position`: from the break before it to the break after it."""
        start, end = 0, len(self.text)
        for point in self.breaks:
            if point <= position:
                start = point
            else:
                end = point
                break
        return start, end

    def overruled(self, clause: tuple[int, int], position: int) -> bool:
        """Whether a topic word or a negation in the clause overrules a guarded sign."""
        start, end = clause
        words = self.text[start:end]
        return on_topic(words) or is_negated(words, position - start)

    def subject(self, clause: tuple[int, int], start: int, end: int) -> Literal["self", "other"]:
        """'self' when the sign is about the writer, 'other' when about someone they name."""
        sign = self.text[start:end].split()
        if any(word in _SELF for word in sign):
            return "self"
        before = self.text[clause[0] : start].split()[-_LOOK_BACK:]
        for word in (*reversed(before), *sign):
            if word in _SELF:
                return "self"
            if word in _OTHER:
                return "other"
        return "self"


def read_clauses(folded: Normalised, idioms: re.Pattern[str] | None = None) -> Reading:
    """Mask idioms clause by clause and note where each context clause begins."""
    bounds = (0, *folded.clauses, len(folded.text))
    parts = [folded.text[a:b].strip() for a, b in itertools.pairwise(bounds)]
    masked = [mask_idioms(part, idioms).strip() for part in parts if part]
    text = " ".join(part for part in masked if part)
    breaks: list[int] = []
    offset = 0
    for part in masked[:-1]:
        offset += len(part) + 1
        breaks.append(offset)
    breaks += [found.end() for found in _JOINS.finditer(text)]
    return Reading(text, tuple(sorted(set(breaks))))
