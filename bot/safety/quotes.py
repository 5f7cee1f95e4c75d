"""Reported speech: "mijn vriendin appte 'ik wil niet meer leven'" is about the friend.

Inside quotes, "ik" and "me" are the speaker's, not the writer's. A sign that only the quoted
words make, quoted from someone else, is about that someone: the reply tells the writer how to
help them. Only the raw text shows quotes (normalising drops them), so this reads the raw text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.safety.clauses import is_person, is_possessive_me, is_self
from bot.safety.normalize import normalise

__all__ = ["Quote", "quoted"]

# An opening quote follows the start, a space, "(" or ":"; a closing one is followed by the end,
# a space or punctuation, so the apostrophes inside "m'n", "zo'n" and "don't" are neither.
_QUOTE = re.compile(
    r"(?:^|(?<=[\s(:]))[\"'\u2018\u201c\u201e\u00ab\u2039](?P<said>[^\"\n]{3,}?)"
    r"[\"'\u2019\u201d\u00bb\u203a](?=$|[\s.,!?;:)\u2026])"
)
_MAX_QUOTES = 4


@dataclass(frozen=True, slots=True)
class Quote:
    """Words someone other than the writer said, and the message without them."""

    said: str
    rest: str


def quoted(text: str) -> list[Quote]:
    """The quotes in `text` whose speaker is someone the writer names, not the writer.

    The speaker is the first person named in the sentence before the quote: "my little sister
    wrote 'i want to die'" quotes the sister, "ik zei tegen mn moeder 'ik wil dood'" the writer.
    """
    found: list[Quote] = []
    for match in _QUOTE.finditer(text):
        if len(found) >= _MAX_QUOTES:
            break
        if _speaker_is_other(text[: match.start()]):
            rest = f"{text[: match.start()]} {text[match.end() :]}"
            found.append(Quote(match.group("said"), rest))
    return found


def _speaker_is_other(before: str) -> bool:
    words = normalise(before).text.rsplit(" . ", 1)[-1].split()
    # "texted my mum 'i'm going to kill myself'": a sentence that opens with a verb of saying
    # leaves out its subject, the writer.
    if words and words[0] in _SAYING:
        return False
    # "een screenshot van mn nichtje haar berichten: '...'", "got a text from my sister":
    # words that came from someone named.
    for index, word in enumerate(words):
        if word in _FROM and any(is_person(later) for later in words[index + 1 : index + 4]):
            return True
    for index, word in enumerate(words):
        if is_self(word):
            if is_possessive_me(words, index):  # "me zus zei '...'"
                continue
            return False
        if is_person(word):
            return True
    return False


_SAYING = frozenset(
    normalise(word).text
    for word in (
        "texted", "text", "appte", "app", "stuurde", "zei", "said", "told", "wrote", "schreef",
        "sent", "messaged", "typte", "typed", "replied", "antwoordde", "riep", "screamed",
        "yelled", "posted", "postte",
    )
)  # fmt: skip
_FROM = frozenset({"van", "from"})
