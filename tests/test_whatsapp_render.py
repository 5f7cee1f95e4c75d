"""Stored replies become WhatsApp messages a person can tap, within every limit, in as few
messages as possible (WhatsApp allows about one message per 6 seconds to one person)."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.channels.buttons import callback_data
from bot.channels.whatsapp.render import render

DUTCH = {"Choose": "Kies"}


def nl(message: str) -> str:
    return DUTCH.get(message, message)


def option(label: str, option_id: str = "", short: str | None = None) -> dict[str, str]:
    button = {"text": label, "data": callback_data("q", option_id or re.sub(r"\W", "", label))}
    if short is not None:
        button["short"] = short
    return button


def kinds(bodies: list[dict[str, Any]]) -> list[str]:
    return [b["interactive"]["type"] if b["type"] == "interactive" else "text" for b in bodies]


def test_up_to_three_options_are_reply_buttons_carrying_the_versioned_ids() -> None:
    [body] = render([{"text": "Ben je student?", "buttons": [option("Ja"), option("Nee")]}], nl)

    assert body == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "type": "interactive",
        "interactive": {
            "type": "button",
            "body": {"text": "Ben je student?"},
            "action": {
                "buttons": [
                    {"type": "reply", "reply": {"id": "1|q|Ja", "title": "Ja"}},
                    {"type": "reply", "reply": {"id": "1|q|Nee", "title": "Nee"}},
                ]
            },
        },
    }


def test_a_long_label_shows_its_short_label_on_the_button() -> None:
    buttons = [option("Ik wil met een mens praten", "person", short="Met een mens praten")]
    [body] = render([{"text": "Wat wil je?", "buttons": buttons}], nl)

    [reply] = body["interactive"]["action"]["buttons"]
    assert reply["reply"] == {"id": "1|q|person", "title": "Met een mens praten"}


def test_a_long_label_without_short_label_becomes_a_list_row_with_the_full_label() -> None:
    label = "Laat me gewoon zien wat er is"
    [body] = render(
        [{"text": "Wat wil je?", "buttons": [option(label, "offers"), option("Ja")]}], nl
    )

    assert body["interactive"]["type"] == "list"
    first = body["interactive"]["action"]["sections"][0]["rows"][0]
    assert first == {"id": "1|q|offers", "title": "Laat me gewoon zien wat…", "description": label}


def test_four_to_ten_options_are_a_list_opened_by_a_translated_button() -> None:
    labels = ["16 of 17", "18 of 19", "20 tot en met 24", "25 tot en met 27", "Jonger dan 16"]
    [body] = render([{"text": "Hoe oud ben je?", "buttons": [option(x) for x in labels]}], nl)

    interactive = body["interactive"]
    assert interactive["type"] == "list"
    assert interactive["body"] == {"text": "Hoe oud ben je?"}
    assert interactive["action"]["button"] == "Kies"
    rows = interactive["action"]["sections"][0]["rows"]
    assert [r["title"] for r in rows] == labels
    assert all("description" not in r for r in rows)  # nothing was shortened


def test_a_list_row_uses_the_short_label_and_keeps_the_full_one_as_description() -> None:
    buttons = [option(f"Optie {n}") for n in range(4)]
    buttons.append(
        option("Me rustiger en sterker voelen, echt", "calm", short="Rustiger en sterker")
    )
    [body] = render([{"text": "Wat wil je?", "buttons": buttons}], nl)

    row = body["interactive"]["action"]["sections"][0]["rows"][-1]
    assert row == {
        "id": "1|q|calm",
        "title": "Rustiger en sterker",
        "description": "Me rustiger en sterker voelen, echt",
    }


def test_more_than_ten_options_are_numbered_text_to_type() -> None:
    buttons = [option(f"Plek {n}") for n in range(1, 13)]
    [body] = render([{"text": "Welke plek?", "buttons": buttons}], nl)

    assert body["type"] == "text"
    lines = body["text"]["body"].splitlines()
    assert lines[0] == "Welke plek?"
    assert lines[2:] == [f"{n}. Plek {n}" for n in range(1, 13)]


def test_links_are_plain_urls_in_the_text() -> None:
    payload = {
        "text": "Dit past bij je:",
        "buttons": [{"text": "JOU Utrecht", "url": "https://jou.nl/x"}, option("Opnieuw")],
    }
    [body] = render([payload], nl)

    assert (
        body["interactive"]["body"]["text"] == "Dit past bij je:\n\nJOU Utrecht: https://jou.nl/x"
    )


def test_one_turn_is_merged_into_one_message_where_it_fits() -> None:
    turn: list[dict[str, Any]] = [
        {"text": "Dank je."},
        {"text": "Nog een paar vragen."},
        {"text": "Ben je student?", "buttons": [option("Ja"), option("Nee")]},
    ]
    [body] = render(turn, nl)

    assert body["interactive"]["body"]["text"] == (
        "Dank je.\n\nNog een paar vragen.\n\nBen je student?"
    )


def test_text_after_a_question_joins_its_body() -> None:
    turn: list[dict[str, Any]] = [
        {"text": "Ben je student?", "buttons": [option("Ja"), option("Nee")]},
        {"text": "(Mbo, hbo of wo.)"},
    ]
    [body] = render(turn, nl)

    assert body["interactive"]["body"]["text"] == "Ben je student?\n\n(Mbo, hbo of wo.)"


def test_two_sets_of_buttons_stay_two_messages_in_order() -> None:
    turn: list[dict[str, Any]] = [
        {"text": "Eerste?", "buttons": [option("Ja", "a")]},
        {"text": "Tweede?", "buttons": [option("Nee", "b")]},
    ]
    bodies = render(turn, nl)

    assert [b["interactive"]["body"]["text"] for b in bodies] == ["Eerste?", "Tweede?"]


def test_a_body_too_long_for_buttons_sends_the_start_as_text_cut_at_a_paragraph() -> None:
    intro = "Over eenzaamheid. " * 60  # 1,080 characters: more than an interactive body holds
    question = "Wil je verder?"
    turn: list[dict[str, Any]] = [
        {"text": intro.strip()},
        {"text": "Nog iets.\n\n" + question, "buttons": [option("Ja")]},
    ]
    bodies = render(turn, nl)

    assert kinds(bodies) == ["text", "button"]
    assert bodies[0]["text"]["body"].endswith("Over eenzaamheid.")
    assert bodies[1]["interactive"]["body"]["text"] == "Nog iets.\n\n" + question


def test_a_very_long_text_is_split_at_sentences_within_4096() -> None:
    sentence = "Dit is een zin over een plek in Utrecht waar je welkom bent. "
    text = (sentence * 150).strip()
    bodies = render([{"text": text}], nl)

    chunks = [b["text"]["body"] for b in bodies]
    assert len(chunks) == 3
    assert all(len(c) <= 4096 and c.endswith(".") for c in chunks)
    assert " ".join(chunks) == text


def test_duplicate_titles_become_a_list() -> None:
    buttons = [option("Ja, dat wil ik heel graag", "a"), option("Ja, dat wil ik heel graag!", "b")]
    [body] = render([{"text": "Echt?", "buttons": buttons}], nl)

    assert body["interactive"]["type"] == "list"


def test_an_empty_body_gets_the_translated_word_to_choose() -> None:
    [body] = render([{"text": "", "buttons": [option("Ja")]}], nl)

    assert body["interactive"]["body"]["text"] == "Kies"


def test_nothing_to_say_is_no_message() -> None:
    assert render([], nl) == []
    assert render([{"text": "  "}, {"buttons": "x"}, {"text": 5}], nl) == []


_words = st.text(alphabet="abcdefghij .!?\n", min_size=0, max_size=60)
_button = st.one_of(
    st.builds(option, _words.filter(str.strip), st.from_regex(r"[a-z]{1,8}", fullmatch=True),
              st.none() | _words),
    st.fixed_dictionaries({"text": _words, "url": st.just("https://example.org/x")}),
)  # fmt: skip
_payload = st.fixed_dictionaries(
    {"text": st.text(min_size=0, max_size=1500)},
    optional={"buttons": st.lists(_button, max_size=12)},
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_payload, max_size=5))
def test_every_limit_holds_and_no_word_is_lost(payloads: list[dict[str, Any]]) -> None:
    bodies = render(payloads, nl)

    shown: list[str] = []
    for body in bodies:
        if body["type"] == "text":
            assert 0 < len(body["text"]["body"]) <= 4096
            shown.append(body["text"]["body"])
            continue
        interactive = body["interactive"]
        assert 0 < len(interactive["body"]["text"]) <= 1024
        shown.append(interactive["body"]["text"])
        if interactive["type"] == "button":
            replies = [b["reply"] for b in interactive["action"]["buttons"]]
            assert 1 <= len(replies) <= 3
            assert all(0 < len(r["title"]) <= 20 for r in replies)
            assert len({r["title"] for r in replies}) == len(replies)
        else:
            rows = interactive["action"]["sections"][0]["rows"]
            assert 1 <= len(rows) <= 10
            assert len(interactive["action"]["button"]) <= 20
            assert all(0 < len(r["title"]) <= 24 for r in rows)
            assert all(len(r.get("description", "")) <= 72 for r in rows)
            assert len({r["id"] for r in rows}) == len(rows)
    words = " ".join(shown).split()
    for payload in payloads:
        for word in payload["text"].split():
            assert word in words


def test_text_between_two_questions_goes_with_the_second() -> None:
    turn: list[dict[str, Any]] = [
        {"text": "Eerste?", "buttons": [option("Ja", "a")]},
        {"text": "Nu 6 korte zinnen."},
        {"text": "Tweede?", "buttons": [option("Nee", "b")]},
    ]
    bodies = render(turn, nl)

    assert [b["interactive"]["body"]["text"] for b in bodies] == [
        "Eerste?",
        "Nu 6 korte zinnen.\n\nTweede?",
    ]
