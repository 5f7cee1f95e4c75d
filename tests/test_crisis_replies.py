"""Crisis replies follow safe messaging: the right lines, a person, warmth, never a method."""

from __future__ import annotations

import re

import pytest

from bot.engine import Engine, Text
from bot.engine.texts import crisis_intro, crisis_lines
from bot.i18n import Catalogs
from tests.auxil.engine import Chat, render

# Words of method or place that a reply must never contain (113 / Trimbos media guidance).
METHOD_WORDS = re.compile(
    r"\b(pil(len)?|pills?|tablet\w*|overdos\w*|touw|rope|ophang\w*|hang\w*|spring\w*|jump\w*|"
    r"snij\w*|cut\w*|mes|knife|wapen|weapon|gun|trein|train|spoor|brug|bridge|dak|roof|"
    r"flat|gif|poison|methode|method|manier om)\b",
    re.IGNORECASE,
)
CASES = {
    "suicide": ("ik wil dood", "i want to die"),
    "self_harm": ("ik snij mezelf weer", "i keep cutting myself"),
    "abuse": ("mijn stiefvader slaat me", "my dad hits me every day"),
    "danger": ("ik heb net een hele strip pillen geslikt", "i just took a whole bottle of pills"),
}
LINES = {
    "suicide": ("113", "0800-0113", "112"),
    "self_harm": ("113", "0800-0113", "112"),
    "abuse": ("0800-2000", "112"),
    "danger": ("112",),
}
PERSON = {"nl": "Praten met een mens", "en": "Talk to a person"}


@pytest.mark.parametrize("category", sorted(CASES))
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_category_in_each_language(engine: Engine, category: str, lang: str) -> None:
    message = CASES[category][0 if lang == "nl" else 1]
    chat = Chat(engine, lang_hint=lang)
    chat.send("hoi")
    replies = chat.send(Text(message, lang))
    text = render(replies)
    assert chat.last is not None
    assert [(e.name, dict(e.data)) for e in chat.last.events] == [
        ("crisis", {"category": category})
    ]
    for number in LINES[category]:
        assert number in text, f"{number} missing from the {category} reply in {lang}"
    assert PERSON[lang] in text
    assert replies[0].urgent
    # The reply speaks, it does not echo: what the young person wrote is never repeated.
    assert message not in text
    assert not METHOD_WORDS.search(text), METHOD_WORDS.search(text)


@pytest.mark.parametrize("category", sorted(CASES))
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_reply_texts_have_no_method_words_and_no_labels(
    catalogs: Catalogs, engine: Engine, category: str, lang: str
) -> None:
    def _(message: str) -> str:
        return catalogs.gettext(lang, message)

    intro = crisis_intro(_, category)
    lines = crisis_lines(_, engine.content, category)
    assert not METHOD_WORDS.search(intro + lines)
    for label in (
        "depressi",
        "suïcidaal",
        "suicidal",
        "patiënt",
        "patient",
        "stoornis",
        "disorder",
    ):
        assert label not in (intro + lines).lower()
