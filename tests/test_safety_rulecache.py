"""The rule cache only saves work: a damaged, stale or unwritable one never changes a verdict."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.safety import detector
from bot.safety.detector import by_rules, ruleset
from bot.safety.normalize import normalise
from bot.safety.prefilter import anchor_sets
from bot.safety.reach import Alternation, branches, reach
from bot.safety.rulecache import Translations, cache_file, fingerprint, keep, recall
from bot.safety.ruleset import load_rules, safety_dir

CRISIS = "ik wil zelfmoord plegen"
NEVER = "(?!)"  # a regex that matches nothing: a cache of these silences every rule


@pytest.fixture(scope="module")
def sources() -> list[tuple[str, bool, str]]:
    """Each rule's source, whether it is a pattern, and its regex: loaded before a test
    points the cache elsewhere."""
    return [(rule.source, rule.padded, rule.regex.pattern) for rule in ruleset().rules]


def _poisoned(key: str, sources: list[tuple[str, bool, str]]) -> Translations:
    """A cache that would silence every rule if it were trusted."""
    patterns = {source: NEVER for source, padded, _ in sources if padded}
    regexes = {source: NEVER for source, padded, _ in sources if not padded}
    poisoned = Translations(key, patterns, regexes, {})
    poisoned.changed = True
    return poisoned


def _flip_a_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-100])


def _not_json(path: Path) -> None:
    path.write_bytes(b"0" * 64 + b"\n{")


def _stale(path: Path) -> None:
    # Poison written whole and with a valid hash, but for other rule files: its key differs.
    environ = {"XDG_CACHE_HOME": str(path.parent.parent)}
    stale = _poisoned("0" * 64, [(source, True, "") for source in _pattern_sources(path)])
    keep(stale, environ)
    cache_file(stale.key, environ).replace(path)


def _pattern_sources(path: Path) -> list[str]:
    digest_and_key = 2
    payload = path.read_bytes().split(b"\n", digest_and_key)[-1]
    return list(json.loads(payload)["patterns"])


DAMAGE: dict[str, Callable[[Path], None]] = {
    "a flipped byte": _flip_a_byte,
    "cut short": _truncate,
    "not json": _not_json,
    "stale": _stale,
}


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """An empty cache folder for this test, and a detector that loads its rules afresh."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    detector._loaded.cache_clear()
    yield {"XDG_CACHE_HOME": str(tmp_path)}
    detector._loaded.cache_clear()


def _write_poison(environ: dict[str, str], sources: list[tuple[str, bool, str]]) -> Path:
    key = fingerprint(safety_dir())
    keep(_poisoned(key, sources), environ)
    return cache_file(key, environ)


def test_a_cache_with_its_hash_is_trusted(
    cache_home: dict[str, str], sources: list[tuple[str, bool, str]]
) -> None:
    """What the damage tests below rely on: poison with a valid hash would be used."""
    _write_poison(cache_home, sources)
    source = next(source for source, padded, _ in sources if padded)
    assert recall(safety_dir(), cache_home).pattern(source, {}) == NEVER


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_or_stale_cache_is_ignored(
    cache_home: dict[str, str],
    sources: list[tuple[str, bool, str]],
    damage: Callable[[Path], None],
) -> None:
    path = _write_poison(cache_home, sources)
    damage(path)
    found = recall(safety_dir(), cache_home)
    assert found.body() == Translations(found.key).body()


def test_the_detector_still_catches_a_crisis_past_a_bad_cache(
    cache_home: dict[str, str], sources: list[tuple[str, bool, str]]
) -> None:
    """One damage is enough here: every damage above leaves `recall` with the same empty
    memo, and each run of this test translates all the rules afresh (10 s on CI)."""
    path = _write_poison(cache_home, sources)
    _flip_a_byte(path)
    sign = by_rules(CRISIS)  # the first detection loads the rules
    assert sign is not None
    assert (sign.category, sign.level) == ("suicide", "crisis")
    # ...and the bad file was replaced by a good one.
    known = recall(safety_dir(), cache_home)
    patterns = [(source, regex) for source, padded, regex in sources if padded]
    assert [known.pattern(source, {}) for source, _ in patterns] == [
        regex for _, regex in patterns
    ]
    assert not known.changed


def test_an_unwritable_cache_folder_is_no_problem(
    cache_home: dict[str, str], tmp_path: Path
) -> None:
    (tmp_path / "omarmt").write_text("a file where the folder would go", encoding="utf-8")
    known = Translations("key")
    known.pattern("wil dood", {})
    keep(known, cache_home)  # no exception
    assert known.changed


def test_the_cached_translation_is_the_translation(cache_home: dict[str, str]) -> None:
    """Rules and anchors read from the cache file equal those made without it."""
    known = recall(safety_dir(), cache_home)
    made = load_rules(known=known)
    for rule in made.rules:
        known.anchors(rule.expression)
    keep(known, cache_home)
    again = recall(safety_dir(), cache_home)
    rules = load_rules(known=again)
    assert [rule.regex for rule in rules.rules] == [rule.regex for rule in made.rules]
    assert rules.idioms == made.idioms
    assert [again.anchors(rule.expression) for rule in rules.rules] == [
        anchor_sets(rule.regex) for rule in made.rules
    ]
    assert not again.changed  # everything came from the file


def test_the_idioms_read_from_the_cache_are_indexed_as_from_the_regex_parser() -> None:
    """The idiom alternatives' anchors and reaches are kept too (the detector indexes the
    idioms with them at start): read back, they equal what the regex parser makes. The user's
    own cache, which loading the rules has written (an empty one costs 20 s to fill)."""
    rules = ruleset()  # loads the rules, indexes the idioms and writes the cache
    assert rules.idioms is not None
    pieces = branches(rules.idioms.pattern)
    again = recall(safety_dir())
    assert [again.anchors(piece) for piece in pieces] == [anchor_sets(piece) for piece in pieces]
    assert [again.reach(piece) for piece in pieces] == [reach(piece) for piece in pieces]
    assert not again.changed
    # ...and every rule example is masked the same with them.
    kept = Alternation(rules.idioms, again.anchors, again.reach)
    parsed = Alternation(rules.idioms)
    examples = [text for rule in rules.rules for text in (*rule.match, *rule.no_match)]
    texts = [f" {normalise(text).text} " for text in examples]
    masked = [kept.sub("_ ", text) for text in texts]
    assert masked == [parsed.sub("_ ", text) for text in texts]
    assert sum(text != before for text, before in zip(masked, texts, strict=True)) > 50
