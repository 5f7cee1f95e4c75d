"""Babel extractor for the flow and content YAML: each user-facing text becomes a catalog entry."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

import yaml

__all__ = [
    "TRANSLATABLE_KEYS",
    "TRANSLATABLE_MAPPINGS",
    "Extracted",
    "FlowExtractionError",
    "extract_flow",
]

#: Mapping keys whose string value is a message id in the gettext catalogs. Everything else
#: (ids, ``next``, ``synonyms``, URLs) is data that must not reach the translators.
TRANSLATABLE_KEYS = frozenset(
    {
        "text",
        "label",
        "description",
        "when",
        "hours",
        "why",
        "what",
        "how",
        "confirm",
        "hint",
        "short",
    }
)
#: Mapping keys whose every string value is a message id (``why: {calmer: "...", ...}``).
TRANSLATABLE_MAPPINGS = frozenset({"why"})

#: What a Babel extractor yields: (line, function name, message, translator comments).
Extracted = tuple[int, str | None, str, list[str]]

_STR_TAG = "tag:yaml.org,2002:str"
# PyYAML's line breaks, so comment lines are counted as its marks count them (not str.splitlines).
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


class FlowExtractionError(ValueError):
    """A flow or content file that is not valid YAML; the message names the file and line."""


def extract_flow(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[Extracted]:
    """Yield the translatable strings of one YAML file, for ``pybabel extract``.

    Each string is reported at its key's line, where a translator finds it and where the comment
    sits. `keywords` is unused: YAML has no function calls, the keys above decide. A comment block
    directly above a key becomes the translator comment from its first line that starts with one
    of `comment_tags` (``--add-comments=NOTE``), as Babel's Python extractor does.
    """
    del keywords  # part of Babel's extractor signature; the translatable keys are fixed
    name = str(getattr(fileobj, "name", "<yaml>"))
    source = _decode(fileobj.read(), name, str(options.get("encoding", "utf-8")))
    try:
        documents = list(yaml.compose_all(source, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{name}:{mark.line + 1}" if mark is not None else name
        raise FlowExtractionError(f"{where}: invalid YAML: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise FlowExtractionError(f"{name}: invalid YAML: {exc}") from None

    lines = _LINE_BREAK.split(source)
    inside_scalars: set[int] = set()
    for document in documents:
        _scalar_lines(document, inside_scalars, set())
    comments = _Comments(lines, inside_scalars, tuple(comment_tags))
    for document in documents:
        for key, value in _translatable(document, set()):
            line = key.start_mark.line
            yield line + 1, None, value, comments.above(line)


class _Comments:
    """Finds the translator comment above a line: a tagged run of YAML comment lines."""

    def __init__(self, lines: list[str], inside_scalars: set[int], tags: tuple[str, ...]) -> None:
        self._lines = lines
        self._inside_scalars = inside_scalars
        self._tags = tags

    def above(self, line: int) -> list[str]:
        """Return the tagged comment ending on the line before `line` (0-based), or nothing."""
        if not self._tags:
            return []
        block: list[str] = []
        index = line - 1
        while index >= 0 and self._is_comment(index):
            block.append(self._lines[index].strip()[1:].strip())
            index -= 1
        block.reverse()
        for start, text in enumerate(block):
            if text.startswith(self._tags):
                return block[start:]
        return []

    def _is_comment(self, index: int) -> bool:
        # A "#" line inside a block scalar is text, not a comment.
        return index not in self._inside_scalars and self._lines[index].lstrip().startswith("#")


def _translatable(node: yaml.Node, seen: set[int]) -> Iterator[tuple[yaml.ScalarNode, str]]:
    """Walk the document in order, yielding (key node, text) for each translatable value."""
    # An alias makes the same node appear twice; one visit is enough and stops cycles.
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if (
                isinstance(key, yaml.ScalarNode)
                and key.value in TRANSLATABLE_KEYS
                and isinstance(value, yaml.ScalarNode)
                and value.tag == _STR_TAG
                and value.value
            ):
                yield key, value.value
            elif (
                isinstance(key, yaml.ScalarNode)
                and key.value in TRANSLATABLE_MAPPINGS
                and isinstance(value, yaml.MappingNode)
            ):
                for sub_key, sub_value in value.value:
                    if (
                        isinstance(sub_value, yaml.ScalarNode)
                        and sub_value.tag == _STR_TAG
                        and sub_value.value
                    ):
                        yield sub_key, sub_value.value
            else:
                yield from _translatable(value, seen)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _translatable(item, seen)


def _scalar_lines(node: yaml.Node, lines: set[int], seen: set[int]) -> None:
    """Collect the 0-based lines that lie inside a multi-line scalar, after its first line."""
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        start, end = node.start_mark.line, node.end_mark.line
        # A block scalar ends at column 0 of the line after its text; others end on their text.
        last = end if node.end_mark.column > 0 else end - 1
        lines.update(range(start + 1, last + 1))
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _scalar_lines(key, lines, seen)
            _scalar_lines(value, lines, seen)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _scalar_lines(item, lines, seen)


def _decode(data: bytes | str, name: str, encoding: str) -> str:
    if isinstance(data, str):
        return data
    try:
        return data.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FlowExtractionError(f"{name}:{line}: not valid {encoding}") from None
