"""WhatsApp as a channel of the pipeline: webhook rows into turns, outbox rows into messages.

A young person's lane is ``wa:<pseudonym>``; the address a reply goes to (their business-scoped
user id, or their WhatsApp id) lives only sealed, in the inbox and outbox rows. Youth workers
stay in the Telegram forums: their replies come through the same pipeline and leave here.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from bot.channels.pipeline.channel import (
    Arrival,
    Blocked,
    Dropped,
    Failed,
    Later,
    Outcome,
    Parked,
    PersonTurn,
    Reading,
    Sent,
)
from bot.channels.whatsapp.client import (
    OutsideWindow,
    Refused,
    RetryLater,
    Unauthorized,
    WaClient,
)
from bot.channels.whatsapp.codes import OUTSIDE_WINDOW, THROUGHPUT
from bot.channels.whatsapp.convert import WaStatus, status_of, to_event
from bot.channels.whatsapp.language import guess
from bot.channels.whatsapp.pace import PairPace
from bot.channels.whatsapp.render import render
from bot.channels.whatsapp.wire import WaItem, split
from bot.engine import Command, Text
from bot.service import Pseudonymize
from bot.storage.queues import Address, InboxItem, OutboxItem, Send

if TYPE_CHECKING:
    from bot.channels.pipeline.core import Pipeline

__all__ = ["CHANNEL", "LANE", "FetchMedia", "MediaUnavailable", "WhatsAppAdapter"]

log = logging.getLogger(__name__)

CHANNEL = "whatsapp"
#: Every WhatsApp lane starts with this (Telegram's lanes are bare pseudonyms).
LANE = "wa:"
#: Sent messages remembered (in memory) so that a "failed" status can send them again.
REMEMBER = 2_000
#: A message WhatsApp could not deliver for a passing reason is tried this often in all.
STATUS_RETRIES = 3
#: The longest wait after refusals in a row that said "later" (rate limits, server errors).
MAX_WAIT = 300.0
#: Telegram media kinds as WhatsApp's (a youth worker's photo, voice note or sticker).
MEDIA_KINDS = {"photo": "image", "voice": "audio", "audio": "audio", "sticker": "sticker",
               "video": "video", "animation": "video", "video_note": "video"}  # fmt: skip
#: Undeliverable for good: the number is not on WhatsApp, or the person blocked the business.
GONE_CODES = frozenset({131026})

#: How a stored WhatsApp row begins (see `arrivals`): a channel's rows are told apart by it.
ROW_START = b'{"kind": '

#: Fetches a youth worker's file from Telegram: (bytes, mime type). Raises `MediaUnavailable`
#: when Telegram will not hand it out, `OSError` when it could not be reached.
FetchMedia = Callable[[str, str], Awaitable[tuple[bytes, str]]]


class MediaUnavailable(Exception):  # noqa: N818 - the name says what happened
    """A youth worker's file cannot be had (too big for the Bot API, or gone)."""


class WhatsAppAdapter:
    """One business phone number."""

    name = CHANNEL

    def __init__(
        self,
        client: WaClient,
        *,
        phone_number_id: str,
        pseudonymize: Pseudonymize,
        is_crisis: Callable[[str], bool],
        sources: frozenset[str],
        serve: Callable[[WhatsAppAdapter, asyncio.Event], Coroutine[Any, Any, None]] | None = None,
        fetch_media: FetchMedia | None = None,
        pace: PairPace | None = None,
    ) -> None:
        self._client = client
        self._number = phone_number_id
        self._pseudonymize = pseudonymize
        self._is_crisis = is_crisis
        self._sources = sources
        self._serve = serve
        self._fetch_media = fetch_media
        self._pace = pace or PairPace()
        self.pipeline: Pipeline | None = None
        #: wamid → (the outbox rows it carried, tries) of recent sends, for "failed" statuses.
        self._recent: OrderedDict[str, tuple[tuple[OutboxItem, ...], int]] = OrderedDict()
        #: "failed" statuses that came before their send's answer (Meta does that), by wamid.
        self._early: OrderedDict[str, WaStatus] = OrderedDict()
        #: Outbox ids sent again after a failed status, with their tries so far.
        self._tries: dict[int, int] = {}
        self._unauthorized_said = False
        #: Refusals in a row that said "later": of the number's throughput (everyone's), and
        #: per lane of anything else (the pair rate, a server error). Each waits twice as long.
        self._throttled = 0
        self._later: dict[str, int] = {}

    def owns(self, lane: str) -> bool:
        """The lanes of young people who came in through WhatsApp."""
        return lane.startswith(LANE)

    async def prepare(self) -> None:
        """Nothing to set up with Meta: the webhook and the number are set in the app."""

    def loops(self, stop: asyncio.Event) -> list[Coroutine[Any, Any, None]]:
        """Nothing besides the webhook server (`listeners`)."""
        return []

    def listeners(self, stop: asyncio.Event) -> list[Coroutine[Any, Any, None]]:
        """The webhook server: it only stores, so it may listen before this replica leads."""
        return [self._serve(self, stop)] if self._serve is not None else []

    # --- intake ------------------------------------------------------------------------------

    def arrivals(self, body: object) -> list[Arrival]:
        """A verified webhook body as inbox rows: keyed by a hash of the message id (it encodes
        the phone number), in the lane of the sender's pseudonym."""
        rows = []
        for item in split(body, self._number):
            if item.kind == "status" and status_of(item.payload).status != "failed":
                continue  # sent, delivered, read: nothing to do, so nothing to store
            key = LANE + self._pseudonymize("whatsapp-message", item.key)
            lane = LANE + self._pseudonymize(CHANNEL, item.user)
            row = {"kind": item.kind, "address": item.address, "payload": item.payload}
            rows.append(Arrival(key, lane, json.dumps(row).encode(), item))
        return rows

    async def receive(self, body: object) -> None:
        """Store a verified webhook body before it is acknowledged (see `webhook`)."""
        assert self.pipeline is not None
        await self.pipeline.receive(self.arrivals(body))

    # --- reading -----------------------------------------------------------------------------

    def reads(self, item: InboxItem, parsed: object | None) -> bool:
        """WhatsApp's rows are what `arrivals` stored."""
        if parsed is not None:
            return isinstance(parsed, WaItem)
        return item.payload.startswith(ROW_START)

    def _item(self, item: InboxItem, parsed: object | None) -> WaItem:
        if isinstance(parsed, WaItem):
            return parsed
        data = json.loads(item.payload)
        return WaItem(data["kind"], "", "", str(data["address"]), data["payload"])

    async def read(self, item: InboxItem, parsed: object | None) -> Reading:
        """A young person's message as a turn; a status is acted on, not answered."""
        wa = self._item(item, parsed)
        if wa.kind == "status":
            await self._status(wa)
            return None
        event = to_event(wa.payload, self._is_crisis)
        if event is None:
            return None
        if isinstance(event, Text):
            if await self._first_source(item.lane, event.text):
                # wa.me/<number>?text=<code>: a first message that is exactly a listed code.
                event = Command("start", event.text.strip().lower(), event.lang_hint)
            elif event.lang_hint is None:
                # WhatsApp says no language: a first message in English gets English.
                event = replace(event, lang_hint=guess(event.text))
        return PersonTurn(event, wa.address)

    async def _first_source(self, lane: str, text: str) -> bool:
        if text.strip().lower() not in self._sources:
            return False
        assert self.pipeline is not None
        return not await self.pipeline.known(lane)

    async def _status(self, wa: WaItem) -> None:
        """A message we sent failed for a passing reason: it goes back to the outbox."""
        status = status_of(wa.payload)
        if status.status != "failed":
            if status.status in ("delivered", "read"):
                self._recent.pop(status.wamid, None)
            return
        sent = self._recent.pop(status.wamid, None)
        if sent is None:  # its send's answer may not be here yet
            self._early[status.wamid] = status
            while len(self._early) > REMEMBER:
                self._early.popitem(last=False)
            return
        await self._failed(status, sent)

    async def _failed(self, status: WaStatus, sent: tuple[tuple[OutboxItem, ...], int]) -> None:
        log.warning("WhatsApp could not deliver a message (code %s)", status.error_code)
        rows, tries = sent
        if status.error_code == OUTSIDE_WINDOW:
            await self._outside_window(rows[0], json.loads(rows[0].payload))
            return
        if not status.retryable or tries >= STATUS_RETRIES:
            return
        assert self.pipeline is not None
        # Every reply the message carried goes again (they merge again as they did).
        again = await self.pipeline.outbox_again(
            [Send(row.lane, row.chat_id, row.payload) for row in rows]
        )
        for each in again:
            self._tries[each.id] = tries + 1

    def apology_to(self, item: InboxItem, parsed: object | None) -> tuple[Address, str | None]:
        """The sender of a row that keeps failing."""
        wa = self._item(item, parsed)
        if wa.kind != "message" or not wa.address:
            raise ValueError("not a person's message")
        return wa.address, None

    async def after_turn(
        self, turn: PersonTurn, lane: str, stored: Sequence[OutboxItem], *, sending: bool
    ) -> None:
        """Nothing to tidy: WhatsApp's buttons answer once and stay as they are."""

    # --- sending -----------------------------------------------------------------------------

    def wait(self, item: OutboxItem, now: float) -> float:
        """WhatsApp allows about one message per 6 s to one person, after a short burst."""
        return self._pace.wait(item.lane, now)

    async def drain(self, lane: str) -> bool:
        return False

    def sender_idle(self, lane: str) -> None:
        """A lane with nothing left to send forgets its refusals."""
        self._later.pop(lane, None)

    async def send(self, item: OutboxItem, queue: deque[OutboxItem]) -> Outcome:
        """Send a row, merged with the rows behind it where one message can carry them."""
        rows = _mergeable(queue)
        payloads = [json.loads(row.payload) for row in rows]
        try:
            if payloads[0].get("op") == "media":
                wamid = await self._send_media(item, payloads[0])
                count = 1
            else:
                count, bodies = _largest_single(payloads, self._gettext(item.lane))
                for body in bodies:
                    wamid = await self._client.send(str(item.chat_id), body)
        except RetryLater as exc:
            return self._backing_off(item.lane, exc)
        except MediaUnavailable:
            # The youth worker hears it; what they write next goes as usual.
            await self._media_failed(payloads[0])
            return Dropped("a youth worker's file could not be passed on")
        except OutsideWindow:
            await self._outside_window(item, payloads[0])
            return Dropped("outside the 24-hour window")
        except Unauthorized:
            if not self._unauthorized_said:
                log.error(
                    "WhatsApp refuses the access token (OMARMT_WHATSAPP_TOKEN): messages wait "
                    "in the outbox; set the right token and restart to send them"
                )
                self._unauthorized_said = True
            # Kept (sealed) and sent at the next start, at once: the token only changes with
            # a restart, and a wait noted in the row would hold them back after it.
            return Parked()
        except Refused as exc:
            if exc.code in GONE_CODES:
                return Blocked()
            return Dropped(f"code {exc.code}")
        except OSError as exc:
            return Failed(type(exc).__name__)
        self._unauthorized_said = False
        self._throttled = 0
        self._later.pop(item.lane, None)
        self._pace.record(item.lane, time.time())
        self._remember(wamid, rows[:count])
        early = self._early.pop(wamid, None)
        if early is not None:
            await self._failed(early, self._recent.pop(wamid))
        return Sent(wamid, [row.id for row in rows[1:count]])

    def _backing_off(self, lane: str, exc: RetryLater) -> Later:
        """Wait as Meta asks, twice as long after each refusal in a row (up to `MAX_WAIT`)."""
        if exc.code == THROUGHPUT:
            # Too many messages from the number in all: everyone waits, not just this person.
            self._throttled += 1
            return Later(_doubled(exc.seconds, self._throttled), everyone=True)
        self._later[lane] = self._later.get(lane, 0) + 1
        return Later(_doubled(exc.seconds, self._later[lane]))

    async def _send_media(self, item: OutboxItem, payload: dict[str, Any]) -> str:
        """A youth worker's photo, voice note or sticker: fetched from Telegram, uploaded."""
        kind = MEDIA_KINDS.get(str(payload.get("kind")), "document")
        if self._fetch_media is None:
            raise MediaUnavailable
        data, mime = await self._fetch_media(str(payload["file_id"]), kind)
        caption = str(payload.get("caption") or "")
        try:
            media_id = await self._client.upload(data, mime)
            body: dict[str, Any] = {"type": kind, kind: {"id": media_id}}
            if caption and kind in ("image", "video", "document"):
                body[kind]["caption"] = caption[:1024]
            wamid = await self._client.send(str(item.chat_id), body)
        except Refused as exc:  # a file WhatsApp does not take (size, type)
            if exc.code in GONE_CODES:
                raise
            raise MediaUnavailable from exc
        if caption and kind not in ("image", "video", "document"):
            wamid = await self._client.send(
                str(item.chat_id), {"type": "text", "text": {"body": caption[:4096]}}
            )
        return wamid

    async def _media_failed(self, payload: dict[str, Any]) -> None:
        log.warning("a youth worker's file could not be passed on to WhatsApp")
        code = payload.get("relay")
        if isinstance(code, str) and self.pipeline is not None:
            await self.pipeline.staff_note(code, "media")

    async def _outside_window(self, item: OutboxItem, payload: dict[str, Any]) -> None:
        """WhatsApp allows free text only within 24 hours of the person's last message. A
        youth worker who wrote later is told so in the topic: the young person must write
        first. Nothing else is retried: it would fail the same way."""
        log.warning("a message falls outside WhatsApp's 24-hour window and is not sent")
        code = payload.get("relay")
        if isinstance(code, str) and self.pipeline is not None:
            await self.pipeline.staff_note(code, "window")

    def _gettext(self, lane: str) -> Callable[[str], str]:
        """Texts of the message itself (a list's button) in the person's language."""
        assert self.pipeline is not None
        translator = self.pipeline.engine.translator
        lang = self.pipeline.recent_lang(lane) or translator.languages[0]
        return lambda message: translator.gettext(lang, message)

    def after_send(self, item: OutboxItem, payload: dict[str, Any], ref: int | str | None) -> None:
        """Nothing to remember for buttons: a tap always carries its own question."""

    def _remember(self, wamid: str, rows: Sequence[OutboxItem]) -> None:
        tries = max(self._tries.pop(row.id, 0) for row in rows)
        self._recent[wamid] = (tuple(rows), tries)
        while len(self._recent) > REMEMBER:
            self._recent.popitem(last=False)


def _doubled(seconds: float, refusals: int) -> float:
    return min(MAX_WAIT, seconds * 2.0 ** min(refusals - 1, 10))


def _mergeable(queue: deque[OutboxItem]) -> list[OutboxItem]:
    """The row to send and the rows right behind it of the same lane that are plain replies."""
    first = queue[0]
    rows = [first]
    for row in list(queue)[1:]:
        if row.lane != first.lane or row.chat_id != first.chat_id:
            break
        if b'"op"' in row.payload:
            break
        rows.append(row)
    return rows


def _largest_single(
    payloads: list[dict[str, Any]], gettext: Callable[[str], str]
) -> tuple[int, list[dict[str, Any]]]:
    """How many of the leading payloads go as one message, and the bodies to send: the most
    that `render` turns into a single message (at least the first, whatever it makes)."""
    best = 1
    for count in range(2, len(payloads) + 1):
        if len(render(payloads[:count], gettext)) != 1:
            break
        best = count
    return best, render(payloads[:best], gettext)
