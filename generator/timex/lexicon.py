"""Month and weekday names for every language the tagger reads, in one place.

English names come from the grammar's own tables; other languages from dateparser's locale
data (through ``lang.grammar_for``). The dateline reader and the tagger read dates with the
same names, so a language the tagger learns is a language datelines are read in.
"""

from __future__ import annotations

import functools

from generator.timex import grammar

ENGLISH_WEEKDAY_ABBREVIATIONS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3,
                                 "thurs": 3, "fri": 4, "sat": 5, "sun": 6}


@functools.lru_cache(maxsize=16)
def month_names(languages: tuple[str, ...]) -> dict[str, int]:
    """Lower-case month name or abbreviation -> month number (1-12), earlier languages first."""
    names: dict[str, int] = {}
    for lang in languages:
        for name, number in _month_table(lang).items():
            names.setdefault(name, number)
    return names


@functools.lru_cache(maxsize=16)
def weekday_names(languages: tuple[str, ...]) -> dict[str, int]:
    """Lower-case weekday name or abbreviation -> 0 (Monday) to 6."""
    names: dict[str, int] = {}
    for lang in languages:
        for name, number in _weekday_table(lang).items():
            names.setdefault(name, number)
    return names


def _month_table(lang: str) -> dict[str, int]:
    if _is_english(lang):
        return dict(grammar.MONTH_NUMBER)
    other = _other_grammar(lang)
    return {name: index + 1 for name, index in other.months.items()} if other else {}


def _weekday_table(lang: str) -> dict[str, int]:
    if _is_english(lang):
        return {**grammar.WEEKDAY_NUMBER, **ENGLISH_WEEKDAY_ABBREVIATIONS}
    other = _other_grammar(lang)
    return dict(other.weekdays) if other else {}


def _is_english(lang: str) -> bool:
    return not lang or lang.lower().startswith("en")


def _other_grammar(lang: str):
    from generator.timex import lang as other_languages  # lazy: imports dateparser's data

    return other_languages.grammar_for(lang)
