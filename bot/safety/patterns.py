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
    # Filler a chat sentence puts anywhere ("als ik er gwn niet meer ben", "i just stopped").
    # Bounded: two fillers side by side, or a filler in a repeated group, must not backtrack
    # exponentially on "al al al al ...".
    "fill": r"(?:<fillw> ){0,4}",
    "fillw": (
        r"(?:gewoon|gwn|echt|egt|toch|eenmaal|wel|ook|dan|straks|al|eigenlijk|wss|misschien|nu|"
        r"zo|just|really|even|actually|literally|honestly|finally|already|all|probably|prob|def|"
        r"definitely|simply)"
    ),
    # A moment in the near future: the time in a plan ("morgen ben ik er niet meer").
    "when": (
        r"(?:(?:morgen|overmorgen)(?:ochtend|avond|middag|nacht)?|vanavond|vannacht|straks|"
        r"zometeen|zo meteen|volgende week|volgende maand|volgend jaar|(?:na|vanaf|voor|eind) "
        r"(?:vanavond|vandaag|morgen|nu|(?:het|dit|deze|volgend|volgende) (?:weekend|week|"
        r"maand))|dit weekend|(?:op |deze |volgende |a s |as )?(?:maandag|dinsdag|woensdag|"
        r"donderdag|vrijdag|zaterdag|zondag)|over (?:een|twee|drie|vier|vijf|[0-9]+) (?:paar )?"
        r"(?:dag|dagen|week|weken|maand|maanden|uur|uurtjes|jaar)|binnenkort|op mijn "
        r"verjaardag|met kerst|tomorrow|tonight|next week|next month|next year|this weekend|"
        r"(?:by|on|this|next) (?:friday|monday|tuesday|wednesday|thursday|saturday|sunday)|by "
        r"(?:tomorrow|next week|the weekend|then|the end of the (?:week|month|year))|after "
        r"(?:tonight|today|this week|the weekend)|in (?:a|two|three|a few|a couple of|[0-9]+) "
        r"(?:day|days|week|weeks|month|months)|this time next (?:week|year))"
    ),
    # A high place one can fall from; a roof terrace or a diving board is not one.
    "high": (
        r"(?:flat|flatgebouw|dak|brug|gebouw|balkon|dom|domtoren|toren|viaduct|parkeergarage|"
        r"klif|hoogbouw|bridge|building|roof|rooftop|cliff|balcony|tower|overpass|"
        r"skyscraper|parking garage|car park|ledge)\b(?! ?(?:terras|terrace|top|garden|bar|party))"
    ),
    # Someone does not answer or respond: with a goodbye, pills or a high place, danger.
    "no_answer": (
        r"(?:(?:neemt|nam|neem) (?:<any>)(?:niet|nie) (?:meer )?op|(?:reageert|reageerde) "
        r"(?:<any>)(?:niet|nie)\b(?! op (?:mijn|me|m|de|het) (?:app|appjes|appje|berichten|"
        r"bericht|snaps|dms|vraag))|(?:is|was|are) (?:not|niet) (?:meer )?(?:answering|"
        r"picking up|responding|replying|reachable|bereikbaar|aanspreekbaar)|not (?:answering|"
        r"picking up|responding|replying)|(?:will|wil) not (?:answer|pick up|respond|reply|wake "
        r"up)|(?:geeft|gaf) (?:<any>)geen (?:antwoord|reactie)|can not find (?:her|him|them)|"
        r"kan (?:haar|hem|ze) (?:nergens )?(?:niet |nie )?vinden|is vermist|is missing|went "
        r"missing|(?:is |was )?(?:niet|nie) "
        r"(?:meer )?(?:bereikbaar|wakker te krijgen|aanspreekbaar)|unresponsive|can not "
        r"(?:reach|wake) (?:her|him|them)|(?:doet|deed) (?:de deur )?(?:niet|nie) (?:meer )?open)"
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


# A group of plain words, "(?:vader|moeder|mama)": the speed-up below rewrites these only.
_WORDS = r"[a-z0-9 ]+(?:\|[a-z0-9 ]+)+"
_WORD_GROUP = re.compile(r"\(\?:(" + _WORDS + r")\)")
# A word group that is a whole alternative of its parent ("(?:a|(?:b|c)|d)") can be inlined.
_INLINE = re.compile(r"(?<=[|(:!=])(?<!\\\|)\(\?:(" + _WORDS + r")\)(?=[|)])")
_MIN_TRIE = 3


_Node = dict[str, "_Node"]


def _trie(words: list[str]) -> str:
    """The words as one regex that branches letter by letter ("pa(?:pa)?" for "pa|papa")."""
    tree: _Node = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: _Node) -> str:
        branches = [char + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


def _tries(source: str) -> str:
    """Rewrite long word alternations as tries: the same matches, about half the work.

    The regex engine tries every word of "(?:vader|pa|papa|...)" at every position; a trie
    tries one branch per first letter. Only groups of plain words are touched, and a group
    that is a whole alternative of its parent is merged into it first.
    """
    while True:
        inlined = _INLINE.sub(lambda match: match.group(1), source)
        if inlined == source:
            break
        source = inlined

    def rewrite(match: re.Match[str]) -> str:
        words = match.group(1).split("|")
        return match.group() if len(words) < _MIN_TRIE else "(?:" + _trie(words) + ")"

    return _WORD_GROUP.sub(rewrite, source)


def compile_rule(source: str) -> re.Pattern[str]:
    """Expand the <macros> and fold letter runs exactly as the normaliser folds text."""
    expanded = source
    while _MACRO.search(expanded):  # a macro may use another one ("<no_answer>" uses "<any>")
        expanded = _MACRO.sub(lambda match: _MACROS[match.group(1)], expanded)
    folded = collapse_pattern(expanded)
    try:
        return re.compile(_tries(folded))
    except re.error:  # a look-behind needs fixed widths; keep such a pattern as written
        return re.compile(folded)


def rule(id_: str, category: Category, source: str, *, guarded: bool = False) -> Rule:
    """A rule whose pattern is written in natural spelling with <macros>."""
    return Rule(id_, category, compile_rule(source), guarded)
