"""Crisis replies follow safe messaging: the right lines, a person, warmth, never a method.

The detector is a fake that knows a few fixed texts, so these tests check the replies, not
whether the real rules match a phrase (that is `tests/test_safety.py`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.engine import Choice, Engine, Outbound, Text
from bot.engine.crisis import concern_text, crisis_text
from bot.i18n import Catalogs
from bot.safety.detector import Detection
from tests.auxil.engine import Chat, fake_detector, make_engine, make_sign, render

# Words of method or place that a reply must never contain (113 / Trimbos media guidance).
METHOD_WORDS = re.compile(
    r"\b(pil(len)?|pills?|tablet\w*|overdos\w*|touw|rope|ophang\w*|hang\w*|spring\w*|jump\w*|"
    r"snij\w*|cut\w*|mes|knife|wapen|weapon|gun|trein|train|spoor|brug|bridge|dak|roof|"
    r"flat|gif|poison|methode|method|manier om)\b",
    re.IGNORECASE,
)
LABELS = ("depressi", "suïcidaal", "suicidal", "patiënt", "patient", "stoornis", "disorder")
CATEGORIES = ("suicide", "self_harm", "abuse", "danger")
LINES = {
    "suicide": ("113", "0800-0113", "112"),
    "self_harm": ("113", "0800-0113", "112"),
    "abuse": ("0800-2000", "112"),
    "danger": ("112",),
}
PERSON = {"nl": "Praten met een mens", "en": "Talk to a person"}
CARRY_ON = {"nl": "Verder gaan", "en": "Carry on"}
CALL_TOGETHER = {"nl": "Bel samen", "en": "Call together"}
NO_SECRET = {
    "nl": "Beloof niet dat je het geheim houdt",
    "en": "Don't promise to keep it a secret",
}
WORRIED_OTHERS = {
    "nl": "113 praat ook met vrienden en familie die zich zorgen maken",
    "en": "113 also talks with friends and family who are worried",
}
# Words aimed at the writer's own feelings or fault: not in a reply about someone else.
ABOUT_WRITER = {
    "nl": ("zorgen om je", "jouw schuld", "Jij hebt recht"),
    "en": ("worried about you", "your fault", "You deserve"),
}
KINDERTELEFOON, CSG, VEILIG_THUIS, LUISTERLIJN = "0800-0432", "0800-0188", "0800-2000", "088 0767"
#: The 112 line itself (its name on a line of its own), not a "call 112" inside another text.
LINE_112 = "\n\n112\n"

# What the young person writes; the fake detector knows what each one is.
SELF = {category: f"<{category}>" for category in CATEGORIES}
OTHER = {category: f"<{category} of someone else>" for category in CATEGORIES}
ARMED, ARMED_OTHER = "<danger, a weapon named>", "<someone else in danger, a weapon named>"
SEXUAL, SEXUAL_DANGER = "<sexual violence>", "<sexual violence, danger now>"
SEXUAL_OTHER = "<sexual violence to someone else>"
CONCERN, CONCERN_OTHER = "<concern>", "<concern about someone else>"
SIGNS: dict[str, Detection] = {
    **{text: make_sign(category) for category, text in SELF.items()},
    **{text: make_sign(category, subject="other") for category, text in OTHER.items()},
    ARMED: make_sign("danger", armed=True),
    ARMED_OTHER: make_sign("danger", subject="other", armed=True),
    SEXUAL: make_sign("abuse", sexual=True),
    SEXUAL_DANGER: make_sign("danger", sexual=True),
    SEXUAL_OTHER: make_sign("abuse", subject="other", sexual=True),
    CONCERN: make_sign("suicide", level="concern"),
    CONCERN_OTHER: make_sign("suicide", subject="other", level="concern"),
}


@pytest.fixture(scope="module")
def fake(root: Path) -> Engine:
    """The real flow, content and catalogs, with a detector that knows only `SIGNS`."""
    return make_engine(root, detector=fake_detector(SIGNS))


def reply(engine: Engine, text: str, lang: str, age: str | None = None) -> tuple[Chat, str]:
    """Someone who said hi (and maybe gave their age) writes `text`: the chat and the reply."""
    chat = Chat(engine, lang_hint=lang)
    chat.send("hoi" if lang == "nl" else "hi")
    if age is not None:
        chat.tap(("consent", "yes"), ("age", age))
    replies = chat.send(Text(text, lang))
    assert len(replies) == 1, "a reply to a sign stands alone"
    return chat, render(replies)


def assert_safe(text: str, written: str) -> None:
    """No echo, no method or place, no label."""
    assert written not in text
    assert not METHOD_WORDS.search(text), METHOD_WORDS.search(text)
    assert not [label for label in LABELS if label in text.lower()]


def positions(text: str, *numbers: str) -> list[int]:
    found = [text.find(number) for number in numbers]
    assert -1 not in found, (numbers, text)
    return found


# --- about the young person themselves -------------------------------------------------------


@pytest.mark.parametrize("category", CATEGORIES)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_category_in_each_language(fake: Engine, category: str, lang: str) -> None:
    chat, text = reply(fake, SELF[category], lang)
    assert chat.last is not None
    assert [(e.name, dict(e.data)) for e in chat.last.events] == [
        ("crisis", {"category": category})
    ]
    for number in LINES[category]:
        assert number in text, f"{number} missing from the {category} reply in {lang}"
    assert PERSON[lang] in text
    assert chat.last.messages[0].urgent
    assert_safe(text, SELF[category])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_danger_names_112_first(fake: Engine, lang: str) -> None:
    _, text = reply(fake, SELF["danger"], lang)
    first, second = positions(text, LINE_112, "0800-0113")
    assert first < second


#: Where a weapon is named, the writer's own safety comes first ...
GET_SAFE = {"nl": "veilige plek", "en": "safe place"}
#: ... and nobody is told to stay close to someone in danger near it.
STAY_CLOSE = {"nl": ("Blijf bij", "Blijf dicht bij"), "en": ("Stay with", "Stay close")}


@pytest.mark.parametrize("text", [ARMED, ARMED_OTHER])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_weapon_puts_the_writers_own_safety_first(fake: Engine, text: str, lang: str) -> None:
    """ "my boyfriend has a knife and he's blocking the door" may be read as the writer in
    danger or as him: either way the writer is near the weapon, so the reply says to get to a
    safe place and call 112, and never to stay close."""
    chat, said = reply(fake, text, lang)
    assert chat.last is not None
    assert chat.last.messages[0].urgent
    assert GET_SAFE[lang] in said
    assert "112" in said.split("\n\n")[0], "112 in the first words"
    first, second = positions(said, LINE_112, "0800-0113")
    assert first < second
    assert not [words for words in STAY_CLOSE[lang] if words in said]
    assert PERSON[lang] in said
    assert_safe(said, text)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_danger_without_a_weapon_keeps_its_own_words(fake: Engine, lang: str) -> None:
    """Someone who took too much or stopped breathing needs company: "stay with them"."""
    _, said = reply(fake, OTHER["danger"], lang)
    assert STAY_CLOSE[lang][0] in said
    assert GET_SAFE[lang] not in said


# --- about someone else -----------------------------------------------------------------------


@pytest.mark.parametrize("category", CATEGORIES)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_about_someone_else_says_how_to_help(fake: Engine, category: str, lang: str) -> None:
    chat, text = reply(fake, OTHER[category], lang)
    assert chat.last is not None
    assert [(e.name, dict(e.data)) for e in chat.last.events] == [
        ("crisis", {"category": category})
    ]
    assert CALL_TOGETHER[lang] in text
    assert NO_SECRET[lang] in text
    if category != "abuse":
        assert WORRIED_OTHERS[lang] in text
    for number in LINES[category]:
        assert number in text
    assert not [words for words in ABOUT_WRITER[lang] if words in text]
    assert PERSON[lang] in text
    assert chat.last.messages[0].urgent
    assert_safe(text, OTHER[category])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_someone_else_in_danger_gets_112_first(fake: Engine, lang: str) -> None:
    _, text = reply(fake, OTHER["danger"], lang)
    first, second = positions(text, LINE_112, "0800-0113")
    assert first < second


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_abuse_of_someone_else_names_kindertelefoon_they_may_be_a_child(
    fake: Engine, lang: str
) -> None:
    # Even a writer who said they are 18 or over: the one abused may be a child.
    _, text = reply(fake, OTHER["abuse"], lang, age="age_20_24")
    veilig_thuis, kindertelefoon, emergency = positions(
        text, VEILIG_THUIS, KINDERTELEFOON, LINE_112
    )
    assert veilig_thuis < kindertelefoon < emergency


# --- sexual violence --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sexual_violence_names_centrum_seksueel_geweld_beside_veilig_thuis(
    fake: Engine, lang: str
) -> None:
    _, text = reply(fake, SEXUAL, lang, age="age_20_24")
    assert "Centrum Seksueel Geweld" in text
    assert "https://centrumseksueelgeweld.nl" in text
    veilig_thuis, csg, emergency = positions(text, VEILIG_THUIS, CSG, LINE_112)
    assert veilig_thuis < csg < emergency
    assert KINDERTELEFOON not in text  # 20 to 24: not a child
    assert ("kort of lang geleden" if lang == "nl" else "recent or long ago") in text
    assert_safe(text, SEXUAL)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sexual_violence_in_danger_keeps_112_first(fake: Engine, lang: str) -> None:
    _, text = reply(fake, SEXUAL_DANGER, lang)
    emergency, csg = positions(text, LINE_112, CSG)
    assert emergency < csg


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sexual_violence_to_someone_else(fake: Engine, lang: str) -> None:
    _, text = reply(fake, SEXUAL_OTHER, lang)
    positions(text, VEILIG_THUIS, CSG, KINDERTELEFOON, LINE_112)
    assert CALL_TOGETHER[lang] in text
    assert_safe(text, SEXUAL_OTHER)


# --- who may be under 18 ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("age", "kindertelefoon"),
    [("age_16_17", True), (None, True), ("age_18_19", False), ("age_25_27", False)],
)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_abuse_names_kindertelefoon_when_they_may_be_under_18(
    fake: Engine, lang: str, age: str | None, kindertelefoon: bool
) -> None:
    _, text = reply(fake, SELF["abuse"], lang, age=age)
    assert (KINDERTELEFOON in text) is kindertelefoon
    assert VEILIG_THUIS in text
    assert "112" in text


def test_a_skipped_age_may_be_under_18(fake: Engine) -> None:
    chat = Chat(fake)
    chat.send("hoi")
    chat.tap(("consent", "yes"))
    chat.send("zeg ik liever niet")  # asked again: still no age
    assert KINDERTELEFOON in render(chat.send(SELF["abuse"]))


@pytest.mark.parametrize("category", ["suicide", "self_harm", "danger"])
def test_kindertelefoon_is_for_abuse_only(fake: Engine, category: str) -> None:
    _, text = reply(fake, SELF[category], "nl", age="age_16_17")
    assert KINDERTELEFOON not in text


# --- a concern: the gentle check-in ----------------------------------------------------------


@pytest.mark.parametrize("written", [CONCERN, CONCERN_OTHER])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_concern_gets_a_short_check_in_with_one_line(
    fake: Engine, lang: str, written: str
) -> None:
    chat, text = reply(fake, written, lang)
    assert chat.last is not None
    message: Outbound = chat.last.messages[0]
    assert not message.urgent
    assert [(e.name, dict(e.data)) for e in chat.last.events] == [
        ("concern", {"category": "suicide"})
    ]
    # One line, open now (De Luisterlijn is there day and night); not the crisis lines.
    assert LUISTERLIJN in text
    for number in ("0800-0113", "112", VEILIG_THUIS):
        assert number not in text
    assert [o.id for o in message.options] == ["_talk", "_continue"]
    assert PERSON[lang] in text
    assert CARRY_ON[lang] in text
    assert_safe(text, written)
    check_in = message.text.split("\n\n")[0]
    assert len(re.findall(r"[.!?:]", check_in)) <= 6, "a few sentences, not a leaflet"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_carry_on_after_a_check_in_asks_the_question_again(fake: Engine, lang: str) -> None:
    chat = Chat(fake, lang_hint=lang)
    chat.send("hoi")
    chat.send(Text(CONCERN, lang))
    again = chat.send(Choice("consent", "_continue"))
    assert again[-1].step == "consent"


# --- the texts on their own, every category, subject and language ----------------------------


EVERY_SIGN = [
    make_sign(category, subject=subject, sexual=sexual, armed=armed)
    for category in CATEGORIES
    for subject in ("self", "other")
    for sexual in (False, True)
    for armed in ((False, True) if category == "danger" else (False,))
]


@pytest.mark.parametrize(
    "sign",
    EVERY_SIGN,
    ids=lambda s: (
        f"{s.category}-{s.subject}-{'sexual' if s.sexual else ''}{'-armed' if s.armed else ''}"
    ),
)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_reply_texts_have_no_method_words_and_no_labels(
    catalogs: Catalogs, fake: Engine, sign: Detection, lang: str
) -> None:
    def _(message: str) -> str:
        return catalogs.gettext(lang, message)

    concern = make_sign(sign.category, subject=sign.subject, level="concern")
    for text in (
        crisis_text(_, fake.content, sign, may_be_minor=True),
        crisis_text(_, fake.content, sign, may_be_minor=False),
        concern_text(_, fake.content, concern, fake.clock()),
    ):
        assert not METHOD_WORDS.search(text), METHOD_WORDS.search(text)
        assert not [label for label in LABELS if label in text.lower()]
