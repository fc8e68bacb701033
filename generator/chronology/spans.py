"""Spans of an article's text found by position: the merge items' mentions and dates of
one sentence, by bisection instead of a scan of the whole article for every event."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Mapping, Sequence


class SpanIndex:
    """Each article's (start, end) spans sorted by start, to find those of one sentence by
    bisection instead of scanning every mention of the article for every event."""

    def __init__(self, spans: Mapping[str, Sequence[tuple[int, int]]]):
        self.spans = spans
        self.sorted: dict[str, tuple[list[int], list[int], int] | None] = {}

    def _of(self, article: str) -> tuple[list[int], list[int], int] | None:
        """(sorted starts, span positions in that order, longest span), or None when a
        span ends before it starts (then scan: bisection assumes end >= start)."""
        if article not in self.sorted:
            given = self.spans.get(article, ())
            if any(e < s for s, e in given):
                self.sorted[article] = None
            else:
                order = sorted(range(len(given)), key=lambda k: (given[k][0], k))
                longest = max((e - s for s, e in given), default=0)
                self.sorted[article] = ([given[k][0] for k in order], order, longest)
        return self.sorted[article]

    def overlapping(self, article: str, start: int, end: int) -> list[tuple[int, int]]:
        """The spans s..e with s < end and start < e, in start order."""
        given = self.spans.get(article, ())
        found = self._of(article)
        if found is None:
            return [(s, e) for s, e in given if s < end and start < e]
        starts, order, longest = found
        window = order[bisect_right(starts, start - longest):bisect_left(starts, end)]
        return [given[k] for k in window if start < given[k][1]]

    def within(self, article: str, start: int, end: int) -> list[int]:
        """Positions of the spans s..e with start <= s and e <= end."""
        given = self.spans.get(article, ())
        found = self._of(article)
        if found is None:
            return [k for k, (s, e) in enumerate(given) if start <= s and e <= end]
        starts, order, _ = found
        window = order[bisect_left(starts, start):bisect_right(starts, end)]
        return [k for k in window if given[k][1] <= end]
