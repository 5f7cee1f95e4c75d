"""A sign said in order to deny it: "niemand slaat me", "nee ik snij mezelf niet", "no suicidal
thoughts", "zelfmoord is voor mij geen optie", "waarom vraag je of ik mezelf pijn doe?".

Asked how they are, young people answer in the very words of the question, and a denial then
got the crisis lines: 38 of round BQ's 253 such answers (tests/safety/train_negatives_bq.yaml),
"serieus? ik zeg dat ik eenzaam ben en je vraagt meteen of ik zelfmoord wil plegen 🙄 nee dus"
among them. A guarded rule
already yields to a negation a few words before it (context.is_negated); most rules are not
guarded, for "ik wil niet meer leven" and "niemand weet dat ik mezelf snij" are signs.

So a denial is read only in a few fixed grammatical forms, each tied to the sign's own span
in its own clause, and only for signs that name an act (hitting, cutting, killing oneself,
the word suicide): never for wanting, living or being there ("why would i want to live"):

- nobody does it: "niemand slaat me", "nobody hurts me" (the no-one is the act's subject);
- not done: "ik snij mezelf niet", "ik snij mezelf al 3 jaar niet meer", "hij stalkt me niet
  meer hoor" (the clause ends on the negation);
- a negation straight before the act: "ik word niet mishandeld", "no suicidal thoughts",
  "i've never cut myself";
- no thought of it: "geen gedachten over mezelf pijn doen", "not thinking about hurting
  myself", "niet meer bezig met mezelf straffen";
- asked about the question: "waarom vraag je of ik mezelf pijn doe", "hoe bedoel je of ik
  mezelf iets aandoe", "wie zegt dat ik mezelf pijn doe", "why would i kill myself";
- no option: "zelfmoord is voor mij geen optie", or the sign alone and "nee" after it:
  "zelfmoord? echt niet", "dood willen? nee man";
- free of it: "1 jaar zelfbeschadigingvrij", "one year self harm free".

Any other sign in the message still speaks, and so does the model.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from bot.safety.patterns import compile_rule
from bot.safety.ruleset import load_macros

__all__ = ["acts", "could_deny", "denied", "undermined"]

#: The words of an act (not of wanting, living or being there), folded by the compiler as the
#: text is. Plain words only, so the compiler makes one trie of them (bot/safety/patterns.py):
#: a message's acts are found in about 11 microseconds (50 as a regex of suffixes).
_ACT_WORDS = [
    "slaat", "sloeg", "slaan", "geslagen", "schopt", "schopte", "geschopt", "bedreigt",
    "bedreigde", "bedreigd", "stalkt", "stalkte", "gestalkt", "achtervolgt", "volgt", "doet",
    "deed", "aandoe", "aandoen", "raakt", "raakte", "mishandelt", "mishandeld", "mishandelde",
    "misbruikt", "misbruikte", "verkracht", "verkrachtte", "betast", "randt", "aangerand",
    "dwingt", "dwong", "gedwongen", "chanteert", "knijpt", "wurgt", "gewurgd", "trapt",
    "getrapt", "duwt", "snij", "snijd", "snijdt", "sneed", "gesneden", "kras", "krast",
    "kraste", "gekrast", "brand", "gebrand", "straf", "straffen", "pillen", "pills", "meds",
    "medicijnen", "tabletten", "touw", "rope", "eind", "einde", "end", "ending", "hurt",
    "hurts", "hurting", "hit", "hits", "hitting", "beat", "beats", "beaten", "beating",
    "threaten", "threatens", "threatened", "touch", "touches", "touched", "abuse", "abuses",
    "abused", "abusing", "rape", "rapes", "raped", "stalk", "stalks", "stalked", "stalking",
    "follow", "follows", "followed", "kick", "kicks", "kicked", "force", "forces", "forced",
    "choke", "chokes", "choked", "pushes", "pushed", "harm", "harms", "harmed", "harming",
    "cut", "cuts", "cutting", "burn", "burns", "burning", "burned", "kill", "killing",
    "killed", "zelfdoding", "sh", "zm", "poging", "attempt",
]  # fmt: skip
_ACT = "(?:(?:" + "|".join(_ACT_WORDS) + r")\b|(?:zelfmoord|suicid|zelfbeschadig|self ?harm)\w*)"
#: Words of an act that never open a denied sign but may stand inside one: "waarom zou ik
#: mezelf pijn doen" is denied, "ik ga niks doen vannacht" and "straks geen pijn meer" are not.
_INSIDE = r"(?:doe|doen|pijn)"
_NEG = r"(?:niet|nie|nooit|not|never|geen|no|niks|nothing)"
_NOBODY = r"(?:niemand|nobody|no one|noone)"
_FILL = r"(?:hier|thuis|ooit|ever|echt|really|hoor|at home|here|else|anders|meer)"
_SOURCES = {
    # "niemand slaat me", "nobody at home hurts me": the last words before the act.
    "nobody": rf"\b{_NOBODY}(?: {_FILL}){{0,2}} $",
    # What may follow a denied act up to the clause's end: "niet", "al 3 jaar niet meer hoor".
    "not_done": (
        rf"^(?:(?:al|nu|lang|sinds|[0-9]+|een|twee|drie|vier|vijf|jaar|jaren|maanden|weken|"
        rf"tijd|years?|months?|weeks?|for|in|ages) ){{0,4}}(?:{_NEG}|anymore|no more|no longer)"
        rf"(?: (?:meer|hoor|echt|natuurlijk|anymore|more|ever|again|nee|no|lol|haha|ofzo|dus|"
        rf"man|joh|gelukkig|thankfully|thank god|ok|oke|at all|helemaal))*"
        r"(?: (?:en|and|dus|so) .*)?$"
    ),
    "negated": (
        rf"(?<!nog )(?<!still )(?<!om )(?<!als ik )(?<!als je )(?<!if i do )(?<!if you do )"
        rf"\b(?:{_NEG}|{_NOBODY}|zonder|without)"
        r"(?: (?:been|geweest|ben|word|worden|werd|wordt|get|gets|got|was|were|is|ever|ooit))? $"
    ),
    # What keeps a negated act a sign: "i've never cut myself this deep before".
    "intense": (
        r"\b(?:before|eerder|this|deep|diep|erg|badly|so bad|zo erg|again|weer|tot|until|till|"
        r"elke|every|iedere|altijd|always|steeds|vaak|often|literally|letterlijk)\b"
    ),
    "no_thought": (
        rf"\b(?:{_NEG}|zonder|without)(?: (?:any|real|echte|enige|serious|serieuze|meer|more))?"
        r" (?:thoughts?|gedachten|plans?|plannen|intentions?|intentie|"
        r"(?:meer |more |echt |really )?(?:thinking|denken|bezig|busy|denk|think))"
        r"(?: (?:er|it|anymore|meer))?(?: (?:of|about|over|aan|om|to|van|met|with))?"
        r"(?: (?:ik|i|dat ik|that i))? $"
        r"|\b(?:denk|think|dacht|thought) (?:er |about it )?(?:niet|nooit|never|not) (?:meer )?"
        r"(?:aan|about|of)(?: om| to)? $"
    ),
    "asked": (
        r"(?:\b(?:waarom|why) (?:vraag|vraagt|vroeg|ask|asking|asked|do you ask|would you ask)"
        r"|\b(?:je|jij|jullie|you) (?:vraagt|vroeg|vragen|ask|asked|are asking|keep asking)"
        r"|\b(?:hoe bedoel je|wat bedoel je|what do you mean)(?: (?:met|by|with))?"
        r"|\b(?:wie zegt|wie zei|who says|who said|who told you|hoe kom je erbij)"
        r"|\b(?:waarom zou ik|why would i|why should i|why would anyone)"
        r"|\b(?:betekent|wil zeggen|means?|meant)(?: (?:nog|echt|really|automatisch|"
        r"automatically))? (?:niet|not|nie)(?: (?:meteen|direct|automatisch|automatically))?)"
        r"(?: (?:je|jij|jullie|you|u|me|mij|meteen|nou|now|steeds|always|altijd|direct|gelijk))*"
        r"(?: (?:of|if|whether|dat|that))?(?: (?:ik|i))?"
        r"(?: (?:am|ben|m|would|zou|wil|want to|being|been|getting|word))* $"
    ),
    "no_option": (
        r"^(?:is|was|lijkt|seems|is echt|is really)?(?: (?:voor mij|for me|to me|me))?"
        r" ?(?:geen optie|nooit een optie|never an option|not an option|no option|"
        r"niet mijn ding|not my thing|not for me|niks voor mij|nothing for me|geen ding)\b"
    ),
    "refusal": (
        r"^(?:nee|no|nope|nah|echt niet|absolutely not|hell no|never|nooit|helemaal niet|"
        r"zeker niet|nee dus|no way|geen sprake van|of course not|natuurlijk niet|tuurlijk niet|"
        r"not at all|niet echt|lol no|haha nee)\b"
    ),
    "alone": r"^(?:(?:en|maar|dus|of|serieus|seriously|so|and|but|or|wat|what|hoezo)(?: |$))*$",
    "free": r"(?:vrij|free|clean)$",
    "free_after": r"^(?:vrij|free|clean)\b",
    # A word at least one of the forms needs: where none is near the sign, no form can hold,
    # and most signs are read with this one search (a tenth of a millisecond at p99 otherwise).
    "cue": (
        r"\b(?:niet|nie|nooit|not|never|geen|no|niks|nothing|niemand|nobody|noone|zonder|"
        r"without|anymore|longer|waarom|why|vraag|vraagt|vroeg|vragen|ask|asking|asked|bedoel|"
        r"mean|zegt|zei|says|said|told|erbij|zou|would|should|betekent|means|meant|zeggen|optie|"
        r"option|ding|thing|nee|nope|nah|sprake|course)\b|(?:vrij|free|clean)\b"
    ),
    "act": rf"\b(?:{_ACT}|{_INSIDE}\b)",
    "act_first": rf"^{_ACT}",
    "act_word": rf"\b{_ACT}",
    # A denial that takes itself back: "ik ben niet mishandeld, ik had het gewoon verdiend",
    # "ik eet niet, maar dat is geen zelfbeschadiging, dat is discipline", "is dat mishandeling?
    # hij slaat me nooit".
    "undermined": (
        r"\b(?:verdiend|deserved?|deserving|eigen schuld|(?:my|mijn) (?:own )?(?:fault|schuld)|"
        r"discipline|is (?:dat|dit|het) (?:ook |dan )?(?:mishandeling|misbruik|geweld|abuse|"
        r"normaal)|is (?:that|this|it) (?:abuse|normal|violence)|(?:dat|het) is toch anders|"
        r"(?:that|it) is (?:different|not the same)|zegt dat (?:het|dit|dat) normaal is|"
        r"says (?:it|this|that|what we do) is normal|shouldn t tell|should not tell|"
        r"mag het niet (?:vertellen|zeggen)|(?:maar|but) wel)\b|(?:^|\. )wel\b"
        # A denial hedged in the next sentence: "ik ga niks doen vannacht. denk ik. misschien".
        r"|(?:^|\. )(?:denk ik|misschien|maybe|idk|i think|probably|of niet|or not|of toch)\b"
    ),
    # A sign of wanting to live no longer is never read as denied ("why would i want to live").
    "life": r"\b(?:leven|live|living|alive|life|verder|exist|existing|bestaan|wakker|wake)\b",
    "death": r"^(?:dood|die|dead|sterven|dying)\b",
    "any_neg": rf"\b{_NEG}\b",
}


@cache
def _compiled(name: str) -> re.Pattern[str]:
    return compile_rule(_SOURCES[name], load_macros())


def denied(clause: str, start: int, end: int, following: str) -> bool:
    """Whether the sign at `start`-`end` of its `clause` is said in order to deny it, in one
    of the forms above; `following` is the clause after it (for "zelfmoord? echt niet")."""
    before, sign = clause[:start], clause[start:end].strip()
    after = clause[end:].strip(" .")
    if _compiled("life").search(sign) is not None:
        return False
    if _compiled("act").search(sign) is None:
        return _compiled("death").search(sign) is not None and _refused(before, after, following)
    head = f"{before.rstrip()} "
    if _compiled("free").search(sign) is not None or _compiled("free_after").search(after):
        return True
    # "niemand slaat me", "ik word niet mishandeld": the act itself opens the sign, not "dat
    # ik suïcidaal ben" ("mn ouders weten niet dat ik suïcidaal ben") or "stop cutting".
    first = _compiled("act_first").search(sign) is not None
    # The words right after the clause count too: "ice doesn't cut it. literally lol".
    near = " ".join([after, *following.strip(" .").split()[:2]])
    intense = _compiled("intense").search(near) is not None
    return (
        (first and not intense and _compiled("nobody").search(head) is not None)
        or (first and not intense and _compiled("negated").search(head) is not None)
        or _compiled("no_thought").search(head) is not None
        or (
            _compiled("asked").search(head) is not None
            and _compiled("any_neg").search(f"{sign} {after}") is None
        )
        or (bool(after) and _compiled("not_done").search(after) is not None)
        or _compiled("no_option").search(after) is not None
        or _refused(before, after, following)
    )


def could_deny(text: str) -> bool:
    """Whether `text` (a sign's clause and a few words after it) holds a word some denial form
    needs; where it does not, `denied` is False and need not be asked."""
    return _compiled("cue").search(text) is not None


def acts(text: str) -> Iterator[tuple[int, int]]:
    """Where `text` names an act the denial forms can deny ("snij", "cut", "zelfmoord")."""
    return (match.span() for match in _compiled("act_word").finditer(text))


def undermined(text: str) -> bool:
    """Whether the message takes a denial back ("ik had het gewoon verdiend"): then no sign in
    it is read as denied."""
    return _compiled("undermined").search(text) is not None


def _refused(before: str, after: str, following: str) -> bool:
    """The sign alone in its clause and a refusal right after it: "zelfmoord? echt niet"."""
    return (
        not after
        and _compiled("alone").search(before.strip()) is not None
        and _compiled("refusal").search(following.strip(" .")) is not None
    )
