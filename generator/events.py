"""Dated sentences become events: one per sentence, dated by its most specific date."""

from __future__ import annotations

from .model import Event, Mention, Sentence, TimeExpr


def extract_events(article_slug: str, sentences: tuple[Sentence, ...],
                   timexes: tuple[TimeExpr, ...], mentions: tuple[Mention, ...],
                   article_actors: tuple[str, ...] = ()) -> tuple[Event, ...]:
    """An Event for every non-cruft sentence holding an anchored DATE/TIME expression.

    Durations, sets and vague references ("recently") never date an event; of several
    dates in a sentence the finest wins, the first of equals. `article_actors` (declared in
    front matter) join every event's actors.
    """
    events: list[Event] = []
    for sentence in sentences:
        if sentence.cruft:
            continue
        dating = [t for t in _within(timexes, sentence) if t.time.anchored]
        if not dating:
            continue
        best = min(dating, key=lambda t: (t.time.precision_rank, t.start))
        named = [m.actor for m in _within(mentions, sentence) if m.end > m.start]
        actors = tuple(dict.fromkeys(named + list(article_actors)))
        events.append(Event(f"{article_slug}-{len(events) + 1}", article_slug, sentence, best, actors))
    return tuple(events)


def _within(items, sentence: Sentence):
    return [item for item in items if sentence.start <= item.start and item.end <= sentence.end]
