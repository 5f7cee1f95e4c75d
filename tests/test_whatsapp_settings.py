"""The WhatsApp settings: defaults, presence, and one line for each missing or wrong value."""

from __future__ import annotations

import pytest

from bot.settings import GRAPH_API_URL, Settings, SettingsError, unknown_variables

TOKEN = "EAAG-whatsapp-token-never-shown"
APP_SECRET = "0123456789abcdef0123456789abcdef"
VERIFY = "verify-me-please"
WHATSAPP = {
    "OMARMT_WHATSAPP_TOKEN": TOKEN,
    "OMARMT_WHATSAPP_PHONE_NUMBER_ID": "106540352242922",
    "OMARMT_WHATSAPP_APP_SECRET": APP_SECRET,
    "OMARMT_WHATSAPP_VERIFY_TOKEN": VERIFY,
}


def settings(**environ: str) -> Settings:
    return Settings.from_env(environ, need_telegram=False)


def test_the_four_required_values_and_the_defaults() -> None:
    wa = settings(**WHATSAPP).require_whatsapp()

    assert (wa.token, wa.phone_number_id) == (TOKEN, "106540352242922")
    assert (wa.app_secret, wa.verify_token) == (APP_SECRET, VERIFY)
    assert wa.api_url == GRAPH_API_URL == "https://graph.facebook.com/v26.0"
    assert (wa.host, wa.port) == ("0.0.0.0", 8080)


def test_api_url_and_listen_are_read() -> None:
    wa = settings(
        **WHATSAPP,
        OMARMT_WHATSAPP_API_URL="http://127.0.0.1:9999/v26.0/",
        OMARMT_WHATSAPP_LISTEN="[::1]:9000",
    ).require_whatsapp()

    assert wa.api_url == "http://127.0.0.1:9999/v26.0"
    assert (wa.host, wa.port) == ("::1", 9000)


def test_present_when_any_whatsapp_setting_is_given() -> None:
    assert not settings().whatsapp_present
    assert not settings(OMARMT_WHATSAPP_TOKEN=" ").whatsapp_present  # empty counts as unset
    assert settings(OMARMT_WHATSAPP_LISTEN="127.0.0.1:8080").whatsapp_present
    assert settings(**WHATSAPP).whatsapp_present


def test_whatsapp_variables_are_known() -> None:
    environ = {**WHATSAPP, "OMARMT_WHATSAPP_API_URL": "x", "OMARMT_WHATSAPP_LISTEN": "y"}
    assert unknown_variables(environ) == ()


@pytest.mark.parametrize("missing", sorted(WHATSAPP))
def test_each_missing_value_is_one_line_naming_it(missing: str) -> None:
    environ = {k: v for k, v in WHATSAPP.items() if k != missing}

    with pytest.raises(SettingsError) as caught:
        settings(**environ).require_whatsapp()

    assert caught.value.variable == missing
    assert str(caught.value).startswith(f"{missing}: is not set")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("OMARMT_WHATSAPP_LISTEN", "8080"),
        ("OMARMT_WHATSAPP_LISTEN", "localhost:http"),
        ("OMARMT_WHATSAPP_LISTEN", "0.0.0.0:70000"),
        ("OMARMT_WHATSAPP_API_URL", "graph.facebook.com/v26.0"),
        ("OMARMT_WHATSAPP_PHONE_NUMBER_ID", "+31 6 12345678"),
        ("OMARMT_WHATSAPP_PHONE_NUMBER_ID", "abc123"),
        ("OMARMT_WHATSAPP_TOKEN", "two words"),
        ("OMARMT_WHATSAPP_APP_SECRET", "has a space"),
    ],
)
def test_each_malformed_value_is_one_line_naming_it(variable: str, value: str) -> None:
    with pytest.raises(SettingsError) as caught:
        settings(**{**WHATSAPP, variable: value}).require_whatsapp()

    assert caught.value.variable == variable
    assert "\n" not in str(caught.value)


def test_secrets_stay_out_of_repr() -> None:
    loaded = settings(**WHATSAPP)

    for shown in (repr(loaded), repr(loaded.require_whatsapp())):
        assert TOKEN not in shown
        assert APP_SECRET not in shown
        assert VERIFY not in shown
