"""What a chronology keeps for the next save (chronology/segments.py, ordering.py): the next
chronology made with it equals one made from nothing, and it redoes only what changed.

Articles analysed again are new objects with the same content (what serve gets for an
edited file): their merge windows are patched, not clustered again."""

from __future__ import annotations

from datetime import date

from generator import chronology
from generator.chronology import ChronologyMemo
from generator.chronology.ordering import id_family
from tests.unit.test_chronology import analysis, build, day


def clash(slug: str, published: date, on: int, source: str, *actors: str, place: str = "Tavush"):
    text = f"Clashes erupted between Armenia and Azerbaijan in {place} on {on} July."
    return analysis(slug, published, (text, f"{on} July", day(2025, 7, on), *actors), source=source)


def archive(sources: tuple[str, str, str]) -> list:
    """Three tellings of one clash, one on 19 July and two on 20 July (a conflict whose date
    is the one most independent sources give), and quieter news around them."""
    return [clash("one", date(2025, 7, 22), 19, sources[0], "armenia", "azerbaijan"),
            clash("two", date(2025, 7, 23), 20, sources[1], "armenia", "azerbaijan"),
            clash("three", date(2025, 7, 22), 20, sources[2], "armenia", "azerbaijan"),
            analysis("four", date(2025, 7, 30),
                     ("Georgia and Russia held talks in Tbilisi on 28 July.", "28 July", day(2025, 7, 28),
                      "georgia", "russia"), source="Desk"),
            analysis("five", date(2025, 8, 2),
                     ("Georgia hosted Russia on 1 August for talks.", "1 August", day(2025, 8, 1),
                      "georgia", "russia"), source="Post")]


def test_articles_analysed_again_give_the_chronology_made_from_nothing():
    memo = ChronologyMemo()
    first = build(*archive(("Wire", "Post", "Post")), memo=memo)
    again = build(*archive(("Wire", "Post", "Post")), memo=memo)  # equal content, new objects
    assert again == first
    assert memo.merge is not None and memo.order is not None


def test_clusters_equal_to_those_that_went_out_are_not_drafted_again(monkeypatch):
    """A save analyses the edited article again: its other sentences come back as new
    objects of equal value, whose clusters keep their drafts (chosen headline and all), now
    citing the new source events; only the edited sentence's cluster (the talks, told twice) is drafted again."""
    memo = ChronologyMemo()
    build(*archive(("Wire", "Post", "Post")), memo=memo)
    drafted = []
    real = chronology.draft_event
    monkeypatch.setattr(chronology, "draft_event", lambda cited, settings: drafted.append(cited) or real(cited, settings))
    edited = archive(("Wire", "Post", "Post"))
    edited[4] = analysis("five", date(2025, 8, 2),
                         ("Georgia hosted Russia on 1 August for a second round of talks.", "1 August",
                          day(2025, 8, 1), "georgia", "russia"), source="Post")
    again = build(*edited, memo=memo)
    assert [[c.event.sentence.text for c in cited] for cited in drafted] == [
        ["Georgia and Russia held talks in Tbilisi on 28 July.",
         "Georgia hosted Russia on 1 August for a second round of talks."]]
    monkeypatch.undo()
    assert again == build(*edited)
    own = {id(event) for a in edited for event in a.events}
    assert all(id(c) in own for event in again.events for c in event.citations)


def test_a_new_outlet_reaches_the_date_a_merged_event_takes():
    """The date with most independent sources wins: one outlet twice is one source (a tie:
    the earlier day), two outlets are two. A source key is no part of a window's content
    key, so the window is patched, and its events must take the new key."""
    memo = ChronologyMemo()
    tied = build(*archive(("Wire", "Post", "Post")), memo=memo)
    merged = [e for e in tied.events if len(e.citations) == 3]
    assert merged and merged[0].conflicts and merged[0].time == day(2025, 7, 19)
    moved = build(*archive(("Wire", "Post", "Herald")), memo=memo)
    assert [e.time for e in moved.events if len(e.citations) == 3] == [day(2025, 7, 20)]
    assert moved == build(*archive(("Wire", "Post", "Herald")))


def test_a_window_patched_joins_only_the_components_it_touches():
    old = archive(("Wire", "Post", "Post"))
    memo = ChronologyMemo()
    build(*old, memo=memo)
    before = dict(memo.merge.components)
    four = archive(("Wire", "Post", "Post"))[3]  # "four" analysed again: the others as they were
    after = build(*old[:3], four, old[4], memo=memo)
    assert after == build(*old[:3], four, old[4])
    kept = [n for n, c in memo.merge.components.items() if before.get(n) is c]
    assert kept  # the clash's component was not joined again
    assert len(kept) < len(memo.merge.components)


def test_ids_within_a_family_follow_edits_as_a_full_assignment_would():
    """Three events that cannot merge (no actor in common) with the same headline words on
    the same day share an id base: e-...-2, e-...-3 follow the timeline order, and deleting
    or adding one renames the others as a chronology made from nothing does."""
    def told(slug: str, actor: str, published: date):
        return analysis(slug, published, ("Talks opened in Vienna on 3 June.", "3 June", day(2025, 6, 3), actor),
                        source=slug)

    a, b, c = told("a", "armenia", date(2025, 6, 4)), told("b", "georgia", date(2025, 6, 5)), \
        told("c", "russia", date(2025, 6, 6))
    memo = ChronologyMemo()
    full = build(a, b, c, memo=memo)
    ids = [e.id for e in full.events]
    assert len(set(ids)) == 3 and len({id_family(i) for i in ids}) == 1
    assert build(b, c, memo=memo) == build(b, c)
    again = build(a, b, c, told("d", "azerbaijan", date(2025, 6, 3)), memo=memo)
    assert again == build(a, b, c, told("d", "azerbaijan", date(2025, 6, 3)))


def test_id_families_cut_only_trailing_numbers():
    assert id_family("e-2025-06-03-talks-opened-vienna") == "e-2025-06-03-talks-opened-vienna"
    assert id_family("e-2025-06-03-talks-2") == id_family("e-2025-06-03-talks") == "e-2025-06-03-talks"
    assert id_family("e-2025-06-03") == "e"  # only numbers: one family for all such ids
