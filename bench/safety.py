"""Print the crisis detector's recall, false alarms and speed on the safety data sets.

    python bench/safety.py               every figure, tuning and measuring sets apart
    python bench/safety.py --show abuse  also list what the tuning sets miss or raise (one
                                         category, or "all"); never the measuring sets

The measuring sets (MEASURE below) are written by people who did not read the rules, and nobody
tuning the rules reads them: their lines are never printed here.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, cast

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The path above makes the package importable.
from bot.safety import Detection, detect, detector, fuzzy, model, normalize  # noqa: E402
from bot.safety.detector import by_rules  # noqa: E402

__all__ = ["main"]

DATA = ROOT / "tests" / "safety"
#: Never tuned against: only their figures are printed.
MEASURE = (
    "catch_measure26.yaml",
    "negatives_measure26.yaml",
    "catch_measure27.yaml",
    "negatives_measure27.yaml",
    "catch_measure28.yaml",
    "catch_measure29.yaml",
    "negatives_measure29.yaml",
    "catch_measure30.yaml",
    "negatives_measure30.yaml",
    "catch_measure31.yaml",
    "negatives_measure31.yaml",
    "catch_measure32.yaml",
    "negatives_measure32.yaml",
    "catch_measure33.yaml",
    "negatives_measure33.yaml",
    "catch_measure34.yaml",
    "negatives_measure34.yaml",
    "catch_measure35.yaml",
    "negatives_measure35.yaml",
    "catch_measure36.yaml",
    "negatives_measure36.yaml",
    "catch_measure37.yaml",
    "negatives_measure37.yaml",
    "catch_measure38.yaml",
    "negatives_measure38.yaml",
    "catch_measure39.yaml",
    "negatives_measure39.yaml",
    "catch_measure40.yaml",
    "negatives_measure40.yaml",
    "catch_measure41.yaml",
    "negatives_measure41.yaml",
    "catch_measure42.yaml",
    "negatives_measure42.yaml",
    "catch_measure43.yaml",
    "negatives_measure43.yaml",
    "catch_measure44.yaml",
    "negatives_measure44.yaml",
)
TUNE = (
    "must_catch.yaml",
    "must_not_trigger.yaml",
    "heldout.yaml",
    "heldout2.yaml",
    "heldout3.yaml",
    "catch_a.yaml",
    "negatives_a.yaml",
    "catch_c.yaml",
    "negatives_c.yaml",
    "catch_d.yaml",
    # Training batches for the model (scripts/train_safety_model.py lists the same).
    "train_catch_e.yaml",
    "train_negatives_e.yaml",
    "train_catch_f.yaml",
    "train_negatives_f.yaml",
    "train_catch_g.yaml",
    "train_negatives_g.yaml",
    "train_negatives_h.yaml",
    "train_catch_h.yaml",
    "train_catch_i.yaml",
    "train_negatives_i.yaml",
    "train_negatives_j.yaml",
    "train_catch_k.yaml",
    "train_negatives_k.yaml",
    "train_catch_l.yaml",
    "train_negatives_l.yaml",
    "train_catch_m.yaml",
    "train_negatives_m.yaml",
    "train_catch_n.yaml",
    "train_negatives_n.yaml",
    "train_catch_o.yaml",
    "train_negatives_o.yaml",
    "train_catch_p.yaml",
    "train_negatives_p.yaml",
    "train_catch_q.yaml",
    "train_negatives_q.yaml",
    "train_catch_r.yaml",
    "train_negatives_r.yaml",
    "train_catch_s.yaml",
    "train_negatives_s.yaml",
    "train_catch_t.yaml",
    "train_negatives_t.yaml",
    "train_catch_u.yaml",
    "train_catch_v.yaml",
    "train_negatives_v.yaml",
    "train_catch_w.yaml",
    "train_negatives_w.yaml",
    "train_catch_x.yaml",
    "train_catch_y.yaml",
    "train_negatives_y.yaml",
    "train_catch_z.yaml",
    "train_negatives_z.yaml",
    "train_catch_aa.yaml",
    "train_negatives_aa.yaml",
    "train_catch_ab.yaml",
    "train_negatives_ab.yaml",
    "train_catch_ac.yaml",
    "train_negatives_ac.yaml",
    "train_catch_ad.yaml",
    "train_negatives_ad.yaml",
    "train_catch_ae.yaml",
    "train_negatives_ae.yaml",
    "train_catch_af.yaml",
    "train_negatives_af.yaml",
    "train_catch_ag.yaml",
    "train_negatives_ag.yaml",
    "train_catch_ah.yaml",
    "train_negatives_ah.yaml",
    "train_catch_ai.yaml",
    "train_negatives_ai.yaml",
    "train_catch_aj.yaml",
    "train_negatives_aj.yaml",
    "train_catch_ak.yaml",
    "train_negatives_ak.yaml",
    "train_catch_al.yaml",
    "train_negatives_al.yaml",
    "train_catch_am.yaml",
    "train_negatives_am.yaml",
    "train_catch_an.yaml",
    "train_negatives_an.yaml",
    "train_negatives_ao.yaml",
    "train_negatives_ap.yaml",
    "train_catch_aq.yaml",
    "train_negatives_aq.yaml",
    "train_catch_ar.yaml",
    "train_negatives_ar.yaml",
    "train_catch_as.yaml",
    "train_negatives_as.yaml",
    "train_catch_at.yaml",
    "train_negatives_at.yaml",
    "train_catch_au.yaml",
    "train_negatives_au.yaml",
    "train_catch_av.yaml",
    "train_negatives_av.yaml",
    "train_catch_aw.yaml",
    "train_negatives_aw.yaml",
    "train_catch_ax.yaml",
    "train_negatives_ax.yaml",
    "train_catch_ay.yaml",
    "train_negatives_ay.yaml",
    "train_catch_az.yaml",
    "train_negatives_az.yaml",
    "train_catch_ba.yaml",
    "train_negatives_ba.yaml",
    "train_catch_bb.yaml",
    "train_negatives_bb.yaml",
    "train_catch_bc.yaml",
    "train_negatives_bc.yaml",
    "train_negatives_bd.yaml",
    "train_negatives_be.yaml",
    "train_catch_bf.yaml",
    "train_negatives_bf.yaml",
    "train_catch_bg.yaml",
    "train_negatives_bg.yaml",
    "train_catch_bh.yaml",
    "train_negatives_bh.yaml",
    "train_catch_bi.yaml",
    "train_negatives_bi.yaml",
    "train_catch_bj.yaml",
    "train_negatives_bj.yaml",
    "train_catch_bk.yaml",
    "train_negatives_bk.yaml",
    "train_catch_bl.yaml",
    "train_negatives_bl.yaml",
    "train_catch_bm.yaml",
    "train_negatives_bm.yaml",
    "train_catch_bm_seen.yaml",
    "train_catch_bn.yaml",
    "train_negatives_bn.yaml",
    "train_catch_bo.yaml",
    "train_negatives_bo.yaml",
    "train_catch_bp.yaml",
    "train_negatives_bp.yaml",
    "train_catch_bq.yaml",
    "train_negatives_bq.yaml",
    "train_catch_br.yaml",
    "train_negatives_br.yaml",
    "train_catch_bs.yaml",
    "train_negatives_bs.yaml",
    "train_catch_bu.yaml",
    "train_negatives_bu.yaml",
    # Measuring batches 1-25 and heldout4, retired into training on 2026-12-08 (session 41)
    # once batches 26-42 measured in their place (docs/safety.md, "Batches 1-25 retired").
    "train_catch_m01.yaml",
    "train_negatives_m01.yaml",
    "train_catch_m02.yaml",
    "train_negatives_m02.yaml",
    "train_catch_m03.yaml",
    "train_negatives_m03.yaml",
    "train_catch_m04.yaml",
    "train_negatives_m04.yaml",
    "train_catch_m05.yaml",
    "train_negatives_m05.yaml",
    "train_catch_m06.yaml",
    "train_negatives_m06.yaml",
    "train_catch_m07.yaml",
    "train_negatives_m07.yaml",
    "train_catch_m08.yaml",
    "train_negatives_m08.yaml",
    "train_catch_m09.yaml",
    "train_negatives_m09.yaml",
    "train_catch_m10.yaml",
    "train_negatives_m10.yaml",
    "train_catch_m11.yaml",
    "train_negatives_m11.yaml",
    "train_catch_m12.yaml",
    "train_negatives_m12.yaml",
    "train_catch_m13.yaml",
    "train_negatives_m13.yaml",
    "train_catch_m14.yaml",
    "train_negatives_m14.yaml",
    "train_catch_m15.yaml",
    "train_negatives_m15.yaml",
    "train_catch_m16.yaml",
    "train_negatives_m16.yaml",
    "train_catch_m17.yaml",
    "train_negatives_m17.yaml",
    "train_catch_m18.yaml",
    "train_negatives_m18.yaml",
    "train_catch_m19.yaml",
    "train_negatives_m19.yaml",
    "train_catch_m20.yaml",
    "train_negatives_m20.yaml",
    "train_catch_m21.yaml",
    "train_negatives_m21.yaml",
    "train_catch_m22.yaml",
    "train_negatives_m22.yaml",
    "train_catch_m23.yaml",
    "train_negatives_m23.yaml",
    "train_catch_m24.yaml",
    "train_negatives_m24.yaml",
    "train_catch_m25.yaml",
    "train_negatives_m25.yaml",
    "train_heldout4.yaml",
)
REPEATS = 5

Case = dict[str, Any]


def _load(name: str) -> list[Case]:
    path = DATA / name
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as handle:
        return cast("list[Case]", yaml.load(handle, Loader=yaml.CSafeLoader) or [])


def expected(case: Case) -> str:
    """The labelled category, or "none" for a message that must not raise a sign."""
    return str(case.get("expect", case.get("category", "none")))


#: Figures also given on a measuring set's lines that occur in no tuning set.
_UNSEEN_KEYS = ("all", "explicit first person")


def _rate(hits: int, total: int) -> str:
    return f"{hits}/{total} = {hits / total:.1%}" if total else "-"


def _crisis(found: Detection | None) -> bool:
    return found is not None and found.level == "crisis"


def _report(
    name: str, cases: list[Case], show: str | None, seen: frozenset[str] = frozenset()
) -> None:
    """Figures of one set; with `seen` (the tuning sets' texts, lower-cased), also on the
    lines that occur in none of them: independent writers sometimes write the same sentence."""
    catch = [case for case in cases if expected(case) != "none"]
    calm = [case for case in cases if expected(case) == "none"]
    print(f"\n{name}: {len(catch)} must-catch, {len(calm)} ordinary")
    if catch:
        groups: dict[str, list[bool]] = defaultdict(list)
        wrong_who = checked_in = wrong_check_in = 0
        for case in catch:
            found = detect(case["text"])
            hit = _crisis(found)
            keys = ["all", f"category {expected(case)}", f"kind {case.get('kind', '-')}"]
            if "who" in case:
                keys.append(f"who {case['who']}")
                if case.get("kind") == "explicit" and case["who"] == "self":
                    keys.append("explicit first person")
                if found is not None and found.subject != case["who"]:
                    if hit:
                        wrong_who += 1
                    else:
                        wrong_check_in += 1
            if seen and case["text"].strip().lower() not in seen:
                keys += [f"{key}, in no tuning set" for key in keys if key in _UNSEEN_KEYS]
            for key in keys:
                groups[key].append(hit)
            groups["all, rules alone"].append(_crisis(by_rules(case["text"])))
            checked_in += found is not None and not hit
            if show and not hit and show in {"all", expected(case)}:
                print(f"   MISS [{expected(case)}/{case.get('who', '-')}] {case['text']}")
        for key in sorted(groups):
            print(f"  recall {key:<24} {_rate(sum(groups[key]), len(groups[key]))}")
        print(f"  whose danger told wrong: {wrong_who} (crisis replies)")
        misses = len(catch) - sum(groups["all"])
        print(
            f"  missed, but a check-in: {checked_in} of {misses}"
            f" ({wrong_check_in} about the wrong person)"
        )
    if calm:
        _report_calm(calm, show, seen)


def _report_calm(calm: list[Case], show: str | None, seen: frozenset[str]) -> None:
    """False alarms and check-ins of a set's ordinary messages (see `_report`)."""
    alarms = concerns = alone = 0
    fresh = [0, 0]
    for case in calm:
        found = detect(case["text"])
        alarms += _crisis(found)
        if seen and case["text"].strip().lower() not in seen:
            fresh[0] += _crisis(found)
            fresh[1] += 1
        alone += _crisis(by_rules(case["text"]))
        concerns += found is not None and not _crisis(found)
        if show and found is not None and show in {"all", found.category}:
            print(f"   ALARM [{found.category}/{found.evidence}/{found.level}] {case['text']}")
    print(f"  false alarms (crisis)   {_rate(alarms, len(calm))}")
    print(f"  ... by the rules alone  {_rate(alone, len(calm))}")
    if seen:
        print(f"  ... in no tuning set    {_rate(*fresh)}")
    print(f"  concern check-ins       {_rate(concerns, len(calm))}")


def _forget() -> None:
    """Empty the per-word memories (folding, typo checks, letter groups) and the per-message
    ones (the index's reading of a message, which a repeated paste would find again)."""
    normalize._fold_word.cache_clear()
    fuzzy.correct.cache_clear()
    model._letter_groups.cache_clear()
    loaded = model.load_model()
    if loaded is not None:
        loaded.forget_words()
    detector._located.cache_clear()
    detector._indexes.cache_clear()


def _speed(texts: list[str]) -> None:
    detect("warm up: load and compile the rules")
    # Each pass starts with empty per-word memories and reads every message once, in order,
    # as a running bot would: a message finds in them only the words of messages before it,
    # never its own. The best pass per message counts.
    timings = [float("inf")] * len(texts)
    for _ in range(REPEATS):
        _forget()
        for index, text in enumerate(texts):
            timings[index] = min(timings[index], _time(text))
    timings.sort()
    p50 = statistics.median(timings)
    p99 = timings[int(len(timings) * 0.99)]
    print(f"\nspeed, {len(texts)} messages of at most 300 characters (best of {REPEATS}):")
    print(f"  p50 {p50 * 1000:.3f} ms, p99 {p99 * 1000:.3f} ms, max {timings[-1] * 1000:.3f} ms")
    paste = " ".join(texts)[:4096]
    print(f"  a 4,096-character paste: {min(_cold(paste) for _ in range(REPEATS)) * 1000:.1f} ms")
    calm = " ".join(text for text in texts if detect(text) is None)[:4096]
    print(f"  ... of calm messages only: {min(_cold(calm) for _ in range(REPEATS)) * 1000:.1f} ms")
    stages = [_stages(calm) for _ in range(REPEATS)]
    print(
        "  ... by stage (each alone, best of {}): {}".format(
            REPEATS,
            ", ".join(
                f"{name} {min(run[name] for run in stages) * 1000:.1f} ms" for name in stages[0]
            ),
        )
    )


def _stages(text: str) -> dict[str, float]:
    """Where reading `text` with nothing in memory goes: folding, the clauses and idioms, the
    rules' search, and the model."""
    _forget()
    start = time.perf_counter()
    folded = normalize.normalise(text)
    folding = time.perf_counter()
    detector._read(folded, detector.ruleset().idioms)
    clauses = time.perf_counter()
    detector._located.cache_clear()
    detector._by_rules(folded, model=False)  # reads the clauses again, then searches
    rules = time.perf_counter()
    loaded = model.load_model()
    if loaded is not None:
        loaded.forget_words()
        loaded.read(folded, detector.MODEL_CONCERN_AT)
    done = time.perf_counter()
    return {
        "folding": folding - start,
        "clauses and idioms": clauses - folding,
        "rules": (rules - clauses) - (clauses - folding),
        "model": done - rules,
    }


def _cold(text: str) -> float:
    """The time to read `text` with none of its words in memory."""
    _forget()
    return _time(text)


def _time(text: str) -> float:
    start = time.perf_counter()
    detect(text)
    return time.perf_counter() - start


def _start_up() -> None:
    for what, code in (
        ("import bot.safety", "import bot.safety"),
        (
            "omarmt --version",
            "import sys; from bot.cli import main; sys.argv=['omarmt','--version']; main()",
        ),
    ):
        best = min(_run(code) for _ in range(3))
        print(f"  {what:<20} {best:.2f} s (best of 3, a fresh interpreter each)")
    start = time.perf_counter()
    detect("eerste bericht")
    print(f"  first detection (loads and compiles the rules): {time.perf_counter() - start:.2f} s")


def _run(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    """Print every figure."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", help="list misses and alarms of the tuning sets: a category")
    parser.add_argument("--no-speed", action="store_true", help="skip the timings")
    args = parser.parse_args()
    if not args.no_speed:
        print("start-up")
        _start_up()
    seen = frozenset(case["text"].strip().lower() for name in TUNE for case in _load(name))
    print("\n=== measuring sets (never tuned against) ===")
    for name in MEASURE:
        if cases := _load(name):
            _report(name, cases, None, seen)
    print("\n=== tuning sets ===")
    texts: list[str] = []
    for name in TUNE:
        cases = _load(name)
        texts += [case["text"] for case in cases if len(case["text"]) <= 300]
        if cases:
            _report(name, cases, args.show)
    if not args.no_speed:
        _speed(texts)


if __name__ == "__main__":
    main()
