"""Word lists the normaliser uses: look-alike letters, chat abbreviations, fuzzy key terms."""

from __future__ import annotations

import re
from types import MappingProxyType

__all__ = [
    "CONFUSABLES", "EXPANSIONS", "EXPANSION_SPELLINGS", "FUZZY_STEMS", "FUZZY_TERMS",
    "KEY_PREFIXES", "KEY_WORDS", "K_VERBS", "fold",
]  # fmt: skip

_REPEAT = re.compile(r"([a-z])\1+")


def _first(run: re.Match[str]) -> str:
    return run.group(1)


def fold(text: str) -> str:
    """Fold every run of one letter to a single letter ("doooood" and "dood" both read "dod").

    The normaliser folds text with it and the rules are compiled the same way, so key words
    and text always agree. (A function replacement is about 3x faster than the template r"\1".)
    """
    return _REPEAT.sub(_first, text)


# Cyrillic and Greek letters that look Latin, and Latin letters NFKD does not decompose.
_LOOKALIKES = (
    "\u0430\u0432\u0435\u0451\u0437\u0456\u0457\u0458\u043a\u043c\u043d\u043e"
    "\u0440\u0441\u0442\u0443\u0445\u0455\u0501\u0261\u0578\u03b1\u03b2\u03b5"
    "\u03b9\u03ba\u03bd\u03bf\u03c1\u03c4\u03c5\u03c7\u00f8\u0142\u0111\u00f0"
    "\u0131"
)
_LATIN = "abee3iijkmhopctyxsdgnabeikvoptuxolddi"
CONFUSABLES = str.maketrans(
    {
        **dict(zip(_LOOKALIKES, _LATIN, strict=True)),
        "\u00e6": "ae",
        "\u0153": "oe",
        "\u00fe": "th",
    }
)

# Whole-token abbreviations and chat spellings, expanded to the words the rules are written in.
# "zm" is left out on purpose: in chat Dutch it mostly means "zo meteen"; the rules read it only
# next to words like "gedachten" or "plegen".
_EXPANSIONS = {
    "kms": "kill myself",
    "kmss": "kill myself",
    "kys": "kill yourself",
    "zmd": "zelfmoord",
    "zelfmoor": "zelfmoord",
    "unalive": "kill",
    "unalived": "killed",
    "unaliving": "killing",
    "sewerslide": "suicide",
    "selfharm": "self harm",
    "zelfharm": "self harm",
    "wanna": "want to",
    "wana": "want to",
    "wanne": "want to",
    "gonna": "going to",
    "gotta": "got to",
    "im": "i am",
    "ima": "i am going to",
    "imma": "i am going to",
    "ive": "i have",
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "cant": "can not",
    "cannot": "can not",
    "wont": "will not",
    "isnt": "is not",
    "wouldnt": "would not",
    "u": "you",
    "ur": "your",
    "ppl": "people",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "stepdad": "stepfather",
    "tis": "het is",
    "mn": "mijn",
    "mijne": "mijn",
    "min": "mijn",
    "zn": "zijn",
    "der": "er",
    "nie": "niet",
    "ni": "niet",
    "nimeer": "niet meer",
    "niemeer": "niet meer",
    "nietmeer": "niet meer",
    "meej": "meer",
    "ikke": "ik",
    # Dialect of the east (Achterhoek, Twente): "ik gao", "he zuukt".
    "gao": "ga",
    "gaot": "gaat",
    "zuukt": "zoekt",
    "kwee": "ik weet",
    "kweet": "ik weet",
    "ofzo": "ofz",
    "thinkin": "thinking",
    "endin": "ending",
    "cuttin": "cutting",
    "killin": "killing",
    "dyin": "dying",
    "hurtin": "hurting",
    "nothin": "nothing",
    "somethin": "something",
    "levn": "leven",
    "lvn": "leven",
    "pyn": "pijn",
    "pein": "pijn",
    "t": "het",
    "unaliven": "doden",
    "doodgaan": "dood gaan",
    "dodgaan": "dood gaan",
    "doodwillen": "dood willen",
    "zelfmoordplegen": "zelfmoord plegen",
    "vankant": "van kant",
    # A past participle made regular, as many write it: "ik heb weer gesnijd".
    "gesnijd": "gesneden",
    "gesnijt": "gesneden",
    # Two letters swapped in a short key word: fuzzy correction starts at 6 letters (shorter,
    # one slip is another word), and wordfreq lists these slips as words of their own ("dei"
    # Zipf 3.3, "neit" 2.6), so only this list reads them. None means anything else in a chat.
    "dei": "die",
    "deid": "died",
    "dide": "died",
    "daed": "dead",
    "neit": "niet",
    "lveen": "leven",
    "levne": "leven",
    "lvene": "leven",
    "pjin": "pijn",
    "ipjn": "pijn",
    "snji": "snij",
    "hrut": "hurt",
    "wnat": "want",
    "watn": "want",
    "iwl": "wil",
    "wli": "wil",
}
EXPANSIONS = MappingProxyType({fold(key): fold(value) for key, value in _EXPANSIONS.items()})
#: The expansions' keys as written ("gonna", "kweet"): folding "uur", "woont" or "deer" also
#: gives "ur", "wont", "der", but those are other words (bot/safety/normalize.py, `_expand`).
EXPANSION_SPELLINGS = frozenset(_EXPANSIONS)

# Verbs that chat Dutch glues to a leading "k" (= "ik"): "kwil", "kben", "ksnij".
K_VERBS = frozenset(
    fold(verb)
    for verb in (
        "wil", "wou", "ben", "heb", "had", "ga", "zie", "denk", "dacht", "hoop", "snij", "kras",
        "voel", "moet", "weet", "doe", "word", "werd", "sla", "zit", "trek", "hou", "kan", "ken",
        "durf", "mis", "haat", "zou", "wordt",
    )
)  # fmt: skip

# Long key words a misspelling should still reach ("zelfmorod", "suiside", "verkragt").
FUZZY_TERMS = tuple(
    fold(term)
    for term in (
        "zelfmoord", "zelfdoding", "suicide", "suicidaal", "suicidal", "zelfbeschadiging",
        "automutilatie", "verkracht", "verkrachting", "aangerand", "aanranding", "mishandeld",
        "mishandeling", "misbruikt", "overdosis", "overdose", "sterven", "zelfmoordgedachten",
        "zelfmoordpoging", "myself", "mezelf", "molested", "abused", "raped", "gesneden",
    )
)  # fmt: skip

# Stems that start long compounds: "zelfmoortgedachten" is read as "zelfmoord" + "gedachten".
FUZZY_STEMS = tuple(fold(stem) for stem in ("zelfmoord", "zelfdoding", "suicide"))

# Crisis key words in natural spelling, with their inflections that hold a letter run. A real
# word that is not in this list but folds to the folded form of one of them ("rapped" → "raped",
# "veerkracht" → "verkracht", "mess" → "mes", "huurt" → "hurt") keeps its letter runs in the
# normalised text, so a rule compiled with the same folding cannot read it as the key word
# (bot/safety/words.py computes those words from wordfreq's lists). An inflection that folds
# onto another key word's form ("doodde" → "dode", "verkrachtte" → "verkrachte") belongs here,
# or it would be kept apart from the rules that should read it.
KEY_WORDS = (
    "dood", "dode", "doden", "doodde", "doodden", "doode", "dooden", "doodt", "dead", "die",
    "died", "dies", "dying", "kill", "killed", "kills", "killing", "sterven", "sterf", "stierf",
    "zelfmoord", "zelfdoding", "suicide", "suicidal", "suicidaal", "overdose", "overdosis",
    "rape", "raped", "rapes", "raping", "verkracht", "verkrachte", "verkrachtte", "verkrachtten",
    "verkrachting", "aangerand", "aanranding", "misbruik", "misbruikt", "mishandeld",
    "mishandeling", "molest", "molested", "abuse", "abused", "incest", "mes", "mesje", "messen",
    "pil", "pill", "pills", "pillen", "snij", "snijden", "sneed", "cut", "cuts", "cutting",
    "kras", "krassen", "hang", "ophangen", "spring", "springen", "jump", "strop", "noose", "touw",
    "rope", "gun", "wapen", "knife", "blood", "bloed", "bleed", "hit", "hits", "beat", "slaat",
    "sloeg", "hurt", "hurts", "harm", "poison", "gif", "vergif",
)  # fmt: skip
# Key words the rules read as the start of any word ("verkracht\w*", "suicid\w*"): a real word
# that folds to something starting like one of them without being spelled so ("veerkrachtig"
# → "verkrachtig") keeps its letter runs too.
KEY_PREFIXES = (
    "verkracht", "molest", "suicid", "zelfmoord", "zelfdoding", "zelfbeschadiging",
    "uithuwelijk", "vermoord",
)  # fmt: skip
