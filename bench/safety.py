"""Print the crisis detector's recall, false-positive rate and speed on the safety dataset."""

from __future__ import annotations

import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import cast

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.safety import detect  # noqa: E402  (the path above makes the package importable)

__all__ = ["main"]

DATA = ROOT / "tests" / "safety"
REPEATS = 20
LONG_REPEATS = 5


def _load(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return cast("list[dict[str, str]]", yaml.safe_load(handle))


def _rate(hits: int, total: int) -> str:
    return f"{hits:>4}/{total:<4} {hits / total:7.1%}" if total else "   -"


def _recall(catch: list[dict[str, str]]) -> None:
    by_kind: dict[str, list[bool]] = defaultdict(list)
    by_category: dict[str, list[bool]] = defaultdict(list)
    wrong_category = 0
    for case in catch:
        found = detect(case["text"])
        by_kind[case["kind"]].append(found is not None)
        by_category[case["category"]].append(found is not None)
        if found is not None and found.category != case["category"]:
            wrong_category += 1
    print("recall per category (must_catch)")
    for category, hits in sorted(by_category.items()):
        print(f"  {category:<18} {_rate(sum(hits), len(hits))}")
    print("recall per kind (must_catch)")
    for kind, hits in sorted(by_kind.items()):
        print(f"  {kind:<18} {_rate(sum(hits), len(hits))}")
    every = [hit for hits in by_kind.values() for hit in hits]
    print(f"  {'all':<18} {_rate(sum(every), len(every))}")
    print(f"  detected with another category than labelled: {wrong_category}")


def _false_positives(calm: list[dict[str, str]]) -> None:
    by_kind: dict[str, list[bool]] = defaultdict(list)
    for case in calm:
        by_kind[case["kind"]].append(detect(case["text"]) is not None)
    print("false positives per kind (must_not_trigger)")
    for kind, alarms in sorted(by_kind.items()):
        print(f"  {kind:<18} {_rate(sum(alarms), len(alarms))}")
    every = [alarm for alarms in by_kind.values() for alarm in alarms]
    print(f"  {'all':<18} {_rate(sum(every), len(every))}")


def _timing(texts: list[str]) -> None:
    for text in texts:  # warm the compiled patterns and the fuzzy cache once
        detect(text)
    samples: list[float] = []
    for _ in range(REPEATS):
        for text in texts:
            start = time.perf_counter_ns()
            detect(text)
            samples.append((time.perf_counter_ns() - start) / 1e6)
    cuts = statistics.quantiles(samples, n=100)
    print(f"time per message over {len(texts)} messages x {REPEATS} repeats")
    print(
        f"  mean {statistics.fmean(samples):.3f} ms   p50 {statistics.median(samples):.3f} ms"
        f"   p99 {cuts[98]:.3f} ms   max {max(samples):.3f} ms"
    )
    long_text = ("ik fiets naar school en het regent, best een saaie dag eigenlijk. " * 1600)[
        :100_000
    ]
    long_samples = []
    for _ in range(LONG_REPEATS):
        start = time.perf_counter_ns()
        detect(long_text)
        long_samples.append((time.perf_counter_ns() - start) / 1e6)
    print(f"  100 kB message: median {statistics.median(long_samples):.1f} ms")


def main() -> None:
    """Load both datasets and print recall, false positives and timing."""
    catch = _load("must_catch.yaml")
    calm = _load("must_not_trigger.yaml")
    print(f"dataset: {len(catch)} must_catch, {len(calm)} must_not_trigger\n")
    _recall(catch)
    print()
    _false_positives(calm)
    print()
    _timing([case["text"] for case in catch] + [case["text"] for case in calm])


if __name__ == "__main__":
    main()
