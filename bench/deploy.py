"""deploy/ on loopback: PostgreSQL with a password, two real replicas behind the real Caddyfile.

What deploy/compose.yaml runs, without Docker: a PostgreSQL server from Debian's binaries with
password (scram) authentication, reached as ``postgresql://omarmt@host/omarmt`` with the
password in PGPASSWORD only; two `omarmt run --webhook` replicas on 127.0.0.2 and 127.0.0.3
(each with its own OMARMT_ALIVE); Caddy with deploy/Caddyfile (the replicas' names made
addresses, the site plain http on 127.0.0.1:18080); and the local Bot API test server
(tests/auxil/botapi.py), which delivers every update as a webhook through Caddy.

Phases, each printed with its figures:

1. both replicas start; when the second replica is still running after the first has set
   the webhook, it is a standby (several replicas on one database), else its exit is shown;
2. N people say "hoi": how many got the welcome, and how fast;
3. `omarmt health` in each running replica;
4. the replica that set the webhook is killed (SIGKILL), N more people say "hoi": how many got
   the welcome within 60 s, and how long the first took (the other replica's takeover).

    python bench/deploy.py --caddy /path/to/caddy [--people 6]

Needs Debian's postgresql package (as the tests) and a caddy binary. Only 127.0.0.0/8 is used.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.auxil.botapi import BotApiServer
from tests.auxil.pg import binaries
from tests.auxil.ports import free_port

ROOT = Path(__file__).resolve().parent.parent
SITE = "http://127.0.0.1:18080"
SECRET = "a-deploy-check-secret-of-enough-length"
HOSTS = ("127.0.0.2", "127.0.0.3")
#: Longer than the Caddyfile's health_interval: one active check has run since.
HEALTH_ROUND = 4.0


def as_postgres(argv: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root; this machine's sessions and CI run as root.
    return ["runuser", "-u", "postgres", "--", *argv] if os.geteuid() == 0 else argv


@dataclass
class Stack:
    """The processes outside Omarmt: PostgreSQL and Caddy, in one temporary directory."""

    root: Path
    password: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    port: int = 0
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start_postgres(self) -> None:
        bindir = binaries()
        if bindir is None:
            sys.exit("PostgreSQL is not installed (apt-get install postgresql)")
        pgdir = self.root / "pg"
        pgdir.mkdir()
        (pgdir / "pw").write_text(self.password, encoding="utf-8")
        if os.geteuid() == 0:
            for path in (pgdir, pgdir / "pw"):
                shutil.chown(path, "postgres", "postgres")
        initdb = [str(bindir / "initdb"), "-D", str(pgdir / "data"), "-U", "omarmt"]
        initdb += ["--auth=scram-sha-256", f"--pwfile={pgdir / 'pw'}", "-E", "UTF8", "--no-sync"]
        subprocess.run(as_postgres(initdb), check=True, capture_output=True)
        self.port = free_port()
        server = [str(bindir / "postgres"), "-D", str(pgdir / "data"), "-k", str(pgdir)]
        server += ["-h", "127.0.0.1", "-p", str(self.port), "-c", "fsync=off"]
        with (self.root / "postgres.log").open("wb") as log:
            self.processes.append(subprocess.Popen(as_postgres(server), stderr=log))
        env = dict(os.environ, PGPASSWORD=self.password)
        ready = [str(bindir / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port)]
        deadline = time.monotonic() + 30
        while subprocess.run(ready, capture_output=True, check=False).returncode != 0:
            if time.monotonic() > deadline:
                sys.exit("PostgreSQL did not start; see postgres.log")
            time.sleep(0.1)
        createdb = [str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(self.port)]
        subprocess.run([*createdb, "-U", "omarmt", "omarmt"], env=env, check=True)

    def start_caddy(self, caddy: str) -> None:
        text = (ROOT / "deploy" / "Caddyfile").read_text(encoding="utf-8")
        for name, host in zip(("omarmt1", "omarmt2"), HOSTS, strict=True):
            text = text.replace(f"{name}:", f"{host}:")
        text = text.replace("{\n\temail", "{\n\tadmin off\n\temail", 1)
        (self.root / "Caddyfile").write_text(text, encoding="utf-8")
        env = dict(os.environ, DOMAIN=SITE, ACME_EMAIL="ops@example.org")
        env.update(
            XDG_DATA_HOME=str(self.root / "caddy"), XDG_CONFIG_HOME=str(self.root / "caddy")
        )
        with (self.root / "caddy.log").open("wb") as log:
            argv = [caddy, "run", "--config", str(self.root / "Caddyfile")]
            self.processes.append(subprocess.Popen(argv, env=env, stdout=log, stderr=log))

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.terminate()
            process.wait(timeout=30)


@dataclass
class Replica:
    """One `omarmt run --webhook`, set up as deploy/compose.yaml sets up omarmt1 and omarmt2."""

    name: str
    env: dict[str, str]
    cwd: Path
    process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", "--webhook",
            env=self.env, cwd=self.cwd,
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.returncode is None

    async def last_line(self) -> str:
        assert self.process is not None
        assert self.process.stderr is not None
        lines = (await self.process.stderr.read()).decode(errors="replace").splitlines()
        return lines[-1] if lines else ""

    async def health(self) -> tuple[int | None, str]:
        check = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "health",
            env=self.env, cwd=self.cwd,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        )  # fmt: skip
        out, _ = await check.communicate()
        return check.returncode, out.decode().strip()


def replica(stack: Stack, server: BotApiServer, index: int) -> Replica:
    name = f"omarmt{index + 1}"
    cwd = stack.root / name
    cwd.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OMARMT_", "PG"))}
    env.update(
        OMARMT_TELEGRAM_TOKEN=server.token,
        OMARMT_TELEGRAM_API_URL=server.base_url,
        OMARMT_TELEGRAM_RATE_LIMIT="off",
        OMARMT_SECRET=SECRET,
        OMARMT_DB=f"postgresql://omarmt@127.0.0.1:{stack.port}/omarmt",
        PGPASSWORD=stack.password,
        OMARMT_ALIVE=str(cwd / "alive"),
        OMARMT_WEBHOOK_URL=f"{SITE}/telegram",
        OMARMT_WEBHOOK_SECRET=secrets.token_urlsafe(24),
        OMARMT_WEBHOOK_LISTEN=f"{HOSTS[index]}:8443",
    )
    return Replica(name, env, cwd)


async def say_hoi(server: BotApiServer, first_id: int, people: int, within: float) -> str:
    """`people` new people say hoi; how many got the welcome within `within` seconds."""
    users = [server.user(first_id + n, f"P{n}") for n in range(people)]
    start = time.monotonic()
    for user in users:
        user.send_text("hoi")
    answered: list[float] = []
    for user in users:
        left = max(0.1, within - (time.monotonic() - start))
        try:
            await server.wait_sent(user.chat_id, 1, timeout=left)
            answered.append(time.monotonic() - start)
        except TimeoutError:
            pass
    said = f"{len(answered)} of {people} welcomed"
    if answered:
        said += f", the first after {min(answered):.2f} s, the last after {max(answered):.2f} s"
    return said


async def run(stack: Stack, people: int) -> None:
    async with BotApiServer() as server:
        # One webhook secret for both, as in deploy/.env.
        replicas = [replica(stack, server, index) for index in range(2)]
        replicas[1].env["OMARMT_WEBHOOK_SECRET"] = replicas[0].env["OMARMT_WEBHOOK_SECRET"]
        try:
            start = time.monotonic()
            for each in replicas:
                await each.start()
            await server.wait_for(lambda: server.requests("setWebhook"), 60)
            print(f"1 the webhook is set {time.monotonic() - start:.1f} s after the start")
            await asyncio.sleep(HEALTH_ROUND)
            for each in replicas:
                state = "running" if each.running else f"exited: {await each.last_line()}"
                print(f"  {each.name}: {state}")
            print("2", await say_hoi(server, 7000, people, within=30))
            for each in replicas:
                if each.running:
                    print(f"3 {each.name}:", *await each.health())
            holder = next(each for each in replicas if each.running)
            assert holder.process is not None
            holder.process.send_signal(signal.SIGKILL)
            await holder.process.wait()
            print(f"4 {holder.name} killed;", await say_hoi(server, 8000, people, within=60))
        finally:
            for each in replicas:
                if each.running:
                    assert each.process is not None
                    each.process.send_signal(signal.SIGTERM)
                    await each.process.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--caddy", default=shutil.which("caddy"), help="the caddy binary")
    parser.add_argument("--people", type=int, default=6, help="people per phase")
    args = parser.parse_args()
    if args.caddy is None:
        sys.exit("no caddy binary: pass --caddy PATH")
    with tempfile.TemporaryDirectory(prefix="omarmt-deploy-") as name:
        root = Path(name)
        root.chmod(0o755)  # PostgreSQL runs as its own user below it
        stack = Stack(root)
        try:
            stack.start_postgres()
            stack.start_caddy(args.caddy)
            asyncio.run(run(stack, args.people))
        finally:
            stack.stop()


if __name__ == "__main__":
    main()
