"""Resolution: turn a recognised candidate into TIMEX3 values against the dateline.

Each rule record names its handler ("dates.month_day" is ``month_day`` in
``handlers/dates.py``). A candidate in one of its rule's negative contexts is dropped
before the handler runs.
"""

from __future__ import annotations

import importlib
from typing import Callable

from generator.timex import values as V
from generator.timex.context import Context
from generator.timex.handlers.common import Pieces
from generator.timex.lexicon import LexiconError
from generator.timex.rules import NegativeContext, grammar
from generator.timex.scan import Candidate

Handler = Callable[[Candidate, Context], Pieces]


def _handler(name: str, rule: str) -> Handler:
    module_name, _, function = name.rpartition(".")
    try:
        module = importlib.import_module(f"generator.timex.handlers.{module_name}")
        return getattr(module, function)
    except (ImportError, AttributeError):
        raise LexiconError(f"rule {rule!r}: no handler {name!r} in generator/timex/handlers/") \
            from None


_RULES: dict[str, tuple[Handler, tuple[NegativeContext, ...]]] = {
    rule.name: (_handler(rule.handler, rule.name), rule.reject) for rule in grammar().rules}


def rejected(c: Candidate, ctx: Context) -> NegativeContext | None:
    """The first negative context of the candidate's rule that it is in, if any."""
    for context in _RULES[c.rule][1]:
        if context.holds(ctx.text, c.start, c.end, c.groups, c.spans_of, ctx.starts_sentence):
            return context
    return None


def resolve(c: Candidate, ctx: Context) -> Pieces:
    """Pieces for candidate ``c`` (usually one), or None to reject it (also when it would
    name a day outside the calendar: see values.unless_off_calendar)."""
    handler, contexts = _RULES[c.rule]
    for context in contexts:
        if context.holds(ctx.text, c.start, c.end, c.groups, c.spans_of, ctx.starts_sentence):
            return None
    pieces = V.unless_off_calendar(lambda: handler(c, ctx))
    outside = c.group_spans.get("outside") if c.groups.get("outside") else None
    if pieces and outside and outside[0] == c.start:
        # a group named `outside` is read with the match but left out of the expression:
        # TimeML keeps prepositions and focus words out ("within [two weeks]", "only [six
        # months]", "just [a decade ago]")
        start = outside[1]
        while start < c.end and ctx.text[start].isspace():
            start += 1
        pieces = [(start if s == c.start else s, e, v) for s, e, v in pieces]
    return pieces
