"""The Dutch texts read at language level B1: Flesch-Douma reading ease and sentence length.

The thresholds and the reasons for them are in docs/readability.md; change them there first.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.auxil.readability import (
    CatalogText,
    Counts,
    clean,
    flesch_douma,
    measure,
    sentences,
    syllables,
    translated_texts,
    words,
)

CATALOG_MIN_EASE = 60.0  # Douma's "normaal" (60-70) starts here: the B1 band
CATALOG_MAX_WORDS_PER_SENTENCE = 15.0  # the usual B1 guidance for public texts
SENTENCE_MAX_WORDS = 20  # "sentences of at most 15 to 20 words"; 20 is the hard end
MESSAGE_MIN_EASE = 45.0  # below 45 is Douma's "moeilijk": no single message may go there
MESSAGE_MIN_WORDS = 10  # below this one long word moves the score by more than 15 points
WORST = 10


@pytest.fixture(scope="module")
def texts(root: Path) -> list[CatalogText]:
    """Every translated string of the Dutch catalog."""
    found = list(translated_texts(root / "locales" / "nl" / "LC_MESSAGES" / "messages.po"))
    assert len(found) >= 20, "the Dutch catalog looks empty; is this the right file?"
    return found


def is_running_text(text: str) -> bool:
    """A sentence or more, as opposed to a button label or a one-word heading."""
    return re.search(r"[.!?…]", text) is not None


def total(texts: list[CatalogText]) -> Counts:
    return sum((measure(t.text) for t in texts), Counts())


def worst_sentences(texts: list[CatalogText], n: int = WORST) -> str:
    """The n hardest sentences, one per line, for a failure message."""
    scored = sorted(
        (
            (s.counts.score, s.counts.words, s.text, t.msgid)
            for t in texts
            for s in sentences(t.text)
        ),
        key=lambda row: row[0],
    )
    return "\n".join(
        f"  {ease:6.1f}  {n_words:2d} words  {text!r}  (msgid {msgid[:40]!r})"
        for ease, n_words, text, msgid in scored[:n]
    )


# --- the Dutch catalog -----------------------------------------------------------------------


@pytest.mark.parametrize("running_text_only", [False, True], ids=["all texts", "running text"])
def test_catalog_reads_at_b1(texts: list[CatalogText], running_text_only: bool) -> None:
    # The whole catalog includes button labels, which pull the average sentence length down;
    # running text alone must pass too, so labels cannot hide hard prose.
    chosen = [t for t in texts if is_running_text(t.text)] if running_text_only else texts
    counts = total(chosen)
    figures = (
        f"reading ease {counts.score:.1f}, {counts.words_per_sentence:.1f} words per sentence, "
        f"{counts.syllables_per_100_words:.0f} syllables per 100 words "
        f"({counts.words} words, {counts.sentences} sentences)"
    )
    assert counts.score >= CATALOG_MIN_EASE, (
        f"{figures}; below {CATALOG_MIN_EASE}. Hardest sentences:\n{worst_sentences(chosen)}"
    )
    assert counts.words_per_sentence <= CATALOG_MAX_WORDS_PER_SENTENCE, (
        f"{figures}; sentences too long on average. Hardest:\n{worst_sentences(chosen)}"
    )


def test_no_sentence_is_longer_than_twenty_words(texts: list[CatalogText]) -> None:
    too_long = sorted(
        (
            (s.counts.words, s.text, t.msgid)
            for t in texts
            for s in sentences(t.text)
            if s.counts.words > SENTENCE_MAX_WORDS
        ),
        reverse=True,
    )
    assert too_long == [], "sentences over {} words:\n{}".format(
        SENTENCE_MAX_WORDS,
        "\n".join(
            f"  {n:2d} words  {text!r}  (msgid {msgid[:40]!r})" for n, text, msgid in too_long
        ),
    )


def test_every_message_is_above_the_floor(texts: list[CatalogText]) -> None:
    failing = []
    for text in texts:
        counts = measure(text.text)
        if counts.words >= MESSAGE_MIN_WORDS and counts.score < MESSAGE_MIN_EASE:
            failing.append((counts.score, text))
    failing.sort(key=lambda row: row[0])
    report = "\n".join(
        f"{ease:6.1f}  msgid {text.msgid[:60]!r}\n{worst_sentences([text], n=3)}"
        for ease, text in failing
    )
    assert failing == [], f"messages below reading ease {MESSAGE_MIN_EASE}:\n{report}"


# --- the formula, computed by hand -----------------------------------------------------------


def test_formula_from_raw_counts() -> None:
    # 206.84 - 0.77 * 150 - 0.93 * 20 = 206.84 - 115.5 - 18.6
    assert flesch_douma(words=100, sentences=5, syllables=150) == pytest.approx(72.74)


@pytest.mark.parametrize(
    ("text", "counts", "ease"),
    [
        # Ik/ben/een/bot: 4 words, 4 syllables, 1 sentence: 206.84 - 77 - 3.72
        ("Ik ben een bot.", Counts(4, 1, 4), 126.12),
        # Hoe/gaat/het/van-daag/met/je: 7 syllables in 6 words: 206.84 - 0.77*700/6 - 0.93*6
        ("Hoe gaat het vandaag met je?", Counts(6, 1, 7), 111.4267),
        # Wel-kom te-rug | Hier wa-ren we ge-ble-ven: 11 syllables, 6 words, 2 sentences:
        # 206.84 - 0.77*1100/6 - 0.93*3
        ("Welkom terug! Hier waren we gebleven.", Counts(6, 2, 11), 62.8833),
        # jong-vol-was-se-nen zoe-ken een jon-ge-ren-wer-ker: 13 syllables in 4 words:
        # 206.84 - 0.77*325 - 0.93*4; long compounds alone sink a sentence
        ("Jongvolwassenen zoeken een jongerenwerker.", Counts(4, 1, 13), -47.13),
    ],
)
def test_known_sentences(text: str, counts: Counts, ease: float) -> None:
    assert measure(text) == counts
    assert measure(text).score == pytest.approx(ease, abs=1e-3)


def test_commands_urls_numbers_and_placeholders_are_not_words() -> None:
    text = (
        "Typ /hulp of bel 0800-0113. Chat op 113.nl of https://www.113.nl/chat. "
        "{name} is er van 14.00 tot 22.00 uur."
    )
    assert [s.text for s in sentences(text)] == ["Typ of bel", "Chat op of", "is er van tot uur"]
    # 11 one-syllable words in 3 sentences: 206.84 - 77 - 0.93*11/3
    assert measure(text) == Counts(11, 3, 11)
    assert measure(text).score == pytest.approx(126.43)


def test_line_breaks_and_list_items_end_sentences() -> None:
    text = "Jouw privacy:\n- Ik weet het niet.\n- Typ /vergeet."
    assert [s.counts for s in sentences(text)] == [
        Counts(2, 1, 4),
        Counts(4, 1, 4),
        Counts(1, 1, 1),
    ]


def test_cleaning_keeps_sentence_ends_after_addresses() -> None:
    assert clean("Kijk op www.studentenzorgwijzer.nl. Mail info@voorbeeld.nl!").split() == [
        "Kijk",
        "op",
        ".",
        "Mail",
        "!",
    ]
    assert len(sentences("Kijk op join-us.nu. Of bel 088 0767 000.")) == 2


def test_words_and_syllables() -> None:
    assert words("Zo'n e-mail, oké? Ja!") == ["Zo'n", "e-mail", "oké", "Ja"]
    assert [syllables(w) for w in ("zo'n", "e-mail", "hulplijnen", "jongerenwerker")] == [
        1,
        2,
        3,
        5,
    ]


def test_a_text_without_words_has_no_score() -> None:
    assert measure("{name}: 112") == Counts()
    with pytest.raises(ValueError, match="without words"):
        _ = measure("/hulp").score


# --- reading the catalog ---------------------------------------------------------------------

PO = """\
msgid ""
msgstr ""
"Language: nl\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"Content-Type: text/plain; charset=utf-8\\n"

msgid "Hello"
msgstr "Hoi"

msgid "Untranslated"
msgstr ""

#, fuzzy
msgid "Guessed"
msgstr "Gegokt"

msgid "One day"
msgid_plural "{n} days"
msgstr[0] "Eén dag"
msgstr[1] "{n} dagen"

#~ msgid "Old"
#~ msgstr "Oud"
"""


def test_translated_texts_skip_header_empty_fuzzy_and_obsolete(tmp_path: Path) -> None:
    po = tmp_path / "messages.po"
    po.write_text(PO, encoding="utf-8")
    assert list(translated_texts(po)) == [
        CatalogText("Hello", "Hoi"),
        CatalogText("One day", "Eén dag"),
        CatalogText("One day", "{n} dagen"),
    ]
