"""docs/safety-rules.md is what a crisis line reviews: it must show the rules as they are."""

from __future__ import annotations

from pathlib import Path

from bot.safety.review import overview

DOC = Path(__file__).resolve().parent.parent / "docs" / "safety-rules.md"


def test_the_rules_overview_is_in_step_with_the_rules() -> None:
    assert DOC.read_text(encoding="utf-8") == overview(), (
        "docs/safety-rules.md is out of date: python -m bot.safety.review > docs/safety-rules.md"
    )


def test_the_overview_shows_every_rule_with_its_examples() -> None:
    text = overview()
    assert "### `want_dead_nl`" in text
    assert "- matches: ik wil dood" in text
    assert "- does not match:" in text
