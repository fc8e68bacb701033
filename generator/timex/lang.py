"""Other languages: a small date grammar built from the language's words.

A language with its own folder of lexicon files (``generator/data/timex/<lang>/``:
``months.yaml``, ``weekdays.yaml``, optionally ``relative.yaml`` and the files
``lang_readers`` reads: French, German and Spanish have them all) is read with those. For
another language dateparser knows ("tr", "it", "pt"...), month and weekday names and the
relative phrases ("dün", "3 gün önce") come from
``dateparser.data.date_translation_data.<lang>``. The grammar recognises absolute dates
("23 Temmuz 2025", "23 juillet 2025", "23. Juli 2025", "juillet 2025", "23.07.2025") and
resolves relative ones against the dateline. dateparser is imported only here, lazily, and
only its data tables are used: no per-sentence parsing, so this stays fast too.
"""

from __future__ import annotations

import datetime
import functools
import importlib
import re
from dataclasses import dataclass
from pathlib import Path

from generator.model import TimeExpr, TimeValue
from generator.timex import values as V
from generator.timex import date_ranges, lang_clock, lang_readers, lang_tense
from generator.timex.calendar import pick_day, weekday_by_tense
from generator.timex.lexicon import Lexicon, english, load
from generator.timex.lexicon_small import ClauseCues

# dateparser's locale tables are keyed by the English names
_MONTH_KEYS = tuple(name.lower() for name in english().months)
_WEEKDAY_KEYS = tuple(name.lower() for name in english().weekdays)
_REL_KEY_RE = re.compile(r"^(?:(?P<ago_n>\d+|\\1) (?P<ago_unit>\w+) ago|in (?P<in_n>\d+|\\1) "
                         r"(?P<in_unit>\w+))$")


@dataclass(frozen=True)
class Grammar:
    """Compiled patterns and lookup tables for one language."""

    lang: str
    absolute: tuple[tuple[str, re.Pattern[str]], ...]
    months: dict[str, int]
    weekdays: dict[str, int]
    weekday_re: re.Pattern[str] | None
    relative: tuple[tuple[re.Pattern[str], int | None, str, int], ...]  # (re, n, unit, sign)
    readers: tuple[lang_readers.Reader, ...] = ()  # an own lexicon's further readings
    words: lang_readers.Words | None = None
    full_months: frozenset[str] = frozenset()  # an own lexicon's full names, lower case
    tense: ClauseCues | None = None  # an own lexicon's tense.yaml
    # what may stand between a weekday and the date it opens ("lundi 21 juillet", "Montag,
    # den 21. Juli", "el lunes 21 de julio"): spaces, a comma, weekdays.yaml's before_date
    weekday_date_gap: re.Pattern[str] = re.compile(r"\s*,?\s+")
    # months.yaml's range_links: what joins a range's first end to a last that names the year
    range_links: tuple[str, ...] = ()


def _locale_info(lang: str) -> dict | None:
    base = lang.replace("_", "-")
    for name in (base, base.split("-")[0]):
        try:
            module = importlib.import_module(
                f"dateparser.data.date_translation_data.{name.replace('-', '_')}")
        except (ImportError, ValueError):
            continue
        return getattr(module, "info", None)
    return None


def _alternation(words: list[str]) -> str:
    ordered = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) + (r"\.?" if len(w) <= 4 else "") for w in ordered)


def _names(info: dict, keys: tuple[str, ...]) -> dict[str, int]:
    """name (lower case, without a final dot) -> index; names shorter than 3 letters dropped."""
    out: dict[str, int] = {}
    for i, key in enumerate(keys):
        for name in info.get(key, []):
            clean = name.lower().rstrip(".")
            if len(clean) >= 3:
                out.setdefault(clean, i)
    return out


@functools.lru_cache(maxsize=32)
def grammar_for(lang: str, root: Path | None = None) -> Grammar | None:
    """The grammar for ``lang``: from its own lexicon folder (under ``root``, by default
    generator/data/timex/) when it has one, else from dateparser's locale data (None if
    neither knows it)."""
    own = load(lang.lower().replace("_", "-").split("-")[0], root)
    if own is not None:
        months, weekdays, relative = _own_names(own)
        g = _grammar(lang, months, weekdays, relative)
        readers, words = lang_readers.compile_readers(own, months, weekdays)
        words_between = "|".join(re.escape(w) for w in own.before_date)
        gap = re.compile(rf"\s*,?\s+(?:(?:{words_between})\s+)?" if words_between else r"\s*,?\s+",
                         re.I)
        return Grammar(g.lang, g.absolute, g.months, g.weekdays, g.weekday_re, g.relative,
                       readers, words, frozenset(name.lower() for name in own.months),
                       own.clause_tense, gap, own.range_links)
    info = _locale_info(lang)
    if not info:
        return None
    relative = []
    for key, phrases in sorted((info.get("relative-type") or {}).items()):
        parsed = _relative_key(key)
        if parsed:
            for phrase in phrases:
                relative.append((re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", _FLAGS), *parsed))
    for key, patterns in sorted((info.get("relative-type-regex") or {}).items()):
        parsed = _relative_key(key)
        if parsed:
            for pattern in patterns:
                try:
                    relative.append((re.compile(rf"(?<!\w){pattern}(?!\w)", _FLAGS), *parsed))
                except re.error:
                    continue
    return _grammar(lang, _names(info, _MONTH_KEYS), _names(info, _WEEKDAY_KEYS), relative)


_FLAGS = re.I | re.U


def _own_names(own: Lexicon) -> tuple[dict[str, int], dict[str, int], list]:
    """Month and weekday indexes and relative phrases of a language's own lexicon files."""
    months = {name.lower().rstrip("."): i for i, name in enumerate(own.months)}
    for name, number in own.month_abbreviations.items():
        months.setdefault(name.lower().rstrip("."), number - 1)
    weekdays = {name.lower(): i for i, name in enumerate(own.weekdays)}
    for name, number in own.weekday_abbreviations.items():
        weekdays.setdefault(name, number)
    relative = [(re.compile(rf"(?<!\w){lang_readers.phrase(phrase)}(?!\w)", _FLAGS), abs(amount),
                 unit, -1 if amount < 0 else 1)
                for phrase, (amount, unit) in (own.relative or {}).items()]
    return months, weekdays, relative


def _grammar(lang: str, months: dict[str, int], weekdays: dict[str, int],
             relative: list) -> Grammar:
    mon = rf"(?P<mon>{_alternation(list(months))})"
    day = r"(?P<d>3[01]|[12]\d|0?[1-9])"
    year = r"(?P<y>1\d{3}|20\d{2})"
    filler = r"(?:\s+(?:de|del|di|of|van|de la))?"
    flags = _FLAGS
    absolute = (
        ("iso_date", re.compile(r"(?<![\w/.-])(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d"
                                r"|3[01])(?![\w-])")),
        ("numeric_date", re.compile(r"(?<![\w/.,-])(?P<d>3[01]|[12]\d|0?[1-9])[./](?P<m>1[0-2]"
                                    r"|0?[1-9])[./](?P<y>\d{4})(?![\w/]|\.\d)")),
        ("date_dmy", re.compile(rf"(?<!\w){day}(?:\.|º|er)?{filler}\s+{mon}{filler}\s+{year}(?!\d)",
                                flags)),
        ("date_mdy", re.compile(rf"(?<!\w){mon}\s+{day},?\s+{year}(?!\d)", flags)),
        ("month_year", re.compile(rf"(?<!\w){mon}{filler}\s+{year}(?!\d)", flags)),
        ("date_dm", re.compile(rf"(?<!\w){day}(?:\.|º|er)?{filler}\s+{mon}(?!\w)", flags)),
    )
    weekday_re = (re.compile(rf"(?<!\w)(?P<wd>{_alternation(list(weekdays))})(?!\w)", flags)
                  if weekdays else None)
    return Grammar(lang, absolute, months, weekdays, weekday_re, tuple(relative))


def _relative_key(key: str) -> tuple[int | None, str, int] | None:
    """("1 day ago" -> (1, "day", -1)); "\\1" stands for the number the pattern captures."""
    m = _REL_KEY_RE.match(key)
    if not m:
        return None
    n_text = m.group("ago_n") or m.group("in_n")
    unit = m.group("ago_unit") or m.group("in_unit")
    if unit not in ("second", "minute", "hour", "day", "week", "month", "year"):
        return None
    n = None if n_text == "\\1" else int(n_text)
    return n, unit, -1 if m.group("ago_n") else 1


def tag_other(text: str, dct: datetime.date | None, *, lang: str,
              day_first: bool = True, root: Path | None = None) -> list[TimeExpr]:
    """Date expressions of a non-English ``text``: absolute dates, weekdays, relative phrases."""
    g = grammar_for(lang, root)
    if g is None:
        return []
    found: list[tuple[int, int, TimeValue | None]] = []
    tense = lang_tense.reader(g.tense, text)
    dates: dict[int, int] = {}  # an absolute date's start -> its index in found
    for rule, pattern in g.absolute:
        for m in pattern.finditer(text):
            value = V.unless_off_calendar(lambda: _absolute_value(rule, m, g, dct, tense))
            end = m.end()
            mon = m.group("mon") if rule == "date_dm" else ""
            if mon.endswith(".") and (len(mon) > 4 or mon[:-1].lower() in g.full_months):
                end -= 1  # "am 13. Juli.", "le 3 mai." : the dot ends the sentence
            if value is not None:
                dates.setdefault(m.start(), len(found))
                found.append((m.start(), end, value))
    for pattern, n, unit, sign in g.relative:
        for m in pattern.finditer(text):
            amount = n if n is not None else _captured_number(m)
            value = None if amount is None else V.unless_off_calendar(
                lambda: lang_readers.relative_value(dct, amount * sign, unit))  # type: ignore[operator]
            if value is not None:
                found.append((m.start(), m.end(), value))
    if g.weekday_re is not None:
        for m in g.weekday_re.finditer(text):
            wd = g.weekdays.get(m.group("wd").lower().rstrip("."))
            value = None if wd is None else V.unless_off_calendar(
                lambda: _weekday_value(dct, wd, tense(m.start(), m.end(), timetable=True)))
            gap = g.weekday_date_gap.match(text, m.end())
            opened = dates.get(gap.end()) if gap is not None else None
            if opened is not None:
                # "le mardi 3 juin 2025": the weekday opens the date, one expression of its
                # day; alone it would be read as another (the latest Tuesday)
                _, end, date_value = found[opened]
                found[opened] = (m.start(), end, date_value)
            elif value is not None and len(m.group("wd")) >= 4:
                found.append((m.start(), m.end(), value))
    if g.words is not None:
        found.extend(lang_readers.read(g.readers, g.words, text, dct, tense))
    exprs = date_ranges.years_from_range_ends(text, _leftmost_longest(text, found),
                                              g.range_links)
    exprs = date_ranges.first_days_of_ranges(text, exprs, g.range_links)
    if g.words is not None and g.words.day_time_joins is not None:
        exprs = lang_clock.join_days_and_times(text, exprs, g.words.day_time_joins,
                                               g.words.numbers.value)
    return lang_clock.on_days_named(text, exprs)


def _captured_number(m: re.Match[str]) -> int | None:
    for group in m.groups():
        if group:
            try:
                return int(float(group.replace(",", ".")))
            except ValueError:
                continue
    return None


def _absolute_value(rule: str, m: re.Match[str], g: Grammar, dct: datetime.date | None,
                    tense: lang_tense.Tense) -> TimeValue | None:
    groups = m.groupdict()
    month_no = (int(groups["m"]) if groups.get("m") else
                g.months.get((groups.get("mon") or "").lower().rstrip("."), -1) + 1)
    if month_no <= 0:
        return None
    try:
        if rule == "month_year":
            return V.month(int(groups["y"]), month_no, rule)
        if rule == "date_dm":
            day_no = int(groups["d"])
            if dct is None:
                return V.unresolved(f"XXXX-{month_no:02d}-{day_no:02d}", "day", rule)
            # the clause's tense breaks a near tie, as English's month-day
            d = pick_day(dct, month_no, day_no, tense(m.start(), m.end()))
            return None if d is None else V.day(d, rule)
        return V.day(datetime.date(int(groups["y"]), month_no, int(groups["d"])), rule)
    except ValueError:
        return None


def _weekday_value(dct: datetime.date | None, wd: int, tense: str | None) -> TimeValue:
    if dct is None:
        return V.unresolved("XXXX-XX-XX", "day", "weekday")
    return V.day(weekday_by_tense(dct, wd, tense), "weekday_tense")


def _leftmost_longest(text: str, found: list[tuple[int, int, TimeValue | None]]) -> list[TimeExpr]:
    out: list[TimeExpr] = []
    taken = 0
    for start, end, value in sorted(found, key=lambda f: (f[0], -f[1])):
        if start >= taken and end > start:
            if value is not None:  # None: words that are no date ("am Morgen")
                out.append(TimeExpr(start, end, text[start:end], value))
            taken = end
    return out


__all__ = ["tag_other", "grammar_for"]
