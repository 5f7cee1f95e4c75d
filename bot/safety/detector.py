"""Tell whether a message shows a crisis sign: suicide, self-harm, abuse or acute danger."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Literal

from bot.safety import context, reach, rulecache, words
from bot.safety.clauses import Reading, read_clauses
from bot.safety.model import Model, ModelError, load_model
from bot.safety.normalize import Normalised, normalise
from bot.safety.patterns import SEVERITY, Category
from bot.safety.prefilter import Located, Prefilter
from bot.safety.quotes import not_said, quoted
from bot.safety.ruleset import Rule, RuleSet, load_rules, safety_dir

__all__ = [
    "LONG_TEXT", "Detection", "Level", "Subject", "by_rules", "detect", "fires", "ruleset",
    "warm_up",
]  # fmt: skip

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
    says whose safety it is about; `level` tells a crisis from a concern; `armed` marks acute
    danger where the message names a weapon: the reply then puts the writer's own safety first,
    whoever it reads as in danger (`detect`).
    """

    category: Category
    evidence: str
    subject: Subject = "self"
    level: Level = "crisis"
    sexual: bool = False
    armed: bool = False


# From this length on, a rule is searched only around its anchors (bot/safety/reach.py): on a
# 4 kB paste that halves the rules' time; on a message of a few lines it does not pay.
_NEAR_ANCHORS = reach.NEAR_ANCHORS


@cache
def _loaded() -> tuple[RuleSet, Prefilter, tuple[reach.Reach | None, ...]]:
    # The translation is remembered between processes (bot/safety/rulecache.py); each rule's
    # re.compile runs in every process, when the rule is first needed.
    folder = safety_dir()
    known = rulecache.recall(folder)
    rules = load_rules(folder, known)
    # A gated rule (bot/safety/reach.py) is found near its core's anchors; its gate is one
    # search of the text.
    cores = [reach.core(rule.expression) for rule in rules.rules]
    prefilter = Prefilter(cores, known.anchors)
    reaches = tuple(known.reach(expression) for expression in cores)
    context.index(rules.idioms, known.anchors, known.reach)
    rulecache.keep(known)
    return rules, prefilter, reaches


def ruleset() -> RuleSet:
    """The rules from content/safety/, loaded on first use (not at import); each rule compiles
    when a message first needs it."""
    return _loaded()[0]


def warm_up() -> None:
    """Load and index the rules, the word lists and the model now rather than on a message;
    raises ModelError when the model file is damaged.

    A rule compiles when a message first needs it, not here. Compiling all of them at start
    had grown with the rules to about 2 s of this function's 3.5 s of CPU on the 2-core
    machine (2026-12-06: 1,907 expressions, most never needed by a given message), paid again
    on every restart while messages wait; the first messages after a start now wait for their
    rules instead, 2-37 ms (docs/safety.md, twenty-fifth session, "Start-up").
    """
    rules = _loaded()[0]
    context.prepare(rules.idioms)
    words.load()
    load_model()


@cache
def _model() -> Model | None:
    """The model, or None: a damaged file leaves the rules to read alone (start-up says so)."""
    try:
        return load_model()
    except ModelError:
        return None


def _prefilter() -> Prefilter:
    return _loaded()[1]


#: Signs that a past the message says is over overrules, also where a rule is not guarded:
#: "vroeger sneed ik mezelf, maar nu gaat het goed". Not abuse: "vroeger sloeg hij me, nu gaat
#: het beter" may still need Veilig Thuis. Danger is now, unless its own clause says when it was
#: and a later one that it is over ("hij heeft vorig jaar een overdosis gehad, nu is hij al 2 jaar
#: clean", round BH).
_PASSING = frozenset({"suicide", "self_harm", "danger"})


#: A weapon in a danger sign: whoever holds it, the one in danger is who the abuse grammar
#: finds harmed ("mijn vader is dronken en heeft een mes gepakt" is the writer's danger, not
#: the father's).
_ARMED = re.compile(
    r"\b(?:mes|mesen|knife|knives|pistol|pistool|gun|guns|wapen|weapon|bijl|axe|"
    r"honkbalknupel|knupel|bat|hamer|hammer)\b"
)


#: How unsure of any crisis the model must be, reading the whole message, to turn a rule's
#: hint into the gentle check-in (a concern: one line open now, no urgent flag). A hint is a
#: sign whose own words name no danger (lists.yaml, `named_danger`): "just said my goodbyes to
#: my childhood home, my parents sold it", "ik wil jullie zeggen dat ik van jullie hou voordat
#: ik vertrek. morgen gaat mijn vlucht naar Lissabon". Chosen on measuring batches 1-25 and
#: heldout4, totals only, with a first, shorter list of named words: below 0.001, 25 of the
#: rules' 87 false alarms there become check-ins and none of their 7,084 signs does (0.003: 28
#: and one plain statement; 0.01: 30 and three signs). With the list kept (longer: a sign that
#: names a means or a place of danger keeps the crisis lines), 13. Read once after, batches
#: 26-34: 3 false alarms fewer of 6,870, no sign lost (docs/safety.md, "Hints the model is sure
#: of").
HINT_CALM_BELOW = 0.001
#: Up to how many words (of the folded text, marks included) a message may have for the model
#: to turn a hint into a check-in: in a longer one, such as a paste, every feature weighs so
#: little that the model is sure of nothing ("ik heb al mijn spullen weggegeven en iedereen
#: gedag gezegd" after a page of ordinary text reads as chance 0.0000).
HINT_MOST_WORDS = 80


#: How unsure of any crisis the model must be, reading the whole message, to turn a sign that
#: does name a danger into the gentle check-in, where the sign's own clause has no word of the
#: writer's ("ik", "mijn", "me", "i", "my", ...): "they literally make people jump off a cliff
#: into the sea for the challenges", "misbruik van jonge mensen dit", "vorig jaar had hij een
#: overdosis en lag hij op de ic, ... ben zo trots op hem" (round BL). Where the writer is in the
#: clause, the sign keeps the crisis lines however sure the model is: "haha ja ik wil gewoon dood
#: lol maar goed hoe laat begint die kookavond" is a plain statement in chatter, and laughter
#: never silences a sign. So do self-harm and a sign that names a means or an act against
#: oneself (`_nobodys`): on every tuning set, those were the only signs it would have lost ("the
#: noose is ready. my parents are on holiday until sunday"). Chosen on measuring batches 1-25
#: and heldout4, totals only, with the model of round BL: at 0.002, 9 of the rules' false alarms
#: there become check-ins and none of their signs does (0.005: 10 and one sign; without the
#: writer's words asked for, 38 and three plain statements).
NOBODYS_CALM_BELOW = 0.002


class _Calm:
    """How sure the model, reading the whole message, is that it is no crisis; asked at most
    once per message, and only where a rule found a sign."""

    __slots__ = ("_chance", "_folded", "_read")

    def __init__(self, folded: Normalised) -> None:
        self._folded = folded
        self._read = False
        self._chance: float | None = None

    def __call__(self, below: float | None = None) -> bool:
        """Whether the model's chance of a crisis is under `below` (HINT_CALM_BELOW unless
        given; never for a long text)."""
        if not self._read:
            self._read = True
            model = _model()
            long = len(self._folded.text.split()) > HINT_MOST_WORDS
            self._chance = None if model is None or long else model.chance(self._folded)
        bar = HINT_CALM_BELOW if below is None else below
        return self._chance is not None and self._chance < bar


_MASKS = (context.THREAT_MASK, context.REPORTED_THREAT_MASK)
#: The writer's own words, folded (NOBODYS_CALM_BELOW): a clause with one is the writer's. A
#: wish said without a subject is the writer's too ("honestly wish the crash had just finished
#: the job", round BM): chat drops the "I".
_NOBODYS = re.compile(
    r"\b(?:ik|k|i|me|mij|mezelf|mijzelf|ikzelf|myself|mn|mijn|my|m|mine|mijne|im|ive|wish|"
    r"wished|wishing)\b"
)


def _nobodys(rule: Rule, sign: str) -> bool:
    """Whether a sign may be turned into a check-in for want of the writer's words: not one of
    self-harm, which is the writer's own without a word of theirs ("weer gedaan", "gamen tot 5
    uur en dan snijden"), nor one that names a means or an act against oneself (lists.yaml,
    `own_means`: "the noose is ready")."""
    own = ruleset().own_means
    return rule.category != "self_harm" and (own is None or own.search(f" {sign} ") is None)


def _calmed(
    rule: Rule, reading: Reading, span: tuple[int, int], clause: tuple[int, int], calm: _Calm
) -> bool:
    """Whether a rule's crisis sign becomes a check-in: a hint the model is all but sure is
    none (HINT_CALM_BELOW), or a named danger in nobody's clause (NOBODYS_CALM_BELOW)."""
    sign = reading.text[span[0] : span[1]]
    if _hint(sign):
        return calm()
    return (
        _nobodys(rule, sign)
        and _NOBODYS.search(reading.text, clause[0], clause[1]) is None
        and calm(NOBODYS_CALM_BELOW)
    )


def _hint(sign: str) -> bool:
    """Whether a sign's words name no danger (lists.yaml, `named_danger`). A threat masked
    before the rules read (context.THREAT_MASK: "ze zei dat ze me vermoordt") named one."""
    named = ruleset().named
    if named is None or any(mask.strip() in sign for mask in _MASKS):
        return False
    return named.search(f" {sign} ") is None


def _fire(
    rule: Rule,
    reading: Reading,
    padded: str,
    within: list[tuple[int, int]] | None = None,
    folded: Normalised | None = None,
    *,
    calm: _Calm | None = None,
    spans: Iterable[tuple[int, int]] | None = None,
) -> Detection | None:
    """The rule's sign in the reading, or None. Given the `folded` message, the model decides
    whose danger it is where the grammar is unsure and the model is sure (`_whose`); given
    `calm`, a crisis hint the model is sure is none becomes a concern (HINT_CALM_BELOW).
    `spans`: the rule's matches, where the caller searched already."""
    if spans is None:
        spans = rule.search(reading.text, padded, within)
    for start, end in spans:
        clause = reading.context(start)
        if rule.guarded:
            if reading.overruled(clause, start):  # a topic, a negation or a past that is over
                continue
        elif rule.category in _PASSING and reading.passed(clause, start):
            continue
        if _in_story(reading, clause, start, end):
            continue
        if reading.denied(clause, start, end):  # "niemand slaat me", "ik snij mezelf niet"
            continue
        if rule.category in ("abuse", "danger") and reading.at_play(clause, start, end):
            continue
        about = rule.about
        if about == "any":
            victim = rule.category == "abuse" or (
                rule.category == "danger" and _ARMED.search(reading.text, start, end) is not None
            )
            about, sure = reading.whose(clause, start, end, victim=victim)
            if not sure and folded is not None:
                about = _whose(about, folded)
        level = rule.level
        if (
            level == "crisis"
            and calm is not None
            and _calmed(rule, reading, (start, end), clause, calm)
        ):
            level = "concern"
        return Detection(rule.category, rule.id, about, level, rule.sexual)
    return None


def _in_story(reading: Reading, clause: tuple[int, int], start: int, end: int) -> bool:
    """Whether the sign from `start` to `end` is set inside a game, film, book or song
    (`context.in_fiction`) and is only the story's: not taken by the writer as theirs, nor
    running on into their own sentence (`context.beyond_story`, round BV)."""
    low, high = clause
    return context.in_fiction(
        reading.text[low:high], start - low, end - low
    ) and not context.beyond_story(reading.text, start, end)


def _read(folded: Normalised, idioms: re.Pattern[str] | None) -> Reading | None:
    if not folded.text.strip(" ._"):
        return None
    return read_clauses(folded, idioms)


def fires(rule: Rule, text: str, idioms: re.Pattern[str] | None = None) -> Detection | None:
    """What one rule alone makes of `text` (after `idioms` are masked): for its examples."""
    reading = _read(normalise(text), idioms)
    return None if reading is None else _fire(rule, reading, f" {reading.text} ")


#: Per rule (its index) the matches a reading of the rules found: where the model speaks,
#: `_framed` asks for them again (a tenth of the slowest messages' time went to searching
#: the same rules twice).
Searched = dict[int, list[tuple[int, int]]]


def _by_rules(
    folded: Normalised, *, model: bool = True
) -> tuple[Detection | None, Reading | None, Searched]:
    """The rules' sign, the reading they made (None for a text without words), and the matches
    they found.

    The most severe: a crisis hint the model turned into a concern (`_fire`) waits while the
    other rules may still find a crisis. `model`: let the model decide whose danger it is and
    turn hints into concerns (`by_rules` measures the rules without it).
    """
    rules = ruleset()
    reading = _read(folded, rules.idioms)
    searched: Searched = {}
    if reading is None:
        return None, None, searched
    padded = f" {reading.text} "
    calm = _Calm(folded) if model else None
    held = None
    for index, within in _candidates(padded):
        rule = rules.rules[index]
        spans = searched[index] = list(rule.search(reading.text, padded, within))
        if not spans:
            continue
        sign = _fire(
            rule, reading, padded, within, folded if model else None, calm=calm, spans=spans
        )
        if sign is None:
            continue
        if sign.level == "crisis":
            return sign, reading, searched
        if rule.level == "concern":
            return held or sign, reading, searched  # concern rules come after every crisis rule
        held = held or sign
    return held, reading, searched


#: How sure the model must be of a crisis for a gentle check-in (a concern: one line open now,
#: no urgent flag) where no rule spoke and it is not sure enough for the crisis reply
#: (`Model.crisis_at`). Chosen on the ordinary messages of tuning batches Z to AG while the model
#: had not trained on them (docs/safety.md, "A check-in where the model is fairly sure"); the
#: model of round AH trained on them, and with it fewer ordinary messages of the measuring
#: batches get a check-in than before (9 of 4,350 on batches 15-19, was 14). Model round AP
#: weighs each message the same and is less sure of everything: chosen again the same way as in
#: round AM's trial (the lowest hundredth at which at most 0.5% of the ordinary messages of
#: batches 1-14 and heldout4 get a check-in), 0.35: 63 of 12,782, and 119 of the 354 signs it
#: misses there get a check-in (docs/safety.md, "Model round AP"). The network of model round
#: BD is surer either way: chosen again the same way, 0.16: 62 of 12,782, and 89 signs get a
#: check-in (docs/safety.md, "Measuring batch 32 and a small network"). Model round BF (features
#: left out at random while training) chose it again the same way and kept it: 0.16, 60 of
#: 12,782 (0.15 gives 64, just over the half percent), and 77 signs get a check-in. Model round
#: BL (trained on BF to BI and BK as well), with the check-ins of round BL's own: 0.16 again, 62
#: of 12,782 (0.15: 65).
MODEL_CONCERN_AT = 0.16

#: How sure the model's reading of whose danger it is must be to decide it where the grammar
#: (bot/safety/clauses.py) is unsure: where only a pronoun or nobody was named. Chosen on the
#: tuning sets, told wrong of 15,571 caught: 308 by the grammar alone, 228 / 227 / 236 with
#: the model's margin at 0.5 / 1.0 / 2.0; the measuring sets, which chose nothing, 123 -> 99
#: of 4,612 at 1.0 (docs/safety.md, "Whose danger, read twice").
WHOSE_MARGIN = 1.0


def _whose(subject: Subject, folded: Normalised) -> Subject:
    """The model's person for the message where it is sure of it, else `subject`."""
    model = _model()
    leaning = None if model is None else model.whose(folded)
    if leaning is None or abs(leaning) <= WHOSE_MARGIN:
        return subject
    return "other" if leaning > 0 else "self"


def _candidates(padded: str) -> Iterator[tuple[int, list[tuple[int, int]] | None]]:
    """The rules that may match, each with the windows to search it in (None: all of it)."""
    _, _, reaches = _loaded()
    if len(padded) < _NEAR_ANCHORS:
        for index in _indexes(padded):
            yield index, None
        return
    indexes, located, longest = _located(padded)
    for index in indexes:
        bound = reaches[index]
        spans = None if bound is None else located.spans(index)
        if bound is None or spans is None:
            yield index, None
        else:
            width = bound[0] + bound[1] * longest + 1
            yield index, reach.windows(spans, width, len(padded))


@lru_cache(maxsize=4)
def _located(padded: str) -> tuple[list[int], Located, int]:
    """The index's reading of a long message: the rules read it, and where the model speaks,
    `_framed` reads it again for the same candidates."""
    indexes, located = _prefilter().located(padded)
    return indexes, located, reach.longest_run(padded)


@lru_cache(maxsize=8)
def _indexes(padded: str) -> tuple[int, ...]:
    """The rules that may match a message: the rules read it, and where the model speaks,
    `_framed` reads it again for the same candidates."""
    return tuple(_prefilter().candidates(padded))


def by_rules(text: str) -> Detection | None:
    """What the rules alone make of a short `text`, without the model: for measuring."""
    return _by_rules(normalise(text), model=False)[0]


def _detect_short(text: str) -> Detection | None:
    found = _detect_plain(text)
    if found is None:
        return found
    # "'ik wil dood' zingt die artiest op de radio": a sign only in a song's words quoted gets
    # a gentle check-in, not the crisis lines (it may still be the writer's mood); so do words
    # played in a role play or talked about as a phrase (round BL).
    if found.level == "crisis":
        for quote in not_said(text):
            said = found if found.evidence == "model" else _detect_plain(quote.said)
            if said is not None and said.level == "crisis" and not _crisis(quote.rest):
                return replace(found, level="concern")
    if found.subject != "self":
        return found
    # "mn vriendin appte 'ik wil niet meer leven'": the "ik" is hers. When the sign is in words
    # quoted from someone else, and not also in the writer's own, it is about them.
    for quote in quoted(text):
        # The model reads the quote with the words around it ("mn zusje zei: 'als ik zaterdag
        # nog leef ...'"): too short alone, a quote is then the sign where the rest is not. Not
        # a threat, which is said to the writer ("hij zei 'je weet wat er gebeurt'").
        model = found.evidence == "model" and found.category in ("suicide", "self_harm")
        said = found if model else _detect_plain(quote.said)
        if said is None or said.level != found.level:
            continue  # the rest is read only where the quote alone holds the sign
        if said.category in ("abuse", "danger") and _ADDRESSED.search(normalise(quote.said).text):
            continue  # a threat said to "je" or "you" is said to the writer: their danger
        if not _own(_detect_plain(quote.rest), found.level):
            return replace(found, subject="other")
    return found


#: Words said to someone: in a quote with a threat or a danger in it, that someone is the writer
#: ("hij zei 'je weet wat er gebeurt als je het vertelt'").
_ADDRESSED = re.compile(r"\b(?:je|jij|jou|jouw|you|your|ur|u)\b")


def _crisis(text: str) -> bool:
    sign = _detect_plain(text)
    return sign is not None and sign.level == "crisis"


def _own(sign: Detection | None, level: Level) -> bool:
    return sign is not None and sign.level == level and sign.subject == "self"


def _detect_plain(text: str) -> Detection | None:
    folded = normalise(text)
    return _armed(_detect_folded(folded), folded)


def _detect_folded(folded: Normalised) -> Detection | None:
    sign, reading, searched = _by_rules(folded)
    if sign is not None and sign.level == "crisis":
        return sign
    if reading is None or reading.past:
        # "vroeger had ik suïcidale gedachten, maar dat is voorbij": the rules read the key
        # word as a past that is over; the model, reading words, would raise it again.
        return sign
    if context.routine_dose(reading.text):
        # "ik heb mijn pillen al genomen vandaag": one's medicines taken as usual, with no
        # amount or goodbye in the message; the model, reading pills and "taken", would raise
        # an overdose (round BN: 13 of its 330 everyday messages about medicines).
        return sign
    model = _model()
    if model is None:
        return sign
    verdict = model.read(folded, MODEL_CONCERN_AT)
    framed: Literal["topic", "fiction", "denied"] | None = None
    if verdict is not None and verdict.crisis >= model.crisis_at:
        framed = _framed(reading, searched)
        if framed is None and (reading.denials or reading.denies_every_act()):
            # "nee ik snij mezelf niet", "nee ik doe mezelf geen pijn": the rules read the
            # sign, or every act the message names, as denied; the model, which reads words
            # and not their grammar, may not make a crisis of one key word. (Capping it at a
            # check-in cost 11 of round BQ's 140 denials that admit another sign, "niemand
            # slaat me, hij knijpt alleen", for 4 false alarms.)
            framed = "denied"
        if framed is not None:
            # "na de les over zelfmoord was iedereen stil": the rules read the key word as the
            # lesson's topic; the model may not make a crisis of that one word.
            verdict = model.read(folded, MODEL_CONCERN_AT, one_word=True)
    if verdict is None or reading.recovered():
        # The same holds where no rule read a key word: "vroeger deed ik mezelf pijn, maar
        # ik ben nu drie jaar clean" is a past the message says is over.
        return sign
    subject: Subject = "other" if verdict.other else "self"
    if verdict.crisis >= model.crisis_at:
        return Detection(verdict.category, "model", subject)
    if framed == "fiction":
        return sign  # a story in a game or film gets no check-in either
    # Fairly sure, not sure enough for the crisis lines: a gentle check-in, unless a concern
    # rule already said which.
    return sign or Detection(verdict.category, "model", subject, "concern")


def _framed(reading: Reading, searched: Searched) -> Literal["topic", "fiction"] | None:
    """Whether a guarded rule's sign is in the text in a clause about a topic ("de les over
    zelfmoord", a film, the news), or any rule's sign is set inside a game, film or book ("in
    the game i had to jump off a bridge to get the last star"). A negation is not enough: "ik
    heb nooit aan zelfmoord gedacht, maar nu wel" is the model's to read. `searched`: the
    matches the rules found already."""
    rules = ruleset()
    padded = f" {reading.text} "
    for index, within in _candidates(padded):
        rule = rules.rules[index]
        spans = searched.get(index)
        if spans is None:
            spans = list(rule.search(reading.text, padded, within))
        for start, end in spans:
            low, high = reading.context(start)
            if _in_story(reading, (low, high), start, end):
                return "fiction"
            if rule.guarded and context.on_topic(reading.text[low:high]):
                return "topic"
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
    its own clause is about a film, lesson or the news, or negates it right before. Laughter
    never silences a sign: nervous laughter is common in disclosures.
    """
    if len(text) <= LONG_TEXT:
        return _detect_short(text)
    found = [sign for part in _windows(text) if (sign := _detect_short(part)) is not None]
    rank = {category: index for index, category in enumerate(SEVERITY)}
    return min(found, key=lambda sign: (sign.level != "crisis", rank[sign.category]), default=None)


def _armed(sign: Detection | None, folded: Normalised) -> Detection | None:
    """The sign, marked `armed` where it is acute danger and the text it was read in (the
    message, or the part of a long one) names a weapon. Read on the folded text the sign was
    found in: folding a message again cost a fifth of a danger message's time.

    Whose danger that is can be read both ways ("my boyfriend has a knife and he's blocking
    the door": the writer is trapped, or he may hurt himself; the helpers who wrote the tuning
    sets labelled such messages either way), so the reply must not hang on it: whoever is in
    danger, the writer is near the weapon and is told to get safe first, not to stay close.
    """
    if sign is None or sign.category != "danger" or sign.level != "crisis":
        return sign
    if _ARMED.search(folded.text) is None:
        return sign
    return replace(sign, armed=True)
