"""deploy/Caddyfile in front of two stand-in replicas on loopback: balance, failover, return.

Runs the real Caddyfile with two changes: the replicas' names (omarmt1, omarmt2) become
127.0.0.2 and 127.0.0.3, and the site is plain http on 127.0.0.1:18080 (no certificate, no
admin endpoint). Each stand-in replica is an aiohttp server with the routes of Omarmt's
webhook servers: POST on the Telegram path on port 8443, GET and POST /whatsapp on 8080; it
answers 200 to a POST and 403 to Meta's GET without a token. Each phase sends 10 POSTs one
after the other and prints the answers and which replica took them:

1. both replicas up: round robin, 5 and 5;
2. replica 2's Telegram port closes, before the active health check has seen it: every POST
   is still answered 200, by replica 1 (Caddy releases before the fix of caddyserver/caddy#7546
   answer 502 here instead, until the health check takes replica 2 out; Telegram resends);
3. one health round later: replica 1 takes everything;
4. replica 2 back: round robin again after one health round;
5. replica 1 answers 503 (its database fails): with no passive health check its 503s reach
   Telegram, which sends those updates again, and round robin gives them to replica 2.

    python bench/proxy.py --caddy /path/to/caddy
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from aiohttp import ClientError, ClientSession, web

CADDYFILE = Path(__file__).resolve().parent.parent / "deploy" / "Caddyfile"
SITE = "http://127.0.0.1:18080"
REPLICAS = {"omarmt1": "127.0.0.2", "omarmt2": "127.0.0.3"}
#: Longer than the Caddyfile's health_interval: one active check has run since.
HEALTH_ROUND = 4.0


class Replica:
    """A stand-in for one replica's two webhook servers; counts what reaches it."""

    def __init__(self, host: str, hits: collections.Counter[str]) -> None:
        self.host = host
        self.status = 200
        self._hits = hits
        self._runners: dict[int, web.AppRunner] = {}

    async def _post(self, request: web.Request) -> web.Response:
        await request.read()
        self._hits[self.host] += 1
        return web.Response(status=self.status)

    async def _verify(self, _request: web.Request) -> web.Response:
        return web.Response(status=403)

    async def start(self, port: int) -> None:
        app = web.Application()
        if port == 8443:
            app.router.add_post("/telegram", self._post)
        else:
            app.router.add_get("/whatsapp", self._verify)
            app.router.add_post("/whatsapp", self._post)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, self.host, port).start()
        self._runners[port] = runner

    async def stop(self, port: int) -> None:
        await self._runners.pop(port).cleanup()

    async def stop_all(self) -> None:
        for port in list(self._runners):
            await self.stop(port)


def caddyfile_for_loopback(workdir: Path) -> Path:
    text = CADDYFILE.read_text(encoding="utf-8")
    for name, host in REPLICAS.items():
        text = text.replace(f"{name}:", f"{host}:")
    text = text.replace("{\n\temail", "{\n\tadmin off\n\temail", 1)
    path = workdir / "Caddyfile"
    path.write_text(text, encoding="utf-8")
    return path


async def burst(
    session: ClientSession, path: str, hits: collections.Counter[str]
) -> tuple[dict[int, int], dict[str, int], str]:
    hits.clear()
    answers: collections.Counter[int] = collections.Counter()
    start = time.perf_counter()
    for _ in range(10):
        async with session.post(SITE + path, data=b'{"update_id": 1}') as response:
            answers[response.status] += 1
    return dict(answers), dict(hits), f"{time.perf_counter() - start:.2f} s"


async def wait_for_caddy(session: ClientSession) -> None:
    for _ in range(100):
        try:
            async with session.post(SITE + "/telegram", data=b"{}"):
                return
        except ClientError:
            await asyncio.sleep(0.1)
    sys.exit("caddy did not start; see its log")


async def run() -> None:
    hits: collections.Counter[str] = collections.Counter()
    one, two = (Replica(host, hits) for host in REPLICAS.values())
    try:
        for replica in (one, two):
            await replica.start(8443)
            await replica.start(8080)
        async with ClientSession() as session:
            await wait_for_caddy(session)
            await asyncio.sleep(HEALTH_ROUND)
            print("1 both up, Telegram:        ", *await burst(session, "/telegram", hits))
            print("1 both up, WhatsApp:        ", *await burst(session, "/whatsapp", hits))
            await two.stop(8443)
            print("2 replica 2 stops, at once: ", *await burst(session, "/telegram", hits))
            await asyncio.sleep(HEALTH_ROUND)
            print("3 one health round later:   ", *await burst(session, "/telegram", hits))
            await two.start(8443)
            await asyncio.sleep(HEALTH_ROUND)
            print("4 replica 2 back:           ", *await burst(session, "/telegram", hits))
            one.status = 503
            print("5 replica 1 answers 503:    ", *await burst(session, "/telegram", hits))
    finally:
        await one.stop_all()
        await two.stop_all()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--caddy", default=shutil.which("caddy"), help="the caddy binary")
    args = parser.parse_args()
    # A stand-in whose connection Caddy drops (phase 2 on old releases) need not print a trace.
    logging.getLogger("aiohttp.server").setLevel(logging.CRITICAL)
    if args.caddy is None:
        sys.exit("no caddy binary: pass --caddy PATH")
    version = subprocess.run([args.caddy, "version"], capture_output=True, text=True, check=True)
    print("caddy", version.stdout.split()[0], "- answers {status: count}, {replica: POSTs}, time")
    with tempfile.TemporaryDirectory(prefix="omarmt-proxy-") as name:
        workdir = Path(name)
        env = dict(
            os.environ,
            DOMAIN=SITE,
            ACME_EMAIL="ops@example.org",
            XDG_DATA_HOME=str(workdir / "data"),
            XDG_CONFIG_HOME=str(workdir / "config"),
        )
        with (workdir / "caddy.log").open("w", encoding="utf-8") as log:
            caddy = subprocess.Popen(
                [args.caddy, "run", "--config", str(caddyfile_for_loopback(workdir))],
                env=env,
                stdout=log,
                stderr=log,
            )
            try:
                asyncio.run(run())
            finally:
                caddy.terminate()
                caddy.wait(timeout=10)


if __name__ == "__main__":
    main()
