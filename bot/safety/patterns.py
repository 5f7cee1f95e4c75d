"""The rule shape and the small regex vocabulary (macros) every crisis rule is written in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.safety.normalize import collapse_pattern

__all__ = ["SEVERITY", "Category", "Rule", "compile_rule", "rule"]

Category = Literal["suicide", "self_harm", "abuse", "danger"]

# Most severe first: acute danger to life needs 112 before anything else, then suicide.
SEVERITY: tuple[Category, ...] = ("danger", "suicide", "self_harm", "abuse")

# Words that turn a statement around; a gap between two words of a phrase may not contain them,
# so "ik wil niet dood" never reads as "ik wil ... dood".
_NEG = r"(?:niet|nie|ni|geen|nooit|not|never|no|nothing|niks|nimmer)"
# Other people as object ("ik wil dat hij dood gaat") end a gap too: anger, not a crisis sign.
_OTHERS = r"(?:hij|zij|hem|haar|jij|je|jou|jullie|he|she|him|her|you|dat|that|hun|die)"

_MACROS = {
    # Up to three words that are not negations or other people.
    "gap": r"(?:(?!" + _NEG + r"\b|" + _OTHERS + r"\b)[a-z0-9]+ ){0,3}",
    # Up to three words, anything but a negation.
    "any": r"(?:(?!" + _NEG + r"\b)[a-z0-9]+ ){0,3}",
    # Up to six words, for clauses such as "hoop dat ik een ongeluk krijg en dood ga".
    "far": r"(?:(?!" + _NEG + r"\b)[a-z0-9]+ ){0,6}",
    # Adverbs that may sit between a violent verb and its object ("slaat me soms", "sloeg
    # me gisteren"); a free gap there would read "sloeg haar armen om me heen" as violence.
    "adv": (
        r"(?:(?:weer|vaak|soms|altijd|steeds|elke dag|iedere dag|echt|gewoon|ook|nog|dan|toen|"
        r"gisteren|vroeger|thuis|hard|nu|alweer|constant|elke keer|vaak|nog steeds|wel eens|"
        r"regelmatig) )*"
    ),
    "neg": _NEG,
    "i": r"(?:ik|k|i|ikzelf)",
    "me": r"(?:me|mij|mezelf|mijzelf|mijn ?zelf|zichzelf|zich|haarzelf|hemzelf)",
    "my": r"(?:mijn|me|m)",
    "want": r"(?:wil|wilt|wl|wul|wile|willen|wou|wouw|wilde|will)",
    "en_want": (
        r"(?<!not )(?<!never )(?<!no )(?:want|wanted|wants|wish|wished|would like|ready|need|"
        r"going|about|planning|plan|deserve|tempted|trying|tried|try) (?:to )?"
    ),
    "self_en": r"(?:myself|my self|meself|mself|himself|herself|themselves|themself)",
    "who_nl": (
        r"(?:vader|pa|papa|pap|moeder|ma|mama|mam|stiefvader|stiefpa|stiefmoeder|stiefma|"
        r"ouders|broer|broertje|zus|zusje|stiefbroer|oom|tante|opa|oma|neef|nicht|vriend|"
        r"vriendje|vriendin|ex|partner|man|vrouw|leraar|docent|juf|meester|trainer|coach|baas|"
        r"buurman|huisgenoot|huisbaas|collega|klasgenoot|klasgenoten|begeleider|jongen|"
        r"jongens|vriendjes|vrienden)"
    ),
    "who_en": (
        r"(?:he|she|they|dad|daddy|mom|mum|mother|father|stepfather|stepmom|stepmother|"
        r"boyfriend|girlfriend|husband|uncle|brother|sister|teacher|coach|ex|partner|parents|"
        r"someone|somebody|grandpa|grandfather|cousin|neighbour|neighbor|boss|guy|man|friend)"
    ),
    # End of the sentence, allowing chat filler after it ("ik wil niet meer ofz").
    "end": (
        r"(?: (?:echt|gewoon|hoor|man|ofz|meer|eigenlijk|zo|nu|ja|oke|ok|help|srs|fr|rn|tbh|ngl|"
        r"serieus|letterlijk|vannacht|gisteren|vandaag|weer|net|again|vanavond|vanochtend|al|"
        r"nog|steeds|today|tonight|anymore))*(?= \.|$)"
    ),
}
_MACRO = re.compile(r"<(\w+)>")


@dataclass(frozen=True, slots=True)
class Rule:
    """One crisis sign: what it means, how to find it, and whether context may overrule it.

    A `guarded` rule is a bare key word or a phrase that jokes and topics also use; it is skipped
    when the message laughs, discusses the topic (film, les, news) or negates it right before.
    An unguarded rule is a personal statement and always wins.
    """

    id: str
    category: Category
    pattern: re.Pattern[str]
    guarded: bool = False


def compile_rule(source: str) -> re.Pattern[str]:
    """Expand the <macros> and fold letter runs exactly as the normaliser folds text."""
    expanded = _MACRO.sub(lambda match: _MACROS[match.group(1)], source)
    return re.compile(collapse_pattern(expanded))


def rule(id_: str, category: Category, source: str, *, guarded: bool = False) -> Rule:
    """A rule whose pattern is written in natural spelling with <macros>."""
    return Rule(id_, category, compile_rule(source), guarded)
