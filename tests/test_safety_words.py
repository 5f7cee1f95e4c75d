"""Typo correction only for words that are not words; folding never makes a crisis word."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from wordfreq import zipf_frequency

from bot.safety import detect, normalise, words
from bot.safety.detector import ruleset
from bot.safety.lexicon import KEY_PREFIXES, KEY_WORDS, fold
from bot.safety.normalize import collapse

SAFETY = Path(__file__).resolve().parent.parent / "bot" / "safety"

# Real words one or two letters from a key term: before, each was "corrected" into it.
REAL_NEIGHBOURS = (
    "studeren", "verwachtingen", "verwachting", "aangeland", "gisteren", "sterren", "verkocht",
    "verwacht", "verdacht", "moesten", "aangedaan", "aanraking", "streven", "stierven",
    "leerkracht", "overdracht", "beschadigingen", "zelfportret", "zelfredzaamheid",
    "zelfmedelijden", "decided", "caused", "accused", "trapped", "wrapped", "branding",
    "sufficiently", "telford", "steven", "amused", "scraped", "gebrand", "jezelf",
)  # fmt: skip
# Misspellings the detector must still reach, with the key term each becomes.
MISSPELLINGS = {
    "zelfmort": "zelfmord",
    "zelfmorod": "zelfmord",
    "suiside": "suicide",
    "sucide": "suicide",
    "verkragt": "verkracht",
    "zelfmortgedachten": "zelfmordgedachten",
    "myslef": "myself",
}


@pytest.mark.parametrize("word", REAL_NEIGHBOURS)
def test_a_real_word_is_never_corrected(word: str) -> None:
    assert normalise(word).text == fold(word)
    assert detect(word) is None


@pytest.mark.parametrize("word", REAL_NEIGHBOURS)
def test_real_neighbours_are_real_words_at_the_threshold(word: str) -> None:
    # wordfreq's own look-up, so the streamed reading of its lists is checked too.
    assert max(zipf_frequency(word, lang) for lang in words.LANGUAGES) >= words.ZIPF_MIN
    assert words.is_word(fold(word))


@pytest.mark.parametrize(("typo", "term"), sorted(MISSPELLINGS.items()))
def test_a_misspelling_is_still_corrected(typo: str, term: str) -> None:
    assert max(zipf_frequency(typo, lang) for lang in words.LANGUAGES) < words.ZIPF_MIN
    assert not words.is_word(fold(typo))
    assert normalise(typo).text == term


@pytest.mark.parametrize("word", ["zelfmoordgedachtes", "zelfmoordpogingen"])
def test_a_compound_with_its_head_spelled_right_keeps_its_tail_and_its_sign(word: str) -> None:
    # Round BP: "zelfmoordopening" (a chess opening) read "zelfmoordpoging". A compound whose
    # head is spelled right is left as typed; the rules read the head as a prefix.
    assert normalise(word).text == fold(word)
    found = detect(word)
    assert found is not None
    assert found.category == "suicide"


def test_a_chess_opening_is_no_attempt() -> None:
    assert normalise("zelfmoordopening").text == fold("zelfmoordopening")
    assert detect("ik speelde de zelfmoordopening en won gewoon") is None


def test_gisteren_no_longer_hides_in_sterven() -> None:
    assert normalise("ik heb mezelf gisteren weer gesneden").text == (
        "ik heb mezelf gisteren wer gesneden"
    )
    assert detect("we hebben gisteren gestudeerd en morgen gaan we studeren") is None


def test_a_correctly_spelled_compound_head_is_not_cut() -> None:
    # "zelfmoordaanslagje" is no listed word; its head is right, so it stays one word and the
    # topic mask for "zelfmoordaanslag" still reads it.
    assert normalise("zelfmoordaanslagje").text == "zelfmordanslagje"
    assert normalise("zelfmoortgedachten").text == "zelfmordgedachten"


def test_the_streamed_lists_agree_with_wordfreq() -> None:
    seen = dict.fromkeys(("gisteren", "aangeland", "zelfmoord", "huurt"), -1.0)
    for zipf, word in words.zipf_words("nl"):
        if word in seen:
            seen[word] = zipf
    for word, zipf in seen.items():
        assert zipf == pytest.approx(zipf_frequency(word, "nl", wordlist="large"), abs=0.01)


# --- letter runs -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("dood", "dod"),
        ("dooood", "dod"),
        ("d00d", "dod"),
        ("zelfmoooord", "zelfmord"),
        ("ik wil dooood", "ik wil dod"),
        ("verkrachtte", "verkrachte"),
        ("doodde", "dode"),
        ("suicidaal", "suicidal"),
        ("meer", "mer"),
        ("stuuuuderen", "studeren"),
    ],
)
def test_letter_runs_still_fold(raw: str, folded: str) -> None:
    assert normalise(raw).text == folded


@pytest.mark.parametrize(
    "word", ["rapped", "rapping", "veerkracht", "veerkrachtige", "mess", "huurt", "stroop"]
)
def test_folding_never_turns_a_real_word_into_a_key_word(word: str) -> None:
    assert words.unfolds(word)
    assert normalise(word).text == word
    assert detect(word) is None
    assert detect(f"ik vind {word} wel leuk") is None


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("i cutt myself agian", "self_harm"),
        ("he hitt me again last night", "abuse"),
    ],
)
def test_a_rare_listed_spelling_folds_like_chat(text: str, category: str) -> None:
    """wordfreq lists "cutt" (Zipf 1.96) and "hitt" (2.16), but under CLASH_MIN a spelling that
    folds onto a key word is a typo more often than a word: it folds like any letter run."""
    assert words.CLASH_MIN > 2.16
    found = detect(text)
    assert found is not None
    assert found.category == category


def test_the_words_that_keep_their_letter_runs_fold_onto_key_words() -> None:
    keys = {fold(key) for key in KEY_WORDS}
    prefixes = tuple(fold(prefix) for prefix in KEY_PREFIXES)
    clashes = words.load().clashes
    assert {"rapped", "veerkracht", "mess"} <= clashes
    for word in clashes:
        assert word not in KEY_WORDS
        assert fold(word) in keys or fold(word).startswith(prefixes), word


def test_no_rule_names_a_word_that_keeps_its_letter_runs() -> None:
    # Such a word reaches the rules unfolded, while rules in the old regex notation are compiled
    # folded: such a rule could never match it. (The pattern language keeps these words as
    # they are, so `pattern:` rules may name them: "was rapped".)
    regexes = [rule.source for rule in ruleset().rules if not rule.padded]
    sources = " ".join([*regexes, (SAFETY / "context.py").read_text(encoding="utf-8")]).lower()
    named = [w for w in words.load().clashes if re.search(rf"\b{w}\b", sources)]
    assert not named


# --- cost --------------------------------------------------------------------------------------


def test_importing_reads_no_word_list() -> None:
    # The lists are read once, when the rules are first compiled (omarmt run warms them up).
    code = (
        "import sys, bot.safety\n"
        "from bot.safety import words\n"
        "print('msgpack' in sys.modules, 'wordfreq' in sys.modules,"
        " words.load.cache_info().currsize)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False", "False", "0"]


def test_the_vocabulary_is_compact() -> None:
    vocabulary = words.load()
    assert 150_000 < len(vocabulary.hashes) < 400_000
    assert vocabulary.hashes.itemsize * len(vocabulary.hashes) < 4 * 2**20
    assert len(vocabulary.clashes) < 100


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("denkn", "denken"), ("springn", "springen"), ("beeindign", "beeindigen"),
     ("overdosin", "overdosing")],
)  # fmt: skip
def test_a_dropped_letter_of_a_common_ending_is_put_back(typed: str, meant: str) -> None:
    assert normalise(typed).text == normalise(meant).text


@pytest.mark.parametrize(
    "word", ["waarin", "daarin", "erin", "cousin", "begin", "modern", "thinking"]
)
def test_a_word_that_ends_so_is_left_as_it_is(word: str) -> None:
    # "waarin" is too short for the word lists to know it; "-in" is put back only from six letters.
    assert normalise(word).text == collapse(word)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("ik blijf maar denkn aan dood gaan, meen t echt", "suicide"),
        ("kzit t drinkn en ik heb zin om in de gracht te springn en nie meer boven te komen",
         "suicide"),
        ("heb 6 biertjs op en ik denk erover om mn leven te beeindign", "suicide"),
        ("ik kunnen niet meer leven", "suicide"),  # no rule read "kan niet meer leven" either
        # two neighbouring letters swapped
        ("relpased and cut my thgihs today", "self_harm"),
        ("ik ben weer aan het snjiden na 3 maanden", "self_harm"),
        ("ik heb net pillen gneomen, heel veel", "danger"),
        # ... in a short word too (session 42), and where the swap made a letter run
        ("iemand voglt me al een half uur", "danger"),
        ("i was rpaed by a frined", "abuse"),
        ("kwil ehct een eidne aan mn leevn makne", "suicide"),
    ],
)  # fmt: skip
def test_a_statement_typed_in_a_hurry_is_caught(text: str, category: str) -> None:
    found = detect(text)
    assert found is not None
    assert found.level == "crisis"
    assert found.category == category


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("snjiden", "snijden"), ("gesnedne", "gesneden"), ("frined", "friend"), ("thgihs", "thighs"),
     ("wihtout", "without"), ("relpased", "relapsed"), ("gneomen", "genomen"),
     # Short words (session 42): where two swaps give words, the common one ("praed" is rare).
     ("voglt", "volgt"), ("ehct", "echt"), ("eidne", "einde"), ("rpaed", "raped"),
     ("makne", "maken"), ("leevn", "leven")],
)  # fmt: skip
def test_two_neighbouring_letters_typed_the_wrong_way_round_read_as_the_word(
    typed: str, meant: str
) -> None:
    assert normalise(typed).text == normalise(meant).text


@pytest.mark.parametrize(
    "word", ["studeren", "gisteren", "verwachtingen", "aangeland", "croeselaan", "snei", "rped"]
)
def test_a_word_or_a_name_is_not_swapped_into_another(word: str) -> None:
    # Real words are never touched; a name no swap turns into a word stays; and a short token
    # is swapped only into a common word: "snei" (for "snij", which the rules read as typed)
    # would be the rare "seni", "r*ped" the rare "pred".
    assert normalise(word).text == collapse(word)


def test_a_short_word_glued_to_another_still_splits() -> None:
    # The word lists hold short words since session 42, their rare ones much noise ("dodga"):
    # a glued run that folds to under six letters is still judged by its pieces alone.
    assert normalise("ik hoop dat ik doodga").text.endswith("dod ga")


def test_common_words_are_told_from_rare_ones() -> None:
    assert words.is_common("maken")
    assert words.is_common("raped")
    assert words.is_word("praed")
    assert not words.is_common("praed")


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("ik hebben veel pillen genomen", "ik heb"),
        ("hallo, ik kunnen niet meer leven", "ik kan niet"),
        ("ik zijn bang. ik willen dood", "ik wil dod"),
    ],
)
def test_a_verb_left_unconjugated_after_ik_reads_as_conjugated(typed: str, read: str) -> None:
    assert read in normalise(typed).text


@pytest.mark.parametrize(
    "text", ["nu moet ik doen wat hij zegt", "mijn broer en ik zijn bang", "wil ik gaan"]
)
def test_an_infinitive_after_a_verb_or_a_plural_stays(text: str) -> None:
    assert normalise(text).text == collapse(text)
