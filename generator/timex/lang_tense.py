"""The tense of the clause around a date, for another language's small grammar.

English's ``context.py`` reads the verbs nearest an expression; this is the same reading
from a language's ``tense.yaml`` (``lexicon_small.ClauseCues``): listed words ("wird",
"dijo"), endings of lower-case words ("réunira", "anunció"), and compounds of an auxiliary
and the form it builds a few words on ("a déclaré", "hat ... erklärt", "va a votar"). As
English's: the nearest marker before the expression in its sentence, else the first after
it in its clause (the whole sentence when only openers stand before the expression).
"""

from __future__ import annotations

import bisect
import re
from typing import Callable

from generator.timex.lexicon_small import ClauseCues

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# a dot after a figure is no sentence end in German ("am 3. Februar")
_SENTENCE_END_RE = re.compile(r"(?<!\d)[.!?…][\"”»’')\]]*\s+|\n")
_CLAUSE_END = ",;:—–()\"«»"
WINDOW = 250  # characters around an expression searched, as context.TENSE_WINDOW

# tense(start, end, timetable=False); ``timetable``: the expression is a weekday, which a
# present of scheduling before it places ahead ("le conseil se réunit lundi")
Tense = Callable[..., "str | None"]


def reader(cues: ClauseCues | None, text: str) -> Tense:
    """tense(start, end) of ``text``: "past", "future" or None (None always without cues)."""
    if cues is None:
        return lambda start, end, timetable=False: None
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(text) if _opens_sentence(text, m.end())]
    return lambda start, end, timetable=False: _tense(cues, text, ends, start, end, timetable)


def _opens_sentence(text: str, pos: int) -> bool:
    rest = text[pos:pos + 3].lstrip("\"“«‘(¿¡ ")
    return not rest or rest[0].isupper() or rest[0].isdigit()


def _tense(cues: ClauseCues, text: str, ends: list[int], start: int, end: int,
           timetable: bool = False) -> str | None:
    i = bisect.bisect_right(ends, start)
    s_start = ends[i - 1] if i else 0
    j = bisect.bisect_right(ends, end)
    s_end = ends[j] if j < len(ends) else len(text)
    s_start, s_end = max(s_start, start - WINDOW), min(s_end, end + WINDOW)
    before = _words(text, s_start, start)
    after_end = s_end
    if not all(w.lower() in cues.openers for _, w in before):  # mid-sentence: this clause
        after_end = next((i for i in range(end, s_end) if text[i] in _CLAUSE_END), s_end)
    marks = markers(cues, before + _words(text, end, after_end), timetable)
    earlier = [tense for pos, tense in marks if pos < start]
    if earlier:
        return earlier[-1]
    return next((tense for pos, tense in marks if pos >= end), None)


def _words(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    return [(m.start(), m.group().replace("’", "'")) for m in _WORD_RE.finditer(text, lo, hi)]


def markers(cues: ClauseCues, words: list[tuple[int, str]],
            timetable: bool = False) -> list[tuple[int, str]]:
    """(position, "past"/"future") of the tense markers among ``words``, in order;
    ``timetable``: a present of scheduling counts as future, as English's "meet Monday"."""
    out: list[tuple[int, str]] = []
    taken: set[int] = set()  # the forms compounds have read
    for i, (pos, word) in enumerate(words):
        if i in taken:
            continue
        low = word.lower()
        tense = _compound(cues, words, i, taken) or cues.words.get(low)
        if tense is None and timetable and low in cues.timetable and word[0].islower() \
                and (i == 0 or words[i - 1][1].lower() not in cues.timetable_not_after):
            tense = "future"
        if tense is None and word[0].islower() and low not in cues.not_verbs:
            tense = _ending(cues, low)
        if tense is not None:
            out.append((pos, tense))
    return out


def _compound(cues: ClauseCues, words: list[tuple[int, str]], i: int,
              taken: set[int]) -> str | None:
    """The tense of an auxiliary at ``i`` whose form follows within its reach."""
    low = words[i][1].lower()
    for compound in cues.compounds:
        if low not in compound.aux:
            continue
        for j in range(i + 1, min(len(words), i + 1 + compound.reach)):
            form = words[j][1]
            if form.lower() in cues.words:
                break  # "est prévu": the listed word tells the tense itself
            if form[0].islower() and form not in cues.not_verbs \
                    and compound.then.fullmatch(form):
                taken.add(j)
                return compound.tense
    return None


def _ending(cues: ClauseCues, low: str) -> str | None:
    for ending, tense in cues.endings:  # longest first: "-rait" is no "-ait"
        if low.endswith(ending) and len(low) >= len(ending) + 2:
            return tense
    return None
