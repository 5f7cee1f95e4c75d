"""`omarmt run`: every channel whose settings are present, in one process, on one database.

Telegram runs when OMARMT_TELEGRAM_TOKEN is set, WhatsApp when any OMARMT_WHATSAPP_* is;
`--channel` picks one for young people. Youth workers always work in the Telegram forums, so
the Telegram bot also runs for them when staff chats are set, whichever channel is picked.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot.cli import EXIT_CONFIG, EXIT_PROBLEMS, build_engine
from bot.crypto import Box, Pseudonymizer, derive_keys
from bot.engine import Engine
from bot.i18n import CatalogError
from bot.loader import LoadError
from bot.paths import data_root
from bot.safety import detect
from bot.settings import Settings, SettingsError, WhatsAppSettings
from bot.startup import StartError, open_database, signed_in, sole_writer
from bot.stats import roll_up, rollup_cutoff
from bot.storage import BufferedStats
from bot.storage.handoffs import Handoffs
from bot.storage.lanes import LaneLeases
from bot.storage.lease import REPLICAS
from bot.storage.queues import Queues

if TYPE_CHECKING:
    from telegram.ext import ExtBot

    from bot.channels.whatsapp.adapter import FetchMedia

__all__ = ["make_clock", "run"]

log = logging.getLogger(__name__)

#: Telegram's file kinds as the MIME types WhatsApp accepts for an upload.
_MIME = {"image": "image/jpeg", "audio": "audio/ogg", "sticker": "image/webp",
         "video": "video/mp4", "document": "application/octet-stream"}  # fmt: skip


def run(
    settings: Settings,
    *,
    webhook: bool,
    channel: str | None,
    ready: Callable[[], bool] = lambda: True,
) -> int:
    """Run until SIGTERM or Ctrl-C, losing nothing in flight; 0, 1 (problems) or 2 (config).
    `ready` loads what the first message needs once the settings are sound (False: it said
    why, and the exit is 2)."""
    # A stop asked for while the bot still loads (a deploy that changes its mind, a test
    # that is done) is a clean stop, not death by signal: heard from here on, honoured once
    # the event loop takes the signals over.
    early = _EarlyStop()
    try:
        return _run(settings, webhook=webhook, channel=channel, ready=ready, early=early)
    finally:
        early.restore()


class _EarlyStop:
    """Remembers SIGINT/SIGTERM until the event loop's own handlers replace this one."""

    def __init__(self) -> None:
        self.asked = False
        self._previous: dict[int, Any] = {}
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, signal.SIGTERM):
                self._previous[signum] = signal.signal(signum, self._heard)

    def _heard(self, signum: int, frame: object) -> None:
        self.asked = True

    def hand_over(self, stop: asyncio.Event) -> None:
        """From now on the running loop hears the signals and sets `stop`; set at once if
        one came already."""
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        if self.asked:
            stop.set()

    def restore(self) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)


def _run(
    settings: Settings,
    *,
    webhook: bool,
    channel: str | None,
    ready: Callable[[], bool],
    early: _EarlyStop,
) -> int:
    # python-telegram-bot 22 warns that `retry_after` becomes a timedelta; opt in now (the
    # runner reads both forms).
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    from bot.channels.pipeline.core import StuckError  # noqa: PLC0415 - heavy imports, run only

    telegram_people = channel == "telegram" or (channel is None and bool(settings.telegram_token))
    try:
        whatsapp = (
            settings.require_whatsapp()
            if channel == "whatsapp" or (channel is None and settings.whatsapp_present)
            else None
        )
        url = settings.require_webhook() if webhook else ""
        if webhook and not settings.webhook_secret:
            raise SettingsError("OMARMT_WEBHOOK_SECRET", "is required in webhook mode")
        engine, _ = build_engine(data_root(), retention_days=settings.retention_days)
        _check_staff_chats(settings, engine)
    except (LoadError, CatalogError, SettingsError) as exc:
        print(f"omarmt: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    if not ready():
        return EXIT_CONFIG
    if early.asked:
        log.info("omarmt run: stopped before it started")
        return 0
    telegram = bool(settings.telegram_token) and (telegram_people or bool(settings.staff_chats))
    clock = make_clock(settings.clock_start)
    engine.staff_orgs = frozenset(settings.staff_chats) if telegram else frozenset()
    engine.clock = clock
    channels = [name for name, on in (("telegram", telegram_people), ("whatsapp", whatsapp)) if on]
    log.info(
        "omarmt run: starting (%s%s)",
        ", ".join(channels),
        "; Telegram by webhook" if webhook and telegram else "",
    )
    try:
        return asyncio.run(
            _serve(
                settings,
                engine,
                clock,
                telegram=telegram,
                people=telegram_people,
                whatsapp=whatsapp,
                webhook_url=url,
                early=early,
            )
        )
    except StartError as exc:
        print(f"omarmt: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    except StuckError as exc:
        print(f"omarmt: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS


async def _serve(
    settings: Settings,
    engine: Engine,
    clock: Callable[[], datetime],
    *,
    telegram: bool,
    people: bool,
    whatsapp: WhatsAppSettings | None,
    webhook_url: str,
    early: _EarlyStop,
) -> int:
    from bot.channels.pipeline.core import Pipeline  # noqa: PLC0415
    from bot.channels.pipeline.liveness import Liveness, heartbeat_path  # noqa: PLC0415
    from bot.channels.telegram.runner import TelegramChannel  # noqa: PLC0415
    from bot.channels.telegram.staff import Desk  # noqa: PLC0415
    from bot.channels.telegram.webhook import Webhook  # noqa: PLC0415

    assert settings.secret is not None
    keys = derive_keys(settings.secret)
    stop = asyncio.Event()
    early.hand_over(stop)
    async with AsyncExitStack() as stack:
        database = await stack.enter_async_context(open_database(settings.db))
        # On a database server several replicas may run: each takes in, one leads.
        shared = database.backend == "postgresql"
        writer = await stack.enter_async_context(sole_writer(database, keys, stop, wait=shared))
        bot = await stack.enter_async_context(_telegram_bot(settings)) if telegram else None
        box = Box(writer.keys.box_key)
        pseudonymize = Pseudonymizer(writer.keys.pseudonym_key)
        desk = (
            Desk(Handoffs(database, box), settings.staff_chats)
            if settings.staff_chats and bot is not None
            else None
        )
        queues = Queues(database, box)
        # Replicas: per person, the replica holding their lane; one process: the lease.
        lanes = LaneLeases(database, writer.writer.holder.token, REPLICAS) if shared else None
        queues.fence = lanes.fence if lanes is not None else writer.fence()
        others = []
        if whatsapp is not None:
            others.append(await _whatsapp(stack, whatsapp, engine, pseudonymize, _fetcher(bot)))
        common: dict[str, Any] = {
            "engine": engine,
            "sessions": database.sessions(box),
            "queues": queues,
            "stats": BufferedStats(database.stats()),
            "retention_days": settings.retention_days,
            # Statistics of months ended become monthly totals, as `omarmt purge` does.
            "daily": (lambda: roll_up(database, rollup_cutoff(datetime.now(UTC).date())),),
            "desk": desk,
            "clock": clock,
            "handoff_wait": timedelta(minutes=settings.handoff_wait_minutes),
            "liveness": Liveness(heartbeat_path(settings.db, settings.alive)),
            "lanes": lanes,
        }
        pipeline: Pipeline
        hook = None
        if bot is not None:
            pipeline = TelegramChannel(
                bot,
                pseudonymize=pseudonymize,
                is_crisis=lambda text: detect(text) is not None,
                others=others,
                **common,
            )
            pipeline.telegram.people = people
            if webhook_url:
                hook = Webhook(
                    pipeline,
                    url=webhook_url,
                    secret=settings.webhook_secret or "",
                    host=settings.webhook_host,
                    port=settings.webhook_port,
                )
        else:
            pipeline = Pipeline(others, **common)
        for adapter in others:
            adapter.pipeline = pipeline
        lead = None
        if shared:

            async def lead() -> bool:
                return await writer.take(beat=pipeline.liveness.beat)

        try:
            if isinstance(pipeline, TelegramChannel):
                # The webhook is set once the pipeline is ready (the handoff desk loaded); a
                # replica standing by already listens, and stores what comes.
                await pipeline.run(
                    stop,
                    poll=hook is None,
                    ready=hook.start if hook else None,
                    lead=lead,
                    listen=hook.listen if hook else None,
                )
            else:
                await pipeline.run(stop, lead=lead)
        finally:
            if hook is not None:
                await hook.stop()
        if writer.wrong_secret:
            msg = "the secret was rotated while this replica stood by: start it with the new one"
            raise StartError(msg)
        return EXIT_PROBLEMS if writer.lost else 0


@asynccontextmanager
async def _telegram_bot(settings: Settings) -> AsyncIterator[ExtBot[Any]]:
    from telegram.ext import AIORateLimiter, ExtBot  # noqa: PLC0415

    from bot.channels.telegram.request import AiohttpRequest  # noqa: PLC0415

    limiter = AIORateLimiter() if settings.telegram_rate_limit else None
    bot: ExtBot[Any] = ExtBot(
        settings.telegram_token or "",
        base_url=settings.telegram_api_url,
        base_file_url=_file_url(settings.telegram_api_url),
        rate_limiter=limiter,
        request=AiohttpRequest(),
        get_updates_request=AiohttpRequest(connection_pool_size=1),
    )
    async with signed_in(bot):
        yield bot


async def _whatsapp(
    stack: AsyncExitStack,
    settings: WhatsAppSettings,
    engine: Engine,
    pseudonymize: Pseudonymizer,
    fetch_media: FetchMedia | None,
) -> Any:
    from bot.channels.whatsapp.adapter import WhatsAppAdapter  # noqa: PLC0415
    from bot.channels.whatsapp.client import WaClient  # noqa: PLC0415
    from bot.channels.whatsapp.webhook import webhook_server  # noqa: PLC0415

    client = await stack.enter_async_context(
        WaClient(settings.token, settings.phone_number_id, settings.api_url)
    )
    return WhatsAppAdapter(
        client,
        phone_number_id=settings.phone_number_id,
        pseudonymize=pseudonymize,
        is_crisis=lambda text: detect(text) is not None,
        sources=frozenset(engine.content.sources),
        serve=webhook_server(
            host=settings.host,
            port=settings.port,
            app_secret=settings.app_secret,
            verify_token=settings.verify_token,
        ),
        fetch_media=fetch_media,
    )


def _file_url(api_url: str) -> str:
    """Where the Bot API serves files: ``<server>/file/bot`` next to ``<server>/bot`` (a
    youth worker's photo is fetched there to go to WhatsApp; never api.telegram.org when
    another server is set)."""
    head, bot, tail = api_url.rstrip("/").rpartition("/bot")
    return f"{head}/file/bot" if bot and not tail else f"{api_url.rstrip('/')}/file/bot"


def _fetcher(bot: ExtBot[Any] | None) -> FetchMedia | None:
    """A youth worker's file, fetched from Telegram to be uploaded to WhatsApp."""
    if bot is None:
        return None
    telegram = bot

    async def fetch(file_id: str, kind: str) -> tuple[bytes, str]:
        from telegram.error import BadRequest, TelegramError  # noqa: PLC0415

        from bot.channels.whatsapp.adapter import MediaUnavailable  # noqa: PLC0415

        try:
            file = await telegram.get_file(file_id)
            data = bytes(await file.download_as_bytearray())
        except BadRequest as exc:  # too big for the Bot API (20 MB), or gone
            raise MediaUnavailable from exc
        except TelegramError as exc:  # the network, or Telegram busy: the sender retries
            raise ConnectionError(type(exc).__name__) from exc
        return data, _MIME.get(kind, _MIME["document"])

    return fetch


def make_clock(start: datetime | None) -> Callable[[], datetime]:
    """The bot's clock: the real one, or (for tests and demos) one that starts at `start` and
    runs on from there."""
    if start is None:
        return lambda: datetime.now(UTC)
    offset = start - datetime.now(UTC)
    return lambda: datetime.now(UTC) + offset


def _check_staff_chats(settings: Settings, engine: Engine) -> None:
    known = {org.key for org in engine.content.organisations}
    for key in settings.staff_chats:
        if key not in known:
            raise SettingsError(
                f"OMARMT_STAFF_CHAT_{key.upper()}",
                f"names no organisation in content (known: {', '.join(sorted(known))})",
            )
