"""The merge windows' members and the joins across windows, kept from one run to the next.

A month window's members are its own items and its neighbours' halo items, so they are a
function of three lists of items; a window whose three lists hold the very same objects as
last run's has the very same members and clusters. A cluster of a window that holds halo
items joins the clusters of the neighbouring month (windows._join's rule), so the join can
only reach from one window to the next through a boundary that such a cluster crosses:
runs of windows between boundaries nobody crosses (segments) are joined on their own, and a
segment whose windows are those of last run keeps last run's clusters, as objects.

``MergeState`` is what one run leaves for the next (in ``annals serve``; a build starts
from an empty one and keeps nothing). It may be dropped at any time: the next merge is then
slower, never different.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from operator import is_
from typing import Callable, Iterable, Mapping, Sequence

from .items import ItemChanges, RawItem
from .merge import MergeSettings, SourceEvent, gap_days

Window = tuple[str, int]


def rank(item: RawItem) -> tuple:
    """Where an item stands among all items of a chronology (raw_items' order: by source
    order, an event's own date before its other dates, those in the article's order)."""
    return (item.order, item.secondary, item.rank)


def member_rank(item: RawItem) -> tuple:
    """Where an item stands in a window: primary items first, each part in source order."""
    return (item.secondary, item.order, item.rank)


def same(a: Sequence, b: Sequence) -> bool:
    """The same objects in the same order (no content comparison: that would cost what the
    memo saves)."""
    return len(a) == len(b) and all(map(is_, a, b))


def _month_bounds(month: int) -> tuple[date, date]:
    first = date(month // 12, month % 12 + 1, 1)
    following = date((month + 1) // 12, (month + 1) % 12 + 1, 1)
    return first, following - timedelta(days=1)


def own_items(items: Iterable[RawItem]) -> dict[Window, list[RawItem]]:
    """Each window's own items, in the order given."""
    own: dict[Window, list[RawItem]] = {}
    for item in items:
        own.setdefault(item.window, []).append(item)
    return own


def patched_own(last: "MergeState", changes: ItemChanges,
                items: Sequence[RawItem]) -> tuple[dict[Window, list[RawItem]], set[Window] | None]:
    """own_items from the last merge's, and the windows whose own items changed: only the
    windows of the items that came and went (``changes``, raw_items) are listed again, in
    raw_items' order (member_rank: an unchanged article keeps its place among the others).
    Changes that do not add up to ``items`` (a memo emptied meanwhile) list them all."""
    before = sum(map(len, last.own.values()))
    if before - len(changes.gone) + len(changes.added) != len(items):
        return own_items(items), None
    gone = set(map(id, changes.gone))
    moved = {i.window for i in changes.gone} | {i.window for i in changes.added}
    own = dict(last.own)
    removed = 0
    for window in moved:
        earlier = last.own.get(window, ())
        kept = [i for i in earlier if id(i) not in gone]
        removed += len(earlier) - len(kept)
        found = kept + [i for i in changes.added if i.window == window]
        found.sort(key=member_rank)
        if found:
            own[window] = found
        else:
            own.pop(window, None)
    if removed != len(gone):  # items said gone that the last merge did not have
        return own_items(items), None
    return own, moved


def members(own: Mapping[Window, Sequence[RawItem]], window: Window,
            settings: MergeSettings) -> tuple[RawItem, ...]:
    """A window's items in order: its own, then its halo (primary items of the neighbouring
    months within ``conflict_window_days``)."""
    found = list(own[window])
    if window[0] == "m":
        first, last = _month_bounds(window[1])
        days = settings.conflict_window_days
        for neighbour in (("m", window[1] - 1), ("m", window[1] + 1)):
            found += [i for i in own.get(neighbour, ())
                      if not i.secondary and gap_days(i.start, i.end, first, last) <= days]
    return tuple(sorted(found, key=member_rank))


def neighbours(window: Window) -> tuple[Window, ...]:
    """The windows whose own items can be in this one's halo."""
    return (("m", window[1] - 1), ("m", window[1] + 1)) if window[0] == "m" else ()


@dataclass(frozen=True, eq=False)
class WindowState:
    """One window as a run left it: its members, content key, result (with the source
    events of its own items as this run's items have them) and what the join reads of it."""

    window: Window
    members: tuple[RawItem, ...]
    key: tuple
    result: object  # windows.WindowResult
    events: Mapping[int, SourceEvent]  # id of an own item -> its source event
    joins: tuple[tuple[tuple[RawItem, ...], tuple[RawItem, ...]], ...]  # (own items, halo items) per cluster
    node_of: Mapping[int, int]  # id of an own item -> its place in joins
    join_at: tuple[int, ...]  # each member's place in joins (-1: in a cluster of halo items only)


def window_state(window: Window, members_: tuple[RawItem, ...], key: tuple, result,
                 current: Sequence[SourceEvent] | Mapping[int, SourceEvent], kept: bool = True) -> WindowState:
    """``kept``: a next merge may start from it (else what only patching and a next join
    read, the places of items in joins, is left out: a build holds every window at once).
    ``current``: the own items' source events in order, or by item id (windows.LazyEvents)."""
    home = [i for i in members_ if i.window == window]
    joins = []
    join_at = [-1] * len(members_)
    for cluster in result.clusters:
        cited = [members_[k] for k in cluster]
        own = tuple(i for i in cited if i.window == window)
        if own:
            for k in cluster:
                join_at[k] = len(joins)
            joins.append((own, tuple(i for i in cited if i.window != window)))
    events = current if isinstance(current, Mapping) else {id(i): e for i, e in zip(home, current)}
    node_of = {id(i): k for k, (own, _) in enumerate(joins) for i in own} if kept else {}
    return WindowState(window, members_, key, result, events,
                       tuple(joins), node_of, tuple(join_at) if kept else ())


def patched_state(state: WindowState, members_: tuple[RawItem, ...], current: Callable[[SourceEvent, RawItem], SourceEvent],
                  ) -> tuple[WindowState, set[int]]:
    """The state of a window whose members are ``state``'s but for some items replaced by
    equal ones (the same content keys at the same places: an article analysed again), and
    the places in joins of the clusters holding them. Its clusters are the same; only the
    replaced items' source events and the joins holding them are made again."""
    window = state.window
    events = dict(state.events)
    node_of = dict(state.node_of)
    joins = list(state.joins)
    touched: set[int] = set()
    for k, (new, old) in enumerate(zip(members_, state.members)):
        if new is old:
            continue
        if new.window == window:
            events[id(new)] = current(events.pop(id(old)), new)
        at = state.join_at[k]
        if at >= 0:
            touched.add(at)
            if new.window == window:
                del node_of[id(old)]
                node_of[id(new)] = at
    for at in touched:
        cluster = next(c for c in state.result.clusters if state.join_at[c[0]] == at)
        cited = [members_[k] for k in cluster]
        joins[at] = (tuple(i for i in cited if i.window == window), tuple(i for i in cited if i.window != window))
    home = [i for i in members_ if i.window == window]
    result = type(state.result)(state.result.clusters, tuple(events[id(i)] for i in home))
    return WindowState(window, members_, state.key, result, events, tuple(joins), node_of, state.join_at), touched


@dataclass
class MergeState:
    """What one merge leaves for the next: each window's own items, each window's state and
    each node's component (join_nodes)."""

    settings: MergeSettings | None = None
    own: Mapping[Window, Sequence[RawItem]] = field(default_factory=dict)
    windows: Mapping[Window, WindowState] = field(default_factory=dict)
    components: Mapping[tuple[Window, int], Component] = field(default_factory=dict)


def unchanged_windows(own: Mapping[Window, Sequence[RawItem]], last: MergeState,
                      settings: MergeSettings, moved: set[Window] | None = None
                      ) -> tuple[dict[Window, WindowState], dict[Window, tuple[RawItem, ...]]]:
    """The windows whose members are last run's very objects (their state as it was), and
    the members of the others (``moved``: the windows whose own items changed, if known)."""
    if last.settings != settings or not last.windows:
        return {}, {window: members(own, window, settings) for window in sorted(own)}
    if moved is None:
        moved = {w for w, items in own.items() if not same(items, last.own.get(w, ()))}
        moved |= {w for w in last.own if w not in own}
    kept, redo = {}, {}
    for window in sorted(own):
        state = last.windows.get(window)
        if state is not None and window not in moved and not any(n in moved for n in neighbours(window)):
            kept[window] = state
            continue
        found = members(own, window, settings)  # a neighbour's move may not reach its halo
        if state is not None and same(found, state.members):
            kept[window] = state
        else:
            redo[window] = found
    return kept, redo


@dataclass(frozen=True, eq=False)
class Component:
    """Window clusters that reach one another through the halo items they hold (whether or
    not the join took them together): the join elsewhere cannot change theirs. Its nodes
    are (window, place among that window's joins); its clusters the source events of their
    items in chronology order, each with the rank of its first item."""

    nodes: tuple[tuple[Window, int], ...]
    clusters: tuple[tuple[tuple[SourceEvent, ...], tuple], ...]


def join_nodes(nodes: Sequence[tuple[Window, int]], states: Mapping[Window, WindowState]) -> list[Component]:
    """Clusters over the nodes' items (``nodes`` in window order, closed under their links):
    each window's clusters of its own items, joined through the halo items they hold, in
    window order, unless that would put two events of one article together. Secondary
    items that joined nothing are left out."""
    head_of: dict[int, int] = {}  # an own item's id -> the id of its cluster's first own item
    own_of: dict[int, tuple[RawItem, ...]] = {}
    node_of: dict[int, tuple[Window, int]] = {}
    links: list[tuple[int, int]] = []
    for node in nodes:
        state = states[node[0]]
        own, halo = state.joins[node[1]]
        head = id(own[0])
        node_of[head], own_of[head] = node, own
        for item in own:  # a window's own items are in one cluster each, of distinct articles
            head_of[id(item)] = head
        links += [(head, id(i)) for i in halo]
    parent = {h: h for h in own_of}
    reach = dict(parent)  # the same without the article rule: the components
    articles = {h: {i.event.article for i in own} for h, own in own_of.items()}

    def root(i: int, parent: dict[int, int]) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for head, halo in links:
        other = head_of.get(halo)
        if other is None:
            continue
        ra, rb = root(head, parent), root(other, parent)
        if ra != rb and not articles[ra] & articles[rb]:
            parent[rb] = ra  # which one is the root changes no group
            articles[ra] |= articles.pop(rb)
        ra, rb = root(head, reach), root(other, reach)
        if ra != rb:
            reach[rb] = ra
    groups: dict[int, list[int]] = {}
    for head in own_of:
        groups.setdefault(root(head, parent), []).append(head)
    parts: dict[int, tuple[list, list]] = {}
    for head in own_of:
        parts.setdefault(root(head, reach), ([], []))[0].append(node_of[head])
    for heads in groups.values():
        cited = [i for h in heads for i in own_of[h]]
        if any(not i.secondary for i in cited):
            cited.sort(key=rank)
            parts[root(heads[0], reach)][1].append(cited)
    out = []
    for found, kept in parts.values():
        kept.sort(key=lambda g: rank(g[0]))
        # each item's source event as its home window weighed it (or unweighed: _event)
        out.append(Component(tuple(found), tuple((tuple(_event(i, states, len(g) == 1) for i in g),
                                                  (g[0].secondary, g[0].rank)) for g in kept)))
    return out


def _event(item: RawItem, states: Mapping[Window, WindowState], alone: bool) -> SourceEvent:
    """An item's source event, from its home window (unweighed when it is an event alone and
    the window has not been weighed: windows.LazyEvents)."""
    events = states[item.window].events
    return events.alone(id(item)) if alone and hasattr(events, "alone") else events[id(item)]


def node_keys(state: WindowState) -> list[tuple[Window, int]]:
    return [(state.window, k) for k in range(len(state.joins))]


def joined(states: Mapping[Window, WindowState], redone: Iterable[Window], patched: Mapping[Window, set[int]],
           last: MergeState) -> tuple[dict[tuple[Window, int], Component], list[Component], list[Component]]:
    """Every node's component, the components joined now and last run's that they replace.
    Without last run's components, all are joined now; else only those holding a node of
    a window made again (``redone``, with windows gone), a node ``patched`` (window -> its
    places in joins made again: patched_state), or a node reached from one of those."""
    if not last.components:
        every = join_nodes([n for w in sorted(states) for n in node_keys(states[w])], states)
        return {n: c for c in every for n in c.nodes}, every, []
    redone = set(redone)
    components = dict(last.components)
    gone: dict[int, Component] = {}
    changed = [(w, k) for w, places in patched.items() for k in places]
    for window in redone:
        if window in last.windows:
            changed += node_keys(last.windows[window])
    for node in changed:
        component = components[node]
        gone[id(component)] = component
    region = {n for w in redone if w in states for n in node_keys(states[w])}
    region.update(n for w, places in patched.items() for n in ((w, k) for k in places))
    for window, k in list(region):  # links from the nodes made again into the others' clusters
        for item in states[window].joins[k][1]:
            there = states.get(item.window)
            if item.window in redone or there is None:
                continue
            at = there.node_of.get(id(item))
            if at is not None and (item.window, at) not in region:
                component = components[(item.window, at)]
                gone[id(component)] = component
    for component in gone.values():
        for node in component.nodes:
            del components[node]
            if node[0] not in redone:
                region.add(node)
    made = join_nodes(sorted(region), states)
    for component in made:
        for node in component.nodes:
            components[node] = component
    return components, made, list(gone.values())
