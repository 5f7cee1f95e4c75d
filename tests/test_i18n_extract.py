"""Tests for bot.i18n_extract: which YAML strings reach the catalogs, with lines and comments."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
from babel.messages.extract import extract
from babel.messages.pofile import read_po

from bot.i18n_extract import Extracted, FlowExtractionError, extract_flow

ROOT = Path(__file__).resolve().parent.parent

FLOW = """\
start: welcome
steps:
  welcome:
    kind: message
    # NOTE: the very first message
    text: |-
      Hi! I'm Omarmt.
      I'm a bot.
    next: checkin
  checkin:
    kind: question
    text: "How are you doing today?"
    options:
      - id: good
        label: "Good"
        synonyms:
          nl: [goed, prima]
          "*": ["👍"]
"""


def run_extractor(source: str, comment_tags: tuple[str, ...] = ("NOTE",)) -> list[Extracted]:
    """Run `extract_flow` on `source` the way Babel calls it."""
    fileobj = io.BytesIO(source.encode("utf-8"))
    return list(extract_flow(fileobj, (), comment_tags, {}))


def test_texts_and_labels_with_their_lines() -> None:
    messages = [(line, message) for line, _, message, _ in run_extractor(FLOW)]

    assert messages == [
        (6, "Hi! I'm Omarmt.\nI'm a bot."),
        (12, "How are you doing today?"),
        (15, "Good"),
    ]


def test_funcname_is_none() -> None:
    assert {funcname for _, funcname, _, _ in run_extractor(FLOW)} == {None}


def test_synonyms_ids_and_other_keys_are_not_extracted() -> None:
    extracted = {message for _, _, message, _ in run_extractor(FLOW)}

    for data in ("goed", "prima", "👍", "good", "welcome", "checkin", "message", "question"):
        assert data not in extracted


def test_note_comment_is_carried() -> None:
    comments = {message: comment for _, _, message, comment in run_extractor(FLOW)}

    assert comments["Hi! I'm Omarmt.\nI'm a bot."] == ["NOTE: the very first message"]
    assert comments["Good"] == []


def test_comment_without_tag_is_not_carried() -> None:
    source = "# just a remark\ntext: Hello\n"

    assert run_extractor(source) == [(2, None, "Hello", [])]
    assert run_extractor("# NOTE: hi\ntext: Hello\n", comment_tags=()) == [(2, None, "Hello", [])]


def test_multi_line_note_starts_at_the_tag_and_must_touch_the_key() -> None:
    source = (
        "# unrelated\n"
        "# NOTE: first line\n"
        "#   second line\n"
        "text: One\n"
        "# NOTE: not directly above\n"
        "\n"
        "label: Two\n"
    )

    assert run_extractor(source) == [
        (4, None, "One", ["NOTE: first line", "second line"]),
        (7, None, "Two", []),
    ]


def test_hash_lines_inside_a_block_scalar_are_not_comments() -> None:
    source = "intro:\n  text: |-\n    Hi\n    # NOTE: part of the text\n  label: Two\n"

    assert run_extractor(source)[1] == (5, None, "Two", [])


def test_windows_line_ends() -> None:
    source = "a: 1\r\n# NOTE: hi\r\ntext: Hello\r\n"

    assert run_extractor(source) == [(3, None, "Hello", ["NOTE: hi"])]


def test_every_translatable_key_in_nested_mappings_and_lists() -> None:
    source = """\
organisations:
  - key: jou
    name: JoU
    description: Youth work
    lines:
      - when: Every day
        hours: "9:00-17:00"
        why:
          - nested:
              text: Deep
"""
    assert [(line, message) for line, _, message, _ in run_extractor(source)] == [
        (4, "Youth work"),
        (6, "Every day"),
        (7, "9:00-17:00"),
        (10, "Deep"),
    ]


def test_non_string_and_empty_values_are_ignored() -> None:
    source = "a:\n  text: 12\n  label: true\n  when: null\n  hours: ''\n  why: [x, y]\n"

    assert run_extractor(source) == []


def test_link_labels_and_multiple_documents() -> None:
    source = "links:\n  - label: Website\n    url: https://example.org\n---\ntext: Second\n"

    assert [(line, message) for line, _, message, _ in run_extractor(source)] == [
        (2, "Website"),
        (5, "Second"),
    ]


def test_malformed_yaml_names_file_and_line() -> None:
    fileobj = io.BytesIO(b"steps:\n  a:\n    text: [unclosed\n  b: x\n")
    fileobj.name = "flows/broken.yaml"

    with pytest.raises(FlowExtractionError, match=r"^flows/broken\.yaml:4: invalid YAML"):
        list(extract_flow(fileobj, (), (), {}))


def test_invalid_encoding_names_file_and_line() -> None:
    fileobj = io.BytesIO(b"a: 1\ntext: \xff\n")
    fileobj.name = "content/x.yaml"

    with pytest.raises(FlowExtractionError, match=r"^content/x\.yaml:2: not valid utf-8"):
        list(extract_flow(fileobj, (), (), {}))


def test_babel_api_with_the_extractor() -> None:
    source = io.BytesIO(FLOW.encode())
    # Babel's hint for a method describes extract()'s own output, not what an extractor yields.
    found = extract(extract_flow, source, comment_tags=("NOTE",))  # type: ignore[arg-type]
    results = list(found)

    assert results[0] == (6, "Hi! I'm Omarmt.\nI'm a bot.", ["NOTE: the very first message"], None)
    assert [message for _, message, _, _ in results] == [
        "Hi! I'm Omarmt.\nI'm a bot.",
        "How are you doing today?",
        "Good",
    ]


def test_babel_finds_the_extractor_by_entry_point() -> None:
    try:
        metadata.distribution("omarmt")
    except metadata.PackageNotFoundError:
        pytest.skip("omarmt is not installed, so its babel.extractors entry point is not either")

    results = list(extract("omarmt_flow", io.BytesIO(FLOW.encode())))

    assert [line for line, _, _, _ in results] == [6, 12, 15]


def test_pybabel_extract_with_the_project_mapping(tmp_path: Path) -> None:
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "flows").mkdir()
    (tmp_path / "flows" / "x.yaml").write_text(FLOW, encoding="utf-8")
    # The mapping names the extractor by module path, so the tree must be importable.
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    pybabel = Path(sys.executable).with_name("pybabel")
    # The console script when the venv has one; the same main() through -m otherwise.
    program = (
        [str(pybabel)] if pybabel.exists() else [sys.executable, "-m", "babel.messages.frontend"]
    )
    command = [
        *program,
        "-q",
        "extract",
        "-F",
        "pyproject.toml",
        "--add-comments=NOTE",
        "-o",
        "messages.pot",
        ".",
    ]

    done = subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, check=False, timeout=120
    )

    assert done.returncode == 0, done.stderr
    pot_text = (tmp_path / "messages.pot").read_text(encoding="utf-8")
    assert "#: flows/x.yaml:12\n" in pot_text
    with (tmp_path / "messages.pot").open("rb") as pot_file:
        catalog = read_po(pot_file)
    first = catalog["Hi! I'm Omarmt.\nI'm a bot."]
    assert first is not None
    assert first.locations == [("flows/x.yaml", 6)]
    assert first.auto_comments == ["NOTE: the very first message"]
    assert "goed" not in catalog
