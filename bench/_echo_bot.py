"""The floor for bench/telegram.py: a bare python-telegram-bot echo bot, nothing else.

Started by the benchmark as a subprocess with ECHO_TOKEN and ECHO_API_URL pointing at the local
Bot API test server. Default `Application` (default httpx transport), long polling, every text
sent back with sendMessage. Updates are handled concurrently, as Omarmt handles different people
concurrently: with PTB's default (one update at a time) the floor's latency would be unfairly high.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Run as a script, this folder comes first on sys.path, and its telegram.py (the benchmark)
# would shadow python-telegram-bot.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]

from telegram import Update  # noqa: E402
from telegram.ext import Application, ContextTypes, MessageHandler, filters  # noqa: E402


async def _echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is not None and message.text is not None:
        await context.bot.send_message(message.chat_id, message.text)


def main() -> None:
    """Runs until SIGTERM or SIGINT (run_polling's default stop signals)."""
    app = (
        Application.builder()
        .token(os.environ["ECHO_TOKEN"])
        .base_url(os.environ["ECHO_API_URL"])
        .concurrent_updates(True)  # noqa: FBT003 - the builder's own API
        .build()
    )
    app.add_handler(MessageHandler(filters.TEXT, _echo))
    app.run_polling(allowed_updates=[Update.MESSAGE], timeout=25)


if __name__ == "__main__":
    main()
