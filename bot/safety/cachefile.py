"""Hash-checked files under $XDG_CACHE_HOME/omarmt/ that spare start-up work; never trusted.

A file holds the SHA-256 of the rest, then the key it was made for, then its payload. Reading
returns the payload only when both check out; a missing, damaged or stale file, like one that
cannot be written, only means the work is done again. The key is a hash of all the payload
depends on (`fingerprint`), and names the file, so checkouts of other versions keep their own.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

__all__ = ["cache_path", "fingerprint", "read", "write"]

logger = logging.getLogger(__name__)

_FORMAT = b"omarmt cache 1"
_KEEP_FILES = 4  # per kind: files of other versions (other checkouts) kept beside the current
_MAX_BYTES = 64 * 2**20


def fingerprint(kind: str, contents: Iterable[Path] = (), stamps: Iterable[Path] = ()) -> str:
    """A hash of the code of bot/safety/, Python's version, the bytes of `contents` and the
    size and time of `stamps` (files too big to read at every start)."""
    digest = hashlib.sha256(_FORMAT + b"\0" + kind.encode())
    digest.update(sys.version.encode())
    code = sorted(Path(__file__).resolve().parent.glob("*.py"))
    for path in [*code, *contents]:
        digest.update(f"\0{path.name}\0".encode())
        digest.update(path.read_bytes())
    for path in stamps:
        stat = path.stat()
        digest.update(f"\0{path}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def cache_path(kind: str, key: str, environ: Mapping[str, str] = os.environ) -> Path:
    """Where the `kind` of file made for `key` is kept."""
    # XDG: an unset, empty or relative XDG_CACHE_HOME means ~/.cache.
    base = environ.get("XDG_CACHE_HOME", "")
    root = Path(base) if Path(base).is_absolute() else Path(environ.get("HOME", "~")) / ".cache"
    return root.expanduser() / "omarmt" / f"{kind}-{key[:32]}.cache"


def read(path: Path, key: str) -> bytes | None:
    """The payload kept for `key`, or None when the file is missing, damaged or stale."""
    try:
        with path.open("rb") as handle:
            data = handle.read(_MAX_BYTES + 1)
    except OSError:
        return None
    digest, _, body = data.partition(b"\n")
    if len(data) > _MAX_BYTES or digest != hashlib.sha256(body).hexdigest().encode():
        return None
    found, _, payload = body.partition(b"\n")
    return payload if found == key.encode() else None


def write(path: Path, key: str, payload: bytes) -> bool:
    """Keep `payload` for `key` at `path`; False (and nothing left behind) when it cannot."""
    body = key.encode() + b"\n" + payload
    written: Path | None = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        written = Path(name)
        with os.fdopen(handle, "wb") as out:
            out.write(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
        written.replace(path)  # readers see the old file or the whole new one, never half
    except OSError as error:
        logger.debug("cache file not written: %s", error.strerror)
        if written is not None:
            written.unlink(missing_ok=True)
        return False
    _prune(path)
    return True


def _prune(kept: Path) -> None:
    kind = kept.name.rsplit("-", 1)[0]
    try:
        files = kept.parent.glob(f"{kind}-*.cache")
        newest = sorted(files, key=lambda item: item.stat().st_mtime, reverse=True)
        for old in newest[_KEEP_FILES:]:
            old.unlink()
    except OSError:
        pass  # another process pruned first, or the folder is not ours to tidy
