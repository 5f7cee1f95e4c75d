"""Omarmt on WhatsApp under load, beside the same Omarmt on Telegram for the CPU per update.

`omarmt run --channel whatsapp` runs as a subprocess against the local Cloud API test server
(tests/auxil/waapi.py) in this process, on 127.0.0.1 only: the server signs and posts Meta's
webhooks to the bot's /whatsapp and takes the bot's Graph API calls. N simulated people go
through the whole check at once (hoi, ja, an age, nee, six statements, a wish: the script of
bench/telegram.py); each sends the next message only once the bot has answered the previous
one. Every other person taps (a reply button or list row whose title is what they would type,
"17" picks "16 of 17"), the others type, as the WhatsApp end-to-end tests do.

The server runs with Meta's documented pair rate, `pair_limit=(45, 6.0)`: a burst of 45
messages to one person, then one per 6 seconds. The bot merges a turn's replies into one
message, so one person's check stays inside the burst; a 131056 here would be a bug, and the
count of refused sends is printed. Throughput is off (`throughput=None`): Meta's default of 80
messages per second per number (1,000 after an upgrade) is a limit of the account, not a cost
of the bot. 200 people answering at once make more than 80 per second on loopback, and the
bot's answer to 130429 (everyone waits 5 s) would then make the latencies a measure of Meta's
cap instead of the bot, and the CPU figure incomparable with Telegram's (which runs with
Omarmt's rate limiter off as well).

Figures:

- **Webhook answer time**: the test server times every POST to /whatsapp (`webhook_answers`:
  from the request to the answer, retries included) during the crowd; the bot answers 200 only
  once the body is stored. Meta's guidance, and the target: p99 ≤ 250 ms. The people and the
  server share this process (pinned to the other core), so its own event-loop lag is in it.
  The server's webhook client may open a connection per person here (aiohttp's default pool
  of 100 would make 200 people's deliveries queue in the test server itself, a wait Meta would
  not count against the bot). Meta's verification GET, sent every 50 ms during the crowd,
  goes through the same two event loops and HTTP stacks but stores nothing: the gap between
  its times and the POSTs' is the storing.
- **Full answer**: from handing the person's message to the server to the arrival at the server
  of the bot's message with the next question's buttons or list; "first reply" the first
  message (the same here: a turn's replies go as one message).
- **CPU per update**: utime + stime of the bot process (/proc/<pid>/stat) during the crowd, per
  person's message answered. On WhatsApp the bot also takes two status webhooks (sent,
  delivered) per message it sends; they are part of the cost. Then, in the same invocation,
  bench/telegram.py's Omarmt run with the same people: the target is that WhatsApp's figure is
  no more than Telegram's.
- **RSS growth**: M distinct people each say "hoi" and get the welcome; the growth of VmRSS
  (/proc/<pid>/status) over them, scaled to 10,000 people (target ≤ 20 MB). Below 10,000 the
  scaling overstates what is bounded (the 2,000 sends remembered for failed statuses, allocator
  arenas) and is linear for the rest (the remembered states of up to 10,000 people).

Run: ``python bench/whatsapp.py [--users N] [--distinct M] [--think S] [--profile FILE]``.
With --profile Omarmt on WhatsApp runs under cProfile (its figures are then inflated) and the
top entries are printed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# Run as a script, this folder must not shadow python-telegram-bot (bench/telegram.py).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(ROOT))

from bench import telegram  # noqa: E402
from bench._load import (  # noqa: E402
    CORES,
    Ask,
    Figures,
    Listener,
    Person,
    ask,
    bot_env,
    kill_children,
    load_arguments,
    log_tail,
    percentile,
    pin,
    running,
    script,
    start_process,
    stop_process,
    timed_crowd,
    timed_distinct,
    verdict,
    warm_up,
)
from tests.auxil.wa_e2e import VERIFY, free_port  # noqa: E402
from tests.auxil.waapi import Visible, WaUser, WhatsAppServer  # noqa: E402

SECRET = telegram.SECRET
START_TIMEOUT = 60.0  # seconds the bot may take to answer Meta's verification GET
PAIR_LIMIT = (45, 6.0)  # Meta's documented pair rate: a burst of 45, then one per 6 s
PROBE_EVERY = 0.05  # seconds between verification GETs during the crowd
TARGET_USERS = 200
TARGET_WEBHOOK_P99_MS = 250.0
TARGET_RSS_MB = 20.0
TARGET_RSS_USERS = 10_000


def asks_a_question(message: dict[str, Any]) -> bool:
    """Omarmt's answer is complete with the message that shows reply buttons or a list."""
    return message.get("type") == "interactive"


class Server(WhatsAppServer):
    """The test server, telling each person's waiting listener about every message sent to them."""

    def __init__(self) -> None:
        super().__init__(pair_limit=PAIR_LIMIT, throughput=None)
        self.listeners: dict[Hashable, Listener] = {}
        self._by_phone: dict[str, str] = {}
        self.typed = 0  # messages typed
        self.tapped = 0  # buttons tapped and list rows picked

    async def start(self) -> None:
        """Listens; its webhook client may open a connection per person (see the docstring)."""
        await super().start()
        self.webhook._session = aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=self.webhook.timeout),
            connector=aiohttp.TCPConnector(limit=0),
        )

    def person(self, user_id: int) -> WaUser:
        """A made-up young person (phone number and business-scoped id)."""
        user = self.user(f"P{user_id}")
        self._by_phone[user.wa_id] = user.key
        return user

    def _notify(self) -> None:
        super()._notify()
        call = self.requests[-1]  # the Graph API call just answered
        if call.path != "messages" or not call.ok or "type" not in call.body:
            return  # an upload, a refusal, or a read mark
        key = call.body.get("recipient") or self._by_phone.get(str(call.body.get("to")))
        listener = self.listeners.get(key)
        if listener is not None:
            listener(call.time, call.body)


def choice_for(shown: Visible, text: str) -> str | None:
    """The button or row a person taps instead of typing `text`, if the message offers it."""
    wanted = text.casefold()
    for choice in shown.buttons or shown.rows:
        title = choice.title.casefold()
        if title == wanted or wanted in title.split():
            return choice.id
    return None


def people(wa: Server) -> Person:
    """People on WhatsApp: odd ids tap where they can, even ids type."""

    def person(user_id: int) -> Ask:
        user = wa.person(user_id)
        question: list[Visible] = []  # the last question they were asked

        def done(message: dict[str, Any]) -> bool:
            if not asks_a_question(message):
                return False
            question[:] = [wa.visible(message)]
            return True

        async def talk(text: str) -> tuple[float, float]:
            picked = choice_for(question[0], text) if question and user_id % 2 else None

            async def send() -> None:
                if picked is None:
                    wa.typed += 1
                    await wa.send_text(user, text, wait=False)
                    return
                wa.tapped += 1
                if question[0].type == "button":
                    await wa.tap_button(user, picked, wait=False)
                else:
                    await wa.pick_row(user, picked, wait=False)

            return await ask(wa.listeners, user.key, send, done)

        return talk

    return person


# --- the bot process ---


def omarmt(wa: Server, tmp: Path, port: int, profile: Path | None) -> int:
    """`omarmt run --channel whatsapp` against the server: a fresh database, no .env."""
    env = bot_env(
        OMARMT_WHATSAPP_TOKEN=wa.token,
        OMARMT_WHATSAPP_PHONE_NUMBER_ID=wa.phone_number_id,
        OMARMT_WHATSAPP_APP_SECRET=wa.app_secret,
        OMARMT_WHATSAPP_VERIFY_TOKEN=VERIFY,
        OMARMT_WHATSAPP_API_URL=wa.url,
        OMARMT_WHATSAPP_LISTEN=f"127.0.0.1:{port}",
        OMARMT_SECRET=SECRET,
        OMARMT_DB=str(tmp / "bench.sqlite3"),
    )
    prefix = ["-m", "cProfile", "-o", str(profile)] if profile else []
    args = [*prefix, "-m", "bot", "run", "--channel", "whatsapp"]
    return start_process(args, env, tmp, tmp / "omarmt.log")


async def _wait_started(wa: Server, pid: int, url: str, log: Path) -> None:
    """Until the webhook answers Meta's verification (the bot listens once it can store)."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline and running(pid):
        with contextlib.suppress(aiohttp.ClientError, TimeoutError):
            if await wa.verify(url, VERIFY, "42") == (200, "42"):
                return
        await asyncio.sleep(0.1)
    tail = await log_tail(log)
    raise RuntimeError(f"bot {pid} did not answer on {url}; its log ends:\n{tail}")


async def _probe(wa: Server, url: str, into: list[float]) -> None:
    """Meta's verification GET every PROBE_EVERY s: the same HTTP and event loops as a
    delivery, but nothing to store, so the gap to the webhook's times is the storing."""
    while True:
        started = time.monotonic()
        with contextlib.suppress(aiohttp.ClientError, TimeoutError):
            status, _ = await wa.verify(url, VERIFY, "1")
            if status == 200:
                into.append(time.monotonic() - started)
        await asyncio.sleep(PROBE_EVERY)


@dataclass
class WaFigures(Figures):
    """What the bot did on WhatsApp, with the webhook's side."""

    webhook_seconds: list[float] = field(default_factory=list)
    probe_seconds: list[float] = field(default_factory=list)
    webhook_not_ok: int = 0
    refused_sends: dict[int, int] = field(default_factory=dict)  # Graph error code: count
    typed: int = 0
    tapped: int = 0


async def measure_whatsapp(
    tmp: Path, users: int, distinct: int, profile: Path | None
) -> WaFigures:
    """Omarmt on WhatsApp: start, warm up, the crowd, the distinct people, stop."""
    figures = WaFigures("whatsapp", users)
    port = free_port()
    log = tmp / "omarmt.log"
    async with Server() as wa:
        url = f"http://127.0.0.1:{port}/whatsapp"
        wa.deliver_to(url)
        pid = omarmt(wa, tmp, port, profile)
        try:
            pin(pid, 1)
            await _wait_started(wa, pid, url, log)
            person = people(wa)
            await warm_up(person)
            before = len(wa.webhook_answers)
            probing = asyncio.create_task(_probe(wa, url, figures.probe_seconds))
            try:
                await timed_crowd(pid, figures, person)
            finally:
                probing.cancel()
            crowd = wa.webhook_answers[before:]
            figures.webhook_seconds = [answer.seconds for answer in crowd]
            figures.webhook_not_ok = sum(answer.status != 200 for answer in crowd)
            await timed_distinct(pid, figures, person, distinct)
            figures.typed, figures.tapped = wa.typed, wa.tapped
            for call in wa.errors_answered:
                code = call.error_code or call.status
                figures.refused_sends[code] = figures.refused_sends.get(code, 0) + 1
        finally:
            figures.exit_code = await stop_process(pid)
    return figures


async def measure_telegram(tmp: Path, users: int) -> Figures:
    """bench/telegram.py's Omarmt run with the same people (no distinct people)."""
    return await telegram.measure(
        "telegram",
        launch=telegram.omarmt(tmp, None),
        done=telegram.asks_a_question,
        users=users,
        distinct=0,
        log=tmp / "omarmt.log",
    )


# --- report ---


def _ms(values: Sequence[float]) -> str:
    return " / ".join(f"{percentile(values, pct):.1f}" for pct in (50, 95, 99))


def report(wa: WaFigures, tg: Figures, distinct: int) -> None:
    """The table, then each target as a met / NOT met line."""
    width = 40

    def row(label: str, ours: str, theirs: str = "") -> None:
        print(f"{label:<{width}}{ours:>24}{theirs:>24}")

    print()
    row("", "whatsapp", "telegram")
    row("people through the check at once", str(wa.users), str(tg.users))
    row("messages typed / tapped (all phases)", f"{wa.typed} / {wa.tapped}", "typed")
    row("updates answered / failures", *(
        f"{len(f.latencies.full)} / {f.latencies.failures}" for f in (wa, tg)
    ))  # fmt: skip
    row("updates/s", *(f"{f.rate:.0f}" for f in (wa, tg)))
    row("CPU s per 1,000 updates (bot)", *(f"{f.cpu_per_1000:.3f}" for f in (wa, tg)))
    row("server+people CPU s per 1,000", *(
        f"{f.server_cpu / f.updates * 1000:.3f}" if f.updates else "-" for f in (wa, tg)
    ))  # fmt: skip
    row("full answer p50 / p95 / p99 ms", *(_ms(f.latencies.full) for f in (wa, tg)))
    row("first reply p50 / p95 / p99 ms", *(_ms(f.latencies.first) for f in (wa, tg)))
    row("full answer max ms", *(f"{percentile(f.latencies.full, 100):.1f}" for f in (wa, tg)))
    row("webhook answer p50 / p95 / p99 ms", _ms(wa.webhook_seconds), "-")
    row("verification GET p50 / p95 / p99 ms", _ms(wa.probe_seconds), "-")
    row("webhook POSTs / not 200", f"{len(wa.webhook_seconds)} / {wa.webhook_not_ok}", "-")
    refused = ", ".join(f"{code}: {n}" for code, n in sorted(wa.refused_sends.items()))
    row("sends refused by the server", refused or "none", "-")
    row("RSS MB after warm-up / after crowd", *(
        f"{f.rss_start:.1f} / {f.rss_after:.1f}" for f in (wa, tg)
    ))  # fmt: skip
    row("distinct people answered / failed", f"{wa.distinct} / {wa.distinct_failures}", "-")
    row("distinct run: updates/s", f"{wa.distinct / wa.distinct_seconds:.0f}", "-")
    row("RSS growth MB over distinct", f"{wa.rss_growth:.1f}", "-")
    row("exit code after SIGTERM", str(wa.exit_code), str(tg.exit_code))

    p99 = percentile(wa.webhook_seconds, 99)
    caveat = "" if wa.users >= TARGET_USERS else f" [ran with {wa.users} people, not 200]"
    ok = p99 <= TARGET_WEBHOOK_P99_MS and not wa.webhook_not_ok and wa.users >= TARGET_USERS
    print(
        f"\nwebhook answer p99 with {wa.users} people at once: {p99:.1f} ms "
        f"(target ≤ {TARGET_WEBHOOK_P99_MS:.0f} ms with 200): {verdict(ok=ok)}{caveat}"
    )
    ratio = wa.cpu_per_1000 / tg.cpu_per_1000
    ok = ratio <= 1.0 and not wa.latencies.failures and not tg.latencies.failures
    print(
        f"CPU per update whatsapp/telegram: {wa.cpu_per_1000:.3f} / {tg.cpu_per_1000:.3f} s "
        f"per 1,000 = {ratio:.2f}x (target ≤ 1.00x): {verdict(ok=ok)}"
    )
    per_10k = wa.rss_growth * TARGET_RSS_USERS / distinct
    ok = per_10k <= TARGET_RSS_MB and not wa.distinct_failures
    print(
        f"RSS growth per {TARGET_RSS_USERS:,} people: {per_10k:.1f} MB "
        f"({wa.rss_growth:.1f} MB over {distinct:,}, scaled) "
        f"(target ≤ {TARGET_RSS_MB:.0f} MB): {verdict(ok=ok)}"
    )


async def run(args: argparse.Namespace) -> None:
    """Omarmt on WhatsApp, then on Telegram, each against a fresh server; then the report."""
    with tempfile.TemporaryDirectory(prefix="omarmt-wabench-") as name:
        tmp = Path(name)
        pin(os.getpid(), 0)
        started = time.monotonic()
        print("whatsapp: running ...", flush=True)
        (tmp / "whatsapp").mkdir()
        wa = await measure_whatsapp(tmp / "whatsapp", args.users, args.distinct, args.profile)
        print(f"whatsapp: done in {time.monotonic() - started:.1f} s", flush=True)
        started = time.monotonic()
        print("telegram: running ...", flush=True)
        (tmp / "telegram").mkdir()
        tg = await measure_telegram(tmp / "telegram", args.users)
        print(f"telegram: done in {time.monotonic() - started:.1f} s", flush=True)
        report(wa, tg, args.distinct)
        if args.profile:
            telegram.print_profile(args.profile, args.top)


def main() -> None:
    """Parses the bounds, runs, and leaves no process behind."""
    args = load_arguments(
        __doc__.splitlines()[0] if __doc__ else None,
        think_help=("mean seconds people take before each message (default 0: answer at once)"),
        profile_help="run omarmt on WhatsApp under cProfile, write here",
    )
    updates = args.users * len(script(0))
    print(
        f"WhatsApp benchmark: {args.users} people x {len(script(0))} messages "
        f"({updates:,} updates) at once, then {args.distinct:,} distinct people saying hoi; "
        f"then Telegram with the same {args.users} people; {len(CORES)} CPUs (bot and server "
        f"pinned apart); loopback test servers, pair rate {PAIR_LIMIT}, throughput off",
        flush=True,
    )
    try:
        asyncio.run(run(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
    finally:
        kill_children()


if __name__ == "__main__":
    with contextlib.suppress(BrokenPipeError):
        main()
