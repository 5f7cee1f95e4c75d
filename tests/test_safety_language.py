"""The pattern language of the crisis rules: what each construct matches, and clear errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.safety import normalise
from bot.safety.language import PatternError, compile_pattern
from bot.safety.review import check_rules

LISTS = {
    "neg": ["niet", "geen", "not"],
    "pills": ["pillen", "slaap pillen", "tablet*"],
    "end_filler": ["echt", "ofz"],
    "loop": ["@loop"],
}


def matches(pattern: str, text: str) -> bool:
    """Whether `pattern` finds a match in `text` as the detector reads it."""
    regex = re.compile(compile_pattern(pattern, LISTS))
    return regex.search(f" {normalise(text).text} ") is not None


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        ("wil dood", "ik wil dood", True),
        ("wil dood", "ik wil doodgewoon slapen", False),  # whole words only
        ("wil dood", "ik wil dooood", True),  # letter runs fold like the text
        ("zelfmoord*", "zelfmoordgedachten", True),
        ("(wil | wou) dood", "ik wou dood", True),
        ("ik [echt | gewoon] dood", "ik gewoon dood", True),
        ("ik [echt | gewoon] dood", "ik dood", True),
        ("@pills geslikt", "ik heb slaap pillen geslikt", True),
        ("@pills geslikt", "tabletten geslikt", True),
        ("wil ... dood", "ik wil eigenlijk gewoon dood", True),
        ("wil ... dood", "ik wil niet dood", False),  # a gap never runs over a negation
        ("wil ... dood", "ik wil heel erg lang al dood", False),  # more than 3 words
        ("wil ...5 dood", "ik wil heel erg lang al dood", True),
        ("pillen ~6 duizelig", "pillen genomen. nu duizelig", True),  # ~N crosses sentences
        ("## pillen", "ik heb 20 pillen", True),
        ("## pillen", "ik heb 2 pillen", False),
        ("# pillen", "ik heb 2 pillen", True),
        ("ik wil niet meer $", "ik wil niet meer", True),
        ("ik wil niet meer $", "ik wil niet meer echt", True),  # end filler
        ("ik wil niet meer $", "ik wil niet meer naar school", False),
        ("^ klaar mee", "ik ben er klaar mee", False),
        ("^ klaar mee", "klaar mee", True),
        ("^ klaar mee", "zo. klaar mee", True),
        ("op het dak !(terras | feest)", "ik sta op het dak", True),
        ("op het dak !(terras | feest)", "op het dak terras", False),
        ("<!(niet | geen) dood", "ik wil niet dood", False),
        ("<!(niet | geen) dood", "ik wil dood", True),
    ],
)
def test_each_construct_matches_what_the_docs_say(pattern: str, text: str, expected: bool) -> None:
    assert matches(pattern, text) is expected


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("", "empty pattern"),
        ("(wil | wou", "never closed"),
        ("wil )", "unmatched"),
        ("wil | | dood", "empty alternative"),
        ("@nothing", "no word list @nothing"),
        ("@loop", "refers to itself"),
        ("wil ...99 dood", "a gap is 1 to"),
        ("<!(zelf*) dood", "plain words"),
        ("wil {dood}", "not a word"),
    ],
)
def test_a_broken_pattern_says_what_is_wrong(pattern: str, problem: str) -> None:
    with pytest.raises(PatternError, match=re.escape(problem)):
        compile_pattern(pattern, LISTS)


def test_a_broken_rule_file_is_named_by_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "suicide.yaml").write_text(
        "category: suicide\n"
        "rules:\n"
        "  - id: good\n"
        "    pattern: wil dood\n"
        "    match: [ik wil dood]\n"
        "    no_match: [ik wil niet dood]\n"
        "  - id: broken\n"
        "    pattern: (wil dood\n"
        "    match: [ik wil dood]\n"
        "    no_match: [hoi]\n"
        "  - id: wrong_example\n"
        "    pattern: wil sterven\n"
        "    match: [ik wil dood]\n"
        "    no_match: [ik wil sterven]\n"
        "  - id: no_examples\n"
        "    pattern: zelfmoord\n",
        encoding="utf-8",
    )
    problems = [str(problem) for problem in check_rules(tmp_path)]
    assert any(":7: broken: column 1: '(' is never closed" in p for p in problems), problems
    assert any(":11: wrong_example: does not match its example 'ik wil" in p for p in problems)
    assert any(":11: wrong_example: matches 'ik wil sterven', listed under" in p for p in problems)
    assert any(":15: no_examples: needs at least one example under 'match'" in p for p in problems)
    assert not any("good" in p for p in problems)


def test_the_repository_rules_compile_and_keep_their_examples() -> None:
    assert [str(problem) for problem in check_rules()] == []
