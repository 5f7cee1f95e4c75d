"""Tests for bot.settings: defaults, one-line errors, .env merging and the try-out secret."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from bot.settings import Settings, SettingsError, load_environ, local_secret, unknown_variables

TOKEN = "123456789:AAHsecrettokenvalue-never-shown"
SECRET = "s3cret-" + "x" * 40
REQUIRED = {"OMARMT_TELEGRAM_TOKEN": TOKEN, "OMARMT_SECRET": SECRET}


def make_settings(**overrides: str) -> Settings:
    """Build `omarmt run` settings from the required variables plus `overrides`."""
    return Settings.from_env({**REQUIRED, **overrides}, need_telegram=True)


def test_defaults_follow_the_contract() -> None:
    settings = make_settings()

    assert settings.telegram_token == TOKEN
    assert settings.secret == SECRET
    assert settings.telegram_api_url == "https://api.telegram.org/bot"
    assert settings.telegram_rate_limit is True
    assert settings.db == Path("omarmt.sqlite3")
    assert dict(settings.staff_chats) == {}
    assert settings.webhook_url is None
    assert settings.webhook_secret is None
    assert (settings.webhook_host, settings.webhook_port) == ("0.0.0.0", 8443)
    assert settings.retention_days == 30
    assert settings.log_level == "INFO"


def test_chat_mode_needs_neither_token_nor_secret() -> None:
    settings = Settings.from_env({}, need_telegram=False)

    assert settings.telegram_token is None
    assert settings.secret is None


def test_every_setting_is_read() -> None:
    settings = make_settings(
        OMARMT_TELEGRAM_API_URL="http://localhost:8081/bot",
        OMARMT_TELEGRAM_RATE_LIMIT="OFF",
        OMARMT_DB="/data/o.sqlite3",
        OMARMT_WEBHOOK_URL="https://bot.example.org/hook",
        OMARMT_WEBHOOK_SECRET="abc_DEF-123",
        OMARMT_WEBHOOK_LISTEN="[::]:9000",
        OMARMT_RETENTION_DAYS="7",
        OMARMT_LOG_LEVEL="debug",
    )

    assert settings.telegram_api_url == "http://localhost:8081/bot"
    assert settings.telegram_rate_limit is False
    assert settings.db == Path("/data/o.sqlite3")
    assert settings.require_webhook() == "https://bot.example.org/hook"
    assert settings.webhook_secret == "abc_DEF-123"
    assert (settings.webhook_host, settings.webhook_port) == ("::", 9000)
    assert settings.retention_days == 7
    assert settings.log_level == "DEBUG"


def test_staff_chats_are_collected_under_lower_case_keys() -> None:
    settings = make_settings(
        OMARMT_STAFF_CHAT_JOU="-1001234567890",
        OMARMT_STAFF_CHAT_UCENTRAAL=" -1009876543210 ",
        OMARMT_STAFF_CHAT_NEW_ORG="-42",
        OMARMT_STAFF_CHAT_EMPTY="",
    )

    assert dict(settings.staff_chats) == {
        "jou": -1001234567890,
        "ucentraal": -1009876543210,
        "new_org": -42,
    }


def test_empty_value_counts_as_unset() -> None:
    settings = make_settings(OMARMT_RETENTION_DAYS="", OMARMT_LOG_LEVEL=" ")

    assert settings.retention_days == 30
    assert settings.log_level == "INFO"


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("OMARMT_TELEGRAM_TOKEN", ""),
        ("OMARMT_TELEGRAM_TOKEN", "123 456"),
        ("OMARMT_SECRET", ""),
        ("OMARMT_SECRET", "x" * 31),
        ("OMARMT_TELEGRAM_API_URL", "api.telegram.org"),
        ("OMARMT_TELEGRAM_RATE_LIMIT", "yes please"),
        ("OMARMT_STAFF_CHAT_JOU", "jou-staff"),
        ("OMARMT_STAFF_CHAT_JOU", "0"),
        ("OMARMT_STAFF_CHAT_", "-100"),
        ("OMARMT_WEBHOOK_URL", "http://bot.example.org/hook"),
        ("OMARMT_WEBHOOK_SECRET", "no spaces allowed"),
        ("OMARMT_WEBHOOK_SECRET", "x" * 257),
        ("OMARMT_WEBHOOK_LISTEN", "8443"),
        ("OMARMT_WEBHOOK_LISTEN", "0.0.0.0:http"),
        ("OMARMT_WEBHOOK_LISTEN", "0.0.0.0:70000"),
        ("OMARMT_WEBHOOK_LISTEN", ":8443"),
        ("OMARMT_RETENTION_DAYS", "thirty"),
        ("OMARMT_RETENTION_DAYS", "0"),
        ("OMARMT_RETENTION_DAYS", "-5"),
        ("OMARMT_LOG_LEVEL", "LOUD"),
    ],
)
def test_malformed_setting_names_its_variable_in_one_line(variable: str, value: str) -> None:
    with pytest.raises(SettingsError) as caught:
        make_settings(**{variable: value})

    message = str(caught.value)
    assert message.startswith(f"{variable}: ")
    assert "\n" not in message
    assert caught.value.variable == variable


@pytest.mark.parametrize("variable", ["OMARMT_TELEGRAM_TOKEN", "OMARMT_SECRET"])
def test_run_requires_token_and_secret(variable: str) -> None:
    environ = {name: value for name, value in REQUIRED.items() if name != variable}

    with pytest.raises(SettingsError, match=f"^{variable}: is not set"):
        Settings.from_env(environ, need_telegram=True)


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("OMARMT_SECRET", "Zq7mark\nZq7mark"),
        ("OMARMT_TELEGRAM_TOKEN", "123:Zq7mark Zq7mark"),
        ("OMARMT_WEBHOOK_SECRET", "Zq7mark Zq7mark!"),
    ],
)
def test_secret_values_never_appear_in_errors(variable: str, value: str) -> None:
    with pytest.raises(SettingsError) as caught:
        make_settings(**{variable: value})

    assert "Zq7mark" not in str(caught.value)


def test_repr_hides_token_and_secrets() -> None:
    settings = make_settings(OMARMT_WEBHOOK_SECRET="webhook-secret-value")

    shown = repr(settings)
    assert TOKEN not in shown
    assert SECRET not in shown
    assert "webhook-secret-value" not in shown


def test_require_webhook_without_url_names_the_variable() -> None:
    with pytest.raises(SettingsError, match=r"^OMARMT_WEBHOOK_URL: "):
        make_settings().require_webhook()


def test_unknown_variables_are_reported() -> None:
    environ = {**REQUIRED, "OMARMT_TELEGRAM_TOKN": "x", "OMARMT_STAFF_CHAT_JOU": "-1", "HOME": "/"}

    assert unknown_variables(environ) == ("OMARMT_TELEGRAM_TOKN",)


def test_dotenv_is_merged_under_the_environment(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(
        "# local settings\n"
        "OMARMT_DB=from-file.sqlite3\n"
        "OMARMT_LOG_LEVEL=DEBUG\n"
        "OMARMT_SECRET='with$dollar-${NOT_EXPANDED}'\n"
        "BARE_NAME\n",
        encoding="utf-8",
    )

    merged = load_environ(tmp_path, {"OMARMT_DB": "from-env.sqlite3", "HOME": "/home/x"})

    assert merged == {
        "OMARMT_DB": "from-env.sqlite3",
        "OMARMT_LOG_LEVEL": "DEBUG",
        "OMARMT_SECRET": "with$dollar-${NOT_EXPANDED}",
        "HOME": "/home/x",
    }


def test_missing_dotenv_gives_the_environment(tmp_path: Path) -> None:
    assert load_environ(tmp_path, {"A": "1"}) == {"A": "1"}


def test_local_secret_is_created_once_with_mode_0600(tmp_path: Path) -> None:
    db = tmp_path / "omarmt.sqlite3"

    first, created = local_secret(db)
    second, created_again = local_secret(db)

    path = tmp_path / "omarmt.sqlite3.secret"
    assert created is True
    assert created_again is False
    assert first == second
    assert len(first) >= 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    Settings.from_env({**REQUIRED, "OMARMT_SECRET": first}, need_telegram=True)


def test_local_secret_tightens_a_loose_file(tmp_path: Path) -> None:
    db = tmp_path / "omarmt.sqlite3"
    secret, _ = local_secret(db)
    path = tmp_path / "omarmt.sqlite3.secret"
    path.chmod(0o644)

    assert local_secret(db) == (secret, False)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_local_secret_rejects_a_damaged_file(tmp_path: Path) -> None:
    (tmp_path / "omarmt.sqlite3.secret").write_text("Zq7mark\n", encoding="utf-8")

    with pytest.raises(SettingsError, match=r"omarmt\.sqlite3\.secret: holds no valid") as caught:
        local_secret(tmp_path / "omarmt.sqlite3")
    assert "Zq7mark" not in str(caught.value)
