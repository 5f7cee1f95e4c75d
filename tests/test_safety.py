"""The crisis detector against the hand-written safety dataset, plus robustness and folding."""

from __future__ import annotations

import random
import re
from collections import defaultdict
from pathlib import Path
from typing import TypedDict, cast

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.safety import Detection, detect, normalise, normalize

DATA = Path(__file__).parent / "safety"
CATEGORIES = {"suicide", "self_harm", "abuse", "danger"}
CATCH_KINDS = {"explicit", "indirect", "misspelled", "slang", "third_person", "abuse_disclosure"}
CALM_KINDS = {
    "idiom", "loss_grief", "neutral_death_topic", "games", "films_books", "homework",
    "everyday", "greeting", "questionnaire", "negation",
}  # fmt: skip
MIN_RECALL = 0.95
MAX_FALSE_POSITIVE_RATE = 0.03


class CatchCase(TypedDict):
    text: str
    category: str
    kind: str
    lang: str


class CalmCase(TypedDict):
    text: str
    kind: str
    lang: str


def _load(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return cast("list[dict[str, str]]", yaml.load(handle, Loader=yaml.CSafeLoader))


MUST_CATCH = [cast("CatchCase", row) for row in _load("must_catch.yaml")]
MUST_NOT_TRIGGER = [cast("CalmCase", row) for row in _load("must_not_trigger.yaml")]
EXPLICIT = [case for case in MUST_CATCH if case["kind"] == "explicit"]


def _misses(kind: str) -> tuple[list[str], int]:
    cases = [case for case in MUST_CATCH if case["kind"] == kind]
    return [case["text"] for case in cases if detect(case["text"]) is None], len(cases)


# --- the dataset itself ------------------------------------------------------------------------


def test_datasets_are_large_and_well_formed() -> None:
    assert len(MUST_CATCH) >= 280
    assert len(MUST_NOT_TRIGGER) >= 280
    for case in MUST_CATCH:
        assert set(case) == {"text", "category", "kind", "lang"}, case
        assert case["category"] in CATEGORIES, case
        assert case["kind"] in CATCH_KINDS, case
        assert case["lang"] in {"nl", "en"}, case
    for calm in MUST_NOT_TRIGGER:
        assert set(calm) == {"text", "kind", "lang"}, calm
        assert calm["kind"] in CALM_KINDS, calm
        assert calm["lang"] in {"nl", "en"}, calm
    langs = [case["lang"] for case in MUST_CATCH]
    assert langs.count("nl") > langs.count("en"), "Dutch is the main language"


def test_no_message_is_in_both_sets() -> None:
    both = {case["text"] for case in MUST_CATCH} & {calm["text"] for calm in MUST_NOT_TRIGGER}
    assert not both


# --- recall ------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", EXPLICIT, ids=[case["text"][:40] for case in EXPLICIT])
def test_every_explicit_message_is_caught_with_its_category(case: CatchCase) -> None:
    found = detect(case["text"])
    assert found is not None, f"MISSED explicit crisis message: {case['text']!r}"
    assert found.category == case["category"], (case["text"], found)


@pytest.mark.parametrize("kind", sorted(CATCH_KINDS - {"explicit"}))
def test_recall_per_kind_is_at_least_95_percent(kind: str) -> None:
    misses, total = _misses(kind)
    recall = 1 - len(misses) / total
    assert recall >= MIN_RECALL, f"{kind} recall {recall:.1%}; missed: {misses}"


def test_indirect_recall_is_at_least_95_percent() -> None:
    misses, total = _misses("indirect")
    assert total >= 40
    assert 1 - len(misses) / total >= MIN_RECALL, f"missed: {misses}"


def test_every_detection_names_its_evidence() -> None:
    for case in MUST_CATCH:
        found = detect(case["text"])
        if found is not None:
            assert found.evidence.strip(), case


# --- false positives ---------------------------------------------------------------------------


def test_false_positive_rate_is_at_most_3_percent() -> None:
    alarms = [(calm["text"], detect(calm["text"])) for calm in MUST_NOT_TRIGGER]
    false = [(text, found) for text, found in alarms if found is not None]
    rate = len(false) / len(MUST_NOT_TRIGGER)
    assert rate <= MAX_FALSE_POSITIVE_RATE, f"false positives {rate:.1%}: {false}"


def test_false_positives_per_kind_stay_low() -> None:
    by_kind: dict[str, list[str]] = defaultdict(list)
    for calm in MUST_NOT_TRIGGER:
        if detect(calm["text"]) is not None:
            by_kind[calm["kind"]].append(calm["text"])
    # Greetings and questionnaire answers are what the bot sees most: never a false alarm there.
    assert not by_kind["greeting"], by_kind["greeting"]
    assert not by_kind["questionnaire"], by_kind["questionnaire"]


# --- behaviour worth naming --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("ik wil dood en mijn vader slaat me", "suicide"),
        ("ik heb net pillen geslikt want ik wil dood", "danger"),
        ("mijn vader slaat me en ik snij mezelf", "self_harm"),
        ("ik verveel me dood en wil eigenlijk gewoon dood", "suicide"),
        ("we keken een film over zelfmoord en nu denk ik zelf aan zelfmoord", "suicide"),
        ("ik wil niet dood. ik wil niet meer leven", "suicide"),
        ("ik wil dood 😂", "suicide"),
    ],
)
def test_most_severe_and_personal_sign_wins(text: str, category: str) -> None:
    found = detect(text)
    assert found is not None
    assert found.category == category


@pytest.mark.parametrize(
    "text",
    ["ik wil niet dood", "ik verveel me dood", "de film over zelfmoord was goed", "kys"],
)
def test_negation_idiom_topic_and_insults_stay_quiet(text: str) -> None:
    assert detect(text) is None


# Dutch "die" (that, those) after a verb is not English "die": "ik zou die jurk kopen" was the
# suicide reply until round BM (death_appeal read "zou" + "die" as "should die").
_DUTCH_VERBS = ("moet", "zou", "had", "wil", "ga", "kan", "zal", "wou", "mag", "wilde")


@pytest.mark.parametrize("verb", _DUTCH_VERBS)
def test_dutch_die_after_a_verb_is_a_word_not_death(verb: str) -> None:
    assert detect(f"ik {verb} die jurk echt kopen") is None
    assert detect(f"ik {verb} die antibiotica 3x per dag nemen") is None


@pytest.mark.parametrize("text", ["i should just die", "ik moet gewoon dood", "ik should die"])
def test_should_die_in_either_language_still_fires(text: str) -> None:
    found = detect(text)
    assert found is not None
    assert found.category == "suicide"


def test_a_long_story_ending_in_a_crisis_is_caught() -> None:
    story = "vandaag was een gewone dag op school en daarna ben ik naar huis gefietst. " * 1500
    assert len(story) > 100_000
    found = detect(story + " ik wil dood")
    assert found is not None
    assert found.category == "suicide"


def test_detection_is_a_frozen_value() -> None:
    found = detect("ik wil dood")
    assert isinstance(found, Detection)
    with pytest.raises(AttributeError):
        found.category = "abuse"  # type: ignore[misc]


# --- robustness --------------------------------------------------------------------------------


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_detect_never_raises_on_any_text(text: str) -> None:
    found = detect(text)
    assert found is None or found.category in CATEGORIES


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=40))
def test_detect_never_raises_on_100_kb(fragment: str) -> None:
    text = (fragment * (100_000 // len(fragment) + 1))[:100_000]
    found = detect(text)
    assert found is None or found.category in CATEGORIES


@settings(max_examples=200)
@given(st.text(alphabet=st.characters(codec="utf-8")))
def test_normalised_text_is_plain_ascii(text: str) -> None:
    folded = normalise(text).text
    assert folded == folded.strip()
    assert set(folded) <= set("abcdefghijklmnopqrstuvwxyz0123456789 ._")


def test_control_characters_and_random_bytes_are_harmless() -> None:
    rng = random.Random(113)
    noise = "".join(chr(rng.randrange(0, 0x3000)) for _ in range(100_000))
    found = detect(noise)
    assert found is None or found.category in CATEGORIES
    assert detect("\x00\x07\x1b[31m\u202e\ufeff\U000e0041") is None
    assert detect("") is None


# --- normalisation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Ik Wil DOOOOOD!!!", "ik wil dod"),
        ("Ik wïl dóód", "ik wil dod"),
        ("z e l f m o o r d", "zelfmord"),
        ("zelf-moord", "zelfmord"),
        # A phrase hyphenated into one word is words again; a compound stays one (round AV).
        ("klaar-met-bestaan moe", "klar met bestan moe"),
        ("zelf-moord-gedachten", "zelfmordgedachten"),
        ("z-e-l-f-m-o-o-r-d", "zelfmord"),
        ("z.e.l.f.m.o.o.r.d", "zelfmord"),
        ("z3lfm00rd", "zelfmord"),
        ("1k w1l d00d", "ik wil dod"),
        ("k!ll mys3lf", "kil myself"),
        ("ik wil d\u200bood", "ik wil dod"),
        ("\uff49\uff4b \uff57\uff49\uff4c \uff44\uff4f\uff4f\uff44", "ik wil dod"),
        ("\u0456k w\u0456l d\u043e\u043ed", "ik wil dod"),
        ("kmsss", "kil myself"),
        ("zmd", "zelfmord"),
        ("kwil der nie meer zijn", "ik wil er niet mer zijn"),
        ("m'n vader", "mijn vader"),
        ("i'm fine", "i am fine"),
        ("zelfmorod", "zelfmord"),
        ("suiside", "suicide"),
        ("ik heb 10 pillen", "ik heb 10 pilen"),
        ("ik ben moe. echt", "ik ben moe . echt"),
        ("i want to dei", "i want to die"),  # two letters swapped in a short key word
        ("ik wil neit meer lveen", "ik wil niet mer leven"),
        ("ik doe me zelf pijn", "ik doe mezelf pijn"),  # the reflexive in two words
        # Chat spellings expand as written or drawn out; a word whose double letters fold onto
        # one is another word: "uur" is no "your", "woont" no "won't", "bff" no "boyfriend".
        ("gonna", "going to"),
        ("mnnn vader", "mijn vader"),
        ("al een uur", "al en ur"),
        ("hij woont hier", "hij wont hier"),
        ("my bff", "my bf"),
        ("", ""),
    ],
)
def test_normalise(raw: str, folded: str) -> None:
    assert normalise(raw).text == folded


@given(st.text(alphabet="ab kzl!|'`-.,…0123@$\x00\n", max_size=60))
@settings(max_examples=300)
def test_folding_a_plain_text_skips_only_steps_that_cannot_apply(text: str) -> None:
    """An ASCII text skips the steps for invisible marks, look-alikes and emoji, and a text
    without "!", an apostrophe, two dots or a comma skips those too; a zero-width space, which
    folding deletes, sends the same text through every step: the result must be the same."""
    every_step = normalise(text + "\u200b")
    assert normalise(text) == every_step


@pytest.mark.parametrize(
    "text",
    [
        "i want to dei",
        "i wanna dei tonight",
        "ik wil neit meer leven",
        "ik wil me zelf iets aandoen",
        "ik wil mij zelf van kant maken",
        "i wnat to kill myself",
    ],
)
def test_slips_typed_in_a_hurry_are_still_read(text: str) -> None:
    found = detect(text)
    assert found is not None
    assert found.level == "crisis"


def test_normalise_keeps_everyday_neighbours_of_key_words() -> None:
    assert normalise("zelfzorg verwacht verkocht aangeraden").text == (
        "zelfzorg verwacht verkocht angeraden"
    )


def test_normalise_notices_laughter() -> None:
    assert normalise("ik kan niet meer 😂").laughing
    assert normalise("hahaha ik kan niet meer").laughing
    assert not normalise("ik kan niet meer").laughing
    assert not normalise("de shaha van iran, en xdraw of jkl").laughing


#: Laughter as first written: whole words, or one of four emoji. `normalize._LAUGH` is written
#: for speed and must find the same.
_PLAIN_LAUGH = re.compile(
    "[\U0001f602\U0001f923\U0001f639\U0001f606]"
    r"|\b(?:a?ha(?:ha)+h?|hihi+|lo+l+|lmf?ao+|xd+|jk)\b"
)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="ahlxjikdmfo .,_1é😂😆", max_size=16))
def test_laughter_is_found_as_its_plain_pattern_finds_it(text: str) -> None:
    assert (normalize._LAUGH.search(text) is None) == (_PLAIN_LAUGH.search(text) is None)
