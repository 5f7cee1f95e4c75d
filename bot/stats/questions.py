"""The funnel's steps in words: the questions of the flow, in order, in the report's language."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from bot.engine.engine import ACTIONS
from bot.engine.flow import Flow
from bot.i18n import Catalogs
from bot.loader import load_flow
from bot.paths import data_root
from bot.stats.metrics import CHECK_STARTED, FUNNEL_START

__all__ = ["REPORT_LANGUAGE", "Steps", "flow_steps", "funnel_steps"]

#: The analysts read Dutch; the questions come from the same catalog the young people see.
REPORT_LANGUAGE = "nl"
_START_CHECK = "start_check"  # the action that emits "check_started"
_LONGEST = 70


@dataclass(frozen=True, slots=True)
class Steps:
    """The funnel's columns in flow order, and a heading for each."""

    order: tuple[str, ...]
    names: Mapping[str, str]

    def name(self, step: str) -> str:
        """The heading of one column; a step no longer in the flow keeps its id."""
        return self.names.get(step, f"{step} (niet meer in de flow)")


def _first_sentence(text: str) -> str:
    """The question itself: its first question (else its first sentence), on one line, cut
    at a word if long. "Laatste vraag. Wat zou je nu het meest helpen?" is the second."""
    line = " ".join(text.split())
    sentences = re.findall(r".+?[?.!](?=\s|$)", line) or [line]
    asked = [str(s).strip() for s in sentences if str(s).endswith("?")]
    sentence = asked[0] if asked else str(sentences[0]).strip()
    if len(sentence) > _LONGEST:
        sentence = sentence[:_LONGEST].rsplit(" ", 1)[0] + "\N{HORIZONTAL ELLIPSIS}"
    return sentence


def _main_path(flow: Flow) -> list[str]:
    """The steps from the start along the first way on: the path of someone who says yes."""
    path: list[str] = []
    step = flow.step(flow.start)
    while step is not None and step.id not in path:
        path.append(step.id)
        following = step.next
        if step.kind == "question" and step.options:
            following = step.options[0].next or step.next
        step = flow.step(following)
    return path


def flow_steps(flow: Flow, catalogs: Catalogs, lang: str = REPORT_LANGUAGE) -> Steps:
    """The start, then each question on the main path (numbered) and the start of the check."""
    order = [FUNNEL_START]
    names = {FUNNEL_START: "Gesprek gestart"}
    number = 0
    for step_id in _main_path(flow):
        step = flow.steps[step_id]
        if step.kind == "action" and step.action == _START_CHECK:
            order.append(CHECK_STARTED)
            names[CHECK_STARTED] = "Check begonnen (ja op vraag 1)"
        elif step.kind == "question" and step.text:
            number += 1
            order.append(step_id)
            text = _first_sentence(catalogs.gettext(lang, step.text))
            names[step_id] = f"Vraag {number}: {text}"
    return Steps(tuple(order), MappingProxyType(names))


@functools.cache
def funnel_steps(root: Path | None = None) -> Steps:
    """The funnel's steps from the installed flow (read once per process)."""
    base = root or data_root()
    catalogs = Catalogs.load(base / "locales")
    flow = load_flow(base / "flows", actions=ACTIONS, languages=catalogs.languages)
    return flow_steps(flow, catalogs)
