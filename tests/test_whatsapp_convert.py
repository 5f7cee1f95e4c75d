"""WhatsApp messages become the same engine events as Telegram's; statuses say what to do."""

from __future__ import annotations

from typing import Any

import pytest

from bot.channels.buttons import callback_data
from bot.channels.whatsapp.convert import WaStatus, status_of, to_event
from bot.engine import Choice, Command, Media, Text


def never(_: str) -> bool:
    return False


def always(_: str) -> bool:
    return True


def message(kind: str, inner: dict[str, Any] | None = None) -> dict[str, Any]:
    payload: dict[str, Any] = {"id": "wamid.A", "type": kind}
    if inner is not None:
        payload[kind] = inner
    return payload


def test_text_is_text_and_a_slash_is_a_command_as_on_telegram() -> None:
    assert to_event(message("text", {"body": "ik voel me alleen"}), never) == Text(
        "ik voel me alleen"
    )
    assert to_event(message("text", {"body": "/Praat@omarmt_bot nu"}), never) == Command(
        "praat", "nu"
    )
    assert to_event(message("text", {"body": "/ nee"}), never) == Text("/ nee")


@pytest.mark.parametrize("reply", ["button_reply", "list_reply"])
def test_a_tapped_button_or_row_is_the_choice_its_id_names(reply: str) -> None:
    tapped = {"type": reply, reply: {"id": callback_data("age", "a16_17"), "title": "16 of 17"}}

    assert to_event(message("interactive", tapped), never) == Choice("age", "a16_17")


@pytest.mark.parametrize(
    "forged", ["", "2|age|a16", "1|age", "1|AGE|x", "1|age|a;drop", "x" * 300]
)
def test_a_forged_or_old_reply_id_is_an_empty_choice_for_a_kind_reask(forged: str) -> None:
    tapped = {"type": "button_reply", "button_reply": {"id": forged, "title": "Ja"}}

    assert to_event(message("interactive", tapped), never) == Choice("", "")


def test_a_template_quick_reply_is_its_text() -> None:
    assert to_event(message("button", {"text": "Ja graag", "payload": "x"}), never) == Text(
        "Ja graag"
    )


@pytest.mark.parametrize(
    "kind",
    ["image", "video", "audio", "document", "sticker", "location", "contacts", "unsupported"],
)  # fmt: skip
def test_what_is_not_text_is_media_with_its_caption(kind: str) -> None:
    assert to_event(message(kind), never) == Media(kind, "")
    assert to_event(message(kind, {"caption": "ik wil dood"}), never) == Media(kind, "ik wil dood")


def test_a_reaction_is_not_answered() -> None:
    """An emoji on a message, or taking it back, is not something said to the bot."""
    assert to_event(message("reaction", {"message_id": "wamid.x", "emoji": "👍"}), always) is None
    assert to_event(message("reaction", {"message_id": "wamid.x", "emoji": ""}), always) is None


def test_unknown_types_are_ignored_unless_their_text_shows_a_crisis() -> None:
    assert to_event(message("system", {"body": "number changed"}), never) is None
    assert to_event(message("request_welcome"), always) is None
    assert to_event(message("edit", {"body": "ik wil er niet meer zijn"}), always) == Text(
        "ik wil er niet meer zijn"
    )
    assert to_event(message("interactive", {"type": "nfm_reply"}), always) is None


@pytest.mark.parametrize("payload", [{}, {"type": 3}, {"type": "text", "text": "plain"}])
def test_odd_payloads_never_raise(payload: dict[str, Any]) -> None:
    to_event(payload, never)


@pytest.mark.parametrize(
    ("code", "retryable"),
    [
        (131056, True),  # pair rate: wait 6 s
        (130429, True),  # throughput
        (131000, True),  # something went wrong
        (131016, True),  # service unavailable
        (131047, False),  # outside the 24-hour window: never free text again
        (131026, False),  # undeliverable: not on WhatsApp, old app, terms not accepted
        (131048, False),  # spam rate limit: sending more makes it worse
        (131049, False),  # Meta chose not to deliver (ecosystem engagement)
        (131050, False),  # the person stopped marketing messages
        (368, False),  # blocked for a policy violation
        (None, False),
    ],
)
def test_failed_statuses_say_whether_to_retry(code: int | None, retryable: bool) -> None:
    payload: dict[str, Any] = {"id": "wamid.O", "status": "failed"}
    if code is not None:
        payload["errors"] = [{"code": code, "title": "t"}]

    assert status_of(payload) == WaStatus("wamid.O", "failed", code, retryable)


def test_other_statuses_are_never_retried() -> None:
    assert status_of({"id": "wamid.O", "status": "delivered"}) == WaStatus(
        "wamid.O", "delivered", None, False
    )
    assert not status_of({"id": "w", "status": "read", "errors": [{"code": 131056}]}).retryable
