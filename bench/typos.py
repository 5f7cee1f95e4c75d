"""Print how many plain crisis statements the detector still catches with one typo in them.

    python bench/typos.py

Who is in crisis often types fast, at night, on a small keyboard. Each plain first-person
statement ("kind: explicit, who: self") that the detector catches as written is typed again with
one slip in one of its words of four letters or more, chosen at random (seeded by the
statement, so every run types the same slip into it), in each of four ways: two neighbouring
letters swapped, a letter left out, a letter typed twice, a letter replaced by a neighbouring
key (QWERTY); and once more as written with everyday chatter around it ("sorry maar ...",
"... idk"). The figure is the share still caught, per way, on the measuring batches (never tuned
against: no line is printed) and on the tuning sets. A slip can make another real word ("slaat"
typed "salat", "niet" "nite"), which no reader can undo, so 100% is not the aim; a drop from one
commit to the next is.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.safety import MEASURE, TUNE, Case, _crisis, _load, expected  # noqa: E402
from bot.safety import detect  # noqa: E402

__all__ = ["KINDS", "main", "still_caught", "typed"]

KINDS = ("swapped", "left out", "doubled", "next key", "chatter")
#: Everyday chatter around a statement, one picked per statement (`chatter`).
_CHATTER = (
    "hoi. {}", "sorry maar {}", "ik weet niet hoe ik dit moet zeggen maar {}", "ok dus {}",
    "{} lol", "{} haha", "{} idk", "{} ofzo", "{} en ik weet niet wat ik moet doen", "{}. help",
    "eerlijk gezegd {}", "{} ngl", "{}!!!", "ff serieus: {}", "ik moet iets kwijt. {}",
    "hi. {}", "sorry but {}", "i don't know how to say this but {}", "ok so {}",
    "{} or something", "{} and i don't know what to do", "honestly {}", "real talk: {}",
    "i need to tell someone. {}",
)  # fmt: skip
SEED = 42
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_WORD = re.compile(r"[a-z]{4,}")


def _neighbours() -> dict[str, str]:
    near: dict[str, str] = {}
    for row_index, row in enumerate(_ROWS):
        for place, char in enumerate(row):
            found = {
                other[column]
                for other in _ROWS[max(0, row_index - 1) : row_index + 2]
                for column in range(place - 1, place + 2)
                if 0 <= column < len(other) and other[column] != char
            }
            near[char] = "".join(sorted(found))
    return near


_NEAR = _neighbours()


def typed(text: str, kind: str, rng: random.Random) -> str | None:
    """`text` with one slip of `kind` in one of its words of four letters or more, or None
    when it has no such word; for "chatter", `text` with everyday words around it."""
    if kind == "chatter":
        return rng.choice(_CHATTER).format(text)
    words = list(_WORD.finditer(text))
    if not words:
        return None
    word = rng.choice(words)
    letters = word.group()
    at = rng.randrange(len(letters) - 1)
    if kind == "swapped":
        # Two equal letters swapped are no slip: the next pair that differs, if any.
        pairs = [
            place for place in range(len(letters) - 1) if letters[place] != letters[place + 1]
        ]
        if not pairs:
            return None
        at = pairs[at % len(pairs)]
        slip = letters[:at] + letters[at + 1] + letters[at] + letters[at + 2 :]
    elif kind == "left out":
        slip = letters[:at] + letters[at + 1 :]
    elif kind == "doubled":
        slip = letters[:at] + letters[at] + letters[at:]
    elif kind == "next key":
        slip = letters[:at] + rng.choice(_NEAR[letters[at]]) + letters[at + 1 :]
    else:
        msg = f"unknown kind of slip: {kind}"
        raise ValueError(msg)
    return text[: word.start()] + slip + text[word.end() :]


def _plain(cases: Iterable[Case]) -> list[str]:
    return [
        case["text"]
        for case in cases
        if case.get("kind") == "explicit"
        and case.get("who") == "self"
        and expected(case) != "none"
    ]


def still_caught(texts: list[str]) -> dict[str, tuple[int, int]]:
    """Per kind of slip: of the statements caught as written, how many are still caught."""
    caught = [text for text in texts if _crisis(detect(text))]
    figures: dict[str, tuple[int, int]] = {}
    for kind in KINDS:
        # One generator per statement: a statement gets the same slip whatever else is caught.
        slipped = [
            slip
            for text in caught
            if (slip := typed(text, kind, random.Random(f"{SEED}:{kind}:{text}"))) is not None
        ]
        figures[kind] = (sum(_crisis(detect(slip)) for slip in slipped), len(slipped))
    return figures


def _print(title: str, texts: list[str]) -> None:
    print(f"\n{title}: {len(texts)} plain statements")
    for kind, (hits, total) in still_caught(texts).items():
        print(f"  {kind:<10} {hits}/{total} = {hits / max(total, 1):.1%} still caught")


def main() -> None:
    """Print the figures."""
    measuring = [name for name in MEASURE if name.startswith("catch_")]
    _print(
        f"measuring batches ({len(measuring)} sets, never tuned against)",
        [text for name in measuring for text in _plain(_load(name))],
    )
    _print("tuning sets", [text for name in TUNE for text in _plain(_load(name))])


if __name__ == "__main__":
    main()
