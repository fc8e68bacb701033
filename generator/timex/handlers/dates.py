"""Calendar dates: a day or a month, with or without a year (rules/dates.yaml).

A month-day without a year takes the year of a date of another year just before it in its
sentence ("arrested on March 12, 2019, and charged on March 14": Context.year_frame), else
the year its clause's tense implies, else the nearest;
"the Oct. 23 killing" (a month used as an adjective) names something already done, "the
March elections" something still to come.
"""

from __future__ import annotations

import re
from datetime import date

from generator.model import TimeValue
from generator.timex import values as V
from generator.timex.calendar import pick_day, pick_year_for_month, two_digit_year
from generator.timex.context import Context
from generator.timex.date_ranges import days_of_one_year, year_from_range_end
from generator.timex.handlers.common import (LEX, Piece, Pieces, day_number, day_piece,
                                             month_of, norm, one, prev_word, span)
from generator.timex.numbers import year_from_words
from generator.timex.scan import Candidate

_PLANNED_NOUNS = LEX.words("planned_nouns")
_ORDINALS = LEX.ordinals or {}
MONTH_NUMBER = LEX.month_numbers
_NOT_EVENT_NOUNS = LEX.words("not_event_nouns")
_ATTRIBUTIVE_DETERMINERS = LEX.words("attributive_determiners")
_SPAN_END = LEX.words("span_end_prepositions")
_PLAN_BEFORE_ON = LEX.words("plan_verbs_before_on")
_PLACE_MOTION = LEX.words("place_motion_verbs")
# words that make what "to" leads a time ("moved the talks to next December"), not a place
_TIME_WORDS = frozenset(w.lower() for w in (*LEX.months, *LEX.weekdays, *(LEX.seasons or {}),
                                            *(LEX.day_parts or {}),
                                            *(s for spellings in (LEX.units or {}).values()
                                              for s in spellings)))
# a past form that is not also a base form: "cut", "put", "hit" may be nouns or presents
_PAST_FORMS = LEX.past_tenses - {verb.base for verb in LEX.verbs}
_NOT_PAST_ED = LEX.tense.not_past_ed if LEX.tense else frozenset()
_NOT_PAST_AUX = LEX.words("participle_before")
# "was signed on", "died on", "took office in": the verb, a short object, the preposition,
# then the date ("on the night of 14 October": a part of the day is looked through)
_PREP_BEFORE = re.compile(r"\s(on|in|until|till|by|through)\s+(?:the\s+(?:early\s+hours|night|morning|evening|"
                          r"afternoon)\s+of\s+)?$", re.I)
_WORDS_BACK = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_OBJECT_BREAKERS = LEX.words("object_breakers")
# a past verb of saying right before "in"/"on" and the date dates the saying itself
_SAID = frozenset(w for w in LEX.reporting_forms() if w != "says") - LEX.words("plan_verbs_before_on")
_PERIOD_TO = LEX.pattern("period_to")
_FUTURE_AUX = LEX.words("future_auxiliaries")
_DETERMINERS = LEX.tense.determiners if LEX.tense else frozenset()
_OBJECT_OPENERS = _DETERMINERS | LEX.words("object_pronouns")
OBJECT_WORDS = 3  # "took [office] in", "won [the general election] in"
_NOUN_AFTER = re.compile(r"(['’]s\s+|\s+)([a-z][a-z-]+)")
_FIRST_WORD_AFTER = re.compile(r"\s+([a-z-]+)")
# the days of a month its parts cover ("early" the first ten...: month_parts.yaml)
_MONTH_PARTS = LEX.month_parts or {}
_BACK_REL = ("last", "this past", "past", "previous")
_AHEAD_REL = ("next", "this coming", "coming")
_CHAINED_REL = ("that", "the following", "the next", "the previous", "the preceding")


def iso_date(c: Candidate, ctx: Context) -> Pieces:
    g = c.groups
    try:
        d = date(int(g["y"]), int(g["m"] or g["m2"]),  # type: ignore[arg-type]
                 int(g["d"] or g["d2"]))  # type: ignore[arg-type]
    except ValueError:
        return None
    if g["h"]:
        return one(c, V.time_of_day(d, int(g["h"]), int(g["mi"]), "iso_datetime"))  # type: ignore[arg-type]
    return one(c, V.day(d, "iso_date"))


def numeric_date(c: Candidate, ctx: Context) -> Pieces:
    g = c.groups
    a, b, y = int(g["a"]), int(g["b"]), int(g["y"])  # type: ignore[arg-type]
    if len(g["y"] or "") == 2:
        y += 2000 if y < 50 else 1900
    day_first = ctx.day_first or g["sep"] == "." or a > 12
    d, m = (a, b) if day_first else (b, a)
    if m > 12:
        return None
    return day_piece(c, y, m, d, "numeric_date")


def full_date(c: Candidate, ctx: Context) -> Pieces:
    """ "March 3, 2021", "3 March 2021"; a range of days before the year ("March 3-5, 2021",
    "3-5 March 2021") is two dates, both of that year, as "June 6-8" is two of one year."""
    g = c.groups
    y, m, d = int(g["y"]), month_of(g), day_number(g["d"])  # type: ignore[arg-type]
    last = "d2" if g.get("d2") else "d0" if g.get("d0") else None
    if last is None:
        return day_piece(c, y, m, d, c.rule)
    return days_of_one_year(c, y, m, d, last)


def month_day_piece(ctx: Context, c: Candidate, m: int, d: int, start: int, end: int,
                    tense: str | None) -> Piece | None:
    """Day ``d`` of month ``m`` written without a year at ``start``..``end``: the year of a
    date just before it, else of its clause (also the day of a clock time's date)."""
    ranged = year_from_range_end(ctx.text, end, m, d)
    if ranged is not None:  # "from March 3 to May 9, 2019": the year given once for both
        try:
            return (start, end, V.day(date(ranged, m, d), c.rule))
        except ValueError:
            return None
    if ctx.dct is None:
        if not 1 <= d <= 31:
            return None
        return (start, end, V.unresolved(f"XXXX-{m:02d}-{d:02d}", "day", c.rule))
    framed = ctx.year_frame(start, m, d) if tense != "future" else None
    if framed is not None:
        try:
            day: date | None = date(framed, m, d)
        except ValueError:
            return None
    elif prev_word(ctx, c.start) in ("ended", "since") or _period_closed(ctx, start, tense):
        # "the fiscal year ended Jan. 31": a period already closed, however long ago; "missing
        # since Dec. 28": a span opened on the latest such day
        day = pick_day(ctx.dct, m, d, "past", tie_days=366)
    else:
        day = pick_day(ctx.dct, m, d, tense)
        if day is not None and tense == "past" and (day - ctx.dct).days > 1 \
                and _done_on(ctx, start):
            # "the treaty was signed on December 20" in a December 5 article: a thing done
            # cannot be dated ahead of its report, so it is last year's (the timezone's day
            # of slack aside)
            day = pick_day(ctx.dct, m, d, "past", tie_days=366)
        elif day is not None and tense == "future" and (ctx.dct - day).days > 1 \
                and _to_be_done(ctx, start):
            day = pick_day(ctx.dct, m, d, "future", tie_days=366)  # "will close on December 28"
    return None if day is None else (start, end, V.day(day, c.rule))


def _done_on(ctx: Context, start: int, preposition: str = "on") -> bool:
    """ "signed on", "died on", "took office in", "won the election in": a past verb, at most
    a short object, then "on"/"in" and the date; not a verb that sets a time ("scheduled
    on"). The object holds no verb, "to" or conjunction (object_breakers): "subpoenaed him to
    testify on Feb. 10" and "said it is calling for the redemption on Dec. 7" name days still
    to come."""
    words = _words_before_preposition(ctx, start, (preposition,))
    if words is None:
        return False
    if words and words[-1].lower() in _SAID:
        return True  # "the company said in November that ...": the saying's own date
    words, moved_to_place = _without_place_to(words)
    for i in range(len(words) - 1, max(-1, len(words) - 2 - OBJECT_WORDS), -1):
        verb = words[i].lower()
        before = words[i - 1].lower() if i else ""
        if verb in _PLANNED_NOUNS and moved_to_place:
            continue  # "moved the summit to Geneva in February": the summit is what moved
        if verb in _OBJECT_BREAKERS or verb in _PLANNED_NOUNS:
            return False  # "confirmed the summit in February": the date is the summit's
        if before in _DETERMINERS or not _past_form(verb):
            continue  # part of the object ("the revised plan", "office")
        after = words[i + 1].lower() if i + 1 < len(words) else ""
        if after and verb not in _PAST_FORMS and after not in _OBJECT_OPENERS:
            continue  # "preferred shares", "armed men": a regular -ed word before a noun
        if moved_to_place and verb in _PLACE_MOTION:
            return True  # "moved the talks to Geneva in December": the moving's own date
        if verb in _PLAN_BEFORE_ON or before in _NOT_PAST_AUX:
            return False  # "the case is heard in May", "to be published in November"
        return True
    return False


def _without_place_to(words: list[str]) -> tuple[list[str], bool]:
    """The words without a closing "to PLACE" ("moved the talks to Geneva", "from Texas to
    Ohio"), and whether they had one: a "to" that leads a place is a preposition, no
    infinitive that would end the search for the verb, and a verb of motion before it moves
    a thing in space, not in time (so its date is a thing done, not a time it set)."""
    shorter = _without_from_to(words)
    if shorter is not words:
        # "from Texas to Ohio" moves a thing in space; "from a fiscal to a calendar year",
        # "from March to May" in time
        return shorter, not any(w.lower() in _TIME_WORDS for w in words[len(shorter):])
    low = [w.lower() for w in words]
    if "to" not in low:
        return words, False
    j = len(low) - 1 - low[::-1].index("to")
    place = low[j + 1:]
    if not place or len(place) > OBJECT_WORDS or not (words[j + 1][0].isupper()
                                                      or place[0] in _OBJECT_OPENERS):
        return words, False  # "agreed to meet": an infinitive
    if any(w in _OBJECT_BREAKERS or w in _TIME_WORDS for w in place):
        return words, False  # "moved the talks to December": a time it set
    for k in range(j - 1, max(-1, j - 2 - OBJECT_WORDS), -1):
        if low[k] in _PLACE_MOTION:
            return words[:j], True
        if low[k] in _OBJECT_BREAKERS:
            break
    return words, False


def _without_from_to(words: list[str]) -> list[str]:
    """The words without a closing "from X to Y" ("moved its offices from Texas to Ohio in
    May", "switched from a fiscal to a calendar year in December"): a complement of the
    verb, whose "to" is a preposition, no infinitive that would end the search."""
    low = [w.lower() for w in words]
    if "to" not in low or "from" not in low:
        return words
    j = len(low) - 1 - low[::-1].index("from")
    rest = low[j + 1:]
    if "to" not in rest or len(rest) > 2 * OBJECT_WORDS + 1 \
            or any(w in _OBJECT_BREAKERS for w in rest if w != "to"):
        return words
    k = j + 1 + rest.index("to") + 1  # what "to" leads: a noun phrase, not a verb
    if k < len(words) and low[k] not in _OBJECT_OPENERS and not words[k][0].isupper():
        return words  # "subpoenaed from jail to testify in December": an infinitive
    return words[:j]


def _words_before_preposition(ctx: Context, start: int, prepositions: tuple[str, ...]) -> list[str] | None:
    """The words of the clause before the date's preposition (one of ``prepositions``,
    right before ``start``), back to the last punctuation; None without that preposition."""
    lo = max(0, start - 80)
    prep = _PREP_BEFORE.search(ctx.text, lo, start)
    if prep is None or prep.group(1).lower() not in prepositions:
        return None
    clause = ctx.text[lo:prep.start() + 1]
    for stop in ",;:()\"“”.":
        clause = clause.rpartition(stop)[2]
    return _WORDS_BACK.findall(clause)


def _to_be_done(ctx: Context, start: int, prepositions: tuple[str, ...] = ("on",)) -> bool:
    """ "will close in December", "will be held on December 28", "will take until
    December": a future auxiliary, its verb and at most a short object right before the
    preposition (one of ``prepositions``) and the date; a thing still to do cannot be dated
    before its report. Only so close: "figures for December will show" name a month gone
    by."""
    found = _words_before_preposition(ctx, start, prepositions)
    if found is None:
        return False
    words = [w.lower() for w in found]
    for i in range(len(words) - 1, max(-1, len(words) - 4 - OBJECT_WORDS), -1):
        if words[i] in _FUTURE_AUX:
            return i < len(words) - 1
        if words[i] in _OBJECT_BREAKERS and words[i] not in ("be", "not"):
            return False
    return False


def _period_closed(ctx: Context, start: int, tense: str | None) -> bool:
    """ "rose in the week to 23 November", "the year to March" in a past clause: a reporting
    period told as closed ends on the latest such date, however far back ("the year ended"
    always has)."""
    return tense == "past" and _PERIOD_TO.search(ctx.text, max(0, start - 30), start) is not None


def _past_form(word: str) -> bool:
    return word in _PAST_FORMS or (word.endswith("ed") and len(word) >= 4
                                   and word not in _NOT_PAST_ED)


def month_day(c: Candidate, ctx: Context) -> Pieces:
    """ "July 13", "July 13-15", "the Oct. 23 slaying"."""
    g = c.groups
    m, d = month_of(g), day_number(g["d"])
    tense = ctx.tense(c.start, c.end, timetable=True) if ctx.dct else None
    if g["d2"]:
        first = month_day_piece(ctx, c, m, d, c.start, span(c, "d")[1], tense)
        s2, e2 = span(c, "d2")
        d2 = day_number(g["d2"])
        if first is None or d2 <= d:
            return None
        second = month_day_piece(ctx, c, m, d2, s2, e2, tense)
        if second is None:
            return None
        if first[2].start and second[2].start and second[2].start < first[2].start:
            second = (s2, e2, V.day(date(first[2].start.year, m, d2), c.rule))
        return [first, second]
    if ctx.dct is not None and _attributive_month(c, ctx) and not _planned_noun_after(c, ctx):
        # "the Oct. 23 slaying" names a past event ("the Jan. 14 deadline" goes by tense)
        day = pick_day(ctx.dct, m, d, "past", tie_days=366)
        return None if day is None else [(c.start, c.end, V.day(day, c.rule))]
    piece = month_day_piece(ctx, c, m, d, c.start, c.end, tense)
    return None if piece is None else [piece]


def month_day_words(c: Candidate, ctx: Context) -> Pieces:
    """ "March eighth", "the twenty-first of June", "June first, 1998"."""
    g = c.groups
    m = MONTH_NUMBER[(g["mon"] or g["mon2"] or "").lower()]
    d = _ORDINALS[norm(g["dw"] or g["dw2"]).replace(" ", "-")]
    if g["y"]:
        return day_piece(c, int(g["y"]), m, d, c.rule)
    piece = month_day_piece(ctx, c, m, d, c.start, c.end,
                       ctx.tense(c.start, c.end) if ctx.dct else None)
    return None if piece is None else [piece]


def day_month(c: Candidate, ctx: Context) -> Pieces:
    """ "13 July", "13-15 July"."""
    g = c.groups
    m, d = month_of(g), day_number(g["d"])
    tense = ctx.tense(c.start, c.end, timetable=True) if ctx.dct else None
    if g["d0"]:
        d2 = day_number(g["d0"])
        if d2 <= d:
            return None
        first = month_day_piece(ctx, c, m, d, c.start, span(c, "d")[1], tense)
        second = month_day_piece(ctx, c, m, d2, span(c, "d0")[0], c.end, tense)
        if first is None or second is None:
            return None
        return [first, second]
    piece = month_day_piece(ctx, c, m, d, c.start, c.end, tense)
    return None if piece is None else [piece]


def month_year(c: Candidate, ctx: Context) -> Pieces:
    """ "March 2011"; "March '25" of the century a short year names (calendar.two_digit_year)."""
    g = c.groups
    y = int(g["y"]) if g["y"] else two_digit_year(int(g["yy"] or 0), ctx.dct)
    return one(c, V.month(y, month_of(g), "month_year"))


def day_relyear(c: Candidate, ctx: Context) -> Pieces:
    """ "1 April last year", "March 12 this year", "June 5 of that year"."""
    g = c.groups
    m = month_of(g, "mon" if g["mon"] else "mon1")
    d = day_number(g["d"] or g["d1"])
    y = _relative_year(c, ctx)
    if y is None:
        return one(c, V.unresolved(f"XXXX-{m:02d}-{d:02d}", "day", "day_relyear"))
    return day_piece(c, y, m, d, "day_relyear")


def _relative_year(c: Candidate, ctx: Context) -> int | None:
    """The year "last year", "that year", "the following year" name from here."""
    rel = norm(c.groups["rel"])
    step = {"this": 0, "last": -1, "next": 1, "the previous": -1, "the following": 1}.get(rel, 0)
    if rel in ("that", "the same", "the previous", "the following"):
        ref = ctx.ref(c.start)
        base = ref.start.year if ref is not None and ref.start else None
    else:
        base = ctx.dct.year if ctx.dct else None
    return None if base is None else base + step


def month_relyear(c: Candidate, ctx: Context) -> Pieces:
    """ "June last year", "March of the same year"."""
    y = _relative_year(c, ctx)
    if y is None:
        return one(c, V.unresolved(f"XXXX-{month_of(c.groups):02d}", "month", "month_relyear"))
    return one(c, V.month(y, month_of(c.groups), "month_relyear"))


def month_wordyear(c: Candidate, ctx: Context) -> Pieces:
    y = year_from_words(c.groups["yw"] or "")
    return None if y is None else one(c, V.month(y, month_of(c.groups), "month_wordyear"))


def month(c: Candidate, ctx: Context) -> Pieces:
    """A month on its own: by its modifier, the date last mentioned, or tense and nearness."""
    g = c.groups
    m = month_of(g)
    rel = norm(g["rel"])
    ranged = None if rel else year_from_range_end(ctx.text, c.end, m)
    if ranged is not None:  # "between March and June 2018": the year given once for both
        return one(c, V.month(ranged, m, c.rule))
    if ctx.dct is None:
        ref = ctx.ref(c.start)
        if rel in _CHAINED_REL and ref:
            return one(c, _month_from_ref(ref, m, rel, c.rule))
        return one(c, V.unresolved(f"XXXX-{m:02d}", "month", c.rule))
    dct = ctx.dct
    if rel in _BACK_REL:
        y = dct.year if m < dct.month else dct.year - 1
        if rel == "last" and m == dct.month - 1:
            y -= 1  # said in March, "last February" is a year back: the one just ended is "February"
    elif rel in _AHEAD_REL:
        y = dct.year if m > dct.month else dct.year + 1
    elif rel == "this":
        y = dct.year
    elif rel in _CHAINED_REL:
        ref = ctx.ref(c.start)
        if ref is None:
            y = pick_year_for_month(dct, m, ctx.tense(c.start, c.end))
        else:
            return one(c, _month_from_ref(ref, m, rel, c.rule))
    elif _attributive_month(c, ctx):
        # "the March agreement" names a past event; "the March elections" a coming one
        # unless the clause is past
        if _planned_event_ahead(c, ctx):
            y = dct.year if m >= dct.month else dct.year + 1
        elif _planned_noun_after(c, ctx):
            # "came a week before the August recess": a past clause leans back only as far
            # as a near tie; next month's recess is still next month's
            y = pick_year_for_month(dct, m, "past")
        else:
            y = dct.year if m <= dct.month else dct.year - 1
    else:
        tense = _month_tense(c, ctx)
        framed = ctx.year_frame(c.start, m) if tense != "future" else None
        if framed is not None:
            y = framed
        elif prev_word(ctx, c.start) == "since" or _period_closed(ctx, c.start, tense):
            # "has doubled since January": a span opened in the latest such month
            y = dct.year if m <= dct.month else dct.year - 1
        else:
            y = pick_year_for_month(dct, m, tense)
            if tense == "past" and (y, m) > (dct.year, dct.month) and _done_on(ctx, c.start, "in"):
                y -= 1  # "was elected in January" in a December article: a thing done, last January
            elif tense == "future" and (y, m) < (dct.year, dct.month) \
                    and _to_be_done(ctx, c.start, ("in", "until", "till", "by", "through")):
                y += 1  # "the store will close in December" in a January article: next December
            y += _part_beyond(dct, y, m, norm(g["mod"]).strip(" -"), tense)
    return one(c, V.month(y, m, c.rule))


def _part_beyond(dct: date, y: int, m: int, mod: str, tense: str | None) -> int:
    """ "met in late January" in a January 10 article: that part of the dateline's month is
    still to come, so a past clause means last year's (-1); "will meet in early July" on July
    25, next year's (+1)."""
    if (y, m) != (dct.year, dct.month) or not mod:
        return 0
    first, last = _MONTH_PARTS.get(mod.removeprefix("the ").removesuffix(" of"), (1, 31))
    if tense == "past" and dct.day < first:
        return -1
    if tense == "future" and dct.day > last:
        return 1
    return 0


def _month_tense(c: Candidate, ctx: Context) -> str | None:
    """The clause tense, except for the end of a span ("loans extended through January"):
    the verb dates the extending, not the month the span runs to; with no past or future
    ("the border stays shut until March") the span runs ahead."""
    tense = ctx.tense(c.start, c.end)
    if prev_word(ctx, c.start) in _SPAN_END:
        # ... but a present or future clause runs up to a month still to come ("stays shut
        # until March", "will take until December")
        return "future" if tense in (None, "future") else None
    return tense


def _attributive_month(c: Candidate, ctx: Context) -> bool:
    """ "the March agreement", "last March's accord": a month naming an event by its date."""
    after = _NOUN_AFTER.match(ctx.text[c.end:c.end + 30])
    if after is None or after.group(2) in _NOT_EVENT_NOUNS:
        return False
    return after.group(1) != " " or prev_word(ctx, c.start) in _ATTRIBUTIVE_DETERMINERS


def _planned_noun_after(c: Candidate, ctx: Context) -> bool:
    noun = _FIRST_WORD_AFTER.match(ctx.text[c.end:c.end + 30])
    return bool(noun and noun.group(1) in _PLANNED_NOUNS)


def _planned_event_ahead(c: Candidate, ctx: Context) -> bool:
    """ "the March elections" outside a past-tense clause: the coming ones."""
    return _planned_noun_after(c, ctx) and ctx.tense(c.start, c.end) != "past"


def _month_from_ref(ref: TimeValue, m: int, rel: str, rule: str) -> TimeValue:
    base = ref.start
    assert base is not None
    if rel in ("the following", "the next"):
        y = base.year if m > base.month else base.year + 1
    elif rel in ("the previous", "the preceding"):
        y = base.year if m < base.month else base.year - 1
    else:
        y = base.year
    return V.month(y, m, rule)


def week_of(c: Candidate, ctx: Context) -> Pieces:
    """ "the week of March 6", "the weekend of 14-15 June": the (ISO) week holding that day."""
    g = c.groups
    day_first = bool(g["d1"])
    m = month_of(g, "mon1" if day_first else "mon")
    d = day_number(g["d1"] if day_first else g["d"])
    y_text = g["y1"] if day_first else g["y"]
    try:
        if y_text:
            day: date | None = date(int(y_text), m, d)
        elif ctx.dct is None:
            return one(c, V.unresolved("XXXX-WXX", "week", "week_of"))
        else:
            day = pick_day(ctx.dct, m, d, ctx.tense(c.start, c.end))
    except ValueError:
        return None
    if day is None:
        return None
    if (g["unit"] or "").lower() == "weekend":
        return one(c, V.weekend_of(day, "week_of"))
    return one(c, V.week_of(day, "week_of"))
