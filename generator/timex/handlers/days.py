"""Days: weekdays, today and its neighbours, parts of the day, holidays (rules/days.yaml);
the ordinal days and weeks of a month are handlers/monthdays.py's.

News convention: a bare weekday in a past-tense clause is the latest such day on or before
the dateline (the dateline itself included); in a future clause, after "postponed until",
right after "is" ("the vote is Friday") or after "until"/"starting" in a present clause, the
next one on or after it. "On a Monday" ("is a Sunday") is no day of the calendar; "Tuesday
of last week" and holidays are read from their week or year. A weekday
with a part of the day ("Friday night") is a DATE of that day, as news annotation writes it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from generator.model import TimeValue
from generator.timex import values as V
from generator.timex.calendar import (easter, holiday_day, weekday_on_or_after,
                                      weekday_on_or_before)
from generator.timex.context import Context
from generator.timex.handlers.common import (LEX, POD, WEEKDAY_NUMBER, Pieces, next_text, norm,
                                             one, prev_word, span)
from generator.timex.scan import Candidate

_DEADLINE_UNTIL = LEX.pattern("deadline_until")
_COPULA = LEX.pattern("copula_before_weekday")
_PLANNED_FOR = LEX.pattern("planned_for_weekday")
_FROM_AHEAD = LEX.pattern("from_ahead_weekday")
_ANY_WEEKDAY = LEX.pattern("any_weekday_before")
_RUNS_UNTIL = LEX.words("runs_until_weekday")
_GENERIC_AFTER_TODAY = LEX.pattern("generic_after_today")
_HOLIDAYS = {re.sub(r"\s+", " ", name.lower()).replace("’", "'"): h
             for h in LEX.holidays for name in h.names}
_DAY_OFFSETS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "overnight": 0,
                "the day before yesterday": -2, "the day after tomorrow": 2}
_NAME_BEFORE = re.compile(r"[A-Z][A-Za-z]*\s+$")
_POSSESSIVE = re.compile(r"['’]s")
_POSSESSIVE_NOUN = re.compile(r"['’]s\s+((?:[a-z]+[-\s]+){0,2}[a-z]+)\b")
_PLANNED_NOUNS = LEX.words("planned_nouns")
_SPAN_LINK = LEX.pattern("weekday_span_link")
_SPAN_AND = LEX.pattern("weekday_span_and")
_BETWEEN = LEX.pattern("between_before")


def resolve_weekday(ctx: Context, wd: int, rel: str, pos: int, end: int) -> date | None:
    """The date a weekday names, by its modifier, the clause tense and the dateline."""
    dct = ctx.dct
    if dct is None:
        return None
    if rel in ("last", "this past", "past", "previous"):
        return weekday_on_or_before(dct, wd, strict=True)
    if rel in ("next", "coming"):
        return weekday_on_or_after(dct, wd, strict=True)
    if rel == "this coming":
        return weekday_on_or_after(dct, wd)
    if rel in ("that", "the following", "the next"):
        base = ctx.ref_day(pos) or dct
        return weekday_on_or_after(base, wd, strict=rel != "that")
    if rel in ("the previous", "the preceding"):
        base = ctx.ref_day(pos) or dct
        return weekday_on_or_before(base, wd, strict=True)
    tense = ctx.tense(pos, end, timetable=True)
    if tense == "future" or _DEADLINE_UNTIL.search(ctx.text, max(0, pos - 80), pos) \
            or _COPULA.search(ctx.text, max(0, pos - 40), pos) \
            or _PLANNED_FOR.search(ctx.text, max(0, pos - 20), pos) \
            or (tense is None and (prev_word(ctx, pos) in _RUNS_UNTIL
                                   or _FROM_AHEAD.search(ctx.text, max(0, pos - 30), pos))):
        # "until Sunday, the border stays shut": a present clause runs up to the coming day
        return weekday_on_or_after(dct, wd)
    return weekday_on_or_before(dct, wd)


def weekday(c: Candidate, ctx: Context) -> Pieces:
    g = c.groups
    wd = WEEKDAY_NUMBER[(g["wd"] or "").lower()]
    rel = norm(g["rel"])
    if rel in ("early", "late", "earlier", "later"):
        rel = ""
    if not rel and _ANY_WEEKDAY.search(ctx.text, max(0, c.start - 12), c.start):
        # "falls on a Monday this year": a weekday, not a day of the calendar
        if g["pod"]:
            return one(c, TimeValue(f"XXXX-WXX-{wd + 1}T{POD[g['pod'].lower()]}", "TIME",
                                    "time", None, None, "weekday_any"))
        return one(c, V.unresolved(f"XXXX-WXX-{wd + 1}", "day", "weekday_any"))
    if not rel and ctx.dct is not None and _done_on(ctx, c.end):
        # "Wednesday's ruling" names what was done that day: the latest such day
        d: date | None = weekday_on_or_before(ctx.dct, wd)
    else:
        opened = _span_opened_on(ctx, c.start) if not rel else None
        d = weekday_on_or_after(opened, wd, strict=True) if opened else None
        if d is None or (ctx.dct is not None and d < ctx.dct
                         and ctx.tense(c.start, c.end) == "future"):
            # "began on Monday, will last until Thursday" (written on Friday): a future end
            # of the span is the coming Thursday, not the one after Monday
            d = resolve_weekday(ctx, wd, rel, c.start, c.end)
    if d is None:
        return one(c, V.unresolved("XXXX-XX-XX", "day", "weekday"))
    if g["pod"]:
        # News annotation (TBAQ: 24 of 30) writes "Friday night" as a DATE with the day's
        # value: the weekday names the day, the part only narrows it; "this morning" stays a
        # TIME, as annotated
        return one(c, V.day(d, "weekday_pod"))
    return one(c, V.day(d, "weekday_" + (rel.replace(" ", "_") if rel else "tense")))


_WEEK_STEP = {"last": -1, "the previous": -1, "this": 0, "that": 0, "the same": 0, "next": 1,
              "the following": 1}


def this_day_in(c: Candidate, ctx: Context) -> Pieces:
    """ "on this day in 1969": the dateline's day of the year, in that year."""
    if ctx.dct is None:
        return None
    try:
        return one(c, V.day(ctx.dct.replace(year=int(c.groups["y"] or 0)), "this_day_in"))
    except ValueError:
        return None  # 29 February in a common year


def weekday_of_week(c: Candidate, ctx: Context) -> Pieces:
    """ "Tuesday of last week", "Friday of that week": that day of that calendar week."""
    g = c.groups
    rel = norm(g["rel"])
    wd = WEEKDAY_NUMBER[(g["wd"] or "").lower()]
    chained = rel in ("that", "the same", "the following", "the previous")
    base = ctx.ref_day(c.start) if chained else ctx.dct
    if base is None:
        return one(c, V.unresolved("XXXX-WXX-" + str(wd + 1), "day", "weekday_of_week"))
    monday = base - timedelta(days=base.weekday()) + timedelta(weeks=_WEEK_STEP[rel])
    return one(c, V.day(monday + timedelta(days=wd), "weekday_of_week"))


def weekday_beyond(c: Candidate, ctx: Context) -> Pieces:
    """ "the Tuesday before last", "the Friday after next": a week beyond "last Tuesday",
    "next Friday"."""
    g = c.groups
    wd = WEEKDAY_NUMBER[(g["wd"] or "").lower()]
    if ctx.dct is None:
        return one(c, V.unresolved("XXXX-XX-XX", "day", "weekday_beyond"))
    if norm(g["dir"]).startswith("before"):
        return one(c, V.day(weekday_on_or_before(ctx.dct, wd, strict=True) - timedelta(weeks=1),
                            "weekday_beyond"))
    return one(c, V.day(weekday_on_or_after(ctx.dct, wd, strict=True) + timedelta(weeks=1),
                        "weekday_beyond"))


def week_after_day(c: Candidate, ctx: Context) -> Pieces:
    """ "Tuesday week", "a week on Tuesday", "a week today": a week (a fortnight: two) after
    the coming such day (today, tomorrow); none in a past clause, where British writes "a
    week last Tuesday" and these words are a length and a day ("a week on Tuesday")."""
    g = c.groups
    if ctx.dct is None:
        return None
    if ctx.tense(c.start, c.end, timetable=True) == "past":
        return None
    weeks = 2 if (g["unit"] or g["unit2"]) == "fortnight" else 1
    day = g["day"]
    if day:
        base = ctx.dct + timedelta(days=_DAY_OFFSETS[day])
    else:
        base = weekday_on_or_after(ctx.dct, WEEKDAY_NUMBER[(g["wd"] or g["wd2"] or "").lower()])
    return one(c, V.day(base + timedelta(weeks=weeks), "week_after_day"))


def _span_opened_on(ctx: Context, pos: int) -> date | None:
    """The day a span opened when the weekday at ``pos`` ends it: "from Monday to
    Wednesday", "Tuesday through Friday", "between Monday and Thursday". The end is the first
    such weekday after that day, whatever the tense says of the weekday alone."""
    if not ctx.refs:
        return None
    p, value = ctx.refs[-1]
    if value.granularity != "day" or value.start is None or not 0 < pos - p <= 40:
        return None
    between = ctx.text[p:pos]
    if _SPAN_LINK.match(between) or (_SPAN_AND.match(between)
                                     and _BETWEEN.search(ctx.text, max(0, p - 10), p)):
        return value.start
    return None


def _done_on(ctx: Context, end: int) -> bool:
    """A weekday in the possessive before a noun of something done ("Tuesday's attack"), not
    of something scheduled ("Sunday's election", planned_nouns in cues.yaml)."""
    after = _POSSESSIVE_NOUN.match(ctx.text, end, end + 40)
    if after is None:
        return False
    return not any(w in _PLANNED_NOUNS for w in re.split(r"[-\s]+", after.group(1)))


def today(c: Candidate, ctx: Context) -> Pieces:
    g = c.groups
    word = norm(g["word"] or g["word2"])
    if _generic_day_word(c, ctx, word):
        return None
    if ctx.dct is None:
        return one(c, V.unresolved("XXXX-XX-XX", "day", word.replace(" ", "_")))
    if word == "overnight":
        return one(c, _overnight(c, ctx))
    d = ctx.dct + timedelta(days=_DAY_OFFSETS[word])
    pod = (g["pod"] or "").lower()
    if pod:
        return one(c, V.part_of_day(d, POD[pod], word + "_pod"))
    return one(c, V.day(d, word.replace(" ", "_")))


def _overnight(c: Candidate, ctx: Context) -> TimeValue:
    """ "Rain fell overnight": the night that led into the day being told (the dateline's, or
    the day named in this sentence or the one before: "closed lower Friday ... after overnight
    losses" is Thursday night); "will move overnight" is that day's own coming night."""
    ahead = ctx.tense(c.start, c.end) == "future"
    ref = ctx.ref(c.start, fine=True, near=True)
    day = ref.start if ref is not None else ctx.dct
    assert ctx.dct is not None
    if day is None or (not ahead and day > ctx.dct):
        day = ctx.dct  # a night that has passed is not one before a day still to come
    return V.part_of_day(day if ahead else day - timedelta(days=1), "NI", "overnight")


def _generic_day_word(c: Candidate, ctx: Context, word: str) -> bool:
    """ "today's youth", "the people of tomorrow", "VOA Today" (a programme): no date."""
    if word == "today" and _GENERIC_AFTER_TODAY.match(ctx.text, c.end):
        return True
    if word == "tomorrow" and prev_word(ctx, c.start) == "of" \
            and not _GENERIC_AFTER_TODAY.match(ctx.text, c.end) \
            and not _POSSESSIVE.match(next_text(ctx, c.end, 2)):
        return True
    head = ctx.text[c.start:c.end]
    before = ctx.text[max(0, c.start - 30):c.start]
    return head[:1].isupper() and not head.isupper() and not ctx.starts_sentence(c.start) \
        and bool(_NAME_BEFORE.search(before))


def this_pod(c: Candidate, ctx: Context) -> Pieces:
    """ "this morning", "last night"."""
    g = c.groups
    rel, pod = (g["rel"] or "").lower(), (g["pod"] or "").lower()
    if ctx.dct is None:
        return one(c, V.unresolved("XXXX-XX-XX", "day", "this_pod"))
    d = ctx.dct - timedelta(days=1 if rel == "last" else 0)
    return one(c, V.part_of_day(d, POD[pod], "this_pod"))


def in_the_day(c: Candidate, ctx: Context) -> Pieces:
    """ "later in the day": the day last mentioned close by, else the dateline."""
    ref = ctx.ref(c.start, fine=True, near=True)
    if ref is not None and ref.start is not None:
        value = V.day(ref.start, "in_the_day")
    elif ctx.dct is None:
        value = V.unresolved("XXXX-XX-XX", "day", "in_the_day")
    else:
        value = V.day(ctx.dct, "in_the_day")
    return [(span(c, "the")[0], c.end, value)]


_APPOSITION_GAP = 30  # characters from the start of the date restated to "the day"


def day_in_apposition(c: Candidate, ctx: Context) -> Pieces:
    """ "July 9, the day before the vote": the date just before, if a day ends at the comma."""
    last = ctx.refs[-1] if ctx.refs else None
    if last is None or last[1].granularity not in ("day", "time") or last[1].start is None:
        return None
    pos, value = last
    if c.start - pos > _APPOSITION_GAP or ctx.sentence_bounds(pos)[0] != ctx.sentence_bounds(c.start)[0] \
            or re.search(r"[;()]", ctx.text[pos:c.start]):
        return None
    return one(c, V.day(value.start, "day_in_apposition"))  # type: ignore[arg-type]


def running_day(c: Candidate, ctx: Context) -> Pieces:
    """ "It is the third day of the strike": the day of the telling, the dateline's."""
    if ctx.dct is None:
        return one(c, V.unresolved("XXXX-XX-XX", "day", "running_day"))
    return one(c, V.day(ctx.dct, "running_day"))


def holiday(c: Candidate, ctx: Context) -> Pieces:
    pieces = _holiday(c, ctx)
    if not pieces or not c.groups.get("weekend") or pieces[0][2].start is None:
        return pieces
    # "the Easter weekend", "Memorial Day weekend": the Saturday and Sunday nearest the
    # holiday, those before a Monday or Tuesday one, else those of its own (ISO) week
    day = pieces[0][2].start
    if day.weekday() <= 1:
        day -= timedelta(days=day.weekday() + 1)
    return one(c, V.weekend_of(day, "holiday_weekend"))


def _holiday(c: Candidate, ctx: Context) -> Pieces:
    key = re.sub(r"\s+", " ", (c.groups["word"] or "").lower()).replace("’", "'")
    entry = _HOLIDAYS[key]
    if c.groups["y"]:  # "Good Friday 1998", "Easter week of 2020"
        y = int(c.groups["y"])
        if entry.easter_week:
            return one(c, V.week_of(easter(y), "holiday_week"))
        return one(c, V.day(holiday_day(entry, y), "holiday_year"))
    if ctx.dct is None:
        return one(c, V.unresolved("XXXX-XX-XX", "day", "holiday"))
    tense = ctx.tense(c.start, c.end)
    if entry.easter_week:
        # the week of Easter Sunday; the nearest one when it is this week or next, else by tense
        easters = [easter(y) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
        near = [e for e in easters if abs((e - ctx.dct).days) <= 8]
        if near:
            pick = near[0]
        elif tense == "future":
            pick = min(e for e in easters if e >= ctx.dct)
        else:
            pick = max(e for e in easters if e <= ctx.dct)
        return one(c, V.week_of(pick, "holiday_week"))
    options = [holiday_day(entry, y) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
    rel = norm(c.groups["rel"])
    if rel in ("last", "this past"):
        d = max(o for o in options if o < ctx.dct)
    elif rel in ("next", "this coming"):
        d = min(o for o in options if o > ctx.dct)
    elif rel == "this":
        d = options[1]
    elif tense == "future":
        d = min(o for o in options if o >= ctx.dct)
    elif tense == "past":
        d = max(o for o in options if o <= ctx.dct)
    else:
        d = min(options, key=lambda o: (abs((o - ctx.dct).days), o > ctx.dct))  # type: ignore[operator]
    return one(c, V.day(d, "holiday"))
