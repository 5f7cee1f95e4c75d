"""The one-scan clearing of short texts changes no verdict: it is only faster."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.safety import detect, detector

SAFETY = Path(__file__).parent / "safety"


def _texts() -> list[str]:
    texts: list[str] = []
    for name in ("must_catch.yaml", "must_not_trigger.yaml", "heldout.yaml"):
        data = yaml.safe_load((SAFETY / name).read_text(encoding="utf-8"))
        entries = data if isinstance(data, list) else [
            item for value in data.values() if isinstance(value, list) for item in value
        ]  # fmt: skip
        texts += [str(e["text"]) for e in entries if isinstance(e, dict) and "text" in e]
    return texts


def _without_quick_clear(text: str, monkeypatch: pytest.MonkeyPatch) -> object:
    with monkeypatch.context() as patch:
        patch.setattr(detector, "_QUICK_CLEAR", 0)
        return detect(text)


def test_same_verdict_on_every_dataset_message(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    assert len(texts) > 1000
    short = [t for t in texts if len(t) <= 40]
    assert short, "the datasets hold short messages too"
    for text in texts:
        assert detect(text) == _without_quick_clear(text, monkeypatch), text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=20))
def test_same_verdict_on_any_short_text(text: str) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(detector, "_QUICK_CLEAR", 0)
        reference = detect(text)
    assert detect(text) == reference
