"""Tell whether a message shows a crisis sign: suicide, self-harm, abuse or acute danger."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.safety.context import is_negated, mask_idioms, on_topic
from bot.safety.normalize import normalise
from bot.safety.patterns import SEVERITY, Category, Rule
from bot.safety.rules_harm import ABUSE, SELF_HARM
from bot.safety.rules_life import DANGER, SUICIDE

__all__ = ["LONG_TEXT", "RULES", "Detection", "Level", "Subject", "detect"]

# Telegram caps a message at 4096 characters, so real messages are read whole. A longer text
# (a paste, another channel) is read as head + tail plus windows around hot words in the middle,
# which keeps a 100 kB text in tens of milliseconds instead of half a second.
LONG_TEXT = 12_288
_HEAD = 8_192
_TAIL = 4_096
_WINDOW = 200
_MAX_WINDOWS = 16
_HOT = re.compile(
    r"d[o0]{2,}d|zelf\W?m|zelf\W?d|suic|kill|kms|sterv|snij|kras|verkr|aanger|misbr|mishand|"
    r"slaat|sloeg|pillen|overdos|niet meer|cutting|hurt myself|rape|abuse|want to die|"
    r"touw|rope|afscheid|goodbye|nudes|naakt|chant|blackmail|geheim|secret|klaar mee|pills",
    re.IGNORECASE,
)


#: Who is in danger: the writer, or someone the writer tells about (a friend, a sibling).
Subject = Literal["self", "other"]
#: `crisis` gets the crisis lines at once; `concern` (ambiguous distress) a gentle check-in.
Level = Literal["crisis", "concern"]


@dataclass(frozen=True, slots=True)
class Detection:
    """A crisis sign: its category decides the help lines; evidence names the rule, for tests.

    `sexual` marks sexual violence (Centrum Seksueel Geweld beside Veilig Thuis); `subject`
    says whose safety it is about; `level` tells a crisis from a concern.
    """

    category: Category
    evidence: str
    subject: Subject = "self"
    level: Level = "crisis"
    sexual: bool = False


def _by_severity(rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
    # Unguarded (personal) rules first within a category, so the evidence is the strongest one.
    order = {category: rank for rank, category in enumerate(SEVERITY)}
    return tuple(sorted(rules, key=lambda item: (order[item.category], item.guarded)))


RULES: tuple[Rule, ...] = _by_severity((*DANGER, *SUICIDE, *SELF_HARM, *ABUSE))
_RANK = {category: rank for rank, category in enumerate(SEVERITY)}
# All rules as one pattern: it matches exactly when some rule matches. A short text is almost
# always an answer ("ja", "17", "min of meer"): one scan clears it instead of one per rule.
# Longer texts skip this scan, since a text that does match would pay for both.
_ANY_RULE = re.compile(
    "|".join(f"(?:{rule.pattern.pattern})" for rule in RULES), RULES[0].pattern.flags
)
assert all(rule.pattern.flags == _ANY_RULE.flags for rule in RULES), "rules must share flags"
_QUICK_CLEAR = 16


def _detect_short(text: str) -> Detection | None:
    folded = normalise(text)
    masked = mask_idioms(folded.text)
    if not masked.strip(" ._"):
        return None
    if len(masked) <= _QUICK_CLEAR and _ANY_RULE.search(masked) is None:
        return None
    topical: bool | None = None
    for candidate in RULES:
        for match in candidate.pattern.finditer(masked):
            if not candidate.guarded:
                return Detection(candidate.category, candidate.id)
            if topical is None:
                topical = folded.laughing or on_topic(masked)
            if topical:
                break
            if not is_negated(masked, match.start()):
                return Detection(candidate.category, candidate.id)
    return None


def _windows(text: str) -> list[str]:
    middle = text[_HEAD:-_TAIL]
    parts = [text[:_HEAD], text[-_TAIL:]]
    end = -1
    for hot in _HOT.finditer(middle):
        if hot.start() < end:
            continue
        end = hot.end() + _WINDOW
        parts.append(middle[max(0, hot.start() - _WINDOW) : end])
        if len(parts) >= _MAX_WINDOWS + 2:
            break
    return parts


def detect(text: str) -> Detection | None:
    """The most severe crisis sign in `text`, or None; pure, and safe on any input.

    Personal statements always count. A bare key word ("zelfmoord", "verkracht") counts unless
    the message laughs, is about a film, lesson or the news, or negates it right before.
    """
    if len(text) <= LONG_TEXT:
        return _detect_short(text)
    found = [sign for part in _windows(text) if (sign := _detect_short(part)) is not None]
    return min(found, key=lambda sign: _RANK[sign.category], default=None)
