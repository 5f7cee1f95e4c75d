"""Typed answers as young people type them: accuracy ≥ 95% and never the opposite answer.

Every case of ``tests/typed_answers.yaml``, of the held-out ``typed_answers_heldout.yaml`` (written
without reading the synonyms, then tuned against) and of ``typed_answers_measure.yaml`` (written
the same way, never tuned against) is typed at its question in a real conversation (the earlier
questions tapped, as a young person would), and the answer the engine records is compared with the
expected one. All three files must hold the same bars. ``pytest -s`` prints the figures; the
assertion messages carry them too. ``bench/matching.py`` reuses the loading and running below.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from bot.engine import Engine, SessionState
from tests.auxil.engine import Chat

CASES_FILE = Path(__file__).resolve().parent / "typed_answers.yaml"
#: Written on 2026-11-28 by someone who had not read the flow's synonyms or the matcher.
HELD_OUT_FILE = Path(__file__).resolve().parent / "typed_answers_heldout.yaml"
#: Written on 2026-11-28 for measuring only: never tune synonyms or the matcher against it.
MEASURE_FILE = Path(__file__).resolve().parent / "typed_answers_measure.yaml"
CASE_FILES = (CASES_FILE, HELD_OUT_FILE, MEASURE_FILE)
#: Share of cases that must get exactly the expected outcome.
MIN_ACCURACY = 0.95
MIN_CASES = 150
LANGUAGES = ("nl", "en")
#: The questions a case may be typed at, in the order the check asks them.
STEPS = ("consent", "age", "student", "djg1", "djg2", "djg3", "djg4", "djg5", "djg6", "wish")
#: The tap that answers each question on the way to a later one.
_WALK = {
    "consent": "yes",
    "age": "age_16_17",
    # A student: "information for students" is one of the wishes only for students.
    "student": "yes",
    **{f"djg{n}": "more_or_less" for n in range(1, 7)},
}
#: Yes/no questions: reading the one answer as the other is never acceptable.
POLAR_STEPS = frozenset({"student", *(f"djg{n}" for n in range(1, 7))})
OPPOSITES = {"yes": "no", "no": "yes"}
#: Outcomes that are not an option of the question.
REASKED = None
CRISIS = "<crisis reply>"
ELSEWHERE = "<moved to another step>"


@dataclass(frozen=True, slots=True)
class Case:
    """One typed answer and what it should do; `expected` None means "ask again"."""

    step: str
    text: str
    lang: str
    expected: str | None
    opposite: str | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the engine did with a case: the option it recorded, or why it recorded none."""

    case: Case
    got: str | None

    @property
    def correct(self) -> bool:
        return self.got == self.case.expected

    @property
    def opposite(self) -> bool:
        return self.case.opposite is not None and self.got == self.case.opposite

    def __str__(self) -> str:
        c = self.case
        return f"{c.step:<8} {c.lang} {c.text!r}: expected {c.expected}, got {self.got}"


def load_cases(path: Path = CASES_FILE) -> list[Case]:
    """The cases of `path`; unknown keys or missing fields raise, so typos don't hide."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases: list[Case] = []
    for n, item in enumerate(raw, 1):
        if not isinstance(item, dict) or not {"step", "text", "lang", "expected"} <= set(item):
            raise ValueError(f"{path.name}: case {n} needs step, text, lang and expected: {item}")
        if set(item) - {"step", "text", "lang", "expected", "opposite"}:
            raise ValueError(f"{path.name}: case {n} has unknown keys: {item}")
        cases.append(
            Case(
                step=str(item["step"]),
                text=str(item["text"]),
                lang=str(item["lang"]),
                expected=None if item["expected"] is None else str(item["expected"]),
                opposite=None if item.get("opposite") is None else str(item["opposite"]),
            )
        )
    return cases


class Runner:
    """Types cases into real conversations; the way to each question is tapped once per language.

    The state waiting at a question is immutable, so every case starts from the same one.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._at: dict[tuple[str, str], SessionState] = {}

    def state_at(self, step: str, lang: str) -> SessionState:
        """The conversation state waiting for an answer to `step`, in `lang`."""
        key = (step, lang)
        if key not in self._at:
            chat = Chat(self.engine, lang_hint=lang)
            chat.send("hoi" if lang == "nl" else "hi")
            for earlier in STEPS[: STEPS.index(step)]:
                chat.tap((earlier, _WALK[earlier]))
            assert chat.state is not None
            assert chat.state.step == step, f"walking to {step} ended at {chat.state.step}"
            self._at[key] = chat.state
        return self._at[key]

    def run(self, case: Case) -> Outcome:
        """Type the case's text at its question and see which answer got recorded."""
        chat = Chat(self.engine, lang_hint=case.lang)
        chat.state = self.state_at(case.step, case.lang)
        replies = chat.send(case.text)
        state = chat.state
        assert state is not None
        if case.step in state.answers:
            return Outcome(case, state.answers[case.step])
        if any(reply.urgent for reply in replies):
            return Outcome(case, CRISIS)
        if state.step != case.step:
            return Outcome(case, ELSEWHERE)
        return Outcome(case, REASKED)


@dataclass(frozen=True, slots=True)
class Report:
    """Accuracy overall, per language and per step, with the misses and the opposites."""

    outcomes: tuple[Outcome, ...]

    @property
    def accuracy(self) -> float:
        return _share(self.outcomes)

    @property
    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.correct]

    @property
    def opposites(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.opposite]

    def by(self, key: str) -> dict[str, float]:
        groups: defaultdict[str, list[Outcome]] = defaultdict(list)
        for outcome in self.outcomes:
            groups[getattr(outcome.case, key)].append(outcome)
        return {name: _share(group) for name, group in groups.items()}

    def lines(self) -> list[str]:
        counts = {
            key: Counter(getattr(o.case, key) for o in self.outcomes) for key in ("lang", "step")
        }
        out = [
            f"typed answers: accuracy {self.accuracy:.1%} of n={len(self.outcomes)}, "
            f"{len(self.misses)} misses, {len(self.opposites)} opposite answers",
            "per language: "
            + ", ".join(
                f"{k} {v:.1%} (n={counts['lang'][k]})" for k, v in self.by("lang").items()
            ),
            "per step: "
            + ", ".join(
                f"{k} {v:.1%} (n={counts['step'][k]})" for k, v in self.by("step").items()
            ),
        ]
        out += [f"  miss: {o}" for o in self.misses]
        out += [f"  OPPOSITE: {o}" for o in self.opposites]
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


def _share(outcomes: Sequence[Outcome]) -> float:
    return sum(o.correct for o in outcomes) / len(outcomes) if outcomes else 0.0


def run_all(engine: Engine, cases: Iterable[Case]) -> Report:
    """Every case through the engine."""
    runner = Runner(engine)
    return Report(tuple(runner.run(case) for case in cases))


@pytest.fixture(scope="module", params=CASE_FILES, ids=[p.stem for p in CASE_FILES])
def cases(request: pytest.FixtureRequest) -> list[Case]:
    path = request.param
    assert isinstance(path, Path)
    return load_cases(path)


@pytest.fixture(scope="module")
def report(engine: Engine, cases: list[Case]) -> Report:
    result = run_all(engine, cases)
    print(f"\n{result}")  # noqa: T201 - the figures are the point of this test (pytest -s)
    return result


def test_the_case_file_is_sound(engine: Engine, cases: list[Case]) -> None:
    """Enough cases, both languages, real steps and options, and opposites where they belong."""
    assert len(cases) >= MIN_CASES
    assert {c.lang for c in cases} == set(LANGUAGES)
    assert {c.step for c in cases} == set(STEPS)
    seen: set[tuple[str, str, str]] = set()
    for c in cases:
        step = engine.flow.step(c.step)
        assert step is not None
        assert step.kind == "question"
        ids = {o.id for o in step.options}
        assert c.expected is None or c.expected in ids, c
        key = (c.step, c.lang, c.text)
        assert key not in seen, f"duplicate case {c}"
        seen.add(key)
        if c.step in POLAR_STEPS and c.expected in OPPOSITES:
            assert c.opposite == OPPOSITES[c.expected], f"opposite missing or wrong: {c}"
        else:
            assert c.opposite is None, f"no opposite for this expectation: {c}"


def test_typed_answers_are_understood(report: Report) -> None:
    accuracy = round(report.accuracy, 4)
    assert accuracy >= MIN_ACCURACY, str(report)


def test_never_the_opposite_answer(report: Report) -> None:
    """A no read as a yes (or the other way round) changes someone's result: never allowed."""
    opposites = [str(o) for o in report.opposites]
    assert not opposites, str(report)
