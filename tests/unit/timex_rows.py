"""What the timex case tables share: the day range of a row written short."""

from __future__ import annotations


def r(a: str, b: str | None = None) -> str:
    """The range "a..b" of a row (one day, month... when ``b`` is left out)."""
    return f"{a}..{b or a}"
