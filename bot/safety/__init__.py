"""Crisis detection: a pure function from a message to a crisis category, or nothing."""

from bot.safety.detector import Detection, Level, Subject, detect
from bot.safety.normalize import normalise
from bot.safety.patterns import Category

__all__ = ["Category", "Detection", "Level", "Subject", "detect", "normalise"]
