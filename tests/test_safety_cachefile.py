"""Cache files spare start-up work only: a damaged, stale or unwritable one is never used."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.safety import cachefile, words
from bot.safety.cachefile import cache_path, fingerprint, read, write

KEY = fingerprint("test")


def test_what_is_written_is_read(tmp_path: Path) -> None:
    path = tmp_path / "kind-x.cache"
    assert write(path, KEY, b"payload\nwith lines")
    assert read(path, KEY) == b"payload\nwith lines"


def test_a_damaged_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "kind-x.cache"
    write(path, KEY, b"a payload of some length")
    data = bytearray(path.read_bytes())
    data[-5] ^= 0x01
    path.write_bytes(bytes(data))
    assert read(path, KEY) is None
    path.write_bytes(bytes(data[:-3]))
    assert read(path, KEY) is None


def test_a_file_made_for_another_key_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "kind-x.cache"
    write(path, fingerprint("other"), b"payload")
    assert read(path, KEY) is None


def test_a_missing_file_is_not_read(tmp_path: Path) -> None:
    assert read(tmp_path / "nothing.cache", KEY) is None


def test_an_unwritable_place_leaves_nothing_behind(tmp_path: Path) -> None:
    (tmp_path / "omarmt").write_text("a file where the folder would go", encoding="utf-8")
    path = cache_path("kind", KEY, {"XDG_CACHE_HOME": str(tmp_path)})
    assert not write(path, KEY, b"payload")
    (tmp_path / "omarmt").unlink()
    (path / "in the way").mkdir(parents=True)  # the file cannot replace a folder
    assert not write(path, KEY, b"payload")
    assert list((tmp_path / "omarmt").iterdir()) == [path]  # no temporary file left


def test_the_cache_folder_follows_xdg() -> None:
    assert cache_path("k", KEY, {"XDG_CACHE_HOME": "/c", "HOME": "/h"}).parent == Path("/c/omarmt")
    for relative in ({"XDG_CACHE_HOME": "c"}, {}):
        place = cache_path("k", KEY, {**relative, "HOME": "/h"})
        assert place.parent == Path("/h/.cache/omarmt")


def test_only_the_newest_files_of_a_kind_are_kept(tmp_path: Path) -> None:
    for index in range(7):
        write(tmp_path / f"kind-{index}.cache", KEY, b"x")
    write(tmp_path / "other-0.cache", KEY, b"x")
    assert len(list(tmp_path.glob("kind-*.cache"))) == 4
    assert (tmp_path / "kind-6.cache").exists()
    assert (tmp_path / "other-0.cache").exists()


@pytest.fixture
def fresh_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder, and word lists read afresh (and again after the test)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    words.load.cache_clear()
    yield tmp_path
    words.load.cache_clear()


def test_the_word_lists_read_back_from_the_cache_are_the_same(fresh_words: Path) -> None:
    made = words.load()
    (kept,) = fresh_words.glob("omarmt/words-*.cache")
    words.load.cache_clear()
    again = words.load()
    assert again.hashes == made.hashes
    assert again.clashes == made.clashes
    # A damaged file is made again from the lists, the same.
    data = bytearray(kept.read_bytes())
    data[len(data) // 2] ^= 0x01
    kept.write_bytes(bytes(data))
    words.load.cache_clear()
    assert words.load().hashes == made.hashes
    assert cachefile.read(kept, kept.read_bytes().split(b"\n")[1].decode()) is not None
    assert words.unfolds("rapped")
