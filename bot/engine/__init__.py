"""The pure conversation engine: no channel, no database, no clock."""

from bot.engine.content import Content, HelpLine, Organisation
from bot.engine.crisis import Sign
from bot.engine.engine import COMMANDS, LANGUAGE_STEP, Detector, Engine, Translator
from bot.engine.flow import ANY_LANGUAGE, Flow, LinkSpec, Option, Step
from bot.engine.model import (
    Choice,
    Command,
    DomainEvent,
    Inbound,
    Link,
    Media,
    OptionView,
    Outbound,
    SessionState,
    Text,
    Turn,
)

__all__ = [
    "ANY_LANGUAGE",
    "COMMANDS",
    "LANGUAGE_STEP",
    "Choice",
    "Command",
    "Content",
    "Detector",
    "DomainEvent",
    "Engine",
    "Flow",
    "HelpLine",
    "Inbound",
    "Link",
    "LinkSpec",
    "Media",
    "Option",
    "OptionView",
    "Organisation",
    "Outbound",
    "SessionState",
    "Sign",
    "Step",
    "Text",
    "Translator",
    "Turn",
]
