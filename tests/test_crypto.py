"""Tests for pseudonyms and encryption at rest."""

from __future__ import annotations

import hashlib

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from bot.crypto import Box, DecryptError, Keys, Pseudonymizer, derive_keys

SECRET = "een-geheim-van-minstens-32-tekens-lang"
OTHER_SECRET = "een-ander-geheim-van-minstens-32-tekens"
AAD = b"row-key"


@pytest.fixture
def keys() -> Keys:
    return derive_keys(SECRET)


@pytest.fixture
def box(keys: Keys) -> Box:
    return Box(keys.box_key)


def _hkdf(info: bytes) -> bytes:
    kdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info)
    return kdf.derive(SECRET.encode())


def test_keys_are_hkdf_sha256_with_one_label_per_purpose(keys: Keys) -> None:
    assert keys.pseudonym_key == _hkdf(b"omarmt pseudonym v1")
    assert keys.box_key == _hkdf(b"omarmt box v1")
    assert keys.pseudonym_key != keys.box_key
    assert len(keys.box_key) == 32


def test_keys_stay_out_of_their_repr(keys: Keys) -> None:
    assert keys.box_key.hex() not in repr(keys)
    assert repr(keys.box_key) not in repr(keys)


def test_a_short_secret_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 32"):
        derive_keys("x" * 31)
    derive_keys("x" * 32)


def test_pseudonym_is_stable_for_one_secret(keys: Keys) -> None:
    first = Pseudonymizer(keys.pseudonym_key)("telegram", 123)
    again = Pseudonymizer(derive_keys(SECRET).pseudonym_key)("telegram", 123)
    assert first == again
    assert len(first) == 64
    int(first, 16)


def test_pseudonym_depends_on_secret_channel_and_user(keys: Keys) -> None:
    pseudonym = Pseudonymizer(keys.pseudonym_key)
    other = Pseudonymizer(derive_keys(OTHER_SECRET).pseudonym_key)
    assert pseudonym("telegram", 123) != other("telegram", 123)
    assert pseudonym("telegram", 123) != pseudonym("telegram", 124)
    assert pseudonym("telegram", 123) != pseudonym("whatsapp", 123)


def test_pseudonym_is_not_a_plain_hash_anyone_could_recompute(keys: Keys) -> None:
    plain = hashlib.sha256(b"telegram:123").hexdigest()
    assert Pseudonymizer(keys.pseudonym_key)("telegram", 123) != plain


def test_pseudonym_treats_numeric_and_text_ids_alike(keys: Keys) -> None:
    pseudonym = Pseudonymizer(keys.pseudonym_key)
    assert pseudonym("telegram", 123) == pseudonym("telegram", "123")


def test_pseudonym_refuses_a_channel_that_could_collide(keys: Keys) -> None:
    with pytest.raises(ValueError, match="':'"):
        Pseudonymizer(keys.pseudonym_key)("tele:gram", 1)


def test_box_round_trip(box: Box) -> None:
    plaintext = b"ik voel me alleen"
    blob = box.seal(plaintext, AAD)
    assert box.open(blob, AAD) == plaintext
    assert plaintext not in blob


def test_box_blob_is_version_nonce_ciphertext_and_tag(box: Box) -> None:
    blob = box.seal(b"abc", AAD)
    assert blob[:1] == b"\x01"
    assert len(blob) == 1 + 12 + 3 + 16


def test_box_uses_a_fresh_nonce_every_time(box: Box) -> None:
    assert box.seal(b"same", AAD) != box.seal(b"same", AAD)


def test_box_seals_empty_plaintext(box: Box) -> None:
    assert box.open(box.seal(b"", AAD), AAD) == b""


@pytest.mark.parametrize(
    "position",
    [
        pytest.param(0, id="version"),
        pytest.param(5, id="nonce"),
        pytest.param(14, id="ciphertext"),
        pytest.param(-1, id="tag"),
    ],
)
def test_box_detects_tampering(box: Box, position: int) -> None:
    blob = bytearray(box.seal(b"some state", AAD))
    blob[position] ^= 0x01
    with pytest.raises(DecryptError):
        box.open(bytes(blob), AAD)


def test_box_refuses_the_wrong_aad(box: Box) -> None:
    blob = box.seal(b"some state", AAD)
    with pytest.raises(DecryptError):
        box.open(blob, b"another-row")


def test_box_refuses_the_wrong_key(box: Box) -> None:
    blob = box.seal(b"some state", AAD)
    with pytest.raises(DecryptError):
        Box(derive_keys(OTHER_SECRET).box_key).open(blob, AAD)


@pytest.mark.parametrize("length", [0, 1, 13, 28, 29, 30])
def test_box_refuses_a_truncated_blob(box: Box, length: int) -> None:
    blob = box.seal(b"some state", AAD)
    with pytest.raises(DecryptError):
        box.open(blob[:length], AAD)


def test_box_needs_a_256_bit_key() -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        Box(b"k" * 16)
