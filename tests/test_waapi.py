"""The local WhatsApp Cloud API refuses what Meta refuses and delivers webhooks the way Meta does.

A small aiohttp app on 127.0.0.1 plays the bot's webhook; a plain HTTP client plays the bot's
Graph API calls. Signatures are checked here with an HMAC of our own, not the server's helper.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import time
from collections.abc import AsyncIterator, Sequence
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from tests.auxil.waapi import DEFAULT_APP_SECRET, WaUser, WhatsAppServer

VERIFY_TOKEN = "omarmt-verify"


class Hook:
    """The bot's side of the webhook: records raw bodies and answers as scripted."""

    def __init__(self) -> None:
        self.bodies: list[bytes] = []
        self.headers: list[dict[str, str]] = []
        self.answers: list[int] = []  # statuses to answer, in turn; then 200
        self.url = ""
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/whatsapp", self._post)
        app.router.add_get("/whatsapp", self._get)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}/whatsapp"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _post(self, request: web.Request) -> web.Response:
        self.bodies.append(await request.read())
        self.headers.append(dict(request.headers))
        status = self.answers.pop(0) if self.answers else 200
        return web.Response(status=status)

    async def _get(self, request: web.Request) -> web.Response:
        query = request.query
        if query.get("hub.mode") == "subscribe" and query.get("hub.verify_token") == VERIFY_TOKEN:
            return web.Response(text=query.get("hub.challenge", ""))
        return web.Response(status=403)

    def values(self) -> list[dict[str, Any]]:
        """The `value` of every body received, in order."""
        return [json.loads(body)["entry"][0]["changes"][0]["value"] for body in self.bodies]

    def messages(self) -> list[dict[str, Any]]:
        return [m for value in self.values() for m in value.get("messages", [])]

    def statuses(self) -> list[dict[str, Any]]:
        return [s for value in self.values() for s in value.get("statuses", [])]


@pytest.fixture
async def hook() -> AsyncIterator[Hook]:
    receiver = Hook()
    await receiver.start()
    yield receiver
    await receiver.stop()


@pytest.fixture
async def wa(hook: Hook) -> AsyncIterator[WhatsAppServer]:
    async with WhatsAppServer(statuses=False) as server:
        server.deliver_to(hook.url)
        yield server


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


async def send(
    http: aiohttp.ClientSession,
    wa: WhatsAppServer,
    body: dict[str, Any],
    *,
    token: str | None = None,
) -> tuple[int, dict[str, Any]]:
    """The bot's POST /messages; returns (HTTP status, JSON answer)."""
    headers = {"Authorization": f"Bearer {token or wa.token}"}
    url = f"{wa.url}/{wa.phone_number_id}/messages"
    async with http.post(url, json=body, headers=headers) as response:
        return response.status, await response.json()


def text(user: WaUser, body: str) -> dict[str, Any]:
    return {
        "messaging_product": "whatsapp",
        "to": user.wa_id,
        "type": "text",
        "text": {"body": body},
    }


def buttons(
    user: WaUser, *titles: str, body: str = "Kies", ids: tuple[str, ...] = ()
) -> dict[str, Any]:
    ids = ids or tuple(f"v1:{n}" for n in range(len(titles)))
    return {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": user.wa_id,
        "type": "interactive",
        "interactive": {
            "type": "button",
            "body": {"text": body},
            "action": {
                "buttons": [
                    {"type": "reply", "reply": {"id": button_id, "title": title}}
                    for button_id, title in zip(ids, titles, strict=True)
                ]
            },
        },
    }


def listing(
    user: WaUser,
    rows: Sequence[tuple[str, ...]],
    *,
    button: str = "Kies",
    per_section: int = 2,
    section_title: str | None = None,
) -> dict[str, Any]:
    """A list message of (id, title[, description]) rows, `per_section` rows a section."""
    sections = [
        {
            "title": section_title or f"Deel {n}",
            "rows": [
                {"id": row[0], "title": row[1]} | ({"description": row[2]} if row[2:] else {})
                for row in rows[n : n + per_section]
            ],
        }
        for n in range(0, len(rows), per_section)
    ]
    return {
        "messaging_product": "whatsapp",
        "to": user.wa_id,
        "type": "interactive",
        "interactive": {
            "type": "list",
            "body": {"text": "Wat past bij je?"},
            "action": {"button": button, "sections": sections},
        },
    }


async def test_text_is_answered_like_meta_and_received_as_sent(
    wa: WhatsAppServer, http: aiohttp.ClientSession
) -> None:
    sam = wa.user("Sam")
    await wa.send_text(sam, "hoi")
    status, answer = await send(http, wa, text(sam, "Hoi Sam!"))
    assert status == 200
    assert answer["messaging_product"] == "whatsapp"
    assert answer["contacts"] == [{"input": sam.wa_id, "wa_id": sam.wa_id}]
    assert answer["messages"][0]["id"].startswith("wamid.")
    assert wa.received(sam) == [text(sam, "Hoi Sam!")]
    assert wa.texts(sam) == ["Hoi Sam!"]


async def test_a_wrong_token_is_401_with_code_190(
    wa: WhatsAppServer, http: aiohttp.ClientSession
) -> None:
    sam = wa.user()
    status, answer = await send(http, wa, text(sam, "hoi"), token="EAAwrong")
    assert status == 401
    assert answer["error"]["code"] == 190
    assert answer["error"]["type"] == "OAuthException"
    assert wa.received(sam) == []
    assert wa.errors_answered[0].error_code == 190


async def test_the_business_scoped_user_id_is_a_recipient_and_to_wins_over_it(
    wa: WhatsAppServer, http: aiohttp.ClientSession
) -> None:
    sam, kim = wa.user("Sam"), wa.user("Kim")
    assert sam.user_id.startswith("NL.")
    assert sam.user_id[3:].isdigit()
    await wa.send_text(sam, "hoi")
    await wa.send_text(kim, "hoi")
    by_id = {"messaging_product": "whatsapp", "recipient": sam.user_id, "text": {"body": "a"}}
    status, answer = await send(http, wa, by_id)
    assert status == 200
    assert answer["contacts"] == [{"input": sam.user_id, "user_id": sam.user_id}]
    both = {**text(kim, "b"), "recipient": sam.user_id}
    status, answer = await send(http, wa, both)
    assert answer["contacts"] == [{"input": kim.wa_id, "wa_id": kim.wa_id}]
    assert wa.texts(sam) == ["a"]
    assert wa.texts(kim) == ["b"]


@pytest.mark.parametrize(
    ("make", "code", "part"),
    [
        (lambda u: text(u, "x" * 4097), 100, "text['body']"),
        (lambda u: buttons(u, "a", "b", "c", "d"), 131009, "buttons"),
        (lambda u: buttons(u, "x" * 21), 100, "['reply']['title']"),
        (lambda u: buttons(u, "ja", body="x" * 1025), 100, "['body']['text']"),
        (lambda u: buttons(u, "ja", "nee", ids=("same", "same")), 131009, "unique"),
        (lambda u: listing(u, [(f"r{n}", "rij") for n in range(11)]), 131009, "row count"),
        (lambda u: listing(u, [("r", "x" * 25)]), 100, "['rows'][0]['title']"),
        (lambda u: listing(u, [("r", "rij")], button="x" * 21), 100, "['button']"),
        (lambda u: listing(u, [("r", "rij"), ("s", "rij")], per_section=1,
                           section_title="x" * 25), 100, "['sections'][0]['title']"),
        (lambda u: listing(u, [("r", "rij", "x" * 73)]), 100, "['description']"),
        (lambda u: {"messaging_product": "whatsapp", "to": u.wa_id, "type": "image",
                    "image": {"link": "https://example.org/a.jpg", "id": "1"}}, 100, "'link'"),
        (lambda u: {"messaging_product": "whatsapp", "to": u.wa_id, "type": "poll"}, 100,
         "'poll'"),
        (lambda u: {"to": u.wa_id, "type": "text", "text": {"body": "no product"}}, 100,
         "messaging_product"),
    ],
    ids=[
        "text-4097", "4-buttons", "button-title-21", "button-body-1025", "button-ids-twice",
        "11-rows", "row-title-25", "list-button-21", "section-title-25", "description-73",
        "link-and-id", "unknown-type", "no-messaging-product",
    ],
)  # fmt: skip
async def test_what_meta_refuses_is_refused(
    wa: WhatsAppServer, http: aiohttp.ClientSession, make: Any, code: int, part: str
) -> None:
    sam = wa.user()
    await wa.send_text(sam, "hoi")
    status, answer = await send(http, wa, make(sam))
    assert (status, answer["error"]["code"]) == (400, code)
    assert part in answer["error"]["error_data"]["details"]
    assert wa.received(sam) == []


async def test_what_is_just_within_the_limits_is_accepted(
    wa: WhatsAppServer, http: aiohttp.ClientSession
) -> None:
    sam = wa.user()
    await wa.send_text(sam, "hoi")
    titles = ("a" * 20, "b" * 20, "c" * 20)
    rows = [(f"r{n}", "x" * 24) for n in range(10)]
    accepted = [
        text(sam, "x" * 4096),
        buttons(sam, *titles, body="x" * 1024),
        listing(sam, rows, button="y" * 20),
        {"messaging_product": "whatsapp", "to": sam.wa_id, "type": "image",
         "image": {"link": "https://example.org/a.jpg", "caption": "kijk"}},
    ]  # fmt: skip
    for body in accepted:
        status, answer = await send(http, wa, body)
        assert status == 200, answer
    shown = wa.visible(wa.received(sam)[1])
    assert shown.titles == list(titles)
    assert shown.ids == ["v1:0", "v1:1", "v1:2"]
    listed = wa.visible(wa.received(sam)[2])
    assert (listed.type, listed.list_button, len(listed.rows)) == ("list", "y" * 20, 10)


async def test_after_24_hours_free_text_fails_with_131047_and_templates_still_go(
    hook: Hook, http: aiohttp.ClientSession
) -> None:
    async with WhatsAppServer(statuses=False) as wa:
        wa.deliver_to(hook.url)
        sam = wa.user()
        await wa.send_text(sam, "hoi")
        wa.advance(hours=23)
        assert (await send(http, wa, text(sam, "nog binnen")))[0] == 200
        wa.advance(hours=2)
        # Meta accepts the message and reports the failure in a status webhook.
        status, answer = await send(http, wa, text(sam, "te laat"))
        assert status == 200
        wamid = answer["messages"][0]["id"]
        await wa.wait_for(hook.statuses)
        [failed] = hook.statuses()
        assert (failed["id"], failed["status"]) == (wamid, "failed")
        assert failed["errors"][0]["code"] == 131047
        template = {
            "messaging_product": "whatsapp", "to": sam.wa_id, "type": "template",
            "template": {"name": "omarmt_reply_waiting", "language": {"code": "nl"}},
        }  # fmt: skip
        status, answer = await send(http, wa, template)
        assert (status, answer["messages"][0]["message_status"]) == (200, "accepted")
        assert wa.texts(sam) == ["nog binnen", "omarmt_reply_waiting"]
        await wa.send_text(sam, "ik ben er weer")
        assert (await send(http, wa, text(sam, "fijn")))[0] == 200
    async with WhatsAppServer(window_failure="response") as strict:
        kim = strict.user()
        status, answer = await send(http, strict, text(kim, "nooit geschreven"))
        assert (status, answer["error"]["code"]) == (400, 131047)


async def test_more_than_the_pair_rate_to_one_person_is_131056(
    hook: Hook, http: aiohttp.ClientSession
) -> None:
    async with WhatsAppServer(pair_limit=(2, 0.3), statuses=False) as wa:
        wa.deliver_to(hook.url)
        sam, kim = wa.user("Sam"), wa.user("Kim")
        await wa.send_text(sam, "hoi")
        await wa.send_text(kim, "hoi")
        assert (await send(http, wa, text(sam, "1")))[0] == 200
        assert (await send(http, wa, text(sam, "2")))[0] == 200
        status, answer = await send(http, wa, text(sam, "3"))
        assert (status, answer["error"]["code"]) == (400, 131056)
        assert (await send(http, wa, text(kim, "ander persoon")))[0] == 200
        await asyncio.sleep(0.35)
        assert (await send(http, wa, text(sam, "3 opnieuw")))[0] == 200
        assert wa.texts(sam) == ["1", "2", "3 opnieuw"]


async def test_a_burst_over_the_throughput_is_130429(
    hook: Hook, http: aiohttp.ClientSession
) -> None:
    async with WhatsAppServer(throughput=3, pair_limit=None, statuses=False) as wa:
        wa.deliver_to(hook.url)
        people = [wa.user(f"P{n}") for n in range(4)]
        for person in people:
            await wa.send_text(person, "hoi")
        results = [await send(http, wa, text(person, "hallo")) for person in people]
        assert [status for status, _ in results] == [200, 200, 200, 400]
        assert results[3][1]["error"]["code"] == 130429
        await asyncio.sleep(1.0)
        assert (await send(http, wa, text(people[3], "hallo")))[0] == 200


async def test_webhooks_are_signed_over_the_raw_body_in_metas_envelope(
    wa: WhatsAppServer, hook: Hook
) -> None:
    sam = wa.user("Sam", username="@sam", shares_phone=False)
    kim = wa.user("Kim")
    await wa.send_text(sam, "één/twee")
    await wa.send_text(kim, "hoi")
    for raw, headers in zip(hook.bodies, hook.headers, strict=True):
        expected = hmac.new(DEFAULT_APP_SECRET.encode(), raw, hashlib.sha256).hexdigest()
        assert headers["X-Hub-Signature-256"] == f"sha256={expected}"
    assert rb"\u00e9\u00e9n\/twee" in hook.bodies[0]  # as Meta escapes: re-serializing breaks it
    first = json.loads(hook.bodies[0])
    assert first["object"] == "whatsapp_business_account"
    value = first["entry"][0]["changes"][0]["value"]
    assert value["metadata"] == {
        "display_phone_number": wa.display_phone_number,
        "phone_number_id": wa.phone_number_id,
    }
    assert value["contacts"] == [
        {"profile": {"name": "Sam", "username": "@sam"}, "user_id": sam.user_id}
    ]
    [message] = value["messages"]
    assert "from" not in message
    assert message["from_user_id"] == sam.user_id
    assert message["text"] == {"body": "één/twee"}
    assert hook.values()[1]["contacts"][0]["wa_id"] == kim.wa_id
    assert hook.messages()[1]["from"] == kim.wa_id


async def test_a_forged_or_missing_signature_can_be_posted(wa: WhatsAppServer, hook: Hook) -> None:
    sam = wa.user()
    body = wa.text_envelope(sam, "vals")
    await wa.post_raw(hook.url, body, signature="sha256=" + "0" * 64)
    await wa.post_raw(hook.url, b"{not json", signature=None)
    assert hook.headers[0]["X-Hub-Signature-256"] == "sha256=" + "0" * 64
    assert "X-Hub-Signature-256" not in hook.headers[1]
    assert hook.bodies[1] == b"{not json"


async def test_a_non_200_answer_is_delivered_again_until_200(
    wa: WhatsAppServer, hook: Hook
) -> None:
    sam = wa.user()
    hook.answers = [500, 401, 204]
    wamid = await wa.send_text(sam, "hoi")
    assert len(hook.bodies) == 4
    assert len(set(hook.bodies)) == 1
    assert hook.messages()[0]["id"] == wamid
    assert [a.status for a in wa.webhook_answers] == [500, 401, 204, 200]
    assert wa.pending_deliveries() == []


async def test_nothing_is_lost_while_the_webhook_is_down(hook: Hook) -> None:
    async with WhatsAppServer(max_retry_delay=0.1) as wa:
        sam = wa.user()
        await hook.stop()
        wa.deliver_to(hook.url)
        wamid = await wa.send_text(sam, "ben je daar?", wait=False)
        await asyncio.sleep(0.3)
        assert wa.pending_deliveries()
        assert {a.status for a in wa.webhook_answers} == {0}
        await hook.start()  # a new port: the bot came back elsewhere
        wa.deliver_to(hook.url)
        await wa.send_text(sam, "nog een")
        await wa.wait_delivered(wamid, timeout=5)
        texts = sorted(m["text"]["body"] for m in hook.messages())
        assert texts == ["ben je daar?", "nog een"]


async def test_a_message_can_be_delivered_twice(wa: WhatsAppServer, hook: Hook) -> None:
    sam = wa.user()
    wamid = await wa.deliver_twice(sam, "hoi")
    assert [m["id"] for m in hook.messages()] == [wamid, wamid]
    wa.webhook_faults(duplicate=True)
    other = await wa.send_text(sam, "nog eens")
    await wa.wait_for(lambda: len(hook.bodies) == 4)
    assert [m["id"] for m in hook.messages()][2:] == [other, other]


async def test_deliveries_can_come_late_and_out_of_order(wa: WhatsAppServer, hook: Hook) -> None:
    sam = wa.user()
    wa.webhook_faults(reorder=0.2)
    sent = [await wa.send_text(sam, str(n), wait=False) for n in range(8)]
    for wamid in sent:
        await wa.wait_delivered(wamid)
    got = [m["id"] for m in hook.messages()]
    assert sorted(got) == sorted(sent)
    assert got != sent  # with the fixed seed the order is shuffled


async def test_taps_carry_the_tapped_message_as_context(
    wa: WhatsAppServer, hook: Hook, http: aiohttp.ClientSession
) -> None:
    sam = wa.user()
    await wa.send_text(sam, "hoi")
    _, sent_buttons = await send(http, wa, buttons(sam, "Ja", "Nee"))
    _, sent_list = await send(http, wa, listing(sam, [("r1", "Sport"), ("r2", "Muziek")]))
    await wa.tap_button(sam, "v1:1")
    await wa.pick_row(sam, "r2")
    await wa.tap_button(sam, "v0:stale", "Oud", message_id="wamid.old")
    tap, pick, stale = hook.messages()[1:]
    assert tap["context"] == {
        "from": wa.display_phone_number,
        "id": sent_buttons["messages"][0]["id"],
    }
    assert tap["interactive"] == {
        "type": "button_reply",
        "button_reply": {"id": "v1:1", "title": "Nee"},
    }
    assert pick["context"]["id"] == sent_list["messages"][0]["id"]
    assert pick["interactive"] == {
        "type": "list_reply",
        "list_reply": {"id": "r2", "title": "Muziek"},
    }
    assert stale["context"]["id"] == "wamid.old"
    with pytest.raises(ValueError, match="no button message"):
        await wa.tap_button(sam, "v1:9")


async def test_what_else_people_send_has_metas_shape(wa: WhatsAppServer, hook: Hook) -> None:
    sam = wa.user()
    first = await wa.send_text(sam, "hoi")
    await wa.send_media(sam, "image", caption="ik wil dood")
    await wa.send_media(sam, "audio")
    await wa.send_media(sam, "sticker")
    await wa.send_location(sam)
    await wa.send_contacts(sam)
    await wa.send_reaction(sam, first)
    await wa.send_unsupported(sam)
    kinds = [m["type"] for m in hook.messages()]
    assert kinds == [
        "text", "image", "audio", "sticker", "location", "contacts", "reaction", "unsupported",
    ]  # fmt: skip
    image, audio, sticker, location, contacts, reaction, unsupported = hook.messages()[1:]
    assert image["image"]["caption"] == "ik wil dood"
    assert image["image"]["mime_type"] == "image/jpeg"
    assert audio["audio"]["voice"] is True
    assert sticker["sticker"]["mime_type"] == "image/webp"
    assert set(location["location"]) == {"latitude", "longitude"}
    assert contacts["contacts"][0]["phones"][0]["type"] == "CELL"
    assert reaction["reaction"]["message_id"] == first
    assert unsupported["errors"][0]["code"] == 131051


async def test_status_webhooks_follow_each_message(
    hook: Hook, http: aiohttp.ClientSession
) -> None:
    async with WhatsAppServer() as wa:
        wa.deliver_to(hook.url)
        sam = wa.user()
        await wa.send_text(sam, "hoi")
        _, answer = await send(http, wa, text(sam, "dag"))
        wamid = answer["messages"][0]["id"]
        await wa.wait_for(lambda: len(hook.statuses()) == 2)
        wa.read_all(sam)
        wa.status(wamid, "failed", code=131026)
        await wa.wait_for(lambda: len(hook.statuses()) == 4)
        statuses = hook.statuses()
        assert [s["status"] for s in statuses] == ["sent", "delivered", "read", "failed"]
        assert {s["id"] for s in statuses} == {wamid}
        assert statuses[0]["recipient_id"] == sam.wa_id
        assert statuses[0]["recipient_user_id"] == sam.user_id
        assert statuses[3]["errors"][0]["code"] == 131026
        assert "contacts" not in hook.values()[-1]  # Meta leaves them out of failed statuses


async def test_verification_answers_the_challenge_only_for_the_right_token(
    wa: WhatsAppServer, hook: Hook
) -> None:
    assert await wa.verify(hook.url, VERIFY_TOKEN, "1158201444") == (200, "1158201444")
    status, _ = await wa.verify(hook.url, "wrong")
    assert status == 403


async def test_failures_delays_and_holds_on_demand(
    wa: WhatsAppServer, http: aiohttp.ClientSession
) -> None:
    sam = wa.user()
    await wa.send_text(sam, "hoi")
    wa.fail_next(2, code=131000)
    assert (await send(http, wa, text(sam, "a")))[0] == 500
    assert (await send(http, wa, text(sam, "a")))[0] == 500
    wa.fail_next(code=130429)
    status, answer = await send(http, wa, text(sam, "a"))
    assert (status, answer["error"]["code"]) == (400, 130429)
    assert (await send(http, wa, text(sam, "a")))[0] == 200
    held = wa.hold_next()
    pending = asyncio.ensure_future(send(http, wa, text(sam, "b")))
    await asyncio.wait_for(held.arrived.wait(), 5)
    assert wa.texts(sam) == ["a"]
    held.release()
    assert (await pending)[0] == 200
    wa.set_delay(0.2)
    started = time.monotonic()
    await send(http, wa, text(sam, "c"))
    assert time.monotonic() - started >= 0.2
    assert wa.texts(sam) == ["a", "b", "c"]


async def test_media_upload_gives_an_id_to_send_by(
    wa: WhatsAppServer, http: aiohttp.ClientSession
) -> None:
    sam = wa.user()
    await wa.send_text(sam, "hoi")
    form = aiohttp.FormData()
    form.add_field("messaging_product", "whatsapp")
    form.add_field("type", "image/png")
    form.add_field("file", b"\x89PNG...", filename="a.png", content_type="image/png")
    url = f"{wa.url}/{wa.phone_number_id}/media"
    headers = {"Authorization": f"Bearer {wa.token}"}
    async with http.post(url, data=form, headers=headers) as response:
        assert response.status == 200
        media_id = (await response.json())["id"]
    assert wa.media[media_id] == ("image/png", b"\x89PNG...")
    image = {"messaging_product": "whatsapp", "to": sam.wa_id, "type": "image"}
    assert (await send(http, wa, {**image, "image": {"id": media_id}}))[0] == 200
    status, answer = await send(http, wa, {**image, "image": {"id": "999"}})
    assert (status, answer["error"]["code"]) == (400, 131009)


async def test_mark_as_read_is_recorded(wa: WhatsAppServer, http: aiohttp.ClientSession) -> None:
    sam = wa.user()
    wamid = await wa.send_text(sam, "hoi")
    read = {"messaging_product": "whatsapp", "status": "read", "message_id": wamid}
    assert await send(http, wa, read) == (200, {"success": True})
    assert wa.read_marks == [wamid]
    assert wa.received(sam) == []
    assert wa.webhook_p99() > 0
