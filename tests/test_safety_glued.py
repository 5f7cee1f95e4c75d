"""Words typed without spaces: a glued crisis statement is read as its words, nothing else is."""

from __future__ import annotations

import pytest

from bot.safety import detect
from bot.safety.glued import split
from bot.safety.normalize import normalise


@pytest.mark.parametrize(
    ("typed", "category"),
    [
        ("ikwildoodikwildood", "suicide"),
        ("wanttodie", "suicide"),
        ("imgonna killmyself tonight", "suicide"),
        ("ikwilzelfmoordplegen", "suicide"),
        ("i cutmyself agian last nite", "self_harm"),
        ("ik wil mezelf ophangen, ikwildood", "suicide"),
        ("ikwilnietmeerleven,echtniet,ikbenzomoe", "suicide"),
        ("ikhebmezelfweergesneden sorry", "self_harm"),
        ("ikhebalweergekrast", "self_harm"),
    ],
)
def test_a_statement_typed_without_spaces_is_caught(typed: str, category: str) -> None:
    found = detect(typed)
    assert found is not None
    assert found.level == "crisis"
    assert found.category == category


@pytest.mark.parametrize(
    "typed",
    ["doodmoe", "diehard", "cutlery", "studiestress", "ikwilpizza", "hangplant", "killerwhale",
     "dieetwinkel", "medicijnkastje", "overdosering", "levensgevaarlijk", "lifestyle",
     "hebbenwegesneden", "ikhebhaargesneden"],
)  # fmt: skip
def test_real_words_and_other_runs_stay_whole(typed: str) -> None:
    assert split(normalise(typed).text) is None
    assert split(typed) is None


def test_only_a_run_with_a_sign_in_it_is_split() -> None:
    assert split("ikwildood") == ("ik", "wil", "dood")
    assert split("ikwilnaarhuis") is None  # no sign in it: no need to read it as words
    assert split("ikwilleven") == ("ik", "wil", "leven")  # read as the words, as typed apart:
    assert detect("ikwilleven") == detect("ik wil leven")  # no crisis reply (at most a check-in)
    assert getattr(detect("ikwilleven"), "level", None) != "crisis"
    assert normalise("ikwilnaarhuis").text == "ikwilnarhuis"  # letter runs folded, not split
