"""What `omarmt check` asks of every crisis rule, and the overview a crisis line reviews."""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from bot.problems import Problem
from bot.safety import rulecache
from bot.safety.detector import fires
from bot.safety.patterns import SEVERITY
from bot.safety.ruleset import NAMED, Rule, RuleSet, load_rules, safety_dir

__all__ = ["check_rules", "overview"]


def check_rules(folder: Path | None = None) -> list[Problem]:
    """Every rule compiles, has examples both ways, and each example does what it says.

    The translation kept between processes (bot/safety/rulecache.py) is used and kept, as the
    detector does: it is keyed by the very files checked and the code, and translating afresh
    had made every `omarmt check` cost 12 s rather than 5.
    """
    folder = folder or safety_dir()
    known = rulecache.recall(folder)
    rules = load_rules(folder, known)
    problems = list(rules.problems)
    for rule in rules.rules:
        problems += _example_problems(rule, rules.idioms)
    rulecache.keep(known)
    return problems


def _example_problems(rule: Rule, idioms: re.Pattern[str] | None) -> list[Problem]:
    problems: list[Problem] = []

    def problem(message: str) -> None:
        problems.append(Problem(rule.file, rule.line, f"{rule.id}: {message}"))

    if not rule.match:
        problem("needs at least one example under 'match'")
    if not rule.no_match:
        problem("needs at least one example under 'no_match'")
    for text in rule.match:
        if fires(rule, text, idioms) is None:
            problem(f"does not match its example {text!r}")
    for text in rule.no_match:
        if fires(rule, text, idioms) is not None:
            problem(f"matches {text!r}, listed under 'no_match'")
    return problems


_TITLES = {
    "danger": "Acute danger to life",
    "suicide": "Suicide",
    "self_harm": "Self-harm",
    "abuse": "Abuse and sexual violence",
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _rule_section(rule: Rule) -> list[str]:
    notation = "pattern" if rule.padded else "regex (old notation, to be rewritten)"
    flags = [f"language: {rule.lang}", f"about: {rule.about}", f"level: {rule.level}"]
    if rule.guarded:
        flags.append("guarded by context")
    if rule.sexual:
        flags.append("sexual violence")
    lines = [f"### `{rule.id}`", ""]
    if rule.note:
        lines += [rule.note, ""]
    lines += [
        f"{', '.join(flags)}. Source: `{rule.file}:{rule.line}`.",
        "",
        f"{notation}:",
        "",
        "```text",
        rule.source,
        "```",
        "",
    ]
    lines += [f"- matches: {_cell(text)}" for text in rule.match]
    lines += [f"- does not match: {_cell(text)}" for text in rule.no_match]
    return [*lines, ""]


def overview(rules: RuleSet | None = None) -> str:
    """docs/safety-rules.md: every rule with its examples, by category (generated)."""
    rules = rules or load_rules()
    by_category = Counter(rule.category for rule in rules.rules)
    written = sum(1 for rule in rules.rules if rule.padded)
    out = [
        "# The crisis rules, for review",
        "",
        "<!-- Generated from content/safety/ by"
        " `python -m bot.safety.review > docs/safety-rules.md`; do not edit. -->",
        "",
        "Every rule Omarmt's crisis detector uses, with the messages it must and must not match.",
        'The pattern language is described in docs/safety.md ("The pattern language").',
        f"{len(rules.rules)} rules; {written} in the pattern language, the rest still in the old",
        "regex notation.",
        "",
    ]
    out += [f"- {_TITLES[category]}: {by_category[category]}" for category in SEVERITY]
    out.append("")
    named = rules.lists.get(NAMED)
    if named:
        out += [
            "## Words that name the danger",
            "",
            "A sign whose own words hold none of these is a hint. Where the model is all but",
            "certain that the whole message is no crisis, a hint gets the gentle check-in instead",
            "of the crisis lines; a sign with one of these words always keeps the crisis lines",
            f'(`{NAMED}` in content/safety/lists.yaml; docs/safety.md, "Hints the model is sure',
            'of").',
            "",
            ", ".join(f"`{word}`" for word in named),
            "",
        ]
    for category in SEVERITY:
        out += [f"## {_TITLES[category]}", ""]
        for rule in rules.rules:
            if rule.category == category:
                out += _rule_section(rule)
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":  # python -m bot.safety.review > docs/safety-rules.md
    sys.stdout.write(overview())
