"""The crisis detector on held-out sets written by someone who did not write the rules.

`tests/safety/heldout.yaml` (2026-11-27), `heldout2.yaml`, `heldout3.yaml` and `heldout4.yaml`
(2026-11-28, now `train_heldout4.yaml`) were each written before reading `bot/safety/`; see
`docs/safety.md` ("Held-out sets") for the figures before and after. The detector was improved
against the first three: they hold the full bars. `heldout4.yaml` measured only until
2026-12-08, when it was retired into training with measuring batches 1-25 (docs/safety.md,
"Batches 1-25 retired"): its recall may not fall below what it measured, and false alarms have
the same bar.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import pytest
import yaml

from bot.safety import detect

_DIR = Path(__file__).parent / "safety"
_NAMES = ("heldout", "heldout2", "heldout3", "train_heldout4")
SETS = tuple(_DIR / f"{name}.yaml" for name in _NAMES)
#: Recall floors of the set that was never tuned against until 2026-12-08: what it measured
#: on 2026-12-02 (77.5% and 89% on 2026-11-28; 86.7% with the rules alone, 90.0% with the
#: model beside them, 95.0% with the fifth model, 96.7% after round M). Raise them as the
#: detector improves; never lower them to let a change pass.
FLOORS = {"train_heldout4": 0.966}
EXPLICIT_FLOORS = {"train_heldout4": 1.0}
CATEGORIES = ("danger", "suicide", "self_harm", "abuse")

MIN_RECALL = 0.95
MIN_EXPLICIT_RECALL = 1.0
MAX_FALSE_POSITIVES = 0.03
# A detection with another category than labelled still reaches the crisis reply, but may show
# the wrong line first (113 instead of Veilig Thuis); danger and suicide overlap by nature.
MIN_CATEGORY_AGREEMENT = 0.90


@dataclass(frozen=True)
class Case:
    """One held-out message."""

    text: str
    lang: str
    expect: str
    kind: str


@dataclass(frozen=True)
class Figures:
    """Recall and false positives of the detector on the held-out set."""

    recall: float
    explicit_recall: float
    false_positive_rate: float
    category_agreement: float
    missed: tuple[Case, ...]
    false_alarms: tuple[tuple[Case, str], ...]
    report: str


def _load(path: Path) -> list[Case]:
    with path.open(encoding="utf-8") as handle:
        raw = cast("list[dict[str, str]]", yaml.load(handle, Loader=yaml.CSafeLoader))
    return [Case(str(e["text"]), e["lang"], e["expect"], e["kind"]) for e in raw]


def _rate(hits: int, total: int) -> str:
    return f"{hits:>3}/{total:<3} {hits / total:6.1%}" if total else "  -"


def measure(cases: list[Case]) -> Figures:
    """Run the detector over the held-out set and describe the result."""
    hits: dict[str, list[bool]] = defaultdict(list)
    by_kind: dict[str, list[bool]] = defaultdict(list)
    alarms: dict[str, list[bool]] = defaultdict(list)
    missed: list[Case] = []
    false_alarms: list[tuple[Case, str]] = []
    agree = detected = 0
    for case in cases:
        found = detect(case.text)
        if case.expect == "none":
            alarms[case.kind].append(found is not None)
            if found is not None:
                false_alarms.append((case, f"{found.category}/{found.evidence}"))
            continue
        hits[case.expect].append(found is not None)
        by_kind[case.kind].append(found is not None)
        if found is None:
            missed.append(case)
        else:
            detected += 1
            agree += found.category == case.expect
    lines = ["held-out recall per category"]
    lines += [f"  {c:<14} {_rate(sum(hits[c]), len(hits[c]))}" for c in CATEGORIES]
    every = [h for c in CATEGORIES for h in hits[c]]
    lines.append(f"  {'all':<14} {_rate(sum(every), len(every))}")
    lines.append("held-out recall per kind")
    lines += [f"  {k:<14} {_rate(sum(v), len(v))}" for k, v in sorted(by_kind.items())]
    lines.append(f"  category agreement of detections: {_rate(agree, detected)}")
    lines.append("held-out false positives per kind")
    lines += [f"  {k:<14} {_rate(sum(v), len(v))}" for k, v in sorted(alarms.items())]
    calm = [a for v in alarms.values() for a in v]
    lines.append(f"  {'all':<14} {_rate(sum(calm), len(calm))}")
    lines += [f"  MISSED [{c.expect}/{c.kind}] {c.text}" for c in missed]
    lines += [f"  FALSE ALARM [{why}] {c.text}" for c, why in false_alarms]
    explicit = by_kind.get("explicit", [])
    return Figures(
        recall=sum(every) / len(every),
        explicit_recall=sum(explicit) / len(explicit),
        false_positive_rate=sum(calm) / len(calm),
        category_agreement=agree / detected if detected else 0.0,
        missed=tuple(missed),
        false_alarms=tuple(false_alarms),
        report="\n".join(lines),
    )


@pytest.fixture(scope="module", params=SETS, ids=[p.stem for p in SETS])
def held_out(request: pytest.FixtureRequest) -> Path:
    path = request.param
    assert isinstance(path, Path)
    return path


@pytest.fixture(scope="module")
def figures(held_out: Path) -> Figures:
    result = measure(_load(held_out))
    print(f"\n{held_out.name}\n{result.report}")  # noqa: T201  (the figures belong in the log)
    return result


def test_the_set_is_big_and_well_formed(held_out: Path) -> None:
    cases = _load(held_out)
    catch = [c for c in cases if c.expect != "none"]
    calm = [c for c in cases if c.expect == "none"]
    assert len(catch) >= 100
    assert len(calm) >= 100
    assert len({c.text for c in cases}) == len(cases), "duplicate texts"
    assert {c.expect for c in catch} == set(CATEGORIES)
    assert {c.lang for c in cases} == {"nl", "en"}


def test_recall_overall(figures: Figures, held_out: Path) -> None:
    assert figures.recall >= FLOORS.get(held_out.stem, MIN_RECALL), figures.report


def test_recall_on_explicit_messages(figures: Figures, held_out: Path) -> None:
    floor = EXPLICIT_FLOORS.get(held_out.stem, MIN_EXPLICIT_RECALL)
    assert figures.explicit_recall >= floor, figures.report


def test_false_positives(figures: Figures) -> None:
    assert figures.false_positive_rate <= MAX_FALSE_POSITIVES, figures.report


def test_everyday_loneliness_never_fires(figures: Figures) -> None:
    lonely = [c.text for c, _ in figures.false_alarms if c.kind in {"loneliness", "questionnaire"}]
    assert not lonely, lonely


def test_category_agreement(figures: Figures) -> None:
    assert figures.category_agreement >= MIN_CATEGORY_AGREEMENT, figures.report


if __name__ == "__main__":
    for path in SETS:
        print(f"{path.name}\n{measure(_load(path)).report}")  # noqa: T201
