"""Operator settings: the OMARMT_* environment, checked once at start-up."""

from __future__ import annotations

import logging
import os
import secrets
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import MappingProxyType
from urllib.parse import urlsplit

from dotenv import dotenv_values

__all__ = [
    "MIN_SECRET_LENGTH",
    "PREFIX",
    "Settings",
    "SettingsError",
    "WhatsAppSettings",
    "load_environ",
    "local_secret",
    "new_secret",
    "unknown_variables",
]

PREFIX = "OMARMT_"
#: Shortest accepted OMARMT_SECRET: HMAC and key derivation need real entropy.
MIN_SECRET_LENGTH = 32

_TOKEN = "OMARMT_TELEGRAM_TOKEN"  # noqa: S105 - the name of a variable, not a secret
_API_URL = "OMARMT_TELEGRAM_API_URL"
_RATE_LIMIT = "OMARMT_TELEGRAM_RATE_LIMIT"
_SECRET = "OMARMT_SECRET"  # noqa: S105 - the name of a variable, not a secret
_NEW_SECRET = "OMARMT_NEW_SECRET"  # noqa: S105 - the name of a variable, not a secret
_DB = "OMARMT_DB"
_ALIVE = "OMARMT_ALIVE"
_STAFF_CHAT = "OMARMT_STAFF_CHAT_"
_WEBHOOK_URL = "OMARMT_WEBHOOK_URL"
_WEBHOOK_SECRET = "OMARMT_WEBHOOK_SECRET"  # noqa: S105 - the name of a variable, not a secret
_WEBHOOK_LISTEN = "OMARMT_WEBHOOK_LISTEN"
_RETENTION_DAYS = "OMARMT_RETENTION_DAYS"
_LOG_LEVEL = "OMARMT_LOG_LEVEL"
_HANDOFF_WAIT = "OMARMT_HANDOFF_WAIT_MINUTES"
_CLOCK = "OMARMT_CLOCK"
_WA_TOKEN = "OMARMT_WHATSAPP_TOKEN"  # noqa: S105 - the name of a variable, not a secret
_WA_PHONE_NUMBER_ID = "OMARMT_WHATSAPP_PHONE_NUMBER_ID"
_WA_APP_SECRET = "OMARMT_WHATSAPP_APP_SECRET"  # noqa: S105 - the name of a variable, not a secret
_WA_VERIFY_TOKEN = "OMARMT_WHATSAPP_VERIFY_TOKEN"  # noqa: S105 - the name of a variable
_WA_API_URL = "OMARMT_WHATSAPP_API_URL"
_WA_LISTEN = "OMARMT_WHATSAPP_LISTEN"
_WHATSAPP = (
    _WA_TOKEN,
    _WA_PHONE_NUMBER_ID,
    _WA_APP_SECRET,
    _WA_VERIFY_TOKEN,
    _WA_API_URL,
    _WA_LISTEN,
)
#: Meta's Graph API, the version current when this was written (v26.0, July 2026).
GRAPH_API_URL = "https://graph.facebook.com/v26.0"
_KNOWN = frozenset(
    {
        *_WHATSAPP,
        _HANDOFF_WAIT,
        _CLOCK,
        _TOKEN,
        _API_URL,
        _RATE_LIMIT,
        _SECRET,
        _NEW_SECRET,
        _DB,
        _ALIVE,
        _WEBHOOK_URL,
        _WEBHOOK_SECRET,
        _WEBHOOK_LISTEN,
        _RETENTION_DAYS,
        _LOG_LEVEL,
    }
)
# Telegram accepts 1-256 characters A-Z, a-z, 0-9, _ and - as a webhook secret_token.
_WEBHOOK_SECRET_CHARS = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
)
_SHOWN_VALUE_LENGTH = 40


@dataclass(frozen=True)
class WhatsAppSettings:
    """The WhatsApp channel's settings, all present and well-formed; secrets not in repr."""

    token: str = field(repr=False)
    phone_number_id: str
    app_secret: str = field(repr=False)
    verify_token: str = field(repr=False)
    api_url: str = GRAPH_API_URL
    host: str = "0.0.0.0"  # noqa: S104 - the contract's default: listen on all interfaces
    port: int = 8080


class SettingsError(Exception):
    """A missing or malformed setting: the one line the operator sees before the program stops."""

    def __init__(self, variable: str, problem: str) -> None:
        self.variable = variable
        self.problem = problem
        # One line, always: the message ends up in a terminal or a container log.
        super().__init__(" ".join(f"{variable}: {problem}".split()))


@dataclass(frozen=True)
class Settings:
    """Everything the operator configures, validated; built once by the composition root.

    The token and the secrets are left out of ``repr`` so a logged ``Settings`` leaks nothing.
    `secret` is None only when no Telegram was needed and none was set: the terminal try-out
    then uses `local_secret`.
    """

    telegram_token: str | None = field(default=None, repr=False)
    telegram_api_url: str = "https://api.telegram.org/bot"
    telegram_rate_limit: bool = True
    secret: str | None = field(default=None, repr=False)
    #: A SQLite file, or a PostgreSQL URL (a str: a Path would fold its "//").
    db: Path | str = Path("omarmt.sqlite3")
    #: The heartbeat file `omarmt health` reads (None: beside a SQLite file, or ./omarmt.alive).
    alive: Path | None = None
    #: Organisation key (lower case, as in content/) → Telegram chat id of its staff group.
    staff_chats: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    webhook_url: str | None = None
    webhook_secret: str | None = field(default=None, repr=False)
    webhook_host: str = "0.0.0.0"  # noqa: S104 - the contract's default: listen on all interfaces
    webhook_port: int = 8443
    retention_days: int = 30
    log_level: str = "INFO"
    #: Minutes an unclaimed handoff waits (inside opening hours) before the young person is
    #: told honestly that nobody answered yet.
    handoff_wait_minutes: float = 10.0
    #: For tests and demos only: the bot's clock starts at this instant and runs on from there
    #: (opening hours, waiting times). None: the real clock.
    clock_start: datetime | None = None
    #: The OMARMT_WHATSAPP_* values as given (checked by `require_whatsapp`).
    whatsapp: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}), repr=False)

    @staticmethod
    def whatsapp_given(environ: Mapping[str, str]) -> bool:
        """Whether the environment names any WhatsApp setting (before it is checked)."""
        return any(_get(environ, name) is not None for name in _WHATSAPP)

    @property
    def whatsapp_present(self) -> bool:
        """Whether any WhatsApp setting is given: `omarmt run` then runs that channel too."""
        return bool(self.whatsapp)

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str], *, need_telegram: bool, need_secret: bool | None = None
    ) -> Settings:
        """Read and check the OMARMT_* variables; raise `SettingsError` on the first problem.

        `need_telegram` is true for ``omarmt run``: the token and the secret are then required.
        """
        host, port = _listen(environ)
        return cls(
            telegram_token=_token(environ, need_telegram=need_telegram),
            telegram_api_url=_url(environ, _API_URL, "https://api.telegram.org/bot"),
            telegram_rate_limit=_on_off(environ, _RATE_LIMIT, default=True),
            secret=_secret(
                environ, need_telegram=need_telegram if need_secret is None else need_secret
            ),
            db=db_setting(_get(environ, _DB) or "omarmt.sqlite3"),
            alive=Path(alive).expanduser() if (alive := _get(environ, _ALIVE)) else None,
            staff_chats=_staff_chats(environ),
            webhook_url=_webhook_url(environ),
            webhook_secret=_webhook_secret(environ),
            webhook_host=host,
            webhook_port=port,
            retention_days=_positive_int(environ, _RETENTION_DAYS, default=30),
            log_level=_log_level(environ),
            handoff_wait_minutes=_minutes(environ, _HANDOFF_WAIT, default=10.0),
            clock_start=_instant(environ, _CLOCK),
            whatsapp=MappingProxyType(
                {name: value for name in _WHATSAPP if (value := _get(environ, name)) is not None}
            ),
        )

    def require_whatsapp(self) -> WhatsAppSettings:
        """The WhatsApp settings, or `SettingsError` for the first one missing or malformed."""
        given = self.whatsapp
        host, port = _host_port(_WA_LISTEN, given.get(_WA_LISTEN) or "0.0.0.0:8080")
        phone_number_id = _required(given, _WA_PHONE_NUMBER_ID, "the business phone number id")
        if not phone_number_id.isascii() or not phone_number_id.isdigit():
            raise SettingsError(
                _WA_PHONE_NUMBER_ID,
                f"must be the phone number id (digits, from Meta's app dashboard), "
                f"got {_show(phone_number_id)}",
            )
        return WhatsAppSettings(
            token=_required(given, _WA_TOKEN, "the Cloud API access token"),
            phone_number_id=phone_number_id,
            app_secret=_required(given, _WA_APP_SECRET, "the app secret"),
            verify_token=_required(given, _WA_VERIFY_TOKEN, "a token you choose for Meta"),
            api_url=_url(given, _WA_API_URL, GRAPH_API_URL).rstrip("/"),
            host=host,
            port=port,
        )

    def require_webhook(self) -> str:
        """Return the webhook URL for ``omarmt run --webhook``, or raise `SettingsError`."""
        if self.webhook_url is None:
            raise SettingsError(
                _WEBHOOK_URL, "is not set; webhook mode needs the public https URL"
            )
        return self.webhook_url


def load_environ(cwd: Path, environ: Mapping[str, str]) -> dict[str, str]:
    """Merge a ``.env`` file in `cwd` under `environ`: a variable set in `environ` wins.

    Values are taken literally: no ``${VAR}`` expansion, since a secret may contain ``$``.
    """
    path = cwd / ".env"
    merged: dict[str, str] = {}
    if path.is_file():
        try:
            values = dotenv_values(path, interpolate=False, encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise SettingsError(str(path), f"cannot be read ({type(exc).__name__})") from None
        # A bare ``NAME`` line without ``=`` has no value; it sets nothing.
        merged.update({name: value for name, value in values.items() if value is not None})
    merged.update(environ)
    return merged


def db_setting(text: str) -> Path | str:
    """``OMARMT_DB`` or ``--db``: a ``postgresql://`` URL stays a string (credentials may also
    come from libpq's ``PG*`` variables); a path or ``sqlite:///path`` is a SQLite file."""
    if text.startswith(("postgresql://", "postgres://")):
        return text
    return Path(text.removeprefix("sqlite://")).expanduser()


def local_secret(db_path: Path) -> tuple[str, bool]:
    """Return the try-out secret kept beside the database, creating it on first use.

    For ``omarmt chat`` only, so trying the bot needs no configuration. The file is
    ``<db_path>.secret`` with mode 0600; the flag says whether it was just created.
    """
    path = db_path.with_name(db_path.name + ".secret")
    path.parent.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_urlsafe(48)
    try:
        # O_EXCL: two processes starting at once must not each write their own secret.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_local_secret(path), False
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        file.write(secret + "\n")
    return secret, True


def new_secret(environ: Mapping[str, str], current: str | None) -> tuple[str, str]:
    """(old, new) for ``omarmt rotate-secret``: OMARMT_SECRET and OMARMT_NEW_SECRET, checked."""
    if current is None:
        raise SettingsError(_SECRET, "is not set; rotating needs the secret now in use")
    new = _get(environ, _NEW_SECRET)
    if new is None:
        raise SettingsError(
            _NEW_SECRET,
            f"is not set; give the new secret, at least {MIN_SECRET_LENGTH} characters",
        )
    if len(new) < MIN_SECRET_LENGTH:
        raise SettingsError(
            _NEW_SECRET, f"is too short; use at least {MIN_SECRET_LENGTH} characters"
        )
    if new == current:
        raise SettingsError(_NEW_SECRET, "is the same as OMARMT_SECRET")
    return current, new


def unknown_variables(environ: Mapping[str, str]) -> tuple[str, ...]:
    """Return the OMARMT_* names no setting reads: most likely typing errors, worth a warning."""
    return tuple(
        sorted(
            name
            for name in environ
            if name.startswith(PREFIX) and name not in _KNOWN and not name.startswith(_STAFF_CHAT)
        )
    )


def _read_local_secret(path: Path) -> str:
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        # Others could read the key to every pseudonym; close that before using it.
        path.chmod(0o600)
    secret = path.read_text(encoding="utf-8").strip()
    if len(secret) < MIN_SECRET_LENGTH:
        raise SettingsError(
            str(path), f"holds no valid secret (under {MIN_SECRET_LENGTH} characters)"
        )
    return secret


def _get(environ: Mapping[str, str], name: str) -> str | None:
    # An empty value counts as unset: ``NAME=`` in a .env file or compose file means "not given".
    value = environ.get(name, "").strip()
    return value or None


def _show(value: str) -> str:
    """Quote a non-secret value for an error line, shortened so the line stays readable."""
    if len(value) > _SHOWN_VALUE_LENGTH:
        value = value[:_SHOWN_VALUE_LENGTH] + "…"
    return repr(value)


def _token(environ: Mapping[str, str], *, need_telegram: bool) -> str | None:
    token = _get(environ, _TOKEN)
    if token is None:
        if need_telegram:
            raise SettingsError(_TOKEN, "is not set; get a bot token from @BotFather")
        return None
    if any(char.isspace() for char in token):
        raise SettingsError(_TOKEN, "contains whitespace; a bot token has none")
    return token


def _secret(environ: Mapping[str, str], *, need_telegram: bool) -> str | None:
    secret = _get(environ, _SECRET)
    if secret is None:
        if need_telegram:
            raise SettingsError(
                _SECRET, f"is not set; use at least {MIN_SECRET_LENGTH} random characters"
            )
        return None
    if len(secret) < MIN_SECRET_LENGTH:
        raise SettingsError(_SECRET, f"is too short; use at least {MIN_SECRET_LENGTH} characters")
    return secret


def _url(environ: Mapping[str, str], name: str, default: str) -> str:
    url = _get(environ, name) or default
    if not url.startswith(("https://", "http://")):
        raise SettingsError(name, f"must be an http(s) URL, got {_show(url)}")
    return url


def _webhook_url(environ: Mapping[str, str]) -> str | None:
    url = _get(environ, _WEBHOOK_URL)
    if url is None or url.startswith("https://"):
        return url
    # Telegram delivers webhooks over HTTPS only; plain http is for a Bot API server on loopback.
    host = urlsplit(url).hostname if url.startswith("http://") else None
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SettingsError(_WEBHOOK_URL, f"must start with https://, got {_show(url)}")
    return url


def _webhook_secret(environ: Mapping[str, str]) -> str | None:
    value = _get(environ, _WEBHOOK_SECRET)
    if value is not None and (len(value) > 256 or not set(value) <= _WEBHOOK_SECRET_CHARS):
        raise SettingsError(
            _WEBHOOK_SECRET, "must be 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule)"
        )
    return value


def _listen(environ: Mapping[str, str]) -> tuple[str, int]:
    return _host_port(_WEBHOOK_LISTEN, _get(environ, _WEBHOOK_LISTEN) or "0.0.0.0:8443")


def _host_port(name: str, value: str) -> tuple[str, int]:
    host, colon, port_text = value.rpartition(":")
    # "[::]:8443" is how an IPv6 host is written; the brackets are not part of the address.
    host = host.removeprefix("[").removesuffix("]")
    if not colon or not host or not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise SettingsError(name, f"must be host:port, got {_show(value)}")
    return host, int(port_text)


def _required(given: Mapping[str, str], name: str, what: str) -> str:
    value = given.get(name)
    if value is None:
        raise SettingsError(name, f"is not set; the WhatsApp channel needs {what}")
    if any(char.isspace() for char in value):
        raise SettingsError(name, "contains whitespace; it has none")
    return value


def _on_off(environ: Mapping[str, str], name: str, *, default: bool) -> bool:
    value = _get(environ, name)
    if value is None:
        return default
    if value.lower() not in {"on", "off"}:
        raise SettingsError(name, f"must be on or off, got {_show(value)}")
    return value.lower() == "on"


def _positive_int(environ: Mapping[str, str], name: str, *, default: int) -> int:
    value = _get(environ, name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise SettingsError(name, f"must be a whole number, got {_show(value)}") from None
    if number < 1:
        raise SettingsError(name, f"must be at least 1, got {number}")
    return number


def _minutes(environ: Mapping[str, str], name: str, *, default: float) -> float:
    value = _get(environ, name)
    if value is None:
        return default
    try:
        number = float(value)
    except ValueError:
        raise SettingsError(name, f"must be a number of minutes, got {_show(value)}") from None
    if not 0 < number <= 24 * 60:
        raise SettingsError(name, f"must be more than 0 and at most 1440, got {_show(value)}")
    return number


def _instant(environ: Mapping[str, str], name: str) -> datetime | None:
    value = _get(environ, name)
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise SettingsError(
            name, f"must be an ISO 8601 time such as 2026-11-25T11:00:00+01:00, got {_show(value)}"
        ) from None
    if moment.tzinfo is None:
        raise SettingsError(name, "needs a UTC offset, such as +01:00")
    return moment


def _log_level(environ: Mapping[str, str]) -> str:
    value = (_get(environ, _LOG_LEVEL) or "INFO").upper()
    if value not in logging.getLevelNamesMapping():
        raise SettingsError(
            _LOG_LEVEL, f"must be DEBUG, INFO, WARNING, ERROR or CRITICAL, got {_show(value)}"
        )
    return value


def _staff_chats(environ: Mapping[str, str]) -> Mapping[str, int]:
    chats: dict[str, int] = {}
    for name in sorted(environ):
        if not name.startswith(_STAFF_CHAT):
            continue
        key = name.removeprefix(_STAFF_CHAT).lower()
        value = _get(environ, name)
        if not key:
            raise SettingsError(name, "needs an organisation key, as in OMARMT_STAFF_CHAT_JOU")
        if value is None:
            continue
        try:
            chat_id = int(value)
        except ValueError:
            raise SettingsError(
                name, f"must be a Telegram chat id such as -1001234567890, got {_show(value)}"
            ) from None
        if chat_id == 0:
            raise SettingsError(name, "must be a Telegram chat id, not 0")
        chats[key] = chat_id
    return MappingProxyType(chats)
