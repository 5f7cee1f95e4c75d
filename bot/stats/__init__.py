"""Anonymous statistics for analysts: counted in SQL, small numbers withheld, four formats."""

from bot.stats.command import build_report, render, run_stats
from bot.stats.disclosure import protect
from bot.stats.model import Mark, Options, Report, Table
from bot.stats.rollup import KEEP_DAYS, MAX_EVENT_DAYS, roll_up, rollup_cutoff

__all__ = [
    "KEEP_DAYS",
    "MAX_EVENT_DAYS",
    "Mark",
    "Options",
    "Report",
    "Table",
    "build_report",
    "protect",
    "render",
    "roll_up",
    "rollup_cutoff",
    "run_stats",
]
