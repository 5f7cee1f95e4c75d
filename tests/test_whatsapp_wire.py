"""Webhook bodies to items: who wrote, where a reply goes, and nothing personal carried on."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.channels.whatsapp.wire import WaItem, split

OURS = "106540352242922"
PHONE = "31612345678"
BSUID = "NL.1410018717833190"
NAME = "Sanne de Vries"


def envelope(value: dict[str, Any], phone_number_id: str = OURS) -> dict[str, Any]:
    metadata = {"display_phone_number": "3197010203040", "phone_number_id": phone_number_id}
    return {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "WABA_ID",
                "changes": [
                    {
                        "field": "messages",
                        "value": {"messaging_product": "whatsapp", "metadata": metadata, **value},
                    }
                ],
            }
        ],
    }


def inbound(message: dict[str, Any], *, bsuid: bool = True, phone: bool = True) -> dict[str, Any]:
    """A messages webhook as Meta sends it since BSUIDs (2026): contact and message."""
    contact: dict[str, Any] = {"profile": {"name": NAME, "username": "@sanne"}}
    sender: dict[str, Any] = {}
    if phone:
        contact["wa_id"] = PHONE
        sender["from"] = PHONE
    if bsuid:
        contact["user_id"] = BSUID
        sender["from_user_id"] = BSUID
    full = {"id": "wamid.A1", "timestamp": "1764662400", **sender, **message}
    return envelope({"contacts": [contact], "messages": [full]})


def text(body: str = "hoi") -> dict[str, Any]:
    return {"type": "text", "text": {"body": body}}


def test_a_text_message_is_keyed_by_its_wamid_and_the_bsuid() -> None:
    [item] = split(inbound(text("hoi")), OURS)

    assert item == WaItem(
        "message",
        "wamid.A1",
        BSUID,
        BSUID,
        {"id": "wamid.A1", "type": "text", "timestamp": "1764662400", "text": {"body": "hoi"}},
    )


def test_without_a_bsuid_the_phone_number_is_both_user_and_address() -> None:
    [item] = split(inbound(text(), bsuid=False), OURS)

    assert (item.user, item.address) == (PHONE, PHONE)


def test_a_username_user_without_phone_number_is_still_answered() -> None:
    [item] = split(inbound(text(), phone=False), OURS)

    assert (item.user, item.address) == (BSUID, BSUID)


def test_the_bsuid_in_contacts_counts_when_the_message_lacks_from_user_id() -> None:
    body = inbound(text(), bsuid=False)
    body["entry"][0]["changes"][0]["value"]["contacts"][0]["user_id"] = BSUID

    [item] = split(body, OURS)

    assert item.user == BSUID


def test_no_name_username_or_phone_number_in_any_payload() -> None:
    messages = [
        text("hoi"),
        {"type": "contacts", "contacts": [{"name": {"formatted_name": "Mam"},
                                           "phones": [{"phone": "+31 6 87654321"}]}]},
        {"type": "location", "location": {"latitude": 52.09, "longitude": 5.12,
                                          "name": "Thuis", "address": "Kerkstraat 1"}},
        {"type": "image", "image": {"id": "MEDIA1", "caption": "kijk", "mime_type": "image/jpeg",
                                    "sha256": "abc"}},
        {"type": "document", "document": {"id": "MEDIA2", "filename": "cv_sanne.pdf"}},
        {"type": "reaction", "reaction": {"message_id": "wamid.X", "emoji": "👍"}},
    ]  # fmt: skip
    for message in messages:
        [item] = split(inbound(message), OURS)
        stored = json.dumps(item.payload)
        for personal in (PHONE, BSUID, NAME, "sanne", "87654321", "52.09", "Kerkstraat", "MEDIA"):
            assert personal not in stored, (message["type"], personal)


def test_captions_and_replies_stay_for_answering() -> None:
    [image] = split(inbound({"type": "image", "image": {"id": "M", "caption": "ik ben op"}}), OURS)
    reply = {
        "type": "list_reply",
        "list_reply": {
            "id": "1|age|a16",
            "title": "16 of 17",
            "description": "zestien of zeventien",
        },
    }
    [tap] = split(inbound({"type": "interactive", "interactive": reply}), OURS)
    [legacy] = split(inbound({"type": "button", "button": {"text": "Ja", "payload": "ja"}}), OURS)

    assert image.payload["image"] == {"caption": "ik ben op"}
    assert tap.payload["interactive"] == {
        "type": "list_reply", "list_reply": {"id": "1|age|a16", "title": "16 of 17"}
    }  # fmt: skip
    assert legacy.payload["button"] == {"text": "Ja", "payload": "ja"}


def test_another_business_number_is_dropped() -> None:
    body = inbound(text())
    body["entry"][0]["changes"][0]["value"]["metadata"]["phone_number_id"] = "999"

    assert split(body, OURS) == []


def test_statuses_are_keyed_per_status_and_carry_their_errors() -> None:
    statuses = [
        {"id": "wamid.OUT1", "status": "sent", "timestamp": "1764662401",
         "recipient_id": PHONE, "recipient_user_id": BSUID},
        {"id": "wamid.OUT1", "status": "delivered", "timestamp": "1764662402",
         "recipient_id": PHONE, "recipient_user_id": BSUID},
        {"id": "wamid.OUT2", "status": "failed", "timestamp": "1764662403",
         "recipient_id": PHONE, "biz_opaque_callback_data": "outbox-7",
         "errors": [{"code": 131056, "title": "pair rate limit hit",
                     "error_data": {"details": f"to {PHONE}"}}]},
    ]  # fmt: skip
    items = split(envelope({"statuses": statuses}), OURS)

    assert [(i.kind, i.key) for i in items] == [
        ("status", "wamid.OUT1:sent"),
        ("status", "wamid.OUT1:delivered"),
        ("status", "wamid.OUT2:failed"),
    ]
    assert items[0].user == BSUID
    assert items[2].user == PHONE  # failed statuses to a phone number name no BSUID
    assert items[2].payload == {
        "id": "wamid.OUT2",
        "status": "failed",
        "timestamp": "1764662403",
        "biz_opaque_callback_data": "outbox-7",
        "errors": [{"code": 131056, "title": "pair rate limit hit"}],
    }
    assert PHONE not in json.dumps([i.payload for i in items])


def test_a_redelivered_message_in_one_body_counts_once() -> None:
    body = inbound(text())
    value = body["entry"][0]["changes"][0]["value"]
    value["messages"].append(dict(value["messages"][0]))

    assert len(split(body, OURS)) == 1


def test_messages_without_id_sender_or_type_are_skipped() -> None:
    for broken in ({"id": ""}, {"type": None}, {"from": None, "from_user_id": 7}):
        body = inbound({**text(), **broken})
        body["entry"][0]["changes"][0]["value"]["contacts"] = []
        assert split(body, OURS) == [], broken


def test_other_fields_and_objects_are_ignored() -> None:
    body = inbound(text())
    body["entry"][0]["changes"][0]["field"] = "message_template_status_update"
    assert split(body, OURS) == []
    assert split({**inbound(text()), "object": "page"}, OURS) == []


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                  max_size=4),
    max_leaves=20,
)  # fmt: skip
_keys = st.sampled_from(
    ["object", "entry", "changes", "field", "value", "metadata", "phone_number_id", "messages",
     "statuses", "contacts", "id", "type", "from", "from_user_id", "text", "body", "status",
     "errors", "code", "interactive", "user_id", "wa_id", "recipient_id"]
)  # fmt: skip
_shaped = st.recursive(
    st.none() | st.integers() | st.sampled_from(["whatsapp_business_account", "messages", OURS,
                                                 "text", "failed", "x"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_keys, inner, max_size=5),
    max_leaves=30,
)  # fmt: skip


@settings(max_examples=300)
@given(st.one_of(_json, _shaped))
def test_any_body_gives_items_and_never_raises(body: object) -> None:
    for item in split(body, OURS):
        assert item.kind in ("message", "status")
        assert item.key
        json.dumps(item.payload)  # stays storable


@given(st.dictionaries(_keys, _shaped, max_size=4))
def test_any_message_inside_a_real_envelope_never_raises(message: dict[str, Any]) -> None:
    for item in split(inbound(message), OURS):
        assert item.user in (BSUID, message.get("from_user_id"), message.get("from"))
        assert NAME not in json.dumps(item.payload)
