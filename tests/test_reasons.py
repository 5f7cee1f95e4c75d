"""Issue 13, "a reason can contradict the answers": every sentence of a result that says
something about the person follows from what they answered. All 729 answer combinations of
the six De Jong Gierveld statements, with every wish, age and student answer among them, in
both languages."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from types import MappingProxyType

import pytest

from bot.engine import Choice, Engine, SessionState

STATEMENTS = tuple(f"djg{n}" for n in range(1, 7))
ANSWERS = ("yes", "more_or_less", "no")
WISHES = ("with_others", "calmer", "student_info", "talk_now")
AGES = ("age_16_17", "age_18_19", "age_20_24", "age_25_27")
STUDENT = ("yes", "no")

#: Each sentence that says something about the person, and the answers it may follow: the
#: question, and the answers to it that say so. Written from the statements themselves, not
#: from the code: "Ik mis mensen om me heen" answered "Nee" never gives "je mist mensen".
CLAIMS: dict[str, dict[str, tuple[str, frozenset[str]]]] = {
    "nl": {
        "Je zei dat je mensen om je heen mist.": ("djg4", frozenset({"yes"})),
        "Je zei dat je soms mensen om je heen mist.": ("djg4", frozenset({"more_or_less"})),
        "Je mist soms mensen om je heen.": ("djg4", frozenset({"yes", "more_or_less"})),
        "Het klinkt alsof je soms mensen om je heen mist.": (
            "djg4",
            frozenset({"yes", "more_or_less"}),
        ),
        "Je zei dat je een leegte om je heen voelt.": ("djg1", frozenset({"yes"})),
        "Je zei dat je soms een leegte om je heen voelt.": ("djg1", frozenset({"more_or_less"})),
        "Je zei dat je je vaak in de steek gelaten voelt.": ("djg6", frozenset({"yes"})),
        "Je zei dat je je soms in de steek gelaten voelt.": (
            "djg6",
            frozenset({"more_or_less"}),
        ),
        "Je zei dat er niet genoeg mensen zijn op wie je kunt terugvallen.": (
            "djg2",
            frozenset({"no"}),
        ),
        "Je zei dat er niet altijd mensen zijn op wie je kunt terugvallen.": (
            "djg2",
            frozenset({"more_or_less"}),
        ),
        "Je zei dat er genoeg mensen zijn op wie je kunt terugvallen.": (
            "djg2",
            frozenset({"yes"}),
        ),
        "Je zei dat er niet veel mensen zijn die je helemaal vertrouwt.": (
            "djg3",
            frozenset({"no"}),
        ),
        "Je zei dat er niet zo veel mensen zijn die je helemaal vertrouwt.": (
            "djg3",
            frozenset({"more_or_less"}),
        ),
        "Je zei dat er veel mensen zijn die je helemaal vertrouwt.": ("djg3", frozenset({"yes"})),
        "Je zei dat er niet genoeg mensen zijn met wie je je verbonden voelt.": (
            "djg5",
            frozenset({"no"}),
        ),
        "Je zei dat er niet altijd mensen zijn met wie je je verbonden voelt.": (
            "djg5",
            frozenset({"more_or_less"}),
        ),
        "Je zei dat er genoeg mensen zijn met wie je je verbonden voelt.": (
            "djg5",
            frozenset({"yes"}),
        ),
        "Je wilt graag dingen doen met anderen.": ("wish", frozenset({"with_others"})),
        "Je wilt je rustiger en sterker voelen.": ("wish", frozenset({"calmer"})),
        "Je wilt informatie voor studenten.": ("wish", frozenset({"student_info"})),
        "Je bent student.": ("student", frozenset({"yes"})),
        "Je studeert in Utrecht.": ("student", frozenset({"yes"})),
    },
    "en": {
        "You said you miss having people around.": ("djg4", frozenset({"yes"})),
        "You said you sometimes miss having people around.": (
            "djg4",
            frozenset({"more_or_less"}),
        ),
        "You miss people around you sometimes.": ("djg4", frozenset({"yes", "more_or_less"})),
        "You said it feels empty around you.": ("djg1", frozenset({"yes"})),
        "You said it sometimes feels a bit empty around you.": (
            "djg1",
            frozenset({"more_or_less"}),
        ),
        "You said you often feel left on your own.": ("djg6", frozenset({"yes"})),
        "You said you sometimes feel left on your own.": ("djg6", frozenset({"more_or_less"})),
        "You said there aren't enough people you can lean on.": ("djg2", frozenset({"no"})),
        "You said there aren't always people you can lean on.": (
            "djg2",
            frozenset({"more_or_less"}),
        ),
        "You said there are enough people you can lean on.": ("djg2", frozenset({"yes"})),
        "You said there aren't many people you trust completely.": ("djg3", frozenset({"no"})),
        "You said there aren't so many people you trust completely.": (
            "djg3",
            frozenset({"more_or_less"}),
        ),
        "You said there are many people you trust completely.": ("djg3", frozenset({"yes"})),
        "You said there aren't enough people you feel close to.": ("djg5", frozenset({"no"})),
        "You said there aren't always people you feel close to.": (
            "djg5",
            frozenset({"more_or_less"}),
        ),
        "You said there are enough people you feel close to.": ("djg5", frozenset({"yes"})),
        "You'd like to do things with others.": ("wish", frozenset({"with_others"})),
        "You'd like to feel calmer and stronger.": ("wish", frozenset({"calmer"})),
        "You'd like information for students.": ("wish", frozenset({"student_info"})),
        "You are a student.": ("student", frozenset({"yes"})),
        "You study in Utrecht.": ("student", frozenset({"yes"})),
    },
}
#: Words that make a sentence a statement about the person: each such sentence must be in
#: CLAIMS, so a new reason cannot slip past this test unread.
ABOUT_YOU = {
    "nl": re.compile(
        r"\b(je zei|je wilt|je bent student|je studeert|je mist|je voelt|het klinkt alsof)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(you said|you'd like|you want|you are a student|you study|you miss|you feel|"
        r"it sounds like)\b",
        re.IGNORECASE,
    ),
}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_OFFER_LINE = re.compile(r"^- [^:]+: ")


def combinations() -> Iterator[dict[str, str]]:
    """The 729 answer sets, each with a wish, an age and a student answer, all cycled."""
    for n, answers in enumerate(itertools.product(ANSWERS, repeat=len(STATEMENTS))):
        student = STUDENT[n // 16 % len(STUDENT)]
        wish = WISHES[n % len(WISHES)]
        if student == "no" and wish == "student_info":
            wish = "calmer"  # only offered to students (tests/test_result_screen.py)
        yield {
            "consent": "yes",
            "age": AGES[n // 4 % len(AGES)],
            "student": student,
            **dict(zip(STATEMENTS, answers, strict=True)),
            "wish": wish,
        }


def sentences(text: str) -> Iterator[str]:
    for line in text.splitlines():
        for sentence in _SENTENCE_END.split(_OFFER_LINE.sub("", line.strip())):
            if sentence:
                yield sentence


def at_wish(answers: dict[str, str], lang: str) -> SessionState:
    """A conversation at the last question, with every other answer in `answers` given."""
    before = {k: v for k, v in answers.items() if k != "wish"}
    return SessionState(
        conversation="c",
        status="active",
        lang=lang,
        step="wish",
        answers=MappingProxyType(before),
        history=tuple(before),
    )


def result_for(engine: Engine, answers: dict[str, str], lang: str) -> str:
    """The result screen after tapping the wish, as the person sees it."""
    turn = engine.handle(at_wish(answers, lang), Choice("wish", answers["wish"], lang))
    return "\n".join(m.text for m in turn.messages)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_reason_contradicts_an_answer_in_all_729_combinations(
    engine: Engine, lang: str
) -> None:
    claims, about_you = CLAIMS[lang], ABOUT_YOU[lang]
    said_back: Counter[str] = Counter()
    results = 0
    for answers in combinations():
        shown = result_for(engine, answers, lang)
        results += 1
        told_back = 0
        for sentence in sentences(shown):
            if not about_you.search(sentence):
                continue
            assert sentence in claims, (
                f"a sentence about the person this test does not know: {sentence!r}"
            )
            step, allowed = claims[sentence]
            assert answers[step] in allowed, (
                f"{sentence!r} after {step}={answers[step]!r} ({answers})"
            )
            said_back[sentence] += 1
            told_back += sentence.startswith(("Je zei", "You said"))
        # With no statement skipped there is always a band, and it is told back in one
        # sentence of what the person said.
        assert told_back == 1, (answers, shown)
    assert results == 729
    # Every statement's told-back sentences were shown at least once: the table is not dead.
    for step in STATEMENTS:
        assert any(claims[s][0] == step for s in said_back), step
