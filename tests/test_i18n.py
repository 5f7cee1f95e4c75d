"""Catalogs load once, refuse to start uncompiled or stale, and fall back to the message id."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.i18n import CatalogError, Catalogs


def test_languages_default_first_and_named_in_themselves(catalogs: Catalogs) -> None:
    assert catalogs.languages == ("nl", "en")
    assert catalogs.language_name("nl") == "Nederlands"
    assert catalogs.language_name("en") == "English"


def test_lookup_and_fallback(catalogs: Catalogs) -> None:
    assert catalogs.gettext("nl", "More or less") == "Min of meer"
    assert catalogs.gettext("en", "More or less") == "More or less"
    assert catalogs.gettext("xx", "More or less") == "More or less"
    assert catalogs.gettext("nl", "never seen before") == "never seen before"


def test_refuses_a_catalog_without_mo(tmp_path: Path, root: Path) -> None:
    shutil.copytree(root / "locales", tmp_path / "locales")
    (tmp_path / "locales" / "en" / "LC_MESSAGES" / "messages.mo").unlink()
    with pytest.raises(CatalogError, match="not compiled"):
        Catalogs.load(tmp_path / "locales")


def test_refuses_a_catalog_changed_after_compiling(tmp_path: Path, root: Path) -> None:
    shutil.copytree(root / "locales", tmp_path / "locales")
    po = tmp_path / "locales" / "nl" / "LC_MESSAGES" / "messages.po"
    po.write_text(
        po.read_text(encoding="utf-8").replace('msgstr "Min of meer"', 'msgstr "Een beetje"'),
        encoding="utf-8",
    )
    with pytest.raises(CatalogError, match="changed after it was compiled"):
        Catalogs.load(tmp_path / "locales")


def test_no_catalogs_at_all(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="no catalogs"):
        Catalogs.load(tmp_path)
