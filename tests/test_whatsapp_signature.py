"""A webhook body is only believed with Meta's signature over exactly its raw bytes."""

from __future__ import annotations

import hashlib
import hmac

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.channels.whatsapp.signature import sign, valid_signature

SECRET = "0123456789abcdef0123456789abcdef"
BODY = b'{"object":"whatsapp_business_account","entry":[]}'


def meta_header(body: bytes, secret: str = SECRET) -> str:
    """The header as Meta documents it, computed here independently of the code under test."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def test_metas_signature_is_valid() -> None:
    assert valid_signature(SECRET, BODY, meta_header(BODY))
    assert sign(SECRET, BODY) == meta_header(BODY)


def test_the_hex_may_come_in_capitals() -> None:
    header = meta_header(BODY)
    assert valid_signature(SECRET, BODY, "sha256=" + header.removeprefix("sha256=").upper())


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "sha256=",
        "sha1=" + "0" * 40,
        meta_header(BODY).removeprefix("sha256="),  # the hex without its scheme
        meta_header(BODY)[:-1],  # one digit short
        meta_header(BODY) + "0",
        meta_header(BODY)[:-2] + "zz",  # not hex
        meta_header(BODY, "another-secret"),
        meta_header(BODY + b" "),  # signed another body
    ],
)
def test_anything_else_is_invalid(header: str | None) -> None:
    assert not valid_signature(SECRET, BODY, header)


def test_the_raw_bytes_count_not_the_json() -> None:
    # The same JSON with other spacing is another body: re-serialising before checking fails.
    assert not valid_signature(SECRET, BODY.replace(b",", b", "), meta_header(BODY))


def test_an_empty_secret_never_validates() -> None:
    assert not valid_signature("", BODY, meta_header(BODY, ""))


@given(st.binary(max_size=200), st.text(max_size=80))
def test_never_raises_and_forgeries_fail(body: bytes, header: str) -> None:
    assert valid_signature(SECRET, body, header) == (header.lower() == meta_header(body).lower())
