"""bench/model_curve.py: models compared over a sweep of the bar, the detector left as found."""

from __future__ import annotations

from bench.model_curve import figures, group, sweep
from bench.safety import _load
from bot.safety import detector
from bot.safety.model import load_model


def test_batches_are_grouped_where_models_are_chosen_and_where_they_only_measure() -> None:
    assert group("catch_measure.yaml") == "chosen on"
    assert group("negatives_measure14.yaml") == "chosen on"
    assert group("heldout4.yaml") == "chosen on"
    assert group("catch_measure15.yaml") == "batch 15"
    assert group("negatives_measure19.yaml") == "batch 19"


def test_a_higher_bar_never_catches_more_and_the_shipped_model_comes_back() -> None:
    model = load_model()
    assert model is not None
    before = detector._model()
    cases = _load("train_catch_ab.yaml")[:150] + _load("train_negatives_ab.yaml")[:150]
    low, high = sweep(model, [0.5, 1.01], {"some": cases})
    caught = [int(line.split(": ")[1].split("/")[0]) for line in (low, high)]
    assert caught[0] > caught[1], (low, high)  # the model speaks below 1.01, never above
    assert detector._model() is before
    # With no bars given, the model's own bar: the detector as shipped.
    (own,) = sweep(model, [], {"some": cases})
    assert f"{figures(cases)[0]}/" in own
