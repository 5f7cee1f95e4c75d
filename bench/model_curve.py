"""Compare crisis models over a sweep of their bar, not at one bar each.

    python bench/model_curve.py                                  the shipped model
    python bench/model_curve.py OTHER.json.gz --bars 0.976,0.982  a model trained elsewhere too

For each model and bar it runs the whole detector (the rules first, the model on what they let
pass) over the measuring batches a model is chosen on (26-34) and prints totals:
signs caught, plain first-person statements caught, false alarms. A model trained on more data
sets a higher bar for itself and so can look worse at its own bar while it catches more at every
level of false alarms (docs/safety.md, "Round AH"): compare the curves, then let the training
script choose the bar.

`--fresh` also prints the later batches (35 on). Those are the ones no choice is made on: read
them once, after the choice, or they stop measuring.

A round held out (docs/safety.md, "Measuring batch 41"): train without one round's tuning sets
(`scripts/train_safety_model.py --without`), then sweep over just those sets, which the rules
were tuned on but the model never read. `--sets` also prints the model read alone, without the
rules: how many signs it is surer of than of the ordinary message it is k-th surest of.

    python bench/model_curve.py A.json.gz B.json.gz --sets train_catch_bs,train_negatives_bs
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The path above makes the package importable.
from bench.safety import MEASURE, TUNE, Case, _crisis, _load, expected  # noqa: E402
from bot.safety import detector  # noqa: E402
from bot.safety.model import MODEL_FILE, Model, read_model  # noqa: E402
from bot.safety.normalize import normalise  # noqa: E402

__all__ = ["main"]

#: Measuring batches up to this number are where models are chosen; later ones only measure.
#: (Batches 15-25 joined them with model round AX; on 2026-12-08 batches 1-25 and heldout4 were
#: retired into training and 26-34 took their place: docs/safety.md, "Batches 1-25 retired".)
CHOSEN_ON = 34
#: The numbers of false alarms at which `alone` counts the signs.
ALARMS = (5, 10, 20, 40)
_NUMBER = re.compile(r"_measure(\d*)\.yaml$")


def group(name: str) -> str:
    """The group of a measuring set: "chosen on" (batches 26-34) or "batch 35"."""
    found = _NUMBER.search(name)
    number = int(found.group(1) or 1) if found else 0
    return "chosen on" if number <= CHOSEN_ON else f"batch {number}"


def figures(cases: list[Case]) -> tuple[int, int, int, int, int, int]:
    """Signs caught and all, plain statements caught and all, false alarms and ordinary."""
    caught = signs = plain = plains = alarms = calm = 0
    for case in cases:
        hit = _crisis(detector.detect(case["text"]))
        if expected(case) == "none":
            calm += 1
            alarms += hit
            continue
        signs += 1
        caught += hit
        if case.get("who") == "self" and case.get("kind") == "explicit":
            plains += 1
            plain += hit
    return caught, signs, plain, plains, alarms, calm


def sweep(model: Model, bars: list[float], groups: dict[str, list[Case]]) -> list[str]:
    """One line per bar: the detector's totals per group with `model` at that bar."""
    original: Callable[[], Model | None] = detector._model
    lines = []
    try:
        for bar in bars or [model.crisis_at]:
            moved = dataclasses.replace(model, crisis_at=bar)
            detector._model = lambda moved=moved: moved  # type: ignore[assignment]
            parts = [f"bar {bar:.3f}"]
            for name, cases in groups.items():
                caught, signs, plain, plains, alarms, calm = figures(cases)
                parts.append(
                    f"{name}: {caught}/{signs} signs, {plain}/{plains} plain, "
                    f"{alarms}/{calm} false alarms"
                )
            lines.append(" | ".join(parts))
    finally:
        detector._model = original  # type: ignore[assignment]
    return lines


def alone(model: Model, cases: list[Case], alarms: tuple[int, ...] = ALARMS) -> list[str]:
    """The model without the rules: for each k of `alarms`, how many signs it is surer of than
    of the ordinary message it is k-th surest of (a bar with k false alarms among `cases`)."""
    calm: list[float] = []
    signs: list[float] = []
    for case in cases:
        chance = model.chance(normalise(case["text"])) or 0.0
        (calm if expected(case) == "none" else signs).append(chance)
    calm.sort(reverse=True)
    lines = []
    for k in alarms:
        bar = calm[k] if k < len(calm) else 0.0
        caught = sum(chance > bar for chance in signs)
        lines.append(f"alone, {k} false alarms (above {bar:.3f}): {caught}/{len(signs)} signs")
    return lines


def _sets(names: str) -> dict[str, list[Case]]:
    """The named tuning sets (bench/safety.py's TUNE) as one group; any other name, and so a
    measuring set, is refused: measuring sets only measure."""
    chosen = [name.removesuffix(".yaml") for name in names.split(",") if name]
    for name in chosen:
        if f"{name}.yaml" not in TUNE:
            raise SystemExit(f"{name}: --sets takes the tuning sets of bench/safety.py only")
    return {"+".join(chosen): [case for name in chosen for case in _load(f"{name}.yaml")]}


def main() -> None:
    """Print the sweep of each model given (the shipped one when none is)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("models", nargs="*", type=Path, help="model files (.json.gz)")
    parser.add_argument("--bars", default="", help="bars to try, comma-separated")
    parser.add_argument("--fresh", action="store_true", help="also the batches no choice is on")
    parser.add_argument(
        "--sets", default="", help="tuning sets (a round held out in training) instead of the "
        "measuring batches, comma-separated; prints the model read alone too",
    )  # fmt: skip
    args = parser.parse_args()
    bars = [float(item) for item in args.bars.split(",") if item.strip()]
    groups: dict[str, list[Case]] = _sets(args.sets) if args.sets else {}
    for name in [] if args.sets else MEASURE:
        key = group(name)
        if key == "chosen on" or args.fresh:
            groups.setdefault(key, []).extend(_load(name))
    for path in args.models or [ROOT / MODEL_FILE]:
        print(path)
        model = read_model(path)
        for line in sweep(model, bars, groups):
            print(f"  {line}")
        for cases in groups.values() if args.sets else []:
            for line in alone(model, cases):
                print(f"  {line}")


if __name__ == "__main__":
    main()
