"""What changed between two runs' timelines (annals serve), by identity: what a run keeps
of the last one is the very event objects, so the events that came and went are those not
found in the other run's list, and a list of last run's events is brought up to date by
taking out those gone and bisecting in those added, instead of being made again.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import count
from typing import Mapping, Sequence

from ..model import TimelineEvent


class EventChanges:
    """The events of a timeline that were not in the last run's and those that are gone, by
    identity (what is kept from run to run is the very event object), with each event's
    place in the new timeline for putting lists back in order."""

    def __init__(self, before: Sequence[TimelineEvent], now: Sequence[TimelineEvent],
                 known: tuple[Sequence[TimelineEvent], Sequence[TimelineEvent]] | None = None,
                 previous: "EventChanges | None" = None):
        """``known``: (gone, added) as whoever made ``now`` from ``before`` knows them (the
        chronology's patched draft order), else found here. ``previous``: the changes that
        made ``before``, whose places in it serve went_from."""
        self.before, self._now = before, now
        self._position: dict[int, int] | None = None
        self._before_position = previous._position if previous is not None and previous._now is before else None
        if known is not None:
            self.gone = list(known[0])
            self._gone = set(map(id, self.gone))
            position = self.position() if known[1] else {}
            self.added = sorted(known[1], key=lambda e: position[id(e)])
        else:
            # (by dicts and set operations: a diff of 26,000 events made in Python loops
            # cost more than what it spares)
            old = dict(zip(map(id, before), before))
            self._position = position = dict(zip(map(id, now), count()))
            self._gone = old.keys() - position.keys()
            self.gone = [old[i] for i in self._gone]  # (in no particular order: only taken out)
            self.added = sorted((now[position[i]] for i in position.keys() - old.keys()), key=lambda e: position[id(e)])
        self.none = not self.gone and not self.added

    def between(self, before: Sequence[TimelineEvent], now: Sequence[TimelineEvent]) -> bool:
        """Whether these are the changes from ``before`` to ``now`` (the very lists)."""
        return self.before is before and self._now is now

    def patch(self, events: Sequence[TimelineEvent], added: Sequence[TimelineEvent]) -> tuple[TimelineEvent, ...]:
        """A list of the last timeline's events (in its order) less those gone, with
        ``added`` (new events that belong to it), in the new timeline's order: events that
        stayed keep their order, as they keep their sort keys."""
        gone = self._gone
        kept = [e for e in events if id(e) not in gone] if gone else list(events)
        if not added:
            return tuple(kept)
        position = self.position()
        place = lambda e: position[id(e)]  # noqa: E731
        for event in added:  # a few events into a long list: bisected, not sorted again
            kept.insert(bisect_left(kept, position[id(event)], key=place), event)
        return tuple(kept)

    def position(self) -> dict[int, int]:
        """Each event's place in the new timeline, by its id."""
        if self._position is None:
            self._position = dict(zip(map(id, self._now), count()))
        return self._position

    def came_into(self, events: Sequence[TimelineEvent]) -> list[TimelineEvent]:
        """The added events that are in ``events`` (a list in the new timeline's order),
        found by bisection."""
        return _members(self.added, events, self.position())

    def went_from(self, events: Sequence[TimelineEvent]) -> list[TimelineEvent] | None:
        """The gone events that are in ``events`` (a list in the last timeline's order),
        found by bisection; None when the last timeline's places are not known."""
        position = self._before_position
        if position is None:
            return None
        return _members(self.gone, events, position)


def _members(found: Sequence[TimelineEvent], events: Sequence[TimelineEvent],
             position: Mapping[int, int]) -> list[TimelineEvent]:
    """Those of ``found`` that are in ``events``, a list in the order ``position`` gives
    (by identity), each found by bisection."""
    place = lambda e: position[id(e)]  # noqa: E731
    out = []
    for event in found:
        at = bisect_left(events, position[id(event)], key=place)
        if at < len(events) and events[at] is event:
            out.append(event)
    return out
