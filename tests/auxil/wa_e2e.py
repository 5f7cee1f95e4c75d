"""Helpers for WhatsApp's end-to-end tests: `omarmt run` against the local Cloud API server.

The bot's webhook listens on a free loopback port; the test server delivers to it, signed,
and retries until it answers 200 (so a message sent before the bot listens waits for it).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.auxil.botapi import BotApiServer
from tests.auxil.e2e import BotProcess
from tests.auxil.ports import free_port
from tests.auxil.waapi import WhatsAppServer
from tests.auxil.waapi_people import WaUser

__all__ = ["VERIFY", "WaBot", "free_port", "shown", "stopped_cleanly", "stored", "wait_text"]

VERIFY = "a-verify-token-we-chose"


class WaBot(BotProcess):
    """`omarmt run` with WhatsApp (and Telegram for staff when `telegram` is given)."""

    def __init__(
        self, wa: WhatsAppServer, db: Path, telegram: BotApiServer | None = None, **env: str
    ) -> None:
        self.port = free_port()
        settings = {
            "OMARMT_WHATSAPP_TOKEN": wa.token,
            "OMARMT_WHATSAPP_PHONE_NUMBER_ID": wa.phone_number_id,
            "OMARMT_WHATSAPP_APP_SECRET": wa.app_secret,
            "OMARMT_WHATSAPP_VERIFY_TOKEN": VERIFY,
            "OMARMT_WHATSAPP_API_URL": wa.url,
            "OMARMT_WHATSAPP_LISTEN": f"127.0.0.1:{self.port}",
        }
        super().__init__(telegram, db, **{**settings, **env})
        self.wa = wa
        wa.deliver_to(self.url)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/whatsapp"

    async def start(self, *args: str) -> None:
        """Starts the bot and waits until its webhook listens (or it stopped: a test of a bad
        setting reads why). On a loaded machine the start (rules, word lists, model) can take
        longer than a test gives one delivery."""
        await super().start(*args)
        async with asyncio.timeout(60):
            while self.proc is not None and self.proc.returncode is None:
                try:
                    _reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
                except OSError:
                    await asyncio.sleep(0.05)
                    continue
                writer.close()
                await writer.wait_closed()
                return


def shown(wa: WhatsAppServer, user: WaUser) -> list[str]:
    """Everything the person saw, each message as its text and its choices' titles."""
    lines = []
    for message in wa.received(user):
        visible = wa.visible(message)
        lines.append("\n".join([visible.text, *visible.titles]))
    return lines


async def wait_text(
    wa: WhatsAppServer, user: WaUser, fragment: str, *, after: int = 0, within: float = 20
) -> int:
    """Waits until a message after the first `after` shows `fragment`; returns the count."""

    def found() -> int:
        seen = shown(wa, user)
        return len(seen) if any(fragment.casefold() in s.casefold() for s in seen[after:]) else 0

    try:
        return await wa.wait_for(found, within)
    except TimeoutError:
        raise TimeoutError(
            f"{fragment!r} not shown to {user.name} within {within} s: {shown(wa, user)[after:]}"
        ) from None


async def stopped_cleanly(bot: WaBot) -> str:
    """Stops the bot, which must exit 0 without a traceback; returns its log."""
    code, err = await bot.stop()
    assert code == 0, err
    assert "Traceback" not in err, err
    return err


def stored(db: Path) -> bytes:
    """The database file with its WAL and other companions, as bytes."""
    return b"".join(p.read_bytes() for p in db.parent.glob(f"{db.name}*"))
