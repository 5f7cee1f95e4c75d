"""Loads the compiled gettext catalogs once and answers look-ups per language."""

from __future__ import annotations

import gettext
from pathlib import Path

from babel import Locale
from babel.messages.pofile import read_po

__all__ = ["DOMAIN", "SOURCE_LANGUAGE", "CatalogError", "Catalogs"]

DOMAIN = "messages"
#: Message ids are written in English, so English needs no translation to be complete.
SOURCE_LANGUAGE = "en"


class CatalogError(Exception):
    """A catalog is missing or not compiled; the program must not start with it."""


class Catalogs:
    """All languages' catalogs in memory; the first language is the default."""

    def __init__(self, translations: dict[str, gettext.NullTranslations], default: str) -> None:
        if default not in translations:
            raise CatalogError(f"default language '{default}' has no catalog")
        self._translations = translations
        others = sorted(lang for lang in translations if lang != default)
        self.languages: tuple[str, ...] = (default, *others)
        self._names = {
            lang: Locale.parse(lang).get_display_name(lang).capitalize()  # type: ignore[union-attr]
            for lang in self.languages
        }

    @classmethod
    def load(cls, locales_dir: Path, default: str = "nl") -> Catalogs:
        """Every ``<lang>/LC_MESSAGES/messages.po`` must have a current ``.mo`` beside it."""
        translations: dict[str, gettext.NullTranslations] = {}
        for po in sorted(locales_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
            lang = po.parent.parent.name
            mo = po.with_suffix(".mo")
            if not mo.exists():
                raise CatalogError(
                    f"{po}: not compiled (no {mo.name}); run: "
                    f"pybabel compile -d {locales_dir} -D {DOMAIN}"
                )
            with mo.open("rb") as fh:
                compiled = gettext.GNUTranslations(fh)
            if not _current(po, compiled):
                raise CatalogError(
                    f"{po}: changed after it was compiled; run: "
                    f"pybabel compile -d {locales_dir} -D {DOMAIN}"
                )
            translations[lang] = compiled
        if not translations:
            raise CatalogError(f"{locales_dir}: no catalogs found")
        return cls(translations, default)

    def gettext(self, lang: str, message: str) -> str:
        """The message in `lang`, or the message id itself if it has no translation."""
        translation = self._translations.get(lang)
        return translation.gettext(message) if translation is not None else message

    def language_name(self, lang: str) -> str:
        """The language's own name for itself: "Nederlands", "English"."""
        return self._names.get(lang, lang)


def _current(po: Path, compiled: gettext.GNUTranslations) -> bool:
    """Whether the compiled catalog says what the .po says (file times lie after a copy)."""
    with po.open("rb") as fh:
        catalog = read_po(fh)
    for message in catalog:
        if not message.id or not isinstance(message.id, str) or message.fuzzy:
            continue
        wanted = message.string if isinstance(message.string, str) else ""
        if wanted and compiled.gettext(message.id) != wanted:
            return False
    return True
