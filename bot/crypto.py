"""Pseudonyms and encryption at rest, both keyed from the one operator secret."""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

__all__ = ["MIN_SECRET_LENGTH", "Box", "DecryptError", "Keys", "Pseudonymizer", "derive_keys"]

MIN_SECRET_LENGTH = 32

_PSEUDONYM_INFO = b"omarmt pseudonym v1"
_BOX_INFO = b"omarmt box v1"
_KEY_LENGTH = 32
_VERSION = b"\x01"
_NONCE_LENGTH = 12
_TAG_LENGTH = 16
_OVERHEAD = len(_VERSION) + _NONCE_LENGTH + _TAG_LENGTH


class DecryptError(Exception):
    """A sealed blob could not be opened: tampered, truncated, wrong key or wrong context."""


@dataclass(frozen=True, slots=True)
class Keys:
    """The independent keys derived from the operator secret; repr hides them from logs."""

    pseudonym_key: bytes = field(repr=False)
    box_key: bytes = field(repr=False)


def derive_keys(secret: str) -> Keys:
    """Derive one key per purpose, so a leak of one use never weakens the other."""
    if len(secret) < MIN_SECRET_LENGTH:
        msg = f"the secret must be at least {MIN_SECRET_LENGTH} characters long"
        raise ValueError(msg)
    material = secret.encode()
    return Keys(
        pseudonym_key=_hkdf(material, _PSEUDONYM_INFO),
        box_key=_hkdf(material, _BOX_INFO),
    )


def _hkdf(material: bytes, info: bytes) -> bytes:
    # No salt: the secret is already high-entropy and the keys must be reproducible from it alone.
    return HKDF(algorithm=hashes.SHA256(), length=_KEY_LENGTH, salt=None, info=info).derive(
        material
    )


class Pseudonymizer:
    """Turns a channel's user id into the stable lookup key the database stores instead."""

    __slots__ = ("_key",)

    def __init__(self, key: bytes) -> None:
        if not key:
            msg = "the pseudonym key must not be empty"
            raise ValueError(msg)
        self._key = key

    def __call__(self, channel: str, user_id: str | int) -> str:
        # A colon in the channel name would let two different (channel, user) pairs collide.
        if ":" in channel:
            msg = "a channel name must not contain ':'"
            raise ValueError(msg)
        message = f"{channel}:{user_id}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()


class Box:
    """Seals bytes with AES-256-GCM so a copy of the database alone reveals nothing.

    A sealed blob is ``version (1 byte) | nonce (12 bytes) | ciphertext and tag``. The version
    byte says which key sealed it, so a later key rotation can still open old rows; it is also
    authenticated, so it cannot be swapped. ``aad`` binds a blob to its context (such as the row
    key), so a blob copied into another row does not open.
    """

    __slots__ = ("_aead",)

    def __init__(self, key: bytes) -> None:
        if len(key) != _KEY_LENGTH:
            msg = f"the box key must be {_KEY_LENGTH} bytes"
            raise ValueError(msg)
        self._aead = AESGCM(key)

    def seal(self, plaintext: bytes, aad: bytes) -> bytes:
        """Encrypt and authenticate ``plaintext`` for storage; a fresh nonce every time."""
        nonce = os.urandom(_NONCE_LENGTH)
        return _VERSION + nonce + self._aead.encrypt(nonce, plaintext, _VERSION + aad)

    def open(self, blob: bytes, aad: bytes) -> bytes:
        """Return the plaintext of a blob made by `seal`, or raise `DecryptError`."""
        if len(blob) < _OVERHEAD or blob[:1] != _VERSION:
            msg = "sealed data is truncated or of an unknown version"
            raise DecryptError(msg)
        nonce = blob[1 : 1 + _NONCE_LENGTH]
        try:
            return self._aead.decrypt(nonce, blob[1 + _NONCE_LENGTH :], _VERSION + aad)
        except InvalidTag:
            msg = "sealed data failed authentication"
            raise DecryptError(msg) from None
