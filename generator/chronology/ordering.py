"""The merged clusters' drafts in timeline order, kept from one run to the next.

A component (segments.py) that is last run's very object has last run's clusters, hence
last run's drafts, and a cluster of equal source events has last run's draft; the timeline order of all drafts then changes only where components
were joined again, so the sorted list of the last run is patched (the drafts of the
components that went out, those of the components that came in) instead of sorted again. Each draft's
sort key is unique (its first item's place in source order ends it), so a patched list is
the list a full sort gives.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Callable, Sequence

from ..model import TimelineEvent
from .merge import SourceEvent
from .segments import Component, same

Draft = tuple[tuple, TimelineEvent]  # (sort key, event with its id base)
# (cluster's source events in order, the rank of its first item) -> (event order, event)
MakeDraft = Callable[[tuple[SourceEvent, ...]], tuple[tuple, TimelineEvent]]


@dataclass
class DraftOrder:
    """What one run leaves for the next: each component's drafts (by the component's id,
    with the component, which keeps the id from being reused) and all drafts in order."""

    drafts_of: dict[int, tuple[Component, list[tuple[tuple[SourceEvent, ...], Draft]]]] = field(default_factory=dict)
    keys: list[tuple] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)


def equal(a: Sequence[SourceEvent], b: Sequence[SourceEvent]) -> bool:
    """The same source events, or equal ones (a window clustered again weighs its events
    again, mostly to the same values): a draft is a function of its cluster's values."""
    return same(a, b) or (len(a) == len(b) and all(x == y and x.terms == y.terms for x, y in zip(a, b)))


def ordered_drafts(made: Sequence[Component], gone: Sequence[Component], make: MakeDraft,
                   last: DraftOrder | None) -> tuple[list[Draft], DraftOrder]:
    """Every cluster's draft in timeline order, and what the next run may start from:
    ``made`` are the components of the merge that are new, ``gone`` those of the last merge
    (whose drafts ``last`` holds) that are no more; without ``last``, ``made`` are all."""
    drafts_of = dict(last.drafts_of) if last is not None else {}
    earlier: dict[tuple[int, ...], tuple[tuple[SourceEvent, ...], Draft]] = {}
    removed: list[Draft] = []
    for component in gone:  # a component joined again mostly holds clusters of those it replaces
        for cluster, draft in drafts_of.pop(id(component))[1]:
            earlier[tuple(id(c.event) for c in cluster)] = (cluster, draft)
            removed.append(draft)
    added: list[Draft] = []
    for component in made:
        entries = []
        for cluster, tiebreak in component.clusters:
            found = earlier.get(tuple(id(c.event) for c in cluster))
            if found is not None and equal(found[0], cluster):
                draft = found[1]
            else:
                order, event = make(cluster)
                draft = ((order, tiebreak), event)
            entries.append((cluster, draft))
            added.append(draft)
        drafts_of[id(component)] = (component, entries)
    # a draft that went out with one component and came back with another stays where it is
    back = {id(d) for d in added} & {id(d) for d in removed}
    added = [d for d in added if id(d) not in back]
    removed = [d for d in removed if id(d) not in back]
    if last is None or len(added) + len(removed) > len(last.drafts) // 4:
        drafts = sorted((d for _, entries in drafts_of.values() for _, d in entries), key=lambda d: d[0])
        keys = [d[0] for d in drafts]
    else:
        keys, drafts = last.keys, last.drafts  # patched in place: the last run's are its own no more
        for draft in removed:
            at = bisect_left(keys, draft[0])
            assert drafts[at] is draft
            del keys[at], drafts[at]
        for draft in added:
            at = bisect_left(keys, draft[0])
            keys.insert(at, draft[0])
            drafts.insert(at, draft)
    return drafts, DraftOrder(drafts_of, keys, drafts)
