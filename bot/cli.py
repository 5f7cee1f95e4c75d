"""The command line and composition root: settings → storage → engine → channel."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot import __version__
from bot.crypto import Box, Pseudonymizer, derive_keys
from bot.engine import Engine
from bot.engine.engine import ACTIONS
from bot.i18n import CatalogError, Catalogs
from bot.loader import LoadError, load_content, load_flow
from bot.paths import data_root
from bot.safety import detect
from bot.safety.detector import ruleset, warm_up
from bot.safety.model import ModelError
from bot.service import Conversations
from bot.settings import (
    Settings,
    SettingsError,
    db_setting,
    load_environ,
    local_secret,
    new_secret,
)
from bot.stats import MAX_EVENT_DAYS, roll_up, rollup_cutoff, run_stats
from bot.storage import BufferedStats
from bot.storage.keys import WrongSecretError, rotate, unlock
from bot.storage.lease import Holder, LeaseHeldError, acquire, release
from bot.storage.postgres import others_connected

__all__ = ["build_engine", "main"]

log = logging.getLogger("omarmt")

EXIT_PROBLEMS = 1
EXIT_CONFIG = 2


def build_engine(root: Path, *, retention_days: int) -> tuple[Engine, Catalogs]:
    """Loads flows, content and catalogs from `root`; raises LoadError or CatalogError."""
    catalogs = Catalogs.load(root / "locales")
    flow = load_flow(root / "flows", actions=ACTIONS, languages=catalogs.languages)
    content = load_content(root / "content")
    engine = Engine(
        flow,
        content,
        catalogs,
        detect,
        retention_days=retention_days,
        stats_days=MAX_EVENT_DAYS,
    )
    return engine, catalogs


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="omarmt", description="Omarmt: a chatbot for lonely young adults in Utrecht."
    )
    parser.add_argument("--version", action="version", version=f"omarmt {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="run the bot on every channel whose settings are present")
    run.add_argument("--webhook", action="store_true", help="serve Telegram webhooks")
    run.add_argument(
        "--channel",
        choices=("telegram", "whatsapp"),
        help="run only this channel for young people (youth workers stay on Telegram)",
    )

    chat = sub.add_parser("chat", help="chat in the terminal (try-out mode, no token needed)")
    chat.add_argument("--lang", help="language to start in (nl, en); /taal still switches")
    chat.add_argument(
        "--db", type=db_setting, help="SQLite file or postgresql:// URL (default: OMARMT_DB)"
    )

    stats = sub.add_parser(
        "stats",
        help="the anonymous statistics report",
        description="The anonymous statistics report: counts per period, rounded, with small "
        "counts withheld (see docs/stats.md). Reads the database, changes nothing.",
    )
    stats.add_argument(
        "--db",
        type=db_setting,
        help="SQLite file or postgresql:// URL to read (default: OMARMT_DB or omarmt.sqlite3)",
    )
    stats.add_argument(
        "--since", metavar="DATE", help="first day counted, e.g. 2026-09-01 (default: the first)"
    )
    stats.add_argument(
        "--until", metavar="DATE", help="last day counted, included (default: the last)"
    )
    stats.add_argument(
        "--by",
        choices=("day", "week", "month"),
        default="week",
        help="one row per day, ISO week or month (default: week)",
    )
    stats.add_argument(
        "--format",
        choices=("table", "csv", "tidy", "json", "html"),
        default="table",
        help="table: text for the terminal; csv: tables for Dutch Excel; tidy: one "
        "value per line (period,measure,group,value) for pandas or R; json; html: a page "
        "with charts (default: table)",
    )
    stats.add_argument(
        "--output", type=Path, metavar="FILE", help="write to FILE instead of standard output"
    )
    stats.add_argument(
        "--min-cell",
        type=int,
        default=10,
        metavar="N",
        help="the floor: a count below N is shown as <N, larger counts are rounded to "
        "a multiple of 5 (default: 10, at least 2)",
    )

    sub.add_parser("health", help="exit 0 when a running bot's loops make progress")

    chk = sub.add_parser("check", help="validate flows, content and catalogs")
    chk.add_argument("--root", type=Path, help="folder with flows/, content/ and locales/")

    purge = sub.add_parser("purge", help="apply the retention period now")
    purge.add_argument(
        "--db",
        type=db_setting,
        help="SQLite file or postgresql:// URL (default: OMARMT_DB or omarmt.sqlite3)",
    )

    sub.add_parser(
        "rotate-secret",
        help="re-seal the database under OMARMT_NEW_SECRET (with the bot stopped)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; exit 0 ok, 1 problems found, 2 configuration error."""
    args = _parser().parse_args(argv)
    try:
        environ = load_environ(Path.cwd(), os.environ)
        running = args.command == "run"
        # `run` needs a Telegram token unless it runs WhatsApp alone; always the secret.
        channel = getattr(args, "channel", None)
        alone = channel == "whatsapp" or (channel is None and Settings.whatsapp_given(environ))
        settings = Settings.from_env(
            environ, need_telegram=running and not alone, need_secret=running
        )
    except SettingsError as exc:
        print(f"omarmt: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    # The terminal try-out talks to a person on the same screen: only warnings, unless asked.
    quiet = args.command == "chat" and "OMARMT_LOG_LEVEL" not in environ
    logging.basicConfig(
        level="WARNING" if quiet else settings.log_level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    quiet_libraries()
    if args.command == "check":
        return _check(args.root)
    if args.command == "health":
        return _health(heartbeat_file(settings))
    if args.command == "chat" and not _rules_ready():
        return EXIT_CONFIG
    if args.command == "chat":
        return _chat(settings, args.lang, args.db)
    if args.command == "purge":
        return _purge_command(args.db or settings.db, settings.retention_days)
    if args.command == "run":
        from bot.run import run  # noqa: PLC0415 - only `run` needs the channels' libraries

        # The crisis rules compile once the channels' settings are found sound: a typo in
        # them is said at once, not after seconds of compiling.
        return run(settings, webhook=args.webhook, channel=args.channel, ready=_rules_ready)
    if args.command == "rotate-secret":
        return _rotate_secret(settings, environ)
    if args.command == "stats":
        return asyncio.run(run_stats(args.db or settings.db, args))
    return EXIT_PROBLEMS  # argparse allows no other command


#: Libraries whose debug (and info) lines carry chat ids, message text or the bot's token in
#: URLs: they stay at WARNING whatever OMARMT_LOG_LEVEL says.
CHATTY_LIBRARIES = ("telegram", "httpx", "httpcore", "aiosqlite", "aiohttp", "asyncio")


def quiet_libraries() -> None:
    """Keep the libraries' own loggers at WARNING (see `CHATTY_LIBRARIES`)."""
    for name in CHATTY_LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING)


def _rules_ready() -> bool:
    """Load and compile the crisis rules before the first message, or say why not."""
    problems = ruleset().problems
    if problems:
        print(
            f"omarmt: the crisis rules do not load ({problems[0]}); run omarmt check",
            file=sys.stderr,
        )
        return False
    try:
        warm_up()  # the first young person should not wait for the rules and word lists
    except ModelError as exc:
        print(f"omarmt: the crisis model {exc}", file=sys.stderr)
        return False
    return True


def _check(root: Path | None) -> int:
    from bot.check import check  # noqa: PLC0415 - the other commands (--version) start faster

    base = root or data_root()
    problems = check(base, Path(__file__).resolve().parent)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"omarmt check: {len(problems)} problem(s)", file=sys.stderr)
        return EXIT_PROBLEMS
    print("omarmt check: flows, content and catalogs are fine")
    return 0


def heartbeat_file(settings: Settings) -> Path:
    """Where `omarmt run` touches its heartbeat and `omarmt health` looks for it."""
    from bot.channels.pipeline.liveness import heartbeat_path  # noqa: PLC0415

    return heartbeat_path(settings.db, settings.alive)


def _health(alive: Path) -> int:
    """For Docker's HEALTHCHECK: is the heartbeat of `omarmt run` on this database fresh?"""
    from bot.channels.pipeline.liveness import (  # noqa: PLC0415 - only health needs it
        HEALTHY_WITHIN,
        heartbeat_age,
    )

    age = heartbeat_age(alive)
    if age is None:
        print("omarmt health: no heartbeat: omarmt run has not started here", file=sys.stderr)
        return EXIT_PROBLEMS
    if age > HEALTHY_WITHIN:
        print(f"omarmt health: no heartbeat for {age:.0f} s: stuck or stopped", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"omarmt health: alive (heartbeat {age:.0f} s ago)")
    return 0


def _chat(settings: Settings, lang: str | None, db: Path | str | None) -> int:
    from bot.channels.terminal import run_terminal  # noqa: PLC0415 - only chat needs it
    from bot.startup import StartError, open_database  # noqa: PLC0415 - as in _check

    path = db or settings.db
    try:
        engine, catalogs = build_engine(data_root(), retention_days=settings.retention_days)
        if lang is not None and lang not in catalogs.languages:
            print(
                f"omarmt chat: --lang {lang!r} does not exist; "
                f"choose one of {', '.join(catalogs.languages)}",
                file=sys.stderr,
            )
            return EXIT_CONFIG
        secret = settings.secret
        if secret is None:
            beside = path if isinstance(path, Path) else Path("omarmt")
            secret, created = local_secret(beside)
            note = "created" if created else "using"
            print(
                f"omarmt chat: {note} a local secret in {beside.name}.secret; "
                "this is for trying out only (set OMARMT_SECRET for real use).",
                file=sys.stderr,
            )
    except (LoadError, CatalogError, SettingsError) as exc:
        print(f"omarmt: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    banner_lang = lang or catalogs.languages[0]

    def banner(interactive: bool) -> str:  # noqa: FBT001 - the terminal's callback shape
        def _(message: str) -> str:
            return catalogs.gettext(banner_lang, message)

        text = _("Omarmt in the terminal, for trying out. Type a message to begin.")
        if interactive:
            # NOTE: The bot's own way to stop; Ctrl-D closes the terminal program itself.
            text += "\n" + _("Type /stop to stop. Ctrl-D closes the terminal chat.")
        return text

    async def go() -> int:
        async with open_database(path) as database:
            try:
                keys = await unlock(database, derive_keys(secret))
            except WrongSecretError as exc:
                raise StartError(str(exc)) from None
            stats = BufferedStats(database.stats())
            conversations = Conversations(
                engine,
                database.sessions(Box(keys.box_key)),
                stats,
                Pseudonymizer(keys.pseudonym_key),
            )
            try:
                return await run_terminal(
                    conversations,
                    lang_hint=lang,
                    stdin=sys.stdin,
                    stdout=sys.stdout,
                    banner=banner,
                )
            finally:
                await stats.flush()

    try:
        return asyncio.run(go())
    except KeyboardInterrupt:
        print(file=sys.stdout)
        return 0
    except StartError as exc:
        print(f"omarmt: {exc}", file=sys.stderr)
        return EXIT_CONFIG


def _purge_command(place: Path | str, days: int) -> int:
    from bot.startup import StartError  # noqa: PLC0415 - as in _check

    try:
        return asyncio.run(_purge(place, days))
    except StartError as exc:
        print(f"omarmt: {exc}", file=sys.stderr)
        return EXIT_CONFIG


async def _purge(path: Path | str, days: int) -> int:
    from bot.startup import open_database  # noqa: PLC0415 - as in _check

    before = datetime.now(UTC) - timedelta(days=days)
    async with open_database(path) as database:
        erased = await database.purge_sessions(before)
        rolled = await roll_up(database, rollup_cutoff(datetime.now(UTC).date()))
    print(f"omarmt purge: erased {erased} conversation(s) inactive for more than {days} days")
    print(
        f"omarmt purge: {rolled} stats event(s) of ended months kept as monthly totals only "
        f"(no event is kept longer than {MAX_EVENT_DAYS} days)"
    )
    return 0


def _rotate_secret(settings: Settings, environ: dict[str, str]) -> int:
    """`omarmt rotate-secret`: every sealed value re-sealed under OMARMT_NEW_SECRET, at once."""
    from bot.startup import StartError, open_database  # noqa: PLC0415 - as in _check

    try:
        old, new = new_secret(environ, settings.secret)
    except SettingsError as exc:
        print(f"omarmt: {exc}", file=sys.stderr)
        return EXIT_CONFIG

    async def go() -> int:
        async with open_database(settings.db) as database:
            holder = Holder.me()
            try:
                keys = await unlock(database, derive_keys(old))
                await acquire(database, holder)
            except (WrongSecretError, LeaseHeldError) as exc:
                raise StartError(str(exc)) from None
            # A replica standing by holds no lease, yet seals what it takes in with the old
            # secret, and would lead with it: every replica must be stopped.
            others = await others_connected(database)
            if others:
                await release(database, holder)
                msg = (
                    f"{others} other omarmt connection(s) to this database (replicas standing "
                    "by?); stop every replica first"
                )
                raise StartError(msg)
            try:
                count = await rotate(database, keys, derive_keys(new))
            finally:
                await release(database, holder)
        print(
            f"omarmt rotate-secret: {count} sealed value(s) now under the new secret; "
            "set OMARMT_SECRET to it (and remove OMARMT_NEW_SECRET) before the next start"
        )
        return 0

    try:
        return asyncio.run(go())
    except StartError as exc:
        print(f"omarmt: {exc}", file=sys.stderr)
        return EXIT_CONFIG
