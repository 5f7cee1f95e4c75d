"""The secret and the database belong together: a sealed check value, and rotating the secret.

A start with another OMARMT_SECRET must stop before it reads (let alone deletes) anything it
cannot open. The check value in `meta` is sealed with the box key; a database from before it
existed is checked against one of its sealed rows, then gets the check value.

`rotate` re-seals every sealed value under a new secret in one transaction. Pseudonyms are
HMACs of Telegram ids the database does not hold, so they cannot be computed again: the old
pseudonym key is carried over, sealed under the new secret, and people keep their
conversations.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.crypto import Box, DecryptError, Keys
from bot.storage.base import Conn, Db, serialize

__all__ = ["WrongSecretError", "rotate", "unlock"]

_CHECK = "secret_check"
_PSEUDONYM = "pseudonym_key"
_CHECK_TEXT = b"omarmt secret check v1"
_CHECK_AAD = b"meta:secret_check"
_PSEUDONYM_AAD = b"meta:pseudonym_key"

#: Every sealed column: table, key column, sealed column, how the row's AAD is made.
_SEALED: tuple[tuple[str, str, str, Callable[[str], bytes]], ...] = (
    ("sessions", "key", "state", lambda key: key.encode()),
    ("inbox", "id", "payload", lambda lane: b"in:" + lane.encode()),
    ("outbox", "id", "chat", lambda lane: b"chat:" + lane.encode()),
    ("outbox", "id", "payload", lambda lane: b"out:" + lane.encode()),
    ("handoffs", "code", "chat", lambda code: b"hchat:" + code.encode()),
    ("handoffs", "code", "info", lambda code: b"card:" + code.encode()),
)
#: The column whose value goes into the AAD, per table.
_AAD_COLUMN = {"sessions": "key", "inbox": "lane", "outbox": "lane", "handoffs": "code"}


class WrongSecretError(Exception):
    """OMARMT_SECRET is not the secret this database was sealed with."""

    def __init__(self, variable: str = "OMARMT_SECRET") -> None:
        super().__init__(
            f"{variable} does not open this database: it was sealed with another secret. "
            "Nothing was changed; start with the right secret (to change it, see "
            "omarmt rotate-secret)"
        )


async def unlock(db: Db, keys: Keys) -> Keys:
    """Check that `keys` open this database; the keys to use (the pseudonym key may be one
    carried over by a rotation). Raises `WrongSecretError`, having changed nothing."""
    box = Box(keys.box_key)

    def work(conn: Conn) -> Keys:
        serialize(conn, "omarmt.keys")  # replicas starting together write the check value once
        check = _get(conn, _CHECK)
        if check is None:
            if not _opens_a_sealed_row(conn, box):
                raise WrongSecretError
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                (_CHECK, box.seal(_CHECK_TEXT, _CHECK_AAD)),
            )
        elif not _opens(box, check, _CHECK_AAD, _CHECK_TEXT):
            raise WrongSecretError
        carried = _get(conn, _PSEUDONYM)
        if carried is None:
            return keys
        try:
            return Keys(pseudonym_key=box.open(carried, _PSEUDONYM_AAD), box_key=keys.box_key)
        except DecryptError:
            raise WrongSecretError from None

    return await db.run(work)


async def rotate(db: Db, old: Keys, new: Keys) -> int:
    """Re-seal every sealed value from `old` to `new` in one transaction; how many values.

    `old` must be the keys `unlock` returned. A value that does not open under the old key
    (damaged) is left exactly as it was, and rotation stops with nothing changed.
    """
    old_box, new_box = Box(old.box_key), Box(new.box_key)

    def work(conn: Conn) -> int:
        count = 0
        for table, key, column, aad in _SEALED:
            aad_column = _AAD_COLUMN[table]
            rows = conn.execute(
                f"SELECT {key}, {aad_column}, {column} FROM {table}"  # noqa: S608 - constants
            ).fetchall()
            for row_key, aad_value, blob in rows:
                context = aad(str(aad_value))
                try:
                    plain = old_box.open(bytes(blob), context)
                except (DecryptError, TypeError):
                    msg = f"a value in {table}.{column} does not open; nothing was rotated"
                    raise DecryptError(msg) from None
                conn.execute(
                    f"UPDATE {table} SET {column} = ? WHERE {key} = ?",  # noqa: S608 - constants
                    (new_box.seal(plain, context), row_key),
                )
                count += 1
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?), (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (
                _CHECK,
                new_box.seal(_CHECK_TEXT, _CHECK_AAD),
                _PSEUDONYM,
                new_box.seal(old.pseudonym_key, _PSEUDONYM_AAD),
            ),
        )
        return count

    count = await db.run(work)
    await db.checkpoint()  # the values sealed under the old key leave the WAL too
    return count


def _get(conn: Conn, name: str) -> bytes | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (name,)).fetchone()
    return None if row is None else bytes(row[0])


def _opens(box: Box, blob: bytes, aad: bytes, expected: bytes) -> bool:
    try:
        return box.open(blob, aad) == expected
    except DecryptError:
        return False


def _opens_a_sealed_row(conn: Conn, box: Box) -> bool:
    """For a database from before the check value: does the key open its first sealed row?
    True for a database with none (nothing to lose)."""
    for table, _key, column, aad in _SEALED:
        row = conn.execute(
            f"SELECT {_AAD_COLUMN[table]}, {column} FROM {table} LIMIT 1"  # noqa: S608
        ).fetchone()
        if row is None:
            continue
        try:
            box.open(bytes(row[1]), aad(str(row[0])))
        except (DecryptError, TypeError):
            return False
        return True
    return True
