"""Omarmt: a chatbot that helps lonely young adults in Utrecht find a local offer or a person."""

__all__ = ["__version__"]

__version__ = "0.1.0"
