"""Builds engines and plays conversations against them, for tests and benchmarks."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.engine import Choice, Engine, Inbound, Outbound, SessionState, Text, Turn
from bot.engine.engine import ACTIONS, Detector
from bot.i18n import Catalogs
from bot.loader import load_content, load_flow
from bot.safety import detect
from bot.safety.detector import Detection

__all__ = [
    "TO_DJG1",
    "Chat",
    "Clock",
    "fake_detector",
    "make_engine",
    "make_sign",
    "render",
    "sequential_ids",
]

#: The taps from the first question to the first De Jong Gierveld statement.
TO_DJG1 = (("consent", "yes"), ("age", "age_16_17"), ("student", "no"))


def sequential_ids() -> Callable[[], str]:
    """Conversation ids c1, c2, ... so tests can see when a new conversation began."""
    counter = itertools.count(1)
    return lambda: f"c{next(counter)}"


def make_sign(
    category: str = "suicide",
    *,
    subject: str = "self",
    level: str = "crisis",
    sexual: bool = False,
    armed: bool = False,
) -> Detection:
    """A crisis sign as the detector reports it, with only the fields a test cares about."""
    return Detection(category, "fake", subject, level, sexual, armed)  # type: ignore[arg-type]


def fake_detector(signs: Mapping[str, Detection]) -> Detector:
    """A detector that knows exactly these texts and nothing else, so a test of the replies
    never depends on the real rules matching a phrase."""
    return signs.get


class Clock:
    """The engine's clock, moved by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        """Move on by a `timedelta(**delta)`."""
        self.now += timedelta(**delta)


def make_engine(
    root: Path,
    *,
    detector: Detector = detect,
    new_id: Callable[[], str] | None = None,
    staff_orgs: Collection[str] = (),
    clock: Callable[[], datetime] | None = None,
) -> Engine:
    """An engine over `root`'s flows, content and compiled catalogs."""
    catalogs = Catalogs.load(root / "locales")
    flow = load_flow(root / "flows", actions=ACTIONS, languages=catalogs.languages)
    content = load_content(root / "content")
    return Engine(
        flow,
        content,
        catalogs,
        detector,
        new_id=new_id or sequential_ids(),
        staff_orgs=staff_orgs,
        clock=clock or (lambda: datetime.now(UTC)),
    )


class Chat:
    """One young person talking to an engine: keeps the state between turns like storage does."""

    def __init__(self, engine: Engine, lang_hint: str | None = None) -> None:
        self.engine = engine
        self.state: SessionState | None = None
        self.lang_hint = lang_hint
        self.last: Turn | None = None

    def send(self, event: Inbound | str) -> tuple[Outbound, ...]:
        """Send one event (a str is typed text); returns the replies."""
        if isinstance(event, str):
            event = Text(event, self.lang_hint)
        self.last = self.engine.handle(self.state, event)
        self.state = self.last.state
        return self.last.messages

    def tap(self, *answers: tuple[str, str]) -> tuple[Outbound, ...]:
        """Tap options in order, as (step, option) pairs; returns the last replies."""
        replies: tuple[Outbound, ...] = ()
        for step, option in answers:
            replies = self.send(Choice(step, option))
        return replies

    def text(self, event: Inbound | str) -> str:
        """Send one event and return all reply texts joined, options included."""
        return render(self.send(event))


def render(messages: tuple[Outbound, ...]) -> str:
    """The replies as one string, each option on its own line as the terminal shows it."""
    parts: list[str] = []
    for message in messages:
        parts.append(message.text)
        parts += [f"{o.number}. {o.label}" for o in message.options]
        parts += [f"{link.label}: {link.url}" for link in message.links]
    return "\n".join(parts)
