"""The merged clusters' drafts in timeline order, kept from one run to the next.

A component (segments.py) that is last run's very object has last run's clusters, hence
last run's drafts, and a cluster of equal source events has last run's draft; the timeline order of all drafts then changes only where components
were joined again, so the sorted list of the last run is patched (the drafts of the
components that went out, those of the components that came in) instead of sorted again. Each draft's
sort key is unique (its first item's place in source order ends it), so a patched list is
the list a full sort gives.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Mapping, Sequence

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
    events: list[TimelineEvent] = field(default_factory=list)  # each draft's event with its id, in order
    families: dict[str, list[Draft]] = field(default_factory=dict)  # id_family -> its drafts in order
    merged: int = 0  # drafts citing more than one source event
    settings: object = None  # the merge settings the drafts were made with
    # (events gone, events added) since the last run's list, when it was patched (else None)
    changes: tuple[list[TimelineEvent], list[TimelineEvent]] | None = None


def id_family(base: str) -> str:
    """Ids of one family can clash ("e-x", "e-x-2" and base "e-x-2" all end alike); ids of
    two families never can, so an edit renames only within the families it touches."""
    return FAMILY_RE.sub("", base)


FAMILY_RE = re.compile(r"(?:-[0-9]+)+$")
Assign = Callable[[Sequence[Draft], Mapping], list[TimelineEvent]]  # chronology.assign_ids


def equal(a: Sequence[SourceEvent], b: Sequence[SourceEvent]) -> bool:
    """The same source events, or equal ones (a window clustered again weighs its events
    again, mostly to the same values): a draft is a function of its cluster's values."""
    return same(a, b) or (len(a) == len(b) and all(x == y and x.terms == y.terms for x, y in zip(a, b)))


class EqualClusters:
    """The clusters that went out, by their values: an article analysed again (one sentence
    of it edited) brings new source event objects equal to the old ones for its other
    sentences, whose clusters need no drafting again (a draft, chosen headline and all, is a
    function of its cluster's values: about a millisecond each)."""

    def __init__(self, entries: Iterable[tuple[tuple[SourceEvent, ...], Draft]]):
        # a source event's hash and == leave out its term weights: equal() checks them
        self._entries: dict[tuple[SourceEvent, ...], tuple[tuple[SourceEvent, ...], Draft]] = {}
        for cluster, draft in entries:
            self._entries.setdefault(cluster, (cluster, draft))

    def draft(self, cluster: tuple[SourceEvent, ...]) -> tuple[tuple, TimelineEvent] | None:
        """(event order, event) for ``cluster`` when an equal cluster went out: the old
        draft's event, citing this cluster's own source events (a new object, so that
        whatever was remembered of the old one by identity is worked out again)."""
        found = self._entries.get(cluster)
        if found is None or not equal(found[0], cluster):
            return None
        old, (key, event) = found
        now = {id(a.event): b.event for a, b in zip(old, cluster)}
        if any(id(c) not in now for c in event.citations):
            return None
        return key[0], replace(event, citations=tuple(now[id(c)] for c in event.citations))


def ordered_drafts(made: Sequence[Component], gone: Sequence[Component], make: MakeDraft,
                   assign: Assign, last: DraftOrder | None) -> DraftOrder:
    """Every cluster's draft and event (with the id ``assign`` gives it) in timeline order:
    ``made`` are the components of the merge that are new, ``gone`` those of the last merge
    (whose drafts ``last`` holds) that are no more; without ``last``, ``made`` are all."""
    # patched in place: the caller took the last order out of its memo for this run
    drafts_of = last.drafts_of if last is not None else {}
    earlier: dict[tuple[int, ...], tuple[tuple[SourceEvent, ...], Draft]] = {}
    removed: list[Draft] = []
    for component in gone:  # a component joined again mostly holds clusters of those it replaces
        for cluster, draft in drafts_of.pop(id(component))[1]:
            earlier[tuple(id(c.event) for c in cluster)] = (cluster, draft)
            removed.append(draft)
    by_value = EqualClusters(earlier.values()) if earlier else None
    added: list[Draft] = []
    for component in made:
        entries = []
        for cluster, tiebreak in component.clusters:
            found = earlier.get(tuple(id(c.event) for c in cluster))
            if found is not None and equal(found[0], cluster):
                draft = found[1]
            else:
                repointed = by_value.draft(cluster) if by_value is not None else None
                order, event = repointed if repointed is not None else make(cluster)
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
        families: dict[str, list[Draft]] = {}
        for draft in drafts:
            families.setdefault(id_family(draft[1].id), []).append(draft)
        named = {(id(d[1]), e.id): (d[1], e) for d, e in zip(last.drafts, last.events)} if last is not None else {}
        return DraftOrder(drafts_of, [d[0] for d in drafts], drafts, assign(drafts, named), families,
                          sum(len(d[1].citations) > 1 for d in drafts))
    # patched in place: the last run's lists are its own no more
    keys, drafts, events = last.keys, last.drafts, last.events
    families = dict(last.families)
    touched: set[str] = set()
    gone_events: list[TimelineEvent] = []
    added_events: list[TimelineEvent] = []
    for draft in removed:
        at = bisect_left(keys, draft[0])
        assert drafts[at] is draft
        gone_events.append(events[at])
        del keys[at], drafts[at], events[at]
        family = id_family(draft[1].id)
        if family not in touched:
            touched.add(family)
            families[family] = list(families[family])
        members = families[family]
        at = bisect_left(members, draft[0], key=lambda d: d[0])
        assert members[at] is draft
        del members[at]
    for draft in added:
        at = bisect_left(keys, draft[0])
        keys.insert(at, draft[0])
        drafts.insert(at, draft)
        events.insert(at, None)  # type: ignore[arg-type]
        family = id_family(draft[1].id)
        if family not in touched:
            touched.add(family)
            families[family] = list(families.get(family, ()))
        members = families[family]
        members.insert(bisect_left(members, draft[0], key=lambda d: d[0]), draft)
    for family in touched:
        members = families[family]
        if not members:
            del families[family]
            continue
        # the events these drafts had (where they were), given back when their ids stay
        places = [bisect_left(keys, draft[0]) for draft in members]
        named = {}
        for draft, at in zip(members, places):
            if events[at] is not None:
                named[(id(draft[1]), events[at].id)] = (draft[1], events[at])
        for at, event in zip(places, assign(members, named)):
            if events[at] is not event:  # a new event, or one renamed: the old object goes
                if events[at] is not None:
                    gone_events.append(events[at])
                added_events.append(event)
            events[at] = event
    merged = last.merged + sum(len(d[1].citations) > 1 for d in added) - sum(len(d[1].citations) > 1 for d in removed)
    return DraftOrder(drafts_of, keys, drafts, events, families, merged, changes=(gone_events, added_events))
