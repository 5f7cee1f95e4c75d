"""Whether a webhook body really comes from Meta: its X-Hub-Signature-256 header."""

from __future__ import annotations

import hashlib
import hmac

__all__ = ["HEADER", "sign", "valid_signature"]

#: The header Meta signs every webhook POST with: ``sha256=<hex HMAC of the raw body>``.
HEADER = "X-Hub-Signature-256"
_PREFIX = "sha256="
_HEX_LENGTH = 64


def sign(app_secret: str, body: bytes) -> str:
    """The header value Meta sends for `body` (for test servers and tests)."""
    return _PREFIX + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()


def valid_signature(app_secret: str, body: bytes, header: str | None) -> bool:
    """True only if `header` is ``sha256=<hex>`` of the HMAC-SHA256 of the raw `body` bytes.

    The comparison takes constant time; a missing, empty or malformed header, or an empty
    secret, is simply not valid.
    """
    if not app_secret or header is None:
        return False
    scheme, _, given = header.strip().partition("=")
    if scheme.lower() != "sha256" or len(given) != _HEX_LENGTH:
        return False
    try:
        given_bytes = bytes.fromhex(given)
    except ValueError:
        return False
    expected = hmac.new(app_secret.encode(), body, hashlib.sha256).digest()
    return hmac.compare_digest(expected, given_bytes)
