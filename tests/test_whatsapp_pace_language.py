"""WhatsApp's pacing per person, and the first guess at a writer's language."""

from __future__ import annotations

import pytest

from bot.channels.whatsapp.language import guess
from bot.channels.whatsapp.pace import PairPace


def test_a_burst_goes_at_once_then_one_message_per_interval() -> None:
    pace = PairPace(interval=6.0, burst=3)
    for _ in range(3):
        assert pace.wait("wa:a", 100.0) == 0.0
        pace.record("wa:a", 100.0)
    assert pace.wait("wa:a", 100.0) == pytest.approx(6.0)
    assert pace.wait("wa:a", 103.0) == pytest.approx(3.0)
    assert pace.wait("wa:a", 106.0) == 0.0
    assert pace.wait("wa:b", 100.0) == 0.0  # another person is not held back


def test_the_bucket_fills_again_and_never_beyond_the_burst() -> None:
    pace = PairPace(interval=6.0, burst=2)
    pace.record("wa:a", 0.0)
    pace.record("wa:a", 0.0)
    assert pace.wait("wa:a", 600.0) == 0.0
    pace.record("wa:a", 600.0)
    pace.record("wa:a", 600.0)
    assert pace.wait("wa:a", 600.0) > 0.0


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("hi, I'm new in Utrecht and feel a bit alone", "en"),
        ("hello", "en"),
        ("can someone help me", "en"),
        ("hoi ik ben nieuw in utrecht", "nl"),
        ("hallo", "nl"),
        ("ik voel me alleen", "nl"),
        ("1", None),
        ("👋", None),
        ("", None),
    ],
)
def test_the_first_words_hint_at_the_language_only_when_they_are_clear(
    text: str, lang: str | None
) -> None:
    assert guess(text) == lang
