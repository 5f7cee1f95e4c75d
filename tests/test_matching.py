"""Typed answers: exact, synonym, number, emoji, phrase, fuzzy, and honest 'not sure'."""

from __future__ import annotations

import pytest

from bot.engine.matching import Candidate, age_span, match_answer, normalise

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


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("17", (17, 17)),
        ("ik ben zeventien", (17, 17)),
        ("net 16 geworden", (16, 16)),
        ("bijna 20", (19, 19)),  # almost N is N - 1
        ("ik word volgende maand 20", (19, 19)),
        ("turning 16 next week", (15, 15)),
        ("ik ben 19 en word bijna 20", (19, 19)),
        ("vijfentwintig", (25, 25)),
        ("tweeëntwintig", (22, 22)),
        ("twee en twintig", (22, 22)),
        ("twenty-one", (21, 21)),
        ("nineteen", (19, 19)),
        ("jonger dan 16", (0, 15)),
        ("over 27", (28, 130)),
        ("begin twintig", (20, 23)),
        ("ergens in de twintig", (20, 29)),  # a decade, not the age 20
        ("eind twintig", (27, 29)),
        ("mid twenties", (23, 26)),
        ("late teens", (17, 19)),
        ("16 of 17", (16, 17)),
        ("ik ben 17 jaar en 11 maanden", (17, 17)),  # a time is not an age
        ("oud genoeg", None),
        ("no one", None),  # a lone "one" is a word, not an age
    ],
)
def test_age_span(text: str, span: tuple[int, int] | None) -> None:
    assert age_span(text) == span


@pytest.mark.parametrize(
    "text", ["wat bedoel je precies", "hoe bedoel je?", "what do you mean", "wat?", "huh ja"]
)
def test_a_question_back_is_no_answer(text: str) -> None:
    candidates = [*HEDGED, Candidate("yes", "precies")]
    assert match_answer(text, IDS, candidates, hedge="somewhat").option is None


@pytest.mark.parametrize(
    "text", ["ja of min of meer", "yeah or kind of", "ja en niet altijd", "no or maybe"]
)
def test_two_options_side_by_side_are_asked_again(text: str) -> None:
    """The hedge wins over one other option ("kind of yeah"), but not when both are offered."""
    candidates = [*HEDGED, Candidate("somewhat", "maybe"), Candidate("no", "no")]
    assert match_answer(text, IDS, candidates, hedge="somewhat").option is None


CONSENT = [
    Candidate("yes", "ja", is_label=True),
    Candidate("offers", "nee"),
    Candidate("offers", "no"),
    Candidate("friend", "voor een vriend"),
    Candidate("person", "mens"),
]


@pytest.mark.parametrize(
    ("text", "option"),
    [
        ("nee, voor een vriend", "friend"),  # a bare no only declines the question
        ("nee ik wil met een mens praten", "person"),
        ("no, a real mens", "person"),
        ("nee, ja", None),  # but never yields to the plain yes
    ],
)
def test_a_bare_no_yields_to_another_named_option(text: str, option: str | None) -> None:
    ids = ["yes", "offers", "friend", "person"]
    assert match_answer(text, ids, CONSENT).option == option


@pytest.mark.parametrize(
    ("text", "option"),
    [
        ("no one really", None),  # "no one" is no "no" ...
        ("a lot", "yes"),
        ("i have a lot of friends", None),  # ... and "a lot of" is an amount, not "a lot"
        ("no, never", "no"),  # negations that agree do not cancel each other
        ("nope not really", "no"),
    ],
)
def test_words_that_look_like_answers(text: str, option: str | None) -> None:
    candidates = [
        *HEDGED,
        Candidate("yes", "a lot"),
        Candidate("no", "no"),
        Candidate("no", "nope"),
        Candidate("no", "never"),
        Candidate("no", "not really"),
    ]
    assert match_answer(text, IDS, candidates, hedge="somewhat").option == option


def test_extra_candidates_are_matched_like_the_others() -> None:
    """The engine passes its own options (back, help) apart: they change from turn to turn."""
    big = [Candidate("yes", f"ja {n}") for n in range(40)] + CANDIDATES  # indexed once
    back = [Candidate("_back", "Terug")]
    for _ in range(2):
        assert match_answer("terug", [*IDS, "_back"], big, extra=back).option == "_back"
        assert match_answer("ja hoor", IDS, big, extra=back).option == "yes"
    assert match_answer("terug", IDS, big).option is None


def test_a_negation_reaches_over_a_run_of_one_options_words() -> None:
    candidates = [Candidate("yes", "uni"), Candidate("yes", "student"), Candidate("no", "nee")]
    assert match_answer("uni student", ["yes", "no"], candidates).option == "yes"
    assert match_answer("not a uni student", ["yes", "no"], candidates).option is None
