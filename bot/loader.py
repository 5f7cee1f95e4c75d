"""Reads flows/ and content/ YAML into engine data, naming file and line for every problem."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import yaml

from bot.engine.content import Content, GeneralHelp, HelpLine, Offer, Organisation
from bot.engine.crisis import ABUSE_MINOR, SEXUAL
from bot.engine.flow import ANY_LANGUAGE, Flow, LinkSpec, Option, Step, StepKind
from bot.engine.hours import WEEKDAYS, Interval, WeeklyHours, check_day, parse_interval
from bot.problems import Problem

__all__ = ["LoadError", "Problem", "load_content", "load_flow", "load_sources"]

_ID = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_KINDS: tuple[StepKind, ...] = ("message", "question", "action", "end")
_STEP_KEYS = {"kind", "text", "options", "next", "action", "links", "hint"}
_OPTION_KEYS = {
    "id", "label", "short", "next", "synonyms", "range", "hedge", "confirm", "hide_when",
}  # fmt: skip
#: Who a crisis reply's extra lines are for (``crisis_also`` in helplines.yaml).
_CRISIS_ALSO = frozenset({SEXUAL, ABUSE_MINOR})


class LoadError(Exception):
    """The data files have problems; `problems` lists them all, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class _Reader:
    """Walks composed YAML nodes, collecting problems instead of stopping at the first."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, node: yaml.Node | None, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 1
        self.problems.append(Problem(self.file, line, message))

    def mapping(self, node: yaml.Node, what: str) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{what} must be a mapping")
            return {}
        out: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self.problem(key_node, f"{what} has a key that is not text")
            elif key in out:
                self.problem(key_node, f"{what} has '{key}' twice")
            else:
                out[key] = value_node
        return out

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"{what} must be a list")
            return []
        return list(node.value)

    def text(self, node: yaml.Node | None, what: str) -> str | None:
        if node is None:
            return None
        if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str":
            if isinstance(node, yaml.ScalarNode) and node.tag != "tag:yaml.org,2002:null":
                return str(node.value)
            self.problem(node, f"{what} must be text")
            return None
        value = str(node.value)
        if not value.strip():
            self.problem(node, f"{what} is empty")
            return None
        return value

    def texts(self, node: yaml.Node, what: str) -> tuple[str, ...]:
        return tuple(
            t for item in self.sequence(node, what) if (t := self.text(item, what)) is not None
        )

    def integer(self, node: yaml.Node | None, what: str) -> int | None:
        if node is None:
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:int":
            return int(node.value)
        self.problem(node, f"{what} must be a whole number")
        return None

    def boolean(self, node: yaml.Node | None, what: str) -> bool:
        if node is None:
            return False
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:bool":
            return str(node.value).lower() in ("true", "yes", "on")
        self.problem(node, f"{what} must be true or false")
        return False


def _compose(path: Path, display: str) -> tuple[yaml.Node | None, list[Problem]]:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.compose(fh, Loader=yaml.SafeLoader), []
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        return None, [Problem(display, line, f"not valid YAML: {exc.problem or exc}")]
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(display, 1, f"cannot read: {exc.__class__.__name__}")]


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


# --- flows -----------------------------------------------------------------------------------


def load_flow(flow_dir: Path, *, actions: Collection[str], languages: Collection[str]) -> Flow:
    """All ``*.yaml`` in `flow_dir` as one graph, checked; raises LoadError listing problems."""
    problems: list[Problem] = []
    steps: dict[str, Step] = {}
    starts: list[tuple[str, Problem]] = []
    files = sorted(flow_dir.glob("*.yaml"))
    if not files:
        raise LoadError([Problem(_display(flow_dir), 1, "no flow files (*.yaml) found")])
    for path in files:
        problems += _load_flow_file(path, steps, starts, actions, languages)
    if not starts:
        problems.append(Problem(_display(flow_dir), 1, "no flow file names a 'start' step"))
    elif len(starts) > 1:
        problems += [
            Problem(p.file, p.line, "'start' is named in more than one file") for _, p in starts
        ]
    start = starts[0][0] if starts else ""
    flow = Flow(start=start, steps=MappingProxyType(steps))
    if starts and len(starts) == 1:
        problems += _graph_problems(flow, starts[0][1])
    if problems:
        raise LoadError(problems)
    return flow


def _load_flow_file(
    path: Path,
    steps: dict[str, Step],
    starts: list[tuple[str, Problem]],
    actions: Collection[str],
    languages: Collection[str],
) -> list[Problem]:
    """Adds one file's steps (and its start, if it names one); returns its problems."""
    display = _display(path)
    root, errors = _compose(path, display)
    if root is None:
        return errors or [Problem(display, 1, "file is empty")]
    reader = _Reader(display)
    top = reader.mapping(root, "a flow file")
    for key in top.keys() - {"start", "steps"}:
        reader.problem(top[key], f"unknown key '{key}' (expected start, steps)")
    if "start" in top and (start := reader.text(top["start"], "start")):
        starts.append((start, Problem(display, top["start"].start_mark.line + 1, "")))
    for step in _read_steps(reader, top.get("steps"), actions, languages):
        if step.id in steps:
            other = steps[step.id]
            reader.problems.append(
                Problem(
                    display,
                    step.line,
                    f"step '{step.id}' is defined twice (also at {other.file}:{other.line})",
                )
            )
        else:
            steps[step.id] = step
    return reader.problems


def _read_steps(
    reader: _Reader,
    node: yaml.Node | None,
    actions: Collection[str],
    languages: Collection[str],
) -> Iterator[Step]:
    if node is None:
        reader.problem(None, "a flow file needs 'steps'")
        return
    for key_node, value in node.value if isinstance(node, yaml.MappingNode) else []:
        step_id = str(key_node.value)
        if not _ID.match(step_id):
            reader.problem(key_node, f"step id '{step_id}' must be lower_snake_case")
            continue
        step = _read_step(
            reader, step_id, value, actions, languages, line=key_node.start_mark.line + 1
        )
        if step is not None:
            yield step
    if not isinstance(node, yaml.MappingNode):
        reader.problem(node, "'steps' must be a mapping of step ids to steps")


def _read_step(
    reader: _Reader,
    step_id: str,
    node: yaml.Node,
    actions: Collection[str],
    languages: Collection[str],
    *,
    line: int,
) -> Step | None:
    fields = reader.mapping(node, f"step '{step_id}'")
    for key in fields.keys() - _STEP_KEYS:
        reader.problem(fields[key], f"step '{step_id}': unknown key '{key}'")
    kind = reader.text(fields.get("kind"), f"step '{step_id}': kind")
    if kind not in _KINDS:
        reader.problem(
            fields.get("kind", node),
            f"step '{step_id}': kind must be one of {', '.join(_KINDS)}",
        )
        return None
    text = reader.text(fields.get("text"), f"step '{step_id}': text")
    nxt = reader.text(fields.get("next"), f"step '{step_id}': next")
    action = reader.text(fields.get("action"), f"step '{step_id}': action")
    options = tuple(
        opt
        for opt_node in (
            reader.sequence(fields["options"], "options") if "options" in fields else []
        )
        if (opt := _read_option(reader, step_id, opt_node, languages)) is not None
    )
    links = tuple(_read_links(reader, step_id, fields.get("links")))
    hint = reader.text(fields.get("hint"), f"step '{step_id}': hint")
    if hint is not None and kind != "question":
        reader.problem(fields["hint"], f"step '{step_id}': only a question has a hint")
    step = Step(
        id=step_id,
        kind=kind,
        text=text,
        options=options,
        next=nxt,
        action=action,
        links=links,
        hint=hint,
        file=reader.file,
        line=line,
    )
    _shape_problems(reader, step, fields, actions)
    return step


def _shape_problems(
    reader: _Reader,
    step: Step,
    fields: dict[str, yaml.Node],
    actions: Collection[str],
) -> None:
    """What each kind of step needs to have a way forward."""
    name = f"step '{step.id}'"

    def at_step(message: str) -> None:
        reader.problems.append(Problem(reader.file, step.line, message))

    if step.kind in ("message", "question") and step.text is None:
        at_step(f"{name}: a {step.kind} needs a text")
    if step.kind == "question":
        if len(step.options) < 2:
            at_step(f"{name}: a question needs at least two options")
        ids = [o.id for o in step.options]
        for dup in sorted({i for i in ids if ids.count(i) > 1}):
            at_step(f"{name}: option id '{dup}' is used twice")
        reader.problems += [
            Problem(reader.file, opt.line, f"option '{opt.id}' leads nowhere (no next)")
            for opt in step.options
            if opt.next is None and step.next is None
        ]
    elif step.options:
        reader.problem(fields["options"], f"{name}: only a question has options")
    if step.kind in ("message", "action") and step.next is None:
        at_step(f"{name}: a {step.kind} needs 'next' (no way forward)")
    if step.kind == "end" and step.next is not None:
        reader.problem(fields["next"], f"{name}: an end step has no 'next'")
    if step.kind == "action":
        if step.action is None:
            at_step(f"{name}: an action step needs 'action'")
        elif step.action not in actions:
            known = ", ".join(sorted(actions))
            reader.problem(fields["action"], f"{name}: unknown action '{step.action}' ({known})")


def _read_option(
    reader: _Reader, step_id: str, node: yaml.Node, languages: Collection[str]
) -> Option | None:
    fields = reader.mapping(node, f"an option of '{step_id}'")
    for key in fields.keys() - _OPTION_KEYS:
        reader.problem(fields[key], f"option of '{step_id}': unknown key '{key}'")
    opt_id = reader.text(fields.get("id"), f"option of '{step_id}': id")
    label = reader.text(fields.get("label"), f"option of '{step_id}': label")
    if opt_id is None or label is None:
        if opt_id is None and "id" not in fields:
            reader.problem(node, f"an option of '{step_id}' needs an 'id'")
        if label is None and "label" not in fields:
            reader.problem(node, f"an option of '{step_id}' needs a 'label'")
        return None
    if not _ID.match(opt_id):
        reader.problem(fields["id"], f"option id '{opt_id}' must be lower_snake_case")
    synonyms: dict[str, tuple[str, ...]] = {}
    if "synonyms" in fields:
        for lang, words in reader.mapping(fields["synonyms"], "synonyms").items():
            if lang != ANY_LANGUAGE and lang not in languages:
                reader.problem(
                    words, f"synonyms for unknown language '{lang}' (known: {sorted(languages)})"
                )
            synonyms[lang] = reader.texts(words, f"synonyms.{lang}")
    number_range: tuple[int, int] | None = None
    if "range" in fields:
        bounds = [
            n
            for item in reader.sequence(fields["range"], "range")
            if (n := reader.integer(item, "range")) is not None
        ]
        if len(bounds) == 2 and bounds[0] <= bounds[1]:
            number_range = (bounds[0], bounds[1])
        else:
            reader.problem(fields["range"], f"option '{opt_id}': range must be [low, high]")
    hide_when = tuple(
        (step, answer)
        for step, answer_node in (
            reader.mapping(fields["hide_when"], f"option '{opt_id}': hide_when").items()
            if "hide_when" in fields
            else []
        )
        if (answer := reader.text(answer_node, f"option '{opt_id}': hide_when.{step}"))
    )
    return Option(
        id=opt_id,
        label=label,
        next=reader.text(fields.get("next"), f"option '{opt_id}': next"),
        synonyms=MappingProxyType(synonyms),
        line=node.start_mark.line + 1,
        range=number_range,
        hedge=reader.boolean(fields.get("hedge"), f"option '{opt_id}': hedge"),
        confirm=reader.text(fields.get("confirm"), f"option '{opt_id}': confirm"),
        hide_when=hide_when,
        short=reader.text(fields.get("short"), f"option '{opt_id}': short"),
    )


def _read_links(reader: _Reader, step_id: str, node: yaml.Node | None) -> Iterator[LinkSpec]:
    if node is None:
        return
    for item in reader.sequence(node, f"links of '{step_id}'"):
        fields = reader.mapping(item, "a link")
        label = reader.text(fields.get("label"), "link label")
        url = reader.text(fields.get("url"), "link url")
        if url is not None and not url.startswith("https://"):
            reader.problem(fields.get("url"), "a link url must start with https://")
        if label is not None and url is not None:
            yield LinkSpec(label=label, url=url)


def _graph_problems(flow: Flow, start_at: Problem) -> list[Problem]:
    problems: list[Problem] = []
    if flow.start not in flow.steps:
        problems.append(
            Problem(start_at.file, start_at.line, f"start step '{flow.start}' does not exist")
        )
        return problems
    for step in flow.steps.values():
        for target, line in _targets(step):
            if target not in flow.steps:
                problems.append(
                    Problem(
                        step.file,
                        line,
                        f"step '{step.id}' leads to '{target}', which does not exist",
                    )
                )
    problems += [
        Problem(step.file, opt.line, f"option '{opt.id}' is hidden by an answer no question has")
        for step in flow.steps.values()
        for opt in step.options
        for hiding_step, answer in opt.hide_when
        if (asked := flow.step(hiding_step)) is None or asked.option(answer) is None
    ]
    seen = {flow.start}
    todo = [flow.start]
    while todo:
        step = flow.steps[todo.pop()]
        for target, _ in _targets(step):
            if target in flow.steps and target not in seen:
                seen.add(target)
                todo.append(target)
    problems += [
        Problem(step.file, step.line, f"step '{step.id}' cannot be reached from the start")
        for step in flow.steps.values()
        if step.id not in seen
    ]
    problems += [
        Problem(step.file, step.line, f"step '{step.id}' loops without ever asking a question")
        for step in flow.steps.values()
        if step.kind in ("message", "action") and _loops_without_question(flow, step)
    ]
    return problems


def _targets(step: Step) -> Iterator[tuple[str, int]]:
    if step.next is not None:
        yield step.next, step.line
    for opt in step.options:
        if opt.next is not None:
            yield opt.next, opt.line


def _loops_without_question(flow: Flow, step: Step) -> bool:
    seen: set[str] = set()
    current: Step | None = step
    while current is not None and current.kind in ("message", "action"):
        if current.id in seen:
            return True
        seen.add(current.id)
        current = flow.step(current.next)
    return False


# --- content ---------------------------------------------------------------------------------


def load_content(content_dir: Path) -> Content:
    """Help lines and organisations from `content_dir`; raises LoadError listing problems."""
    problems: list[Problem] = []
    lines = _help_lines(content_dir / "helplines.yaml", problems)
    orgs, default_org = _organisations(content_dir / "organisations.yaml", problems)
    offers, general = _offers(content_dir / "offers.yaml", {o.key for o in orgs}, problems)
    try:
        sources = load_sources(content_dir)
    except LoadError as exc:
        problems += exc.problems
        sources = frozenset()
    if problems:
        raise LoadError(problems)
    return Content(
        help_lines=lines.lines,
        crisis_lines=MappingProxyType(lines.crisis),
        organisations=tuple(orgs),
        default_organisation=default_org,
        offers=tuple(offers),
        general_help=general,
        sources=sources,
        waiting_lines=lines.waiting,
        crisis_also=MappingProxyType(lines.crisis_also),
        concern_lines=lines.concern,
    )


@dataclass(frozen=True, slots=True)
class _HelpLines:
    """What helplines.yaml holds: the lines, and which of them each reply shows (by key)."""

    lines: tuple[HelpLine, ...] = ()
    crisis: dict[str, tuple[str, ...]] = field(default_factory=dict)
    crisis_also: dict[str, tuple[str, ...]] = field(default_factory=dict)
    waiting: tuple[str, ...] = ()
    concern: tuple[str, ...] = ()


def _help_lines(path: Path, problems: list[Problem]) -> _HelpLines:
    lines: list[HelpLine] = []
    opened = _content_file(path, "helplines.yaml", problems)
    if opened is None:
        return _HelpLines()
    reader, top, root = opened
    for item in reader.sequence(top.get("lines", root), "lines"):
        f = reader.mapping(item, "a help line")
        key = reader.text(f.get("key"), "key")
        name = reader.text(f.get("name"), "name")
        when = reader.text(f.get("when"), "when")
        hours = reader.text(f.get("hours"), "hours")
        phones = reader.texts(f["phones"], "phones") if "phones" in f else ()
        chat = reader.text(f.get("chat"), "chat")
        if not phones and chat is None:
            reader.problem(item, "a help line needs phones or a chat link")
        if key and name and when and hours:
            free = reader.boolean(f.get("free"), "free")
            opening = _optional_hours(reader, f, key)
            lines.append(HelpLine(key, name, phones, free, when, hours, chat, opening))
        else:
            reader.problem(item, "a help line needs key, name, when and hours")
    known = {line.key for line in lines}
    crisis = {
        category: _line_keys(reader, keys, f"crisis.{category}", known)
        for category, keys in reader.mapping(top.get("crisis", root), "crisis").items()
    }
    also: dict[str, tuple[str, ...]] = {}
    if "crisis_also" in top:
        for fits, keys in reader.mapping(top["crisis_also"], "crisis_also").items():
            if fits not in _CRISIS_ALSO:
                expected = " or ".join(sorted(_CRISIS_ALSO))
                reader.problem(keys, f"crisis_also: unknown key '{fits}' (expected {expected})")
            also[fits] = _line_keys(reader, keys, f"crisis_also.{fits}", known)
    waiting = _line_keys(reader, top["waiting"], "waiting", known) if "waiting" in top else ()
    concern = _line_keys(reader, top["concern"], "concern", known) if "concern" in top else ()
    problems += reader.problems
    return _HelpLines(tuple(lines), crisis, also, waiting, concern)


def _line_keys(reader: _Reader, node: yaml.Node, what: str, known: set[str]) -> tuple[str, ...]:
    """A list of help line keys, each of which must name a line of the file."""
    keys = reader.texts(node, what)
    for key in sorted(set(keys) - known):
        reader.problem(node, f"{what} names unknown line '{key}'")
    return keys


def _organisations(path: Path, problems: list[Problem]) -> tuple[list[Organisation], str | None]:
    orgs: list[Organisation] = []
    opened = _content_file(path, "organisations.yaml", problems)
    if opened is None:
        return orgs, None
    reader, top, root = opened
    for item in reader.sequence(top.get("organisations", root), "organisations"):
        f = reader.mapping(item, "an organisation")
        key = reader.text(f.get("key"), "key")
        name = reader.text(f.get("name"), "name")
        url = reader.text(f.get("url"), "url")
        description = reader.text(f.get("description"), "description")
        if key and name and url and description:
            min_age = reader.integer(f.get("min_age"), "min_age")
            max_age = reader.integer(f.get("max_age"), "max_age")
            hours = _optional_hours(reader, f, key)
            orgs.append(Organisation(key, name, url, description, min_age, max_age, hours))
        else:
            reader.problem(item, "an organisation needs key, name, url and description")
    default_org = reader.text(top.get("default"), "default")
    if default_org is not None and default_org not in {o.key for o in orgs}:
        reader.problem(top.get("default"), f"default '{default_org}' is not an organisation")
    problems += reader.problems
    return orgs, default_org


_HOURS_KEYS = frozenset({*WEEKDAYS, "daily", "public_holidays", "checked", "source"})


def _opening_hours(reader: _Reader, node: yaml.Node, what: str) -> WeeklyHours | None:
    """`opening_hours`: interval lists by weekday (or `daily`) and the public-holiday rule."""
    before = len(reader.problems)
    f = reader.mapping(node, what)
    for unknown in sorted(f.keys() - _HOURS_KEYS):
        reader.problem(f[unknown], f"{what}: unknown key '{unknown}'")
    for key in ("checked", "source"):
        reader.text(f.get(key), f"{what}.{key}")
    rule = reader.text(f.get("public_holidays"), f"{what}.public_holidays")
    if rule not in ("open", "closed"):
        reader.problem(
            f.get("public_holidays", node), f"{what}.public_holidays must be open or closed"
        )
    weekdays = [day for day in WEEKDAYS if day in f]
    if ("daily" in f) == bool(weekdays):
        reader.problem(node, f"{what} needs either 'daily' or weekdays (mon..sun), not both")
    days: dict[str, tuple[Interval, ...]] = {}
    for day in [day for day in ("daily", *WEEKDAYS) if day in f]:
        intervals: list[Interval] = []
        for item in reader.sequence(f[day], f"{what}.{day}"):
            text = reader.text(item, f"{what}.{day}")
            if text is None:
                continue
            try:
                intervals.append(parse_interval(text))
            except ValueError as exc:
                reader.problem(item, f"{what}.{day}: {exc}")
        try:
            check_day(f"{what}.{day}", intervals)
        except ValueError as exc:
            reader.problem(f[day], str(exc))
        days[day] = tuple(intervals)
    if len(reader.problems) > before:
        return None
    if "daily" in days:
        days = dict.fromkeys(WEEKDAYS, days["daily"])
    return WeeklyHours.from_days(days, closed_on_public_holidays=rule == "closed")


def _optional_hours(reader: _Reader, fields: dict[str, yaml.Node], key: str) -> WeeklyHours | None:
    if "opening_hours" not in fields:
        return None
    return _opening_hours(reader, fields["opening_hours"], f"{key}.opening_hours")


_AGE_BANDS = frozenset({"16-19", "20-24", "25-27"})
_OFFER_KEYS = {
    "key",
    "name",
    "url",
    "what",
    "how",
    "ages",
    "students",
    "organisation_by_age",
    "points",
    "why",
}


def _offers(
    path: Path, organisations: set[str], problems: list[Problem]
) -> tuple[list[Offer], GeneralHelp | None]:
    offers: list[Offer] = []
    opened = _content_file(path, "offers.yaml", problems)
    if opened is None:
        return offers, None
    reader, top, root = opened
    for item in reader.sequence(top.get("offers", root), "offers"):
        offer = _offer(reader, item, organisations)
        if offer is not None:
            offers.append(offer)
    general = None
    if "general_help" in top:
        g = reader.mapping(top["general_help"], "general_help")
        name, url = reader.text(g.get("name"), "name"), reader.text(g.get("url"), "url")
        what = reader.text(g.get("what"), "what")
        if name and url and what:
            general = GeneralHelp(name, url, what)
        else:
            reader.problem(top["general_help"], "general_help needs name, url and what")
    problems += reader.problems
    return offers, general


def _offer(reader: _Reader, item: yaml.Node, organisations: set[str]) -> Offer | None:
    f = reader.mapping(item, "an offer")
    for unknown in f.keys() - _OFFER_KEYS:
        reader.problem(f[unknown], f"an offer: unknown key '{unknown}'")
    key, name = reader.text(f.get("key"), "key"), reader.text(f.get("name"), "name")
    what, how = reader.text(f.get("what"), "what"), reader.text(f.get("how"), "how")
    url = reader.text(f.get("url"), "url")
    if url is not None and not url.startswith("https://"):
        reader.problem(f["url"], "an offer's url must start with https://")
    ages = frozenset(reader.texts(f["ages"], "ages")) if "ages" in f else frozenset()
    for band in sorted(ages - _AGE_BANDS):
        reader.problem(f["ages"], f"unknown age band '{band}' (known: {sorted(_AGE_BANDS)})")
    students = reader.text(f.get("students"), "students")
    if students not in (None, "only"):
        reader.problem(f["students"], "students must be 'only' or left out")
    by_age = {
        band: org
        for band, node in (
            reader.mapping(f["organisation_by_age"], "organisation_by_age").items()
            if "organisation_by_age" in f
            else []
        )
        if (org := reader.text(node, "organisation")) is not None
    }
    for band, org in by_age.items():
        if org not in organisations:
            reader.problem(
                f["organisation_by_age"], f"'{band}' names unknown organisation '{org}'"
            )
    points = reader.mapping(f["points"], "points") if "points" in f else {}
    why = {
        reason: text
        for reason, node in (reader.mapping(f["why"], "why").items() if "why" in f else [])
        if (text := reader.text(node, f"why.{reason}")) is not None
    }
    if "default" not in why:
        reader.problem(f.get("why", item), "an offer needs why.default")
    if not (key and name and what and how):
        reader.problem(item, "an offer needs key, name, what and how")
        return None
    return Offer(
        key=key,
        name=name,
        what=what,
        how=how,
        why=MappingProxyType(why),
        url=url,
        ages=ages,
        students_only=students == "only",
        organisation_by_age=MappingProxyType(by_age),
        wish_points=MappingProxyType(_int_map(reader, points.get("wish"), "points.wish")),
        band_points=MappingProxyType(_int_map(reader, points.get("band"), "points.band")),
        student_points=reader.integer(points.get("student"), "points.student") or 0,
    )


def _int_map(reader: _Reader, node: yaml.Node | None, what: str) -> dict[str, int]:
    if node is None:
        return {}
    return {
        key: number
        for key, value in reader.mapping(node, what).items()
        if (number := reader.integer(value, f"{what}.{key}")) is not None
    }


def _content_file(
    path: Path, what: str, problems: list[Problem]
) -> tuple[_Reader, dict[str, yaml.Node], yaml.Node] | None:
    """Open one content file: its reader, top-level mapping and root, with `checked`/`source`
    required; None (problems recorded) when it cannot be read."""
    root, errors = _compose(path, _display(path))
    problems += errors
    if root is None:
        return None
    reader = _Reader(_display(path))
    top = reader.mapping(root, what)
    _require_checked(reader, top, root)
    return reader, top, root


def _require_checked(reader: _Reader, top: dict[str, yaml.Node], root: yaml.Node) -> None:
    for key in ("checked", "source"):
        if key not in top:
            reader.problem(root, f"content needs '{key}' (when and where it was last checked)")


_SOURCE = re.compile(r"^[a-z0-9_]{1,32}$")


def load_sources(content_dir: Path) -> frozenset[str]:
    """The deep-link codes that count by name (content/sources.yaml); raises LoadError."""
    path = content_dir / "sources.yaml"
    if not path.exists():
        return frozenset()
    root, problems = _compose(path, _display(path))
    codes: set[str] = set()
    if root is not None:
        reader = _Reader(_display(path))
        top = reader.mapping(root, "sources.yaml")
        _require_checked(reader, top, root)
        for code in reader.texts(top.get("codes", root), "codes"):
            if _SOURCE.match(code):
                codes.add(code)
            else:
                reader.problem(top.get("codes"), f"code '{code}' must be 1-32 of a-z, 0-9, _")
        problems += reader.problems
    if problems:
        raise LoadError(problems)
    return frozenset(codes)
