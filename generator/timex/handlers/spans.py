"""Lengths of time, vague references and recurring times (rules/spans.yaml, sets.yaml).

None of these dates an event: "forty years" is P40Y, "recently" PAST_REF, "every week" a
SET. The exceptions are the calendar neighbours ("over the past year": last year).
"""

from __future__ import annotations

import dataclasses
import re

from generator.timex import values as V
from generator.timex.context import Context
from generator.timex.handlers.common import (LEX, POD, WEEKDAY_NUMBER, MONTH_NUMBER, Pieces,
                                             next_text, norm, one, prev_word, span)
from generator.timex.handlers.counted import shift
from generator.timex.handlers.relative import calendar_neighbour
from generator.timex.numbers import number_value, unit_name
from generator.timex.scan import Candidate

_FOR_ONE_DAY = LEX.words("for_one_day")
_ONE_DAY_LENGTH_VERBS = LEX.words("one_day_length_verbs")
_BEEN_BEFORE = LEX.pattern("been_before")
_HOPE_BEFORE = LEX.pattern("hope_before")
_VAGUE = LEX.vague or {}
_EVERY = LEX.every or {}
_ADVERBS = LEX.adverbs or {}
_UNIT_OF = LEX.unit_of
_LAST_VERB_AFTER = frozenset(w.replace("’", "'") for w in LEX.words("last_verb_after"))
_OVER = re.compile(r"over\s+", re.I)
_WEEKDAY_WORD = re.compile(r"[A-Za-z]+")
# "one day of talks", "a one-day strike": a length, not "some day"
_ONE_DAY_LENGTH = re.compile(r"\s+(?:of|after|before|later|earlier|ago|long|in\s+advance|visit"
                             r"|trip|strike|event|conference|summit|meeting)\b")
_SOON_CONNECTIVE = re.compile(r"\s*(?:after|afterwards?|thereafter|enough|as)\b")
_PLURAL_SPAN_AFTER = re.compile(r"\s+(?:of|since|that|when|before|after|to\s+come|ahead)\b")
_TIME_AHEAD = LEX.pattern("time_ahead")
_OR_SO = LEX.pattern("or_so")
_SOME_PERIOD = LEX.pattern("some_period")
_UP_TO_NOW = LEX.words("up_to_now_words")
_AHEAD_UNITS = ("day", "week", "month", "quarter", "year", "decade")


def _verb_before_last(word: str) -> bool:
    """A word after which "last" is the verb: "to", a modal, a negation ("won't")."""
    word = word.replace("’", "'")
    return word in _LAST_VERB_AFTER or word.endswith("n't")


def _lasted_one_day(ctx: Context, start: int) -> bool:
    """ "The trial lasted one day", "had been in office one day": a verb of lasting right
    before, or "been" a few words before in its clause, makes "one day" a length, not the
    vague "some day" of "One day, she left"."""
    return prev_word(ctx, start) in _ONE_DAY_LENGTH_VERBS \
        or _BEEN_BEFORE.search(ctx.text, max(0, start - 40), start) is not None


def duration(c: Candidate, ctx: Context) -> Pieces:
    g = c.groups
    n_text = (g["n"] or "").lower()
    unit = unit_name(g["unit"] or "")
    rel = norm(g["rel"])
    amount = number_value(n_text)
    if unit == "fortnight":
        unit = "week"
        amount = amount * 2 if amount is not None else None
    if g["half"] and amount is not None:
        amount += 0.5  # "an hour and a half"
    if unit == "night":
        unit = "day"
    if (rel in ("last", "past", "next", "first", "coming") and n_text in ("a", "an")) \
            or (rel == "last" and _verb_before_last(prev_word(ctx, c.start))):
        start = span(c, "n")[0]  # "to last a week", "could last six weeks": the verb "last"
        return [(start, c.end, V.duration(V.duration_value(amount, unit), "duration"))]
    if n_text == "one" and unit == "day" and not rel and not g["approx"] and not g["adj"]:
        if prev_word(ctx, c.start) not in _FOR_ONE_DAY \
                and not _ONE_DAY_LENGTH.match(next_text(ctx, c.end, 30)) \
                and not _lasted_one_day(ctx, c.start):
            tense = ctx.tense(c.start, c.end)
            if _HOPE_BEFORE.search(ctx.text, max(0, c.start - 60), c.start):
                tense = "future"  # "expressed the hope he would one day return"
            return one(c, V.vague("PAST_REF" if tense == "past" else "FUTURE_REF", "one_day"))
    if not (rel or g["approx"] or g["adj"] or g["outside"]):
        ahead = _in_units_ahead(c, ctx, amount, unit)
        if ahead is not None:
            return one(c, ahead)
    value = V.duration(V.duration_value(amount, unit), "duration")
    if rel == "the" and _attributive(c, ctx):
        # "the 24-hour strike", "the two day rally": the length is the noun's modifier and
        # "the" the noun's own determiner, outside the expression (TimeML)
        return [(span(c, "n")[0], c.end, value)]
    return one(c, value)


def duration_range(c: Candidate, ctx: Context) -> Pieces:
    """ "two to three weeks": some weeks between the two bounds (PXW); "in two to three
    weeks" ahead is FUTURE_REF; "from two to four years" is the second amount alone."""
    g = c.groups
    unit = unit_name(g["unit"] or "")
    if unit in ("fortnight", "night"):
        unit = "week" if unit == "fortnight" else "day"
    if prev_word(ctx, c.start) == "from":
        return [(span(c, "n")[0], c.end,
                 V.duration(V.duration_value(number_value((g["n"] or "").lower()), unit),
                            "duration"))]
    if not g["rel"]:
        ahead = _in_units_ahead(c, ctx, None, unit)  # "will vote in two to three weeks"
        if ahead is not None:
            return one(c, ahead)
    return one(c, V.duration(V.duration_value(None, unit), "duration_range"))


def _attributive(c: Candidate, ctx: Context) -> bool:
    """ "24-hour" (joined by a hyphen) or "two day" (a singular unit after a number above one):
    a length used as an adjective."""
    between = ctx.text[span(c, "n")[1]:span(c, "unit")[0]]
    if "-" in between:
        return True
    unit_word = (c.groups["unit"] or "").lower()
    amount = number_value((c.groups["n"] or "").lower())
    return amount is not None and amount > 1 and not unit_word.endswith("s")


def _in_units_ahead(c: Candidate, ctx: Context, amount: float | None, unit: str):
    """ "will vote in two weeks", "in five years' time": TimeML's date that far after the
    dateline, at the unit's precision; "left in two weeks" (within), "the first time in five
    years" (up to now) stay lengths, and "in a year or two" is FUTURE_REF."""
    before = ctx.text[max(0, c.start - 40):c.start].lower().split()
    if not before or before[-1] != "in" or unit not in _AHEAD_UNITS:
        return None
    if any(w in _UP_TO_NOW for w in before[-4:-1]):
        return None  # "the highest rate in a decade"
    following = next_text(ctx, c.end, 20)
    if _SOME_PERIOD.match(following):
        return None
    # "the vote is in two days": a present copula before "in" states a timetable too
    timetable = len(before) >= 2 and before[-2] in ("is", "are")
    if not _TIME_AHEAD.match(following) and not timetable \
            and ctx.tense(c.start, c.end, timetable=True) != "future":
        return None
    if _OR_SO.match(following) or amount is None or amount != int(amount):
        return V.vague("FUTURE_REF", "in_units_ahead")
    if ctx.dct is None:
        return None
    return shift(ctx.dct, amount, unit, "in_units_ahead")


def duration_the(c: Candidate, ctx: Context) -> Pieces:
    """ "the past week" (P1W); "over the past year" (the calendar year before)."""
    g = c.groups
    rel = norm(g["rel"])
    unit = (g["unit"] or "").lower()
    over = _OVER.match(ctx.text, c.start) if rel.startswith("over ") else None
    start = over.end() if over else c.start
    calendar = calendar_neighbour(c, ctx, rel.removeprefix("over "), unit, c.end)
    if calendar is not None:
        return [(start, c.end, calendar)]
    if rel in ("the next", "the following", "the previous") and unit not in ("hour", "fortnight"):
        return None  # "the next week": chained (reltime), not a length
    if unit == "fortnight":
        return [(start, c.end, V.duration(V.duration_value(2, "week"), "the_past_unit"))]
    return [(start, c.end, V.duration(V.duration_value(1, unit), "the_past_unit"))]


def plural_units(c: Candidate, ctx: Context) -> Pieces:
    """ "for years", "took months", "decades of war", "a weeks-long strike": PXY, PXM...;
    "a day-long meeting": one unit (P1D)."""
    g = c.groups
    if g["unit1"]:
        return one(c, V.duration(V.duration_value(1, _UNIT_OF[g["unit1"].lower()]),
                                 "unit_long"))
    key = "unit" if g["unit"] else "unit2"
    unit = _UNIT_OF[(g[key] or "").lower()]
    s, e = span(c, key)
    if key == "unit2" and ctx.text[e:e + 5].lower() == "-long":
        e += 5
    return [(s, e, V.duration(V.duration_value(None, unit), "plural_units"))]


def vague(c: Candidate, ctx: Context) -> Pieces:
    word = norm(c.groups["word"])
    if word == "soon" and not _soon_is_future(c, ctx, next_text(ctx, c.end, 20)):
        return None
    if word in _VAGUE:
        return one(c, V.vague(_VAGUE[word], "vague_" + word.replace(" ", "_")))
    if word.startswith("recent "):
        if word.endswith(("years", "decades")):
            return one(c, V.vague("PAST_REF", "vague_recent_years"))
        unit = _UNIT_OF[word.split()[-1]]
        return one(c, V.duration(V.duration_value(None, unit), "recent_units"))
    return one(c, V.vague("FUTURE_REF", "vague_coming"))


def at_the_time(c: Candidate, ctx: Context) -> Pieces:
    """ "at the time": a time before the dateline, unless the clause is still to come."""
    ref = "FUTURE_REF" if ctx.tense(c.start, c.end) == "future" else "PAST_REF"
    return one(c, V.vague(ref, "at_the_time"))


def _soon_is_future(c: Candidate, ctx: Context, nxt: str) -> bool:
    """ "will soon resign" is a time still to come; "as soon as", "soon after the vote" and
    "was soon released" are not: a connective, or a past clause where "soon" means shortly."""
    if prev_word(ctx, c.start) in ("as", "too", "how", "so") or _SOON_CONNECTIVE.match(nxt):
        return False
    return ctx.tense(c.start, c.end) != "past"


def weekday_plural(c: Candidate, ctx: Context) -> Pieces:
    """ "on Sundays", "Friday nights"."""
    g = c.groups
    wd = WEEKDAY_NUMBER[(g["wd"] or "").lower()] + 1
    pod = g["pod"] or g["pods"]
    suffix = f"T{POD[pod.lower().rstrip('s')]}" if pod else ""
    return one(c, V.set_value(f"XXXX-WXX-{wd}{suffix}", "weekday_set"))


def every(c: Candidate, ctx: Context) -> Pieces:
    if c.groups["units"]:  # "every four years": a SET with the length between its times
        unit = _UNIT_OF[(c.groups["units"] or "").lower()]
        return one(c, V.set_value(V.duration_value(number_value((c.groups["n"] or "").lower()),
                                                   unit), "every_n"))
    what = (c.groups["what"] or "").lower()
    if c.groups.get("more") and what not in WEEKDAY_NUMBER:
        c = dataclasses.replace(c, end=span(c, "more")[0])  # only weekdays are joined
    other = " other " in ctx.text[c.start:c.end].lower()
    if what in WEEKDAY_NUMBER:
        pod = c.groups["pod"]
        suffix = f"T{POD[pod.lower()]}" if pod else ""
        first = V.set_value(f"XXXX-WXX-{WEEKDAY_NUMBER[what] + 1}{suffix}", "every")
        if not c.groups.get("more"):
            return one(c, first)
        more_start = span(c, "more")[0]
        pieces = [(c.start, more_start, first)]
        for m in _WEEKDAY_WORD.finditer(ctx.text, more_start, c.end):
            wd = WEEKDAY_NUMBER.get(m.group().lower())
            if wd is not None:
                pieces.append((m.start(), m.end(), V.set_value(f"XXXX-WXX-{wd + 1}", "every")))
        return pieces
    if what in MONTH_NUMBER:
        return one(c, V.set_value(f"XXXX-{MONTH_NUMBER[what]:02d}", "every"))
    value = _EVERY[what]
    if other and value.startswith("P"):
        value = value.replace("P1", "P2").replace("PT1", "PT2")
    return one(c, V.set_value(value, "every"))


def weekends(c: Candidate, ctx: Context) -> Pieces:
    """ "at weekends": every weekend; "at" stays outside the expression."""
    return [(span(c, "w")[0], c.end, V.set_value(_EVERY["weekend"], "weekends"))]


def adverb_set(c: Candidate, ctx: Context) -> Pieces:
    return one(c, V.set_value(_ADVERBS[(c.groups["adv"] or "").lower()], "adverb_set"))


def frequency(c: Candidate, ctx: Context) -> Pieces:
    return one(c, V.set_value(_EVERY[(c.groups["unit"] or "").lower()], "frequency"))
