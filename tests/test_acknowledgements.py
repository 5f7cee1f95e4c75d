"""Issue 13, "'Genoteerd: …' reads like a clerk": a typed answer gets a warm, brief and varied
acknowledgement that shows how it was read; a tapped answer gets none, because the tapped
button already shows the choice."""

from __future__ import annotations

import itertools
import re

import pytest

from bot.engine import Choice, Engine
from tests.auxil.engine import Chat

TYPED = {
    "nl": ["hoi", "ja", "17", "nee", "ja", "nee", "min of meer", "nee", "ja", "nee", "samen"],
    "en": ["hi", "sure", "17", "no", "yes", "no", "sort of", "no", "yes", "no", "meet people"],
}
#: The answers as the flow labels them, in the order typed (after the first message).
LABELS = {
    "nl": ["Ja, dat is goed", "16 of 17", "Nee", "Ja", "Nee", "Min of meer", "Nee", "Ja", "Nee",
           "Dingen doen met anderen"],
    "en": ["Yes, that's fine", "16 or 17", "No", "Yes", "No", "More or less", "No", "Yes", "No",
           "Doing things with others"],
}  # fmt: skip
_ACK = re.compile(r"^(?P<words>[^\n(]{2,30}) \((?P<answer>[^\n)]+)\)$")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_typed_answers_get_a_warm_varied_acknowledgement(engine: Engine, lang: str) -> None:
    chat = Chat(engine, lang)
    chat.send(TYPED[lang][0])
    openings = []
    for typed, label in zip(TYPED[lang][1:], LABELS[lang], strict=True):
        first = chat.send(typed)[0].text.split("\n\n")[0]
        found = _ACK.match(first)
        assert found, (typed, first)
        assert found["answer"] == label
        assert len(found["words"].split()) <= 4
        openings.append(found["words"])
    assert not any(o.startswith(("Genoteerd", "Noted")) for o in openings)
    # The result opens with thanks of its own: the last answer's acknowledgement has none.
    assert chat.last is not None
    said = chat.last.messages[0].text.lower()
    assert said.count("dank je") + said.count("thank") == 1, said
    # Varied: no two answers in a row get the same words, and at least three kinds in all.
    assert all(a != b for a, b in itertools.pairwise(openings)), openings
    assert len(set(openings)) >= 3, openings


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_tapped_answers_get_no_acknowledgement(engine: Engine, lang: str) -> None:
    chat = Chat(engine, lang)
    chat.send(TYPED[lang][0])
    taps = [("consent", "yes"), ("age", "age_16_17"), ("student", "no")]
    taps += [(f"djg{n}", "no") for n in range(1, 7)]
    for step, option in taps:
        replies = chat.send(Choice(step, option, lang))
        assert not _ACK.match(replies[0].text.split("\n\n")[0]), replies[0].text
        # What comes next is the flow's own: the next question (after the intro to the
        # statements), never a line about the tap.
        assert replies[-1].options
        assert replies[-1].step != step
