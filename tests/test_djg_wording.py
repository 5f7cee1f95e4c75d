"""Issue 13, "the official wording is above B1": the De Jong Gierveld statements keep their
validated wording, word for word; under the hard ones a short plain-language line helps."""

from __future__ import annotations

import pytest

from bot.engine import Choice, Engine, Outbound
from tests.auxil.engine import TO_DJG1, Chat
from tests.auxil.readability import measure

#: The official CBS wording (De Jong Gierveld & Van Tilburg), and whether it gets a hint.
OFFICIAL_NL = {
    "djg1": ("Ik ervaar een leegte om me heen.", True),
    "djg2": ("Er zijn genoeg mensen op wie ik in geval van narigheid kan terugvallen.", True),
    "djg3": ("Ik heb veel mensen op wie ik volledig kan vertrouwen.", False),
    "djg4": ("Ik mis mensen om me heen.", False),
    "djg5": ("Er zijn voldoende mensen met wie ik me nauw verbonden voel.", True),
    "djg6": ("Vaak voel ik me in de steek gelaten.", True),
}
#: The English version of the scale, as the flow has always used it.
OFFICIAL_EN = {
    "djg1": "I experience a general sense of emptiness.",
    "djg2": "There are plenty of people I can lean on when I have problems.",
    "djg3": "There are many people I can trust completely.",
    "djg4": "I miss having people around.",
    "djg5": "There are enough people I feel close to.",
    "djg6": "I often feel rejected.",
}
HINT_MAX_WORDS = 15
HINT_MIN_EASE = 60.0  # Douma's "normaal": B1 (docs/readability.md)


def statements(engine: Engine, lang: str) -> dict[str, Outbound]:
    """Each statement's question as it is shown, answered by tapping "more or less"."""
    chat = Chat(engine, lang)
    chat.send("hoi")
    for step, option in TO_DJG1:
        shown = chat.send(Choice(step, option, lang))
    found = {}
    for n in range(1, 7):
        question = shown[-1]
        assert question.step == f"djg{n}"
        found[question.step] = question
        shown = chat.send(Choice(question.step, "more_or_less", lang))
    return found


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_statements_keep_their_wording_and_the_hard_ones_get_a_hint(
    engine: Engine, lang: str
) -> None:
    for step, question in statements(engine, lang).items():
        official, hinted = OFFICIAL_NL[step]
        if lang == "en":
            official = OFFICIAL_EN[step]
        first, *rest = question.text.split("\n")
        assert first == official, step
        if not hinted:
            assert rest == [], step
            continue
        assert len(rest) == 1, (step, question.text)
        hint = rest[0]
        assert hint.startswith("("), hint
        assert hint.endswith(")"), hint
        assert hint[1:-1] != official
        assert len(hint.split()) <= HINT_MAX_WORDS, hint
        if lang == "nl":
            counts = measure(hint[1:-1])
            assert counts.score >= HINT_MIN_EASE, (hint, counts.score)
            # The hint explains in other words, not with the hard words of the statement.
            for hard in ("narigheid", "nauw verbonden", "in de steek", "ervaar"):
                assert hard not in hint, hint
