"""What the timex case tables share: the day range of a row written short."""

from __future__ import annotations


def r(a: str, b: str | None = None) -> str:
    """The range "a..b" of a row (one day, month... when ``b`` is left out)."""
    return f"{a}..{b or a}"


def check_typed(dct: str, text: str, expr: str, value: str, type_: str, lang: str) -> None:
    """The expression with its value and TIMEX3 type, and no other reading over its words
    (the rows of clock times and lengths in every language's tests)."""
    import datetime

    from generator.timex import tag

    found = {t.text: (t.time.value, t.time.type, t.start, t.end)
             for t in tag(text, datetime.date.fromisoformat(dct), lang=lang)}
    assert found.get(expr, (None, None))[:2] == (value, type_), found
    start = text.index(expr)
    assert [e for e, (*_, s, t) in found.items()
            if e != expr and s < start + len(expr) and t > start] == [], found
