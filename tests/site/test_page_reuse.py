"""`annals build` again: unchanged pages are linked from the last output, never trusted blindly.

The build cache keeps, per page, the digest of its inputs and the signature of the file it
wrote (emit.py). These tests build a small site, change one thing, build again, and look at
the output folder: which files are the same inodes as before (linked), which were written
afresh, and that the bytes always equal those of a clean build.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from generator.build import BuildOptions, build
from sitekit import REPO, mark_kept_cards, tree_bytes, write_tiny_site

CEASEFIRE = "articles/levant-ceasefire/index.html"
HARVEST = "articles/harvest-report/index.html"  # a story of its own, months away from the others
BORDER = "articles/border-ceasefire/index.html"
BRIEFING = "articles/meridian-briefing/index.html"


def with_harvest_report(root: Path) -> Path:
    site = write_tiny_site(root)
    (site / "content" / "articles" / "harvest-report.md").write_text(
        "---\ntitle: Grain harvest ends early\ndate: 2024-03-08\nsource: Farm Gazette\n---\n"
        "Farmers in the valley finished the wheat harvest on Tuesday, a fortnight ahead of the usual time.\n",
        encoding="utf-8")
    return site


def inodes(root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): p.stat().st_ino for p in root.rglob("*.html")}


def build_into(site: Path, out: Path, **options) -> object:
    return build(BuildOptions(site, output_dir=out, **options))


def clean(site: Path, out: Path) -> dict[str, bytes]:
    build(BuildOptions(site, output_dir=out, use_cache=False, force=True))
    return tree_bytes(out)


def test_a_build_without_changes_links_every_page_but_the_site_wide_ones(tmp_path: Path):
    site, out = write_tiny_site(tmp_path / "site"), tmp_path / "out"
    first = build_into(site, out)
    assert first.reused == 0
    before = inodes(out)
    again = build_into(site, out)
    after = inodes(out)
    kept = {p for p in after if after[p] == before.get(p)}
    site_wide = {"index.html", "actors/index.html", "key-dates/index.html", "embed/index.html", "404.html"}
    assert kept == set(after) - site_wide
    assert again.reused == len(kept) and again.rendered == len(site_wide)
    assert tree_bytes(out) == clean(site, tmp_path / "clean")


def test_an_edit_renders_the_pages_it_touches_and_links_the_others(tmp_path: Path):
    site, out = with_harvest_report(tmp_path / "site"), tmp_path / "out"
    build_into(site, out)
    before = inodes(out)
    article = site / "content" / "articles" / "meridian-briefing.md"
    article.write_text(article.read_text(encoding="utf-8").replace("train Syrian troops", "train Syrian cadets"),
                       encoding="utf-8")
    build_into(site, out)
    after = inodes(out)
    assert after[BRIEFING] != before[BRIEFING]  # the edited article's page is new
    assert after[HARVEST] == before[HARVEST]  # an article the edit does not touch is linked
    assert "train Syrian cadets" in (out / BRIEFING).read_text(encoding="utf-8")
    assert tree_bytes(out) == clean(site, tmp_path / "clean")


def test_a_retitled_article_renews_the_pages_citing_it(tmp_path: Path):
    """The actor pages list the article by title: their inputs include the articles they cite."""
    site, out = write_tiny_site(tmp_path / "site"), tmp_path / "out"
    build_into(site, out)
    before = inodes(out)
    article = site / "content" / "articles" / "border-ceasefire.md"
    article.write_text(article.read_text(encoding="utf-8").replace("Envoy announces Sweida ceasefire",
                                                                   "Envoy hails Sweida truce"), encoding="utf-8")
    build_into(site, out)
    barrack = "actors/tom-barrack/index.html"
    assert inodes(out)[barrack] != before[barrack]
    assert "Envoy hails Sweida truce" in (out / barrack).read_text(encoding="utf-8")
    assert tree_bytes(out) == clean(site, tmp_path / "clean")


def test_an_output_file_changed_by_hand_is_rendered_again(tmp_path: Path):
    site, out = write_tiny_site(tmp_path / "site"), tmp_path / "out"
    build_into(site, out)
    page = out / CEASEFIRE
    page.write_text("tampered", encoding="utf-8")
    (out / BORDER).unlink()
    build_into(site, out)
    assert tree_bytes(out) == clean(site, tmp_path / "clean")


def test_a_template_edit_renders_every_page(tmp_path: Path):
    site, out = write_tiny_site(tmp_path / "site"), tmp_path / "out"
    theme = site / "themes" / "default"
    theme.parent.mkdir(parents=True)
    subprocess.run(["cp", "-r", str(REPO / "themes" / "default"), str(theme)], check=True)
    build_into(site, out)
    base = theme / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("</body>", "<p>edited theme</p></body>"),
                    encoding="utf-8")
    result = build_into(site, out)
    assert result.reused == 0
    assert "edited theme" in (out / CEASEFIRE).read_text(encoding="utf-8")


def test_another_output_folder_and_no_cache_link_nothing(tmp_path: Path):
    site = write_tiny_site(tmp_path / "site")
    build_into(site, tmp_path / "out")
    assert build_into(site, tmp_path / "elsewhere").reused == 0
    assert build_into(site, tmp_path / "out", use_cache=False).reused == 0


def test_page_digests_are_the_same_in_every_process(tmp_path: Path):
    """Digests never come from hash(), which is salted per process: a second CLI run with
    another hash seed still finds the pages unchanged."""
    site, out = write_tiny_site(tmp_path / "site"), tmp_path / "out"

    def run(seed: str) -> str:
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run([sys.executable, "-m", "generator", "build", str(site), "-o", str(out)],
                              capture_output=True, text=True, cwd=REPO, env=env, timeout=300)
        assert done.returncode == 0, done.stderr
        return done.stdout + done.stderr

    run("1")
    assert "unchanged" in run("2")


def write_two_year_site(root: Path) -> Path:
    """A timeline split by year: one article tells a 2019 event and a 2024 one, two others
    tell the same 2024 event."""
    articles = root / "content" / "articles"
    articles.mkdir(parents=True)
    (articles / "port-history.md").write_text(
        "---\ntitle: The port reopens\ndate: 2024-05-10\nsource: Harbour Post\n---\n"
        "The harbour was closed to shipping in March 2019 after the storm.\n\n"
        "The harbour reopened to container ships on Wednesday, the port authority said.\n",
        encoding="utf-8")
    (articles / "port-wire.md").write_text(
        "---\ntitle: Container ships return\ndate: 2024-05-10\nsource: Coast Wire\n---\n"
        "The harbour reopened to container ships on Wednesday after five years of repairs.\n",
        encoding="utf-8")
    (articles / "council-vote.md").write_text(
        "---\ntitle: Council approves the budget\ndate: 2024-06-14\nsource: Town Crier\n---\n"
        "The town council approved the harbour budget on Thursday by seven votes to two.\n",
        encoding="utf-8")
    (root / "site.yaml").write_text("title: Harbour\npage_events: 2\n", encoding="utf-8")
    return root



def test_an_edited_sentence_renews_only_the_pages_that_show_it(tmp_path: Path):
    """The other events of the edited article are on pages that stay as they were: a source
    event is named by its own words, not by its whole article."""
    site, out = write_two_year_site(tmp_path / "site"), tmp_path / "out"
    build_into(site, out)
    before = inodes(out)
    assert "years/2019/index.html" in before and "years/2024/index.html" in before
    article = site / "content" / "articles" / "port-history.md"
    article.write_text(article.read_text(encoding="utf-8").replace("the port authority said",
                                                                   "the harbour master said"), encoding="utf-8")
    build_into(site, out)
    after = inodes(out)
    assert after["articles/port-history/index.html"] != before["articles/port-history/index.html"]
    assert after["years/2019/index.html"] == before["years/2019/index.html"]  # its other event's page
    assert after["embed/years/2019/index.html"] == before["embed/years/2019/index.html"]
    assert tree_bytes(out) == clean(site, tmp_path / "clean")


def test_the_other_sources_of_an_edited_event_keep_their_pages(tmp_path: Path):
    """An article page links the events citing it: another source's new words do not change
    it, a new id for the event (its headline's words) does."""
    site, out = write_two_year_site(tmp_path / "site"), tmp_path / "out"
    wire = "articles/port-wire/index.html"
    build_into(site, out)
    before = inodes(out)
    article = site / "content" / "articles" / "port-history.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("the port authority said", "the harbour master said"), encoding="utf-8")
    build_into(site, out)
    after = inodes(out)
    assert after["years/2024/index.html"] != before["years/2024/index.html"]  # it shows the new words
    assert after[wire] == before[wire]
    assert tree_bytes(out) == clean(site, tmp_path / "clean")
    # new words for the headline name the event anew: the other source's link follows it
    article.write_text(text.replace("The harbour reopened to container ships",
                                    "Container ships were allowed back into the harbour"), encoding="utf-8")
    build_into(site, out)
    assert inodes(out)[wire] != after[wire]
    assert tree_bytes(out) == clean(site, tmp_path / "clean2")


def test_the_export_files_of_actors_an_edit_does_not_touch_are_linked(tmp_path: Path):
    """An actor's feed, TimelineJS and oEmbed files are made of its events: an edit of
    another actor's event leaves them the very files they were."""
    site, out = write_tiny_site(tmp_path / "site"), tmp_path / "out"
    build_into(site, out)
    before = {p.relative_to(out).as_posix(): p.stat().st_ino for p in (out / "actors").rglob("*.*")}
    article = site / "content" / "articles" / "border-ceasefire.md"
    article.write_text(article.read_text(encoding="utf-8").replace("had been reached", "had been agreed"),
                       encoding="utf-8")
    build_into(site, out)
    after = {p.relative_to(out).as_posix(): p.stat().st_ino for p in (out / "actors").rglob("*.*")}
    for name in ("feed.xml", "timelinejs.json", "oembed.json"):
        assert after[f"actors/turkiye/{name}"] == before[f"actors/turkiye/{name}"]
    assert after["actors/tom-barrack/feed.xml"] != before["actors/tom-barrack/feed.xml"]
    assert "had been agreed" in (out / "actors" / "tom-barrack" / "feed.xml").read_text(encoding="utf-8")
    assert tree_bytes(out) == clean(site, tmp_path / "clean")
    # linked, it is still known as the build's own: a later edit of that actor renews it
    meridian = site / "content" / "articles" / "meridian-briefing.md"
    meridian.write_text(meridian.read_text(encoding="utf-8").replace("train Syrian troops", "train Syrian cadets"),
                        encoding="utf-8")
    build_into(site, out)
    assert "train Syrian cadets" in (out / "actors" / "turkiye" / "timelinejs.json").read_text(encoding="utf-8")
    assert tree_bytes(out) == clean(site, tmp_path / "clean2")


def test_a_kept_state_takes_an_unchanged_event_s_card_from_the_last_build(tmp_path: Path):
    """The build server rendering in its own process (and annals serve) keeps the event
    cards for the next build (render/cards.py): an unchanged event's card comes from there
    (a card altered in the kept memo shows), an edited event's is made afresh."""
    from generator.build import BuildOptions, build
    from generator.incremental import PipelineState
    from sitekit import write_tiny_site

    site, out = write_tiny_site(tmp_path / "site"), tmp_path / "out"
    state = PipelineState()
    build(BuildOptions(site, output_dir=out, jobs=1), state=state)
    memo = state.emitted.cards
    mark_kept_cards(memo, "levant-ceasefire")
    article = site / "content" / "articles" / "levant-ceasefire.md"
    article.write_text(article.read_text(encoding="utf-8").replace("Sweida", "Suwayda"), encoding="utf-8")
    build(BuildOptions(site, output_dir=out, jobs=1), state=state)
    pages = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.html"))
    assert "data-kept" in pages and "<li>stale</li>" not in pages and "Suwayda" in pages


def test_an_actors_files_are_linked_when_only_the_key_dates_among_its_events_moved(tmp_path: Path):
    """No actor file shows key dates: a new article that changes a key date on one of an
    actor's days, without touching the actor's events, leaves the actor's files as they were."""
    import json

    from sitekit import write_bench_site

    site, out = write_bench_site(tmp_path / "site", 30), tmp_path / "out"
    build_into(site, out)
    document = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    events_of = {a["slug"]: a["events"] for a in document["actors"]}
    day = next(k for k in document["key_dates"] if len(k["date"]) == 10 and any(
        set(k["events"]) & set(ids) for ids in events_of.values()))
    files = lambda: {p.relative_to(out).as_posix(): p.stat().st_ino for p in (out / "actors").rglob("*.*")}  # noqa: E731
    before = files()
    told = date.fromisoformat(day["date"])
    (site / "content" / "articles" / "beekeepers.md").write_text(
        f"---\ntitle: Hives counted\ndate: {told + timedelta(days=3)}\n---\n\n"
        f"Beekeepers counted the hives in the orchards on {told:%B} {told.day}, {told.year}.\n", encoding="utf-8")
    build_into(site, out)
    after = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    assert after["key_dates"] != document["key_dates"]
    kept = [slug for slug, ids in events_of.items()
            if next(a["events"] for a in after["actors"] if a["slug"] == slug) == ids
            and set(day["events"]) & set(ids)]
    assert kept  # actors whose events stayed, on the day whose key date moved
    now = files()
    for slug in kept:
        for name in ("feed.xml", "timelinejs.json", "oembed.json"):
            assert now[f"actors/{slug}/{name}"] == before[f"actors/{slug}/{name}"]
    assert tree_bytes(out) == clean(site, tmp_path / "clean")
