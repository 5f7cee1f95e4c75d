"""The slips bench/typos.py types into plain statements are the four it names, one per text."""

from __future__ import annotations

import random

import pytest

from bench.typos import KINDS, still_caught, typed


@pytest.mark.parametrize("seed", range(20))
def test_each_kind_of_slip_changes_one_word_as_named(seed: int) -> None:
    text = "ik wil echt niet meer leven"
    for kind in KINDS[:4]:
        slipped = typed(text, kind, random.Random(seed))
        assert slipped is not None
        before, after = text.split(), slipped.split()
        changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
        assert len(changed) == 1, kind  # "meer": its two e's swapped would be no slip
        old, new = changed[0]
        assert len(old) >= 4
        if kind == "swapped":
            assert sorted(old) == sorted(new)
            assert len(old) == len(new)
        elif kind == "left out":
            assert len(new) == len(old) - 1
        elif kind == "doubled":
            assert len(new) == len(old) + 1
        else:
            assert len(new) == len(old)
            assert sum(a != b for a, b in zip(old, new, strict=True)) == 1


def test_a_text_without_a_long_word_gets_no_slip() -> None:
    assert typed("ik ga nu", "swapped", random.Random(0)) is None


def test_a_statement_typed_with_a_slip_is_counted_per_kind() -> None:
    figures = still_caught(
        ["ik wil dood", "ik heb mezelf gesneden", "ik ga vanavond naar de film"]
    )
    assert set(figures) == set(KINDS)
    for hits, total in figures.values():
        assert total == 2  # the film is no statement of crisis, so it is not typed again
        assert 0 <= hits <= total


def test_chatter_is_put_around_the_statement_as_it_is() -> None:
    text = "ik wil echt niet meer leven"
    for seed in range(20):
        chatted = typed(text, "chatter", random.Random(seed))
        assert chatted is not None
        assert text in chatted
        assert chatted != text
