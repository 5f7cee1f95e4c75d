"""Typed answers: exact, synonym, number, emoji, phrase, fuzzy, and honest 'not sure'."""

from __future__ import annotations

import pytest

from bot.engine.matching import Candidate, match_answer, normalise

IDS = ["yes", "somewhat", "no"]
CANDIDATES = [
    Candidate("yes", "Ja", is_label=True),
    Candidate("somewhat", "Min of meer", is_label=True),
    Candidate("no", "Nee", is_label=True),
    Candidate("yes", "Yes", primary=False, is_label=True),
    Candidate("somewhat", "More or less", primary=False, is_label=True),
    Candidate("no", "No", primary=False, is_label=True),
    Candidate("yes", "jazeker"),
    Candidate("somewhat", "een beetje"),
    Candidate("somewhat", "soms"),
    Candidate("no", "nope"),
    Candidate("yes", "👍"),
    Candidate("no", "👎"),
]


@pytest.mark.parametrize(
    ("text", "option", "how"),
    [
        ("ja", "yes", "exact"),
        ("  JA!  ", "yes", "exact"),
        ("Min of meer", "somewhat", "exact"),
        ("min-of-meer", "somewhat", "exact"),
        ("more or less", "somewhat", "exact"),
        ("jazeker", "yes", "synonym"),
        ("2", "somewhat", "number"),
        ("nr. 3", "no", "number"),
        ("optie 1", "yes", "number"),
        ("drie", "no", "number"),
        ("👍", "yes", "emoji"),
        ("👍🏿", "yes", "emoji"),
        ("ja hoor", "yes", "phrase"),
        ("nou een beetje", "somewhat", "phrase"),
        ("jaaaa", "yes", "fuzzy"),
        ("min of mer", "somewhat", "fuzzy"),
        ("neee", "no", "exact"),
        ("neej", "no", "fuzzy"),
    ],
)
def test_understood(text: str, option: str, how: str) -> None:
    result = match_answer(text, IDS, CANDIDATES)
    assert (result.option, result.how) == (option, how)


@pytest.mark.parametrize(
    "text", ["", "   ", "4", "0", "banaan", "x" * 5000, "?", "ja nee", "nou ja een beetje"]
)
def test_not_understood(text: str) -> None:
    assert match_answer(text, IDS, CANDIDATES).option is None


def test_two_options_in_one_answer_is_ambiguous_not_a_guess() -> None:
    result = match_answer("ja nee", IDS, CANDIDATES)
    assert result.option is None
    assert set(result.ambiguous) == {"yes", "no"}


def test_negation_turns_a_phrase_around() -> None:
    candidates = [
        Candidate("good", "goed", is_label=True),
        Candidate("bad", "niet goed"),
    ]
    assert match_answer("echt niet goed", ["good", "bad"], candidates).option == "bad"
    assert match_answer("nie goed", ["good", "bad"], candidates).option == "bad"
    assert match_answer("goed hoor", ["good", "bad"], candidates).option == "good"


def test_own_language_wins_over_another() -> None:
    candidates = [
        Candidate("a", "no", primary=True),  # e.g. a Dutch word that is English for "nee"
        Candidate("b", "no", primary=False),
    ]
    assert match_answer("no", ["a", "b"], candidates).option == "a"


def test_normalise() -> None:
    assert normalise("  Héél   GOED!!! ") == "heel goed"
    assert normalise("jaaaaa") == "jaa"
    assert normalise("👍") == ""


HEDGED = [
    Candidate("yes", "ja", is_label=True),
    Candidate("yes", "zeker"),
    Candidate("yes", "yeah"),
    Candidate("somewhat", "min of meer", is_label=True),
    Candidate("somewhat", "niet altijd"),
    Candidate("somewhat", "kind of"),
    Candidate("no", "nee", is_label=True),
    Candidate("no", "niet"),
]


@pytest.mark.parametrize(
    ("text", "option"),
    [
        ("zeker niet", "no"),  # a negation after the phrase turns it around
        ("ja echt niet", "no"),
        ("ja maar niet altijd", "somewhat"),  # the hedge and one other: the hedge
        ("kind of yeah", "somewhat"),
        ("ik weet het nog niet zo goed", None),  # a bare "niet" in a sentence: ask again
        ("ja nee", None),  # yes and no: never a guess
    ],
)
def test_negation_after_hedge_and_bare_negation(text: str, option: str | None) -> None:
    assert match_answer(text, IDS, HEDGED, hedge="somewhat").option == option
