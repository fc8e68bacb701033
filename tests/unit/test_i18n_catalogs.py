"""The message catalogs: every interface string of the theme and the renderer is translated
in every catalog (adding a string without translating it fails here), placeholders and
plural forms are right, and a language is found from its catalog alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages import frontend
from babel.messages.extract import extract_from_dir
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from generator.i18n import CatalogError, available_languages, catalog_path, language, text_direction
from generator.i18n.catalogs import LOCALE_DIR, compile_catalog

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("ar", "de", "en", "fr", "tr")


def extracted() -> set[tuple[str | None, str]]:
    """(context, msgid) of every string pybabel extracts with the repository's babel.cfg."""
    parse = getattr(frontend, "parse_mapping_cfg", None) or frontend.parse_mapping
    with (ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse(handle)
    out = set()
    for _file, _line, message, _comments, context in extract_from_dir(
            str(ROOT), method_map, options_map):
        out.add((context, message[0] if isinstance(message, tuple) else message))
    return out


@pytest.fixture(scope="module")
def strings() -> set[tuple[str | None, str]]:
    found = extracted()
    assert len(found) > 150  # the mapping reads both the templates and the Python code
    return found


def load(code: str):
    with catalog_path(code).open("rb") as handle:
        return read_po(handle)


def key(message) -> tuple[str | None, str]:
    return message.context, message.id[0] if isinstance(message.id, tuple) else message.id


def test_the_five_languages_are_found_from_their_catalogs():
    assert set(LANGUAGES) <= set(available_languages())


def test_theme_strings_are_extracted_from_templates_and_python(strings):
    assert (None, "How each source puts it") in strings  # _macros.html
    assert (None, "%(num)s source") in strings  # ngettext in a template
    assert ("gutter", "Week of") in strings  # pgettext in i18n/dates.py
    assert (None, "Decades and centuries") in strings  # N_ in render/paging.py


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_interface_string_is_translated(code: str, strings):
    catalog = load(code)
    translated = {key(m) for m in catalog if m.id and (
        all(m.string) if isinstance(m.string, tuple) else m.string)}
    missing = sorted(strings - translated, key=str)
    assert not missing, f"{catalog_path(code)} lacks translations for {missing}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_catalog_keeps_strings_the_code_no_longer_has(code: str, strings):
    stale = sorted({key(m) for m in load(code) if m.id} - strings, key=str)
    assert not stale, f"{catalog_path(code)}: remove {stale}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_placeholders_and_plural_forms_match_the_language(code: str):
    catalog = load(code)
    problems = [(m.id, [str(e) for e in errors]) for m, errors in catalog.check()]
    assert not problems
    assert not [m.id for m in catalog if m.id and m.fuzzy]
    # Babel's CLDR rule for the language: Arabic has six plural forms, French three.
    assert catalog.num_plurals == get_plural(catalog.locale).num_plurals
    for message in catalog:
        if message.id and message.pluralizable:
            assert len(message.string) == catalog.num_plurals, message.id


def test_arabic_plural_forms_follow_the_cldr_rule():
    ar = language("ar")
    assert [ar.ngettext("%(num)s source", "%(num)s sources", n) for n in (0, 1, 2, 3, 11, 100, 102)] == [
        "لا مصادر", "مصدر واحد", "مصدران", "3 مصادر", "11 مصدرًا", "100 مصدر", "102 مصدر"]
    assert language("fr").ngettext("%(num)s source", "%(num)s sources", 0) == "0 source"
    assert language("tr").ngettext("%(num)s source", "%(num)s sources", 5) == "5 kaynak"


def test_the_catalog_says_the_date_locale_and_cldr_the_direction():
    assert str(language("en").locale) == "en_GB"  # "19 July 2025", not "July 19, 2025"
    assert language("ar").direction == "rtl" and language("fr").direction == "ltr"
    assert text_direction("he") == "rtl" and text_direction("xx-nonsense") == "ltr"


def test_a_new_language_is_a_catalog_and_nothing_else(tmp_path: Path):
    folder = tmp_path / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "annals.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: es\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Key dates"\nmsgstr "Fechas clave"\n\n'
        'msgid "%(num)s source"\nmsgid_plural "%(num)s sources"\nmsgstr[0] "%(num)s fuente"\n'
        'msgstr[1] "%(num)s fuentes"\n', encoding="utf-8")
    assert available_languages(tmp_path) == ("es",)
    es = language("es", tmp_path)
    assert es.gettext("Key dates") == "Fechas clave"
    assert es.ngettext("%(num)s source", "%(num)s sources", 3) == "3 fuentes"
    assert es.gettext("Timeline") == "Timeline"  # not translated yet: English
    assert str(es.locale) == "es"


def test_a_damaged_catalog_is_an_error_naming_its_file(tmp_path: Path):
    bad = tmp_path / "annals.po"
    bad.write_text('msgid "Key dates"\nmsgstr "unterminated\n', encoding="utf-8")
    with pytest.raises(CatalogError, match=str(bad)):
        compile_catalog(bad)
    wrong = tmp_path / "wrong.po"
    wrong.write_text('msgid ""\nmsgstr ""\n"Language: zz_QQ\\n"\n', encoding="utf-8")
    with pytest.raises(CatalogError, match="no CLDR locale"):
        compile_catalog(wrong)


def test_catalogs_ship_with_the_package():
    # pyproject's package-data holds the .po files; nothing compiled is kept in the repo.
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"data/locale/*/LC_MESSAGES/*.po"' in text
    assert LOCALE_DIR == ROOT / "generator" / "data" / "locale"
    assert not list(LOCALE_DIR.rglob("*.mo"))
