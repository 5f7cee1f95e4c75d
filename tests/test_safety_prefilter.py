"""The prefilter only skips work: with it or without it, every message gets the same verdict."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.safety import Detection, context
from bot.safety.detector import _fire, _read, by_rules, ruleset
from bot.safety.normalize import normalise
from bot.safety.prefilter import Prefilter, anchor_sets, anchors

_DATA = Path(__file__).parent / "safety"


def _every_rule(text: str) -> Detection | None:
    """The rules without the prefilter (and, as `by_rules`, without the model): every rule,
    in order."""
    rules = ruleset()
    folded = normalise(text)
    reading = _read(folded, rules.idioms)
    if reading is None:
        return None
    padded = f" {reading.text} "
    for rule in rules.rules:
        if (sign := _fire(rule, reading, padded)) is not None:
            return sign
    return None


#: Every how many lines of a training set are read: their 118,000 lines would take minutes. At
#: every 30th line they were 4,000 texts of 20 ms each (four times a tuning message: longer,
#: pastes among them), 81 of this test's 134 s of CPU with CI at its 15 minutes (2026-12-07);
#: the tuning sets and every rule's examples are read whole.
_TRAIN_STEP = 90


@cache
def _texts() -> list[str]:
    """The tuning sets, a tenth of the training sets and every rule's examples. Not the
    measuring sets: a failure here prints the messages that differ, and nobody tuning the rules
    reads those (bench/safety.py)."""
    texts: list[str] = []
    for path in sorted(_DATA.glob("*.yaml")):
        if "measure" in path.name:
            continue
        cases = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        if path.name.startswith("train_"):
            cases = cases[::_TRAIN_STEP]
        texts += [case["text"] for case in cases]
    for rule in ruleset().rules:
        texts += [*rule.match, *rule.no_match]
    return texts


SHARDS = 4


@pytest.mark.parametrize("shard", range(SHARDS))
def test_same_verdict_on_every_message_of_every_set(shard: int) -> None:
    """In shards, so the suite's workers share the work."""
    differ = [text for text in _texts()[shard::SHARDS] if by_rules(text) != _every_rule(text)]
    assert differ == []


_WORDS = sorted({word for text in _texts() for word in text.split()})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14))
def test_same_verdict_on_words_of_the_sets_in_any_order(words: list[str]) -> None:
    text = " ".join(words)
    assert by_rules(text) == _every_rule(text)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?<= )wil dood ", {"wil dood "}),
        # An optional piece keeps the run exact: every spelling the regex allows.
        (
            r"(?:wil|wou) (?:niet )?meer",
            {"wil meer", "wou meer", "wil niet meer", "wou niet meer"},
        ),
        (r"(?:wil|wou) (?:[a-z]+ )?meer", {"meer"}),  # the longer of two anchor sets
        (r"\bzelfmord\w*", {"zelfmord"}),
        (r"(?:[a-z]+ ){0,3}dood", {"dood"}),
        (r"a|b", None),  # anchors too short to help: always run
        (r"[a-z]+ pillen?", {" pille"}),
    ],
)
def test_anchors_are_strings_every_match_contains(pattern: str, expected: set[str] | None) -> None:
    found = anchors(re.compile(pattern))
    assert (set(found) if found is not None else None) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # Both ends of a gap are needed, not just the more selective one.
        (r"(?:wil|wou) (?:[a-z]+ ){0,3}dood", [{"dood"}, {"wil ", "wou "}]),
        # What a lookahead looks for must be in the text too.
        (
            r"^(?=.{0,300}?\b(?:snij|kras))(?=.{0,300}?\bbloed)",
            [{"bloed"}, {"kras", "snij"}],
        ),
        (r"niet(?! meer)", [{"niet"}]),  # a negative lookahead requires nothing
        # Each branch of an alternation needs two sets: so does the whole, rank by rank (one
        # union alone let a weapon rule wait on "met " and "with ", in most long messages).
        (
            r"(?:hij|zij) (?:[a-z]+ ){0,3}heeft (?:[a-z]+ ){0,2}mes "
            r"|(?:he|she) (?:[a-z]+ ){0,3}has (?:[a-z]+ ){0,2}gun ",
            [{"heeft ", "has "}, {"mes ", "gun "}, {"hij ", "zij ", "he "}],  # "he " in "she "
        ),
    ],
)
def test_a_rule_needs_every_anchor_set(pattern: str, expected: list[set[str]]) -> None:
    found = anchor_sets(re.compile(pattern))
    assert found is not None
    assert [set(item) for item in found] == expected


def test_a_rule_runs_only_when_every_set_it_needs_is_present() -> None:
    prefilter = Prefilter([re.compile(r"(?:wil|wou) (?:[a-z]+ ){0,3}dood")])
    assert prefilter.candidates(" ik wil naar huis ") == []
    assert prefilter.candidates(" ik ben doodop ") == []
    assert prefilter.candidates(" ik wil echt dood ") == [0]


def test_a_rule_given_more_sets_than_are_indexed_still_runs() -> None:
    """Only the first four sets are indexed; a fifth must not keep the rule from running."""
    sets = tuple(frozenset({word}) for word in ("een", "twee", "drie", "vier", "vijf"))
    prefilter = Prefilter(["x"], lambda _pattern: sets)
    assert prefilter.candidates(" een twee drie vier ") == [0]


def test_a_rule_without_anchors_always_runs() -> None:
    prefilter = Prefilter([re.compile(r"a|b"), re.compile(r"zelfmord")])
    assert prefilter.candidates(" hallo ") == [0]
    assert prefilter.candidates(" zelfmord ") == [0, 1]


def test_idioms_masked_behind_their_gate_are_masked_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Of the idiom alternations only the idioms whose anchors occur run; on every message of
    every set (and each clause of it), the masked text is what running them whole gives."""
    idioms = ruleset().idioms
    clauses = [
        part
        for text in _texts()
        for part in [normalise(text).text, *normalise(text).text.split(" . ")]
    ]
    gated = [context.mask_idioms(part, idioms) for part in clauses]
    monkeypatch.setattr(context, "_masked", lambda pattern, mask, text: pattern.sub(mask, text))
    whole = [context.mask_idioms(part, idioms) for part in clauses]
    assert whole == gated
    assert sum(masked != part for masked, part in zip(whole, clauses, strict=True)) > 500
