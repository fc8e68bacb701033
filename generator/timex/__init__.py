"""Temporal tagger: find the date expressions of a text and resolve them against its dateline.

    from generator.timex import tag
    tag(text, dct, lang="en", day_first=False) -> list[TimeExpr]

An engine over data. English: ``scan`` finds candidates with the rule records of
``generator/data/timex/en/rules/`` (``rules`` loads them), ``resolve`` drops those in a
negative context and hands the rest to the handlers of ``handlers/`` (one module per rule
family), which read the ``context`` (tense, dates mentioned so far) and the ``calendar``.
Words come from ``lexicon`` (``generator/data/timex/<lang>/``). Other languages go through
``lang`` (their own lexicon files, else dateparser's locale data, imported only then).
"""

from __future__ import annotations

import datetime

from generator.model import TimeExpr
from generator.timex import scan
from generator.timex.context import Context
from generator.timex.resolve import resolve

__all__ = ["tag"]


def tag(text: str, dct: datetime.date | None, *, lang: str = "en",
        day_first: bool = False) -> list[TimeExpr]:
    """Date expressions of ``text`` (an article's plain text) resolved against ``dct``.

    Returns TimeExprs sorted by start, non-overlapping, with ``text == input[start:end]``.
    Without a dateline, absolute dates still resolve and relative ones come back as DATE
    values with X placeholders and no range.
    """
    if isinstance(dct, datetime.datetime):
        dct = dct.date()
    if lang and not lang.lower().startswith("en"):
        from generator.timex import lang as other_languages  # lazy: imports dateparser
        return other_languages.tag_other(text, dct, lang=lang, day_first=day_first)
    return _tag_english(text, dct, day_first)


def _tag_english(text: str, dct: datetime.date | None, day_first: bool) -> list[TimeExpr]:
    ctx = Context.build(text, dct, day_first)
    out: list[TimeExpr] = []
    taken_until = 0
    for cand in scan.find(text):
        if cand.start < taken_until:
            continue
        pieces = resolve(cand, ctx)
        if not pieces:
            continue
        for start, end, value in pieces:
            if start < taken_until or end <= start:
                continue
            out.append(TimeExpr(start, end, text[start:end], value))
            ctx.note(start, value, end)
            taken_until = end
        taken_until = max(taken_until, cand.end)
    return out
