"""Every option fits a WhatsApp button or list row in every language, or `omarmt check` says
where it does not; the stored reply carries the short label to the WhatsApp renderer."""

from __future__ import annotations

import json
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from bot.channels.buttons import parse_callback
from bot.channels.pipeline.render import neutral as store
from bot.channels.whatsapp.render import render
from bot.check import check, title_problems
from bot.engine import Choice, Command, Engine
from bot.engine.engine import ACTIONS, HANDOFF_STEP
from bot.i18n import Catalogs
from bot.loader import load_flow
from tests.auxil.engine import Chat, make_engine


def check_copy(copy: Path, root: Path) -> str:
    """`omarmt check` on the copy, in this process (it is the slow part of a subprocess)."""
    return "\n".join(str(problem) for problem in check(copy, root / "bot"))


@pytest.fixture
def copy(tmp_path: Path, root: Path) -> Path:
    for folder in ("flows", "content", "locales"):
        shutil.copytree(root / folder, tmp_path / folder)
    return tmp_path


def line_of(path: Path, needle: str) -> int:
    return next(n for n, row in enumerate(path.read_text().splitlines(), 1) if needle in row)


def translate_nl(copy: Path, msgid: str, msgstr: str) -> None:
    po = copy / "locales" / "nl" / "LC_MESSAGES" / "messages.po"
    text, count = re.subn(
        rf'(msgid "{re.escape(msgid)}"\nmsgstr )"[^"\n]*"', rf'\1"{msgstr}"', po.read_text()
    )
    assert count == 1
    po.write_text(text, encoding="utf-8")


def titles(copy: Path) -> str:
    """The title problems of the copy's flow in its catalogs (as they are, uncompiled)."""
    catalogs = {}
    for lang in ("nl", "en"):
        with (copy / "locales" / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
            catalogs[lang] = read_po(fh, locale=lang)
    flow = load_flow(copy / "flows", actions=ACTIONS, languages=tuple(catalogs))
    return "\n".join(str(problem) for problem in title_problems(flow, catalogs))


def test_a_long_label_without_short_label_is_named_with_file_and_line(
    copy: Path, root: Path
) -> None:
    flow = copy / "flows" / "main.yaml"
    flow.write_text(re.sub(r'\n *short: "Someone I know"', "", flow.read_text()), encoding="utf-8")

    found = check_copy(copy, root)

    line = line_of(flow, "- id: friend")
    assert (
        f"flows/main.yaml:{line}: option 'friend' in nl: label 'Iemand die ik ken is eenzaam' "
        "is too long for a WhatsApp list row (28 > 24 characters); give it a 'short' label"
    ) in found


def test_a_button_label_over_20_characters_in_one_language_is_named(copy: Path) -> None:
    translate_nl(copy, "Yes", "Ja, dat ben ik zeker")  # 20: still fits
    assert titles(copy) == ""

    translate_nl(copy, "Yes", "Ja, dat ben ik zeker!")  # 21: not on a button
    found = titles(copy)

    line = line_of(copy / "flows" / "main.yaml", "- id: yes")
    student = re.search(r"flows/main.yaml:(\d+): option 'yes' in nl: .*WhatsApp button", found)
    assert student is not None
    assert int(student.group(1)) > line  # the student question's option, not consent's


def test_a_short_label_over_20_characters_is_named(copy: Path) -> None:
    translate_nl(copy, "Talk to a human", "Met een echt mens praten")
    found = titles(copy)

    line = line_of(copy / "flows" / "main.yaml", "- id: person")
    assert (
        f"flows/main.yaml:{line}: option 'person' in nl: short label 'Met een echt mens praten' "
        "has 24 characters; a WhatsApp button holds 20"
    ) in found


@pytest.mark.parametrize(
    ("lang", "title", "label"),
    [
        ("nl", "Iemand die ik ken", "Iemand die ik ken is eenzaam"),
        ("en", "Someone I know", "Someone I know feels lonely"),
    ],
)
def test_the_first_question_on_whatsapp_shows_short_titles_and_full_labels(
    engine: Engine, catalogs: Catalogs, lang: str, title: str, label: str
) -> None:
    chat = Chat(engine, lang)
    replies = chat.send("hoi")
    stored = [json.loads(payload) for reply in replies for payload in store(reply)]

    bodies = render(stored, lambda message: catalogs.gettext(lang, message))

    [question] = bodies  # the welcome and the question in one message: one 6-second slot
    rows = question["interactive"]["action"]["sections"][0]["rows"]
    friend = next(row for row in rows if row["id"].endswith("|friend"))
    assert friend == {"id": "1|consent|friend", "title": title, "description": label}
    assert question["interactive"]["action"]["button"] == ("Kies" if lang == "nl" else "Choose")


def test_the_handoff_question_fits_three_reply_buttons(root: Path, catalogs: Catalogs) -> None:
    wednesday_morning = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)  # inside opening hours
    engine = make_engine(root, staff_orgs=("jou", "ucentraal"), clock=lambda: wednesday_morning)
    chat = Chat(engine, "nl")
    for text in ["hoi", "ja", "17", "nee", "ja", "ja", "nee", "min of meer", "ja", "nee"]:
        chat.send(text)
    chat.send("dingen doen met anderen")
    question = chat.send(Command("praat"))[-1]
    stored = [json.loads(payload) for payload in store(question)]

    [body] = render(stored, lambda message: catalogs.gettext("nl", message))

    assert body["interactive"]["type"] == "button"
    replies = [b["reply"] for b in body["interactive"]["action"]["buttons"]]
    assert [r["title"] for r in replies] == ["Ja, stuur mee", "Alleen mijn leeftijd", "Toch niet"]
    # A tap comes back as the engine's own answer to its question.
    assert parse_callback(replies[1]["id"]) == Choice(HANDOFF_STEP, "noshare")


@pytest.mark.parametrize(
    ("lang", "typed", "answer"),
    [
        ("nl", "Samen dingen doen", "with_others"),
        ("nl", "rustiger en sterker", "calmer"),
        ("en", "Do things together", "with_others"),
        ("en", "info for students", "student_info"),
    ],
)
def test_a_short_label_typed_back_picks_its_option(
    engine: Engine, lang: str, typed: str, answer: str
) -> None:
    # Someone may type what the WhatsApp button showed: the matcher knows it from the label.
    chat = Chat(engine, lang)
    chat.send("hoi")
    chat.tap(("consent", "yes"), ("age", "age_20_24"), ("student", "yes"))
    for step in ("djg1", "djg2", "djg3", "djg4", "djg5", "djg6"):
        chat.tap((step, "yes"))
    assert chat.state is not None
    assert chat.state.step == "wish"

    chat.send(typed)

    assert chat.state.answers.get("wish") == answer
