"""The interface languages: one Babel message catalog (.po) per language, found on disk.

A language is a folder ``generator/data/locale/<code>/LC_MESSAGES/annals.po``; nothing in
the code lists them. The .po source is compiled in memory when first used (Babel's pofile
and mofile), so no compiled .mo file can go stale and a clean checkout needs no build step.

The catalog's ``Language`` header names the CLDR locale its dates are written in, which
may be more precise than the folder: English is ``en_GB`` ("19 July 2025", not "July 19,
2025"). Writing direction comes from that locale's CLDR data (Arabic is right-to-left).
"""

from __future__ import annotations

import functools
import gettext
import io
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent.parent / "data" / "locale"
DOMAIN = "annals"
SOURCE_LANGUAGE = "en"  # the msgids are English; a language without a catalog falls back to it


class CatalogError(ValueError):
    """A catalog that cannot be read, with the file it came from."""


@dataclass(frozen=True, eq=False)
class Language:
    """One interface language: its translations and the CLDR locale of its dates."""

    code: str  # the catalog folder: "fr", "ar"
    locale: Locale  # Babel's locale for dates and numbers: the catalog's Language header
    translations: gettext.NullTranslations = field(repr=False)

    @property
    def direction(self) -> str:
        """"rtl" or "ltr", from CLDR's character order for the locale."""
        return "rtl" if self.locale.character_order == "right-to-left" else "ltr"

    def gettext(self, message: str, **values: object) -> str:
        text = self.translations.gettext(message)
        return text % values if values else text

    def pgettext(self, context: str, message: str, **values: object) -> str:
        text = self.translations.pgettext(context, message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, n: int, **values: object) -> str:
        """The plural form for ``n`` (the catalog's Plural-Forms rule); ``num`` is n."""
        text = self.translations.ngettext(singular, plural, n)
        return text % ({"num": n} | values)


def catalog_path(code: str, root: Path = LOCALE_DIR) -> Path:
    return root / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def available_languages(root: Path = LOCALE_DIR) -> tuple[str, ...]:
    """The codes of every catalog present, sorted."""
    if not root.is_dir():
        return ()
    return tuple(sorted(p.name for p in root.iterdir() if catalog_path(p.name, root).is_file()))


def compile_catalog(path: Path) -> tuple[Locale, gettext.GNUTranslations]:
    """A .po file as translations (compiled to .mo in memory) and its date locale."""
    try:
        with path.open("rb") as handle:
            catalog = read_po(handle, abort_invalid=True)
    except Exception as exc:  # Babel raises several kinds for a damaged file
        raise CatalogError(f"{path}: not a readable message catalog: {exc}") from None
    header = dict(catalog.mime_headers).get("Language", "")
    try:
        locale = Locale.parse(header or path.parent.parent.name, sep="_")
    except (ValueError, UnknownLocaleError) as exc:
        raise CatalogError(f"{path}: Language header {header!r} is no CLDR locale: {exc}") from None
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return locale, gettext.GNUTranslations(buffer)


@functools.lru_cache(maxsize=16)
def language(code: str, root: Path = LOCALE_DIR) -> Language:
    """The interface language for a site's ``language:`` (or an article's ``lang:``): its
    catalog under ``root`` when there is one (``fr-CA`` and ``fr_CA`` find ``fr``), else
    English. A string a catalog lacks is shown in English."""
    for candidate in _candidates(code):
        path = catalog_path(candidate, root)
        if path.is_file():
            locale, translations = compile_catalog(path)
            if candidate != SOURCE_LANGUAGE:
                translations.add_fallback(language(SOURCE_LANGUAGE).translations)
            return Language(candidate, locale, translations)
    if code == SOURCE_LANGUAGE:
        raise CatalogError(f"{catalog_path(SOURCE_LANGUAGE, root)}: the English catalog is missing")
    return language(SOURCE_LANGUAGE)


def _candidates(code: str) -> list[str]:
    code = code.strip().replace("-", "_")
    out = [code]
    if "_" in code:
        out.append(code.split("_", 1)[0])
    return [c for c in out if c and "/" not in c and not c.startswith(".")]


def text_direction(code: str) -> str:
    """"rtl" or "ltr" for any language code CLDR knows (an article's ``lang:`` may have no
    catalog of its own); "ltr" for one it does not."""
    try:
        locale = Locale.parse(code.replace("-", "_"), sep="_")
    except (ValueError, UnknownLocaleError, TypeError):
        return "ltr"
    return "rtl" if locale.character_order == "right-to-left" else "ltr"


def N_(message: str) -> str:
    """Marks a string for the catalogs (pybabel extract) where it is defined; it is
    translated where it is shown, with Language.gettext."""
    return message
