"""No frequent Dutch or English word raises a crisis sign, alone or in a calm sentence.

The 50,000 most frequent words of each language (wordfreq) go through `bot.safety.detect` alone
and in two neutral carrier sentences of their language (tests/auxil/sweep.py). Only the words of
the crisis lexicon may fire; each is listed below with why it must fire alone. Words that fire
because of a rule, not because of the normaliser, are listed as KNOWN for the rule rewrite to
empty. The sweep takes 70-100 s of CPU, spread over the cores (52 s on two idle ones).
Set OMARMT_SWEEP_WORDS to sweep fewer words while working on it.
"""

from __future__ import annotations

import os

import pytest

from bot.safety import detect
from tests.auxil.sweep import SWEEP_WORDS, Sweep, report, run

# The crisis lexicon: a message of this one word is a crisis sign (or names one so plainly that
# a check-in is right), so it fires alone and in any sentence.
CRISIS_WORDS = {
    # Suicide, named.
    "zelfmoord": "suicide",
    "zelfmoorden": "suicide, plural or verb ('zelfmoorden plegen')",
    "zelfdoding": "suicide, the careful word",
    "zelfmoordpoging": "a suicide attempt",
    "zelfmoordneigingen": "suicidal tendencies",
    "suicide": "suicide (English, and used in Dutch chat)",
    "suicides": "suicide, plural",
    "suicidal": "suicidal",
    "suïcidaal": "suicidal (Dutch)",
    "suïcidale": "suicidal (Dutch, inflected)",
    "afscheidsbrief": "a farewell letter: the goodbye before a suicide",
    "kms": "chat for 'kill myself' (an expansion of the normaliser); the kilometres reading loses",
    # Sexual violence and abuse, named.
    "verkracht": "raped",
    "verkrachten": "to rape",
    "verkrachtte": "raped (past tense)",
    "verkrachting": "rape",
    "verkrachtingen": "rapes",
    "groepsverkrachting": "gang rape",
    "verkrachter": "a rapist",
    "verkrachters": "rapists",
    "aangerand": "sexually assaulted",
    "aanranding": "sexual assault",
    "misbruik": "abuse",
    "kindermishandeling": "child abuse",
    "incest": "incest",
    "loverboy": "a pimp who grooms girls through a relationship",
    "uitgehuwelijkt": "married off: forced marriage",
    "rape": "rape",
    "raped": "raped",
    "molest": "to molest",
    "molested": "molested",
    "molester": "a molester",
    "molesting": "molesting",
    "molestation": "molestation",
    # Acute danger.
    "bewusteloos": "someone unconscious needs 112 (the rule reads the bare word)",
    "unconscious": "someone unconscious needs 112 (the rule reads the bare word)",
}

# KNOWN false alarms of the rules (rules_life.py, rules_harm.py), not of the normaliser: the rule
# rewrite should empty this list. A word that stops firing must be taken out (the test says so).
KNOWN: dict[str, str] = {}

_COUNT = int(os.environ.get("OMARMT_SWEEP_WORDS", SWEEP_WORDS))


@pytest.fixture(scope="module")
def sweep() -> Sweep:
    result = run(_COUNT)
    print(f"\n{report(result)}")  # noqa: T201  (the hits and the time belong in the log)
    return result


def test_no_everyday_word_raises_a_sign(sweep: Sweep) -> None:
    fired = sweep.words_that_fire() - CRISIS_WORDS.keys() - KNOWN.keys()
    hits = [hit for hit in sweep.hits if {hit.word, *hit.same_as} & fired]
    assert not fired, "\n".join(
        f"{hit.lang} {hit.word!r}: {hit.text!r} -> {hit.normalised!r} "
        f"{hit.category}/{hit.evidence}"
        for hit in hits
    )


def test_known_false_alarms_still_fire(sweep: Sweep) -> None:
    if _COUNT < SWEEP_WORDS:
        pytest.skip("a smaller sweep need not reach every known word")
    gone = KNOWN.keys() - sweep.words_that_fire()
    assert not gone, f"no longer false alarms, take them out of KNOWN: {sorted(gone)}"


@pytest.mark.parametrize("word", sorted(CRISIS_WORDS))
def test_every_crisis_word_fires_alone(word: str) -> None:
    assert detect(word) is not None, f"{word!r} ({CRISIS_WORDS[word]}) no longer fires"


def test_the_lists_do_not_overlap() -> None:
    assert not CRISIS_WORDS.keys() & KNOWN.keys()
