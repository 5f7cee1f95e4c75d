"""How well and how fast typed answers are understood, over ``tests/typed_answers.yaml``.

Prints the accuracy (overall, per language, per step) of full engine turns, the misses, and the
time per answer for `match_answer` alone and for a whole engine turn (crisis detection included).
Run: ``python bench/matching.py [--rounds N]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.engine import Engine, Text  # noqa: E402
from bot.engine.flow import ANY_LANGUAGE  # noqa: E402
from bot.engine.matching import Candidate, match_answer  # noqa: E402
from bot.engine.texts import BACK, system_option  # noqa: E402
from bot.i18n import Catalogs  # noqa: E402
from tests.auxil.engine import make_engine  # noqa: E402
from tests.test_typed_answers import Case, Runner, load_cases, run_all  # noqa: E402


def candidates_for(
    engine: Engine, catalogs: Catalogs, step_id: str, lang: str, *, back: bool
) -> list[Candidate]:
    """The words the engine matches at `step_id` in `lang`, as it builds them: labels and
    synonyms of every language (the chat's own primary), plus "Back" once there is a way back."""
    step = engine.flow.step(step_id)
    assert step is not None
    out: list[Candidate] = []
    for opt in step.options:
        for other in catalogs.languages:
            primary = other == lang
            label = catalogs.gettext(other, opt.label)
            out.append(Candidate(opt.id, label, primary, is_label=True))
            out += [Candidate(opt.id, w, primary) for w in opt.synonyms.get(other, ())]
        out += [Candidate(opt.id, w) for w in opt.synonyms.get(ANY_LANGUAGE, ())]
    if back:
        label = system_option(lambda m: catalogs.gettext(lang, m), BACK, 0).label
        out.append(Candidate(BACK, label))
    return out


def _time(calls: Sequence[Callable[[], object]], rounds: int) -> list[float]:
    """Seconds per call, each call timed on its own, after one warm-up pass."""
    for call in calls:
        call()
    times: list[float] = []
    for _ in range(rounds):
        for call in calls:
            t0 = time.perf_counter()
            call()
            times.append(time.perf_counter() - t0)
    return times


def _summary(name: str, times: list[float]) -> str:
    micros = sorted(t * 1e6 for t in times)
    p99 = statistics.quantiles(micros, n=100)[98]
    return (
        f"{name:<22} mean {statistics.fmean(micros):7.1f} µs, "
        f"p50 {statistics.median(micros):7.1f} µs, p99 {p99:7.1f} µs  (n={len(micros)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20, help="passes over the cases to time")
    args = parser.parse_args()
    engine = make_engine(ROOT)
    catalogs = Catalogs.load(ROOT / "locales")
    cases = load_cases()

    report = run_all(engine, cases)
    print(report)

    runner = Runner(engine)

    def matcher(case: Case) -> Callable[[], object]:
        step = engine.flow.step(case.step)
        assert step is not None
        back = bool(runner.state_at(case.step, case.lang).history)
        words = candidates_for(engine, catalogs, case.step, case.lang, back=back)
        ids = [o.id for o in step.options] + ([BACK] if back else [])
        return lambda: match_answer(case.text, ids, words)

    def turn(case: Case) -> Callable[[], object]:
        state = runner.state_at(case.step, case.lang)
        event = Text(case.text, case.lang)
        return lambda: engine.handle(state, event)

    print()
    print(f"time per answer over {len(cases)} cases x {args.rounds} rounds:")
    print(_summary("match_answer alone", _time([matcher(c) for c in cases], args.rounds)))
    print(_summary("full engine turn", _time([turn(c) for c in cases], args.rounds)))


if __name__ == "__main__":
    main()
