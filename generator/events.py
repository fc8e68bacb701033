"""Dated sentences become events: one per sentence, dated by its most specific date."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Sequence, TypeVar

from .model import Event, Mention, Sentence, TimeExpr

T = TypeVar("T", TimeExpr, Mention)


def extract_events(article_slug: str, sentences: tuple[Sentence, ...],
                   timexes: tuple[TimeExpr, ...], mentions: tuple[Mention, ...],
                   article_actors: tuple[str, ...] = ()) -> tuple[Event, ...]:
    """An Event for every non-cruft sentence holding an anchored DATE/TIME expression.

    Durations, sets and vague references ("recently") never date an event; of several
    dates in a sentence the finest wins, the first of equals. `article_actors` (declared in
    front matter) join every event's actors.
    """
    events: list[Event] = []
    timexes_within, mentions_within = _Within(timexes), _Within(mentions)
    for sentence in sentences:
        if sentence.cruft:
            continue
        dating = [t for t in timexes_within(sentence) if t.time.anchored]
        if not dating:
            continue
        best = min(dating, key=lambda t: (t.time.precision_rank, t.start))
        named = [m.actor for m in mentions_within(sentence) if m.end > m.start]
        actors = tuple(dict.fromkeys(named + list(article_actors)))
        events.append(Event(f"{article_slug}-{len(events) + 1}", article_slug, sentence, best, actors))
    return tuple(events)


class _Within:
    """The items (with start/end) inside a sentence, in their given order. Found by bisection
    over their starts: scanning every item of the article for every sentence made a long
    article quadratic."""

    def __init__(self, items: Sequence[T]):
        self.items = items
        self.order = sorted(range(len(items)), key=lambda k: (items[k].start, k))
        self.starts = [items[k].start for k in self.order]

    def __call__(self, sentence: Sentence) -> list[T]:
        window = self.order[bisect_left(self.starts, sentence.start):bisect_right(self.starts, sentence.end)]
        return [self.items[k] for k in sorted(window) if self.items[k].end <= sentence.end]
