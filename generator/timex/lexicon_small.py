"""The optional files another language's small grammar (``lang.py``, ``lang_readers.py``)
reads: units, numbers, parts of the month and of the day, vague words, placed and recurring
weekdays, the words before a bare year or month. Each may be missing; a malformed one is a
LexiconError naming its file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.timex.lexicon_files import LexiconError
from generator.timex.lexicon_files import mapping as _mapping
from generator.timex.lexicon_files import read as _read
from generator.timex.lexicon_files import relative as _relative
from generator.timex.lexicon_files import strings as _strings

@dataclass(frozen=True)
class Compound:
    """An auxiliary and, within ``reach`` words after it, the form it builds ("a déclaré")."""

    tense: str                 # "past" or "future"
    aux: frozenset[str]
    then: re.Pattern[str]      # the whole lower-case form
    reach: int


@dataclass(frozen=True)
class ClauseCues:
    """The tense cues of tense.yaml (another language's): see lang_tense.py."""

    words: dict[str, str]                       # lower-case word -> "past" | "future"
    endings: tuple[tuple[str, str | None], ...]  # longest first; None: neither tense
    not_verbs: frozenset[str]
    compounds: tuple[Compound, ...]
    openers: frozenset[str]
    # the present of a verb of scheduling ("se réunit", "tagt"): future before a weekday
    timetable: frozenset[str] = frozenset()
    timetable_not_after: frozenset[str] = frozenset()  # words making it a noun ("le vote")


_UNITS = ("second", "minute", "hour", "day", "week", "month", "year")


def small_grammar(root: Path, lang: str, parts: Any) -> dict[str, Any]:
    """The optional files of a language read by lang.py's small grammar (all may be missing)."""
    def read(kind: str) -> dict:
        data = _read(root, lang, kind, required=False)
        return _mapping(data, f"{lang}/{kind}.yaml") if data is not None else {}

    units, numbers, day_parts = read("units"), read("numbers"), read("day_parts")
    vague, weekdays, months = read("vague"), read("weekdays"), read("months")
    years = read("years")
    split_years = _mapping(years.get("split_years") or {}, f"{lang}/years.yaml split_years")
    where = f"{lang}/units.yaml"
    unit_forms = {unit: _strings(forms, f"{where} {unit}")
                  for unit, forms in _mapping(units.get("units") or {}, where).items()}
    if set(unit_forms) - set(_UNITS):
        raise LexiconError(f"{where}: units are {', '.join(_UNITS)}")
    relative_days = _mapping(weekdays.get("relative") or {}, f"{lang}/weekdays.yaml relative")
    if set(relative_days.values()) - {"last", "next"} or \
            not all("{weekday}" in t for t in relative_days):
        raise LexiconError(f"{lang}/weekdays.yaml relative: expected '... {{weekday}} ...': "
                           "last|next")
    every_day = _strings(weekdays.get("every", []), f"{lang}/weekdays.yaml every")
    night_before = _strings(weekdays.get("night_before", []), f"{lang}/weekdays.yaml night_before")
    for key, templates in (("every", every_day), ("night_before", night_before)):
        if not all("{weekday}" in t for t in templates):
            raise LexiconError(f"{lang}/weekdays.yaml {key}: expected '... {{weekday}} ...'")
    return dict(
        units=unit_forms or None,
        counted_ago=_strings(units.get("ago", []), f"{where} ago"),
        counted_ahead=_strings(units.get("ahead", []), f"{where} ahead"),
        numbers={k: int(v) for k, v in _mapping(numbers.get("words") or {},
                                                f"{lang}/numbers.yaml words").items()} or None,
        number_joins=_joins(numbers.get("joins", []), f"{lang}/numbers.yaml joins"),
        hundreds={k: int(v) for k, v in _mapping(
            _mapping(numbers.get("hundreds") or {}, f"{lang}/numbers.yaml hundreds").get(
                "words") or {}, f"{lang}/numbers.yaml hundreds words").items()} or None,
        hundreds_joins=_strings((numbers.get("hundreds") or {}).get("joins", []),
                                f"{lang}/numbers.yaml hundreds joins"),
        approximately=_strings(numbers.get("approximately", []),
                               f"{lang}/numbers.yaml approximately"),
        vague_numbers=_strings(numbers.get("vague", []), f"{lang}/numbers.yaml vague"),
        part_joins=_strings((parts or {}).get("joins", []), f"{lang}/month_parts.yaml joins"),
        part_periods=_relative((parts or {}).get("periods") or {}, f"{lang}/month_parts.yaml periods")
        or None,
        day_parts={k: str(v) for k, v in _mapping(day_parts.get("parts") or {},
                                                  f"{lang}/day_parts.yaml parts").items()} or None,
        this_part=_strings(day_parts.get("this", []), f"{lang}/day_parts.yaml this"),
        weekday_part_joins=_strings(day_parts.get("joins", [" "]), f"{lang}/day_parts.yaml joins"),
        not_days=_strings(day_parts.get("not_days", []), f"{lang}/day_parts.yaml not_days"),
        day_and_part=_day_and_part(day_parts.get("words") or {}, f"{lang}/day_parts.yaml words"),
        vague={word: ref for ref, words in vague.items()
               for word in _strings(words, f"{lang}/vague.yaml {ref}")} or None,
        weekday_relative=dict(relative_days) or None,
        weekday_every=every_day,
        night_before=night_before,
        before_date=_strings(weekdays.get("before_date", []), f"{lang}/weekdays.yaml before_date"),
        year_after=_strings(years.get("after", []), f"{lang}/years.yaml after"),
        decades=_templates(years.get("decades", []), "decade", f"{lang}/years.yaml decades"),
        centuries=_templates(years.get("centuries", []), "century",
                             f"{lang}/years.yaml centuries"),
        split_year_periods=_strings(split_years.get("periods", []),
                                    f"{lang}/years.yaml split_years periods"),
        split_year_events=_strings(split_years.get("events", []),
                                   f"{lang}/years.yaml split_years events"),
        month_after=_strings(months.get("after", []), f"{lang}/months.yaml after"),
        range_links=_strings(months.get("range_links", []), f"{lang}/months.yaml range_links"),
        month_relative=_month_relative(months.get("relative") or {},
                                       f"{lang}/months.yaml relative"),
        clause_tense=_clause_cues(read("tense"), f"{lang}/tense.yaml"),
        clock=read_clock(read("clock"), f"{lang}/clock.yaml"),
        lengths=read_lengths(units.get("lengths"), f"{where} lengths"),
        **_seasons(read("seasons"), f"{lang}/seasons.yaml"),
    )


def _month_relative(data: Any, where: str) -> dict[str, str] | None:
    """ "{month} dernier": last, "{day} {month} prochain": next."""
    table = {str(k): str(v) for k, v in _mapping(data, where).items()}
    if set(table.values()) - {"last", "next"} or not all("{month}" in t for t in table):
        raise LexiconError(f"{where}: expected '... {{month}} ...': last|next")
    return table or None


def _templates(data: Any, name: str, where: str) -> tuple[str, ...]:
    """Phrases each holding the placeholder {name} ("les années {decade}")."""
    templates = _strings(data, where)
    if not all("{" + name + "}" in t for t in templates):
        raise LexiconError(f"{where}: expected '... {{{name}}} ...'")
    return templates


def _joins(data: Any, where: str) -> tuple[str, ...]:
    """What stands between the parts of a compound number ("-", " et ", "und")."""
    joins = _strings(data, where)
    if not all(j.strip() for j in joins):
        raise LexiconError(f"{where}: a join is a word or a mark, not a space")
    return joins


_SEASON_CODES = ("SP", "SU", "FA", "WI")
_SEASON_KINDS = ("last", "next", "this", "year")


def _seasons(data: dict, where: str) -> dict[str, Any]:
    """seasons.yaml: names and codes, placed phrases, the words a bare season may follow."""
    names = {k: str(v) for k, v in _mapping(data.get("names") or {}, f"{where} names").items()}
    if set(names.values()) - set(_SEASON_CODES):
        raise LexiconError(f"{where} names: codes are {', '.join(_SEASON_CODES)}")
    phrases = _mapping(data.get("phrases") or {}, f"{where} phrases")
    for template, kind in phrases.items():
        if kind not in _SEASON_KINDS or "{season}" not in template \
                or (kind == "year") != ("{year}" in template):
            raise LexiconError(f"{where} phrases {template!r}: expected '... {{season}} ...': "
                               "last|next|this, or '... {season} ... {year}': year")
    return dict(
        seasons=names or None,
        season_phrases=dict(phrases) or None,
        season_after=_strings(data.get("after", []), f"{where} after"),
        season_in=_strings(data.get("in", []), f"{where} in"),
        season_topic=_strings(data.get("topic_before", []), f"{where} topic_before"),
    )


def _clause_cues(data: dict, where: str) -> ClauseCues | None:
    if not data:
        return None
    words: dict[str, str] = {}
    endings: dict[str, str | None] = {}
    for tense in ("future", "past"):
        cues = _mapping(data.get(tense) or {}, f"{where} {tense}")
        words.update({w.lower(): tense for w in _strings(cues.get("words", []),
                                                           f"{where} {tense} words")})
        endings.update({e: tense for e in _strings(cues.get("endings", []),
                                                   f"{where} {tense} endings")})
    endings.update({e: None for e in _strings(data.get("neither_endings", []),
                                              f"{where} neither_endings")})
    compounds = data.get("compounds") or []
    if not isinstance(compounds, list):
        raise LexiconError(f"{where} compounds: expected a list")
    timetable = _mapping(data.get("timetable") or {}, f"{where} timetable")
    return ClauseCues(
        words, tuple(sorted(endings.items(), key=lambda e: -len(e[0]))),
        frozenset(w.lower() for w in _strings(data.get("not_verbs", []), f"{where} not_verbs")),
        tuple(_compound(c, f"{where} compounds") for c in compounds),
        frozenset(w.lower() for w in _strings(data.get("openers", []), f"{where} openers")),
        frozenset(w.lower() for w in _strings(timetable.get("words", []),
                                              f"{where} timetable words")),
        frozenset(w.lower() for w in _strings(timetable.get("not_after", []),
                                              f"{where} timetable not_after")))


def _compound(data: Any, where: str) -> Compound:
    c = _mapping(data, where)
    if c.get("tense") not in ("past", "future") or not isinstance(c.get("reach"), int) \
            or not isinstance(c.get("then"), str):
        raise LexiconError(f"{where}: expected {{tense: past|future, aux: [...], then: "
                           f"PATTERN, reach: WORDS}}, got {data!r}")
    try:
        then = re.compile(c["then"])
    except re.error as exc:
        raise LexiconError(f"{where} then: not a pattern: {exc}") from None
    return Compound(c["tense"], frozenset(w.lower() for w in _strings(c.get("aux"), f"{where} aux")),
                    then, c["reach"])


def _day_and_part(data: Any, where: str) -> dict[str, tuple[int, str]] | None:
    """One word for a day and its part: "anoche" -> (-1, "NI")."""
    out: dict[str, tuple[int, str]] = {}
    for word, value in _mapping(data, where).items():
        if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], int)
                and isinstance(value[1], str)):
            raise LexiconError(f"{where} {word!r}: expected [day offset, part code]")
        out[word.lower()] = (value[0], value[1])
    return out or None


@dataclass(frozen=True)
class ClockWords:
    """clock.yaml of one language."""

    before: tuple[str, ...]          # left out of the expression: "à", "vers", "a las"
    times: tuple[str, ...]           # read only after a word of ``before``: "{hour} heures"
    alone: tuple[str, ...]           # read anywhere: "{hour} Uhr", "{hour}h{minute}"
    moments: dict[str, int]          # as written: "midi" -> 12, "Mitternacht" -> 24
    parts: dict[str, str]            # lower case: "de la tarde" -> "pm"
    days: tuple[str, ...]            # "{day} à {time}", "{time} am {day}"
    # after a time read after ``before``: what makes it a length or a distance ("à deux
    # heures de route", "à trois heures de Paris"); a word ending in "'" runs into the next
    unless: tuple[str, ...] = ()
    # words after which a bare hour is a clock time once a part of the day before it says
    # which half of the day ("mañana por la mañana a las 9": the article stands for hours)
    bare_hours_after: tuple[str, ...] = ()
    # phrases in which a moment names no time, read as nothing: "zu Mittag" is lunch, the
    # meal ("zu Mittag essen"), where "am Mittag" is noon
    not_times: tuple[str, ...] = ()


@dataclass(frozen=True)
class LengthWords:
    """units.yaml ``lengths``: counted spans read as lengths."""

    before: tuple[str, ...]          # "desde hace": what makes an "ago" phrase a length
    not_lengths: tuple[str, ...]     # "un jour": some day, no length


def read_clock(data: Any, where: str) -> ClockWords | None:
    if not data:
        return None
    data = _mapping(data, where)
    shapes = {}
    for key in ("times", "alone"):
        shapes[key] = _strings(data.get(key, []), f"{where} {key}")
        if not all("{hour}" in t for t in shapes[key]):
            raise LexiconError(f"{where} {key}: expected '... {{hour}} ...'")
    moments = _mapping(data.get("moments") or {}, f"{where} moments")
    if not all(isinstance(h, int) and 0 <= h <= 24 for h in moments.values()):
        raise LexiconError(f"{where} moments: expected word: hour (0 to 24)")
    parts = _mapping(data.get("parts") or {}, f"{where} parts")
    if set(parts.values()) - {"am", "pm"}:
        raise LexiconError(f"{where} parts: expected phrase: am|pm")
    days = _strings(data.get("days", []), f"{where} days")
    if not all("{day}" in t and "{time}" in t for t in days):
        raise LexiconError(f"{where} days: expected '... {{day}} ... {{time}} ...'")
    return ClockWords(_strings(data.get("before", []), f"{where} before"), shapes["times"],
                      shapes["alone"], dict(moments), {k.lower(): v for k, v in parts.items()},
                      days, _strings(data.get("unless", []), f"{where} unless"),
                      _strings(data.get("bare_hours_after", []), f"{where} bare_hours_after"),
                      _strings(data.get("not_times", []), f"{where} not_times"))


def read_lengths(data: Any, where: str) -> LengthWords | None:
    if data is None:
        return None
    data = _mapping(data, where)
    return LengthWords(_strings(data.get("before", []), f"{where} before"),
                       _strings(data.get("not", []), f"{where} not"))
