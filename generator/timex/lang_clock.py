"""Clock times and lengths of time of another language, from its lexicon files.

``clock.yaml`` gives the shapes of a clock time ("{hour} heures", "{hour}.{minute} Uhr",
"{hour}:{minute}"), the words before one that TimeML leaves out ("à", "um", "a las"), the
moments ("midi", "Mitternacht", "medianoche"), the parts of the day after an hour ("de la
tarde": p.m.) and how a day and its time join ("{day} à {time}", "{time} am {day}").
``units.yaml`` ``lengths`` turns the counted spans into lengths ("trois jours", "drei Tage",
"tres días": DURATION), the anchored readings ("il y a trois ans") keeping theirs because
they start first. Values, types and spans are English's: "at 3 p.m. on Monday" is "3 p.m. on
Monday", 2025-07-21T15:00, a TIME; "midnight" is T24:00; "for three days" is "three days", P3D.
The same joins of ``days`` then make one TIME of any day read on its own and its time
(``join_days_and_times``: "le 3 juin à 15 heures", "morgen früh um 9 Uhr").
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime
import re
from dataclasses import dataclass
from typing import Callable

from generator.model import TimeValue
from generator.timex import values as V
from generator.timex.calendar import weekday_by_tense
from generator.timex.lang_numbers import Approximately
from generator.timex.lexicon_small import ClockWords, LengthWords

_HOUR = r"2[0-4]|[01]?\d"
_MINUTE = r"[0-5]\d"
# a figure of a length, not a piece of "2.000" (thousands) or "2024,5"; a comma decimal
_LENGTH_DIGITS = r"(?<![\d.,])\d+(?:,\d+)?(?![.,]?\d)"


def add_clock_readers(clock: ClockWords, add: Callable[[str, object, str], None], *,
                      phrase: Callable[[str], str], words_re: Callable[..., str],
                      template: Callable[..., str], number_words: str, days: str) -> None:
    """The readers of clock times: "clock" (a time alone, of the dateline's day) and
    "day_clock" (a time and its day). Each shape is a reader of its own, so the groups of a
    match are those of one shape."""
    hour = _HOUR + (f"|{number_words}" if number_words else "")
    parts = words_re(clock.parts)
    # a moment as written ("midi", not the region "Midi"), not the end of "après-midi"
    moment = rf"(?<![\w-])(?P<moment>(?-i:{words_re(clock.moments)}))" if clock.moments else ""

    def shapes(templates) -> list[str]:
        # a shape naming {part} needs one ("las tres de la tarde": a bare "las seis" may be
        # morning or evening, as English's "at six" is no time); any other may take one
        return [template(t, hour=hour, minute=_MINUTE, part=parts) if "{part}" in t
                else template(t, hour=hour, minute=_MINUTE)
                + (rf"(?:\s+(?P<part>{parts}))?" if parts else "")
                for t in templates if parts or "{part}" not in t]

    after = shapes(clock.times)
    # a moment alone, as English "noon": "à midi", "um Mitternacht", "a medianoche"
    free = shapes(clock.alone) + ([moment] if moment else [])
    before = words_re(clock.before)
    unless = _followed_by(clock.unless)
    if before:
        for shape in after:
            add("clock", None, rf"(?:{before})\s+(?P<x>{shape}){unless}")
    for shape in free:
        add("clock", None, rf"(?P<x>{shape})")
    if clock.not_times:
        # they hold their words, so the moment inside ("zu Mittag") is read as nothing
        add("not", None, words_re(clock.not_times))
    for joined in clock.days:
        for shape in after + free:
            pieces = re.split(r"(\{day\}|\{time\})", joined)
            out = "".join(rf"(?P<day>{days})" if p == "{day}" else f"(?:{shape})" if p == "{time}"
                          else phrase(p) for p in pieces)
            add("day_clock", None, out)


def _followed_by(words: tuple[str, ...]) -> str:
    """A look-ahead refusing a time these words follow: "à deux heures de route" is no
    2:00 ("de l'après-midi", a part of the day, is matched before it is looked at)."""
    if not words:
        return ""
    alternatives = [re.escape(w[:-1]) + "['’]" if w.endswith("'") else re.escape(w) + r"(?!\w)"
                    for w in words]
    return rf"(?!\s+(?:{'|'.join(alternatives)}))"


def add_length_readers(lengths: LengthWords, add: Callable[[str, object, str], None], *,
                       words_re: Callable[..., str], number_words: str,
                       approximately: Approximately, units: str) -> None:
    """A count of units is a length ("plus de deux ans" as English "more than two years");
    "desde hace": those words are held (read as nothing), so the "ago" reading that starts
    inside them gives way."""
    amount = approximately.before(_LENGTH_DIGITS + (f"|{number_words}" if number_words else ""))
    span = rf"(?P<amount>{amount})\s+(?P<unit>{units})"
    if lengths.not_lengths:
        add("not", None, words_re(lengths.not_lengths))
    if lengths.before:
        add("not", None, rf"(?:{words_re(lengths.before)})(?=\s+{span}(?!\w))")
    add("length", None, span)


def clock_value(kind: str, m: re.Match[str], clock: ClockWords, number, weekdays: dict[str, int],
                day_offsets: dict[str, int], dct: datetime.date | None, tense) -> TimeValue | None:
    """A time of the day it names (a weekday by its clause's tense, as English's), else of
    the dateline's day (``on_days_named`` then moves a time alone to the day last named)."""
    hm = _hour_minute(m, clock, number)
    if hm is None:
        return None
    hour, minute = hm
    day: datetime.date | None = dct
    if kind == "day_clock" and dct is not None:
        name = _key(m.group("day"))
        if name in weekdays:
            day = weekday_by_tense(dct, weekdays[name], tense(*m.span("day"), timetable=True))
        else:
            day = dct + datetime.timedelta(days=day_offsets[name])
    if day is None:
        return TimeValue(f"XXXX-XX-XXT{hour:02d}:{minute:02d}", "TIME", "time", None, None,
                         kind)
    return V.time_of_day(day, hour, minute, kind)


def _hour_minute(m: re.Match[str], clock: ClockWords, number) -> tuple[int, int] | None:
    groups = m.groupdict()
    if groups.get("moment"):
        return clock.moments[groups["moment"]], 0
    text = _key(groups["hour"])
    h = int(text) if text.isdigit() else number(text)
    minute = int(groups["minute"]) if groups.get("minute") else 0
    if h is None or h > 24 or (h == 24 and minute):
        return None
    part = clock.parts.get(_key(groups.get("part") or ""))
    if part:
        # "tres de la tarde" is 15:00, as English "3 in the afternoon"; "15 heures du soir"
        # is no time, as "15 p.m." is none
        if not 1 <= h <= 12:
            return None
        h = h + 12 if part == "pm" and h < 12 else (0 if part == "am" and h == 12 else h)
    return h, minute


def length_value(m: re.Match[str], unit_of: dict[str, str], number,
                 approximately: Approximately) -> TimeValue | None:
    key = _key(approximately.strip(m.group("amount")))  # "plus de deux ans": still P2Y
    amount = float(key.replace(",", ".")) if key[:1].isdigit() else number(key)
    if amount is None:
        return None
    return V.duration(V.duration_value(amount, unit_of[_key(m.group("unit"))]), "length")


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("’", "'"))


@dataclass(frozen=True)
class DayTimeJoins:
    """How a day read on its own and a time read on its own make one expression
    (``clock.yaml`` ``days``): "le 3 juin à 15 heures", "demain matin à 9 heures", "15 Uhr am
    3. Juni", as English's "June 3 at 3 p.m.". Each pattern matches the text between them."""

    day_then_time: re.Pattern[str] | None   # "{day} à {time}": " à "
    time_then_day: re.Pattern[str] | None   # "{time} am {day}": " am "
    bare_hour: re.Pattern[str] | None       # after a part of the day: " a las 9"
    # a weekday with its part of the day is a DATE of that day ("mardi soir", as English's
    # "Tuesday evening"); its part, the last words of its text, still gives the half
    weekday_part: re.Pattern[str] | None    # "(?P<part>soir|...)$"
    part_codes: dict[str, str]              # day_parts.yaml parts, lower case: {soir: EV}


def day_time_joins(clock: ClockWords, *, words_re: Callable[..., str], number_words: str,
                   day_parts: dict[str, str] | None = None) -> DayTimeJoins:
    """The joins of ``clock.days`` whose {day} and {time} stand at either end, compiled;
    ``day_parts``: day_parts.yaml's parts and their codes (lower-case keys)."""
    def between(first: str, last: str) -> re.Pattern[str] | None:
        joins = [t.strip()[len(first):-len(last)].strip() for t in clock.days
                 if t.strip().startswith(first) and t.strip().endswith(last)]
        if not joins:
            return None
        words = words_re(j for j in joins if j)
        gap = rf"\s+(?:{words})\s+" if words else r"\s+"
        return re.compile(gap + (r"|\s+" if "" in joins and words else ""), re.I)

    bare = None
    if clock.bare_hours_after:
        hour = _HOUR + (f"|{number_words}" if number_words else "")
        bare = re.compile(rf"\s+(?:{words_re(clock.bare_hours_after)})\s+(?P<hour>{hour})"
                          r"(?!\w|[.,:]\d)", re.I)
    parts = {_key(k): v for k, v in (day_parts or {}).items()}
    # no word boundary before it: German writes one word ("Dienstagabend"); the leftmost
    # match is the longest part ("por la noche", not "noche")
    weekday_part = re.compile(rf"(?P<part>{words_re(parts)})$", re.I) if parts else None
    return DayTimeJoins(between("{day}", "{time}"), between("{time}", "{day}"), bare,
                        weekday_part, parts)


# a part of the day's TIMEX3 code after a day ("2025-06-03TEV")
_PART_OF_DAY = re.compile(r"T(MO|AF|EV|NI)$")


def _part_of(day, joins: DayTimeJoins) -> str | None:
    """The part of the day a day expression names, as a TIMEX3 code: that of its value
    ("demain soir", ...TEV), or for a weekday with its part, a DATE, that of its last words
    ("mardi soir", "Dienstagabend", "martes por la noche")."""
    if day.time.start is None:
        return None
    code = _PART_OF_DAY.search(day.time.value)
    if code:
        return code.group(1)
    if day.time.rule != "weekday_pod" or joins.weekday_part is None:
        return None
    m = joins.weekday_part.search(day.text)
    return None if m is None else joins.part_codes.get(_key(m.group("part")))



def _joined_pair(text: str, first, second, joins: DayTimeJoins):
    """A day and a clock time side by side, in either order, as one TIME; else None."""
    for day, clock, gap in ((first, second, joins.day_then_time), (second, first, joins.time_then_day)):
        if _is_day(day) and _is_clock(clock) and _gap(gap, text, first.end, second.start):
            return _joined(text, first.start, second.end, day, _clock_of(clock), _part_of(day, joins))
    return None


def join_days_and_times(text: str, found: list, joins: DayTimeJoins, number) -> list:
    """A day (a date, a weekday, "demain", "morgen früh") and the clock time joined to it by
    a word of ``clock.days`` are one TIME of that day, spanning both, as English's "June 3
    at 3 p.m." and "tomorrow morning at 9 a.m."; a part of the day gives an hour its half
    ("demain soir à 8 heures" is 20:00) and, after ``bare_hours_after``, a bare hour its
    reading ("mañana por la mañana a las 9"). ``found``: the TimeExprs in text order."""
    out, i = [], 0
    while i < len(found):
        first = found[i]
        second = found[i + 1] if i + 1 < len(found) else None
        joined = _joined_pair(text, first, second, joins) if second is not None else None
        if joined is not None:
            out.append(joined)
            i += 2
            continue
        bare = _bare_hour(joins, text, first, number)
        if bare is not None and (second is None or second.start >= bare[0]):
            out.append(_joined(text, first.start, bare[0], first, (bare[1], 0),
                               _part_of(first, joins)))
        else:
            out.append(first)
        i += 1
    return out


def _is_day(expr) -> bool:
    v = expr.time
    return v.start is not None and v.start == v.end and (
        (v.type == "DATE" and v.granularity == "day") or bool(_PART_OF_DAY.search(v.value)))


def _is_clock(expr) -> bool:
    return expr.time.rule == "clock" and expr.time.start is not None


def _gap(pattern: re.Pattern[str] | None, text: str, start: int, end: int) -> bool:
    return pattern is not None and pattern.fullmatch(text, start, end) is not None


def _clock_of(expr) -> tuple[int, int]:
    hour, minute = expr.time.value.split("T")[1].split(":")
    return int(hour), int(minute)


def _bare_hour(joins: DayTimeJoins, text: str, day, number) -> tuple[int, int] | None:
    """(end, hour) of a bare hour after a part of the day and a word of
    ``bare_hours_after``: a time only because the part says which half of the day."""
    if joins.bare_hour is None or _part_of(day, joins) is None:
        return None
    m = joins.bare_hour.match(text, day.end)
    if m is None:
        return None
    key = _key(m.group("hour"))
    hour = int(key) if key.isdigit() else number(key)
    return None if hour is None or not 1 <= hour <= 12 else (m.end(), hour)


def _joined(text: str, start: int, end: int, day, clock: tuple[int, int], part: str | None):
    hour, minute = clock
    if part and 1 <= hour < 12 and (part in ("AF", "EV") or (part == "NI" and hour >= 6)):
        hour += 12  # "demain soir à 8 heures", 20:00; "cette nuit à 2 heures" stays 02:00
    on = day.time.start
    if part == "NI" and 1 <= hour < 6 and day.time.rule == "weekday_pod":
        # a weekday's night runs past midnight: "lundi nuit à 3 heures", "Montagnacht um 3
        # Uhr" are Tuesday's 03:00, as English "Monday night at 3"; "cette nuit", "heute
        # Nacht" name no weekday and keep their day, as English "tonight at 2"
        on += datetime.timedelta(days=1)
    value = V.time_of_day(on, hour, minute, "day_clock")
    return dataclasses.replace(day, start=start, end=end, text=text[start:end], time=value)


_PARAGRAPH = re.compile(r"\n\s*\n")


def on_days_named(text: str, found: list) -> list:
    """A time read alone ("à 15 heures") is of the day last named in its paragraph or the
    one before, as English's ``Context.ref_day``: "Le 3 juin, à 15 heures" is 3 June's 15:00;
    with none, the dateline's. ``found``: the TimeExprs in text order."""
    starts = [0] + [m.end() for m in _PARAGRAPH.finditer(text)]
    out, day, day_at = [], None, -1
    for expr in found:
        v = expr.time
        if v.rule == "clock" and v.start is not None and day is not None \
                and _paragraph(starts, day_at) >= _paragraph(starts, expr.start) - 1:
            v = V.time_of_day(day, *map(int, v.value.split("T")[1].split(":")), "clock")
            expr = dataclasses.replace(expr, time=v)
        elif v.start is not None and v.granularity in ("time", "day"):
            day, day_at = v.start, expr.start
        out.append(expr)
    return out


def _paragraph(starts: list[int], pos: int) -> int:
    return bisect.bisect_right(starts, pos) - 1
