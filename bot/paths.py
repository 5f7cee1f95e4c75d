"""Where flows/, content/ and locales/ are: beside the package, or inside it when built."""

from __future__ import annotations

from pathlib import Path

__all__ = ["data_root"]


def data_root() -> Path:
    """The folder holding flows/, content/ and locales/."""
    package = Path(__file__).resolve().parent
    built = package / "_data"
    return built if built.is_dir() else package.parent
