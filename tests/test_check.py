"""`omarmt check` passes on the repository and names file and line for every broken thing."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.engine.engine import ACTIONS
from bot.loader import LoadError, load_content, load_flow


def omarmt(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def copy(tmp_path: Path, root: Path) -> Path:
    """A scratch copy of flows/, content/ and compiled locales/ to break."""
    for folder in ("flows", "content", "locales"):
        shutil.copytree(root / folder, tmp_path / folder)
    return tmp_path


def test_check_passes_on_the_repository(root: Path) -> None:
    result = omarmt("check", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "fine" in result.stdout


def test_missing_target_is_named_with_file_and_line(copy: Path) -> None:
    flow = copy / "flows" / "main.yaml"
    text = flow.read_text(encoding="utf-8")
    flow.write_text(text.replace("next: friend_intro", "next: nowhere"), encoding="utf-8")
    line = next(
        n for n, row in enumerate(flow.read_text().splitlines(), 1) if "- id: friend" in row
    )
    result = omarmt("check", "--root", str(copy), cwd=copy)
    assert result.returncode == 1
    assert f"flows/main.yaml:{line}: step 'consent' leads to 'nowhere'" in result.stderr
    # The step that was only reachable through it is now unreachable: also said.
    assert "step 'friend_intro' cannot be reached" in result.stderr


def test_untranslated_text_is_named_with_file_and_line(copy: Path) -> None:
    flow = copy / "flows" / "main.yaml"
    text = flow.read_text(encoding="utf-8")
    flow.write_text(
        text.replace('text: "How old are you?"', 'text: "A brand new sentence."'), encoding="utf-8"
    )
    line = next(
        n for n, row in enumerate(flow.read_text().splitlines(), 1) if "A brand new" in row
    )
    result = omarmt("check", "--root", str(copy), cwd=copy)
    assert result.returncode == 1
    assert (
        f"flows/main.yaml:{line}: text 'A brand new sentence.' is not in the nl catalog"
        in result.stderr
    )


def test_fuzzy_translation_is_not_accepted(copy: Path) -> None:
    po = copy / "locales" / "nl" / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(
        text.replace('msgid "How old are you?"', '#, fuzzy\nmsgid "How old are you?"'),
        encoding="utf-8",
    )
    result = omarmt("check", "--root", str(copy), cwd=copy)
    assert result.returncode == 1
    assert "'How old are you?' is only a fuzzy guess in nl" in result.stderr


def test_uncompiled_catalog_is_refused(copy: Path) -> None:
    (copy / "locales" / "nl" / "LC_MESSAGES" / "messages.mo").unlink()
    result = omarmt("check", "--root", str(copy), cwd=copy)
    assert result.returncode == 1
    assert "not compiled" in result.stderr


def write(path: Path, text: str) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    (path / "x.yaml").write_text(text, encoding="utf-8")
    return path


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(LoadError) as caught:
        load_flow(write(tmp_path / "flows", text), actions=ACTIONS, languages=("nl", "en"))
    return [str(p) for p in caught.value.problems]


def test_a_step_without_a_way_forward(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        "start: a\nsteps:\n  a:\n    kind: message\n    text: hi\n",
    )
    assert any(":3: step 'a': a message needs 'next' (no way forward)" in p for p in found)


def test_a_loop_without_a_question(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        "start: a\nsteps:\n"
        "  a:\n    kind: message\n    text: hi\n    next: b\n"
        "  b:\n    kind: message\n    text: ho\n    next: a\n",
    )
    assert any("loops without ever asking a question" in p for p in found)


def test_a_question_needs_two_options_and_unknown_keys_are_named(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        "start: q\nsteps:\n"
        "  q:\n    kind: question\n    text: Sure?\n    colour: red\n"
        "    options:\n      - id: yes\n        label: Yes\n        next: e\n"
        "  e:\n    kind: end\n",
    )
    assert any("needs at least two options" in p for p in found)
    assert any(":6: step 'q': unknown key 'colour'" in p for p in found)


def test_unknown_action_and_synonym_language(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        "start: a\nsteps:\n"
        "  a:\n    kind: action\n    action: launch_rockets\n    next: q\n"
        "  q:\n    kind: question\n    text: Q\n    options:\n"
        "      - id: x\n        label: X\n        next: e\n        synonyms: {de: [ja]}\n"
        "      - id: y\n        label: Y\n        next: e\n"
        "  e:\n    kind: end\n",
    )
    assert any("unknown action 'launch_rockets'" in p for p in found)
    assert any("synonyms for unknown language 'de'" in p for p in found)


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    found = problems(tmp_path, "start: a\nsteps:\n  a: [unclosed\n")
    assert any(re.search(r"flows/x\.yaml:[34]: not valid YAML", p) for p in found), found


def test_content_lines_need_hours_and_known_crisis_keys(tmp_path: Path, root: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(root / "content", content)
    lines = content / "helplines.yaml"
    lines.write_text(
        lines.read_text(encoding="utf-8").replace(
            'abuse: ["veiligthuis", "112"]', 'abuse: ["nope"]'
        ),
        encoding="utf-8",
    )
    with pytest.raises(LoadError) as caught:
        load_content(content)
    assert "crisis.abuse names unknown line 'nope'" in str(caught.value)


def test_lines_that_fit_the_person_must_be_known(tmp_path: Path, root: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(root / "content", content)
    lines = content / "helplines.yaml"
    text = lines.read_text(encoding="utf-8")
    text = text.replace("sexual: [centrumseksueelgeweld]", "sexual: [csg]")
    text = text.replace("abuse_minor: [kindertelefoon]", "minor: [kindertelefoon]")
    text = text.replace('concern: [luisterlijn, "113"]', "concern: [luisterlijn, chatlijn]")
    lines.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_content(content)
    found = str(caught.value)
    assert "crisis_also.sexual names unknown line 'csg'" in found
    assert "crisis_also: unknown key 'minor' (expected abuse_minor or sexual)" in found
    assert "concern names unknown line 'chatlijn'" in found


def test_repository_content_loads(root: Path) -> None:
    content = load_content(root / "content")
    assert {line.key for line in content.help_lines} >= {
        "112",
        "113",
        "luisterlijn",
        "veiligthuis",
    }
    assert [line.key for line in content.lines_for("suicide")] == ["113", "112"]
    assert dict(content.crisis_also) == {
        "sexual": ("centrumseksueelgeweld",),
        "abuse_minor": ("kindertelefoon",),
    }
    assert content.concern_lines == ("luisterlijn", "113")
    csg = content.line("centrumseksueelgeweld")
    assert csg is not None
    assert (csg.phones, csg.free, csg.chat) == (
        ("0800-0188",),
        True,
        "https://centrumseksueelgeweld.nl",
    )
    assert content.default_organisation == "ucentraal"


def test_broken_opening_hours_are_named(tmp_path: Path, root: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(root / "content", content)
    lines = content / "helplines.yaml"
    text = lines.read_text(encoding="utf-8").replace('["14:00-22:00"]', '["22:00-14:00"]')
    lines.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "22:00-14:00" in row)
    with pytest.raises(LoadError) as caught:
        load_content(content)
    assert any(
        p.line == line and "allesoke.opening_hours.daily" in p.message
        for p in caught.value.problems
    ), caught.value.problems
