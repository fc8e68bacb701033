"""Years, decades, centuries and seasons (rules/years.yaml).

A four-digit number is a year unless the words around it make it a count or a label
("Resolution 2254", "about 2000", "Flight 1549"); the cues are in cues.yaml.
"""

from __future__ import annotations

import re
from datetime import timedelta

from generator.model import TimeValue
from generator.timex import values as V
from generator.timex.calendar import season_from, two_digit_year
from generator.timex.context import Context
from generator.timex.handlers.common import LEX, Pieces, norm, one, prev_word, span, told_base
from generator.timex.numbers import year_from_words
from generator.timex.scan import Candidate

_NUMBER_WORDS_BEFORE_YEAR = LEX.words("number_words_before_year")
_YEAR_OK_BEFORE = LEX.words("year_ok_before")
_ORDINALS = LEX.ordinals or {}
_DECADES = LEX.decades or {}
_SEASONS = LEX.seasons or {}
_PLURAL_NOUN_AFTER = re.compile(r"\s+[a-z]+s\b")
_END_OF = re.compile(r"(?i)the\s+(?:very\s+)?(?:end|close)\s+of")
_LEAD_IN = re.compile(r"in\s+", re.I)
_CAPITAL_BEFORE = re.compile(r"\b([A-Z][a-z]+)[ \t]+$")
# Capitalised words a year may follow without being part of a name ("Since 1990", "June 1990")
_DATE_WORDS = (_YEAR_OK_BEFORE | frozenset(LEX.month_numbers) | frozenset(LEX.weekday_numbers)
               | frozenset(_SEASONS) | frozenset(re.match(r"[A-Za-z]+", n).group().lower()  # type: ignore[union-attr]
                                                 for h in LEX.holidays for n in h.names))


def _named(ctx: Context, pos: int) -> bool:
    """A capitalised word that is no date word ends right before ``pos``, mid-sentence."""
    name = _CAPITAL_BEFORE.search(ctx.text, max(0, pos - 30), pos)
    return bool(name) and name.group(1).lower() not in _DATE_WORDS \
        and not ctx.starts_sentence(name.start(1))


_YEAR_AT_END = re.compile(r"(?<![\d,.])(?:1\d{3}|20\d{2})\s*(?:[,;&]|[-–—])\s*$")
_YEAR_AFTER = re.compile(r"\s*[-–—]\s*(?:1\d{3}|20\d{2})(?![\d,.]\d)\s*(?P<next>[A-Za-z]*)")
_IN_BRACKETS = re.compile(r"\s*\)")
_COUNTED = frozenset(LEX.counted)


_RANGE_OPENED = re.compile(r"([A-Za-z.]+)\s+\d{4}\s*[-–—]\s*$")


def _counted_range_end(ctx: Context, start: int) -> bool:
    """The second number of a range a number word opens ("pages 1200-1250", "flights
    1934-1956"): a count, as the first is."""
    opened = _RANGE_OPENED.search(ctx.text, max(0, start - 40), start)
    if opened is None:
        return False
    word = opened.group(1).lower()
    return word in _NUMBER_WORDS_BEFORE_YEAR and word not in _YEAR_OK_BEFORE


def _beside_year(ctx: Context, start: int, end: int) -> bool:
    """A year of a list or range of years ("in 1845, 1846 and 1847", "reigned 1509–1547")
    or alone in brackets ("the siege (1683)"), which needs no preposition before it."""
    if _YEAR_AT_END.search(ctx.text, max(0, start - 12), start):
        return True
    after = _YEAR_AFTER.match(ctx.text, end)
    if after and after["next"].lower() not in _COUNTED:
        return True  # "1200-1500 troops" is a count
    return ctx.text[max(0, start - 1):start] == "(" and bool(_IN_BRACKETS.match(ctx.text, end))


def word_year(c: Candidate, ctx: Context) -> Pieces:
    y = year_from_words(c.groups["yw"] or "")
    return None if y is None or y < 1000 else one(c, V.year(y, "word_year"))


def year(c: Candidate, ctx: Context) -> Pieces:
    g = c.groups
    y = int(g["y"])  # type: ignore[arg-type]
    if not g["fiscal"] and not g["mod"]:
        prev = prev_word(ctx, span(c, "y")[0])
        if y < 1900 and prev not in _YEAR_OK_BEFORE \
                and not _beside_year(ctx, span(c, "y")[0], c.end):
            return None  # old years need a preposition: "in 1848", not "1848 soldiers"
        if prev in _NUMBER_WORDS_BEFORE_YEAR and prev not in _YEAR_OK_BEFORE \
                or _counted_range_end(ctx, span(c, "y")[0]):
            return None
        if prev in ("of", "the") and _PLURAL_NOUN_AFTER.match(ctx.text, c.end, c.end + 12) \
                and y >= 2030:
            return None  # "the 2045 units": a count
        if y > 2059 and prev not in _YEAR_OK_BEFORE:
            return None
        if _named(ctx, span(c, "y")[0]):
            return None  # "Orion 1980", "Expo 2020": a name with a year in it
    if _END_OF.match(g["mod"] or ""):
        return one(c, V.year_end(y, "year_end"))  # "by the end of 2026"
    return one(c, V.year(y, "fiscal_year" if g["fiscal"] else "year"))


def short_year(c: Candidate, ctx: Context) -> Pieces:
    """ "in '98": the year of this century up to a few years ahead, else of the last."""
    return one(c, V.year(two_digit_year(int(c.groups["yy"] or 0), ctx.dct), "short_year"))


def year_range(c: Candidate, ctx: Context) -> Pieces:
    """ "1990-95": two years."""
    g = c.groups
    y = int(g["y"])  # type: ignore[arg-type]
    y2 = (y // 100) * 100 + int(g["y2"])  # type: ignore[arg-type]
    if y2 <= y or y2 - y > 20:
        return None
    s2, e2 = span(c, "y2")
    return [(span(c, "y")[0], span(c, "y")[1], V.year(y, "year_range")),
            (s2, e2, V.year(y2, "year_range"))]


def split_year(c: Candidate, ctx: Context) -> Pieces:
    """ "winter 2024-25": one winter; "the 2025/26 season", "2024/25": one period across both
    years, the noun of time after them ("season", "financial year") part of it."""
    g = c.groups
    y = int(g["y"])  # type: ignore[arg-type]
    y2_text = g["y2"] or ""
    y2 = int(y2_text) if len(y2_text) == 4 else (y // 100) * 100 + int(y2_text)
    if y2 != y + 1:
        return None  # "2019/21" or "2024-29": not one season; other rules read the years
    season = _SEASONS.get((g["season"] or g["period"] or "").lower())
    if season == "WI":
        return one(c, V.season(y, season, "split_year"))
    # a season of play or an accounting year has no TIMEX3 value of its own: one span over
    # both years; a noun of an event after them ("the 2024-25 campaign") is left out
    end = span(c, "period")[1] if g["period"] else span(c, "y2")[1]
    return [(c.start, end, V.year_span(y, y2, "split_year"))]


def _unit_end(c: Candidate, ctx: Context, unit: str) -> Pieces:
    """ "by month's end", "at week's end": that month (week) of the dateline, the one before
    after "since"; a month told in a past clause is that one."""
    if ctx.dct is None:
        return one(c, V.unresolved("XXXX-XX" if unit == "month" else "XXXX-WXX", unit,
                                   "unit_end"))
    back = prev_word(ctx, c.start) == "since"
    if unit == "week":
        return one(c, V.week_of(ctx.dct - timedelta(weeks=1 if back else 0), "unit_end"))
    base = told_base(ctx, c.start, c.end, "month") or ctx.dct
    first = V.add_months(base.replace(day=1), -1 if back else 0)
    return one(c, V.month(first.year, first.month, "unit_end"))


def year_end(c: Candidate, ctx: Context) -> Pieces:
    if c.groups.get("unit"):
        return _unit_end(c, ctx, norm(c.groups["unit"]))
    if ctx.dct is None:
        return one(c, V.unresolved("XXXX", "year", "year_end"))
    if prev_word(ctx, c.start) == "since":
        # "up 4% since year-end": the last year-end that has passed, the one before the dateline's
        return one(c, V.year_end(ctx.dct.year - 1, "year_end_since"))
    told = told_base(ctx, c.start, c.end, "year")
    if told is not None:
        return one(c, V.year_end(told.year, "year_end_told"))
    return one(c, V.year_end(ctx.dct.year, "year_end"))


def _short_decade(tens: int, ctx: Context) -> int:
    """The first year of "the '80s", "the 80s": in the century that makes it past (the '10s:
    this one)."""
    century = 1900
    if ctx.dct and tens * 10 <= ctx.dct.year % 100 and tens <= 2:
        century = 2000
    elif tens <= 1:
        century = 2000
    return century + tens * 10


def decade_short(c: Candidate, ctx: Context) -> Pieces:
    return one(c, V.decade(_short_decade(int((c.groups["dec"] or "0")[0]), ctx), "decade"))


def decade(c: Candidate, ctx: Context) -> Pieces:
    """ "the 1990s"; "the '80s" in the century that makes it past (the '10s: this one);
    "the 1800s" is the nineteenth century."""
    dec = c.groups["dec"] or ""
    if dec[0] in "'’":
        first = _short_decade(int(dec[1]), ctx)
    else:
        first = int(dec)
        if first % 100 == 0 and first < 2000:
            # "the 1800s", "the early 1900s": a century in English ("the 2000s" is a decade)
            return one(c, V.century(first // 100 + 1, "hundreds"))
    return one(c, V.decade(first, "decade"))


def decade_word(c: Candidate, ctx: Context) -> Pieces:
    n = _DECADES[(c.groups["word"] or "").lower()]
    return one(c, V.decade(n if n >= 100 else 1900 + n, "decade"))


def _before_common_era(era: str | None) -> bool:
    """ "BC", "B.C.", "BCE": before the common era ("AD", "CE" are within it)."""
    return bool(era) and era.upper().startswith("B")  # type: ignore[union-attr]


def era_year(c: Candidate, ctx: Context) -> Pieces:
    """ "AD 79", "753 BC": a year of the common era is that year, however short; one
    before it has a TIMEX3 value and no day range."""
    g = c.groups
    n = int((g["y1"] or g["y2"] or "0").replace(",", ""))
    if _before_common_era(g["era"]):
        return one(c, V.before_common_era(f"{n:04d}", "year", "era_year"))
    return one(c, V.year(n, "era_year")) if n <= 9999 else None


def _century_number(ordinal: str) -> int | None:
    o = ordinal.lower()
    n = int(re.sub(r"\D", "", o)) if o[0].isdigit() else _ORDINALS.get(re.sub(r"\s+", "-", o))
    return n if n and n <= 21 else None


def _century_value(n: int, era: str | None) -> TimeValue:
    if _before_common_era(era):
        return V.before_common_era(f"{n - 1:02d}", "century", "century")
    return V.century(n, "century")


def century(c: Candidate, ctx: Context) -> Pieces:
    g = c.groups
    head = ctx.text[c.start:c.end].split()[0].lower()
    if g["plural"] or g["ord0"]:
        # "the 14th and 15th centuries": two centuries; "for centuries" names none
        first, last = _century_number(g["ord0"] or ""), _century_number(g["ord"] or "")
        if not (g["plural"] and g["ord0"] and first and last):
            return None
        return [(c.start, span(c, "ord0")[1], _century_value(first, g["era"])),
                (span(c, "ord")[0], c.end, _century_value(last, g["era"]))]
    if g["ord"]:
        n = _century_number(g["ord"])
        if n is None:
            return None
        return one(c, _century_value(n, g["era"]))
    if head not in ("this", "last", "next"):
        return None  # "the century": which one, the text does not say
    if ctx.dct is None:
        return one(c, V.unresolved("XX", "century", "century"))
    current = ctx.dct.year // 100 + 1
    n = {"this": current, "last": current - 1, "next": current + 1}.get(head)
    return one(c, V.century(n, "century")) if n else None


def _season_of_story(c: Candidate, ctx: Context, code: str, rel: str) -> TimeValue | None:
    """ "that spring", "the following winter": the season of (after, before) the date last
    mentioned, not of the dateline ("The reactor exploded in April 1986. That spring...")."""
    if rel not in ("that", "the following", "the next", "the previous", "the preceding"):
        return None
    ref = ctx.ref(c.start)
    if ref is None or ref.start is None:
        return None
    ref_year, ref_code = V.season_of(ref.start)
    here = V.season(ref_year if code != "WI" or ref.start.month > 2 else ref_year - 1, code,
                    "season_chain")
    if rel == "that":
        return here
    options = [V.season(y, code, "season_chain") for y in (ref_year - 1, ref_year, ref_year + 1)]
    ref_season = V.season(ref_year, ref_code, "")
    if rel in ("the following", "the next"):
        return min((o for o in options if o.start > ref_season.start), key=lambda o: o.start)  # type: ignore[operator]
    return max((o for o in options if o.start < ref_season.start), key=lambda o: o.start)  # type: ignore[operator]


_YEAR_STEP = {"last": -1, "this": 0, "next": 1}


def _season_of_placed_year(c: Candidate, ctx: Context, code: str, first: int) -> Pieces:
    """ "the autumn of last year", "summer next year": that season of the year the word
    places from the dateline."""
    if ctx.dct is None:
        return [(first, c.end, V.unresolved(f"XXXX-{code}", "season", "season_year"))]
    y = ctx.dct.year + _YEAR_STEP[norm(c.groups["ry"])]
    return [(first, c.end, V.season(y, code, "season_year"))]


def season(c: Candidate, ctx: Context) -> Pieces:
    g = c.groups
    code = _SEASONS[(g["season"] or "").lower()]
    rel = norm(g["rel"])
    season_start = span(c, "season")[0]
    if ctx.text[season_start].isupper() and not g["y"] \
            and ctx.sentence_bounds(season_start)[0] != season_start:
        return None  # "Arab Spring", "Operation Winter Shield": names (unless heading a sentence)
    lead = _LEAD_IN.match(ctx.text, c.start, c.end) if rel == "in the" else None
    first = lead.end() if lead else c.start  # spans leave out "in"
    if g["y"]:
        return [(first, c.end, V.season(int(g["y"]), code, "season_year"))]
    if g.get("yw"):
        y = year_from_words(g["yw"] or "")
        return None if y is None else [(first, c.end, V.season(y, code, "season_year"))]
    if g.get("ry"):
        return _season_of_placed_year(c, ctx, code, first)
    bare = not (rel or g["mod"] or g["mod2"])
    if bare and prev_word(ctx, c.start) in ("in", "during") and ctx.tense(c.start, c.end) is None:
        return None  # "in summer the town fills with tourists": any summer
    if ctx.dct is None:
        return [(first, c.end, V.unresolved(f"XXXX-{code}", "season", "season"))]
    told = _season_of_story(c, ctx, code, rel)
    if told is not None:
        return [(first, c.end, told)]
    year_told = told_base(ctx, c.start, c.end, "year") if rel in ("the", "in the") else None
    if year_told is not None:
        # "The war began in 1914. By the autumn, the front had stalled": that year's autumn
        return [(first, c.end, V.season(year_told.year, code, "season_told"))]
    if rel in ("last", "this past", "past", "previous"):
        how: str | None = "last"
    elif rel in ("next", "this coming", "coming"):
        how = "next"
    else:
        how = "this" if rel == "this" else ctx.tense(c.start, c.end)
    return [(first, c.end, season_from(ctx.dct, code, how, "season"))]
