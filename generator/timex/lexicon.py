"""The words of dates, loaded once from ``generator/data/timex/<lang>/``: one file per kind.

This is the project's one date reader's vocabulary. The tagger's rules, the dateline
reader, the chronology's date labels, the merge step's stop words and stems, and the actor
reader's verbs all read their month names, weekday names and verb forms from here.

English has every kind: ``months``, ``weekdays``, ``seasons``, ``day_parts``, ``holidays``,
``vague``, ``tense``, ``verbs``, ``units``, ``numbers``, ``ordinals``, ``month_parts`` and
``cues`` (the word lists and small patterns resolution consults). Another language needs
only ``months.yaml`` and ``weekdays.yaml`` to be read; its optional ``relative``,
``units``, ``numbers``, ``month_parts``, ``day_parts``, ``vague``, ``years``, ``tense`` and
``seasons`` files feed the small grammar of ``lang.py`` (French, German and Spanish have
them all; read by ``lexicon_small``). A language has the full grammar when it has rules of its own
(``<lang>/rules/``: English). A language without its own folder is read through dateparser's locale data (``lang.py``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from generator.timex import lexicon_small
from generator.timex.lexicon_small import ClauseCues
from generator.timex.lexicon_files import LexiconError
from generator.timex.lexicon_files import mapping as _mapping
from generator.timex.lexicon_files import read as _read
from generator.timex.lexicon_files import relative as _relative
from generator.timex.lexicon_files import strings as _strings

__all__ = ["LexiconError", "Lexicon", "load", "english", "month_names", "weekday_names"]


@dataclass(frozen=True)
class Holiday:
    """A holiday: the names it goes by and how its day falls (see holidays.yaml)."""

    names: tuple[str, ...]
    fixed: tuple[int, int] | None = None          # (month, day)
    weekday: tuple[int, int, int] | None = None   # (month, weekday 0-6, nth; -1 = last)
    plus_days: int = 0
    easter: int | None = None                     # days after Easter Sunday
    easter_week: bool = False


@dataclass(frozen=True)
class Verb:
    """An English verb the suffix rules cannot inflect: base form, past tenses, participles."""

    base: str
    past: tuple[str, ...]
    participles: tuple[str, ...]


@dataclass(frozen=True)
class TenseCues:
    future: frozenset[str]
    modal_future: frozenset[str]      # a future unless "have" follows ("must have left")
    past: frozenset[str]              # past markers that are not verbs from verbs.yaml
    before_to: frozenset[str]
    schedule_present: frozenset[str]
    passive_aux: frozenset[str]
    determiners: frozenset[str]
    not_before_schedule: frozenset[str]
    as_planned: frozenset[str]
    not_past_ed: frozenset[str]
    base_form_before: frozenset[str]  # "will shut", "to cut": a base form, not a past
    set_for: frozenset[str]           # "is set for Thursday": a plan
    due: frozenset[str]               # "is due in court Thursday": a plan
    schedule_heading: frozenset[str]  # "voters head to the polls Sunday": a timetable...
    headings: frozenset[str]          # ... when one of these follows
    due_after_noun: frozenset[str]    # "sales, due on Friday": a plan after a noun too
    due_was: frozenset[str]           # "was due": a plan whose time may have passed
    clause_openers: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    """All the date words of one language (English: every field; others: names only)."""

    lang: str
    months: tuple[str, ...]                      # full names, January first
    month_abbreviations: dict[str, int]          # as written: "Sept" -> 9
    weekdays: tuple[str, ...]                    # full names, Monday first
    weekday_abbreviations: dict[str, int]        # lower case: "tues" -> 1
    seasons: dict[str, str] | None = None        # "autumn" -> "FA"
    day_parts: dict[str, str] | None = None      # "morning" -> "MO"
    moments: dict[str, tuple[int | None, str | None]] | None = None  # "noon" -> (12, None)
    holidays: tuple[Holiday, ...] = ()
    vague: dict[str, str] | None = None          # "recently" -> "PAST_REF"
    tense: TenseCues | None = None
    verbs: tuple[Verb, ...] = ()
    units: dict[str, tuple[str, ...]] | None = None   # "hour" -> ("hour", "hours", "hr", "hrs")
    every: dict[str, str] | None = None          # "week" -> "P1W"
    adverbs: dict[str, str] | None = None        # "daily" -> "P1D"
    numbers: dict[str, float] | None = None      # "forty" -> 40
    vague_amounts: frozenset[str] = frozenset()
    decades: dict[str, int] | None = None        # "nineties" -> 90
    counted: tuple[str, ...] = ()
    ordinals: dict[str, int] | None = None
    quarter_ordinals: dict[str, int] | None = None
    cue_words: dict[str, frozenset[str]] | None = None
    cue_patterns: dict[str, re.Pattern[str]] | None = None
    calendar_neighbours: dict[str, str] | None = None
    relative: dict[str, tuple[int, str]] | None = None  # other languages: "dün" -> (-1, "day")
    month_parts: dict[str, tuple[int, int]] | None = None  # "early" -> days (1, 10)
    # the small grammar of another language (lang.py), from its optional files
    part_joins: tuple[str, ...] = ()             # month_parts.yaml: "mi-mars", "fin mars"
    part_periods: dict[str, tuple[int, str]] | None = None  # month_parts.yaml: "fin de l'année"
    counted_ago: tuple[str, ...] = ()            # units.yaml: "il y a {amount} {unit}"
    counted_ahead: tuple[str, ...] = ()          # units.yaml: "dans {amount} {unit}"
    number_joins: tuple[str, ...] = ()           # numbers.yaml: "vingt-trois", "dreiundzwanzig"
    hundreds: dict[str, int] | None = None       # numbers.yaml: "cent" -> 100, "doscientos" -> 200
    hundreds_joins: tuple[str, ...] = ()         # numbers.yaml: "deux cents", "zweihundert"
    approximately: tuple[str, ...] = ()          # numbers.yaml: "plus de", "etwa": before an amount
    vague_numbers: tuple[str, ...] = ()          # numbers.yaml: "quelques", "wenigen": no amount
    weekday_relative: dict[str, str] | None = None  # weekdays.yaml: "{weekday} dernier" -> last
    weekday_every: tuple[str, ...] = ()          # weekdays.yaml: "tous les {weekday}s", a SET
    night_before: tuple[str, ...] = ()           # weekdays.yaml: "Nacht zum {weekday}", the day before
    before_date: tuple[str, ...] = ()            # weekdays.yaml: "Montag, den 21. Juli": one date
    this_part: tuple[str, ...] = ()              # day_parts.yaml: "ce matin", "cette nuit"
    weekday_part_joins: tuple[str, ...] = (" ",)  # day_parts.yaml: "mardi soir", "Dienstagabend"
    not_days: tuple[str, ...] = ()               # day_parts.yaml: "am Morgen" is no tomorrow
    day_and_part: dict[str, tuple[int, str]] | None = None  # day_parts.yaml: "anoche" -> (-1, NI)
    year_after: tuple[str, ...] = ()             # years.yaml: "en 1998", "depuis 2011"
    decades: tuple[str, ...] = ()                # years.yaml: "les années {decade}", a decade
    centuries: tuple[str, ...] = ()              # years.yaml: "{century}e siècle", a century
    split_year_periods: tuple[str, ...] = ()     # years.yaml: "saison" in "saison 2024-25"
    split_year_events: tuple[str, ...] = ()      # years.yaml: "campagne": left out of it
    month_after: tuple[str, ...] = ()            # months.yaml: "en mars", "depuis janvier"
    month_relative: dict[str, str] | None = None  # months.yaml: "{month} dernier" -> last
    range_links: tuple[str, ...] = ()            # months.yaml: "du 3 mars [au] 9 mai 2019"
    clause_tense: ClauseCues | None = None       # tense.yaml: "a déclaré", "se réunira"
    season_phrases: dict[str, str] | None = None  # seasons.yaml: "l'{season} dernier" -> last
    season_after: tuple[str, ...] = ()           # seasons.yaml: "d'ici l'[été]", this year's
    season_in: tuple[str, ...] = ()              # seasons.yaml: "en [été]", only with a tense
    season_topic: tuple[str, ...] = ()           # seasons.yaml: "au printemps de la vie"
    clock: Any = None                            # clock.yaml: lexicon_small.ClockWords
    lengths: Any = None                          # units.yaml lengths: lexicon_small.LengthWords

    # --- derived tables ------------------------------------------------------------------
    @functools.cached_property
    def month_numbers(self) -> dict[str, int]:
        """Lower-case name or abbreviation -> 1-12 (full names first)."""
        table = {name.lower(): i + 1 for i, name in enumerate(self.months)}
        for name, number in self.month_abbreviations.items():
            table.setdefault(name.lower(), number)
        return table

    @functools.cached_property
    def weekday_numbers(self) -> dict[str, int]:
        """Lower-case full weekday name -> 0 (Monday) to 6."""
        return {name.lower(): i for i, name in enumerate(self.weekdays)}

    @functools.cached_property
    def unit_of(self) -> dict[str, str]:
        """Any lower-case spelling of a unit -> the unit's name ("hrs" -> "hour")."""
        return {form: unit for unit, forms in (self.units or {}).items() for form in forms}

    @functools.cached_property
    def past_tenses(self) -> frozenset[str]:
        """Words that are a past tense whatever follows: irregular pasts and the past cues."""
        forms = {p for verb in self.verbs for p in verb.past}
        return frozenset(forms | (self.tense.past if self.tense else frozenset()))

    @functools.cached_property
    def verb_bases(self) -> dict[str, str]:
        """Past tense or participle -> base form ("fought" -> "fight"); forms that are also a
        base form of their own ("lay", "come") are left out."""
        bases = {verb.base for verb in self.verbs}
        table: dict[str, str] = {}
        for verb in self.verbs:
            for form in verb.past + verb.participles:
                if form not in bases:
                    table.setdefault(form, verb.base)
        return table

    def words(self, name: str) -> frozenset[str]:
        """A named word list of cues.yaml."""
        try:
            return (self.cue_words or {})[name]
        except KeyError:
            raise LexiconError(f"{self.lang}/cues.yaml: no word list {name!r}") from None

    def pattern(self, name: str) -> re.Pattern[str]:
        """A named pattern of cues.yaml."""
        try:
            return (self.cue_patterns or {})[name]
        except KeyError:
            raise LexiconError(f"{self.lang}/cues.yaml: no pattern {name!r}") from None

    def reporting_forms(self) -> frozenset[str]:
        """The verbs of saying as news writes them: past tenses, and "says" (cues.yaml)."""
        past = {form for verb in self.words("reporting_verbs") for form in self.inflect(verb)[1:]}
        return frozenset(past | self.words("reporting_present"))

    def month_name(self, number: int) -> str:
        return self.months[number - 1]

    def inflect(self, base: str) -> tuple[str, ...]:
        """A verb's third person and past tense(s) ("say" -> says, said; "deny" -> denies,
        denied)."""
        irregular = next((v for v in self.verbs if v.base == base), None)
        third = _third_person(base)
        if irregular is not None:
            return (third, *irregular.past)
        return third, _regular_past(base)


def _third_person(base: str) -> str:
    if base == "be":
        return "is"
    if base == "have":
        return "has"
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


def _regular_past(base: str) -> str:
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ied"
    return base + "ed"


# --- loading -----------------------------------------------------------------------------

def data_root() -> Path:
    """The folder holding one sub-folder of lexicon files per language."""
    return Path(str(resources.files("generator").joinpath("data/timex")))


def _names(root: Path, lang: str, kind: str) -> tuple[tuple[str, ...], dict[str, int]]:
    data = _mapping(_read(root, lang, kind), f"{lang}/{kind}.yaml")
    where = f"{lang}/{kind}.yaml"
    names = _strings(data.get("names"), f"{where} names")
    abbreviations = _mapping(data.get("abbreviations") or {}, f"{where} abbreviations")
    return names, {k: int(v) for k, v in abbreviations.items()}


@functools.lru_cache(maxsize=32)
def load(lang: str = "en", root: Path | None = None) -> Lexicon | None:
    """The lexicon of ``lang`` (None when it has no folder); English's has every kind."""
    root = root or data_root()
    if not (root / lang / "months.yaml").is_file():
        return None
    months, month_abbr = _names(root, lang, "months")
    weekdays, weekday_abbr = _names(root, lang, "weekdays")
    weekday_abbr = {k.lower(): v for k, v in weekday_abbr.items()}
    relative = _read(root, lang, "relative", required=False)
    parts = _read(root, lang, "month_parts", required=False)
    base = dict(lang=lang, months=months, month_abbreviations=month_abbr, weekdays=weekdays,
                weekday_abbreviations=weekday_abbr,
                relative=_relative(relative, f"{lang}/relative.yaml") if relative else None,
                month_parts=_month_parts(parts, f"{lang}/month_parts.yaml") if parts else None)
    if not (root / lang / "rules").is_dir():
        # no rules of its own: the small grammar of lang.py reads its optional files
        return Lexicon(**base, **lexicon_small.small_grammar(root, lang, parts))
    return Lexicon(**base, **_full(root, lang))


def _month_parts(data: Any, where: str) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for part, days in _mapping(_mapping(data, where).get("parts"), f"{where} parts").items():
        if not (isinstance(days, list) and len(days) == 2 and all(isinstance(d, int) for d in days)
                and 1 <= days[0] <= days[1] <= 31):
            raise LexiconError(f"{where} {part!r}: expected [first day, last day]")
        out[part.lower()] = (days[0], days[1])
    return out


def _full(root: Path, lang: str) -> dict[str, Any]:
    """Every kind beyond the names (the languages with a full grammar: English)."""
    def read(kind: str) -> dict:
        return _mapping(_read(root, lang, kind), f"{lang}/{kind}.yaml")

    weekdays = {name.lower(): i for i, name in
                enumerate(_names(root, lang, "weekdays")[0])}
    day_parts = read("day_parts")
    tense = read("tense")
    units = read("units")
    numbers = read("numbers")
    ordinals = read("ordinals")
    cues = read("cues")
    vague = read("vague")
    patterns = _mapping(cues.pop("patterns", {}), f"{lang}/cues.yaml patterns")
    neighbours = _mapping(cues.pop("calendar_neighbours", {}), f"{lang}/cues.yaml")
    return dict(
        seasons={k: str(v) for k, v in read("seasons").items()},
        day_parts={k: str(v) for k, v in _mapping(day_parts["parts"], "day_parts").items()},
        moments={k: (v.get("hour"), v.get("part")) for k, v in day_parts["moments"].items()},
        holidays=tuple(_holiday(h, weekdays, f"{lang}/holidays.yaml")
                       for h in _read(root, lang, "holidays")),
        vague={word: ref for ref, words in vague.items()
               for word in _strings(words, f"{lang}/vague.yaml {ref}")},
        tense=TenseCues(**{key: (tuple(_strings(tense[key], key)) if key == "clause_openers"
                                 else frozenset(_strings(tense[key], key)))
                           for key in TenseCues.__dataclass_fields__}),
        verbs=tuple(_verb(base, forms, f"{lang}/verbs.yaml")
                    for base, forms in read("verbs").items()),
        units={unit: _strings(forms, f"{lang}/units.yaml {unit}")
               for unit, forms in units["units"].items()},
        every=dict(units["every"]), adverbs=dict(units["adverbs"]),
        numbers={k: float(v) if isinstance(v, float) else v for k, v in numbers["words"].items()},
        vague_amounts=frozenset(_strings(numbers["vague"], "numbers vague")),
        decades=dict(numbers["decades"]), counted=_strings(numbers["counted"], "counted"),
        ordinals=dict(ordinals["words"]), quarter_ordinals=dict(ordinals["quarters"]),
        cue_words={name: frozenset(_strings(words, f"{lang}/cues.yaml {name}"))
                   for name, words in cues.items()},
        cue_patterns={name: re.compile(p) for name, p in patterns.items()},
        calendar_neighbours={k: str(v) for k, v in neighbours.items()},
    )


def _holiday(entry: Any, weekdays: dict[str, int], where: str) -> Holiday:
    entry = _mapping(entry, where)
    names = _strings(entry.get("names"), f"{where} names")
    if "fixed" in entry:
        return Holiday(names, fixed=(int(entry["fixed"]["month"]), int(entry["fixed"]["day"])))
    if "weekday" in entry:
        w = entry["weekday"]
        return Holiday(names, weekday=(int(w["month"]), weekdays[w["weekday"].lower()],
                                       int(w["nth"])), plus_days=int(entry.get("plus_days", 0)))
    if "easter" in entry:
        return Holiday(names, easter=int(entry["easter"]))
    if entry.get("easter_week"):
        return Holiday(names, easter_week=True)
    raise LexiconError(f"{where} {names[0]!r}: say how its day falls (fixed, weekday, easter)")


def _verb(base: str, forms: Any, where: str) -> Verb:
    if isinstance(forms, str):
        return Verb(base, (forms,), (forms,))
    if isinstance(forms, list) and len(forms) == 2:
        return Verb(base, (forms[0],), (forms[1],))
    if isinstance(forms, dict) and "past" in forms:
        past = _strings(forms["past"], f"{where} {base}")
        return Verb(base, past, _strings(forms.get("participle", list(past)), f"{where} {base}"))
    raise LexiconError(f"{where} {base!r}: expected a past tense, [past, participle] or "
                       "{past: ..., participle: ...}")


def english() -> Lexicon:
    """The English lexicon (always present)."""
    lexicon = load("en")
    assert lexicon is not None
    return lexicon


# --- names across languages (the dateline reader and other languages) --------------------

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
    own = load(_base_language(lang))
    if own is not None:
        return dict(own.month_numbers)
    other = _other_grammar(lang)
    return {name: index + 1 for name, index in other.months.items()} if other else {}


def _weekday_table(lang: str) -> dict[str, int]:
    own = load(_base_language(lang))
    if own is not None:
        return {**own.weekday_numbers, **own.weekday_abbreviations}
    other = _other_grammar(lang)
    return dict(other.weekdays) if other else {}


def _base_language(lang: str) -> str:
    return (lang or "en").lower().replace("_", "-").split("-")[0]


def _other_grammar(lang: str):
    from generator.timex import lang as other_languages  # lazy: imports dateparser's data

    return other_languages.grammar_for(lang)
