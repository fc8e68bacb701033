"""The readings a language's own lexicon files add to the small grammar of ``lang.py``.

Each optional file of ``generator/data/timex/<lang>/`` becomes patterns here, compiled once
per language: counted spans from ``units.yaml`` and ``numbers.yaml`` ("il y a deux ans",
"dans trois jours"), placed weekdays from ``weekdays.yaml`` ("mardi dernier", "lundi
prochain"), parts of a month from ``month_parts.yaml`` ("fin mars", "mi-mars", "début
2025"), parts of the day from ``day_parts.yaml`` ("ce matin", "hier soir", "mardi soir",
"Dienstagabend"; its ``not_days`` are read as nothing: "am Morgen" is no tomorrow),
months and years after the words of ``months.yaml`` and ``years.yaml`` ("en mars", "en
1998"), the decades, centuries and periods across two years of ``years.yaml`` ("les années
80", "XIXe siècle", "la saison 2024-25") and the
vague words of ``vague.yaml`` ("maintenant"); clock times and lengths (``clock.yaml``,
``units.yaml`` ``lengths``) are ``lang_clock``'s.
The values are English's for the same readings: "late March" and "fin mars" are both the
month, "two years ago" and "il y a deux ans" both the year.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from generator.model import TimeValue
from generator.timex import values as V
from generator.timex.calendar import (pick_day, pick_year_for_month, season_from,
                                      weekday_by_tense, weekday_on_or_after,
                                      weekday_on_or_before)
from generator.timex import lang_clock
from generator.timex.lang_numbers import Approximately, NumberWords
from generator.timex.lang_tense import Tense
from generator.timex.lexicon import Lexicon
from generator.timex.lexicon_small import ClockWords

_FLAGS = re.I | re.U
_YEAR = r"(?P<y>1\d{3}|20\d{2})"
_DIGITS = r"\d+(?:[.,]\d+)?"
_OF = r"(?:\s+(?:de|del|di|of|van))?"  # "finales de marzo [de] 2024", as lang.py's dates


def _second_year(group: str) -> str:
    """The second of two years, maybe in two figures: "-25" in "2024-25", "/2025" (not
    "2024-25.3")."""
    return rf"\s*[-/–]\s*(?P<{group}>\d{{2}}|1\d{{3}}|20\d{{2}})(?![\w%/–-]|[.,]\d)"


_SPLIT_YEAR = _YEAR + _second_year("y2")


def _year_after(first: int, text: str) -> int | None:
    """The second year of a period across two ("2024-25": 2025), when it is the next one
    (a season or an accounting year runs into the next year only: "2019/21" is none)."""
    second = int(text) if len(text) == 4 else (first // 100) * 100 + int(text)
    return second if second == first + 1 else None


@dataclass(frozen=True)
class Reader:
    """One compiled reading: its kind, a fixed argument (a sign, "last"/"next") and pattern."""

    kind: str
    arg: object
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Words:
    """The lookup tables the readings' values need."""

    numbers: NumberWords
    approximately: Approximately  # the words before an amount, left out of its value
    vague_numbers: frozenset[str]
    unit_of: dict[str, str]
    weekdays: dict[str, int]
    months: dict[str, int]
    month_parts: dict[str, tuple[int, int]]
    day_parts: dict[str, str]
    day_offsets: dict[str, int]
    vague: dict[str, str]
    day_and_part: dict[str, tuple[int, str]]
    periods: dict[str, tuple[int, str]]  # "des Jahres" -> (0, "year")
    seasons: dict[str, str]  # as written: "été" -> "SU"
    clock: ClockWords | None = None
    day_time_joins: lang_clock.DayTimeJoins | None = None  # clock.yaml days: "le 3 juin à 15 heures"


def phrase(text: str) -> str:
    """A fixed phrase as a pattern: any run of spaces for a space, either apostrophe."""
    return re.sub(r"(?:\\ |\s)+", r"\\s+", re.escape(text)).replace("'", "['’]")


def words_re(words) -> str:
    """An alternation of phrases, longest first."""
    return "|".join(phrase(w) for w in sorted(set(words), key=lambda w: (-len(w), w)) if w)


def _template(template: str, **groups: str) -> str:
    """ "il y a {amount} {unit}" with each {name} replaced by its group."""
    out = []
    for piece in re.split(r"(\{\w+\})", template):
        name = piece[1:-1] if piece.startswith("{") and piece.endswith("}") else None
        out.append(f"(?P<{name}>{groups[name]})" if name in groups else phrase(piece))
    return "".join(out)


def compile_readers(own: Lexicon, months: dict[str, int],
                    weekdays: dict[str, int]) -> tuple[tuple[Reader, ...], Words]:
    """The readings of ``own``'s optional files (none when it has none); ``months`` and
    ``weekdays``: lower-case name -> index (0 is January, Monday)."""
    readers: list[Reader] = []
    # full names as written ("fin mars." : the dot ends the sentence), abbreviations with
    # or without their dot ("fin janv. 2024")
    month_re = words_re(own.months) + "|" + "|".join(
        phrase(a) + r"\.?" for a in sorted(own.month_abbreviations, key=lambda a: (-len(a), a)))
    weekday_re = words_re(own.weekdays)

    def add(kind: str, arg: object, pattern: str) -> None:
        readers.append(Reader(kind, arg, re.compile(rf"(?<!\w){pattern}(?!\w)", _FLAGS)))

    numbers = NumberWords.build({k.lower(): v for k, v in (own.numbers or {}).items()},
                                own.number_joins, phrase, own.hundreds, own.hundreds_joins)
    unit_of = {form.lower(): unit for unit, forms in (own.units or {}).items() for form in forms}
    approximately = Approximately.build(own.approximately, phrase)
    if unit_of:
        # "il y a plus de deux ans": the count's date, as English's
        amount = approximately.before(_DIGITS + ("|" + numbers.pattern if numbers.words else ""))
        if own.vague_numbers:  # "il y a quelques jours": some time back, no date
            amount = rf"{amount}|{words_re(own.vague_numbers)}"
        for sign, templates in ((-1, own.counted_ago), (1, own.counted_ahead)):
            for template in templates:
                add("counted", sign, _template(template, amount=amount, unit=words_re(unit_of)))
    for template, rel in (own.weekday_relative or {}).items():
        add("weekday", rel, _template(template, weekday=weekday_re))
    # a recurring weekday ("cada martes", "jeden Freitag"), "{weekday}s" in the plural
    # ("los sábados", "tous les jeudis", "montags"): a name ending in "s" takes none
    plural_re = words_re(n if n.lower().endswith("s") else n + "s" for n in own.weekdays)
    for template in own.weekday_every:
        add("weekday_set", None, _template(template.replace("{weekday}s", "{plural}"),
                                           weekday=weekday_re, plural=plural_re))
    for template in own.night_before:  # "in der Nacht zum Dienstag": Monday's night
        # ({other}: the weekday the night starts on, read with the one it ends on: "la nuit
        # de samedi à dimanche")
        add("night_before", None, _template(template, weekday=weekday_re, other=weekday_re))
    parts = own.month_parts or {}
    if parts and own.part_joins:
        joins = "|".join(phrase(j) if j.strip() else r"\s+" for j in own.part_joins)
        add("month_part", None, rf"(?P<part>{words_re(parts)})(?:{joins})(?:(?P<mon>{month_re})"
                                rf"(?:{_OF}\s+{_YEAR})?|(?P<yo>1\d{{3}}|20\d{{2}}))")
    periods = own.part_periods or {}
    if parts and periods:
        # "Ende des Jahres", "fin de l'année": that part of a period placed from the
        # dateline is that period, as English "the end of the year" is the year
        add("period_part", None, rf"(?P<part>{words_re(parts)})\s+(?P<period>{words_re(periods)})")
    day_offsets = {p: n for p, (n, unit) in (own.relative or {}).items() if unit == "day"}
    day_parts = {k.lower(): v for k, v in (own.day_parts or {}).items()}
    if day_parts:
        days = words_re([*own.this_part, *day_offsets])
        add("day_part", None, rf"(?P<day>{days})\s+(?P<part>{words_re(day_parts)})")
    if own.year_after:
        add("year", None, rf"(?:{words_re(own.year_after)})\s+(?P<x>{_YEAR})(?![\d,.]\d|\s*%)")
    # "la saison 2024-25", "das Geschäftsjahr 2023/24": a period across two years after its
    # noun of time, one DATE with it, as English's "the 2024-25 season"
    if own.split_year_periods:
        add("split_year", None, rf"(?:{words_re(own.split_year_periods)})\s+{_SPLIT_YEAR}")
    # the years alone after a noun of an event ("la campagne [2021-22]") or after a word
    # before a year ("en [2024-2025]", as English reads a bare "2024-25")
    for before in (own.split_year_events, own.year_after):
        if before:
            add("split_year", None, rf"(?:{words_re(before)})\s+(?P<x>{_SPLIT_YEAR})")
    # "les années 1980", "los años ochenta", "die 80er Jahre": a decade, its number in figures
    # (four or two) or a word of numbers.yaml; "XIXe siècle", "siglo XIX", "19. Jahrhundert"
    decade = r"1\d\d0|20\d0|\d0" + ("|" + numbers.pattern if numbers.words else "")
    for template in own.decades:
        add("decade", None, _template(template, decade=decade))
    for template in own.centuries:
        add("century", None, _template(template, century=r"(?-i:[IVX]{1,5})|[12]?\d"))
    for template, rel in (own.month_relative or {}).items():
        # "décembre dernier", "le 3 juin dernier", "el pasado 3 de junio", "vergangenen
        # Dezember": a month (or a day of it) placed by a word, as English "last December"
        add("month_rel", rel, _template(template, month=words_re(own.months),
                                        day=r"3[01]|[12]\d|0?[1-9]"))
    if own.month_after:
        # a month in lower case, as prose writes it: "vers Mars" is the planet
        add("month", None,
            rf"(?:{words_re(own.month_after)})\s+(?P<x>(?-i:{words_re(own.months)}))")
    if day_parts:
        # "mardi soir": a DATE of that day, as English "Tuesday night" is annotated; a join
        # "" reads the compounds ("Dienstagabend")
        joins = "|".join(phrase(j) if j.strip() else (r"\s+" if j else "")
                         for j in own.weekday_part_joins)
        add("weekday_part", None,
            rf"(?P<x>(?P<wd>{weekday_re})(?:{joins})(?:{words_re(day_parts)}))")
    if own.not_days:
        # phrases in which a day word names a part of the day ("am Morgen", "por la
        # mañana"): they read as nothing, so "Morgen" there is no tomorrow
        add("not", None, words_re(own.not_days))
    if own.seasons:
        _season_readers(own, add)
    if own.day_and_part:
        add("day_and_part", None, rf"(?P<w>{words_re(own.day_and_part)})")  # "anoche"
    vague = {k.lower(): v for k, v in (own.vague or {}).items()}
    if vague:
        add("vague", None, rf"(?P<w>{words_re(vague)})")
    if own.clock is not None:
        lang_clock.add_clock_readers(own.clock, add, phrase=phrase, words_re=words_re,
                                     template=_template, number_words=numbers.pattern,
                                     days=words_re([*own.weekdays, *day_offsets]))
    if own.lengths is not None and unit_of:
        # last: a clock time of the same words ("à 15 heures") is read first
        lang_clock.add_length_readers(own.lengths, add, words_re=words_re,
                                      number_words=numbers.pattern,
                                      approximately=approximately,
                                      units=words_re(unit_of))
    words = Words(numbers, approximately, frozenset(_key(w) for w in own.vague_numbers), unit_of,
                  weekdays, months, {k.lower(): v for k, v in parts.items()}, day_parts, {k.lower(): v for k, v in day_offsets.items()}, vague,
                  dict(own.day_and_part or {}), dict(periods),  # (lexicon keys are lower case)
                  dict(own.seasons or {}), own.clock,
                  None if own.clock is None else lang_clock.day_time_joins(
                      own.clock, words_re=words_re, number_words=numbers.pattern,
                      day_parts=day_parts))
    return tuple(readers), words


def _season_readers(own: Lexicon, add) -> None:
    """Seasons placed by a word or of a year ("l'hiver dernier", "Sommer 2023"), and alone
    after a preposition ("d'ici l'été", "en été"). Names match as written: "le Printemps"
    is a name, as English's capitalised "Arab Spring"."""
    names = rf"(?-i:{words_re(own.seasons or {})})"
    # ... but a sentence may open with one, capitalised ("Été 2023 : ...", "Invierno
    # pasado, ..."): at a sentence start a name is the season of a placed phrase
    capitalised = words_re(n[:1].upper() + n[1:] for n in own.seasons or {} if n[:1].islower())
    opening = rf"|(?:^|(?<=\n)|(?<=[.!?…]\s)|(?<=[«\"“(]))(?-i:{capitalised})" if capitalised else ""
    for template, kind in (own.season_phrases or {}).items():
        phrase_re = _template(template, season=f"(?:{names}{opening})", year=r"1\d{3}|20\d{2}")
        add("season", kind, phrase_re)
        if template.endswith("{year}"):
            # "l'hiver 2024-2025", "Winter 2024/25": a season across two years, as
            # English's; when the second is not the next ("2019-21") the first alone stands
            add("season", kind, phrase_re + _second_year("year2"))
    topic = words_re(own.season_topic)
    not_topic = rf"(?!\s+(?:{topic})(?:(?<=['’])|(?!\w)))" if topic else ""
    for needs_tense, before in ((False, own.season_after), (True, own.season_in)):
        if before:
            # an elided article joins its noun: "à l'été"
            lead = "|".join(phrase(w) + ("" if w[-1] in "'’" else r"\s+")
                            for w in sorted(before, key=lambda w: (-len(w), w)))
            add("season_alone", needs_tense, rf"(?:{lead})(?P<x>{names}){not_topic}")


def read(readers: tuple[Reader, ...], words: Words, text: str, dct: datetime.date | None,
         tense: Tense) -> list[tuple[int, int, TimeValue | None]]:
    """(start, end, value) of every reading found in ``text``; value None for the words of
    ``not_days``, which no shorter reading inside them may take. ``tense``: the clause's
    tense around a span, for a weekday or a month named without a direction."""
    found = []
    for reader in readers:
        for m in reader.pattern.finditer(text):
            if reader.kind == "not":
                found.append((m.start(), m.end(), None))  # holds its words, reads nothing
                continue
            value = V.unless_off_calendar(lambda: _value(reader, m, words, dct, tense))
            if value is not None:
                # a group "x" is the expression when words around it are only read
                start, end = m.span("x") if "x" in reader.pattern.groupindex else m.span()
                found.append((start, end, value))
    return found


def relative_value(dct: datetime.date | None, amount: int, unit: str) -> TimeValue:
    """A phrase ``amount`` units from the dateline (negative: back), as English places it:
    the day, the ISO week, the month or the year it falls in."""
    rule = "relative_" + unit
    if amount == 0 and unit in ("second", "minute", "hour"):
        return V.vague("PRESENT_REF", "relative_now")  # "maintenant", "şimdi", "jetzt"
    if dct is None:
        return V.unresolved({"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}.get(
            unit, "XXXX-XX-XX"), unit if unit in ("week", "month", "year") else "day", rule)
    if unit == "day":
        return V.day(dct + datetime.timedelta(days=amount), rule)
    if unit == "week":
        return V.week_of(dct + datetime.timedelta(weeks=amount), rule)
    if unit == "month":
        d = V.add_months(dct.replace(day=1), amount)
        return V.month(d.year, d.month, rule)
    if unit == "year":
        return V.year(dct.year + amount, rule)
    return V.day(dct, rule)  # hours, minutes, seconds: the dateline's day


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("’", "'"))


def _value(reader: Reader, m: re.Match[str], words: Words, dct: datetime.date | None,
           tense: Tense) -> TimeValue | None:
    kind = reader.kind
    if kind == "counted":
        text = m.group("amount")
        if _key(text) in words.vague_numbers:
            # "il y a quelques jours", "vor wenigen Tagen": as English "a few days ago"
            return V.vague("PAST_REF" if reader.arg < 0 else "FUTURE_REF",  # type: ignore[operator]
                           "counted_vague")
        amount = _amount(words.approximately.strip(text), words.numbers)
        if amount is None:
            return None  # words that are no number ("vingt-trente")
        unit = words.unit_of[_key(m.group("unit"))]
        return relative_value(dct, amount * reader.arg, unit)  # type: ignore[operator]
    if kind in ("clock", "day_clock"):
        return lang_clock.clock_value(kind, m, words.clock, words.numbers.value,  # type: ignore[arg-type]
                                      words.weekdays, words.day_offsets, dct, tense)
    if kind == "length":
        return lang_clock.length_value(m, words.unit_of, words.numbers.value,
                                       words.approximately)
    if kind == "weekday":
        wd = words.weekdays[_key(m.group("weekday")).rstrip(".")]
        if dct is None:
            return V.unresolved("XXXX-XX-XX", "day", "weekday_" + str(reader.arg))
        d = (weekday_on_or_before(dct, wd, strict=True) if reader.arg == "last"
             else weekday_on_or_after(dct, wd, strict=True))
        return V.day(d, "weekday_" + str(reader.arg))
    if kind == "weekday_set":
        groups = m.groupdict()
        wd = _weekday_number(words, groups.get("weekday") or groups["plural"])
        return None if wd is None else V.set_value(f"XXXX-WXX-{wd + 1}", "weekday_set")
    if kind in ("season", "season_alone"):
        return _season(reader, m, words, dct, tense)
    if kind == "period_part":
        amount, unit = words.periods[_key(m.group("period"))]
        return relative_value(dct, amount, unit)
    if kind == "night_before":
        # the DATE of the evening the night starts on, as "mardi soir" is that Tuesday's
        if dct is None:
            return V.unresolved("XXXX-XX-XX", "day", "night_before")
        wd = words.weekdays[_key(m.group("weekday")).rstrip(".")]
        return V.day(weekday_on_or_before(dct, wd) - datetime.timedelta(days=1), "night_before")
    if kind == "month_part":
        return _month_part(m, words, dct)
    if kind == "day_part":
        code = words.day_parts[_key(m.group("part"))]
        if dct is None:
            return V.unresolved("XXXX-XX-XX", "day", "day_part")
        d = dct + datetime.timedelta(days=words.day_offsets.get(_key(m.group("day")), 0))
        return V.part_of_day(d, code, "day_part")
    if kind == "day_and_part":
        offset, code = words.day_and_part[_key(m.group("w"))]
        if dct is None:
            return V.unresolved("XXXX-XX-XX", "day", "day_part")
        return V.part_of_day(dct + datetime.timedelta(days=offset), code, "day_part")
    if kind == "year":
        return V.year(int(m.group("y")), "year")
    if kind == "split_year":
        y = int(m.group("y"))
        y2 = _year_after(y, m.group("y2"))
        return None if y2 is None else V.year_span(y, y2, "split_year")
    if kind == "month_rel":
        return _month_rel(m, str(reader.arg), words, dct)
    if kind == "decade":
        return _decade(m.group("decade"), words.numbers)
    if kind == "century":
        number = _century_number(m.group("century"))
        return None if number is None else V.century(number, "century")
    if kind == "month":
        month_no = words.months[_key(m.group("x"))] + 1
        if dct is None:
            return V.unresolved(f"XXXX-{month_no:02d}", "month", "month")
        return V.month(pick_year_for_month(dct, month_no, tense(*m.span("x"))), month_no,
                       "month")
    if kind == "weekday_part":
        if dct is None:
            return V.unresolved("XXXX-XX-XX", "day", "weekday_pod")
        return V.day(weekday_by_tense(dct, words.weekdays[_key(m.group("wd"))],
                                      tense(*m.span("x"), timetable=True)), "weekday_pod")
    return V.vague(words.vague[_key(m.group("w"))], "vague")


def _season(reader: Reader, m: re.Match[str], words: Words, dct: datetime.date | None,
            tense: Tense) -> TimeValue | None:
    """A season as English places it (calendar.season_from); one alone after "en", "im"
    only in a past or future clause, as English "in summer" (else any summer: no date)."""
    name = m.group("x" if reader.kind == "season_alone" else "season")
    code = words.seasons.get(name) or words.seasons[name[:1].lower() + name[1:]]  # "Été"
    if reader.kind == "season" and reader.arg == "year":
        year = int(m.group("year"))
        if m.groupdict().get("year2"):
            # a winter across two years is that winter (YYYY-WI); any other season has no
            # TIMEX3 value over two, so it is both years, as English's split_year
            second = _year_after(year, m.group("year2"))
            if second is None:
                return None
            if code != "WI":
                return V.year_span(year, second, "season_year")
        return V.season(year, code, "season_year")
    how = reader.arg if reader.kind == "season" else tense(*m.span("x"))
    if how is None and reader.arg:  # needs a tense
        return None
    if dct is None:
        return V.unresolved(f"XXXX-{code}", "season", "season")
    return season_from(dct, code, str(how or "this"), "season")


def _month_rel(m: re.Match[str], rel: str, words: Words,
               dct: datetime.date | None) -> TimeValue | None:
    """The latest such month (day) before the dateline's for "last", the first after it for
    "next": "mars dernier" written in March is last year's, as English "last March"."""
    month_no = words.months[_key(m.group("month"))] + 1
    day_no = int(m.group("day")) if "day" in m.re.groupindex and m.group("day") else None
    if dct is None:
        return V.unresolved(f"XXXX-{month_no:02d}" + (f"-{day_no:02d}" if day_no else ""),
                            "day" if day_no else "month", "month_" + rel)
    step = -1 if rel == "last" else 1
    if day_no is None:
        y = dct.year if (month_no - dct.month) * step > 0 else dct.year + step
        return V.month(y, month_no, "month_" + rel)
    for y in (dct.year, dct.year + step):
        try:
            d = datetime.date(y, month_no, day_no)
        except ValueError:
            return None
        if (d - dct).days * step > 0:
            return V.day(d, "day_" + rel)
    return None


def _decade(text: str, numbers: NumberWords) -> TimeValue | None:
    """ "1980", "80", "ochenta": the decade; two figures or a word, of the 1900s."""
    key = _key(text)
    tens = int(key) if key.isdigit() else numbers.value(key)
    if tens is None or tens % 10:
        return None
    if tens < 100:
        tens += 1900 if tens >= 10 else 2000  # "les années 00" are the 2000s
    return V.decade(tens, "decade")


_ROMAN = {"I": 1, "V": 5, "X": 10}


def _century_number(text: str) -> int | None:
    """ "XIX" or "19" -> 19; a century from the first to the twenty-first."""
    if text.isdigit():
        n = int(text)
    else:
        values = [_ROMAN[ch] for ch in text]
        n = sum(-v if i + 1 < len(values) and v < values[i + 1] else v
                for i, v in enumerate(values))
        if _roman(n) != text:
            return None  # "IIX", "VV": no numeral
    return n if 1 <= n <= 21 else None


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + numeral, n - value
    return out


def _weekday_number(words: Words, text: str) -> int | None:
    """0-6 for a weekday's name or its plural ("sábados", "jeudis", "montags")."""
    name = _key(text)
    return words.weekdays.get(name, words.weekdays.get(name[:-1]))


def _amount(text: str, numbers: NumberWords) -> int | None:
    key = _key(text)
    if key[:1].isdigit():
        return int(float(key.replace(",", ".")))
    return numbers.value(key)


def _month_part(m: re.Match[str], words: Words, dct: datetime.date | None) -> TimeValue | None:
    if m.group("yo"):
        return V.year(int(m.group("yo")), "month_part")
    month_no = words.months[_key(m.group("mon")).rstrip(".")] + 1
    if m.group("y"):
        return V.month(int(m.group("y")), month_no, "month_part")
    if dct is None:
        return V.unresolved(f"XXXX-{month_no:02d}", "month", "month_part")
    first, last = words.month_parts[_key(m.group("part"))]
    # the nearest such part of a month: its middle day, kept inside short months
    middle = min((first + last) // 2, 28)
    day = pick_day(dct, month_no, middle, None)
    return None if day is None else V.month(day.year, month_no, "month_part")
