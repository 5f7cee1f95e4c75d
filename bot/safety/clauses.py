"""Read a normalised message clause by clause: idioms, negations and topics count only in their
own clause, and the words around a sign tell whose danger it is."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from bot.safety.context import at_play, is_negated, mask_idioms, on_topic, recovered
from bot.safety.denial import acts, could_deny, denied, undermined
from bot.safety.normalize import Normalised, collapse

__all__ = ["Reading", "is_person", "is_possessive_me", "is_self", "read_clauses"]


def _folded(words: list[str]) -> frozenset[str]:
    """Word sets in the form normalised text has ("haar" reads "har")."""
    return frozenset(collapse(word) for word in words)


# Words that start a new clause for context: "ik wil niet meer naar school maar ik wil dood".
_JOINS = re.compile(
    r" (?:"
    + "|".join(
        [
            *sorted(
                _folded(
                    [
                        *("maar", "but", "want", "omdat", "because", "doordat", "though"),
                        *("terwijl", "while", "whilst"),
                    ]
                )
            ),
            *("although", "however", r"\."),
        ]
    )
    + ") "
)
# Who a sentence is about. A first-person word in the sign itself decides ("hij slaat me");
# otherwise the nearest person word before it ("mijn vriendin wil zelfmoord plegen"). The
# masks of threats ("vermoordt me als") stand for "me".
_SELF = _folded(
    "ik k i ikzelf me mij mezelf mijzelf myself meself ons us _threat_ _saidthreat_".split()  # noqa: SIM905
)
_OTHER = _folded(
    [
        "mate",
        "kamergenoot",
        "kamergenote",
        "hij",
        "zij",
        "ze",
        "he",
        "she",
        "they",
        "them",
        "him",
        "her",
        "his",
        "their",
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
        "nichtje",
        # Papiamento: father, aunt, uncle, brother or sister, grandmother, grandfather.
        "tata",
        "tia",
        "tio",
        "ruman",
        "wela",
        "welo",
        "cousin",
        "klasgenoot",
        "klasgenote",
        "classmate",
        "huisgenoot",
        "huisgenote",
        "roommate",
        "housemate",
        "collega",
        "colleague",
        "teammate",
        "vrienden",
        "buddy",
        "boyfriend",
        "girlfriend",
        "partner",
        "meisje",
        "jongen",
        "girl",
        "guy",
        "moeder",
        "vader",
        "mama",
        "papa",
        "pa",
        "ma",
        "pap",
        "mam",
        "mom",
        "mum",
        "dad",
        "mother",
        "father",
        "stiefvader",
        "stiefmoeder",
        # round V: more of the people young people name ("ie" is chat Dutch for "hij"). Not
        # "oom": folded it reads "om".
        "ie",
        "teamgenoot",
        "teamgenote",
        "mattie",
        "ex",
        "tante",
        "opa",
        "oma",
        "stiefzus",
        "stiefbroer",
        "stepsister",
        "stepbrother",
        "stepdad",
        "stepmom",
        "stepmum",
        "aunt",
        "uncle",
        "grandma",
        "grandpa",
        "niece",
        "nephew",
        "flatmate",
        "buurmeisje",
        "buurjongen",
        "bf",
        "gf",
        # round AR: people the writers of round AR named and the grammar did not know.
        "meid",
        "meiden",
        "meisjes",
        "dochter",
        "buurman",
        "buurvrouw",
        "neefje",
        "halfbroer",
        "halfzus",
        "studiegenoot",
        "studiegenote",
        "bandmaat",
    ]
)
# "mijn zusje vroeg me hoe je littekens verbergt": after these the writer is the one asked or
# told, not the one in danger.
_ASKED = _folded(
    [
        "vroeg",
        "vraagt",
        "vertelde",
        "vertelt",
        "appte",
        "appt",
        "stuurde",
        "belde",
        "smeekte",
        "asked",
        "asks",
        "told",
        "tells",
        "texted",
        "texts",
        "messaged",
        "begged",
        "called",
        "showed",
        "liet",
        # Sending and writing to the writer: "my friend sent me a suicide note", "ze stuurt me
        # foto's van haar armen" (not giving: "hij geeft me klappen").
        "stuurt",
        "sent",
        "sends",
        "send",
        "schreef",
        "schrijft",
        "wrote",
        "writes",
        "belt",
        "calls",
        "dmd",
        "snapte",
        "snapt",
        "snapped",
        # Only the writer is told: "ze heeft het aan niemand verteld behalve mij".
        "behalve",
        "except",
    ]
)
# The same after the writer, as Dutch puts the participle last: "ze heeft mij verteld dat ze
# verkracht is", "hij heeft me een afscheidsbericht gestuurd".
_TOLD = _folded(
    [
        "verteld",
        "gestuurd",
        "gevraagd",
        "geappt",
        "gebeld",
        "geschreven",
        "toevertrouwd",
        "laten",  # "heeft me laten zien", "heeft me laten beloven"
    ]
)
# Seeing, hearing or finding something ("ik zag sneetjes op haar armen", "vond mesjes in de la
# van mn broertje") is about someone else.
_WITNESS = _folded(
    [
        "zag",
        "zie",
        "zien",
        "gezien",
        "hoorde",
        "hoor",
        "gehoord",
        "merk",
        "merkte",
        "gemerkt",
        "saw",
        "see",
        "seen",
        "noticed",
        "notice",
        "heard",
        "vond",
        "vind",
        "gevonden",
        "found",
        "find",
    ]
)
_LOOK_AHEAD = 5
_PREPOSITIONS = _folded(
    [
        "aan",
        "met",
        "voor",
        "van",
        "bij",
        "door",
        "naar",
        "over",
        "to",
        "with",
        "for",
        "of",
        "by",
        "from",
        "about",
        "at",
        "until",
        "tot",
        "totdat",
        "till",
        "tegen",
        "against",
    ]
)
# "mijn beste vriendin", "my little sister": the person is the noun after these.
_ADJECTIVES = _folded(
    [
        "beste",
        "lieve",
        "oudere",
        "jongere",
        "kleine",
        "grote",
        "oude",
        "nieuwe",
        "best",
        "little",
        "big",
        "older",
        "younger",
        "old",
        "new",
    ]
)
_MY = _folded(["mijn", "my", "mn", "m"])
# "een leraar van ons school", "a boy in our class": "ons" only places the person, as "mijn" does.
_OURS = _folded(["ons", "onze", "our"])
# "my arms are covered in cuts", "mijn polsen": the writer's own body is the writer.
_BODY = _folded(
    "arm arms armen wrist wrists pols polsen thigh thighs dij dijen leg legs been benen skin huid "  # noqa: SIM905
    "body lichaam buik stomach hoofd head gezicht face nek neck".split()
)
# "my plan is to overdose tonight", "my suicide note", "mijn afscheidsbrief": the writer's own.
_DECIDED = _folded(
    "plan plans plannen idee idea besluit beslissing decision keuze choice goal doel "  # noqa: SIM905
    "voornemen intention suicide zelfmoord zelfmoordbrief zelfmoordpoging afscheidsbrief "
    "afscheidsbericht note notes attempt attempts poging pogingen".split()
)
# A relative pronoun after a person makes them the subject of a clause of their own.
_RELATIVE = _folded(["who", "whos", "die", "wie"])
# Words that open a clause of its own inside a sentence.
_SUBORDINATE = _folded(
    "sinds since omdat because toen nadat after terwijl while want doordat zodat".split()  # noqa: SIM905
)
# Words after which a sentence may have a new subject: those, and a conjunction, a relative
# pronoun, a verb of telling, seeing or asking ("ik denk mijn vriend ...", "ik zag mijn zus ...").
_NEW_SUBJECT = _SUBORDINATE | _folded(
    "dat that of als if when wanneer zodra en and maar but die who wie which . think thought "  # noqa: SIM905
    "know knew denk dacht weet wist geloof believe heard hoorde zag saw vond found zie see ziet "
    "sees vroeg asked vraag ask zei said zegt says told vertelde vertel bang afraid scared "
    "worried bezorgd hoop hope wish wou".split()
)
# "a girl in my class", "een jongen uit mijn straat": the writer only places the person.
_PLACING = _folded(["in", "uit", "from", "at", "op", "on", "of", "van", "bij"])
_GROUPS = _folded(
    [
        "class",
        "klas",
        "school",
        "team",
        "group",
        "groep",
        "groepje",
        "straat",
        "street",
        "building",
        "flat",
        "gebouw",
        "dorm",
        "studentenhuis",
        "huis",
        "house",
        "year",
        "jaar",
        "grade",
        "club",
        "vereniging",
        "werk",
        "work",
        "job",
        "office",
        "kantoor",
        "study",
        "studie",
        "opleiding",
        "course",
        "buurt",
        "neighbourhood",
        "neighborhood",
        "family",
        "familie",
        "tutorial",
        "werkgroep",
        "dispuut",
        "server",
        "chat",
        "groupchat",
        "gc",
        "omgeving",
        "area",
        "city",
        "stad",
        "dorp",
        "village",
    ]
)
_LOOK_BACK = 8
#: How far past a sign's clause a denial's words may stand ("zelfmoord? echt niet"): characters.
_CUE_REACH = 40


@dataclass(frozen=True, slots=True)
class Reading:
    """The message with idioms masked per clause, and where each context clause lies."""

    text: str
    breaks: tuple[int, ...]
    #: Where a guarded sign yielded to a past its message says is over (`overruled`): then the
    #: model, which cannot tell past from present, stays silent too.
    past: list[int] = field(default_factory=list, compare=False)
    #: The message before its idioms were masked: `at_play` reads it, for an idiom may mask the
    #: very word that names the sport ("kickboxing sparring. black eye").
    unmasked: str = ""
    #: Where a sign was said to deny it (`denied`).
    denials: list[int] = field(default_factory=list, compare=False)

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
        """Whether a topic word or a negation in the clause overrules a guarded sign, or the
        clause tells of a past that a later clause says is over."""
        start, end = clause
        words = self.text[start:end]
        if on_topic(words) or is_negated(words, position - start):
            return True
        return self.passed(clause, position)

    def denied(self, clause: tuple[int, int], start: int, end: int) -> bool:
        """Whether the sign at `start`-`end` is said to deny it ("niemand slaat me", "zelfmoord?
        echt niet": bot/safety/denial.py); noted in `denials`."""
        if self._denies(clause, start, end) and not undermined(self.text):
            self.denials.append(start)
            return True
        return False

    def denies_every_act(self) -> bool:
        """Whether the message names an act (bot/safety/denial.py) and denies every one it
        names: "nee ik doe mezelf geen pijn", "i've never cut myself"."""
        named = False
        for start, end in acts(self.text):
            named = True
            if not self._denies(self.context(start), start, end):
                return False
        return named and not undermined(self.text)

    def _denies(self, clause: tuple[int, int], start: int, end: int) -> bool:
        """`denial.denied` for the sign at `start`-`end` of `clause`, asked only where a word
        of some denial form is near."""
        low, high = clause
        if not could_deny(self.text[low : high + _CUE_REACH]):
            return False
        following = self.context(high) if high < len(self.text) else (high, high)
        return denied(
            self.text[low:high], start - low, end - low, self.text[following[0] : following[1]]
        )

    def passed(self, clause: tuple[int, int], position: int) -> bool:
        """Whether the sign's clause tells of a past that a later clause says is over ("vroeger
        sneed ik mezelf, maar nu gaat het goed"); noted in `past`."""
        start, end = clause
        if recovered(self.text[start:end], self.text[end:], self.text):
            self.past.append(position)
            return True
        return False

    def at_play(self, clause: tuple[int, int], start: int, end: int) -> bool:
        """Whether a sign of violence is play: the message names a combat sport or a video
        game ("pubg match today: landed in school, got shot in 20 seconds"), the sign's clause
        names nobody but the writer ("mijn vader slaat me als ik fortnite speel" is no play),
        the sign is one of fighting (pills taken or a roof are no play: "ik heb net 30 pillen
        genomen en nu speel ik fortnite"), and it is no stabbing, which no sport and few games
        have."""
        sign = self.text[start:end]
        if _FIGHTING.search(sign) is None or _STABBING.search(sign) is not None:
            return False
        if not at_play(self.unmasked or self.text):
            return False
        words = self.text[clause[0] : clause[1]].split()
        first = len(self.text[clause[0] : start].split())
        last = first + len(self.text[start:end].split())
        return not any(
            (_person(word) or (word in _STAFF and _agent(words, index, first, last)))
            and not _opponent(words, index)
            for index, word in enumerate(words)
        )

    def recovered(self) -> bool:
        """Whether some clause tells of a past that a later clause says is over (and no word
        says it came back): what `overruled` asks of a sign's clause, asked of every clause."""
        for start in (0, *self.breaks):
            _, end = self.context(start)
            if recovered(self.text[start:end], self.text[end:], self.text):
                return True
        return False

    def whose(
        self, clause: tuple[int, int], start: int, end: int, *, victim: bool = False
    ) -> tuple[Literal["self", "other"], bool]:
        """'self' when the sign is about the writer, 'other' when about someone they name; and
        whether the grammar is sure of it: it is when the writer ("ik", "mijn nudes") or
        someone named by a noun ("mijn vriendin", or a pronoun after one) decided; not when
        only a pronoun ("hij", "them") or nobody did.

        Abuse (`victim`): the writer is the one harmed whenever they appear in the clause at
        all, also as "mijn nudes" or "my money"; otherwise someone named is. Other signs: the
        last person named up to the end of the sign is its subject ("ik denk dat mijn vriend
        zelfmoord wil plegen"), unless a preposition puts them aside ("aan vrienden").
        """
        whole = end <= start
        if whole:
            # A rule that only looks ahead ("^(?=...)(?=...)") names no words of its own: the
            # whole message is its sign.
            clause, start, end = (0, len(self.text)), 0, len(self.text)
        words = self.text[clause[0] : clause[1]].split()
        if victim:
            # The writer in the sign's own words decides ("... and i get beaten too"), unless
            # only telling ("i think my brother got raped").
            first = len(self.text[clause[0] : start].split())
            last = min(len(words), first + len(self.text[start:end].split()))
            if not whole and any(_in_sign(words, index) for index in range(first, last)):
                return "self", True
            return _victim(words)
        before = self.text[clause[0] : start].split()[-_LOOK_BACK:]
        sign = self.text[start:end].split()
        after = self.text[end : clause[1]].split()[:_LOOK_AHEAD]
        if any(word in _WITNESS for word in (*before, *sign)):
            # Who is seen stands in the sign or right after it, not in a clause of its own
            # after it: "ik zie geen reden meer om te leven sinds mijn moeder er niet meer is".
            until = next((i for i, word in enumerate(after) if word in _SUBORDINATE), len(after))
            seen = [word for word in (*sign, *after[:until]) if _person(word)]
            if seen:
                return "other", any(_named(word) for word in seen)
        found: Literal["self", "other"] = "self"
        sure = named = False
        previous = governing = ""
        told = [*before, *sign, *after[:1]]
        objects = _objects(told, len(before) + len(sign))
        for index, word in enumerate(told[: len(before) + len(sign)]):
            if index in objects:
                previous = word
                continue
            if word in _SELF or (previous in _MY and (word in _BODY or word in _DECIDED)):
                # After "stuurde" also a quote's "ik": "mn vriendin stuurde 'ik heb het weer
                # gedaan'" (bot/safety/quotes.py reads quotes that keep their marks).
                if (
                    previous not in _ASKED
                    and not _aside_me(told, index)
                    and not _their_reflexive(told, index)
                ):
                    found, sure = "self", True
            elif _person(word) and governing not in _PREPOSITIONS and not _owns_means(told, index):
                # A pronoun after someone named points back at them: "my boyfriend told me
                # he wants to die". Not someone who only owns the means ("i swallowed all my
                # mom's meds").
                named = named or _named(word)
                found, sure = "other", named
            # "van mijn moeder", "in my dad's cabinet": a preposition governs across "mijn",
            # an article or an adjective.
            if word not in _MY and word not in _ARTICLES and word not in _ADJECTIVES:
                governing = word
            previous = word
        return found, sure


def _objects(told: list[str], upto: int) -> set[int]:
    """The people among the first `upto` words who are objects of the writer: "ik ga mijn
    vrienden nog één keer zien en dan is het klaar". After the writer as the subject and before
    anything that may open a clause with a new one (`_NEW_SUBJECT`); not the subject of a
    clause of its own ("how do i help my friend who is suicidal"). Round AW."""
    found: set[int] = set()
    subject = False
    for index, word in enumerate(told[:upto]):
        if word in _TELLER:
            subject = True
        elif word in _NEW_SUBJECT:
            subject = False
        elif (
            subject
            and _person(word)
            and index > 0
            and told[index - 1] in _MY
            and not _RELATIVE.intersection(told[index + 1 : index + 2])
        ):
            found.add(index)
    return found


def _victim(words: list[str]) -> tuple[Literal["self", "other"], bool]:
    if _named_patient(words) and not _self_patient(words):
        # "mijn broertje wordt door mijn vader geslagen en ik kan niks doen", "my mum gets hit
        # by my dad and i'm scared": someone named is the one harmed, the writer only there.
        return "other", True
    for index, word in enumerate(words):
        if _placing(words, index) or _reporting(words, index):
            continue
        if is_possessive_me(words, index):  # "me zus wordt misbruikt"
            continue
        if _only_there(words, index):  # "ik ben 16 en mn pa slaat mn ma", "als ik er niet ben"
            continue
        if word in _SELF and (
            _aside_me(words, index) or (index > 0 and _aside(words[index - 1], word))
        ):
            continue
        if word in _SELF:
            return "self", True
        if word in _MY:
            # "my 12 yo sister", "mijn zusje van 15": an age is no thing of the writer's.
            following = [
                w for w in words[index + 1 : index + 5] if w not in _ADJECTIVES and not _age(w)
            ]
            if following and not _person(following[0]):
                return "self", True
    if _pronoun_suffers(words):
        return "other", True
    people = [word for word in words if _person(word)]
    # A subject pronoun after someone named is them again: "mn ex staat voor de deur en hij
    # heeft een mes" names one person.
    named = [word for index, word in enumerate(people) if index == 0 or word not in _HE]
    if len(set(named)) == 1 and named[0] in _HOUSEHOLD and not _passive(words):
        # "mn pa drinkt en slaat", "my boyfriend hits": one person of the writer's home does it
        # and nobody else is named as the one it is done to: the writer is, very likely.
        return "self", False
    return ("other" if people else "self"), any(_named(word) for word in people)


# The people of the writer's home and partners: named alone as the one who hits, they leave
# the writer as the one hit.
_HOUSEHOLD = _folded(
    "pa ma pap mam papa mama vader moeder stiefvader stiefmoeder stiefpa stiefma ouders dad mum "  # noqa: SIM905
    "mom father mother stepdad stepmom stepfather stepmother parents vriend vriendin partner "
    "boyfriend girlfriend bf gf ex".split()
)
#: Subject pronouns only: "haar", "ze", "him", "them" may be the one it is done to.
_HE = _folded("hij ie zij he she they hes shes theyre".split())  # noqa: SIM905
_PASSIVE = _folded("word wordt werd worden werden gets got getting being".split())  # noqa: SIM905
_BE = _folded("is was were been ben are".split())  # noqa: SIM905


def _passive(words: list[str]) -> bool:
    """Whether the clause is in the passive: "mijn moeder wordt geslagen", "my mum was hit"."""
    for index, word in enumerate(words):
        if word in _PASSIVE:
            return True
        if word in _BE:
            following = words[index + 1 : index + 3]
            if any(_participle(w) for w in following):
                return True
    return False


#: Pronouns that can be the subject of a passive: "ze is verkracht", "he got raped".
_SUBJECTS = _folded("hij zij ze ie he she they".split())  # noqa: SIM905


def _pronoun_suffers(words: list[str]) -> bool:
    """Whether a clause without the writer in it puts a third-person pronoun as the subject of
    a passive: "ze is verkracht op een feest", "hij werd geslagen", "he got raped". The pronoun
    alone then says who was harmed, as "mijn zus is verkracht" does; an active clause with
    only a pronoun ("hij slaat") leaves it open who is hit."""
    for index, word in enumerate(words[:-2]):
        helper, following = words[index + 1], words[index + 2 : index + 5]
        if (
            word in _SUBJECTS
            and (helper in _PASSIVE or helper in _BE)
            and any(_participle(later) for later in following)
        ):
            return True
    return False


def _participle(word: str) -> bool:
    """A past participle, roughly: "geslagen", "verkracht", "misbruikt", "aangerand" (folded
    "angerand"), "betast", "raped"."""
    if word.startswith(("ge", "ver", "mis", "ont", "ange")) or word.endswith("ed"):
        return True
    return word.startswith("be") and len(word) >= 6 and word.endswith(("d", "t"))


def _aside(previous: str, word: str) -> bool:
    """Whether the writer's `word` after `previous` only tells: "mijn nichtje wordt misbruikt
    denk ik"."""
    return word in _TELLER and previous in _TELLING and previous not in ("am", "m", "was", "ben")


def _in_sign(words: list[str], index: int) -> bool:
    """Whether the writer's "ik" or "i" at `index` of an abuse sign is the one harmed."""
    if words[index] not in _TELLER or _reporting(words, index) or _placing(words, index):
        return False
    return index == 0 or not _aside(words[index - 1], words[index])


def _their_reflexive(words: Sequence[str], index: int) -> bool:
    """Whether "myself" at `index` belongs to someone else: "he said he wants to kms" reads
    "he wants to kill myself" once the slang is spelled out, which no one writes of themselves."""
    if words[index] not in _REFLEXIVE:
        return False
    near = words[max(0, index - 4) : index]
    return any(word in _THEY for word in near) and not any(word in _SELF for word in near)


_REFLEXIVE = _folded(["myself", "mezelf", "mijzelf"])
_THEY = _SUBJECTS | _folded(["hes", "shes", "theyre", "hed", "shed", "hel", "shel"])


def _aside_me(words: Sequence[str], index: int) -> bool:
    """Whether the writer's "me" or "mij" at `index` is not the one it is about: only told
    (`_addressed`), only the one a friend belongs to ("een vriendin van me is verkracht"), or
    only the one who thinks it ("volgens mij is mn huisgenoot verkracht")."""
    if words[index] not in ("me", "mij") or index == 0:
        return False
    if words[index - 1] == "volgens":
        return True
    if words[index - 1] == "van" and index >= 2 and _person(words[index - 2]):
        return True
    return _addressed(words, index)


def _only_there(words: Sequence[str], index: int) -> bool:
    """Whether the writer's word at `index` only gives their age before someone named, or their
    absence: "ik ben 18 en mn tata slaat mn mama", "mijn stiefvader slaat mijn broertje als ik
    er niet ben", "our dad hits him when i am away at uni". Round AV."""
    word = words[index]
    after = words[index + 1 : index + 6]
    if word not in _TELLER:
        return False
    if after[:1] and after[0] in _STATING and len(after) > 1 and _age(after[1]):
        # Only before someone named: "a guy online, he's 28 and i'm 15" leaves the writer the
        # one groomed.
        return any(_person(other) and _named(other) for other in words[index + 3 :])
    if index == 0 or words[index - 1] not in _WHILE:
        return False
    joined = " " + " ".join(after) + " "
    return any(f" {absent} " in joined for absent in _ABSENT)


_STATING = _folded(["ben", "zen", "bin", "am", "was"])
_WHILE = _folded(["als", "wanneer", "when", "while", "whenever", "zodra", "terwijl"])
_ABSENT = (
    "er niet",
    "er nie",
    "niet thuis",
    "nie thuis",
    "weg ben",
    "away",
    "not home",
    "not there",
    "not around",
    "not at home",
    "at uni",
    "op kamers",
    "op school",
    "at school",
    "at work",
    "op werk",
    "aan het werk",
)


def _owns_means(words: Sequence[str], index: int) -> bool:
    """Whether the possessive at `index` ("moms", "vaders") only owns the means that follow:
    "my mom's meds", "mijn moeders slaappillen", "mijn vaders scheermes"; not a sign ("i found
    my sister's suicide note")."""
    word = words[index]
    if not word.endswith("s") or word in _OTHER or index + 1 >= len(words):
        return False
    return words[index + 1].startswith(_MEANS)


#: The beginnings of the means, folded: pills, meds, medicijnen, slaappillen, sleeping pills.
_MEANS = tuple(
    _folded("pil med slaap sleep oxy painkil pijnstil tablet insulin scheermes razor".split())  # noqa: SIM905
)


def _named_patient(words: Sequence[str]) -> bool:
    """Whether someone named (not only a pronoun) is the subject of a passive: "mijn zus is
    verkracht", "my little brother gets hit", "een vriend van me wordt gedwongen"."""
    for index, word in enumerate(words[:-1]):
        if not (_person(word) and _named(word)):
            continue
        helper = words[index + 1]
        later = words[index + 2 : index + 4]
        if helper in _GET:  # "gets hit", not "gets mad if i don't send him pics"
            if later and (_participle(later[0]) or later[0] in _DONE):
                return True
        elif helper in _PASSIVE or (helper in _BE and any(_participle(w) for w in later)):
            return True
    return False


_GET = _folded(["gets", "got", "getting", "get"])
#: Participles that do not look like one: "gets hit", "got beaten".
_DONE = _folded("hit beaten beat hurt shot thrown kept held made forced taken".split())  # noqa: SIM905


def _self_patient(words: Sequence[str]) -> bool:
    """Whether the writer is harmed too: named as an object ("en hij slaat mij ook", "he'll go
    for us next"), as the subject of a passive ("ik werd ook geslagen") or "ik ook", "me too"."""
    for index, word in enumerate(words):
        if word not in _SELF or _aside_me(words, index):
            continue
        following = words[index + 1 : index + 4]
        if word not in _TELLER or (following and following[0] in _TOO):
            return True
        helper, later = following[:1], following[1:]
        if helper and (
            helper[0] in _PASSIVE
            or helper[0] in _GET
            or (helper[0] in _BE and any(_participle(w) and w not in _FEELING for w in later))
        ):
            return True
    return False


_TOO = _folded(["ook", "too", "also"])
#: Participles that tell how the writer feels, not what was done to them: "i am scared".
_FEELING = _folded(
    "scared worried afraid terrified frightened concerned shocked upset confused stressed "  # noqa: SIM905
    "bezorgd geschrokken verdrietig overstuur".split()
)


def _age(word: str) -> bool:
    """An age between "my" and the person: "my 12 yo sister", "my 13 year old cousin"."""
    return word.isdigit() or word in _AGE_WORDS or (word[:-2].isdigit() and word[-2:] == "yo")


_AGE_WORDS = _folded("yo year years old jaar jarige".split())  # noqa: SIM905


def _addressed(words: Sequence[str], index: int) -> bool:
    """Whether the writer's word at `index` is only the one told, asked or sent something: "a
    girl told me our coach touched her", "ze heeft mij verteld dat ...", "my friend sent me a
    suicide note"."""
    if words[index] not in ("me", "mij"):
        return False
    return (index > 0 and words[index - 1] in _ASKED) or (
        index + 1 < len(words) and words[index + 1] in _TOLD
    )


# Words for someone else that name nobody in particular: whose danger they point at is what a
# grammar of the last word named reads worst ("hij heeft een mes en hij staat voor mijn deur").
_PRONOUNS = _folded(
    "hij zij ze ie he she they them him her his hem haar hun hen zn zijn".split()  # noqa: SIM905
)


def _named(word: str) -> bool:
    """Whether a person word names someone ("vriendin", "my brother") rather than pointing."""
    return word not in _PRONOUNS


def _placing(words: list[str], index: int) -> bool:
    """Whether the writer's word at `index` only says where someone else is from: "a girl in
    my class", "een jongen bij mij in de klas", "iemand uit mn straat"."""
    if index == 0 or words[index - 1] not in _PLACING:
        return False
    rest = [w for w in words[index + 1 : index + 4] if w not in _ADJECTIVES]
    if (words[index] in _MY or words[index] in _OURS) and rest and rest[0] in _GROUPS:
        return True
    # "bij mij in de klas", "bij ons op school", "een jongen bij ons in de straat"
    return words[index - 1] == "bij" and words[index] in _SELF and rest[:1] in (["in"], ["op"])


# "i think my friend was raped", "ik denk dat mijn zus wordt geslagen": the writer only tells.
_TELLING = _folded(
    [
        "think",
        "thought",
        "know",
        "knew",
        "heard",
        "hear",
        "found",
        "saw",
        "see",
        "believe",
        "suspect",
        "guess",
        "fear",
        "feel",
        "felt",
        "worry",
        "worried",
        "am",
        "m",
        "was",
        "denk",
        "dacht",
        "weet",
        "wist",
        "hoorde",
        "hoor",
        "vermoed",
        "geloof",
        "vrees",
        "zag",
        "zie",
        "ben",
        "vond",
        "merk",
        "merkte",
    ]
)
_TELLING_AFTER = _folded(["worried", "afraid", "scared", "sure", "bang", "bezorgd", "zeker"])
_ARTICLES = _folded(["a", "an", "the", "een", "de", "het"])
_TELLER = _folded(["i", "ik", "k"])


def _reporting(words: list[str], index: int) -> bool:
    """Whether the writer's word at `index` only tells of someone else: "i think my friend
    was raped", "ik denk dat mijn zus wordt geslagen", "i'm worried that my sister ...", "ik
    maak me zorgen dat ...". Not "i'm scared of my dad", not "ik denk dat wat hij doet ..."
    and not "i think i was raped": then the writer is still the one it is about."""
    word = words[index]
    if word in _MY or word not in _SELF:
        return False
    rest = words[index + 1 : index + 5]
    if word in ("me", "mij") and index > 0 and words[index - 1] in ("maak", "maakte"):
        return rest[:2] in (["zorgen", "dat"], ["zorgen", "om"], ["zorgen", "over"])
    if word not in _TELLER or not rest or rest[0] not in _TELLING:  # "let me see my friends"
        return False
    told = rest[1:]
    if rest[0] in ("am", "m", "was", "ben"):  # "i'm worried that", "ik ben bang dat"
        if not told or told[0] not in _TELLING_AFTER:
            return False
        told = told[1:]
    if told[:1] in (["that"], ["dat"]):
        told = told[1:]
    # What is told must begin with someone else: "my friend", "a girl", "mijn zus".
    if is_possessive_me(told, 0):  # "ik denk dat me zus ..."
        return True
    return bool(told) and (told[0] in _MY or told[0] in _ARTICLES or _person(told[0]))


def is_possessive_me(words: list[str], index: int) -> bool:
    """Whether the writer's word at `index` only says whose someone is: chat Dutch "me" for
    "mijn" ("me zus", "me maat"), and "ons" before a person ("ons zusje", Brabant's "ons pap
    slaat ons moeder"), which is "our", not "us"."""
    following = words[index + 1 : index + 2]
    return (
        words[index : index + 1] in (["me"], ["ons"]) and bool(following) and _person(following[0])
    )


def is_self(word: str) -> bool:
    """Whether a folded word is the writer ("ik", "me", "myself")."""
    return word in _SELF


def is_person(word: str) -> bool:
    """Whether a folded word names someone other than the writer ("vriendin", "my sister")."""
    return _person(word)


def _person(word: str) -> bool:
    """Someone other than the writer, also in the possessive ("my girlfriends wrists")."""
    return word in _OTHER or (word.endswith("s") and word[:-1] in _OTHER)


def _opponent(words: list[str], index: int) -> bool:
    """Whether the person at `index` is the other side of the play: "my sparring partner",
    "mn tegenstander" (a trainer or coach is no opponent: they are named as persons)."""
    return words[index] in _OPPONENTS or (index > 0 and words[index - 1] in _SPARRING)


#: Who trains or teaches the writer: no opponent in the sport where they do it ("ik werd
#: geslagen door mijn trainer bij judo" is no play; "my boxing coach says I need to stop
#: flinching when I get punched" is), though not someone whose danger a sign may be about.
_STAFF = _folded(
    ["trainer", "trainers", "trainster", "coach", "coaches", "sensei", "instructeur",
     "instructor", "leraar", "teacher"]
)  # fmt: skip

_BY = _folded(["door", "by"])


def _agent(words: list[str], index: int, first: int, last: int) -> bool:
    """Whether the word at `index` is who does what the sign's words (`first` up to `last`)
    say: in them, up to four words before them ("de sensei van karate schopt me"), or after
    "door" or "by" right after them ("geslagen door mijn trainer")."""
    if first - 4 <= index < last:
        return True
    return last < index <= last + 3 and any(word in _BY for word in words[last:index])


_OPPONENTS = frozenset(
    {"tegenstander", "tegenstanders", "opponent", "opponents", "sparingpartner"}
)
_SPARRING = frozenset({"sparing", "sparen", "training", "boks", "bjj", "mma", "judo"})

# Folded: "stabbed" reads "stabed", "messen" "mesen".
_STABBING = re.compile(r"stab|gestoken|steek|stek|\bstak|\bmes\b|mesen|knife|knive")
# The words of a fight, folded, as a sign's own words hold them: hit, punch, kick, shoot,
# choke, knock out, beat up, jump, kill. A sport or a game is no reason to doubt any other sign.
_FIGHTING = re.compile(
    r"punch|\bhit|\bhits|\bshot|shoot|schot|schiet|jump|\bsla|slag|sloeg|knie|chok|\bkil|"
    r"beat|bet up|knock|\bko\b|kick|schop|trap|stomp|mep|klap|elkar|blauw|black eye|bloed|"
    r"blod|bled|vermord|murd|aanval|angeval|atack|wurg|strangl|vecht|fight|\bdod\b|dead|died"
)

_CONDITION = re.compile(r"(?:als|if|when|wanneer|zodra|once)\b")


def read_clauses(folded: Normalised, idioms: re.Pattern[str] | None = None) -> Reading:
    """Mask idioms clause by clause and note where each context clause begins."""
    bounds = (0, *folded.clauses, len(folded.text))
    parts = [part for a, b in itertools.pairwise(bounds) if (part := folded.text[a:b].strip())]
    masked: list[str] = []
    sources: list[str] = []  # the unmasked text of each entry of `masked`
    for part in parts:
        alone = mask_idioms(part, idioms).strip()
        # A condition after a comma belongs to its clause's idiom: "mijn moeder gaat me
        # vermoorden, als ze dit cijfer ziet" is the same hyperbole without the comma.
        if masked and _CONDITION.match(part):
            joined = mask_idioms(f"{sources[-1]} {part}", idioms).strip()
            if joined != f"{masked[-1]} {alone}":
                masked[-1], sources[-1] = joined, f"{sources[-1]} {part}"
                continue
        masked.append(alone)
        sources.append(part)
    text = " ".join(part for part in masked if part)
    breaks: list[int] = []
    offset = 0
    for part in masked[:-1]:
        offset += len(part) + 1
        breaks.append(offset)
    breaks += [found.end() for found in _JOINS.finditer(text)]
    return Reading(text, tuple(sorted(set(breaks))), unmasked=folded.text)
