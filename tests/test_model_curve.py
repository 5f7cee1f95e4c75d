"""bench/model_curve.py: models compared over a sweep of the bar, the detector left as found."""

from __future__ import annotations

from typing import cast

import pytest

from bench.model_curve import _sets, alone, figures, group, sweep
from bench.safety import Case, _load
from bot.safety import detector
from bot.safety.model import Model, load_model
from bot.safety.normalize import Normalised, normalise


def test_batches_are_grouped_where_models_are_chosen_and_where_they_only_measure() -> None:
    assert group("catch_measure26.yaml") == "chosen on"
    assert group("negatives_measure30.yaml") == "chosen on"
    assert group("catch_measure34.yaml") == "chosen on"
    assert group("catch_measure35.yaml") == "batch 35"
    assert group("negatives_measure41.yaml") == "batch 41"


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


def test_the_model_alone_catches_more_the_more_false_alarms_it_may_give() -> None:
    class Sure:
        """A model as sure of each text as its table says (no text: not sure at all)."""

        def __init__(self, table: dict[str, float]) -> None:
            self.table = {normalise(text): chance for text, chance in table.items()}

        def chance(self, folded: Normalised) -> float | None:
            return self.table.get(folded)

    calm = {f"gewoon bericht nummer {i}": i / 10 for i in range(10)}  # 0.0 ... 0.9
    signs = {"ik wil dood": 0.95, "ik snij mezelf": 0.55, "hij slaat me": 0.25, "weg": 0.0}
    cases = [Case(text=t, expect="none") for t in calm] + [
        Case(text=t, expect="suicide") for t in signs
    ]
    lines = alone(cast(Model, Sure(calm | signs)), cases, (0, 4, 7, 20))
    assert lines == [
        "alone, 0 false alarms (above 0.900): 1/4 signs",  # only what beats the surest calm
        "alone, 4 false alarms (above 0.500): 2/4 signs",
        "alone, 7 false alarms (above 0.200): 3/4 signs",
        "alone, 20 false alarms (above 0.000): 3/4 signs",  # a sign it is not sure of stays out
    ]


def test_a_held_out_round_is_a_tuning_set_never_a_measuring_one() -> None:
    (cases,) = _sets("train_catch_ab,train_negatives_ab.yaml").values()
    assert len(cases) == len(_load("train_catch_ab.yaml")) + len(_load("train_negatives_ab.yaml"))
    for name in ("catch_measure41", "catch_measure26", "train_catch_zz9"):
        with pytest.raises(SystemExit):
            _sets(f"train_catch_ab,{name}")
