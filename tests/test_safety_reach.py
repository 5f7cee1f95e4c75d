"""A rule searched only near its anchors finds exactly what a search of the whole text finds."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.safety import context, detector, reach
from bot.safety.detector import _candidates, _read, ruleset
from bot.safety.normalize import normalise
from bot.safety.prefilter import Prefilter

_DATA = Path(__file__).parent / "safety"


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("abc", (3, 0)),
        (r"(?<= )wil (?:[a-z0-9_]+ ){0,3}dood ", (13, 3)),  # the lookbehind reads one more
        (r"\bzelfmoord\w*", (9, 1)),
        (r"niet(?! meer)", (9, 0)),  # what a lookahead reads counts
        (r"(?:wil|wou|wilde) dood", (10, 0)),
        (r"^(?=.*snij)", None),  # "." runs past every space: no bound
        (r"(?:ja )+nee", None),  # a repeat of words: no bound
        (r"a?", None),  # may match nothing: searched whole
    ],
)
def test_reach_bounds_what_a_match_can_span(
    expression: str, expected: tuple[int, int] | None
) -> None:
    assert reach.reach(expression) == expected


def test_windows_merge_and_give_up_when_they_would_cover_most_of_the_text() -> None:
    assert reach.windows([(50, 54), (60, 64), (300, 304)], 10, 1000) == [(40, 74), (290, 314)]
    assert reach.windows([(5, 9)], 10, 1000) == [(0, 19)]  # clipped at the start
    assert reach.windows([(100, 104), (400, 404)], 200, 600) is None


_PATTERNS = [
    r"(?<= )aab (?:[a-z]+ ){0,2}ba ",
    r"\baab\w*(?= \.|$)",
    r"(?<= )(?<!b )aba(?! ab)",
    r"(?<= )(?:aab|bba) (?:ab |b ){0,3}\.",
    r"\bbba(?:a|b){1,3}\b",
    r"(?<= )aa abb$",
]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab .", min_size=0, max_size=400))
def test_windowed_search_finds_exactly_the_matches_of_the_whole_text(text: str) -> None:
    """Any text of a small alphabet: ends, lookarounds, word boundaries, runs of any length."""
    prefilter = Prefilter([re.compile(pattern) for pattern in _PATTERNS])
    indexes, located = prefilter.located(text)
    longest = reach.longest_run(text)
    for index, pattern in enumerate(_PATTERNS):
        regex = re.compile(pattern)
        whole = [match.span() for match in regex.finditer(text)]
        bound = reach.reach(pattern)
        spans = located.spans(index)
        assert bound is not None
        assert spans is not None
        if index not in indexes:
            assert whole == []  # the prefilter's promise, which the windows build on
            continue
        within = reach.windows(spans, bound[0] + bound[1] * longest + 1, len(text), most=1.0)
        assert within is not None
        assert [match.span() for match in reach.search(regex, text, within)] == whole


def test_a_gated_rule_splits_into_its_gate_and_its_core() -> None:
    assert reach.gated(r"^(?=.*?\bsnij)(?:.*?)(?:\bbloed\b)") == (r"\bsnij", r"(?:\bbloed\b)")
    assert reach.gated(r"^(?=.*?a|b)(?:.*?)(?:c)") is None  # "|" binds looser than the gate
    assert reach.gated(r"^(?=.*?a)(?:.*?)c|d") is None
    assert reach.gated(r"^(?=.{0,300}?a)(?:c)") is None
    assert reach.core(r"\bdood\b") == r"\bdood\b"


def test_every_gated_rule_has_a_core_searched_near_its_anchors() -> None:
    gated = [rule for rule in ruleset().rules if reach.gated(rule.expression)]
    assert gated  # the form is in use
    assert all(reach.reach(reach.core(rule.expression)) is not None for rule in gated)


_GATED = [
    r"^(?=.*?\bbbb\b)(?:.*?)(?:\bba (?:[a-z]+ ){0,2}aa\b)",
    r"^(?=.*?(?:bbab|\. \.))(?:.*?)(?:(?<= )aab(?! b)|\bbab(?= \.|$))",
]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab .\n", min_size=0, max_size=400))
def test_a_gated_rule_near_its_core_finds_what_the_whole_finds(text: str) -> None:
    """The gate read once over the text, the core only near its anchors: the same span."""
    longest = reach.longest_run(text)
    for pattern in _GATED:
        split = reach.gated(pattern)
        assert split is not None
        whole = re.compile(pattern)
        expected = [match.span() for match in whole.finditer(text)]
        gate, body = (re.compile(part) for part in split)
        indexes, located = Prefilter([body]).located(text)
        if 0 not in indexes:
            assert expected == []
            continue
        bound, spans = reach.reach(split[1]), located.spans(0)
        assert bound is not None
        assert spans is not None
        within = reach.windows(spans, bound[0] + bound[1] * longest + 1, len(text), most=1.0)
        assert within is not None
        assert list(reach.search_gated(whole, gate, body, text, within)) == expected


@cache
def _pastes(calm: bool = False) -> list[str]:
    """Pastes of about 4 kB, each messages of every data set (`calm`: of the ordinary ones) in
    a random order."""
    texts: list[str] = []
    for path in sorted(_DATA.glob("*.yaml")):
        if path.name.startswith("train_rule") or (calm and "negatives" not in path.name):
            continue
        cases = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        texts += [case["text"] for case in cases]
    chance = random.Random(12)
    pastes: list[str] = []
    for _ in range(48):
        chosen = chance.sample(texts, 60)
        pastes.append(" ".join(chosen)[:4096])
    return pastes


@pytest.mark.parametrize("shard", range(4))
def test_every_rule_finds_the_same_matches_in_windows_on_long_pastes(shard: int) -> None:
    rules = ruleset()
    windowed = 0
    for paste in (_pastes() + _pastes(calm=True))[shard::4]:
        reading = _read(normalise(paste), rules.idioms)
        assert reading is not None
        padded = f" {reading.text} "
        for index, within in _candidates(padded):
            rule = rules.rules[index]
            whole = list(rule.search(reading.text, padded))
            assert list(rule.search(reading.text, padded, within)) == whole, rule.id
            windowed += within is not None
    assert windowed > 100  # the windows are really used on these pastes


def test_a_long_paste_gets_the_same_verdict_searched_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pastes = _pastes()[:12] + _pastes(calm=True)[:24]
    near = [detector.by_rules(paste) for paste in pastes]
    monkeypatch.setattr(detector, "_NEAR_ANCHORS", 10**9)
    assert [detector.by_rules(paste) for paste in pastes] == near
    assert any(sign is not None for sign in near)
    assert any(sign is None for sign in near)  # a calm paste runs every candidate rule


def test_branches_split_only_at_the_top_level() -> None:
    assert reach.branches(r"a|(?:b|c)|[|]d|e\|f") == ["a", "(?:b|c)", "[|]d", r"e\|f"]
    assert reach.branches("abc") == ["abc"]


@pytest.mark.parametrize("calm", [False, True])
def test_idioms_masked_near_their_anchors_are_masked_the_same(calm: bool) -> None:
    """Both idiom alternations, on long pastes: windows or the whole text, the same result."""
    content = ruleset().idioms
    assert content is not None
    masks: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
        (context._compiled("idioms"), context._mask),
        (content, "_ "),
    ]
    replaced = 0
    for paste in _pastes(calm)[:24]:
        text = f" {normalise(paste).text} "
        for pattern, replace in masks:
            whole = pattern.sub(replace, text)
            assert context._masked(pattern, replace, text) == whole
            replaced += whole != text
    assert replaced > 0  # the pastes hold idioms to mask


def test_an_alternation_searched_piece_by_piece_keeps_the_order_of_its_alternatives() -> None:
    """Where two alternatives match at one place, the first still wins: "kapot" before
    "kapot gelachen" masks only "kapot", as the whole alternation does; where one
    alternative's match covers the place another would match, that one is skipped."""
    pattern = re.compile(
        r"\bkapot\b|\bkapot gelachen\b|\bdood gelachen\b|\bzelfmoord\b|\bgelachen om\b"
    )
    alternation = reach.Alternation(pattern)
    for text in (
        " ik heb me kapot gelachen ",
        " ik heb me dood gelachen om zelfmoord grappen en kapot ",
        " gelachen om niks . dood gelachen om alles ",
        " gewoon een dag ",
    ):
        assert alternation.sub("_", text) == pattern.sub("_", text)
    assert alternation.sub("_", " ik heb me kapot gelachen ") == " ik heb me _ gelachen "


def test_a_new_mix_of_idioms_compiles_nothing_once_prepared(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each alternative is compiled once, at start: a message whose mix of idioms no message
    had before does not wait for a compile (it cost 1-3 ms when the mix was joined and
    compiled per message)."""
    pattern = re.compile(r"\bkapot\b|\bdood gelachen\b|\bzelfmoord\b|\bop de fiets\b")
    alternation = reach.Alternation(pattern)
    alternation.prepare()

    def compile_nothing(*_args: object) -> re.Pattern[str]:
        raise AssertionError("compiled while reading a message")

    monkeypatch.setattr(re, "compile", compile_nothing)
    text = " kapot van het werk , dood gelachen op de fiets "
    assert alternation.sub("_", text) == " _ van het werk , _ _ "
    assert alternation.sub("_", " zelfmoord op de fiets " * 200) == " _ _ " * 200


def test_an_alternation_with_an_unanchored_alternative_is_searched_whole() -> None:
    pattern = re.compile(r"\bkapot\b|\b[a-z]+\b")
    assert reach.Alternation(pattern).sub("_", " iets anders ") == " _ _ "
